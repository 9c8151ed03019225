"""Plain rules of the meeting: agendas, incident durations, due dates, meeting deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from postmortem_desk.domain.enums import MeetingStep, Milestone, Priority, Severity

FULL_AGENDA_MINUTES: dict[MeetingStep, int] = {
    MeetingStep.PREPARE: 0,
    MeetingStep.ROLES: 5,
    MeetingStep.REVIEW: 35,
    MeetingStep.WHYS: 10,
    MeetingStep.RECOMMENDATIONS: 8,
    MeetingStep.FOLLOW_UP: 2,
}
LIGHT_AGENDA_MINUTES: dict[MeetingStep, int] = {
    MeetingStep.PREPARE: 0,
    MeetingStep.ROLES: 3,
    MeetingStep.REVIEW: 15,
    MeetingStep.WHYS: 5,
    MeetingStep.RECOMMENDATIONS: 5,
    MeetingStep.FOLLOW_UP: 2,
}


def default_agenda(severity: Severity) -> dict[str, int]:
    """Return planned minutes per step: a 60-minute meeting, or 30 for SEV3/SEV4."""
    preset = (
        FULL_AGENDA_MINUTES if severity in (Severity.SEV1, Severity.SEV2) else LIGHT_AGENDA_MINUTES
    )
    return {step.value: minutes for step, minutes in preset.items()}


def planned_minutes(agenda: dict[str, int], step: MeetingStep) -> int:
    """Return the minutes planned for ``step`` in a stored agenda (0 when absent)."""
    return int(agenda.get(step.value, 0))


@dataclass(frozen=True)
class KeyTimes:
    """The incident's milestones; any may be unknown."""

    started: datetime | None = None
    detected: datetime | None = None
    acknowledged: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None

    def at(self, milestone: Milestone) -> datetime | None:
        """Return the time of one milestone."""
        value: datetime | None = getattr(self, milestone.value)
        return value


@dataclass(frozen=True)
class IncidentDurations:
    """Time to detect, acknowledge, mitigate and resolve, measured from the start."""

    to_detect: timedelta | None
    to_acknowledge: timedelta | None
    to_mitigate: timedelta | None
    to_resolve: timedelta | None

    def items(self) -> list[tuple[str, timedelta | None]]:
        """Return (label, duration) pairs in the order people read them."""
        return [
            ("Time to detect", self.to_detect),
            ("Time to acknowledge", self.to_acknowledge),
            ("Time to mitigate", self.to_mitigate),
            ("Time to resolve", self.to_resolve),
        ]


def _between(start: datetime | None, end: datetime | None) -> timedelta | None:
    if start is None or end is None:
        return None
    return end - start


def incident_durations(times: KeyTimes) -> IncidentDurations:
    """Compute the standard durations; acknowledgement is measured from detection."""
    return IncidentDurations(
        to_detect=_between(times.started, times.detected),
        to_acknowledge=_between(times.detected, times.acknowledged),
        to_mitigate=_between(times.started, times.mitigated),
        to_resolve=_between(times.started, times.resolved),
    )


def milestone_order_problems(times: KeyTimes) -> list[str]:
    """Name milestones that come before an earlier one (e.g. resolved before detected)."""
    problems: list[str] = []
    latest: tuple[Milestone, datetime] | None = None  # the latest of the earlier milestones
    for milestone in Milestone:
        moment = times.at(milestone)
        if moment is None:
            continue
        if latest is not None and moment < latest[1]:
            problems.append(
                f"{milestone.label} ({moment:%Y-%m-%d %H:%M}) is before "
                f"{latest[0].label.lower()} ({latest[1]:%Y-%m-%d %H:%M})."
            )
        if latest is None or moment >= latest[1]:
            latest = (milestone, moment)
    return problems


def format_duration(value: timedelta | None) -> str:
    """Write a duration the way people say it: ``2 h 05 min``, ``45 min``, ``3 d 4 h``."""
    if value is None:
        return "—"
    total_minutes = int(value.total_seconds() // 60)
    sign = "-" if total_minutes < 0 else ""
    total_minutes = abs(total_minutes)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{sign}{days} d {hours} h"
    if hours:
        return f"{sign}{hours} h {minutes:02d} min"
    return f"{sign}{minutes} min"


@dataclass(frozen=True)
class DueDatePolicy:
    """Days from the meeting until an action item is due, by severity and priority."""

    high_priority_severe_days: int = 14
    other_days: int = 30

    def days_for(self, severity: Severity, priority: Priority) -> int:
        """Return the allowed days for an item of ``priority`` on a ``severity`` incident."""
        if priority.is_high and severity in (Severity.SEV1, Severity.SEV2):
            return self.high_priority_severe_days
        return self.other_days

    def due_date(self, *, severity: Severity, priority: Priority, meeting_day: date) -> date:
        """Return the default due date of a new action item."""
        return meeting_day + timedelta(days=self.days_for(severity, priority))


MEETING_DEADLINE_DAYS: dict[Severity, int] = {
    Severity.SEV1: 3,
    Severity.SEV2: 5,
    Severity.SEV3: 10,
    Severity.SEV4: 14,
}


def meeting_is_late(
    *,
    severity: Severity,
    resolved_on: date | None,
    meeting_on: date | None,
    deadlines: dict[Severity, int] | None = None,
) -> int | None:
    """Return the days the meeting is past the severity's usual deadline, or None."""
    if resolved_on is None or meeting_on is None:
        return None
    allowed = (deadlines or MEETING_DEADLINE_DAYS)[severity]
    late_by = (meeting_on - resolved_on).days - allowed
    return late_by if late_by > 0 else None
