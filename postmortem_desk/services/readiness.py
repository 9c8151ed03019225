"""What the Prepare and Roles steps work out from a postmortem, without Qt.

Key times typed in the incident's zone, the readiness checklist, whether the meeting is later
than the severity's usual deadline, people the timeline mentions who are not participants yet,
and a facilitator who is not neutral.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from postmortem_desk.domain.enums import RoleKind, Severity
from postmortem_desk.domain.models import Participant, Postmortem, TimelineEvent
from postmortem_desk.domain.rules import MEETING_DEADLINE_DAYS, meeting_is_late
from postmortem_desk.services.bundle import PostmortemBundle

# --- Time zones and key times ----------------------------------------------------------------

# Standard-time places; summer time is simply the next offset (London in summer is UTC+01:00).
UTC_OFFSET_PLACES: dict[int, str] = {
    -720: "Baker Island",
    -660: "Pago Pago",
    -600: "Honolulu",
    -570: "Marquesas Islands",
    -540: "Anchorage",
    -480: "Los Angeles, Vancouver",
    -420: "Denver, Phoenix",
    -360: "Chicago, Mexico City",
    -300: "New York, Toronto, Bogotá",
    -240: "Halifax, Santiago, Caracas",
    -210: "St. John's",
    -180: "São Paulo, Buenos Aires",
    -120: "South Georgia",
    -60: "Azores, Cape Verde",
    0: "London, Lisbon, Reykjavik",
    60: "Berlin, Paris, Lagos",
    120: "Athens, Kyiv, Cairo",
    180: "Moscow, Istanbul, Nairobi",
    210: "Tehran",
    240: "Dubai, Baku",
    270: "Kabul",
    300: "Karachi, Tashkent",
    330: "India",
    345: "Kathmandu",
    360: "Dhaka, Almaty",
    390: "Yangon",
    420: "Bangkok, Jakarta",
    480: "Singapore, Beijing, Perth",
    525: "Eucla",
    540: "Tokyo, Seoul",
    570: "Adelaide, Darwin",
    600: "Sydney, Brisbane",
    630: "Lord Howe Island",
    660: "Nouméa, Solomon Islands",
    720: "Auckland, Fiji",
    765: "Chatham Islands",
    780: "Tonga, Samoa",
    840: "Kiritimati",
}

KEY_TIME_FORMAT = "%Y-%m-%d %H:%M"
_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$",
)
_TIME_ONLY = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def offset_label(minutes: int) -> str:
    """Write an offset the way clocks and calendars do: ``UTC+05:30``, ``UTC\u221203:00``."""
    sign = "+" if minutes >= 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def offset_choices(current: int | None = None) -> list[tuple[int, str]]:
    """Return (minutes, label) for every offset to choose from, including ``current``."""
    offsets = dict(UTC_OFFSET_PLACES)
    if current is not None and current not in offsets:
        offsets[current] = ""
    return [
        (minutes, f"{offset_label(minutes)} — {place}" if place else offset_label(minutes))
        for minutes, place in sorted(offsets.items())
    ]


def incident_zone(offset_minutes: int) -> timezone:
    """Return the fixed-offset zone the incident's times are shown in."""
    return timezone(timedelta(minutes=offset_minutes))


def to_local(value: datetime | None, offset_minutes: int) -> datetime | None:
    """Return ``value`` in the incident's zone (None stays None)."""
    return None if value is None else value.astimezone(incident_zone(offset_minutes))


def format_key_time(value: datetime | None, offset_minutes: int) -> str:
    """Write an instant as ``2026-11-18 13:47`` in the incident's zone ('' when unknown)."""
    local = to_local(value, offset_minutes)
    return "" if local is None else local.strftime(KEY_TIME_FORMAT)


def parse_key_time(
    text: str, *, offset_minutes: int, reference_day: date | None
) -> datetime | None:
    """Read a time typed in the incident's zone and return it in UTC (None for empty text).

    ``2026-11-18 13:47`` (or with a ``T``) is taken as written; ``13:47`` alone falls on
    ``reference_day``. Raises ``ValueError`` with a message the facilitator can act on.
    """
    text = " ".join(text.split())
    if not text:
        return None
    zone = incident_zone(offset_minutes)
    full = _DATE_TIME.match(text)
    short = _TIME_ONLY.match(text)
    if full:
        year, month, day = (int(full.group(i)) for i in range(1, 4))
        clock = full.group(4, 5, 6)
    elif short:
        if reference_day is None:
            raise ValueError(f"“{text}” has no date: type it as YYYY-MM-DD HH:MM.")
        year, month, day = reference_day.year, reference_day.month, reference_day.day
        clock = short.group(1, 2, 3)
    else:
        raise ValueError(f"“{text}” is not a time: type it as YYYY-MM-DD HH:MM.")
    hour, minute, second = (int(part or 0) for part in clock)
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError as error:
        raise ValueError(f"“{text}” is not a real date and time: {error}.") from None
    return local.astimezone(UTC)


