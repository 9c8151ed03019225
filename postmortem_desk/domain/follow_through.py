"""Follow-through rules: SLA state of action items, due-date policy, debt statistics, reminders.

Everything here is a pure function of its inputs. The current day is always passed in (``today``)
or derived from an injected clock, and instants stored in UTC are turned into local days with an
explicit time zone, so a result never depends on where or when the tests run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.rules import DueDatePolicy

Clock = Callable[[], datetime]

REMINDER_HORIZON_DAYS = 2
STILL_OPEN_AFTER_DAYS = 30
POLICY_MAX_DAYS = 365
NO_TEAM = "No team"


class PolicyError(UserFacingError):
    """A due-date policy value was refused; the message names the setting and the allowed range."""


def local_day(moment: datetime, tz: tzinfo) -> date:
    """Return the calendar day ``moment`` falls on in ``tz``; naive instants are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment.isoformat()} has no time zone, so its local day is a guess")
    return moment.astimezone(tz).date()


def today_from(clock: Clock, tz: tzinfo) -> date:
    """Return the local day the clock is at in ``tz``."""
    return local_day(clock(), tz)


def _days(count: int) -> str:
    """Say a count of days: ``1 day``, ``3 days``."""
    return f"{count} day" if count == 1 else f"{count} days"


class SlaKind(StrEnum):
    """Where an item stands against its due date."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_LATER = "due_later"
    NO_DUE_DATE = "no_due_date"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    WONT_DO = "wont_do"


@dataclass(frozen=True)
class SlaState:
    """An item's SLA at a given day; ``days`` is days overdue, until due, or late when done."""

    kind: SlaKind
    days: int = 0

    @property
    def label(self) -> str:
        """Say the state as the SLA column shows it: ``5 days overdue``, ``due in 3 days``."""
        match self.kind:
            case SlaKind.OVERDUE:
                return f"{_days(self.days)} overdue"
            case SlaKind.DUE_TODAY:
                return "due today"
            case SlaKind.DUE_LATER:
                return "due tomorrow" if self.days == 1 else f"due in {_days(self.days)}"
            case SlaKind.NO_DUE_DATE:
                return "no due date"
            case SlaKind.DONE_ON_TIME:
                return "done on time"
            case SlaKind.DONE_LATE:
                return f"done {_days(self.days)} late"
            case SlaKind.WONT_DO:
                return "won't do"

    @property
    def is_open(self) -> bool:
        """Tell whether the item still counts as postmortem debt."""
        return self.kind in (
            SlaKind.OVERDUE,
            SlaKind.DUE_TODAY,
            SlaKind.DUE_LATER,
            SlaKind.NO_DUE_DATE,
        )

    @property
    def urgency(self) -> int:
        """Return a sort key: most overdue first, then soonest due, then undated, then closed."""
        match self.kind:
            case SlaKind.OVERDUE:
                return -self.days
            case SlaKind.DUE_TODAY:
                return 0
            case SlaKind.DUE_LATER:
                return self.days
            case SlaKind.NO_DUE_DATE:
                return 1_000_000
            case SlaKind.DONE_LATE | SlaKind.DONE_ON_TIME:
                return 2_000_000
            case SlaKind.WONT_DO:
                return 3_000_000


def sla_state(
    *,
    status: ActionStatus,
    due_date: date | None,
    completed_at: datetime | None,
    today: date,
    tz: tzinfo,
) -> SlaState:
    """Return the SLA state of one item on ``today``; completion is judged on its local day."""
    if status is ActionStatus.WONT_DO:
        return SlaState(SlaKind.WONT_DO)
    if status is ActionStatus.DONE:
        if due_date is None or completed_at is None:
            return SlaState(SlaKind.DONE_ON_TIME)
        late_by = (local_day(completed_at, tz) - due_date).days
        if late_by > 0:
            return SlaState(SlaKind.DONE_LATE, late_by)
        return SlaState(SlaKind.DONE_ON_TIME)
    if due_date is None:
        return SlaState(SlaKind.NO_DUE_DATE)
    remaining = (due_date - today).days
    if remaining < 0:
        return SlaState(SlaKind.OVERDUE, -remaining)
    if remaining == 0:
        return SlaState(SlaKind.DUE_TODAY)
    return SlaState(SlaKind.DUE_LATER, remaining)


