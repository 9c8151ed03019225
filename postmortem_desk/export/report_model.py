"""Assemble one report from a postmortem; every output format renders this and nothing else.

Anonymising happens here, once, so the PDF, Markdown and Confluence page name the same people the
same way. Free text is parsed by :mod:`postmortem_desk.export.markup` here too.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum

from postmortem_desk.domain.enums import (
    EventKind,
    EventSource,
    LessonKind,
    MeetingStep,
    Milestone,
    RoleKind,
    Severity,
)
from postmortem_desk.domain.rules import (
    KeyTimes,
    format_duration,
    incident_durations,
    planned_minutes,
)
from postmortem_desk.domain.types import utc_now
from postmortem_desk.export.markup import (
    RichText,
    clean_text,
    map_text,
    parse_markdown,
    safe_url,
)
from postmortem_desk.services.bundle import PostmortemBundle


class Section(StrEnum):
    """A part of the report the facilitator can include or leave out."""

    SUMMARY = "summary"
    IMPACT = "impact"
    KEY_TIMES = "key_times"
    TIMELINE = "timeline"
    WHYS = "whys"
    FACTORS = "factors"
    LESSONS = "lessons"
    ACTIONS = "actions"
    PARTICIPANTS = "participants"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        """Name the section as its heading shows it."""
        return SECTION_LABELS[self]


SECTION_LABELS: dict[Section, str] = {
    Section.SUMMARY: "Summary",
    Section.IMPACT: "Impact",
    Section.KEY_TIMES: "Key times and durations",
    Section.TIMELINE: "Timeline",
    Section.WHYS: "Five whys",
    Section.FACTORS: "Contributing factors",
    Section.LESSONS: "Lessons learned",
    Section.ACTIONS: "Action items",
    Section.PARTICIPANTS: "Participants and roles",
    Section.MEETING: "Meeting statistics",
}

EXTERNAL_SECTIONS = frozenset({Section.SUMMARY, Section.IMPACT, Section.KEY_TIMES, Section.ACTIONS})


class Audience(StrEnum):
    """Who the report is for: the company, or customers and partners."""

    INTERNAL = "internal"
    EXTERNAL = "external"

    @property
    def label(self) -> str:
        """Say who the report is for, as the footer prints it."""
        return "Internal report" if self is Audience.INTERNAL else "External summary"


@dataclass(frozen=True)
class ReportOptions:
    """What to put in the report and how to name people.

    An external summary keeps only summary, impact, key times and action items, and always
    anonymises people.
    """

    sections: frozenset[Section] = frozenset(Section)
    anonymise: bool = False
    audience: Audience = Audience.INTERNAL
    all_events: bool = False

    @property
    def effective_sections(self) -> tuple[Section, ...]:
        """Return the sections that will be printed, in report order."""
        allowed = self.sections
        if self.audience is Audience.EXTERNAL:
            allowed = allowed & EXTERNAL_SECTIONS
        return tuple(section for section in Section if section in allowed)

    @property
    def effective_anonymise(self) -> bool:
        """Tell whether people are replaced by role labels."""
        return self.anonymise or self.audience is Audience.EXTERNAL


@dataclass(frozen=True)
class Fact:
    """A labelled value: a duration, a count, a date."""

    label: str
    value: str


@dataclass(frozen=True)
class KeyTimeRow:
    """One milestone with its local time, or a dash when unknown."""

    milestone: Milestone
    label: str
    at: datetime | None
    display: str


@dataclass(frozen=True)
class TimelineRow:
    """One event as the report lists it, in the incident's local time."""

    at: datetime
    when: str
    kind: EventKind
    kind_label: str
    actor: str
    text: str
    milestone_label: str


@dataclass(frozen=True)
class ChartMark:
    """A point drawn on the timeline chart."""

    at: datetime
    label: str
    kind: EventKind | None = None


@dataclass(frozen=True)
class TimelineChart:
    """What the drawn timeline shows: the span, event ticks and milestone flags."""

    start: datetime
    end: datetime
    events: tuple[ChartMark, ...]
    milestones: tuple[ChartMark, ...]


@dataclass(frozen=True)
class WhyLine:
    """One answer of the five-whys tree, flattened with its depth and outline number."""

    depth: int
    number: str
    text: str
    is_factor: bool
    category_label: str


@dataclass(frozen=True)
class FactorLine:
    """A contributing factor: a why leaf the room flagged as systemic."""

    category_label: str
    text: str


@dataclass(frozen=True)
class LessonGroup:
    """One of the three lessons lists."""

    kind: LessonKind
    label: str
    items: tuple[RichText, ...]


@dataclass(frozen=True)
class ActionRow:
    """An action item with everything the table shows."""

    title: str
    description: RichText
    type_label: str
    priority: str
    owner: str
    team: str
    due: str
    status_label: str
    status_closed: bool
    ticket_key: str
    ticket_url: str | None
    wont_do_reason: str


