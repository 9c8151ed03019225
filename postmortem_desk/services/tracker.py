"""Action items across every postmortem: the tracker rows, bulk status changes, snoozes, policy."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import Select, String, func, type_coerce
from sqlalchemy import select as sql_select
from sqlmodel import col, select

from postmortem_desk.domain.enums import ActionStatus, ActionType, Priority, Severity
from postmortem_desk.domain.follow_through import (
    Clock,
    DebtOverview,
    DueBucket,
    PolicyError,
    SlaState,
    debt_overview,
    default_due_date,
    due_bucket,
    policy_from_setting,
    policy_to_setting,
    reminders,
    sla_state,
    today_from,
    validated_policy,
)
from postmortem_desk.domain.models import ActionItem, Postmortem
from postmortem_desk.domain.rules import DueDatePolicy
from postmortem_desk.domain.types import ActionItemId, PostmortemId, utc_now
from postmortem_desk.services.base import (
    ChangeBus,
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    Store,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem, touch
from postmortem_desk.services.settings import SettingsService

POLICY_KEY = "due_policy"


def local_zone() -> tzinfo:
    """Return the computer's current time zone."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


@dataclass(frozen=True)
class TrackerRow:
    """One action item with what the tracker shows of its postmortem, and its SLA on a day."""

    id: ActionItemId
    postmortem_id: PostmortemId
    postmortem_title: str
    severity: Severity
    services: tuple[str, ...]
    meeting_date: datetime | None
    title: str
    action_type: ActionType
    priority: Priority
    owner: str
    team: str
    due_date: date | None
    status: ActionStatus
    wont_do_reason: str
    ticket_key: str
    ticket_url: str
    snoozed_until: date | None
    created_at: datetime
    completed_at: datetime | None
    sla: SlaState
    due_bucket: DueBucket | None

    @property
    def is_open(self) -> bool:
        """Tell whether the item still counts as postmortem debt."""
        return not self.status.is_closed


@dataclass(frozen=True)
class TrackerFilter:
    """What the tracker shows; an empty field means "any". Text matches ignore case."""

    owner: str = ""
    team: str = ""
    statuses: frozenset[ActionStatus] = field(default_factory=frozenset)
    priority: Priority | None = None
    severity: Severity | None = None
    service: str = ""
    due: DueBucket | None = None

    def matches(self, row: TrackerRow) -> bool:
        """Tell whether ``row`` passes every set field (the same test the SQL query applies)."""
        if self.owner and row.owner.strip().casefold() != self.owner.strip().casefold():
            return False
        if self.team and row.team.strip().casefold() != self.team.strip().casefold():
            return False
        if self.statuses and row.status not in self.statuses:
            return False
        if self.priority is not None and row.priority is not self.priority:
            return False
        if self.severity is not None and row.severity is not self.severity:
            return False
        if self.service and self.service.strip().casefold() not in {
            name.strip().casefold() for name in row.services
        }:
            return False
        return self.due is None or row.due_bucket is self.due

    @property
    def is_empty(self) -> bool:
        """Tell whether the filter lets every row through."""
        return self == TrackerFilter()


OPEN_ONLY = TrackerFilter(statuses=frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS}))


@dataclass(frozen=True)
class FollowUpReview:
    """A postmortem's follow-up review date, for the calendar file."""

    postmortem_id: PostmortemId
    postmortem_title: str
    review_date: date
    open_items: int


def _raw(column: Any) -> Any:
    """Select a column as the text SQLite holds, so rows are decoded once per distinct value."""
    return type_coerce(col(column), String())


_COLUMNS: tuple[Any, ...] = (
    col(ActionItem.id),
    col(ActionItem.postmortem_id),
    col(Postmortem.title),
    _raw(Postmortem.severity),
    _raw(Postmortem.services),
    _raw(Postmortem.meeting_date),
    col(ActionItem.title),
    _raw(ActionItem.action_type),
    _raw(ActionItem.priority),
    col(ActionItem.owner),
    col(ActionItem.team),
    _raw(ActionItem.due_date),
    _raw(ActionItem.status),
    col(ActionItem.wont_do_reason),
    col(ActionItem.ticket_key),
    col(ActionItem.ticket_url),
    _raw(ActionItem.snoozed_until),
    _raw(ActionItem.created_at),
    _raw(ActionItem.completed_at),
)


