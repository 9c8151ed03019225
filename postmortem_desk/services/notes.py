"""Lessons learned, parking-lot items, evidence links and ignored coach findings."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from postmortem_desk.domain.enums import EvidenceKind, LessonKind, MeetingStep
from postmortem_desk.domain.models import (
    EvidenceLink,
    IgnoredFinding,
    LessonLearned,
    ParkingLotItem,
)
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem, touch

ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")


def _require_text(text: str, what: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError(f"{what} needs some text.")
    return text


class NotesService(Service):
    """Small lists the meeting fills: lessons, parking lot, evidence links, ignored findings."""

    def add_lesson(self, postmortem_id: int, *, kind: LessonKind, text: str) -> LessonLearned:
        """Add a lesson at the end of its list."""
        text = _require_text(text, "A lesson")
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            count = len(
                session.exec(
                    select(LessonLearned.id).where(
                        LessonLearned.postmortem_id == postmortem_id, LessonLearned.kind == kind
                    )
                ).all()
            )
            lesson = LessonLearned(
                postmortem_id=postmortem_id, kind=kind, text=text, position=count
            )
            session.add(lesson)
            session.flush()
            touch(session, postmortem_id)
        assert lesson.id is not None
        self._announce(Entity.LESSON, ChangeKind.CREATED, postmortem_id, (lesson.id,))
        return lesson

    def update_lesson(
        self, lesson_id: int, *, text: str | None = None, kind: LessonKind | None = None
    ) -> LessonLearned:
        """Edit a lesson's text or move it to another list."""
        with self.store.session() as session:
            lesson = session.get(LessonLearned, lesson_id)
            if lesson is None:
                raise NotFoundError(f"There is no lesson with id {lesson_id}.")
            if text is not None:
                lesson.text = _require_text(text, "A lesson")
            if kind is not None:
                lesson.kind = kind
            session.add(lesson)
            touch(session, lesson.postmortem_id)
        self._announce(Entity.LESSON, ChangeKind.UPDATED, lesson.postmortem_id, (lesson_id,))
        return lesson

    def delete_lesson(self, lesson_id: int) -> dict[str, Any]:
        """Delete a lesson and return its data for undo."""
        return self._delete(LessonLearned, lesson_id, Entity.LESSON, "lesson")

    def restore_lesson(self, data: dict[str, Any]) -> LessonLearned:
        """Put a deleted lesson back."""
        restored: LessonLearned = self._restore(LessonLearned, data, Entity.LESSON)
        return restored

    def add_parking_item(
        self,
        postmortem_id: int,
        *,
        text: str,
        is_private: bool = False,
        raised_at_step: MeetingStep | None = None,
    ) -> ParkingLotItem:
        """Park a tangent; private items stay on the facilitator's screen."""
        text = _require_text(text, "A parking-lot item")
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            item = ParkingLotItem(
                postmortem_id=postmortem_id,
                text=text,
                is_private=is_private,
                raised_at_step=raised_at_step,
            )
            session.add(item)
            session.flush()
            touch(session, postmortem_id)
        assert item.id is not None
        self._announce(Entity.PARKING, ChangeKind.CREATED, postmortem_id, (item.id,))
        return item

    def update_parking_item(
        self, item_id: int, *, text: str | None = None, is_private: bool | None = None
    ) -> ParkingLotItem:
        """Edit a parking-lot item or change whether it is private."""
        with self.store.session() as session:
            item = session.get(ParkingLotItem, item_id)
            if item is None:
                raise NotFoundError(f"There is no parking-lot item with id {item_id}.")
            if text is not None:
                item.text = _require_text(text, "A parking-lot item")
            if is_private is not None:
                item.is_private = is_private
            session.add(item)
            touch(session, item.postmortem_id)
        self._announce(Entity.PARKING, ChangeKind.UPDATED, item.postmortem_id, (item_id,))
        return item

    def delete_parking_item(self, item_id: int) -> dict[str, Any]:
        """Delete a parking-lot item and return its data for undo."""
        return self._delete(ParkingLotItem, item_id, Entity.PARKING, "parking-lot item")

    def restore_parking_item(self, data: dict[str, Any]) -> ParkingLotItem:
        """Put a deleted parking-lot item back."""
        restored: ParkingLotItem = self._restore(ParkingLotItem, data, Entity.PARKING)
        return restored

    def add_evidence_link(
        self, postmortem_id: int, *, title: str, url: str, kind: EvidenceKind = EvidenceKind.OTHER
    ) -> EvidenceLink:
        """Add a link to a dashboard, log search, chat thread or document."""
        url = url.strip()
        if not url.lower().startswith(ALLOWED_LINK_SCHEMES):
            raise ValidationError(
                f"The link “{url}” must start with http://, https:// or mailto: "
                "so it opens in the browser."
            )
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            link = EvidenceLink(
                postmortem_id=postmortem_id, title=title.strip() or url, url=url, kind=kind
            )
            session.add(link)
            session.flush()
            touch(session, postmortem_id)
        assert link.id is not None
        self._announce(Entity.EVIDENCE, ChangeKind.CREATED, postmortem_id, (link.id,))
        return link

    def delete_evidence_link(self, link_id: int) -> dict[str, Any]:
        """Delete an evidence link and return its data for undo."""
        return self._delete(EvidenceLink, link_id, Entity.EVIDENCE, "evidence link")

    def restore_evidence_link(self, data: dict[str, Any]) -> EvidenceLink:
        """Put a deleted evidence link back."""
        restored: EvidenceLink = self._restore(EvidenceLink, data, Entity.EVIDENCE)
        return restored

    def ignore_finding(self, postmortem_id: int, *, finding_key: str) -> None:
        """Remember that the facilitator dismissed a coach finding in this postmortem."""
        with self.store.session() as session:
            exists = session.exec(
                select(IgnoredFinding).where(
                    IgnoredFinding.postmortem_id == postmortem_id,
                    IgnoredFinding.finding_key == finding_key,
                )
            ).first()
            if exists is None:
                session.add(IgnoredFinding(postmortem_id=postmortem_id, finding_key=finding_key))
        self._announce(Entity.COACH, ChangeKind.UPDATED, postmortem_id)

    def unignore_finding(self, postmortem_id: int, *, finding_key: str) -> None:
        """Let a dismissed coach finding show again."""
        with self.store.session() as session:
            for row in session.exec(
                select(IgnoredFinding).where(
                    IgnoredFinding.postmortem_id == postmortem_id,
                    IgnoredFinding.finding_key == finding_key,
                )
            ).all():
                session.delete(row)
        self._announce(Entity.COACH, ChangeKind.UPDATED, postmortem_id)

    def _delete(self, model: Any, row_id: int, entity: Entity, noun: str) -> dict[str, Any]:
        with self.store.session() as session:
            row = session.get(model, row_id)
            if row is None:
                raise NotFoundError(f"There is no {noun} with id {row_id}.")
            data: dict[str, Any] = row.model_dump()
            session.delete(row)
            touch(session, row.postmortem_id)
        self._announce(entity, ChangeKind.DELETED, data["postmortem_id"], (row_id,))
        return data

    def _restore(self, model: Any, data: dict[str, Any], entity: Entity) -> Any:
        row = model.model_validate(data)
        with self.store.session() as session:
            require_postmortem(session, row.postmortem_id)
            session.add(row)
            touch(session, row.postmortem_id)
        self._announce(entity, ChangeKind.CREATED, row.postmortem_id, (row.id,))
        return row