class DueBucket(StrEnum):
    """The coarse due filter of the tracker: overdue, due in the next 7 days, later."""

    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    LATER = "later"

    @property
    def label(self) -> str:
        """Name the bucket as the filter shows it."""
        return {"overdue": "Overdue", "this_week": "Due this week", "later": "Due later"}[
            self.value
        ]


THIS_WEEK_DAYS = 7


def due_bucket(sla: SlaState) -> DueBucket | None:
    """Place an open item in a bucket ("this week" is today and the 6 days after); else None."""
    match sla.kind:
        case SlaKind.OVERDUE:
            return DueBucket.OVERDUE
        case SlaKind.DUE_TODAY:
            return DueBucket.THIS_WEEK
        case SlaKind.DUE_LATER:
            return DueBucket.THIS_WEEK if sla.days < THIS_WEEK_DAYS else DueBucket.LATER
        case SlaKind.NO_DUE_DATE:
            return DueBucket.LATER
        case _:
            return None


# --- Due-date policy ------------------------------------------------------------------------


def policy_from_setting(value: Any) -> DueDatePolicy:
    """Read the ``due_policy`` setting, falling back to the defaults for absent keys."""
    defaults = DueDatePolicy()
    if not isinstance(value, Mapping):
        return defaults
    return validated_policy(
        high_priority_severe_days=value.get(
            "high_priority_severe_days", defaults.high_priority_severe_days
        ),
        other_days=value.get("other_days", defaults.other_days),
    )


def validated_policy(*, high_priority_severe_days: Any, other_days: Any) -> DueDatePolicy:
    """Build a policy from user values, refusing anything but whole days from 1 to 365."""
    checked: dict[str, int] = {}
    names = {
        "high_priority_severe_days": "Days for high-priority items on SEV1/SEV2",
        "other_days": "Days for all other items",
    }
    for key, raw in (
        ("high_priority_severe_days", high_priority_severe_days),
        ("other_days", other_days),
    ):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise PolicyError(
                f"{names[key]} must be a whole number of days from 1 to {POLICY_MAX_DAYS}; "
                f"got {raw!r}."
            )
        if not 1 <= raw <= POLICY_MAX_DAYS:
            raise PolicyError(
                f"{names[key]} must be from 1 to {POLICY_MAX_DAYS} days; got {raw}. "
                "Enter a number in that range."
            )
        checked[key] = raw
    return DueDatePolicy(**checked)


def policy_to_setting(policy: DueDatePolicy) -> dict[str, int]:
    """Write a policy as the JSON the ``due_policy`` setting stores."""
    return {
        "high_priority_severe_days": policy.high_priority_severe_days,
        "other_days": policy.other_days,
    }


def anchor_day(
    *, meeting_date: datetime | None, created_at: datetime | None, today: date, tz: tzinfo
) -> date:
    """Return the day an item's clock starts: the meeting day, else the item's creation day."""
    if meeting_date is not None:
        return local_day(meeting_date, tz)
    if created_at is not None:
        return local_day(created_at, tz)
    return today


def default_due_date(
    policy: DueDatePolicy,
    *,
    severity: Severity,
    priority: Priority,
    meeting_date: datetime | None,
    today: date,
    tz: tzinfo,
) -> date:
    """Return the due date a new item gets: policy days after the meeting day (or today)."""
    start = today if meeting_date is None else local_day(meeting_date, tz)
    return policy.due_date(severity=severity, priority=priority, meeting_day=start)


# --- Debt statistics ------------------------------------------------------------------------