class _Decoder:
    """Turn the raw text of one query's records into values, remembering repeated ones.

    Mirrors what the column types do on load: naive UTC text becomes an aware UTC datetime,
    JSON text a list, enum values their members.
    """

    def __init__(self) -> None:
        self._days: dict[str, date] = {}
        self._instants: dict[str, datetime] = {}
        self._services: dict[str, tuple[str, ...]] = {}

    def day(self, raw: str | None) -> date | None:
        """Decode a stored date."""
        if raw is None:
            return None
        value = self._days.get(raw)
        if value is None:
            value = self._days[raw] = date.fromisoformat(raw)
        return value

    def instant(self, raw: str | None) -> datetime | None:
        """Decode a stored UTC datetime into an aware one."""
        if raw is None:
            return None
        value = self._instants.get(raw)
        if value is None:
            value = self._instants[raw] = datetime.fromisoformat(raw).replace(tzinfo=UTC)
        return value

    def services(self, raw: str | None) -> tuple[str, ...]:
        """Decode the JSON list of services."""
        if raw is None:
            return ()
        value = self._services.get(raw)
        if value is None:
            value = self._services[raw] = tuple(str(name) for name in json.loads(raw))
        return value


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of acyclic rows are built.

    Its generation scans otherwise run many times over the growing heap and double the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _first_three(entry: tuple[int, str, int, TrackerRow]) -> tuple[int, str, int]:
    return entry[0], entry[1], entry[2]


_SEVERITIES = {member.value: member for member in Severity}
_PRIORITIES = {member.value: member for member in Priority}
_STATUSES = {member.value: member for member in ActionStatus}
_ACTION_TYPES = {member.value: member for member in ActionType}


