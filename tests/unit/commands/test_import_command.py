"""``postmortem-desk import`` end to end on a real library file: output, exit codes, no writes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from postmortem_desk.cli import main
from postmortem_desk.domain.models import Postmortem, TimelineEvent
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.storage.database import open_database

DATA = Path(__file__).resolve().parents[2] / "data" / "importers"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    database = open_database(path)
    try:
        PostmortemService(Store(database.engine), ChangeBus()).create(title="Checkout outage")
    finally:
        database.close()
    return path


def _events(library: Path) -> int:
    database = open_database(library, lock=False)
    try:
        with Session(database.engine) as session:
            return int(session.exec(select(func.count()).select_from(TimelineEvent)).one())
    finally:
        database.close()


def _run(library: Path, *args: str) -> int:
    return main(["import", "--db", str(library), "--postmortem", "1", *args])


def test_imports_slack_channel_and_reports_what_it_skipped(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run(library, "--format", "slack", str(DATA / "slack_modern"), "--channel", "incident")
    out = capsys.readouterr().out
    assert code == 0
    assert "8 new event(s) from slack_modern." in out
    assert "1 skipped: channel join (noise)." in out
    assert "Imported 8 event(s) into postmortem 1 as import #1" in out
    assert _events(library) == 8


def test_second_run_skips_duplicates(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--format", "pagerduty", str(DATA / "pagerduty_log_entries.json"))
    assert _run(library, *args) == 0
    capsys.readouterr()
    assert _run(library, *args) == 0
    out = capsys.readouterr().out
    assert "8 duplicate(s) already on the timeline, skipped." in out
    assert "Nothing new to import" in out
    assert _events(library) == 8


def test_csv_with_map_tz_and_window(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _run(
        library,
        "--format",
        "csv",
        str(DATA / "spreadsheet_bom_semicolon.csv"),
        "--tz",
        "Europe/Berlin",
        "--map",
        "text=Description,actor=3",
        "--since",
        "2024-03-01T11:00",
        "--until",
        "2024-03-01T11:30",
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Imported 2 event(s)" in out
    assert "skipped: outside the time window" in out


def test_time_only_chat_uses_the_postmortem_start_date(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(library, lock=False)
    try:
        PostmortemService(Store(database.engine), ChangeBus()).update(
            1, started_at=datetime(2024, 3, 1, 13, 0, tzinfo=UTC)
        )
    finally:
        database.close()
    chat = tmp_path / "chat.txt"
    chat.write_text("14:02 alice: restarted db\n")
    assert _run(library, "--format", "text", str(chat), "--tz", "+01:00") == 0
    assert "Imported 1 event(s)" in capsys.readouterr().out
    database = open_database(library, lock=False)
    try:
        (event,) = PostmortemService(Store(database.engine), ChangeBus()).load(1).events
    finally:
        database.close()
    assert event.occurred_at == datetime(2024, 3, 1, 13, 2, tzinfo=UTC)
    assert event.utc_offset_minutes == 60


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--format", "pagerduty", str(DATA / "alertmanager_resolved.json")),
            "looks like an Alertmanager",
        ),
        (
            ("--format", "slack", str(DATA / "slack_modern"), "--channel", "ops"),
            "no channel named 'ops'",
        ),
        (("--format", "csv", str(DATA / "pasted_chat.txt")), "has no time or text column"),
        (
            ("--format", "csv", str(DATA / "spreadsheet_bom_semicolon.csv"), "--tz", "Mars/Base"),
            "is not a time zone",
        ),
        (
            ("--format", "csv", str(DATA / "spreadsheet_bom_semicolon.csv"), "--map", "time"),
            "FIELD=COLUMN",
        ),
        (
            ("--format", "text", str(DATA / "pasted_chat.txt"), "--since", "yesterday"),
            "--since 'yesterday'",
        ),
        (("--format", "csv", "missing.csv"), "missing.csv does not exist"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_writes_nothing(
    library: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    assert _run(library, *args) == 2
    assert message in capsys.readouterr().err
    assert _events(library) == 0


def test_time_only_chat_without_any_date_is_refused(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("14:02 alice: restarted db\n")
    assert _run(library, "--format", "text", str(chat)) == 2
    assert "chat.txt, line 1: '14:02' has a time but no date" in capsys.readouterr().err
    assert _events(library) == 0


def test_unreadable_records_block_the_import_unless_accepted(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("time,text\n2024-03-01 10:00Z,ok\n2024-02-30 10:00Z,bad\n")
    assert _run(library, "--format", "csv", str(sheet)) == 2
    captured = capsys.readouterr()
    assert "Problem: sheet.csv, line 3, time: '2024-02-30 10:00Z' is an impossible time" in (
        captured.out
    )
    assert "nothing was written" in captured.err
    assert _events(library) == 0
    assert _run(library, "--format", "csv", str(sheet), "--accept-problems") == 0
    assert _events(library) == 1


def test_unknown_postmortem_and_missing_database(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(DATA / "pasted_chat.txt")
    assert (
        main(["import", "--db", str(library), "--postmortem", "9", "--format", "text", file]) == 2
    )
    assert "no postmortem with id 9" in capsys.readouterr().err
    missing = tmp_path / "none.sqlite"
    assert (
        main(["import", "--db", str(missing), "--postmortem", "1", "--format", "text", file]) == 2
    )
    assert "There is no database" in capsys.readouterr().err
    assert not missing.exists()


def test_key_times_are_set_from_pagerduty(library: Path) -> None:
    assert _run(library, "--format", "pagerduty", str(DATA / "pagerduty_log_entries.json")) == 0
    database = open_database(library, lock=False)
    try:
        with Session(database.engine) as session:
            postmortem = session.get(Postmortem, 1)
            assert postmortem is not None
            assert postmortem.detected_at is not None
            assert postmortem.resolved_at is not None
    finally:
        database.close()
