"""The live meeting: steps start their timers, pause and resume, extend, finish."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import MeetingStep, PostmortemStatus, Severity
from postmortem_desk.domain.meeting_clock import TimerLevel, actual_minutes, step_timer
from postmortem_desk.services.base import Change, ChangeKind, Entity, ValidationError
from postmortem_desk.services.registry import Services

START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


@pytest.fixture
def pm_id(services: Services) -> int:
    """Return the id of a new SEV1 postmortem (a 60-minute agenda)."""
    pm = services.postmortems.create(title="Meeting", severity=Severity.SEV1)
    assert pm.id is not None
    return pm.id


def test_entering_steps_logs_time_and_sets_meeting_date(services: Services, pm_id: int) -> None:
    """Start each step's stretch, close the previous one, and date the meeting on first step."""
    services.meeting.enter_step(pm_id, step=MeetingStep.PREPARE, now=_at(-10))
    assert services.postmortems.get(pm_id).meeting_date is None
    services.meeting.enter_step(pm_id, step=MeetingStep.ROLES, now=_at(0))
    services.meeting.enter_step(pm_id, step=MeetingStep.REVIEW, now=_at(4))
    bundle = services.postmortems.load(pm_id)
    assert bundle.postmortem.meeting_date == _at(0)
    assert bundle.postmortem.current_step == MeetingStep.REVIEW
    assert [(log.step, log.started_at, log.ended_at) for log in bundle.step_logs] == [
        (MeetingStep.ROLES, _at(0), _at(4)),
        (MeetingStep.REVIEW, _at(4), None),
    ]
    timer = step_timer(bundle.step_logs, bundle.postmortem.agenda, MeetingStep.REVIEW, _at(34))
    assert timer.running
    assert timer.elapsed == timedelta(minutes=30)
    assert timer.level == TimerLevel.WARNING


def test_pause_and_resume(services: Services, pm_id: int) -> None:
    """Stop the clock on pause and count only the time the step actually ran."""
    services.meeting.enter_step(pm_id, step=MeetingStep.REVIEW, now=_at(0))
    services.meeting.pause(pm_id, now=_at(10))
    services.meeting.resume(pm_id, now=_at(25))
    bundle = services.postmortems.load(pm_id)
    timer = step_timer(bundle.step_logs, bundle.postmortem.agenda, MeetingStep.REVIEW, _at(30))
    assert timer.elapsed == timedelta(minutes=15)
    assert timer.running
    services.meeting.pause(pm_id, now=_at(30))
    bundle = services.postmortems.load(pm_id)
    assert not step_timer(
        bundle.step_logs, bundle.postmortem.agenda, MeetingStep.REVIEW, _at(90)
    ).running
    assert actual_minutes(bundle.step_logs, _at(90))[MeetingStep.REVIEW] == 15


def test_a_stretch_never_ends_before_it_started(services: Services, pm_id: int) -> None:
    """Close a stretch at its start when the clock given is earlier (a clock change)."""
    services.meeting.enter_step(pm_id, step=MeetingStep.ROLES, now=_at(5))
    services.meeting.pause(pm_id, now=_at(1))
    log = services.postmortems.load(pm_id).step_logs[0]
    assert log.ended_at == log.started_at


def test_extend_and_set_planned_minutes(
    services: Services, pm_id: int, changes: list[Change]
) -> None:
    """Add five minutes by default, any minutes on request, and keep the agenda in range."""
    assert services.postmortems.get(pm_id).agenda["whys"] == 10
    services.meeting.extend(pm_id, step=MeetingStep.WHYS)
    services.meeting.extend(pm_id, step=MeetingStep.WHYS, minutes=2)
    assert services.postmortems.get(pm_id).agenda["whys"] == 17
    with pytest.raises(ValidationError, match="at least one minute"):
        services.meeting.extend(pm_id, step=MeetingStep.WHYS, minutes=0)
    with pytest.raises(ValidationError, match="between 0 and 600"):
        services.meeting.set_planned_minutes(pm_id, step=MeetingStep.WHYS, minutes=601)
    services.meeting.set_planned_minutes(pm_id, step=MeetingStep.ROLES, minutes=0)
    assert services.postmortems.get(pm_id).agenda["roles"] == 0
    assert changes[-1] == Change(
        Entity.POSTMORTEM, ChangeKind.UPDATED, pm_id, (pm_id,), frozenset({"agenda"})
    )


def test_finish_stops_the_clock_and_marks_the_meeting_held(
    services: Services, pm_id: int, changes: list[Change]
) -> None:
    """Close the running stretch, set the status, and keep the override reason."""
    services.meeting.enter_step(pm_id, step=MeetingStep.FOLLOW_UP, now=_at(50))
    changes.clear()
    finished = services.meeting.finish(pm_id, override_reason=" No owner yet ", now=_at(55))
    assert finished.status == PostmortemStatus.MEETING_HELD
    bundle = services.postmortems.load(pm_id)
    assert bundle.postmortem.finish_override_reason == "No owner yet"
    assert bundle.step_logs[-1].ended_at == _at(55)
    assert [(c.entity, c.fields) for c in changes] == [
        (Entity.POSTMORTEM, frozenset({"status"})),
        (Entity.MEETING, frozenset()),
    ]