class TrackedItem(Protocol):
    """What the statistics read from an action item joined with its postmortem."""

    @property
    def id(self) -> int: ...
    @property
    def postmortem_id(self) -> int: ...
    @property
    def postmortem_title(self) -> str: ...
    @property
    def team(self) -> str: ...
    @property
    def status(self) -> ActionStatus: ...
    @property
    def due_date(self) -> date | None: ...
    @property
    def snoozed_until(self) -> date | None: ...
    @property
    def meeting_date(self) -> datetime | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def completed_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class Ratio:
    """A share with its parts, so a chart can say ``62 % (31 of 50)``."""

    part: int
    whole: int

    @property
    def share(self) -> float | None:
        """Return part/whole, or None when nothing has been measured yet."""
        return None if self.whole == 0 else self.part / self.whole

    @property
    def label(self) -> str:
        """Say the share in words, or that there is nothing to measure yet."""
        if self.whole == 0:
            return "no items yet"
        return f"{round(100 * self.part / self.whole)} % ({self.part} of {self.whole})"


@dataclass(frozen=True)
class PostmortemDebt:
    """Open items of one postmortem."""

    postmortem_id: int
    title: str
    open_count: int
    overdue_count: int


@dataclass(frozen=True)
class TeamDebt:
    """Open items of one team (items without a team are grouped as ``No team``)."""

    team: str
    open_count: int
    overdue_count: int


@dataclass(frozen=True)
class MonthTrend:
    """One month of the trend: items opened, items done, and items still open at month end."""

    month: date
    opened: int
    closed: int
    open_at_end: int

    @property
    def label(self) -> str:
        """Name the month as an axis shows it: ``Mar 2026``."""
        return self.month.strftime("%b %Y")


@dataclass(frozen=True)
class DebtOverview:
    """Every figure of the postmortem-debt overview, computed for one day."""

    today: date
    open_count: int
    overdue_count: int
    by_postmortem: tuple[PostmortemDebt, ...]
    by_team: tuple[TeamDebt, ...]
    done_within_sla: Ratio
    open_after_30_days: Ratio
    trend: tuple[MonthTrend, ...]


def _is_open(status: ActionStatus) -> bool:
    return not status.is_closed


def done_within_sla(items: Iterable[TrackedItem], *, today: date, tz: tzinfo) -> Ratio:
    """Share of items with a settled SLA that were done by their due date.

    An item's SLA is settled once it is done or its due date has passed; won't-do items and
    items without a due date have none and are left out.
    """
    part = whole = 0
    for item in items:
        if item.due_date is None or item.status is ActionStatus.WONT_DO:
            continue
        if item.status is ActionStatus.DONE:
            whole += 1
            if item.completed_at is None or local_day(item.completed_at, tz) <= item.due_date:
                part += 1
        elif item.due_date < today:
            whole += 1
    return Ratio(part, whole)


def open_after_days(
    items: Iterable[TrackedItem], *, today: date, tz: tzinfo, days: int = STILL_OPEN_AFTER_DAYS
) -> Ratio:
    """Share of items that were still open ``days`` after their meeting, among those that far in.

    Items whose meeting (or creation, without a meeting date) is fewer than ``days`` ago are not
    yet measurable; won't-do items leave the debt and are not counted.
    """
    part = whole = 0
    for item in items:
        if item.status is ActionStatus.WONT_DO:
            continue
        start = anchor_day(
            meeting_date=item.meeting_date, created_at=item.created_at, today=today, tz=tz
        )
        mark = start + timedelta(days=days)
        if mark > today:
            continue
        whole += 1
        if item.status is ActionStatus.DONE:
            if item.completed_at is not None and local_day(item.completed_at, tz) > mark:
                part += 1
        else:
            part += 1
    return Ratio(part, whole)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(month: date) -> date:
    return date(month.year + 1, 1, 1) if month.month == 12 else date(month.year, month.month + 1, 1)


