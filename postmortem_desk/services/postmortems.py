"""Create, find, edit, delete and load postmortems."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from postmortem_desk.domain.enums import (
    ActionStatus,
    MeetingStep,
    PostmortemStatus,
    Severity,
)
from postmortem_desk.domain.models import (
    ActionItem,
    EventAnnotation,
    EvidenceLink,
    IgnoredFinding,
    ImportBatch,
    LessonLearned,
    MeetingStepLog,
    ParkingLotItem,
    Participant,
    Postmortem,
    RoleAssignment,
    TimelineEvent,
    WhyEvidence,
    WhyNode,
)
from postmortem_desk.domain.rules import default_agenda
from postmortem_desk.domain.types import PostmortemId, utc_now
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.bundle import PostmortemBundle

OPEN_STATUSES = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)
EDITABLE_FACTS = frozenset(
    {
        "title",
        "incident_key",
        "severity",
        "status",
        "services",
        "summary",
        "impact",
        "users_affected",
        "impact_minutes",
        "support_tickets",
        "started_at",
        "detected_at",
        "acknowledged_at",
        "mitigated_at",
        "resolved_at",
        "incident_utc_offset_minutes",
        "meeting_date",
        "agenda",
        "checklist",
        "facilitator_notes",
        "follow_up_review_date",
        "feedback_learned_something",
        "feedback_would_return",
        "finish_override_reason",
    }
)


@dataclass(frozen=True)
class PostmortemSummary:
    """One row of the library: what the list of postmortems shows."""

    id: PostmortemId
    title: str
    incident_key: str
    severity: Severity
    status: PostmortemStatus
    started_at: datetime | None
    meeting_date: datetime | None
    updated_at: datetime
    event_count: int
    action_count: int
    open_action_count: int


def require_postmortem(session: Session, postmortem_id: int) -> Postmortem:
    """Return the live postmortem with that id or raise ``NotFoundError``."""
    postmortem = session.get(Postmortem, postmortem_id)
    if postmortem is None or postmortem.deleted_at is not None:
        raise NotFoundError(f"There is no postmortem with id {postmortem_id}.")
    return postmortem


def touch(session: Session, postmortem_id: int) -> None:
    """Mark a postmortem as edited now."""
    postmortem = session.get(Postmortem, postmortem_id)
    if postmortem is not None:
        postmortem.updated_at = utc_now()
        session.add(postmortem)


class PostmortemService(Service):
    """Use cases on whole postmortems."""

    def create(
        self, *, title: str, severity: Severity = Severity.SEV2, incident_key: str = ""
    ) -> Postmortem:
        """Create a draft postmortem with the severity's default agenda."""
        title = title.strip()
        if not title:
            raise ValidationError("A postmortem needs a title.")
        postmortem = Postmortem(
            title=title,
            severity=severity,
            incident_key=incident_key.strip(),
            agenda=default_agenda(severity),
        )
        with self.store.session() as session:
            session.add(postmortem)
            session.flush()
        assert postmortem.id is not None
        self._announce(Entity.POSTMORTEM, ChangeKind.CREATED, postmortem.id, (postmortem.id,))
        return postmortem

    def get(self, postmortem_id: int) -> Postmortem:
        """Return one postmortem's own row."""
        with self.store.session() as session:
            return require_postmortem(session, postmortem_id)

    def update(self, postmortem_id: int, **changes: Any) -> Postmortem:
        """Change facts of a postmortem; unknown field names are refused."""
        unknown = set(changes) - EDITABLE_FACTS
        if unknown:
            raise ValidationError(f"Unknown postmortem field(s): {', '.join(sorted(unknown))}.")
        if "title" in changes:
            changes["title"] = str(changes["title"]).strip()
            if not changes["title"]:
                raise ValidationError("A postmortem needs a title.")
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            for name, value in changes.items():
                setattr(postmortem, name, value)
            postmortem.updated_at = utc_now()
            session.add(postmortem)
        self._announce(
            Entity.POSTMORTEM,
            ChangeKind.UPDATED,
            postmortem_id,
            (postmortem_id,),
            frozenset(changes),
        )
        return postmortem

    def rename(self, postmortem_id: int, *, title: str) -> Postmortem:
        """Give a postmortem a new title."""
        return self.update(postmortem_id, title=title)

    def set_step(self, postmortem_id: int, *, step: MeetingStep) -> Postmortem:
        """Remember the step the meeting is at, so it reopens there."""
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            postmortem.current_step = step
            session.add(postmortem)
        self._announce(
            Entity.POSTMORTEM,
            ChangeKind.UPDATED,
            postmortem_id,
            (postmortem_id,),
            frozenset({"current_step"}),
        )
        return postmortem

    def delete(self, postmortem_id: int) -> None:
        """Move a postmortem to the trash; ``restore`` brings it back."""
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            postmortem.deleted_at = utc_now()
            session.add(postmortem)
        self._announce(Entity.POSTMORTEM, ChangeKind.DELETED, postmortem_id, (postmortem_id,))

    def restore(self, postmortem_id: int) -> None:
        """Bring a deleted postmortem back with everything it held."""
        with self.store.session() as session:
            postmortem = session.get(Postmortem, postmortem_id)
            if postmortem is None:
                raise NotFoundError(f"There is no postmortem with id {postmortem_id} to restore.")
            postmortem.deleted_at = None
            session.add(postmortem)
        self._announce(Entity.POSTMORTEM, ChangeKind.CREATED, postmortem_id, (postmortem_id,))

    def purge_deleted(self, *, older_than: datetime) -> int:
        """Remove for good the postmortems deleted before ``older_than``; return how many."""
        with self.store.session() as session:
            doomed = session.exec(
                select(Postmortem).where(
                    col(Postmortem.deleted_at).is_not(None),
                    col(Postmortem.deleted_at) < older_than,
                )
            ).all()
            for postmortem in doomed:
                session.delete(postmortem)
        return len(doomed)

    def list_summaries(self) -> list[PostmortemSummary]:
        """Return every live postmortem with its counts, newest incident first."""
        event_counts = (
            select(TimelineEvent.postmortem_id, func.count().label("n"))
            .group_by(col(TimelineEvent.postmortem_id))
            .subquery()
        )
        action_counts = (
            select(
                ActionItem.postmortem_id,
                func.count().label("n"),
                func.sum(case((col(ActionItem.status).in_(OPEN_STATUSES), 1), else_=0)).label(
                    "open"
                ),
            )
            .group_by(col(ActionItem.postmortem_id))
            .subquery()
        )
        statement = (
            select(
                Postmortem,
                func.coalesce(event_counts.c.n, 0),
                func.coalesce(action_counts.c.n, 0),
                func.coalesce(action_counts.c.open, 0),
            )
            .outerjoin(event_counts, event_counts.c.postmortem_id == Postmortem.id)
            .outerjoin(action_counts, action_counts.c.postmortem_id == Postmortem.id)
            .where(col(Postmortem.deleted_at).is_(None))
        )
        with self.store.session() as session:
            rows = session.exec(statement).all()
        summaries = [
            PostmortemSummary(
                id=PostmortemId(pm.id or 0),
                title=pm.title,
                incident_key=pm.incident_key,
                severity=pm.severity,
                status=pm.status,
                started_at=pm.started_at,
                meeting_date=pm.meeting_date,
                updated_at=pm.updated_at,
                event_count=int(events),
                action_count=int(actions),
                open_action_count=int(open_actions),
            )
            for pm, events, actions, open_actions in rows
        ]
        summaries.sort(key=lambda s: s.started_at or s.updated_at, reverse=True)
        return summaries

    def load(self, postmortem_id: int) -> PostmortemBundle:
        """Load one postmortem with every row that belongs to it."""
        with _gc_paused(), self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            events = list(
                session.exec(
                    select(TimelineEvent)
                    .where(TimelineEvent.postmortem_id == postmortem_id)
                    .order_by(col(TimelineEvent.occurred_at), col(TimelineEvent.id))
                ).all()
            )
            why_nodes = list(
                session.exec(select(WhyNode).where(WhyNode.postmortem_id == postmortem_id)).all()
            )
            why_ids = [node.id for node in why_nodes]
            return PostmortemBundle(
                postmortem=postmortem,
                participants=_rows(session, Participant, postmortem_id),
                roles=_rows(session, RoleAssignment, postmortem_id),
                events=events,
                annotations=list(
                    session.exec(
                        select(EventAnnotation)
                        .join(TimelineEvent, col(EventAnnotation.event_id) == TimelineEvent.id)
                        .where(TimelineEvent.postmortem_id == postmortem_id)
                        .order_by(col(EventAnnotation.id))
                    ).all()
                ),
                why_nodes=why_nodes,
                why_evidence=list(
                    session.exec(
                        select(WhyEvidence).where(col(WhyEvidence.why_node_id).in_(why_ids))
                    ).all()
                )
                if why_ids
                else [],
                actions=sorted(
                    _rows(session, ActionItem, postmortem_id), key=lambda a: (a.position, a.id or 0)
                ),
                lessons=_rows(session, LessonLearned, postmortem_id),
                parking_lot=_rows(session, ParkingLotItem, postmortem_id),
                evidence_links=_rows(session, EvidenceLink, postmortem_id),
                step_logs=sorted(
                    _rows(session, MeetingStepLog, postmortem_id), key=lambda x: x.started_at
                ),
                import_batches=_rows(session, ImportBatch, postmortem_id),
                ignored_findings={
                    row.finding_key for row in _rows(session, IgnoredFinding, postmortem_id)
                },
            )

    def mark_checklist(self, postmortem_id: int, *, item: str, done: bool) -> Postmortem:
        """Tick or untick one manual readiness item (e.g. ``pre_read_shared``)."""
        postmortem = self.get(postmortem_id)
        checklist = dict(postmortem.checklist)
        checklist[item] = done
        return self.update(postmortem_id, checklist=checklist)

    def set_follow_up_review(self, postmortem_id: int, *, when: date | None) -> Postmortem:
        """Set the date the team reviews progress on the action items."""
        return self.update(postmortem_id, follow_up_review_date=when)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while thousands of rows become objects.

    Each ORM instance is a tracked container, so a large timeline set off repeated full
    collections of the whole heap; they found nothing to free and more than doubled the load.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _rows(session: Session, model: Any, postmortem_id: int) -> list[Any]:
    """Return every row of ``model`` that belongs to the postmortem, by id."""
    return list(
        session.exec(
            select(model).where(model.postmortem_id == postmortem_id).order_by(model.id)
        ).all()
    )
