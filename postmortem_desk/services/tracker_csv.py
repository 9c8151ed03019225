"""Export tracker rows as CSV that spreadsheets open safely."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from pathlib import Path

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.follow_through import local_day
from postmortem_desk.services.tracker import TrackerRow

HEADER: tuple[str, ...] = (
    "ID",
    "Title",
    "Status",
    "Priority",
    "Owner",
    "Team",
    "Due date",
    "SLA",
    "Postmortem ID",
    "Postmortem",
    "Severity",
    "Services",
    "Meeting date",
    "Completed on",
    "Won't-do reason",
    "Ticket",
    "Ticket URL",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvExportError(UserFacingError):
    """The CSV file could not be written; the message names the file and what to do."""


def _cell(value: str) -> str:
    """Neutralise text a spreadsheet would run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _local(value: datetime | None, tz: tzinfo) -> str:
    return "" if value is None else local_day(value, tz).isoformat()


def csv_record(row: TrackerRow, tz: tzinfo) -> list[str]:
    """Return one row's cells in ``HEADER`` order; instants become local days in ``tz``."""
    return [
        str(row.id),
        _cell(row.title),
        row.status.label,
        row.priority.value,
        _cell(row.owner),
        _cell(row.team),
        _day(row.due_date),
        row.sla.label,
        str(row.postmortem_id),
        _cell(row.postmortem_title),
        row.severity.value,
        _cell("; ".join(row.services)),
        _local(row.meeting_date, tz),
        _local(row.completed_at, tz),
        _cell(row.wont_do_reason),
        _cell(row.ticket_key),
        _cell(row.ticket_url),
    ]


def tracker_csv(rows: Iterable[TrackerRow], tz: tzinfo) -> str:
    """Return the rows as CSV text with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(csv_record(row, tz))
    return buffer.getvalue()


def write_tracker_csv(path: Path, rows: Iterable[TrackerRow], tz: tzinfo) -> int:
    """Write the rows to ``path`` (UTF-8 with a BOM so Excel reads accents) and count them."""
    rows = list(rows)
    try:
        path.write_text(tracker_csv(rows, tz), encoding="utf-8-sig", newline="")
    except OSError as error:
        raise CsvExportError(
            f"Cannot write the CSV file {path}: {error.strerror or error}. "
            "Choose a folder you can write to."
        ) from error
    return len(rows)
