"""The calendar file: parsed back with a small RFC 5545 reader, folding and escaping checked."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.models import ActionItem, Postmortem
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.calendar_ics import (
    AllDayEvent,
    CalendarExportError,
    calendar_text,
    escape_text,
    events_for,
    fold_line,
    write_calendar,
)
from postmortem_desk.services.tracker import TrackerService
from postmortem_desk.storage.database import open_database

STAMP = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)

Component = dict[str, list[tuple[dict[str, str], str]]]


def unfold(text: str) -> list[str]:
    """Undo line folding: a CRLF followed by one space or tab continues the previous line."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for physical in text[:-2].split("\r\n"):
        if physical[:1] in (" ", "\t"):
            lines[-1] += physical[1:]
        else:
            lines.append(physical)
    return lines


def unescape(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def split_unescaped(value: str, separator: str) -> list[str]:
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def parse(text: str) -> tuple[Component, list[Component]]:
    """Return the calendar's own properties and each VEVENT's, values unescaped."""
    calendar: Component = {}
    events: list[Component] = []
    stack: list[Component] = []
    for line in unfold(text):
        name_and_params, _, value = line.partition(":")
        name, *raw_params = name_and_params.split(";")
        params = dict(param.split("=", 1) for param in raw_params)
        if name == "BEGIN":
            component: Component = {}
            if value == "VEVENT":
                events.append(component)
            else:
                assert value == "VCALENDAR"
                calendar = component
            stack.append(component)
        elif name == "END":
            stack.pop()
        else:
            stack[-1].setdefault(name, []).append((params, value))
    assert stack == []
    return calendar, events


def prop(component: Component, name: str) -> str:
    values = component[name]
    assert len(values) == 1, name
    return unescape(values[0][1])


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[TrackerService]:
    database = open_database(tmp_path / "desk.sqlite", lock=False)
    store = Store(database.engine)
    with store.session() as session:
        checkout = Postmortem(
            title="Checkout outage; payments, refunds",
            severity=Severity.SEV1,
            follow_up_review_date=date(2026, 4, 2),
        )
        other = Postmortem(title="No review date")
        session.add_all([checkout, other])
        session.flush()
        assert checkout.id is not None
        assert other.id is not None
        session.add_all(
            [
                ActionItem(
                    postmortem_id=checkout.id,
                    title="Back-off in the payment client, with jitter; see C:\\runbooks",
                    priority=Priority.P0,
                    owner="Zoë Müller",
                    team="Payments",
                    due_date=date(2026, 3, 20),
                    ticket_key="PAY-42",
                    ticket_url="https://tracker.example/browse/PAY-42",
                ),
                ActionItem(
                    postmortem_id=checkout.id,
                    title="Already done",
                    due_date=date(2026, 3, 1),
                    status=ActionStatus.DONE,
                    completed_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
                ActionItem(postmortem_id=other.id, title="No due date yet"),
            ]
        )
    yield TrackerService(store, ChangeBus(), clock=lambda: STAMP, tz=UTC)
    database.close()


def test_calendar_parses_back_with_due_dates_and_reviews(tracker: TrackerService) -> None:
    text = calendar_text(events_for(tracker.rows(), tracker.follow_up_reviews()), stamp=STAMP)
    calendar, events = parse(text)
    assert prop(calendar, "VERSION") == "2.0"
    assert prop(calendar, "PRODID").startswith("-//Postmortem Desk//")
    assert len(events) == 2
    due, review = events
    item_id = tracker.rows()[0].id
    assert prop(due, "UID") == f"action-{item_id}@postmortem-desk.local"
    assert due["DTSTART"] == [({"VALUE": "DATE"}, "20260320")]
    assert due["DTEND"] == [({"VALUE": "DATE"}, "20260321")]
    assert prop(due, "DTSTAMP") == "20260310T093000Z"
    assert prop(due, "SUMMARY") == (
        "Due: Back-off in the payment client, with jitter; see C:\\runbooks (Zoë Müller)"
    )
    assert prop(due, "DESCRIPTION").splitlines() == [
        "Postmortem: Checkout outage; payments, refunds [SEV1]",
        "Priority: P0",
        "Owner: Zoë Müller",
        "Team: Payments",
        "Ticket: PAY-42",
    ]
    assert prop(due, "URL") == "https://tracker.example/browse/PAY-42"
    assert [unescape(c) for c in split_unescaped(due["CATEGORIES"][0][1], ",")] == [
        "Action item",
        "P0",
    ]
    assert prop(review, "SUMMARY") == "Follow-up review: Checkout outage; payments, refunds"
    assert review["DTSTART"] == [({"VALUE": "DATE"}, "20260402")]
    assert prop(review, "DESCRIPTION") == "1 action item(s) still open."


def test_uids_are_stable_across_exports(tracker: TrackerService) -> None:
    first = parse(calendar_text(events_for(tracker.rows()), stamp=STAMP))[1]
    later = parse(calendar_text(events_for(tracker.rows()), stamp=STAMP + timedelta(days=3)))[1]
    assert [prop(e, "UID") for e in first] == [prop(e, "UID") for e in later]


def test_every_physical_line_fits_in_75_octets_and_ends_with_crlf(
    tracker: TrackerService,
) -> None:
    text = calendar_text(events_for(tracker.rows(), tracker.follow_up_reviews()), stamp=STAMP)
    physical = text.split("\r\n")
    assert physical[-1] == ""
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    assert any(line.startswith(" ") for line in physical)


def test_escaping_of_text_values() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    assert escape_text("bell\x07 tab\t") == "bell tab\t"


def test_folding_never_splits_a_multibyte_character() -> None:
    line = "SUMMARY:" + "é" * 100
    folded = fold_line(line)
    for piece in folded.split("\r\n"):
        assert len(piece.encode("utf-8")) <= 75
        piece.encode("utf-8").decode("utf-8")
    assert unfold(folded + "\r\n") == [line]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_summary_round_trips(summary: str) -> None:
    event = AllDayEvent(uid="x@example", day=date(2026, 1, 1), summary=summary)
    _, events = parse(calendar_text([event], stamp=STAMP))
    expected = "".join(
        char
        for char in summary.replace("\r\n", "\n").replace("\r", "\n")
        if char in "\n\t" or unicodedata.category(char) != "Cc"
    )
    assert prop(events[0], "SUMMARY") == expected


def test_write_calendar_to_a_file_and_report_a_bad_folder(tmp_path: Path) -> None:
    event = AllDayEvent(uid="x@example", day=date(2026, 1, 1), summary="Review")
    target = tmp_path / "follow-through.ics"
    assert write_calendar(target, [event], stamp=STAMP) == 1
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    with pytest.raises(CalendarExportError, match="Choose a folder"):
        write_calendar(tmp_path / "missing" / "x.ics", [event], stamp=STAMP)