@dataclass(frozen=True)
class ParticipantRow:
    """A person (or their role label) with team and roles."""

    name: str
    team: str
    roles: str


@dataclass(frozen=True)
class StepTimeRow:
    """Planned against actual time for one meeting step."""

    step: MeetingStep
    label: str
    planned: timedelta
    actual: timedelta

    @property
    def planned_display(self) -> str:
        """Say the planned time as people say durations."""
        return format_duration(self.planned)

    @property
    def actual_display(self) -> str:
        """Say the actual time as people say durations."""
        return format_duration(self.actual)

    @property
    def over_by(self) -> timedelta:
        """Return how far the step ran over its plan (zero when it did not)."""
        return max(self.actual - self.planned, timedelta(0))


@dataclass(frozen=True)
class Report:
    """Everything one report shows, already anonymised, sanitised and formatted."""

    title: str
    incident_key: str
    severity: Severity
    status_label: str
    owner: str
    services: tuple[str, ...]
    audience: Audience
    anonymised: bool
    sections: tuple[Section, ...]
    generated_at: datetime
    timezone_label: str
    started: str
    resolved: str
    meeting_date: str
    summary: RichText = field(default_factory=RichText)
    impact: RichText = field(default_factory=RichText)
    impact_figures: tuple[Fact, ...] = ()
    key_times: tuple[KeyTimeRow, ...] = ()
    durations: tuple[Fact, ...] = ()
    timeline: tuple[TimelineRow, ...] = ()
    chart: TimelineChart | None = None
    whys: tuple[WhyLine, ...] = ()
    factors: tuple[FactorLine, ...] = ()
    lessons: tuple[LessonGroup, ...] = ()
    actions: tuple[ActionRow, ...] = ()
    participants: tuple[ParticipantRow, ...] = ()
    meeting: tuple[StepTimeRow, ...] = ()

    @property
    def severity_description(self) -> str:
        """Explain the severity level in one line."""
        return self.severity.description

    @property
    def subject(self) -> str:
        """Return the one-line subject used in document metadata."""
        key = f"{self.incident_key} " if self.incident_key else ""
        return f"{key}{self.severity.value} postmortem: {self.audience.label.lower()}"

    def has(self, section: Section) -> bool:
        """Tell whether ``section`` is part of this report."""
        return section in self.sections

    @property
    def meeting_planned_total(self) -> timedelta:
        """Return the planned length of the meeting."""
        return sum((row.planned for row in self.meeting), timedelta(0))

    @property
    def meeting_actual_total(self) -> timedelta:
        """Return the time the meeting actually took."""
        return sum((row.actual for row in self.meeting), timedelta(0))


# --- Anonymising ----------------------------------------------------------------------------

ROLE_LABEL_ORDER: tuple[RoleKind, ...] = (
    RoleKind.INCIDENT_COMMANDER,
    RoleKind.TECHNICAL_LEAD,
    RoleKind.COMMUNICATIONS_LEAD,
    RoleKind.OWNER,
    RoleKind.FACILITATOR,
    RoleKind.NOTE_TAKER,
    RoleKind.ACTION_TRACKER,
)
SYSTEM_SOURCES = frozenset({EventSource.PAGERDUTY, EventSource.ALERTMANAGER})


def _letters() -> Iterable[str]:
    """Yield A, B, ..., Z, AA, AB, ... for anonymous labels."""
    size = 1
    while True:
        for index in range(len(string.ascii_uppercase) ** size):
            label = ""
            rest = index
            for _ in range(size):
                rest, digit = divmod(rest, 26)
                label = string.ascii_uppercase[digit] + label
            yield label
        size += 1


