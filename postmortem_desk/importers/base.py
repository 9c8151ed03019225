"""What every importer returns and raises: events, a report of what was left out, one error type."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.errors import UserFacingError

MAX_FILE_BYTES = 512 * 1024 * 1024
"""The largest single file an importer reads into memory."""

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) between chunks of work."""

CancelCheck = Callable[[], bool]
"""Returns True when the user asked to stop."""


class ImportFailed(UserFacingError):
    """A file cannot be imported; the message names the file, the record or line and the problem."""

    def __init__(
        self, message: str, *, file: str = "", record: str = "", line: int | None = None
    ) -> None:
        super().__init__(message)
        self.file = file
        self.record = record
        self.line = line


class ImportCancelled(ImportFailed):
    """The user stopped the import; nothing was written."""


class ImportFormat(StrEnum):
    """The kinds of file the timeline can be built from."""

    SLACK = "slack"
    PAGERDUTY = "pagerduty"
    ALERTMANAGER = "alertmanager"
    CSV = "csv"
    TEXT = "text"

    @property
    def label(self) -> str:
        """Name the format as the file picker shows it."""
        return {
            "slack": "Slack export (ZIP or folder)",
            "pagerduty": "PagerDuty log entries or webhook JSON",
            "alertmanager": "Alertmanager webhook JSON",
            "csv": "CSV or TSV spreadsheet",
            "text": "Pasted chat text",
        }[self.value]

    @property
    def source(self) -> EventSource:
        """Return the event source that events from this format carry."""
        return EventSource(self.value)


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One timeline event read from a file, validated and not yet written."""

    occurred_at: datetime
    kind: EventKind
    source: EventSource
    text: str
    actor: str = ""
    utc_offset_minutes: int | None = None
    milestone: Milestone | None = None
    is_reply: bool = False
    thread_key: str = ""
    channel: str = ""
    link: str = ""
    external_id: str = ""

    def __post_init__(self) -> None:
        if self.occurred_at.tzinfo is None or self.occurred_at.utcoffset() is None:
            raise ValueError("an imported event needs an aware occurred_at")

    @property
    def dedup_key(self) -> tuple[datetime, str, EventSource]:
        """Return what makes two events the same: the instant, the text and the source."""
        return (self.occurred_at.astimezone(UTC), self.text, self.source)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record left out on purpose (noise, outside the window), with where it was and why."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that could not be read; the rest of the file may still be usable."""

    file: str
    record: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f", line {self.line}"
        if self.record:
            place += f", {self.record}"
        return f"{place}: {self.message}"


@dataclass
class ImportReport:
    """What one file yielded: events, records skipped and why, problems, and warnings."""

    source: EventSource
    file_name: str
    events: list[ImportedEvent] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def skip(self, where: str, reason: str) -> None:
        """Record that ``where`` was left out for ``reason``."""
        self.skipped.append(Skipped(where, reason))

    def problem(self, record: str, message: str, *, line: int | None = None) -> None:
        """Record that a record of this file could not be read."""
        self.problems.append(Problem(self.file_name, record, message, line))

    def skipped_reasons(self) -> dict[str, int]:
        """Count skipped records per reason, most frequent first."""
        counts: dict[str, int] = {}
        for item in self.skipped:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


@dataclass(frozen=True)
class ImportOptions:
    """The choices a user makes before importing; each format uses the ones that apply to it.

    Attributes:
        channels: Slack channel names to import (without ``#``); empty means all.
        since: Keep events at or after this instant.
        until: Keep events at or before this instant.
        zone: Time zone for times written without an offset (CSV, pasted text).
        incident_date: Day used for pasted lines that carry only a time.
        mapping: CSV field -> column header (or 1-based column number), overriding recognition.
        max_expanded_bytes: Refuse an archive whose contents expand beyond this many bytes.
    """

    channels: frozenset[str] = frozenset()
    since: datetime | None = None
    until: datetime | None = None
    zone: tzinfo = UTC
    incident_date: date | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    max_expanded_bytes: int = 2 * 1024 * 1024 * 1024

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and (value.tzinfo is None or value.utcoffset() is None):
                raise ValueError(f"{name} must be an aware datetime")

    def in_window(self, moment: datetime) -> bool:
        """Tell whether ``moment`` falls inside the chosen time window."""
        if self.since is not None and moment < self.since:
            return False
        return not (self.until is not None and moment > self.until)


class Progress:
    """Report progress and honour Cancel between chunks of work."""

    def __init__(
        self,
        total: int,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        *,
        file_name: str = "",
    ) -> None:
        self.total = max(total, 0)
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._file_name = file_name

    def check(self) -> None:
        """Stop with ``ImportCancelled`` when the user asked to."""
        if self._cancel is not None and self._cancel():
            where = f" of {self._file_name}" if self._file_name else ""
            raise ImportCancelled(
                f"The import{where} was cancelled; nothing was written.", file=self._file_name
            )

    def advance(self, amount: int = 1) -> None:
        """Count ``amount`` units done, tell the listener, then check for Cancel."""
        self.done = min(self.done + amount, self.total) if self.total else self.done + amount
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()


