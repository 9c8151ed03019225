"""Import pasted chat such as ``14:02 alice: …`` or ``[2024-03-01 14:02:11] alice: …``.

Lines with only a time fall on the incident's date and move to the next day when the clock wraps
past midnight. Lines that match no pattern continue the message above them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from postmortem_desk.domain.enums import EventKind, EventSource
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
from postmortem_desk.importers.wallclock import (
    DateOrder,
    parse_clock,
    parse_moment,
    slashed_date_order,
)

_CLOCK_TEXT = r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
_ACTOR = r"(?:<(?P<nick>[^<>\s]{1,40})>|(?P<name>[^:\[\]<>]{1,40}?):)"
_BRACKETED = re.compile(r"^\[(?P<stamp>[^\]]{4,40})\]\s*" + _ACTOR + r"\s?(?P<text>.*)$")
_NAME_FIRST = re.compile(
    r"^(?P<name>[^\[\]:<>]{1,40}?)\s*\[(?P<stamp>[^\]]{4,40})\]\s*:?\s?(?P<text>.*)$"
)
_TIME_FIRST = re.compile(
    r"^(?P<stamp>(?:\d{4}-\d{2}-\d{2}[ T])?" + _CLOCK_TEXT + r")\s+" + _ACTOR + r"\s?(?P<text>.*)$"
)
_ONLY_CLOCK = re.compile(r"^" + _CLOCK_TEXT + r"$")
WRAP_BACKWARDS = timedelta(hours=6)
CHUNK_LINES = 5000


@dataclass
class _Message:
    line: int
    moment: datetime
    actor: str
    parts: list[str] = field(default_factory=list)


@dataclass
class _Line:
    stamp: str
    actor: str
    text: str


def match_line(line: str) -> _Line | None:
    """Split a chat line into its stamp, speaker and text, or return None if it is not one."""
    for pattern in (_BRACKETED, _TIME_FIRST, _NAME_FIRST):
        match = pattern.match(line)
        if match is None:
            continue
        groups = match.groupdict()
        actor = (groups.get("nick") or groups.get("name") or "").strip().lstrip("@")
        if pattern is _NAME_FIRST and (not actor or len(actor.split()) > 4):
            continue
        if pattern is _NAME_FIRST and not re.search(r"\d:\d\d", match["stamp"]):
            continue
        return _Line(stamp=match["stamp"].strip(), actor=actor, text=match["text"].strip())
    return None


class _Clock:
    """Turn stamps into instants, carrying the day forward across midnight."""

    def __init__(self, options: ImportOptions, order: DateOrder) -> None:
        self._options = options
        self._order = order
        self._day: date | None = options.incident_date
        self._previous: datetime | None = None

    def moment(self, stamp: str) -> datetime:
        zone = self._options.zone
        if _ONLY_CLOCK.match(stamp):
            if self._day is None:
                raise BadTimestamp(
                    f"{stamp!r} has a time but no date; choose the incident's date "
                    "(the postmortem's start time, or --date)"
                )
            parse_clock(stamp)
            moment = parse_moment(stamp, zone=zone, incident_date=self._day).moment
            if self._previous is not None and moment < self._previous - WRAP_BACKWARDS:
                self._day = self._day + timedelta(days=1)
                moment = parse_moment(stamp, zone=zone, incident_date=self._day).moment
        else:
            moment = parse_moment(stamp, zone=zone, order=self._order).moment
            self._day = moment.astimezone(zone).date()
        self._previous = moment
        return moment


def parse_chat_text(
    text: str,
    file_name: str,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read pasted chat into one event per message, continuation lines joined to their message."""
    options = options or ImportOptions()
    report = ImportReport(source=EventSource.TEXT, file_name=file_name)
    if not text.strip():
        raise ImportFailed(f"{file_name} is empty; there is nothing to import.", file=file_name)
    if text.lstrip().startswith(("{", "[{", "PK\x03\x04")):
        raise ImportFailed(
            f"{file_name} holds JSON or an archive, not pasted chat. Choose the format it came "
            "from (Slack, PagerDuty or Alertmanager).",
            file=file_name,
        )
    lines = text.splitlines()
    matched = [match_line(line) for line in lines]
    order, guessed = slashed_date_order([m.stamp for m in matched if m is not None][:2000])
    if guessed:
        report.warnings.append(
            f"{file_name}: dates such as 03/04/2024 were read as month/day; use ISO dates to be "
            "sure."
        )
    clock = _Clock(options, order)
    messages: list[_Message] = []
    current: _Message | None = None
    steps = Progress(len(lines), progress, cancel, file_name=file_name)
    for number, (raw, parsed) in enumerate(zip(lines, matched, strict=True), start=1):
        if number % CHUNK_LINES == 0:
            steps.advance(CHUNK_LINES)
        if parsed is None:
            if not raw.strip():
                continue
            if current is None:
                report.skip(f"line {number}", "comes before the first timestamped message")
            else:
                current.parts.append(raw.strip())
            continue
        try:
            moment = clock.moment(parsed.stamp)
        except BadTimestamp as error:
            if "no date" in str(error):
                raise ImportFailed(
                    f"{file_name}, line {number}: {error}.", file=file_name, line=number
                ) from error
            report.problem("", f"{error}; the message was left out", line=number)
            current = None
            continue
        current = _Message(number, moment, parsed.actor, [parsed.text] if parsed.text else [])
        messages.append(current)
    if not messages and not report.problems:
        raise ImportFailed(
            f"No line of {file_name} looks like a chat message. Lines should read like "
            "'14:02 alice: restarted db', '[2024-03-01 14:02:11] alice: …' or "
            "'alice [2:02 PM]: …'.",
            file=file_name,
        )
    for message in messages:
        body = "\n".join(message.parts).strip()
        if not body:
            report.skip(f"line {message.line}", "no text")
            continue
        if not options.in_window(message.moment):
            report.skip(f"line {message.line}", "outside the time window")
            continue
        report.events.append(
            ImportedEvent(
                occurred_at=message.moment,
                utc_offset_minutes=offset_minutes(message.moment),
                kind=EventKind.CHAT,
                source=EventSource.TEXT,
                text=body,
                actor=message.actor,
                external_id=f"line {message.line}",
            )
        )
    report.events = sort_events(report.events)
    return report


def parse_chat_text_file(
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read a text file of pasted chat into events."""
    data = read_limited(path)
    return parse_chat_text(
        decode_text(data, path.name), path.name, options, progress=progress, cancel=cancel
    )