class TrackerService(Service):
    """Use cases of the follow-through tracker over every live postmortem.

    ``clock`` and ``tz`` decide what "today" is; tests pass fixed ones.
    """

    def __init__(
        self,
        store: Store,
        bus: ChangeBus,
        *,
        clock: Clock = utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(store, bus)
        self.clock = clock
        self.tz = tz if tz is not None else local_zone()
        self._settings = SettingsService(store, bus)

    def today(self) -> date:
        """Return the local day the service's clock is at."""
        return today_from(self.clock, self.tz)

    # --- Reading --------------------------------------------------------------------------

    def rows(
        self, filters: TrackerFilter | None = None, *, today: date | None = None
    ) -> list[TrackerRow]:
        """Return the items passing ``filters``, most urgent first, with their SLA on ``today``."""
        return self._collect(filters or TrackerFilter(), today or self.today(), None)

    def _collect(
        self, filters: TrackerFilter, day: date, ids: Sequence[int] | None
    ) -> list[TrackerRow]:
        """Run the joined query and turn its records into sorted rows."""
        statement = self._statement(filters)
        if ids is not None:
            statement = statement.where(col(ActionItem.id).in_(ids))
        with self.store.session() as session, _collector_paused():
            records = session.connection().execute(statement).all()
            return self._decode(records, filters, day)

    def _decode(
        self, records: Sequence[Any], filters: TrackerFilter, day: date
    ) -> list[TrackerRow]:
        """Turn raw records into rows with their SLA on ``day``, most urgent first."""
        tz = self.tz
        decode = _Decoder()
        states: dict[tuple[str, str | None, str | None], tuple[SlaState, DueBucket | None]] = {}
        keyed: list[tuple[int, str, int, TrackerRow]] = []
        for (
            item_id,
            postmortem_id,
            postmortem_title,
            severity,
            services,
            meeting_date,
            title,
            action_type,
            priority,
            owner,
            team,
            due,
            status,
            wont_do_reason,
            ticket_key,
            ticket_url,
            snoozed_until,
            created_at,
            completed_at,
        ) in records:
            item_status = _STATUSES[status]
            due_day = decode.day(due)
            completed = decode.instant(completed_at)
            state_key = (status, due, completed_at)
            state = states.get(state_key)
            if state is None:
                sla = sla_state(
                    status=item_status, due_date=due_day, completed_at=completed, today=day, tz=tz
                )
                state = states[state_key] = (sla, due_bucket(sla))
            created = decode.instant(created_at)
            assert created is not None
            row = TrackerRow(
                id=ActionItemId(item_id),
                postmortem_id=PostmortemId(postmortem_id),
                postmortem_title=postmortem_title,
                severity=_SEVERITIES[severity],
                services=decode.services(services),
                meeting_date=decode.instant(meeting_date),
                title=title,
                action_type=_ACTION_TYPES[action_type],
                priority=_PRIORITIES[priority],
                owner=owner,
                team=team,
                due_date=due_day,
                status=item_status,
                wont_do_reason=wont_do_reason,
                ticket_key=ticket_key,
                ticket_url=ticket_url,
                snoozed_until=decode.day(snoozed_until),
                created_at=created,
                completed_at=completed,
                sla=state[0],
                due_bucket=state[1],
            )
            if (filters.service or filters.due is not None) and not filters.matches(row):
                continue
            keyed.append((state[0].urgency, priority, item_id, row))
        keyed.sort(key=_first_three)
        return [entry[3] for entry in keyed]

    def _statement(self, filters: TrackerFilter) -> Select[Any]:
        """Build the one joined query, with every filter SQL can apply itself."""
        statement = (
            sql_select(*_COLUMNS)
            .join(Postmortem, col(ActionItem.postmortem_id) == col(Postmortem.id))
            .where(col(Postmortem.deleted_at).is_(None))
        )
        if filters.owner.strip():
            statement = statement.where(
                func.lower(func.trim(col(ActionItem.owner))) == filters.owner.strip().lower()
            )
        if filters.team.strip():
            statement = statement.where(
                func.lower(func.trim(col(ActionItem.team))) == filters.team.strip().lower()
            )
        if filters.statuses:
            statement = statement.where(col(ActionItem.status).in_(sorted(filters.statuses)))
        if filters.priority is not None:
            statement = statement.where(col(ActionItem.priority) == filters.priority)
        if filters.severity is not None:
            statement = statement.where(col(Postmortem.severity) == filters.severity)
        return statement

    def row(self, item_id: int) -> TrackerRow:
        """Return one item's row, or raise ``NotFoundError`` if it or its postmortem is gone."""
        for candidate in self._rows_for_ids([item_id]):
            return candidate
        raise NotFoundError(f"There is no action item with id {item_id}.")

    def _rows_for_ids(self, ids: Sequence[int]) -> list[TrackerRow]:
        return self._collect(TrackerFilter(), self.today(), ids)

    def debt(self, *, today: date | None = None, months: int = 12) -> DebtOverview:
        """Compute the postmortem-debt overview over every live postmortem."""
        day = today or self.today()
        return debt_overview(self.rows(today=day), today=day, tz=self.tz, months=months)

    def due_reminders(self, *, today: date | None = None) -> list[TrackerRow]:
        """Return open items due within 2 days or overdue that are not snoozed."""
        day = today or self.today()
        return reminders(self.rows(OPEN_ONLY, today=day), today=day)

    def follow_up_reviews(self) -> list[FollowUpReview]:
        """Return every live postmortem with a follow-up review date, soonest first."""
        open_counts = (
            sql_select(col(ActionItem.postmortem_id), func.count().label("n"))
            .where(col(ActionItem.status).in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS]))
            .group_by(col(ActionItem.postmortem_id))
            .subquery()
        )
        statement = (
            sql_select(
                col(Postmortem.id),
                col(Postmortem.title),
                col(Postmortem.follow_up_review_date),
                func.coalesce(open_counts.c.n, 0),
            )
            .outerjoin(open_counts, open_counts.c.postmortem_id == Postmortem.id)
            .where(
                col(Postmortem.deleted_at).is_(None),
                col(Postmortem.follow_up_review_date).is_not(None),
            )
            .order_by(col(Postmortem.follow_up_review_date), col(Postmortem.id))
        )
        with self.store.session() as session:
            records = session.execute(statement).all()
        return [
            FollowUpReview(PostmortemId(pm_id), title, review, int(count))
            for pm_id, title, review, count in records
        ]

    # --- Changing -------------------------------------------------------------------------

    def set_status(
        self, item_ids: Sequence[int], status: ActionStatus, *, reason: str = ""
    ) -> list[TrackerRow]:
        """Move several items to ``status`` at once and return their new rows.

        Won't do needs a reason. Done stamps the completion time (kept if already done);
        any other status clears it, and the won't-do reason goes when an item is reopened.
        """
        ids = sorted(set(item_ids))
        if not ids:
            raise ValidationError("Select at least one action item to change its status.")
        reason = reason.strip()
        if status is ActionStatus.WONT_DO and not reason:
            raise ValidationError(
                "Won't do needs a reason: say why the team decided not to do "
                f"{'this item' if len(ids) == 1 else 'these items'}."
            )
        now = self.clock()
        touched: dict[int, list[int]] = {}
        with self.store.session() as session:
            items = session.exec(
                select(ActionItem)
                .join(Postmortem, col(ActionItem.postmortem_id) == col(Postmortem.id))
                .where(col(ActionItem.id).in_(ids), col(Postmortem.deleted_at).is_(None))
            ).all()
            found = {item.id for item in items}
            missing = [item_id for item_id in ids if item_id not in found]
            if missing:
                raise NotFoundError(
                    f"There is no action item with id {', '.join(map(str, missing))}; "
                    "refresh the tracker and select again."
                )
            for item in items:
                if status is ActionStatus.DONE:
                    if item.status is not ActionStatus.DONE or item.completed_at is None:
                        item.completed_at = now
                    item.wont_do_reason = ""
                elif status is ActionStatus.WONT_DO:
                    item.completed_at = None
                    item.wont_do_reason = reason
                else:
                    item.completed_at = None
                    item.wont_do_reason = ""
                item.status = status
                session.add(item)
                assert item.id is not None
                touched.setdefault(item.postmortem_id, []).append(item.id)
            for postmortem_id in touched:
                touch(session, postmortem_id)
        for postmortem_id, changed in sorted(touched.items()):
            self._announce(
                Entity.ACTION,
                ChangeKind.UPDATED,
                postmortem_id,
                tuple(changed),
                frozenset({"status", "completed_at", "wont_do_reason"}),
            )
        return self._rows_for_ids(ids)

    def snooze(self, item_id: int, *, until: date) -> TrackerRow:
        """Silence reminders for one item until ``until`` (it is reminded again on that day)."""
        today = self.today()
        if until <= today:
            raise ValidationError(
                f"Snooze until must be after today ({today.isoformat()}); pick a later day."
            )
        return self._set_snooze(item_id, until)

    def unsnooze(self, item_id: int) -> TrackerRow:
        """Let reminders for one item through again."""
        return self._set_snooze(item_id, None)

    def _set_snooze(self, item_id: int, until: date | None) -> TrackerRow:
        with self.store.session() as session:
            item = session.get(ActionItem, item_id)
            if item is None:
                raise NotFoundError(f"There is no action item with id {item_id}.")
            require_postmortem(session, item.postmortem_id)
            item.snoozed_until = until
            session.add(item)
            postmortem_id = item.postmortem_id
        self._announce(
            Entity.ACTION,
            ChangeKind.UPDATED,
            postmortem_id,
            (item_id,),
            frozenset({"snoozed_until"}),
        )
        return self.row(item_id)

    # --- Due-date policy ------------------------------------------------------------------

    def policy(self) -> DueDatePolicy:
        """Return the due-date policy from settings (the defaults when none is stored)."""
        try:
            return policy_from_setting(self._settings.get(POLICY_KEY))
        except PolicyError:
            return DueDatePolicy()

    def set_policy(self, *, high_priority_severe_days: int, other_days: int) -> DueDatePolicy:
        """Store a new due-date policy; days must be whole numbers from 1 to 365."""
        policy = validated_policy(
            high_priority_severe_days=high_priority_severe_days, other_days=other_days
        )
        self._settings.set(POLICY_KEY, policy_to_setting(policy))
        return policy

    def default_due_date(self, postmortem_id: int, priority: Priority) -> date:
        """Return the due date a new item of ``priority`` on that postmortem should get."""
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
            severity, meeting_date = postmortem.severity, postmortem.meeting_date
        return default_due_date(
            self.policy(),
            severity=severity,
            priority=priority,
            meeting_date=meeting_date,
            today=self.today(),
            tz=self.tz,
        )