def monthly_trend(
    items: Sequence[TrackedItem], *, today: date, tz: tzinfo, months: int = 12
) -> tuple[MonthTrend, ...]:
    """Return the last ``months`` months (ending with today's) of opened, done and open items.

    An item opens on its creation day and closes on its completion day; won't-do items carry no
    closing day and are left out of the trend, as they leave the debt.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    first = _month_start(today)
    for _ in range(months - 1):
        first = (
            date(first.year - 1, 12, 1)
            if first.month == 1
            else date(first.year, first.month - 1, 1)
        )
    spans: list[tuple[date, date | None]] = []
    for item in items:
        if item.status is ActionStatus.WONT_DO:
            continue
        opened = local_day(item.created_at, tz)
        closed = (
            local_day(item.completed_at, tz)
            if item.status is ActionStatus.DONE and item.completed_at is not None
            else None
        )
        spans.append((opened, closed))
    opened_by_month = Counter(_month_start(opened) for opened, _ in spans)
    closed_by_month = Counter(_month_start(closed) for _, closed in spans if closed is not None)
    trend: list[MonthTrend] = []
    month = first
    while month <= _month_start(today):
        end = _next_month(month) - timedelta(days=1)
        cutoff = min(end, today)
        still_open = sum(
            1
            for opened, closed in spans
            if opened <= cutoff and (closed is None or closed > cutoff)
        )
        trend.append(
            MonthTrend(
                month=month,
                opened=opened_by_month.get(month, 0),
                closed=closed_by_month.get(month, 0),
                open_at_end=still_open,
            )
        )
        month = _next_month(month)
    return tuple(trend)


def debt_overview(
    items: Sequence[TrackedItem], *, today: date, tz: tzinfo, months: int = 12
) -> DebtOverview:
    """Compute every figure of the debt overview for ``today``."""
    open_by_pm: Counter[int] = Counter()
    overdue_by_pm: Counter[int] = Counter()
    titles: dict[int, str] = {}
    open_by_team: Counter[str] = Counter()
    overdue_by_team: Counter[str] = Counter()
    open_total = overdue_total = 0
    for item in items:
        if not _is_open(item.status):
            continue
        overdue = item.due_date is not None and item.due_date < today
        team = item.team.strip() or NO_TEAM
        titles[item.postmortem_id] = item.postmortem_title
        open_by_pm[item.postmortem_id] += 1
        open_by_team[team] += 1
        open_total += 1
        if overdue:
            overdue_by_pm[item.postmortem_id] += 1
            overdue_by_team[team] += 1
            overdue_total += 1
    by_postmortem = tuple(
        sorted(
            (
                PostmortemDebt(pm_id, titles[pm_id], count, overdue_by_pm[pm_id])
                for pm_id, count in open_by_pm.items()
            ),
            key=lambda debt: (
                -debt.open_count,
                -debt.overdue_count,
                debt.title,
                debt.postmortem_id,
            ),
        )
    )
    by_team = tuple(
        sorted(
            (TeamDebt(team, count, overdue_by_team[team]) for team, count in open_by_team.items()),
            key=lambda debt: (-debt.open_count, debt.team.casefold()),
        )
    )
    return DebtOverview(
        today=today,
        open_count=open_total,
        overdue_count=overdue_total,
        by_postmortem=by_postmortem,
        by_team=by_team,
        done_within_sla=done_within_sla(items, today=today, tz=tz),
        open_after_30_days=open_after_days(items, today=today, tz=tz),
        trend=monthly_trend(items, today=today, tz=tz, months=months),
    )


# --- Reminders ------------------------------------------------------------------------------

T = TypeVar("T", bound=TrackedItem)


def is_snoozed(snoozed_until: date | None, *, today: date) -> bool:
    """Tell whether a snooze still holds: it lasts until (not including) ``snoozed_until``."""
    return snoozed_until is not None and today < snoozed_until


def needs_reminder(
    item: TrackedItem, *, today: date, horizon_days: int = REMINDER_HORIZON_DAYS
) -> bool:
    """Tell whether an open item is overdue or due within ``horizon_days`` and not snoozed."""
    if item.status.is_closed or item.due_date is None:
        return False
    if is_snoozed(item.snoozed_until, today=today):
        return False
    return (item.due_date - today).days <= horizon_days


def reminders(
    items: Iterable[T], *, today: date, horizon_days: int = REMINDER_HORIZON_DAYS
) -> list[T]:
    """Select the items to remind about, most overdue first."""
    chosen = [
        item for item in items if needs_reminder(item, today=today, horizon_days=horizon_days)
    ]
    chosen.sort(key=lambda item: (item.due_date or today, item.id))
    return chosen