class Anonymiser:
    """Replace people's names, handles and e-mails with stable role labels.

    Participants holding a leading role become that role ("Incident commander"); everyone else,
    including event actors and action owners who are not participants, becomes "Engineer A", "B"...
    """

    def __init__(self, bundle: PostmortemBundle, *, enabled: bool) -> None:
        self.enabled = enabled
        self._label_of: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        if enabled:
            self._learn(bundle)

    def _learn(self, bundle: PostmortemBundle) -> None:
        letters = iter(_letters())
        used: dict[str, int] = {}
        first_names: dict[str, list[str]] = {}
        for person in bundle.participants:
            label = self._role_label(bundle, person.id or 0, used) or f"Engineer {next(letters)}"
            for alias in (person.name, person.email, person.handle, f"@{person.handle}"):
                alias = alias.strip()
                if alias and alias != "@":
                    self._label_of.setdefault(alias.casefold(), label)
            first = person.name.split()[0] if person.name.split() else ""
            if len(first) >= 2:
                first_names.setdefault(first.casefold(), []).append(label)
        for first, labels in first_names.items():
            if len(labels) == 1:
                self._label_of.setdefault(first, labels[0])
        outsiders = [
            event.actor
            for event in bundle.events
            if event.kind is not EventKind.ALERT and event.source not in SYSTEM_SOURCES
        ] + [action.owner for action in bundle.actions]
        for name in outsiders:
            name = name.strip()
            if name and name.casefold() not in self._label_of and not _looks_like_system(name):
                self._label_of[name.casefold()] = f"Engineer {next(letters)}"
        aliases = sorted(self._label_of, key=len, reverse=True)
        if aliases:
            self._pattern = re.compile(
                r"(?<![\w@.])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w@])",
                re.IGNORECASE,
            )

    @staticmethod
    def _role_label(bundle: PostmortemBundle, participant_id: int, used: dict[str, int]) -> str:
        held = bundle.roles_of(participant_id)
        for role in ROLE_LABEL_ORDER:
            if role in held:
                used[role.label] = used.get(role.label, 0) + 1
                count = used[role.label]
                return role.label if count == 1 else f"{role.label} {count}"
        return ""

    def person(self, name: str) -> str:
        """Return the label for a person field (actor, owner), or the name when not enabled."""
        name = clean_text(name).strip()
        if not self.enabled or not name:
            return name
        label = self._label_of.get(name.casefold())
        if label is not None:
            return label
        return self.text(name)

    def text(self, value: str) -> str:
        """Replace every mention of a known person inside free text."""
        value = clean_text(value)
        if not self.enabled or self._pattern is None:
            return value
        return self._pattern.sub(lambda m: self._label_of[m.group(0).casefold()], value)

    def rich(self, value: RichText) -> RichText:
        """Replace mentions inside parsed Markdown."""
        if not self.enabled or self._pattern is None:
            return value
        return map_text(value, self.text)


def _looks_like_system(name: str) -> bool:
    """Tell bots and integrations apart from people, so "deploy-bot" is not called an engineer."""
    lowered = name.casefold()
    return lowered.endswith(("bot", "[bot]", "-ci")) or lowered in {
        "pagerduty",
        "alertmanager",
        "prometheus",
        "grafana",
        "system",
    }


# --- Building -------------------------------------------------------------------------------


def _zone(offset_minutes: int) -> timezone:
    return timezone(timedelta(minutes=offset_minutes))


def zone_label(offset_minutes: int) -> str:
    """Name a UTC offset as the report prints it: ``UTC``, ``UTC+02:00``, ``UTC-05:30``."""
    if offset_minutes == 0:
        return "UTC"
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _when(moment: datetime | None, zone: timezone) -> str:
    if moment is None:
        return "—"
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _local(moment: datetime | None, zone: timezone) -> datetime | None:
    return moment.astimezone(zone) if moment is not None else None


def _day(value: date | datetime | None, zone: timezone) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%Y-%m-%d")
    return value.isoformat()


def _key_times(bundle: PostmortemBundle) -> KeyTimes:
    pm = bundle.postmortem
    return KeyTimes(
        started=pm.started_at,
        detected=pm.detected_at,
        acknowledged=pm.acknowledged_at,
        mitigated=pm.mitigated_at,
        resolved=pm.resolved_at,
    )


def _whys(bundle: PostmortemBundle, anon: Anonymiser) -> tuple[WhyLine, ...]:
    children = bundle.why_children()
    lines: list[WhyLine] = []

    def walk(parent: int | None, depth: int, prefix: str) -> None:
        for index, node in enumerate(children.get(parent, []), start=1):
            number = f"{prefix}{index}"
            lines.append(
                WhyLine(
                    depth=depth,
                    number=number,
                    text=anon.text(node.text).strip(),
                    is_factor=node.is_factor,
                    category_label=node.category.label if node.category else "",
                )
            )
            if node.id is not None and depth < 50:
                walk(node.id, depth + 1, f"{number}.")

    walk(None, 0, "")
    return tuple(lines)


def _meeting(bundle: PostmortemBundle) -> tuple[StepTimeRow, ...]:
    actual: dict[MeetingStep, timedelta] = {}
    for log in bundle.step_logs:
        if log.ended_at is None:
            continue
        spent = log.ended_at - log.started_at
        if spent > timedelta(0):
            actual[log.step] = actual.get(log.step, timedelta(0)) + spent
    rows = []
    for step in MeetingStep:
        planned = timedelta(minutes=planned_minutes(bundle.postmortem.agenda, step))
        spent = actual.get(step, timedelta(0))
        if planned or spent:
            rows.append(StepTimeRow(step, step.label, planned, spent))
    return tuple(rows)


