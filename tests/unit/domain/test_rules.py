"""Plain meeting rules: agendas, incident durations, milestone order, due dates, deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import MeetingStep, Milestone, Priority, Severity
from postmortem_desk.domain.rules import (
    DueDatePolicy,
    KeyTimes,
    default_agenda,
    format_duration,
    incident_durations,
    meeting_is_late,
    milestone_order_problems,
    planned_minutes,
)

T0 = datetime(2026, 11, 18, 13, 47, tzinfo=UTC)


def _after(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("severity", "total"),
    [(Severity.SEV1, 60), (Severity.SEV2, 60), (Severity.SEV3, 30), (Severity.SEV4, 30)],
)
def test_default_agenda_length(severity: Severity, total: int) -> None:
    """Plan an hour for SEV1/SEV2 and half an hour otherwise, for every step."""
    agenda = default_agenda(severity)
    assert set(agenda) == {step.value for step in MeetingStep}
    assert sum(agenda.values()) == total


def test_planned_minutes_reads_stored_agenda() -> None:
    """Read a step's minutes, 0 when the agenda lacks it."""
    assert planned_minutes({"review": 35}, MeetingStep.REVIEW) == 35
    assert planned_minutes({}, MeetingStep.WHYS) == 0


def test_incident_durations() -> None:
    """Measure detect, mitigate, resolve from the start and acknowledge from detection."""
    times = KeyTimes(started=T0, detected=_after(5), acknowledged=_after(11), mitigated=_after(68))
    durations = incident_durations(times)
    assert durations.to_detect == timedelta(minutes=5)
    assert durations.to_acknowledge == timedelta(minutes=6)
    assert durations.to_mitigate == timedelta(minutes=68)
    assert durations.to_resolve is None
    assert [label for label, _ in durations.items()] == [
        "Time to detect",
        "Time to acknowledge",
        "Time to mitigate",
        "Time to resolve",
    ]
    assert times.at(Milestone.ACKNOWLEDGED) == _after(11)


def test_durations_need_both_ends() -> None:
    """Leave a duration unknown when either milestone is missing."""
    durations = incident_durations(KeyTimes(detected=T0, resolved=_after(10)))
    assert durations.to_detect is None
    assert durations.to_resolve is None
    assert durations.to_acknowledge is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "—"),
        (timedelta(0), "0 min"),
        (timedelta(seconds=59), "0 min"),
        (timedelta(minutes=45), "45 min"),
        (timedelta(minutes=60), "1 h 00 min"),
        (timedelta(hours=2, minutes=5), "2 h 05 min"),
        (timedelta(days=3, hours=4, minutes=59), "3 d 4 h"),
        (timedelta(minutes=-5), "-5 min"),
        (timedelta(hours=-2, minutes=-5), "-2 h 05 min"),
    ],
)
def test_format_duration(value: timedelta | None, text: str) -> None:
    """Write durations the way people say them."""
    assert format_duration(value) == text


def test_milestones_in_order_have_no_problems() -> None:
    """Accept milestones in order, gaps and equal times included."""
    times = KeyTimes(started=T0, detected=T0, mitigated=_after(30), resolved=_after(40))
    assert milestone_order_problems(times) == []
    assert milestone_order_problems(KeyTimes()) == []


def test_milestone_order_problems_name_both_milestones() -> None:
    """Name a milestone that comes before the latest earlier one, with both times."""
    times = KeyTimes(started=_after(10), detected=T0, resolved=_after(5))
    problems = milestone_order_problems(times)
    assert problems == [
        "Detected (2026-11-18 13:47) is before started (2026-11-18 13:57).",
        "Resolved (2026-11-18 13:52) is before started (2026-11-18 13:57).",
    ]


@pytest.mark.parametrize(
    ("severity", "priority", "days"),
    [
        (Severity.SEV1, Priority.P0, 14),
        (Severity.SEV1, Priority.P1, 14),
        (Severity.SEV2, Priority.P0, 14),
        (Severity.SEV1, Priority.P2, 30),
        (Severity.SEV3, Priority.P0, 30),
        (Severity.SEV4, Priority.P1, 30),
    ],
)
def test_due_date_policy(severity: Severity, priority: Priority, days: int) -> None:
    """Give severe high-priority items 14 days and the rest 30, from the meeting day."""
    policy = DueDatePolicy()
    assert policy.days_for(severity, priority) == days
    assert policy.due_date(
        severity=severity, priority=priority, meeting_day=date(2026, 11, 20)
    ) == date(2026, 11, 20) + timedelta(days=days)


def test_due_date_policy_is_configurable() -> None:
    """Use the organisation's own day counts."""
    policy = DueDatePolicy(high_priority_severe_days=7, other_days=60)
    assert policy.days_for(Severity.SEV2, Priority.P1) == 7
    assert policy.days_for(Severity.SEV2, Priority.P2) == 60


@pytest.mark.parametrize(
    ("severity", "days_after", "late_by"),
    [
        (Severity.SEV1, 3, None),
        (Severity.SEV1, 4, 1),
        (Severity.SEV2, 5, None),
        (Severity.SEV2, 8, 3),
        (Severity.SEV3, 10, None),
        (Severity.SEV4, 20, 6),
        (Severity.SEV1, -2, None),
    ],
)
def test_meeting_is_late(severity: Severity, days_after: int, late_by: int | None) -> None:
    """Report how many days past the severity's deadline the meeting is held."""
    resolved = date(2026, 11, 18)
    meeting = resolved + timedelta(days=days_after)
    assert meeting_is_late(severity=severity, resolved_on=resolved, meeting_on=meeting) == late_by


def test_meeting_is_late_needs_both_dates_and_honours_custom_deadlines() -> None:
    """Say nothing without both dates; use the organisation's deadlines when given."""
    day = date(2026, 11, 18)
    assert meeting_is_late(severity=Severity.SEV1, resolved_on=None, meeting_on=day) is None
    assert meeting_is_late(severity=Severity.SEV1, resolved_on=day, meeting_on=None) is None
    custom = dict.fromkeys(Severity, 1)
    later = day + timedelta(days=3)
    assert (
        meeting_is_late(severity=Severity.SEV3, resolved_on=day, meeting_on=later, deadlines=custom)
        == 2
    )