def reference_day(postmortem: Postmortem, events: Iterable[TimelineEvent]) -> date | None:
    """Return the local day a time typed without a date falls on: the incident's first day."""
    offset = postmortem.incident_utc_offset_minutes
    known = [
        moment
        for moment in (
            postmortem.started_at,
            postmortem.detected_at,
            postmortem.acknowledged_at,
            postmortem.mitigated_at,
            postmortem.resolved_at,
        )
        if moment is not None
    ]
    known.extend(event.occurred_at for event in events)
    if not known:
        return None
    first = to_local(min(known), offset)
    assert first is not None
    return first.date()


def parse_services(text: str) -> list[str]:
    """Split ``checkout, orders-api; orders-db`` into service names, without duplicates."""
    seen: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text):
        name = part.strip().lstrip("#").strip()
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


def format_services(services: Iterable[str]) -> str:
    """Join service names the way ``parse_services`` reads them back."""
    return ", ".join(services)


# --- Readiness checklist ---------------------------------------------------------------------

TIMELINE_DRAFT_EVENTS = 3
MANUAL_ITEMS: dict[str, str] = {"pre_read_shared": "Pre-read shared"}


@dataclass(frozen=True)
class ReadinessItem:
    """One line of the readiness checklist: done or not, and what it is based on."""

    key: str
    label: str
    done: bool
    detail: str
    manual: bool = False


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def readiness_items(bundle: PostmortemBundle) -> list[ReadinessItem]:
    """Return the readiness checklist; only the manual items come from ``checklist``."""
    pm = bundle.postmortem
    items: list[ReadinessItem] = []
    summary_words = len(pm.summary.split())
    items.append(
        ReadinessItem(
            "summary_written",
            "Summary written",
            summary_words > 0,
            _plural(summary_words, "word")
            if summary_words
            else "Two or three sentences for the pre-read",
        )
    )
    times_set = pm.started_at is not None and pm.resolved_at is not None
    items.append(
        ReadinessItem(
            "key_times_set",
            "Start and resolution times set",
            times_set,
            "Both known" if times_set else "Needed for the durations and the deadline",
        )
    )
    events = len(bundle.events)
    items.append(
        ReadinessItem(
            "timeline_drafted",
            "Timeline drafted",
            events >= TIMELINE_DRAFT_EVENTS,
            _plural(events, "event")
            if events
            else "Import chat, pages and alerts, or add events on the Review step",
        )
    )
    owners = bundle.people_in_role(RoleKind.OWNER)
    items.append(
        ReadinessItem(
            "owner_named",
            "Owner named",
            bool(owners),
            ", ".join(p.name for p in owners) if owners else "Name one on the Roles step",
        )
    )
    people = bundle.participants
    invited = sum(1 for p in people if p.invited)
    items.append(
        ReadinessItem(
            "attendees_invited",
            "Attendees invited",
            bool(people) and invited == len(people),
            f"{invited} of {len(people)} invited" if people else "No attendees yet",
        )
    )
    for key, label in MANUAL_ITEMS.items():
        done = bool(pm.checklist.get(key))
        items.append(
            ReadinessItem(
                key,
                label,
                done,
                "Ticked by you" if done else "Tick once the summary and timeline went out",
                manual=True,
            )
        )
    return items


# --- Meeting deadline ------------------------------------------------------------------------


def deadline_days(setting: Any) -> dict[Severity, int]:
    """Read the ``meeting_deadline_days`` setting, falling back per severity to the defaults."""
    deadlines = dict(MEETING_DEADLINE_DAYS)
    if isinstance(setting, dict):
        for severity in Severity:
            value = setting.get(severity.value)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                deadlines[severity] = value
    return deadlines


@dataclass(frozen=True)
class MeetingTiming:
    """How the meeting date compares with the severity's usual deadline."""

    severity: Severity
    allowed_days: int
    days_after_resolution: int
    late_by: int | None

    @property
    def is_late(self) -> bool:
        """Tell whether the meeting is past the deadline."""
        return self.late_by is not None

    def message(self) -> str:
        """Say it in one sentence for the Prepare step."""
        rule = (
            f"{self.severity.value} reviews usually meet within "
            f"{_plural(self.allowed_days, 'calendar day')} of resolution"
        )
        if self.late_by is not None:
            return (
                f"The meeting is {_plural(self.late_by, 'day')} later than usual: {rule}, "
                f"and this one is {_plural(self.days_after_resolution, 'day')} after. "
                "Memories fade; consider an earlier slot."
            )
        if self.days_after_resolution < 0:
            return f"The meeting date is before the resolution. {rule}."
        return f"On time: {_plural(self.days_after_resolution, 'day')} after resolution ({rule})."