def read_limited(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole file, refusing missing, unreadable, empty and oversized files."""
    name = path.name
    try:
        if path.is_dir():
            raise ImportFailed(f"{path} is a folder; choose a file.", file=name)
        size = path.stat().st_size
        if size > limit:
            raise ImportFailed(
                f"{name} is {size // (1024 * 1024)} MB, more than the {limit // (1024 * 1024)} MB "
                "an import reads at once. Split it or export a shorter time range.",
                file=name,
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as error:
        raise ImportFailed(f"{path} does not exist.", file=name) from error
    except PermissionError as error:
        raise ImportFailed(f"{path} cannot be read: permission denied.", file=name) from error
    except OSError as error:
        raise ImportFailed(f"{path} cannot be read: {error.strerror}.", file=name) from error
    if len(data) > limit:
        raise ImportFailed(f"{name} grew beyond {limit} bytes while it was read.", file=name)
    if not data.strip():
        raise ImportFailed(f"{name} is empty; there is nothing to import.", file=name)
    return data


def decode_text(data: bytes, file_name: str) -> str:
    """Decode UTF-8 with or without a byte-order mark, naming the line of the first bad byte."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFailed(
            f"{file_name} is a ZIP archive, not a text or JSON file. A ZIP is imported as a "
            "Slack export.",
            file=file_name,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFailed(
            f"{file_name} is not UTF-8 text (bad byte at line {line}). "
            "Save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import it again.",
            file=file_name,
            line=line,
        ) from error


def load_json(data: bytes, file_name: str) -> Any:
    """Parse JSON, turning every failure into a message that names the file, line and column."""
    text = decode_text(data, file_name)
    if not text.strip():
        raise ImportFailed(f"{file_name} is empty; there is nothing to import.", file=file_name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            f"{file_name} is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}. Export the file again; it may be cut short.",
            file=file_name,
            line=error.lineno,
        ) from error
    except RecursionError as error:
        raise ImportFailed(
            f"{file_name} nests its JSON too deeply to be an export file.", file=file_name
        ) from error


_ISO = re.compile(
    r"""^\s*(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})
    (?:[T\s]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,12}))?)?)?
    \s*(?P<tz>Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$""",
    re.VERBOSE,
)
MIN_YEAR = 1970
MAX_YEAR = 2200


class BadTimestamp(ValueError):
    """A timestamp that cannot be read or names an impossible moment."""


@dataclass(frozen=True, slots=True)
class ParsedTime:
    """An instant and the UTC offset it was written with, or None when the text had none."""

    moment: datetime
    written_offset_minutes: int | None


def offset_minutes(moment: datetime) -> int:
    """Return the UTC offset of an aware datetime in whole minutes."""
    offset = moment.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 60)


def localize(naive: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone`` to a naive wall-clock time, refusing times the zone skips (DST jumps)."""
    aware = naive.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise BadTimestamp(
            f"{naive:%Y-%m-%d %H:%M} does not exist in {zone} (the clocks jumped forward)"
        )
    return aware


def check_year(moment: datetime) -> datetime:
    """Refuse instants so far from now that they can only be a mistake."""
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise BadTimestamp(f"the year {moment.year} is not a plausible incident time")
    return moment


def parse_iso(text: str, *, zone: tzinfo | None = None) -> ParsedTime:
    """Read an ISO-8601 style timestamp with up to nanosecond fractions and any offset.

    A timestamp without an offset is placed in ``zone``; without a zone it is refused.
    """
    match = _ISO.match(text)
    if match is None:
        raise BadTimestamp(f"{text[:60]!r} is not a date and time such as 2024-03-01T14:02:11Z")
    groups = match.groupdict()
    fraction = (groups["f"] or "0")[:6].ljust(6, "0")
    try:
        naive = datetime(
            int(groups["y"]),
            int(groups["mo"]),
            int(groups["d"]),
            int(groups["h"] or 0),
            int(groups["mi"] or 0),
            int(groups["s"] or 0),
            int(fraction),
        )
    except ValueError as error:
        raise BadTimestamp(f"{text.strip()[:60]!r} is an impossible time ({error})") from error
    written = groups["tz"]
    if written is None:
        if zone is None:
            raise BadTimestamp(f"{text.strip()[:60]!r} has no UTC offset")
        moment = localize(naive, zone)
        return ParsedTime(check_year(moment), None)
    if written.upper() in ("Z", "UTC"):
        minutes = 0
    else:
        digits = written[1:].replace(":", "")
        hours, mins = int(digits[:2]), int(digits[2:4] or 0)
        if hours > 23 or mins > 59:
            raise BadTimestamp(f"{written!r} in {text.strip()[:60]!r} is not a UTC offset")
        minutes = (hours * 60 + mins) * (-1 if written[0] == "-" else 1)
    moment = naive.replace(tzinfo=_fixed_zone(minutes))
    return ParsedTime(check_year(moment), minutes)


_ZONES: dict[int, tzinfo] = {}


def _fixed_zone(minutes: int) -> tzinfo:
    """Return a shared fixed-offset zone so many events do not each carry their own."""
    zone = _ZONES.get(minutes)
    if zone is None:
        zone = UTC if minutes == 0 else timezone(timedelta(minutes=minutes))
        _ZONES[minutes] = zone
    return zone


def from_epoch(seconds: int, micros: int = 0) -> datetime:
    """Turn epoch seconds into an aware UTC datetime, refusing implausible values."""
    if not 0 <= seconds <= 7_258_118_400 or not 0 <= micros < 1_000_000:
        raise BadTimestamp(f"{seconds} is not a plausible epoch time")
    return check_year(
        datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds, microseconds=micros)
    )


def text_of(value: Any) -> str:
    """Return a JSON value as stripped text, or '' when it is not a string or number."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return ""


def first_text(*values: Any) -> str:
    """Return the first non-empty text among ``values``."""
    for value in values:
        text = text_of(value)
        if text:
            return text
    return ""


def dict_of(value: Any) -> dict[str, Any]:
    """Return ``value`` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def list_of(value: Any) -> list[Any]:
    """Return ``value`` if it is a JSON array, else an empty one."""
    return value if isinstance(value, list) else []


def sort_events(events: Iterable[ImportedEvent]) -> list[ImportedEvent]:
    """Order events by instant; ties keep the order they were read in."""
    return sorted(events, key=lambda event: event.occurred_at.astimezone(UTC))
