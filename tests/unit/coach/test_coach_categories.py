"""Each category fires on blame and stays silent on its hard negatives."""

from __future__ import annotations

import pytest

from postmortem_desk.coach import CATEGORIES, Coach, Finding

NAMES = ("Dana Whitfield", "Bob", "Tomás")


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach(names=NAMES)


def categories(coach: Coach, text: str) -> set[str]:
    return {finding.category for finding in coach.check(text)}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Dana restarted the wrong node.", "naming_person"),
        ("Bob's change took the site down.", "naming_person"),
        ("@alice broke prod on Friday.", "naming_person"),
        ("Tomás ran the script against prod, so this one's on him.", "naming_person"),
        ("Whoever merged this broke checkout.", "naming_person"),
        ("The outage came down to human error.", "human_error"),
        ("Classic operator error on the failover step.", "human_error"),
        ("The resize used a fat-fingered node count.", "human_error"),
        ("The admin accidentally revoked the token.", "human_error"),
        ("We made a mistake in the rollout order.", "human_error"),
        ("The DBA failed to verify the backups.", "counterfactual"),
        ("We should have paged the database team sooner.", "counterfactual"),
        ("The on-call forgot to drain the node.", "counterfactual"),
        ("Nobody bothered to test the restore path.", "counterfactual"),
        ("If only someone had looked at the disk graph.", "counterfactual"),
        ("Whoever wrote this migration was careless.", "judgmental"),
        ("That was a sloppy, reckless deploy.", "judgmental"),
        ("Action item: engineers must double-check commands in production.", "judgmental"),
        ("The on-call needs to be retrained.", "judgmental"),
        ("The memory leak was obvious from Tuesday's graphs.", "hindsight"),
        ("Any competent engineer would have caught it.", "hindsight"),
        ("The warning signs were all there.", "hindsight"),
        ("He should have known the disk was filling.", "hindsight"),
        ("He merely needed to bump the replica count.", "minimizing"),
        ("All she had to do was run the rollback script.", "minimizing"),
        ("They could have just restarted the pod.", "minimizing"),
        ("Why did you restart the primary?", "who_why_question"),
        ("Who approved this PR?", "who_why_question"),
        ("Whose idea was it to deploy at peak?", "who_why_question"),
        ("This is ridiculous!!!", "animated"),
        ("I can't believe we shipped this.", "animated"),
        ("The rollout was a total disaster.", "animated"),
    ],
)
def test_blame_is_flagged(coach: Coach, text: str, category: str) -> None:
    assert category in categories(coach, text)


@pytest.mark.parametrize(
    "text",
    [
        # From the issue and the background note: technical sentences stay clean.
        "The health check failed to respond.",
        "The job should have finished in 5 minutes per its SLA.",
        "Human-readable error messages help the on-call.",
        "git blame shows the change.",
        "We just deployed v2.3 at 14:00.",
        "The operator restarted the service.",
        "The deploy bot restarted the node.",
        "The readiness probe failed to return 200.",
        "The standby that the cluster manager should have promoted stayed read-only.",
        "A rate limit would have contained the blast radius.",
        "Better alerting could have surfaced this.",
        "The flame graph clearly showed lock contention.",
        "Obviously, we'll share the report.",
        "There are no stupid questions in this review.",
        "A negligible latency increase.",
        "We ran a careful canary first.",
        "Latency stayed just under 300 ms.",
        "The sidecar simply retries failed requests.",
        "The banner was easy to overlook because it matched the background.",
        "Tomás was scribe for the review.",
        "Thanks to Dana for staying on the bridge.",
        "Who was on call last night?",
        "The new prompt guards against human error.",
        "Our game day injects operator error scenarios.",
        "Firing someone over this would be foolish.",
        "Disaster recovery drills run every quarter.",
        "The Kubernetes operator failed to reconcile the StatefulSet.",
    ],
)
def test_hard_negatives_stay_clean(coach: Coach, text: str) -> None:
    assert coach.check(text) == []


def test_every_category_has_a_rule() -> None:
    rules = Coach().rules.enabled_rules()
    assert {rule.category for rule in rules} == set(CATEGORIES)


def test_findings_carry_why_and_a_blameless_suggestion(coach: Coach) -> None:
    (finding,) = coach.check("The DBA failed to verify the backups.")
    assert isinstance(finding, Finding)
    assert finding.matched == "failed to"
    assert finding.message
    assert finding.suggestion
    assert finding.severity == "warning"
    assert finding.key == "failed-to-person:failed to"


def test_suggestions_never_offer_a_milder_insult() -> None:
    insults = ("foolish", "silly", "careless", "lazy", "sloppy", "stupid")
    for rule in Coach().rules.enabled_rules():
        assert not any(word in rule.suggestion.lower() for word in insults), rule.id
