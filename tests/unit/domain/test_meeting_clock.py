"""Step timers: elapsed time over stretches, the 80 % warning, over time and the display."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.meeting_clock import (
    WARNING_FRACTION,
    StepTimer,
    TimerLevel,
    actual_minutes,
    elapsed_on,
    is_running,
    step_timer,
)
from postmortem_desk.domain.models import MeetingStepLog

START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def _log(step: MeetingStep, start: float, end: float | None) -> MeetingStepLog:
    return MeetingStepLog(
        postmortem_id=1,
        step=step,
        started_at=_at(start),
        ended_at=None if end is None else _at(end),
    )


def _timer(planned: float, elapsed: float) -> StepTimer:
    return StepTimer(
        step=MeetingStep.REVIEW,
        planned=timedelta(minutes=planned),
        elapsed=timedelta(minutes=elapsed),
        running=True,
    )


@pytest.mark.parametrize(
    ("elapsed", "level"),
    [
        (0, TimerLevel.NORMAL),
        (7.9, TimerLevel.NORMAL),
        (8, TimerLevel.WARNING),
        (10, TimerLevel.WARNING),
        (10.01, TimerLevel.OVER),
        (25, TimerLevel.OVER),
    ],
)
def test_levels_warn_at_80_percent_and_then_over(elapsed: float, level: TimerLevel) -> None:
    """Stay calm below 80 %, warn from 80 % up to the plan, show over past it."""
    assert WARNING_FRACTION == 0.8
    assert _timer(10, elapsed).level == level


def test_no_plan_never_warns() -> None:
    """Keep a step with no planned minutes calm whatever the time."""
    timer = _timer(0, 30)
    assert timer.level == TimerLevel.NORMAL
    assert timer.fraction == 0.0


@pytest.mark.parametrize(
    ("planned", "elapsed", "text"),
    [
        (35, 0, "35:00"),
        (35, 12.5, "22:30"),
        (5, 5, "00:00"),
        (5, 6 + 5 / 60, "+01:05"),
        (0, 0.5, "+00:30"),
        (120, 0, "120:00"),
    ],
)
def test_display(planned: float, elapsed: float, text: str) -> None:
    """Show minutes and seconds left, with a plus sign once over."""
    assert _timer(planned, elapsed).display() == text


def test_remaining_and_fraction() -> None:
    """Report time left (negative when over) and the share used."""
    timer = _timer(10, 12)
    assert timer.remaining == timedelta(minutes=-2)
    assert timer.fraction == pytest.approx(1.2)


def test_elapsed_sums_stretches_of_one_step() -> None:
    """Add up closed stretches and an open one up to now, ignoring other steps."""
    logs = [
        _log(MeetingStep.REVIEW, 0, 10),
        _log(MeetingStep.WHYS, 10, 15),
        _log(MeetingStep.REVIEW, 15, 20),
        _log(MeetingStep.REVIEW, 30, None),
    ]
    assert elapsed_on(logs, MeetingStep.REVIEW, _at(33)) == timedelta(minutes=18)
    assert elapsed_on(logs, MeetingStep.WHYS, _at(33)) == timedelta(minutes=5)
    assert elapsed_on(logs, MeetingStep.ROLES, _at(33)) == timedelta(0)
    assert is_running(logs)
    assert not is_running(logs[:3])


def test_open_stretch_in_the_future_counts_nothing() -> None:
    """Ignore a stretch that starts after ``now`` (a clock that went back)."""
    logs = [_log(MeetingStep.REVIEW, 10, None)]
    assert elapsed_on(logs, MeetingStep.REVIEW, _at(5)) == timedelta(0)


def test_step_timer_from_logs_and_agenda() -> None:
    """Combine the agenda's plan with the logged time, running only for the open step."""
    logs = [_log(MeetingStep.ROLES, 0, 3), _log(MeetingStep.REVIEW, 3, None)]
    agenda = {"roles": 5, "review": 35}
    review = step_timer(logs, agenda, MeetingStep.REVIEW, _at(33))
    assert (review.planned, review.elapsed, review.running) == (
        timedelta(minutes=35),
        timedelta(minutes=30),
        True,
    )
    assert review.level == TimerLevel.WARNING
    roles = step_timer(logs, agenda, MeetingStep.ROLES, _at(33))
    assert (roles.running, roles.level, roles.display()) == (False, TimerLevel.NORMAL, "02:00")
    assert step_timer(logs, agenda, MeetingStep.WHYS, _at(33)).planned == timedelta(0)


def test_actual_minutes_for_every_step() -> None:
    """Report the minutes spent on each step, zero for steps not reached."""
    logs = [_log(MeetingStep.ROLES, 0, 4.5), _log(MeetingStep.REVIEW, 4.5, None)]
    minutes = actual_minutes(logs, _at(40))
    assert set(minutes) == set(MeetingStep)
    assert minutes[MeetingStep.ROLES] == pytest.approx(4.5)
    assert minutes[MeetingStep.REVIEW] == pytest.approx(35.5)
    assert minutes[MeetingStep.FOLLOW_UP] == 0
