"""Pasted chat: the three line shapes, the incident's date, midnight, continuation lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postmortem_desk.domain.enums import EventKind, EventSource
from postmortem_desk.importers import ImportFailed, ImportOptions
from postmortem_desk.importers.chat_text import parse_chat_text, parse_chat_text_file

MARCH_1 = ImportOptions(incident_date=date(2024, 3, 1))


@pytest.mark.parametrize(
    ("line", "actor", "text", "moment"),
    [
        ("14:02 alice: restarted db", "alice", "restarted db", "2024-03-01T14:02:00+00:00"),
        (
            "[2024-03-02 14:02:11] alice: restarted db",
            "alice",
            "restarted db",
            "2024-03-02T14:02:11+00:00",
        ),
        ("alice [2:02 PM]: restarted db", "alice", "restarted db", "2024-03-01T14:02:00+00:00"),
        ("Alice Ng [11:15 am]: paging", "Alice Ng", "paging", "2024-03-01T11:15:00+00:00"),
        ("[14:02] <bob> on it", "bob", "on it", "2024-03-01T14:02:00+00:00"),
        ("2024-03-02 09:00 @carol: hi", "carol", "hi", "2024-03-02T09:00:00+00:00"),
    ],
)
def test_line_shapes(line: str, actor: str, text: str, moment: str) -> None:
    (event,) = parse_chat_text(line, "chat.txt", MARCH_1).events
    assert (event.actor, event.text, event.occurred_at.isoformat()) == (actor, text, moment)
    assert (event.kind, event.source) == (EventKind.CHAT, EventSource.TEXT)


def test_pasted_fixture_continuations_midnight_and_zone(data: Path) -> None:
    options = ImportOptions(zone=ZoneInfo("Europe/Berlin"), incident_date=date(2024, 3, 1))
    report = parse_chat_text_file(data / "pasted_chat.txt", options)
    assert [e.occurred_at.isoformat() for e in report.events] == [
        "2024-03-01T23:50:05+01:00",
        "2024-03-01T23:52:00+01:00",
        "2024-03-01T23:58:00+01:00",
        "2024-03-02T00:03:00+01:00",
        "2024-03-02T00:10:00+01:00",
    ]
    assert report.events[1].text == (
        "looking at the deploy log\ndeploy 4711 went out at 23:40\nit touched the payment client"
    )
    assert report.events[3].text == "rolled back 4711\n<system> this line has no time"
    assert report.skipped_reasons() == {"comes before the first timestamped message": 1}
    assert report.events[0].utc_offset_minutes == 60


def test_time_only_without_a_date_names_the_line() -> None:
    with pytest.raises(ImportFailed, match=r"chat\.txt, line 2: '14:02' has a time but no date"):
        parse_chat_text("intro\n14:02 alice: hi", "chat.txt")


def test_impossible_times_are_problems_and_the_rest_is_kept() -> None:
    text = "[2024-02-30 10:00] alice: no such day\n25:61 bob: nor time\n10:00 carol: fine"
    report = parse_chat_text(text, "chat.txt", MARCH_1)
    assert [(p.line, "impossible" in p.message) for p in report.problems] == [(1, True), (2, True)]
    assert [e.actor for e in report.events] == ["carol"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"just some prose\nwith no times at all\n", "No line of chat.txt looks like a chat"),
        (b'{"event": {}}', "holds JSON or an archive"),
        (b"14:02 alice: caf\xe9", "not UTF-8"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        parse_chat_text_file(path, MARCH_1)
