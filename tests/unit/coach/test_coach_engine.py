"""The engine's contract: spans, order, keys, replacements, speed-related behaviour."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from postmortem_desk.coach import Coach, Finding

COACH = Coach(names=["Dana"])


def test_spans_point_at_the_matched_text_and_are_sorted() -> None:
    text = "Obviously he should have known. Who approved this?! Dana broke prod."
    findings = COACH.check(text)
    assert findings == sorted(findings, key=lambda f: f.start)
    for finding in findings:
        assert text[finding.start : finding.end] == finding.matched


def test_key_is_stable_across_edits_around_the_span() -> None:
    first = COACH.check("The outage was human error.")[0]
    second = COACH.check("After a long night, the outage was, in short, Human Error.")[0]
    assert first.key == second.key == "human-error-label:human error"


def test_replacement_matches_case_and_is_none_when_a_person_must_rewrite() -> None:
    (minimizing,) = [
        f for f in COACH.check("He could have just restarted it.") if f.category == "minimizing"
    ]
    assert minimizing.replacement == ""
    (exclaim,) = COACH.check("Down again!!!")
    assert exclaim.replacement == "."
    (label,) = COACH.check("Human error.")
    assert label.replacement is None


def test_text_without_triggers_returns_nothing() -> None:
    assert COACH.check("") == []
    assert COACH.check("The service recovered at 03:10 after the failover.") == []


def test_finding_is_frozen_and_hashable() -> None:
    finding = Finding(0, 4, "animated", "x", "wow!", "m", "s")
    assert hash(finding) == hash(Finding(0, 4, "animated", "x", "wow!", "m", "s"))
    assert finding.key == "x:wow!"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_valid_spans(text: str) -> None:
    for finding in COACH.check(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.matched


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Dana",
                "should",
                "have",
                "just",
                "human",
                "error",
                "who",
                "why",
                "obvious",
                "!!",
                "the",
                "job",
                "failed",
                "to",
                "'",
                '"',
                ",",
                ".",
                "?",
                "not",
                "was",
                "careless",
            ]
        ),
        max_size=40,
    )
)
def test_trigger_soup_never_crashes(words: list[str]) -> None:
    text = " ".join(words)
    for finding in COACH.check(text):
        assert text[finding.start : finding.end] == finding.matched
