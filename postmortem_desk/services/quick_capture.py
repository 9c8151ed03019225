"""Read the note-taker's one-line captures: ``14:02 @dana rolled back the deploy #mitigation``.

A line is ``[date] [time] [@actor | Known Name:] text [#kind]``:

- the time is ``HH:MM`` (24 h, seconds optional) or ``H:MM am/pm``; an optional ``YYYY-MM-DD``
  before it picks the day, otherwise the caller's day is used; a line with no time takes the
  caller's default instant (the selected event's time);
- ``@name`` names the actor; ``Name:`` does too when it is a known person (so "Decision: ..."
  stays text); aliases such as first names and chat handles resolve to the person's full name;
- ``#tags`` that name an event kind (every kind's value, and aliases like ``#deploy``, ``#ack``,
  ``#alert``) set the kind and are removed from the text; the last one wins; other tags such as
  channel names stay in the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.domain.errors import UserFacingError

KIND_ALIASES: dict[str, EventKind] = {
    **{kind.value: kind for kind in EventKind},
    **{kind.value.replace("_", "-"): kind for kind in EventKind},
    **{kind.value.replace("_", ""): kind for kind in EventKind},
    "alarm": EventKind.ALERT,
    "alerting": EventKind.ALERT,
    "firing": EventKind.ALERT,
    "paged": EventKind.PAGE,
    "paging": EventKind.PAGE,
    "escalation": EventKind.PAGE,
    "escalated": EventKind.PAGE,
    "ack": EventKind.ACKNOWLEDGEMENT,
    "acked": EventKind.ACKNOWLEDGEMENT,
    "acknowledge": EventKind.ACKNOWLEDGEMENT,
    "acknowledged": EventKind.ACKNOWLEDGEMENT,
    "acknowledgment": EventKind.ACKNOWLEDGEMENT,
    "msg": EventKind.CHAT,
    "message": EventKind.CHAT,
    "said": EventKind.CHAT,
    "deploy": EventKind.CHANGE,
    "deployed": EventKind.CHANGE,
    "deployment": EventKind.CHANGE,
    "release": EventKind.CHANGE,
    "rollout": EventKind.CHANGE,
    "config": EventKind.CHANGE,
    "migration": EventKind.CHANGE,
    "act": EventKind.ACTION,
    "did": EventKind.ACTION,
    "step": EventKind.ACTION,
    "mitigate": EventKind.MITIGATION,
    "mitigated": EventKind.MITIGATION,
    "fix": EventKind.MITIGATION,
    "workaround": EventKind.MITIGATION,
    "resolve": EventKind.RESOLUTION,
    "resolved": EventKind.RESOLUTION,
    "recovered": EventKind.RESOLUTION,
    "impact": EventKind.CUSTOMER_IMPACT,
    "customer": EventKind.CUSTOMER_IMPACT,
    "customers": EventKind.CUSTOMER_IMPACT,
    "outage": EventKind.CUSTOMER_IMPACT,
    "info": EventKind.NOTE,
    "fyi": EventKind.NOTE,
}
"""Every tag the capture bar understands, lower case, mapped to its event kind."""

_DATE = r"(?P<date>\d{4}-\d{2}-\d{2})[ T]+"
_TIME = (
    r"\[?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<meridiem>[aApP])\.?[mM]\.?)?\]?"
)
_DASHES = "\u2013\u2014"
_LEADING_TIME = re.compile(rf"^\s*(?:{_DATE})?{_TIME}(?=\s|$|[,;:\-{_DASHES}])[\s,;:\-{_DASHES}]*")
_LEADING_DATE_ONLY = re.compile(rf"^\s*{_DATE}")
_MENTION = re.compile(r"^@(?P<name>[\w.\-']+)[:,]?\s*")
_NAMED = re.compile(r"^(?P<name>[^:#@\d][^:#@]{0,40}?):\s+")
_TAG = re.compile(r"(?<![\w&])#(?P<tag>[A-Za-z][\w\-]*)")


class CaptureError(UserFacingError):
    """A capture line cannot become an event; the message says what to type instead."""


@dataclass(frozen=True)
class CapturedEvent:
    """An event read from one capture line, ready for ``TimelineService.add_event``."""

    occurred_at: datetime
    text: str
    kind: EventKind
    actor: str = ""
    time_given: bool = True


def _clock(match: re.Match[str], line: str) -> time:
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    meridiem = (match["meridiem"] or "").lower()
    written = match.group(0).strip()
    if meridiem:
        if not 1 <= hour <= 12:
            raise CaptureError(f"“{written}” is not a time: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif hour > 23:
        raise CaptureError(f"“{written}” is not a time: the hour is 0 to 23.")
    if minute > 59 or second > 59:
        raise CaptureError(f"“{written}” is not a time: minutes and seconds go up to 59.")
    return time(hour, minute, second)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CaptureError(f"“{value}” is not a date; write it as YYYY-MM-DD.") from error


def _split_tags(text: str) -> tuple[str, EventKind | None]:
    kind: EventKind | None = None

    def replace(match: re.Match[str]) -> str:
        nonlocal kind
        found = KIND_ALIASES.get(match["tag"].lower())
        if found is None:
            return match.group(0)
        kind = found
        return ""

    stripped = _TAG.sub(replace, text)
    return re.sub(r"\s{2,}", " ", stripped).strip(" \t,;"), kind


def _actor(text: str, people: Mapping[str, str]) -> tuple[str, str]:
    mention = _MENTION.match(text)
    if mention:
        name = mention["name"].rstrip(".")
        return people.get(name.lower(), name), text[mention.end() :]
    named = _NAMED.match(text)
    if named:
        known = people.get(named["name"].strip().lower())
        if known is not None:
            return known, text[named.end() :]
    return "", text


def parse_capture(
    line: str,
    *,
    day: date,
    zone: timezone,
    default_time: datetime | None = None,
    default_kind: EventKind = EventKind.NOTE,
    people: Mapping[str, str] | None = None,
) -> CapturedEvent:
    """Turn one typed line into an event.

    Args:
        line: what the note-taker typed.
        day: the calendar day a bare time falls on (the incident's day, in ``zone``).
        zone: the zone typed times are read in (the incident's, or UTC when the view shows UTC).
        default_time: the instant used when the line has no time (the selected event's).
        default_kind: the kind when no ``#tag`` names one.
        people: lower-case aliases (full names, first names, handles) to the actor's name.
    """
    rest = line.strip()
    if not rest:
        raise CaptureError("Type what happened, e.g. “14:02 rolled back the deploy #mitigation”.")
    occurred_at: datetime | None = None
    time_given = False
    match = _LEADING_TIME.match(rest)
    if match:
        moment = _clock(match, rest)
        when = _day(match["date"]) if match["date"] else day
        occurred_at = datetime.combine(when, moment, tzinfo=zone)
        time_given = True
        rest = rest[match.end() :]
    elif _LEADING_DATE_ONLY.match(rest):
        raise CaptureError("A date needs a time after it, e.g. “2026-11-18 14:02 …”.")
    text, kind = _split_tags(rest)
    actor, text = _actor(text, people or {})
    text = text.strip()
    if not text:
        raise CaptureError(
            "Type what happened after the time, e.g. “14:02 rolled back the deploy”."
        )
    if occurred_at is None:
        if default_time is None:
            raise CaptureError(
                "Start the line with a time (e.g. 14:02) or select an event to use its time."
            )
        occurred_at = default_time
    return CapturedEvent(
        occurred_at=occurred_at,
        text=text,
        kind=kind or default_kind,
        actor=actor,
        time_given=time_given,
    )


def people_aliases(names: list[tuple[str, str]]) -> dict[str, str]:
    """Map full names, unique first names and handles (lower case) to each person's name.

    ``names`` holds (name, handle) pairs; a first name two people share maps to neither.
    """
    aliases: dict[str, str] = {}
    first_counts: dict[str, int] = {}
    for name, _handle in names:
        first = name.split()[0].lower() if name.split() else ""
        if first:
            first_counts[first] = first_counts.get(first, 0) + 1
    for name, handle in names:
        clean = name.strip()
        if not clean:
            continue
        aliases[clean.lower()] = clean
        aliases[clean.lower().replace(" ", "")] = clean
        aliases[clean.lower().replace(" ", ".")] = clean
        first = clean.split()[0].lower()
        if first_counts.get(first) == 1:
            aliases.setdefault(first, clean)
        if handle.strip():
            aliases[handle.strip().lstrip("@").lower()] = clean
    return aliases


def zone_of(offset_minutes: int) -> timezone:
    """Return a fixed-offset zone for the incident's UTC offset in minutes."""
    if offset_minutes == 0:
        return UTC
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return timezone(timedelta(minutes=offset_minutes), f"UTC{sign}{hours:02d}:{minutes:02d}")