def meeting_timing(postmortem: Postmortem, deadlines_setting: Any) -> MeetingTiming | None:
    """Compare the meeting date with the deadline, both as days in the incident's zone."""
    offset = postmortem.incident_utc_offset_minutes
    resolved = to_local(postmortem.resolved_at, offset)
    meeting = to_local(postmortem.meeting_date, offset)
    if resolved is None or meeting is None:
        return None
    deadlines = deadline_days(deadlines_setting)
    return MeetingTiming(
        severity=postmortem.severity,
        allowed_days=deadlines[postmortem.severity],
        days_after_resolution=(meeting.date() - resolved.date()).days,
        late_by=meeting_is_late(
            severity=postmortem.severity,
            resolved_on=resolved.date(),
            meeting_on=meeting.date(),
            deadlines=deadlines,
        ),
    )


# --- People ----------------------------------------------------------------------------------

TOOL_NAMES = frozenset(
    {
        "alertmanager",
        "pagerduty",
        "opsgenie",
        "prometheus",
        "grafana",
        "datadog",
        "sentry",
        "statuspage",
        "slackbot",
        "jenkins",
        "github",
        "gitlab",
        "argocd",
        "system",
        "incident.io",
    }
)
_BOT_SUFFIX = re.compile(r"(?:^|[-_ .])bot$|\[bot\]$", re.IGNORECASE)
_CAMEL_BOT = re.compile(r"[a-z]Bot$")


def is_tool(actor: str) -> bool:
    """Tell whether a timeline actor is a bot or a tool (``deploy-bot``, ``DeployBot``)."""
    name = actor.strip()
    return (
        name.lower() in TOOL_NAMES
        or bool(_BOT_SUFFIX.search(name))
        or bool(_CAMEL_BOT.search(name))
    )


@dataclass(frozen=True)
class ActorSuggestion:
    """Someone the timeline mentions who is not a participant yet."""

    name: str
    event_count: int


def timeline_actor_suggestions(
    events: Iterable[TimelineEvent], participants: Iterable[Participant]
) -> list[ActorSuggestion]:
    """List the people acting in the timeline who are not participants, busiest first."""
    known: set[str] = set()
    for person in participants:
        known.add(person.name.strip().lower())
        if person.handle:
            known.add(person.handle.strip().lstrip("@").lower())
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    order: dict[str, int] = {}
    for event in events:
        actor = " ".join(event.actor.split()).lstrip("@")
        key = actor.lower()
        if not actor or key in known or is_tool(actor):
            continue
        names.setdefault(key, actor)
        order.setdefault(key, len(order))
        counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda key: (-counts[key], order[key]))
    return [ActorSuggestion(names[key], counts[key]) for key in ranked]


def participant_id_named(participants: Iterable[Participant], name: str) -> int | None:
    """Return the id of the participant called ``name`` (names are unique per postmortem)."""
    wanted = name.strip().lower()
    for person in participants:
        if person.name.strip().lower() == wanted:
            return person.id
    return None


NEUTRAL_FACILITATOR_CONFLICTS = (RoleKind.INCIDENT_COMMANDER, RoleKind.OWNER)


def facilitator_conflicts(bundle: PostmortemBundle) -> list[str]:
    """Explain each way the facilitator is not neutral: they led the incident or own the review."""
    messages: list[str] = []
    for person in bundle.people_in_role(RoleKind.FACILITATOR):
        assert person.id is not None
        clashes = [
            role.label.lower()
            for role in NEUTRAL_FACILITATOR_CONFLICTS
            if role in bundle.roles_of(person.id)
        ]
        if clashes:
            messages.append(
                f"{person.name} is the facilitator and also the {' and the '.join(clashes)}. "
                "A facilitator who did not lead the incident or own the review keeps the room "
                "neutral; consider asking someone else to facilitate."
            )
    return messages


# --- Ground rules ----------------------------------------------------------------------------


def ground_rules_from_setting(value: Any, defaults: list[str]) -> list[str]:
    """Return the stored ground rules, or ``defaults`` when the setting is unusable or empty."""
    if isinstance(value, list):
        rules = [" ".join(str(rule).split()) for rule in value if str(rule).strip()]
        if rules:
            return rules
    return list(defaults)


def ground_rules_from_text(text: str) -> list[str]:
    """Split an edited script into rules: one per line, blank lines and list marks dropped."""
    rules: list[str] = []
    for line in text.splitlines():
        rule = re.sub(r"^\s*(?:\d+[.)]|[-*\u2022])\s*", "", line).strip()
        if rule:
            rules.append(" ".join(rule.split()))
    return rules
