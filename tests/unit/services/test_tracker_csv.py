"""CSV export of tracker rows, read back with the csv module."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.models import ActionItem, Postmortem
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.tracker import TrackerService
from postmortem_desk.services.tracker_csv import HEADER, CsvExportError, write_tracker_csv
from postmortem_desk.storage.database import open_database

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[TrackerService]:
    database = open_database(tmp_path / "desk.sqlite", lock=False)
    store = Store(database.engine)
    with store.session() as session:
        postmortem = Postmortem(
            title="Search latency, part 2",
            severity=Severity.SEV2,
            services=["search", "index"],
            meeting_date=datetime(2026, 3, 1, 20, tzinfo=UTC),
        )
        session.add(postmortem)
        session.flush()
        assert postmortem.id is not None
        session.add_all(
            [
                ActionItem(
                    postmortem_id=postmortem.id,
                    title='=HYPERLINK("http://evil.example")',
                    priority=Priority.P0,
                    owner="Åsa",
                    due_date=date(2026, 3, 8),
                    ticket_key="SRCH-7",
                    ticket_url="https://tracker.example/SRCH-7",
                ),
                ActionItem(
                    postmortem_id=postmortem.id,
                    title="Cap query fan-out\nper shard",
                    status=ActionStatus.WONT_DO,
                    wont_do_reason="Superseded, by the new planner",
                ),
            ]
        )
    yield TrackerService(
        store, ChangeBus(), clock=lambda: datetime(2026, 3, 10, tzinfo=UTC), tz=TOKYO
    )
    database.close()


def test_csv_round_trips_and_neutralises_formulas(tracker: TrackerService, tmp_path: Path) -> None:
    target = tmp_path / "tracker.csv"
    assert write_tracker_csv(target, tracker.rows(), tracker.tz) == 2
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert list(records[0]) == list(HEADER)
    first, second = records
    assert first["Title"] == '\'=HYPERLINK("http://evil.example")'
    assert first["Owner"] == "Åsa"
    assert first["SLA"] == "2 days overdue"
    assert first["Services"] == "search; index"
    assert first["Meeting date"] == "2026-03-02"
    assert first["Ticket URL"] == "https://tracker.example/SRCH-7"
    assert second["Title"] == "Cap query fan-out\nper shard"
    assert second["Status"] == "Won't do"
    assert second["Won't-do reason"] == "Superseded, by the new planner"


def test_csv_to_a_missing_folder_says_what_to_do(tracker: TrackerService, tmp_path: Path) -> None:
    with pytest.raises(CsvExportError, match="Choose a folder"):
        write_tracker_csv(tmp_path / "nope" / "x.csv", tracker.rows(), tracker.tz)
