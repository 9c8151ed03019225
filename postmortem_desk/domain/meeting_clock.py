"""Time boxes: how long each step has had, how long it was planned for, and when to warn."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.models import MeetingStepLog

WARNING_FRACTION = 0.8


class TimerLevel(StrEnum):
    """How the timer should look: calm, a quiet warning at 80 %, or clearly over."""

    NORMAL = "normal"
    WARNING = "warning"
    OVER = "over"


@dataclass(frozen=True)
class StepTimer:
    """The time box of one step at one instant."""

    step: MeetingStep
    planned: timedelta
    elapsed: timedelta
    running: bool

    @property
    def remaining(self) -> timedelta:
        """Return the time left (negative when over)."""
        return self.planned - self.elapsed

    @property
    def fraction(self) -> float:
        """Return the share of the time box used (0 when nothing was planned)."""
        if self.planned <= timedelta(0):
            return 0.0
        return self.elapsed / self.planned

    @property
    def level(self) -> TimerLevel:
        """Return how urgent the timer looks."""
        if self.planned <= timedelta(0):
            return TimerLevel.NORMAL
        if self.elapsed > self.planned:
            return TimerLevel.OVER
        if self.fraction >= WARNING_FRACTION:
            return TimerLevel.WARNING
        return TimerLevel.NORMAL

    def display(self) -> str:
        """Write the time left as ``12:34``, or ``+01:05`` when over."""
        seconds = int(self.remaining.total_seconds())
        sign = "+" if seconds < 0 else ""
        seconds = abs(seconds)
        minutes, seconds = divmod(seconds, 60)
        return f"{sign}{minutes:02d}:{seconds:02d}"


def elapsed_on(logs: Iterable[MeetingStepLog], step: MeetingStep, now: datetime) -> timedelta:
    """Sum the time spent on ``step``; an open stretch counts up to ``now``."""
    total = timedelta(0)
    for log in logs:
        if log.step != step:
            continue
        end = log.ended_at or now
        if end > log.started_at:
            total += end - log.started_at
    return total


def is_running(logs: Iterable[MeetingStepLog]) -> bool:
    """Tell whether a stretch is open (the timer runs)."""
    return any(log.ended_at is None for log in logs)


def step_timer(
    logs: list[MeetingStepLog], agenda: dict[str, int], step: MeetingStep, now: datetime
) -> StepTimer:
    """Return the time box of ``step`` at ``now``."""
    return StepTimer(
        step=step,
        planned=timedelta(minutes=int(agenda.get(step.value, 0))),
        elapsed=elapsed_on(logs, step, now),
        running=any(log.ended_at is None and log.step == step for log in logs),
    )


def actual_minutes(logs: list[MeetingStepLog], now: datetime) -> dict[MeetingStep, float]:
    """Return the minutes actually spent on each step."""
    return {step: elapsed_on(logs, step, now).total_seconds() / 60 for step in MeetingStep}
