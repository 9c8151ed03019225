"""Read a timeline: gaps worth asking about, multi-day spans, and milestones versus key times."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol

from postmortem_desk.domain.enums import Milestone
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.domain.rules import KeyTimes, milestone_order_problems

LATEST_WINS = frozenset({Milestone.RESOLVED})
"""Milestones whose last occurrence counts: a re-triggered incident is resolved when it last is."""


class TimedEvent(Protocol):
    """Anything on the timeline: a stored event or one about to be imported."""

    @property
    def occurred_at(self) -> datetime: ...

    @property
    def milestone(self) -> Milestone | None: ...


@dataclass(frozen=True)
class Gap:
    """A stretch with no events, longer than the threshold; ``before`` and ``after`` are indexes."""

    start: datetime
    end: datetime
    before: int
    after: int

    @property
    def length(self) -> timedelta:
        """Return how long nothing happened."""
        return self.end - self.start


def find_gaps(times: Sequence[datetime], threshold: timedelta) -> list[Gap]:
    """Return the gaps between consecutive times (in the order given) longer than ``threshold``."""
    gaps: list[Gap] = []
    for index in range(1, len(times)):
        start, end = times[index - 1], times[index]
        if end - start > threshold:
            gaps.append(Gap(start=start, end=end, before=index - 1, after=index))
    return gaps


def spans_several_days(times: Iterable[datetime], zone: tzinfo = UTC) -> bool:
    """Tell whether the times fall on more than one calendar day in ``zone``, so dates must show."""
    days = {moment.astimezone(zone).date() for moment in times}
    return len(days) > 1


def key_times_of(postmortem: Postmortem) -> KeyTimes:
    """Return the key times a postmortem records by hand or from imports."""
    return KeyTimes(
        started=postmortem.started_at,
        detected=postmortem.detected_at,
        acknowledged=postmortem.acknowledged_at,
        mitigated=postmortem.mitigated_at,
        resolved=postmortem.resolved_at,
    )


KEY_TIME_FIELDS: dict[Milestone, str] = {m: f"{m.value}_at" for m in Milestone}
"""The Postmortem column that holds each milestone's key time."""


def milestones_from_events(events: Iterable[TimedEvent]) -> KeyTimes:
    """Return each milestone's time from its events: the first, or for resolved the last."""
    found: dict[Milestone, datetime] = {}
    for event in events:
        milestone = event.milestone
        if milestone is None:
            continue
        moment = event.occurred_at
        current = found.get(milestone)
        if current is None:
            found[milestone] = moment
        elif milestone in LATEST_WINS:
            found[milestone] = max(current, moment)
        else:
            found[milestone] = min(current, moment)
    return KeyTimes(**{m.value: t for m, t in found.items()})


@dataclass(frozen=True)
class MilestoneMismatch:
    """A milestone whose key time disagrees with the events marked with it."""

    milestone: Milestone
    key_time: datetime
    event_time: datetime

    @property
    def message(self) -> str:
        """Say the disagreement in one sentence."""
        return (
            f"{self.milestone.label} is {self.key_time:%Y-%m-%d %H:%M} UTC in the key times but "
            f"{self.event_time:%Y-%m-%d %H:%M} UTC on the timeline."
        )


def milestone_mismatches(
    key_times: KeyTimes, from_events: KeyTimes, tolerance: timedelta = timedelta(minutes=1)
) -> list[MilestoneMismatch]:
    """Return the milestones set both ways whose times differ by more than ``tolerance``."""
    mismatches: list[MilestoneMismatch] = []
    for milestone in Milestone:
        key, event = key_times.at(milestone), from_events.at(milestone)
        if key is not None and event is not None and abs(key - event) > tolerance:
            mismatches.append(MilestoneMismatch(milestone, key, event))
    return mismatches


@dataclass(frozen=True)
class KeyTimeFill:
    """Which empty key times a set of events fills, and which it cannot without breaking order."""

    updates: dict[Milestone, datetime]
    refused: dict[Milestone, str]


def fill_empty_key_times(current: KeyTimes, candidates: KeyTimes) -> KeyTimeFill:
    """Fill only empty key times, refusing any that would put the milestones out of order."""
    updates: dict[Milestone, datetime] = {}
    refused: dict[Milestone, str] = {}
    merged = {m: current.at(m) for m in Milestone}
    for milestone in Milestone:
        candidate = candidates.at(milestone)
        if candidate is None or merged[milestone] is not None:
            continue
        trial = KeyTimes(**{**{m.value: t for m, t in merged.items()}, milestone.value: candidate})
        before = set(milestone_order_problems(KeyTimes(**{m.value: t for m, t in merged.items()})))
        new_problems = [p for p in milestone_order_problems(trial) if p not in before]
        if new_problems:
            refused[milestone] = new_problems[0]
            continue
        merged[milestone] = candidate
        updates[milestone] = candidate
    return KeyTimeFill(updates=updates, refused=refused)


def timeline_problems(postmortem: Postmortem, events: Iterable[TimedEvent]) -> list[str]:
    """Name every inconsistency between the key times and the timeline, and within the key times."""
    key_times = key_times_of(postmortem)
    problems = milestone_order_problems(key_times)
    problems += [m.message for m in milestone_mismatches(key_times, milestones_from_events(events))]
    return problems
