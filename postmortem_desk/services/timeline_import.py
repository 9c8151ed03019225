"""Preview an import against a postmortem's timeline, apply it in one transaction, undo it whole."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import ImportBatch, TimelineEvent
from postmortem_desk.domain.timeline_analysis import (
    KEY_TIME_FIELDS,
    fill_empty_key_times,
    key_times_of,
    milestones_from_events,
)
from postmortem_desk.domain.types import ImportBatchId, PostmortemId, utc_now
from postmortem_desk.importers.base import (
    CancelCheck,
    ImportedEvent,
    ImportFailed,
    ImportReport,
    Problem,
    Progress,
    ProgressCallback,
    Skipped,
)
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem

CHUNK = 5000
DedupKey = tuple[datetime, str, EventSource]


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, computed without writing: the dialog shows it before Apply."""

    postmortem_id: PostmortemId
    source: EventSource
    file_name: str
    to_add: tuple[ImportedEvent, ...]
    duplicates: tuple[ImportedEvent, ...]
    skipped: tuple[Skipped, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[str, ...]
    counts_by_kind: dict[EventKind, int]
    key_time_updates: dict[Milestone, datetime] = field(default_factory=dict)
    key_time_refusals: dict[Milestone, str] = field(default_factory=dict)

    @property
    def skipped_count(self) -> int:
        """Count everything that will not be written: duplicates, skipped and unreadable records."""
        return len(self.duplicates) + len(self.skipped) + len(self.problems)

    def summary_lines(self) -> list[str]:
        """Describe the preview in sentences, as the CLI prints it and the dialog can show it."""
        lines = [f"{len(self.to_add)} new event(s) from {self.file_name}."]
        if self.counts_by_kind:
            lines.append(
                "By kind: "
                + ", ".join(f"{kind.label} {n}" for kind, n in self.counts_by_kind.items())
                + "."
            )
        if self.duplicates:
            lines.append(f"{len(self.duplicates)} duplicate(s) already on the timeline, skipped.")
        reasons = Counter(item.reason for item in self.skipped)
        for reason, count in reasons.most_common():
            lines.append(f"{count} skipped: {reason}.")
        for milestone, moment in self.key_time_updates.items():
            lines.append(f"{milestone.label} time will be set to {moment:%Y-%m-%d %H:%M:%S} UTC.")
        for milestone, reason in self.key_time_refusals.items():
            lines.append(f"{milestone.label} time left empty: {reason}")
        lines.extend(self.warnings)
        lines.extend(f"Problem: {problem}" for problem in self.problems)
        return lines


@dataclass(frozen=True)
class UndoResult:
    """What undoing an import removed."""

    batch_id: ImportBatchId
    events_removed: int
    key_times_changed: frozenset[str]


@dataclass(frozen=True)
class _Mark:
    occurred_at: datetime
    milestone: Milestone | None


def _existing_keys(session: Session, postmortem_id: int) -> set[DedupKey]:
    rows = session.exec(
        select(TimelineEvent.occurred_at, TimelineEvent.text, TimelineEvent.source).where(
            TimelineEvent.postmortem_id == postmortem_id
        )
    ).all()
    return {(moment.astimezone(UTC), text, EventSource(source)) for moment, text, source in rows}


def _row(event: ImportedEvent, postmortem_id: int, batch_id: int) -> dict[str, Any]:
    return {
        "postmortem_id": postmortem_id,
        "occurred_at": event.occurred_at,
        "utc_offset_minutes": event.utc_offset_minutes,
        "kind": event.kind,
        "source": event.source,
        "actor": event.actor,
        "text": event.text,
        "milestone": event.milestone,
        "known_at_time": True,
        "in_report": True,
        "is_reply": event.is_reply,
        "thread_key": event.thread_key,
        "channel": event.channel,
        "link": event.link,
        "external_id": event.external_id,
        "import_batch_id": batch_id,
    }


def _remaining_marks(session: Session, postmortem_id: int) -> list[_Mark]:
    rows = session.exec(
        select(TimelineEvent.occurred_at, TimelineEvent.milestone).where(
            TimelineEvent.postmortem_id == postmortem_id,
            col(TimelineEvent.milestone).is_not(None),
        )
    ).all()
    return [_Mark(moment, Milestone(milestone)) for moment, milestone in rows if milestone]


class ImportService(Service):
    """Use cases of importing a file into a postmortem's timeline."""

    def preview(
        self,
        postmortem_id: int,
        parsed: ImportReport,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> ImportPreview:
        """Compare parsed events with the timeline: what is new, what repeats, what changes."""
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            seen = _existing_keys(session, postmortem_id)
            current = key_times_of(postmortem)
        to_add: list[ImportedEvent] = []
        duplicates: list[ImportedEvent] = []
        steps = Progress(len(parsed.events), progress, cancel, file_name=parsed.file_name)
        for index, event in enumerate(parsed.events, start=1):
            key = event.dedup_key
            if key in seen:
                duplicates.append(event)
            else:
                seen.add(key)
                to_add.append(event)
            if index % CHUNK == 0:
                steps.advance(CHUNK)
        counts = Counter(event.kind for event in to_add)
        fill = fill_empty_key_times(current, milestones_from_events(to_add))
        return ImportPreview(
            postmortem_id=PostmortemId(postmortem_id),
            source=parsed.source,
            file_name=parsed.file_name,
            to_add=tuple(to_add),
            duplicates=tuple(duplicates),
            skipped=tuple(parsed.skipped),
            problems=tuple(parsed.problems),
            warnings=tuple(parsed.warnings),
            counts_by_kind={kind: counts[kind] for kind in EventKind if counts[kind]},
            key_time_updates=fill.updates,
            key_time_refusals=fill.refused,
        )

    def apply(
        self,
        postmortem_id: int,
        preview: ImportPreview,
        file_name: str | None = None,
        *,
        accept_problems: bool = False,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> ImportBatch:
        """Write the previewed events and an ImportBatch in one transaction; all or nothing.

        Empty key times are filled from the events' milestones where that keeps them in order.
        Records the file could not read block the import unless ``accept_problems`` is set.
        """
        if preview.postmortem_id != postmortem_id:
            raise ValidationError(
                f"This preview was made for postmortem {preview.postmortem_id}, "
                f"not {postmortem_id}. Preview the file again."
            )
        if preview.problems and not accept_problems:
            first = "; ".join(str(p) for p in preview.problems[:3])
            raise ImportFailed(
                f"{len(preview.problems)} record(s) of {preview.file_name} could not be read "
                f"({first}). Nothing was written. Fix the file, or import the readable records "
                "anyway.",
                file=preview.file_name,
            )
        if not preview.to_add:
            raise ValidationError(
                f"Nothing new to import from {preview.file_name}: every event is already on the "
                "timeline or was skipped."
            )
        steps = Progress(len(preview.to_add), progress, cancel, file_name=preview.file_name)
        steps.check()
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            present = _existing_keys(session, postmortem_id)
            fresh = [event for event in preview.to_add if event.dedup_key not in present]
            late_duplicates = len(preview.to_add) - len(fresh)
            batch = ImportBatch(
                postmortem_id=postmortem_id,
                source=preview.source,
                file_name=file_name if file_name is not None else preview.file_name,
                event_count=len(fresh),
                skipped_count=preview.skipped_count + late_duplicates,
            )
            session.add(batch)
            session.flush()
            assert batch.id is not None
            connection = session.connection()
            for start in range(0, len(fresh), CHUNK):
                chunk = fresh[start : start + CHUNK]
                connection.execute(
                    insert(TimelineEvent), [_row(e, postmortem_id, batch.id) for e in chunk]
                )
                steps.advance(len(chunk))
            fill = fill_empty_key_times(key_times_of(postmortem), milestones_from_events(fresh))
            for milestone, moment in fill.updates.items():
                setattr(postmortem, KEY_TIME_FIELDS[milestone], moment)
            postmortem.updated_at = utc_now()
            session.add(postmortem)
            event_ids = tuple(
                session.exec(
                    select(TimelineEvent.id)
                    .where(TimelineEvent.import_batch_id == batch.id)
                    .order_by(col(TimelineEvent.id))
                ).all()
            )
            steps.check()
        self._announce(
            Entity.EVENT, ChangeKind.CREATED, postmortem_id, tuple(i for i in event_ids if i)
        )
        if fill.updates:
            self._announce(
                Entity.POSTMORTEM,
                ChangeKind.UPDATED,
                postmortem_id,
                (postmortem_id,),
                frozenset(KEY_TIME_FIELDS[m] for m in fill.updates),
            )
        return batch

    def undo(self, batch_id: int) -> UndoResult:
        """Remove one import's events and its batch as one step, and the key times it set."""
        with self.store.session() as session:
            batch = session.get(ImportBatch, batch_id)
            if batch is None:
                raise NotFoundError(f"There is no import with id {batch_id}; it may be undone.")
            postmortem_id = batch.postmortem_id
            postmortem = require_postmortem(session, postmortem_id)
            rows = session.exec(
                select(TimelineEvent.id, TimelineEvent.occurred_at, TimelineEvent.milestone).where(
                    TimelineEvent.import_batch_id == batch_id
                )
            ).all()
            ids = tuple(event_id for event_id, _, _ in rows if event_id is not None)
            batch_marks = {
                (Milestone(milestone), moment) for _, moment, milestone in rows if milestone
            }
            session.connection().execute(
                delete(TimelineEvent).where(col(TimelineEvent.import_batch_id) == batch_id)
            )
            session.delete(batch)
            session.flush()
            remaining = milestones_from_events(_remaining_marks(session, postmortem_id))
            changed: set[str] = set()
            for milestone, name in KEY_TIME_FIELDS.items():
                value = getattr(postmortem, name)
                if value is not None and (milestone, value) in batch_marks:
                    replacement = remaining.at(milestone)
                    if replacement != value:
                        setattr(postmortem, name, replacement)
                        changed.add(name)
            postmortem.updated_at = utc_now()
            session.add(postmortem)
        self._announce(Entity.EVENT, ChangeKind.DELETED, postmortem_id, ids)
        if changed:
            self._announce(
                Entity.POSTMORTEM,
                ChangeKind.UPDATED,
                postmortem_id,
                (postmortem_id,),
                frozenset(changed),
            )
        return UndoResult(ImportBatchId(batch_id), len(ids), frozenset(changed))

    def batches(self, postmortem_id: int) -> list[ImportBatch]:
        """Return a postmortem's imports, newest first, for the Undo import list."""
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            return list(
                session.exec(
                    select(ImportBatch)
                    .where(ImportBatch.postmortem_id == postmortem_id)
                    .order_by(col(ImportBatch.imported_at).desc(), col(ImportBatch.id).desc())
                ).all()
            )
