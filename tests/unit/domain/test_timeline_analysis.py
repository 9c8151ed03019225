"""Timeline analysis: gaps, multi-day spans, milestones from events against key times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from postmortem_desk.domain.enums import Milestone
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.domain.rules import KeyTimes
from postmortem_desk.domain.timeline_analysis import (
    fill_empty_key_times,
    find_gaps,
    key_times_of,
    milestone_mismatches,
    milestones_from_events,
    spans_several_days,
    timeline_problems,
)


@dataclass(frozen=True)
class Mark:
    occurred_at: datetime
    milestone: Milestone | None = None


def at(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2024, 3, day, hour, minute, tzinfo=UTC)


def test_gaps_longer_than_the_threshold() -> None:
    times = [at(10), at(10, 5), at(10, 40), at(10, 41)]
    (gap,) = find_gaps(times, timedelta(minutes=15))
    assert (gap.before, gap.after, gap.length) == (1, 2, timedelta(minutes=35))
    assert find_gaps(times, timedelta(minutes=35)) == []
    assert find_gaps([], timedelta(minutes=1)) == []


def test_spans_several_days_depends_on_the_display_zone() -> None:
    times = [at(22), at(23, 30)]
    assert not spans_several_days(times)
    assert spans_several_days(times, timezone(timedelta(hours=1)))
    assert spans_several_days([at(23), at(1, day=2)])


def test_milestones_from_events_take_the_first_and_the_last_resolution() -> None:
    events = [
        Mark(at(10, 5), Milestone.DETECTED),
        Mark(at(10, 1), Milestone.DETECTED),
        Mark(at(10, 30), Milestone.RESOLVED),
        Mark(at(11, 0), Milestone.RESOLVED),
        Mark(at(10, 10)),
    ]
    times = milestones_from_events(events)
    assert times == KeyTimes(detected=at(10, 1), resolved=at(11))


def test_mismatches_between_key_times_and_the_timeline() -> None:
    key = KeyTimes(detected=at(10), resolved=at(11))
    events = KeyTimes(detected=at(10, 0) + timedelta(seconds=30), resolved=at(11, 20))
    (mismatch,) = milestone_mismatches(key, events)
    assert mismatch.milestone is Milestone.RESOLVED
    assert "2024-03-01 11:20 UTC on the timeline" in mismatch.message


def test_fill_only_empty_key_times_and_keep_order() -> None:
    current = KeyTimes(started=at(9), resolved=at(11))
    candidates = KeyTimes(started=at(8), detected=at(10), acknowledged=at(12))
    fill = fill_empty_key_times(current, candidates)
    assert fill.updates == {Milestone.DETECTED: at(10)}
    assert list(fill.refused) == [Milestone.ACKNOWLEDGED]


def test_timeline_problems_name_order_and_disagreement() -> None:
    postmortem = Postmortem(title="x", detected_at=at(10), acknowledged_at=at(9))
    problems = timeline_problems(postmortem, [Mark(at(10, 30), Milestone.DETECTED)])
    assert len(problems) == 2
    assert "before detected" in problems[0]
    assert "Detected is 2024-03-01 10:00 UTC" in problems[1]
    assert key_times_of(postmortem).acknowledged == at(9)
