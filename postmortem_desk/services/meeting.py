"""The live meeting: moving between steps, the step timers, and finishing the meeting."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from postmortem_desk.domain.enums import MeetingStep, PostmortemStatus
from postmortem_desk.domain.models import MeetingStepLog, Postmortem
from postmortem_desk.domain.types import utc_now
from postmortem_desk.services.base import ChangeKind, Entity, Service, ValidationError
from postmortem_desk.services.postmortems import require_postmortem

EXTENSION_MINUTES = 5


def _close_open_logs(session: Session, postmortem_id: int, now: datetime) -> None:
    for log in session.exec(
        select(MeetingStepLog).where(
            MeetingStepLog.postmortem_id == postmortem_id,
            col(MeetingStepLog.ended_at).is_(None),
        )
    ).all():
        log.ended_at = max(now, log.started_at)
        session.add(log)


class MeetingService(Service):
    """Move the meeting along; every step change starts that step's timer by itself."""

    def enter_step(
        self, postmortem_id: int, *, step: MeetingStep, now: datetime | None = None
    ) -> None:
        """Go to ``step``: stop the running timer, start this step's, remember the step."""
        now = now or utc_now()
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            _close_open_logs(session, postmortem_id, now)
            postmortem.current_step = step
            if postmortem.meeting_date is None and step != MeetingStep.PREPARE:
                postmortem.meeting_date = now
            session.add(postmortem)
            if step != MeetingStep.PREPARE:
                session.add(MeetingStepLog(postmortem_id=postmortem_id, step=step, started_at=now))
        self._announce(
            Entity.POSTMORTEM,
            ChangeKind.UPDATED,
            postmortem_id,
            (postmortem_id,),
            frozenset({"current_step"}),
        )
        self._announce(Entity.MEETING, ChangeKind.UPDATED, postmortem_id)

    def pause(self, postmortem_id: int, *, now: datetime | None = None) -> None:
        """Stop the running timer without leaving the step."""
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            _close_open_logs(session, postmortem_id, now or utc_now())
        self._announce(Entity.MEETING, ChangeKind.UPDATED, postmortem_id)

    def resume(self, postmortem_id: int, *, now: datetime | None = None) -> None:
        """Start the current step's timer again after a pause."""
        now = now or utc_now()
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            _close_open_logs(session, postmortem_id, now)
            session.add(
                MeetingStepLog(
                    postmortem_id=postmortem_id, step=postmortem.current_step, started_at=now
                )
            )
        self._announce(Entity.MEETING, ChangeKind.UPDATED, postmortem_id)

    def extend(
        self, postmortem_id: int, *, step: MeetingStep, minutes: int = EXTENSION_MINUTES
    ) -> None:
        """Give a step more time (the +5 min button)."""
        if minutes <= 0:
            raise ValidationError("An extension must add at least one minute.")
        self.set_planned_minutes(
            postmortem_id, step=step, minutes=self._planned(postmortem_id, step) + minutes
        )

    def set_planned_minutes(self, postmortem_id: int, *, step: MeetingStep, minutes: int) -> None:
        """Change the agenda: minutes planned for one step."""
        if minutes < 0 or minutes > 600:
            raise ValidationError("Planned minutes must be between 0 and 600.")
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            agenda = dict(postmortem.agenda)
            agenda[step.value] = minutes
            postmortem.agenda = agenda
            session.add(postmortem)
        self._announce(Entity.MEETING, ChangeKind.UPDATED, postmortem_id)
        self._announce(
            Entity.POSTMORTEM,
            ChangeKind.UPDATED,
            postmortem_id,
            (postmortem_id,),
            frozenset({"agenda"}),
        )

    def finish(
        self, postmortem_id: int, *, override_reason: str = "", now: datetime | None = None
    ) -> Postmortem:
        """Mark the meeting as held, stopping the timer; the reason records what was skipped."""
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            _close_open_logs(session, postmortem_id, now or utc_now())
            postmortem.status = PostmortemStatus.MEETING_HELD
            postmortem.finish_override_reason = override_reason.strip()
            session.add(postmortem)
        self._announce(
            Entity.POSTMORTEM,
            ChangeKind.UPDATED,
            postmortem_id,
            (postmortem_id,),
            frozenset({"status"}),
        )
        self._announce(Entity.MEETING, ChangeKind.UPDATED, postmortem_id)
        return postmortem

    def _planned(self, postmortem_id: int, step: MeetingStep) -> int:
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            return int(postmortem.agenda.get(step.value, 0))
