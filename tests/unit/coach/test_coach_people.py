"""Participants' names, first names, possessives and @handles feed the engine."""

from __future__ import annotations

from postmortem_desk.coach import Coach, expand_names


def test_names_make_a_person_the_cause() -> None:
    coach = Coach(names=["Dana Whitfield"])
    (finding,) = [
        f for f in coach.check("Dana restarted the wrong node.") if f.category == "naming_person"
    ]
    assert finding.matched == "Dana"
    assert finding.rule_id == "named-person-fault"
    assert coach.check("The deploy bot restarted the node.") == []


def test_unlisted_names_fall_back_to_strong_fault_verbs_only() -> None:
    coach = Coach()
    assert [f.matched for f in coach.check("Alice broke prod.")] == ["Alice"]
    assert [f.matched for f in coach.check("Bob's change took the site down.")] == ["Bob"]
    for text in (
        "Checkout broke after the deploy.",
        "Kubernetes broke networking.",
        "Friday's deploy took the site down.",
        "The Redis failover took the API down.",
        "Search took the cluster down.",
    ):
        assert coach.check(text) == [], text
    # Without a participant list, a capitalised unknown word before a blame cue is taken for
    # a person; with a list, only the listed names are.
    assert {f.category for f in coach.check("Ravi should have checked the lag.")} == {
        "naming_person",
        "counterfactual",
    }
    assert coach.check("Nomad failed to schedule the job.") == []
    listed = coach.with_names(["Dana"])
    assert next(f.matched for f in listed.check("Dana restarted the wrong node.")) == "Dana"
    assert [f.category for f in listed.check("Ravi should have checked the lag.")] == [
        "counterfactual"
    ]


def test_full_name_possessive_and_handle() -> None:
    coach = Coach(names=["Dana Whitfield", "bob"])
    assert coach.check("Dana Whitfield broke prod.")[0].matched == "Dana Whitfield"
    assert coach.check("Whitfield's change took the site down.")[0].matched == "Whitfield"
    assert coach.check("@bob nuked the cache cluster.")[0].matched == "@bob"
    assert coach.check("@someone broke the build.")[0].category == "naming_person"


def test_names_in_neutral_roles_stay_clean() -> None:
    coach = Coach(names=["Dana", "Priya"])
    for text in (
        "Dana was scribe for the review.",
        "Thanks to Dana for the quick rollback.",
        "Dana restarted the primary at 02:31 as the runbook says.",
        "Priya said we should wait for the canary.",
    ):
        assert not [f for f in coach.check(text) if f.category == "naming_person"], text


def test_name_with_a_counterfactual_is_both() -> None:
    coach = Coach(names=["Ravi"])
    found = {f.category for f in coach.check("Ravi should have checked the replica lag.")}
    assert found == {"naming_person", "counterfactual"}


def test_with_names_shares_the_rules_and_is_cheap() -> None:
    base = Coach()
    named = base.with_names(["Dana"])
    assert named.rules is base.rules
    assert base.names == frozenset()
    assert "Dana" in named.names
    assert named.check("Dana broke prod.")


def test_expand_names_splits_parts_and_handles() -> None:
    assert expand_names(["Dana Whitfield", "@jlee", " "]) == frozenset(
        {"Dana Whitfield", "Dana", "Whitfield", "jlee"}
    )
