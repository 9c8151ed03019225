"""``postmortem-desk actions`` run through the real entry point over a real database file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from postmortem_desk.cli import main
from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.models import ActionItem, Postmortem
from postmortem_desk.services.base import Store
from postmortem_desk.storage.database import open_database

TODAY = datetime.now(UTC).astimezone().date()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite"
    database = open_database(path, lock=False)
    try:
        with Store(database.engine).session() as session:
            checkout = Postmortem(
                title="Checkout outage",
                severity=Severity.SEV1,
                follow_up_review_date=TODAY + timedelta(days=20),
            )
            dns = Postmortem(
                title="DNS failures",
                severity=Severity.SEV3,
                follow_up_review_date=TODAY + timedelta(days=25),
            )
            session.add_all([checkout, dns])
            session.flush()
            assert checkout.id is not None
            assert dns.id is not None
            session.add_all(
                [
                    ActionItem(
                        postmortem_id=checkout.id,
                        title="Retry budget",
                        owner="Ana",
                        priority=Priority.P0,
                        due_date=TODAY - timedelta(days=4),
                    ),
                    ActionItem(
                        postmortem_id=checkout.id,
                        title="Error-ratio alert",
                        owner="Ben",
                        due_date=TODAY + timedelta(days=9),
                    ),
                    ActionItem(
                        postmortem_id=dns.id,
                        title="Lower TTL",
                        owner="ana",
                        due_date=TODAY + timedelta(days=1),
                    ),
                    ActionItem(
                        postmortem_id=dns.id,
                        title="Already done",
                        owner="Ana",
                        due_date=TODAY - timedelta(days=30),
                        status=ActionStatus.DONE,
                        completed_at=datetime.now(UTC) - timedelta(days=31),
                    ),
                ]
            )
    finally:
        database.close()
    return path


def test_lists_open_items_most_urgent_first(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["actions", "--db", str(library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["ID", "DUE", "SLA"]
    assert [line.split("  ")[-1].strip() for line in lines[1:]] == [
        "Checkout outage",
        "DNS failures",
        "Checkout outage",
    ]
    assert "4 days overdue" in lines[1]
    assert "due tomorrow" in lines[2]
    assert "Already done" not in "\n".join(lines)


def test_overdue_and_owner_as_json(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actions", "--db", str(library), "--owner", "ANA", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [item["title"] for item in items] == ["Retry budget", "Lower TTL"]
    assert main(["actions", "--db", str(library), "--overdue", "--json"]) == 0
    overdue = json.loads(capsys.readouterr().out)
    assert [(item["title"], item["overdue_days"], item["sla"]) for item in overdue] == [
        ("Retry budget", 4, "4 days overdue")
    ]


def test_all_includes_closed_items(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actions", "--db", str(library), "--all", "--json"]) == 0
    titles = {item["title"] for item in json.loads(capsys.readouterr().out)}
    assert "Already done" in titles


def test_ics_export_writes_due_dates_and_reviews(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "due.ics"
    assert main(["actions", "--db", str(library), "--owner", "Ben", "--ics", str(out)]) == 0
    assert "Wrote 2 calendar event(s)" in capsys.readouterr().out
    text = out.read_text("utf-8")
    assert text.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Due: Error-ratio alert (Ben)" in text
    assert "SUMMARY:Follow-up review: Checkout outage" in text
    assert "DNS failures" not in text
    due = (TODAY + timedelta(days=9)).strftime("%Y%m%d")
    assert f"DTSTART;VALUE=DATE:{due}" in text


def test_no_matches_says_so(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actions", "--db", str(library), "--owner", "Nobody"]) == 0
    assert capsys.readouterr().out.strip() == "No action items match."


def test_a_missing_database_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite"
    assert main(["actions", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "There is no database at" in err
    assert "--db PATH" in err
    assert not missing.exists()


def test_an_unwritable_calendar_path_is_a_clear_error(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "due.ics"
    assert main(["actions", "--db", str(library), "--ics", str(target)]) == 2
    assert "Cannot write the calendar file" in capsys.readouterr().err


def test_done_items_stay_out_of_the_calendar(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.ics"
    assert main(["actions", "--db", str(library), "--ics", str(out), "--json"]) == 0
    json.loads(capsys.readouterr().out)
    assert (TODAY - timedelta(days=30)).strftime("%Y%m%d") not in out.read_text("utf-8")
