"""Write an RFC 5545 calendar of action-item due dates and follow-up reviews.

All-day events, CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character,
escaped TEXT values, and UIDs derived from record ids so a re-import updates, not duplicates.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from postmortem_desk import APP_ID, APP_NAME, __version__
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.services.tracker import FollowUpReview, TrackerRow

CRLF = "\r\n"
MAX_OCTETS = 75
UID_DOMAIN = f"{APP_ID}.local"


class CalendarExportError(UserFacingError):
    """The calendar file could not be written; the message names the file and what to do."""


@dataclass(frozen=True)
class AllDayEvent:
    """One all-day calendar entry."""

    uid: str
    day: date
    summary: str
    description: str = ""
    url: str = ""
    categories: tuple[str, ...] = ()


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11) and drop control characters it may not hold."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(char for char in value if char in "\n\t" or unicodedata.category(char) != "Cc")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line into CRLF-joined pieces of at most 75 octets (RFC 5545 3.1)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [" "], 1, MAX_OCTETS
        current.append(char)
        size += width
    pieces.append("".join(current))
    return CRLF.join(pieces)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def action_uid(item_id: int) -> str:
    """Return the stable UID of an action item's due-date event."""
    return f"action-{item_id}@{UID_DOMAIN}"


def review_uid(postmortem_id: int) -> str:
    """Return the stable UID of a postmortem's follow-up review event."""
    return f"review-{postmortem_id}@{UID_DOMAIN}"


def events_for(
    rows: Iterable[TrackerRow], reviews: Iterable[FollowUpReview] = ()
) -> list[AllDayEvent]:
    """Turn open items with a due date and follow-up reviews into calendar events."""
    events: list[AllDayEvent] = []
    for row in rows:
        if not row.is_open or row.due_date is None:
            continue
        owner = f" ({row.owner})" if row.owner else ""
        details = [
            f"Postmortem: {row.postmortem_title} [{row.severity.value}]",
            f"Priority: {row.priority.value}",
            f"Owner: {row.owner or 'unassigned'}",
        ]
        if row.team:
            details.append(f"Team: {row.team}")
        if row.ticket_key:
            details.append(f"Ticket: {row.ticket_key}")
        events.append(
            AllDayEvent(
                uid=action_uid(row.id),
                day=row.due_date,
                summary=f"Due: {row.title}{owner}",
                description="\n".join(details),
                url=row.ticket_url,
                categories=("Action item", row.priority.value),
            )
        )
    for review in reviews:
        events.append(
            AllDayEvent(
                uid=review_uid(review.postmortem_id),
                day=review.review_date,
                summary=f"Follow-up review: {review.postmortem_title}",
                description=f"{review.open_items} action item(s) still open.",
                categories=("Follow-up review",),
            )
        )
    events.sort(key=lambda event: (event.day, event.uid))
    return events


def calendar_text(events: Sequence[AllDayEvent], *, stamp: datetime) -> str:
    """Return the whole VCALENDAR as text with CRLF line ends; ``stamp`` becomes DTSTAMP."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{APP_NAME}//{__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(APP_NAME + ' follow-through')}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_stamp(stamp)}",
            f"DTSTART;VALUE=DATE:{_day(event.day)}",
            f"DTEND;VALUE=DATE:{_day(event.day + timedelta(days=1))}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.url:
            lines.append(f"URL:{event.url}")
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in event.categories))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)


def write_calendar(path: Path, events: Sequence[AllDayEvent], *, stamp: datetime) -> int:
    """Write the calendar to ``path`` (UTF-8, CRLF) and return how many events it holds."""
    try:
        path.write_bytes(calendar_text(events, stamp=stamp).encode("utf-8"))
    except OSError as error:
        raise CalendarExportError(
            f"Cannot write the calendar file {path}: {error.strerror or error}. "
            "Choose a folder you can write to."
        ) from error
    return len(events)
