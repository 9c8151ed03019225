"""Context filters: subject animacy, senses of just, compounds, quotes, rejection, questions."""

from __future__ import annotations

import pytest

from postmortem_desk.coach import Coach


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach()


def rule_ids(coach: Coach, text: str) -> set[str]:
    return {finding.rule_id for finding in coach.check(text)}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The engineer failed to verify the backups.", True),
        ("The engineer on call failed to verify the backups.", True),
        ("We failed to verify the backups.", True),
        ("The backup job failed to verify the archive.", False),
        ("The Postgres operator failed to promote the replica.", False),
        ("The operator failed to promote the replica.", True),
        ("Users could have seen stale prices.", False),
        ("Requests from the client failed to reach the API.", False),
    ],
)
def test_subject_animacy(coach: Coach, text: str, flagged: bool) -> None:
    assert bool({f for f in coach.check(text) if f.category == "counterfactual"}) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("He could have just restarted it.", True),
        ("Why didn't he just roll back?", True),
        ("We just deployed v2.3 at 14:00.", False),
        ("The alert fired just after 06:00.", False),
        ("Latency stayed just under 300 ms.", False),
        ("She was just doing her normal work.", False),
        ("The consumer simply skips malformed messages.", False),
        ("We simply didn't have a dashboard for it.", False),
    ],
)
def test_sense_of_just_and_simply(coach: Coach, text: str, flagged: bool) -> None:
    assert bool({f for f in coach.check(text) if f.category == "minimizing"}) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "Human-readable error messages shortened diagnosis.",
        "git blame shows the change came from the bump.",
        "The blame view pointed at an old commit.",
        "A negligible latency increase was observed.",
        "The failed-to-start pods stayed in CrashLoopBackOff.",
        "Lazy loading of images slowed the first request.",
        "Dynamo-style sloppy quorum let writes succeed.",
        "The user error rate climbed to 4%.",
    ],
)
def test_compounds_are_not_blame(coach: Coach, text: str) -> None:
    assert coach.check(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'We rejected "human error" as an explanation.',
        "We avoid words like `careless` in these reviews.",
        "Calling this careless would miss what the tool allowed.",
        "Rather than blaming the reviewer, we looked at the diff view.",
        "Instead of asking who approved it, we asked what the review checked.",
        "This review is not about who was sloppy.",
        "Nobody here was careless.",
        "This was not human error; the console applied it without confirmation.",
    ],
)
def test_quotation_mention_and_rejection_frames(coach: Coach, text: str) -> None:
    assert coach.check(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Why did you restart the primary?", True),
        ("Why did the deploy fail on two hosts?", False),
        ("Why didn't the alert fire?", False),
        ("Who pushed to main without a review?", True),
        ("Who was on call for payments?", False),
        ("The engineer who deployed the fix updated the runbook.", False),
        ("Was the lag obvious to everyone at the time?", False),
        ("What would have helped you notice the lag sooner?", False),
    ],
)
def test_questions(coach: Coach, text: str, flagged: bool) -> None:
    assert bool(coach.check(text)) is flagged


def test_explained_omission_is_not_flagged(coach: Coach) -> None:
    assert (
        coach.check("No one checked the flag because the alert went to an archived channel.") == []
    )
    assert rule_ids(coach, "No one checked the flag.") == {"no-one-checked"}
