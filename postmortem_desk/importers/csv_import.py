"""Import a CSV or TSV timeline from a spreadsheet: sniff the delimiter, map columns, read times.

Common headers are recognised on their own (time/timestamp/date, text/message/what/description,
actor/who/user/author, kind/type/category, source); an explicit mapping overrides them. A separate
date column is combined with a time column. Times without an offset are read in the chosen zone.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.importers.base import (
    BadTimestamp,
    CancelCheck,
    ImportedEvent,
    ImportFailed,
    ImportOptions,
    ImportReport,
    Progress,
    ProgressCallback,
    decode_text,
    offset_minutes,
    read_limited,
    sort_events,
)
from postmortem_desk.importers.wallclock import DateOrder, parse_moment, slashed_date_order

FIELDS = ("time", "date", "text", "actor", "kind", "source", "milestone", "link")
REQUIRED_FIELDS = ("time", "text")
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "time": ("time", "timestamp", "datetime", "when", "occurredat", "at", "timeutc"),
    "date": ("date", "day"),
    "text": ("text", "message", "what", "description", "event", "details", "summary", "note"),
    "actor": ("actor", "who", "user", "author", "person", "by", "owner", "name"),
    "kind": ("kind", "type", "category", "eventtype"),
    "source": ("source", "system", "origin", "tool"),
    "milestone": ("milestone",),
    "link": ("link", "url", "href"),
}
KIND_WORDS: dict[str, EventKind] = {
    **{kind.value: kind for kind in EventKind},
    **{kind.label.lower(): kind for kind in EventKind},
    "deploy": EventKind.CHANGE,
    "deployment": EventKind.CHANGE,
    "release": EventKind.CHANGE,
    "config change": EventKind.CHANGE,
    "ack": EventKind.ACKNOWLEDGEMENT,
    "acknowledged": EventKind.ACKNOWLEDGEMENT,
    "acknowledge": EventKind.ACKNOWLEDGEMENT,
    "alerting": EventKind.ALERT,
    "paged": EventKind.PAGE,
    "message": EventKind.CHAT,
    "comment": EventKind.NOTE,
    "mitigated": EventKind.MITIGATION,
    "mitigate": EventKind.MITIGATION,
    "resolved": EventKind.RESOLUTION,
    "resolve": EventKind.RESOLUTION,
    "impact": EventKind.CUSTOMER_IMPACT,
}
MILESTONES: dict[str, Milestone] = {m.value: m for m in Milestone}
DELIMITERS = (",", ";", "\t")
SAMPLE_LINES = 50
CHUNK_ROWS = 2000
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _normalise(header: str) -> str:
    return _NON_WORD.sub("", header.strip().lstrip("\ufeff").lower())


@dataclass(frozen=True)
class CsvLayout:
    """What the mapping step shows: the delimiter, the headers, a guessed mapping and sample rows.

    ``mapping`` maps each field in ``FIELDS`` it could recognise to a 0-based column index.
    """

    file_name: str
    delimiter: str
    headers: tuple[str, ...]
    mapping: dict[str, int]
    sample_rows: tuple[tuple[str, ...], ...]

    def column_for(self, field: str) -> str | None:
        """Return the header mapped to ``field``, or None."""
        index = self.mapping.get(field)
        return None if index is None else self.headers[index]


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter (comma, semicolon or tab) that splits the sample most consistently."""
    sample = [line for line in text.splitlines()[:SAMPLE_LINES] if line.strip()]
    best = ","
    best_score: tuple[int, float, int] = (-1, -1.0, -1)
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        agreeing = sum(1 for row in rows if len(row) == width) / len(rows)
        score = (int(width > 1), agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def recognise_headers(headers: list[str]) -> dict[str, int]:
    """Map fields to columns from header names alone; the first matching column wins."""
    mapping: dict[str, int] = {}
    normalised = [_normalise(h) for h in headers]
    for exact in (True, False):
        for field, names in HEADER_NAMES.items():
            if field in mapping:
                continue
            for index, header in enumerate(normalised):
                if index in mapping.values():
                    continue
                hit = (
                    header in names
                    if exact
                    else any(len(name) >= 4 and header.startswith(name) for name in names)
                )
                if hit:
                    mapping[field] = index
                    break
    if "time" not in mapping and "date" in mapping:
        mapping["time"] = mapping.pop("date")
    return mapping


def _apply_explicit(
    mapping: dict[str, int], explicit: dict[str, str], headers: list[str], file_name: str
) -> dict[str, int]:
    result = dict(mapping)
    lowered = {h.strip().lower(): i for i, h in enumerate(headers)}
    for field, column in explicit.items():
        key = field.strip().lower()
        if key not in FIELDS:
            raise ImportFailed(
                f"The column mapping names the field {field!r}, which does not exist. "
                f"Fields are: {', '.join(FIELDS)}.",
                file=file_name,
            )
        wanted = column.strip()
        if wanted.isdigit() and 1 <= int(wanted) <= len(headers):
            index = int(wanted) - 1
        elif wanted.lower() in lowered:
            index = lowered[wanted.lower()]
        else:
            raise ImportFailed(
                f"{file_name} has no column {wanted!r} for {key}. Its columns are: "
                f"{', '.join(repr(h) for h in headers)}.",
                file=file_name,
            )
        result = {f: i for f, i in result.items() if i != index and f != key}
        result[key] = index
    return result


def _rows(text: str, delimiter: str, file_name: str) -> list[tuple[int, list[str]]]:
    """Split the text into rows, each with the line it starts on; quoting errors name the line."""
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFailed(
            f"{file_name} is not valid CSV at line {start}: {error}. Check the quotes on that "
            "line, or save the sheet as CSV again.",
            file=file_name,
            line=start,
        ) from error
    return rows


def _prepare(data: bytes, file_name: str) -> tuple[str, list[tuple[int, list[str]]]]:
    text = decode_text(data, file_name).replace("\r\n", "\n").replace("\r", "\n")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[{", "[\n", "[ ")) and not stripped.startswith("[20"):
        raise ImportFailed(
            f"{file_name} holds JSON, not CSV. Choose the format it came from "
            "(Slack, PagerDuty or Alertmanager).",
            file=file_name,
        )
    if stripped.startswith("PK\x03\x04"):
        raise ImportFailed(f"{file_name} is a ZIP archive, not CSV.", file=file_name)
    delimiter = sniff_delimiter(text)
    rows = [
        (line, row)
        for line, row in _rows(text, delimiter, file_name)
        if any(c.strip() for c in row)
    ]
    if not rows:
        raise ImportFailed(f"{file_name} is empty; there is nothing to import.", file=file_name)
    return delimiter, rows


def inspect_csv_data(data: bytes, file_name: str) -> CsvLayout:
    """Sniff a CSV held in memory and guess its column mapping, for the mapping step."""
    delimiter, rows = _prepare(data, file_name)
    headers = [h.strip().lstrip("\ufeff") for h in rows[0][1]]
    return CsvLayout(
        file_name=file_name,
        delimiter=delimiter,
        headers=tuple(headers),
        mapping=recognise_headers(headers),
        sample_rows=tuple(tuple(row) for _, row in rows[1:6]),
    )


def inspect_csv(path: Path) -> CsvLayout:
    """Sniff a CSV file and guess its column mapping, for the mapping step."""
    return inspect_csv_data(read_limited(path), path.name)


def _kind_of(value: str) -> EventKind | None:
    return KIND_WORDS.get(value.strip().lower())


def parse_csv_data(
    data: bytes,
    file_name: str,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read a CSV held in memory into events using recognised or explicitly mapped columns."""
    options = options or ImportOptions()
    report = ImportReport(source=EventSource.CSV, file_name=file_name)
    _, rows = _prepare(data, file_name)
    headers = [h.strip().lstrip("\ufeff") for h in rows[0][1]]
    mapping = _apply_explicit(recognise_headers(headers), options.mapping, headers, file_name)
    missing = [field for field in REQUIRED_FIELDS if field not in mapping]
    if missing:
        raise ImportFailed(
            f"{file_name} has no {' or '.join(missing)} column among "
            f"{', '.join(repr(h) for h in headers)}. Map one, e.g. --map "
            f"{missing[0]}=COLUMN.",
            file=file_name,
            line=rows[0][0],
        )
    body = rows[1:]
    if not body:
        raise ImportFailed(
            f"{file_name} has a header row but no events below it.", file=file_name, line=1
        )

    def cell(row: list[str], field: str) -> str:
        index = mapping.get(field)
        return row[index].strip() if index is not None and index < len(row) else ""

    time_values = [cell(row, "time") for _, row in body[:5000]]
    order, guessed = slashed_date_order(time_values + [cell(row, "date") for _, row in body[:500]])
    if guessed:
        report.warnings.append(
            f"{file_name}: dates such as 03/04/2024 could be day/month or month/day; they were "
            "read as month/day. Use ISO dates (2024-04-03) to be sure."
        )
    unknown_kinds: Counter[str] = Counter()
    naive_times = 0
    steps = Progress(len(body), progress, cancel, file_name=file_name)
    for count, (line, row) in enumerate(body, start=1):
        if count % CHUNK_ROWS == 0:
            steps.advance(CHUNK_ROWS)
        event, naive = _row_event(row, line, cell, order, options, report, unknown_kinds)
        naive_times += naive
        if event is not None:
            report.events.append(event)
    if naive_times:
        report.warnings.append(
            f"{file_name}: {naive_times} time(s) had no UTC offset and were read as "
            f"{options.zone} time."
        )
    for value, times in unknown_kinds.most_common():
        report.warnings.append(
            f"{file_name}: the kind {value!r} ({times} row(s)) is not one this app knows; "
            "those rows were imported as notes."
        )
    report.events = sort_events(report.events)
    return report


def _row_event(
    row: list[str],
    line: int,
    cell: Callable[[list[str], str], str],
    order: DateOrder,
    options: ImportOptions,
    report: ImportReport,
    unknown_kinds: Counter[str],
) -> tuple[ImportedEvent | None, int]:
    text = cell(row, "text")
    raw_time = cell(row, "time")
    raw_date = cell(row, "date")
    if not text:
        report.skip(f"line {line}", "no text")
        return None, 0
    if raw_date and raw_time and raw_date not in raw_time:
        raw_time = f"{raw_date} {raw_time}"
    try:
        parsed = parse_moment(
            raw_time, zone=options.zone, incident_date=options.incident_date, order=order
        )
    except BadTimestamp as error:
        report.problem("time", f"{error}; the row was left out", line=line)
        return None, 0
    if not options.in_window(parsed.moment):
        report.skip(f"line {line}", "outside the time window")
        return None, 0
    kind_text = cell(row, "kind")
    kind = _kind_of(kind_text) if kind_text else EventKind.NOTE
    if kind is None:
        unknown_kinds[kind_text] += 1
        kind = EventKind.NOTE
    source_text = cell(row, "source")
    source = EventSource.CSV
    channel = ""
    if source_text:
        known = {s.value: s for s in EventSource} | {s.label.lower(): s for s in EventSource}
        source = known.get(source_text.lower(), EventSource.CSV)
        if source is EventSource.CSV and source_text.lower() != "csv":
            channel = source_text
    milestone_text = cell(row, "milestone").lower()
    milestone = MILESTONES.get(milestone_text)
    if milestone_text and milestone is None:
        report.warnings.append(
            f"{report.file_name}, line {line}: {milestone_text!r} is not a milestone (started, "
            "detected, acknowledged, mitigated, resolved); the event was imported without one."
        )
    event = ImportedEvent(
        occurred_at=parsed.moment,
        utc_offset_minutes=offset_minutes(parsed.moment),
        kind=kind,
        source=source,
        text=text,
        actor=cell(row, "actor"),
        milestone=milestone,
        channel=channel,
        link=cell(row, "link"),
        external_id=f"line {line}",
    )
    return event, int(parsed.written_offset_minutes is None)


def parse_csv(
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read a CSV or TSV file into events using recognised or explicitly mapped columns."""
    return parse_csv_data(read_limited(path), path.name, options, progress=progress, cancel=cancel)
