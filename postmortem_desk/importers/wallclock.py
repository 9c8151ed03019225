"""Read the many ways people write a moment in spreadsheets and chat: ISO, 12-hour, d.m.y, m/d/y."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo

from postmortem_desk.importers.base import (
    BadTimestamp,
    ParsedTime,
    check_year,
    from_epoch,
    localize,
    parse_iso,
)

_CLOCK = re.compile(
    r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([AaPp])\.?\s?[Mm]\.?)?$"
)
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_SPLIT = re.compile(r"^(\S+?)[,]?(?:[\sT]+(.+))?$")
_EPOCH = re.compile(r"^(\d{10})(?:\.(\d{1,6})\d*)?$|^(\d{13})$")


def parse_clock(text: str) -> time:
    """Read ``14:02``, ``14:02:11``, ``2:02 PM`` or ``2:02pm`` as a time of day."""
    match = _CLOCK.match(text.strip())
    if match is None:
        raise BadTimestamp(f"{text.strip()[:40]!r} is not a time of day such as 14:02")
    hour, minute = int(match[1]), int(match[2])
    second = int(match[3] or 0)
    micro = int((match[4] or "0")[:6].ljust(6, "0"))
    meridiem = (match[5] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            raise BadTimestamp(f"{text.strip()!r} is not a 12-hour time")
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    try:
        return time(hour, minute, second, micro)
    except ValueError as error:
        raise BadTimestamp(f"{text.strip()!r} is an impossible time of day ({error})") from error


@dataclass(frozen=True)
class DateOrder:
    """How to read slashed dates such as 03/04/2024, decided once for a whole column or file."""

    day_first: bool = False


def slashed_date_order(samples: list[str]) -> tuple[DateOrder, bool]:
    """Decide day/month order from sample values; also tell whether the choice was a guess."""
    day_first_seen = month_first_seen = False
    for sample in samples:
        head = sample.strip().split(" ", 1)[0].split("T", 1)[0].rstrip(",")
        match = _SLASHED.match(head)
        if match is None:
            continue
        first, second = int(match[1]), int(match[2])
        day_first_seen |= first > 12
        month_first_seen |= second > 12
    if day_first_seen and not month_first_seen:
        return DateOrder(day_first=True), False
    if month_first_seen and not day_first_seen:
        return DateOrder(day_first=False), False
    any_slashed = any(_SLASHED.match(s.strip().split(" ", 1)[0].rstrip(",")) for s in samples)
    return DateOrder(day_first=False), any_slashed


def _calendar_date(text: str, order: DateOrder) -> date:
    try:
        match = _DOTTED.match(text)
        if match is not None:
            return date(int(match[3]), int(match[2]), int(match[1]))
        match = _SLASHED.match(text)
        if match is not None:
            a, b = int(match[1]), int(match[2])
            day, month = (a, b) if order.day_first else (b, a)
            return date(int(match[3]), month, day)
        return date.fromisoformat(text)
    except ValueError as error:
        raise BadTimestamp(f"{text[:40]!r} is not a possible date ({error})") from error


def parse_moment(
    text: str,
    *,
    zone: tzinfo,
    incident_date: date | None = None,
    order: DateOrder | None = None,
) -> ParsedTime:
    """Read a date-and-time, a time only (on ``incident_date``) or an epoch number.

    Times without an offset are wall-clock times in ``zone``.
    """
    value = text.strip()
    if not value:
        raise BadTimestamp("the time is empty")
    epoch = _EPOCH.match(value)
    if epoch is not None:
        if epoch[3]:
            millis = int(epoch[3])
            return ParsedTime(from_epoch(millis // 1000, (millis % 1000) * 1000), 0)
        return ParsedTime(from_epoch(int(epoch[1]), int((epoch[2] or "0").ljust(6, "0"))), 0)
    try:
        return parse_iso(value, zone=zone)
    except BadTimestamp as error:
        if "impossible" in str(error) or "does not exist" in str(error) or "year" in str(error):
            raise
    if _CLOCK.match(value):
        if incident_date is None:
            raise BadTimestamp(
                f"{value!r} has a time but no date; choose the incident's date for such times"
            )
        return _on_day(incident_date, parse_clock(value), zone)
    match = _SPLIT.match(value)
    if match is None:
        raise BadTimestamp(f"{value[:40]!r} is not a date and time")
    day = _calendar_date(match[1], order or DateOrder())
    clock = parse_clock(match[2]) if match[2] else time(0, 0)
    return _on_day(day, clock, zone)


def _on_day(day: date, clock: time, zone: tzinfo) -> ParsedTime:
    naive = datetime.combine(day, clock)
    moment = naive.replace(tzinfo=UTC) if zone is UTC else localize(naive, zone)
    return ParsedTime(check_year(moment), None)
