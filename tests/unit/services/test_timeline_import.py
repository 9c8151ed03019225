"""ImportService over a real SQLite file: preview, one-transaction apply, duplicates, undo."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, col, func, select

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import ImportBatch, TimelineEvent
from postmortem_desk.importers import ImportCancelled, ImportedEvent, ImportFailed, parse_file
from postmortem_desk.importers.base import ImportReport
from postmortem_desk.services.base import Change, ChangeBus, Store, ValidationError
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.services.timeline_import import ImportService
from postmortem_desk.storage.database import Database

DATA = Path(__file__).resolve().parents[2] / "data" / "importers"


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def store(database: Database) -> Store:
    return Store(database.engine)


@pytest.fixture
def importer(store: Store, bus: ChangeBus) -> ImportService:
    return ImportService(store, bus)


@pytest.fixture
def postmortem_id(store: Store, bus: ChangeBus) -> int:
    created = PostmortemService(store, bus).create(title="Checkout outage")
    assert created.id is not None
    return created.id


def _count(store: Store) -> int:
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(TimelineEvent)).one())


def _event(minute: int, text: str, milestone: Milestone | None = None) -> ImportedEvent:
    return ImportedEvent(
        occurred_at=datetime(2024, 3, 1, 10, minute, tzinfo=UTC),
        kind=EventKind.NOTE,
        source=EventSource.CSV,
        text=text,
        milestone=milestone,
    )


def _report(*events: ImportedEvent) -> ImportReport:
    return ImportReport(source=EventSource.CSV, file_name="t.csv", events=list(events))


def test_preview_writes_nothing_and_apply_writes_batch_events_and_key_times(
    importer: ImportService, store: Store, bus: ChangeBus, postmortem_id: int
) -> None:
    changes: list[Change] = []
    bus.subscribe(changes.append)
    parsed = parse_file(DATA / "pagerduty_log_entries.json")
    preview = importer.preview(postmortem_id, parsed)
    assert _count(store) == 0
    assert len(preview.to_add) == 8
    assert preview.counts_by_kind[EventKind.PAGE] == 2
    assert set(preview.key_time_updates) == {
        Milestone.DETECTED,
        Milestone.ACKNOWLEDGED,
        Milestone.RESOLVED,
    }
    batch = importer.apply(postmortem_id, preview, "log.json")
    assert (batch.event_count, batch.file_name, batch.source) == (8, "log.json", "pagerduty")
    assert _count(store) == 8
    postmortem = PostmortemService(store, bus).get(postmortem_id)
    assert postmortem.detected_at == datetime(2024, 3, 1, 9, 59, 30, tzinfo=UTC)
    assert postmortem.acknowledged_at == datetime(2024, 3, 1, 10, 5, 10, tzinfo=UTC)
    loaded = PostmortemService(store, bus).load(postmortem_id)
    ack = next(e for e in loaded.events if e.external_id == "R4ACK")
    assert ack.utc_offset_minutes == 60
    assert ack.import_batch_id == batch.id
    assert [c.entity.value for c in changes] == ["event", "postmortem"]
    assert len(changes[0].ids) == 8
    assert changes[1].fields == {"detected_at", "acknowledged_at", "resolved_at"}


def test_duplicates_in_the_timeline_and_within_the_batch_are_skipped(
    importer: ImportService, postmortem_id: int
) -> None:
    importer.apply(postmortem_id, importer.preview(postmortem_id, _report(_event(1, "a"))))
    preview = importer.preview(
        postmortem_id, _report(_event(1, "a"), _event(2, "b"), _event(2, "b"), _event(3, "a"))
    )
    assert [e.text for e in preview.to_add] == ["b", "a"]
    assert len(preview.duplicates) == 2
    batch = importer.apply(postmortem_id, preview)
    assert (batch.event_count, batch.skipped_count) == (2, 2)


def test_key_times_are_filled_only_where_empty_and_in_order(
    importer: ImportService, store: Store, bus: ChangeBus, postmortem_id: int
) -> None:
    hand_set = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    PostmortemService(store, bus).update(
        postmortem_id, detected_at=hand_set, resolved_at=datetime(2024, 3, 1, 10, 30, tzinfo=UTC)
    )
    parsed = _report(
        _event(5, "trigger", Milestone.DETECTED),
        _event(40, "ack after resolution", Milestone.ACKNOWLEDGED),
        _event(10, "mitigated", Milestone.MITIGATED),
    )
    preview = importer.preview(postmortem_id, parsed)
    assert preview.key_time_updates == {
        Milestone.MITIGATED: datetime(2024, 3, 1, 10, 10, tzinfo=UTC)
    }
    assert "before acknowledged" in preview.key_time_refusals[Milestone.ACKNOWLEDGED].lower()
    importer.apply(postmortem_id, preview)
    postmortem = PostmortemService(store, bus).get(postmortem_id)
    assert postmortem.detected_at == hand_set
    assert postmortem.acknowledged_at is None
    assert postmortem.mitigated_at == datetime(2024, 3, 1, 10, 10, tzinfo=UTC)


def test_undo_removes_the_batch_its_events_and_the_key_times_it_set(
    importer: ImportService, store: Store, bus: ChangeBus, postmortem_id: int
) -> None:
    first = importer.apply(
        postmortem_id, importer.preview(postmortem_id, _report(_event(1, "kept")))
    )
    second = importer.apply(
        postmortem_id,
        importer.preview(postmortem_id, _report(_event(2, "x", Milestone.DETECTED))),
    )
    assert PostmortemService(store, bus).get(postmortem_id).detected_at is not None
    result = importer.undo(second.id or 0)
    assert (result.events_removed, result.key_times_changed) == (1, frozenset({"detected_at"}))
    assert PostmortemService(store, bus).get(postmortem_id).detected_at is None
    assert [b.id for b in importer.batches(postmortem_id)] == [first.id]
    assert _count(store) == 1
    with Session(store.engine) as session:
        assert session.exec(select(ImportBatch).where(col(ImportBatch.id) == second.id)).all() == []


def test_problems_block_apply_unless_accepted(
    importer: ImportService, store: Store, postmortem_id: int
) -> None:
    parsed = _report(_event(1, "ok"))
    parsed.problem("line 3", "impossible time", line=3)
    preview = importer.preview(postmortem_id, parsed)
    with pytest.raises(ImportFailed, match=r"1 record\(s\) of t.csv could not be read.*line 3"):
        importer.apply(postmortem_id, preview)
    assert _count(store) == 0
    batch = importer.apply(postmortem_id, preview, accept_problems=True)
    assert (batch.event_count, batch.skipped_count) == (1, 1)


def test_cancel_during_apply_rolls_everything_back(
    importer: ImportService, store: Store, bus: ChangeBus, postmortem_id: int
) -> None:
    events = [
        ImportedEvent(
            occurred_at=datetime(2024, 3, 1, tzinfo=UTC).replace(microsecond=i),
            kind=EventKind.CHAT,
            source=EventSource.SLACK,
            text=f"message {i}",
            milestone=Milestone.DETECTED if i == 0 else None,
        )
        for i in range(12_000)
    ]
    preview = importer.preview(
        postmortem_id, ImportReport(EventSource.SLACK, "big.zip", events=events)
    )
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        importer.apply(
            postmortem_id,
            preview,
            progress=lambda done, total: calls.append((done, total)),
            cancel=lambda: len(calls) >= 2,
        )
    assert calls == [(5000, 12000), (10000, 12000)]
    assert _count(store) == 0
    assert importer.batches(postmortem_id) == []
    assert PostmortemService(store, bus).get(postmortem_id).detected_at is None


def test_preview_for_another_postmortem_or_with_nothing_new_is_refused(
    importer: ImportService, store: Store, bus: ChangeBus, postmortem_id: int
) -> None:
    other = PostmortemService(store, bus).create(title="Other").id or 0
    preview = importer.preview(postmortem_id, _report(_event(1, "a")))
    with pytest.raises(ValidationError, match="made for postmortem"):
        importer.apply(other, preview)
    importer.apply(postmortem_id, preview)
    again = importer.preview(postmortem_id, _report(_event(1, "a")))
    with pytest.raises(ValidationError, match="Nothing new to import"):
        importer.apply(postmortem_id, again)


def test_the_stale_preview_does_not_write_duplicates(
    importer: ImportService, store: Store, postmortem_id: int
) -> None:
    preview = importer.preview(postmortem_id, _report(_event(1, "a"), _event(2, "b")))
    importer.apply(postmortem_id, importer.preview(postmortem_id, _report(_event(1, "a"))))
    batch = importer.apply(postmortem_id, preview)
    assert (batch.event_count, batch.skipped_count) == (1, 1)
    assert _count(store) == 2
