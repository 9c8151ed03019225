"""Timeline events and the questions and notes attached to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import EventAnnotation, TimelineEvent, WhyEvidence
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem, touch

EVENT_FIELDS = frozenset(
    {
        "occurred_at", "utc_offset_minutes", "kind", "source", "actor", "text", "milestone",
        "known_at_time", "in_report", "is_reply", "thread_key", "channel", "link", "external_id",
    }
)  # fmt: skip


@dataclass(frozen=True)
class DeletedEvent:
    """Everything needed to put a deleted event back exactly as it was."""

    event: dict[str, Any]
    annotations: list[dict[str, Any]] = field(default_factory=list)
    why_links: list[int] = field(default_factory=list)


def _require_event(session: Session, event_id: int) -> TimelineEvent:
    event = session.get(TimelineEvent, event_id)
    if event is None:
        raise NotFoundError(f"There is no timeline event with id {event_id}.")
    return event


def _check_time(value: object) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError("An event's time needs a date, a time and a time zone.")


def _sync_milestone(session: Session, event: TimelineEvent) -> None:
    """Make ``event`` the only holder of its milestone and copy its time to the key times."""
    if event.milestone is None:
        return
    others = session.exec(
        select(TimelineEvent).where(
            TimelineEvent.postmortem_id == event.postmortem_id,
            TimelineEvent.milestone == event.milestone,
            TimelineEvent.id != event.id,
        )
    ).all()
    for other in others:
        other.milestone = None
        session.add(other)
    postmortem = require_postmortem(session, event.postmortem_id)
    setattr(postmortem, f"{event.milestone.value}_at", event.occurred_at)
    session.add(postmortem)


class TimelineService(Service):
    """Add, edit, delete and restore timeline events; annotate them."""

    def add_event(
        self,
        postmortem_id: int,
        *,
        occurred_at: datetime,
        text: str,
        kind: EventKind = EventKind.NOTE,
        source: EventSource = EventSource.MANUAL,
        actor: str = "",
        milestone: Milestone | None = None,
        known_at_time: bool = True,
        utc_offset_minutes: int | None = None,
    ) -> TimelineEvent:
        """Add one event; a milestone moves the postmortem's key time with it."""
        _check_time(occurred_at)
        if utc_offset_minutes is None:
            offset = occurred_at.utcoffset()
            utc_offset_minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        event = TimelineEvent(
            postmortem_id=postmortem_id,
            occurred_at=occurred_at,
            utc_offset_minutes=utc_offset_minutes,
            kind=kind,
            source=source,
            actor=actor.strip(),
            text=text.strip(),
            milestone=milestone,
            known_at_time=known_at_time,
        )
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            session.add(event)
            session.flush()
            _sync_milestone(session, event)
            touch(session, postmortem_id)
        assert event.id is not None
        self._announce(Entity.EVENT, ChangeKind.CREATED, postmortem_id, (event.id,))
        if milestone is not None:
            self._announce(
                Entity.POSTMORTEM,
                ChangeKind.UPDATED,
                postmortem_id,
                (postmortem_id,),
                frozenset({f"{milestone.value}_at"}),
            )
        return event

    def update_event(self, event_id: int, **changes: Any) -> TimelineEvent:
        """Change fields of one event."""
        unknown = set(changes) - EVENT_FIELDS
        if unknown:
            raise ValidationError(f"Unknown event field(s): {', '.join(sorted(unknown))}.")
        if "occurred_at" in changes:
            _check_time(changes["occurred_at"])
        with self.store.session() as session:
            event = _require_event(session, event_id)
            old_milestone = event.milestone
            for key, value in changes.items():
                setattr(event, key, value)
            session.add(event)
            session.flush()
            if "milestone" in changes and old_milestone is not None and event.milestone is None:
                postmortem = require_postmortem(session, event.postmortem_id)
                setattr(postmortem, f"{old_milestone.value}_at", None)
                session.add(postmortem)
            if "milestone" in changes or ("occurred_at" in changes and event.milestone):
                _sync_milestone(session, event)
            touch(session, event.postmortem_id)
        fields = frozenset(changes)
        self._announce(Entity.EVENT, ChangeKind.UPDATED, event.postmortem_id, (event_id,), fields)
        if "milestone" in changes or "occurred_at" in changes:
            self._announce(
                Entity.POSTMORTEM, ChangeKind.UPDATED, event.postmortem_id, (event.postmortem_id,)
            )
        return event

    def delete_event(self, event_id: int) -> DeletedEvent:
        """Delete an event and return what ``restore_event`` needs to undo it."""
        with self.store.session() as session:
            event = _require_event(session, event_id)
            postmortem_id = event.postmortem_id
            snapshot = DeletedEvent(
                event=event.model_dump(),
                annotations=[
                    a.model_dump()
                    for a in session.exec(
                        select(EventAnnotation).where(EventAnnotation.event_id == event_id)
                    ).all()
                ],
                why_links=[
                    link.why_node_id
                    for link in session.exec(
                        select(WhyEvidence).where(WhyEvidence.event_id == event_id)
                    ).all()
                ],
            )
            session.delete(event)
            touch(session, postmortem_id)
        self._announce(Entity.EVENT, ChangeKind.DELETED, postmortem_id, (event_id,))
        return snapshot

    def restore_event(self, snapshot: DeletedEvent) -> TimelineEvent:
        """Put a deleted event back with the same id, annotations and why links."""
        event = TimelineEvent.model_validate(snapshot.event)
        with self.store.session() as session:
            require_postmortem(session, event.postmortem_id)
            session.add(event)
            session.flush()
            for data in snapshot.annotations:
                session.add(EventAnnotation.model_validate(data))
            for why_node_id in snapshot.why_links:
                session.add(WhyEvidence(why_node_id=why_node_id, event_id=event.id or 0))
            touch(session, event.postmortem_id)
        assert event.id is not None
        self._announce(Entity.EVENT, ChangeKind.CREATED, event.postmortem_id, (event.id,))
        return event

    def list_events(self, postmortem_id: int) -> list[TimelineEvent]:
        """Return a postmortem's events in time order."""
        with self.store.session() as session:
            return list(
                session.exec(
                    select(TimelineEvent)
                    .where(TimelineEvent.postmortem_id == postmortem_id)
                    .order_by(col(TimelineEvent.occurred_at), col(TimelineEvent.id))
                ).all()
            )

    def add_annotation(
        self, event_id: int, *, text: str, is_question: bool = True
    ) -> EventAnnotation:
        """Attach a question or a note to an event."""
        text = text.strip()
        if not text:
            raise ValidationError("A question or note needs some text.")
        with self.store.session() as session:
            event = _require_event(session, event_id)
            annotation = EventAnnotation(event_id=event_id, text=text, is_question=is_question)
            session.add(annotation)
            session.flush()
            touch(session, event.postmortem_id)
        assert annotation.id is not None
        self._announce(Entity.ANNOTATION, ChangeKind.CREATED, event.postmortem_id, (annotation.id,))
        return annotation

    def update_annotation(self, annotation_id: int, *, text: str) -> EventAnnotation:
        """Change the text of a question or note."""
        with self.store.session() as session:
            annotation = session.get(EventAnnotation, annotation_id)
            if annotation is None:
                raise NotFoundError(f"There is no question or note with id {annotation_id}.")
            annotation.text = text.strip()
            session.add(annotation)
            event = _require_event(session, annotation.event_id)
        self._announce(Entity.ANNOTATION, ChangeKind.UPDATED, event.postmortem_id, (annotation_id,))
        return annotation

    def delete_annotation(self, annotation_id: int) -> EventAnnotation:
        """Remove a question or note and return it so it can be put back."""
        with self.store.session() as session:
            annotation = session.get(EventAnnotation, annotation_id)
            if annotation is None:
                raise NotFoundError(f"There is no question or note with id {annotation_id}.")
            event = _require_event(session, annotation.event_id)
            session.delete(annotation)
        self._announce(Entity.ANNOTATION, ChangeKind.DELETED, event.postmortem_id, (annotation_id,))
        return annotation

    def restore_annotation(self, annotation: EventAnnotation | dict[str, Any]) -> EventAnnotation:
        """Put a deleted question or note back on its event with the same id."""
        data = annotation.model_dump() if isinstance(annotation, EventAnnotation) else annotation
        restored = EventAnnotation.model_validate(data)
        if restored.id is None:
            raise ValidationError("Only a question or note that was saved can be restored.")
        with self.store.session() as session:
            event = _require_event(session, restored.event_id)
            if session.get(EventAnnotation, restored.id) is not None:
                raise ValidationError(
                    f"A question or note with id {restored.id} is already on the timeline."
                )
            session.add(restored)
            touch(session, event.postmortem_id)
        self._announce(Entity.ANNOTATION, ChangeKind.CREATED, event.postmortem_id, (restored.id,))
        return restored