def _chart(
    rows: tuple[TimelineRow, ...], key_times: tuple[KeyTimeRow, ...]
) -> TimelineChart | None:
    moments = [row.at for row in rows] + [k.at for k in key_times if k.at is not None]
    if not moments:
        return None
    start, end = min(moments), max(moments)
    if end <= start:
        end = start + timedelta(minutes=1)
    return TimelineChart(
        start=start,
        end=end,
        events=tuple(ChartMark(row.at, row.kind_label, row.kind) for row in rows),
        milestones=tuple(ChartMark(k.at, k.label) for k in key_times if k.at is not None),
    )


def build_report(
    bundle: PostmortemBundle, options: ReportOptions, *, now: datetime | None = None
) -> Report:
    """Build the report of one postmortem with the chosen sections and naming."""
    pm = bundle.postmortem
    anon = Anonymiser(bundle, enabled=options.effective_anonymise)
    zone = _zone(pm.incident_utc_offset_minutes)
    times = _key_times(bundle)

    key_times = tuple(
        KeyTimeRow(
            milestone,
            milestone.label,
            _local(times.at(milestone), zone),
            _when(times.at(milestone), zone),
        )
        for milestone in Milestone
    )
    durations = tuple(
        Fact(label, format_duration(value)) for label, value in incident_durations(times).items()
    )
    figures = [
        Fact("Users affected", f"{pm.users_affected:,}") if pm.users_affected is not None else None,
        Fact("Customer impact", format_duration(timedelta(minutes=pm.impact_minutes)))
        if pm.impact_minutes is not None
        else None,
        Fact("Support tickets", f"{pm.support_tickets:,}")
        if pm.support_tickets is not None
        else None,
    ]

    events = [e for e in bundle.events if options.all_events or e.in_report]
    timeline = tuple(
        TimelineRow(
            at=event.occurred_at.astimezone(zone),
            when=_when(event.occurred_at, zone),
            kind=event.kind,
            kind_label=event.kind.label,
            actor=anon.person(event.actor)
            if event.kind is not EventKind.ALERT and event.source not in SYSTEM_SOURCES
            else clean_text(event.actor).strip(),
            text=anon.text(event.text).strip(),
            milestone_label=event.milestone.label if event.milestone else "",
        )
        for event in events
    )

    owners = bundle.people_in_role(RoleKind.OWNER)
    owner = ", ".join(anon.person(person.name) for person in owners) or "—"

    actions = tuple(
        ActionRow(
            title=anon.text(action.title).strip(),
            description=anon.rich(parse_markdown(action.description)),
            type_label=action.action_type.label,
            priority=action.priority.value,
            owner=anon.person(action.owner) or "Unassigned",
            team=clean_text(action.team).strip(),
            due=action.due_date.isoformat() if action.due_date else "—",
            status_label=action.status.label,
            status_closed=action.status.is_closed,
            ticket_key=clean_text(action.ticket_key).strip(),
            ticket_url=safe_url(action.ticket_url),
            wont_do_reason=anon.text(action.wont_do_reason).strip(),
        )
        for action in bundle.actions
    )

    lessons = tuple(
        LessonGroup(
            kind,
            kind.label,
            tuple(
                anon.rich(parse_markdown(lesson.text))
                for lesson in bundle.lessons_of(kind)
                if lesson.text.strip()
            ),
        )
        for kind in LessonKind
    )

    participants = tuple(
        ParticipantRow(
            name=anon.person(person.name),
            team=clean_text(person.team).strip(),
            roles=", ".join(role.label for role in bundle.roles_of(person.id or 0)),
        )
        for person in bundle.participants
    )

    whys = _whys(bundle, anon)
    return Report(
        title=anon.text(pm.title).strip() or "Untitled postmortem",
        incident_key=clean_text(pm.incident_key).strip(),
        severity=pm.severity,
        status_label=pm.status.label,
        owner=owner,
        services=tuple(clean_text(s).strip() for s in pm.services if clean_text(s).strip()),
        audience=options.audience,
        anonymised=anon.enabled,
        sections=options.effective_sections,
        generated_at=now or utc_now(),
        timezone_label=zone_label(pm.incident_utc_offset_minutes),
        started=_when(pm.started_at, zone),
        resolved=_when(pm.resolved_at, zone),
        meeting_date=_day(pm.meeting_date, zone),
        summary=anon.rich(parse_markdown(pm.summary)),
        impact=anon.rich(parse_markdown(pm.impact)),
        impact_figures=tuple(f for f in figures if f is not None),
        key_times=key_times,
        durations=durations,
        timeline=timeline,
        chart=_chart(timeline, key_times),
        whys=whys,
        factors=tuple(
            FactorLine(line.category_label or "Uncategorised", line.text)
            for line in whys
            if line.is_factor
        ),
        lessons=lessons,
        actions=actions,
        participants=participants,
        meeting=_meeting(bundle),
    )
