"""Follow-through rules at day boundaries, across time zones, and over a small portfolio."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.follow_through import (
    DueBucket,
    PolicyError,
    Ratio,
    SlaKind,
    SlaState,
    debt_overview,
    default_due_date,
    done_within_sla,
    due_bucket,
    is_snoozed,
    local_day,
    monthly_trend,
    needs_reminder,
    open_after_days,
    policy_from_setting,
    policy_to_setting,
    reminders,
    sla_state,
    today_from,
    validated_policy,
)
from postmortem_desk.domain.rules import DueDatePolicy

BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
TODAY = date(2026, 3, 10)


@dataclass(frozen=True)
class Item:
    """A tracked item as the statistics see it."""

    id: int
    postmortem_id: int = 1
    postmortem_title: str = "Checkout outage"
    team: str = "Payments"
    status: ActionStatus = ActionStatus.OPEN
    due_date: date | None = None
    snoozed_until: date | None = None
    meeting_date: datetime | None = None
    created_at: datetime = datetime(2026, 1, 5, 12, tzinfo=UTC)
    completed_at: datetime | None = None


def open_sla(due: date | None, today: date = TODAY) -> SlaState:
    return sla_state(status=ActionStatus.OPEN, due_date=due, completed_at=None, today=today, tz=UTC)


# --- SLA labels and day boundaries ----------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "label", "kind"),
    [
        (date(2026, 3, 5), "5 days overdue", SlaKind.OVERDUE),
        (date(2026, 3, 9), "1 day overdue", SlaKind.OVERDUE),
        (date(2026, 3, 10), "due today", SlaKind.DUE_TODAY),
        (date(2026, 3, 11), "due tomorrow", SlaKind.DUE_LATER),
        (date(2026, 3, 13), "due in 3 days", SlaKind.DUE_LATER),
        (None, "no due date", SlaKind.NO_DUE_DATE),
    ],
)
def test_open_item_sla_label(due: date | None, label: str, kind: SlaKind) -> None:
    state = open_sla(due)
    assert state.label == label
    assert state.kind is kind
    assert state.is_open


def test_done_item_is_judged_on_the_local_day_of_completion() -> None:
    due = date(2026, 3, 10)
    after_midnight_in_berlin = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
    in_berlin = sla_state(
        status=ActionStatus.DONE,
        due_date=due,
        completed_at=after_midnight_in_berlin,
        today=TODAY,
        tz=BERLIN,
    )
    in_los_angeles = sla_state(
        status=ActionStatus.DONE,
        due_date=due,
        completed_at=after_midnight_in_berlin,
        today=TODAY,
        tz=LOS_ANGELES,
    )
    assert in_berlin.label == "done 1 day late"
    assert in_los_angeles.label == "done on time"


def test_done_three_days_late_and_wont_do_labels() -> None:
    done_late = sla_state(
        status=ActionStatus.DONE,
        due_date=date(2026, 3, 1),
        completed_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
        today=TODAY,
        tz=UTC,
    )
    wont = sla_state(
        status=ActionStatus.WONT_DO,
        due_date=date(2026, 3, 1),
        completed_at=None,
        today=TODAY,
        tz=UTC,
    )
    assert done_late.label == "done 3 days late"
    assert not done_late.is_open
    assert wont.label == "won't do"
    assert due_bucket(wont) is None


def test_today_from_a_clock_depends_on_the_time_zone() -> None:
    just_before_midnight_utc = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    assert today_from(lambda: just_before_midnight_utc, UTC) == date(2026, 3, 9)
    assert today_from(lambda: just_before_midnight_utc, TOKYO) == date(2026, 3, 10)
    assert today_from(lambda: just_before_midnight_utc, LOS_ANGELES) == date(2026, 3, 9)


def test_an_item_due_today_becomes_overdue_at_local_midnight() -> None:
    due = date(2026, 3, 10)
    before = today_from(lambda: datetime(2026, 3, 10, 22, 59, tzinfo=UTC), BERLIN)
    after = today_from(lambda: datetime(2026, 3, 10, 23, 0, tzinfo=UTC), BERLIN)
    assert open_sla(due, before).label == "due today"
    assert open_sla(due, after).label == "1 day overdue"


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        local_day(datetime(2026, 3, 10, 12), UTC)


@pytest.mark.parametrize(
    ("due", "bucket"),
    [
        (date(2026, 3, 9), DueBucket.OVERDUE),
        (date(2026, 3, 10), DueBucket.THIS_WEEK),
        (date(2026, 3, 16), DueBucket.THIS_WEEK),
        (date(2026, 3, 17), DueBucket.LATER),
        (None, DueBucket.LATER),
    ],
)
def test_due_buckets(due: date | None, bucket: DueBucket) -> None:
    assert due_bucket(open_sla(due)) is bucket


@given(st.dates(), st.integers(min_value=-400, max_value=400))
def test_sla_label_and_urgency_agree_with_the_day_difference(today: date, offset: int) -> None:
    try:
        due = today + timedelta(days=offset)
    except OverflowError:
        return
    state = open_sla(due, today)
    assert state.urgency == offset
    if offset < 0:
        assert state.label.endswith("overdue")
        assert str(-offset) in state.label
    elif offset == 0:
        assert state.label == "due today"
    else:
        assert state.label.startswith("due ")


# --- Due-date policy ------------------------------------------------------------------------


def test_default_policy_gives_14_days_to_high_priority_on_severe_incidents() -> None:
    meeting = datetime(2026, 3, 2, 15, tzinfo=UTC)
    policy = DueDatePolicy()
    for severity in (Severity.SEV1, Severity.SEV2):
        for priority in (Priority.P0, Priority.P1):
            assert default_due_date(
                policy,
                severity=severity,
                priority=priority,
                meeting_date=meeting,
                today=TODAY,
                tz=UTC,
            ) == date(2026, 3, 16)
    for severity, priority in [
        (Severity.SEV1, Priority.P2),
        (Severity.SEV3, Priority.P0),
        (Severity.SEV4, Priority.P1),
    ]:
        assert default_due_date(
            policy,
            severity=severity,
            priority=priority,
            meeting_date=meeting,
            today=TODAY,
            tz=UTC,
        ) == date(2026, 4, 1)


def test_policy_counts_from_the_local_meeting_day() -> None:
    meeting_late_utc = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    common = {
        "severity": Severity.SEV1,
        "priority": Priority.P0,
        "meeting_date": meeting_late_utc,
        "today": TODAY,
    }
    assert default_due_date(DueDatePolicy(), tz=UTC, **common) == date(2026, 3, 16)  # type: ignore[arg-type]
    assert default_due_date(DueDatePolicy(), tz=TOKYO, **common) == date(2026, 3, 17)  # type: ignore[arg-type]


def test_policy_without_a_meeting_counts_from_today() -> None:
    due = default_due_date(
        DueDatePolicy(7, 21),
        severity=Severity.SEV3,
        priority=Priority.P2,
        meeting_date=None,
        today=TODAY,
        tz=UTC,
    )
    assert due == TODAY + timedelta(days=21)


def test_policy_round_trips_through_the_setting() -> None:
    policy = DueDatePolicy(high_priority_severe_days=10, other_days=45)
    assert policy_from_setting(policy_to_setting(policy)) == policy
    assert policy_from_setting(None) == DueDatePolicy()
    assert policy_from_setting({"other_days": 60}) == DueDatePolicy(14, 60)


@pytest.mark.parametrize("bad", [0, -3, 366, "14", 2.5, True])
def test_policy_refuses_bad_days_and_names_the_setting(bad: object) -> None:
    with pytest.raises(PolicyError, match="Days for all other items"):
        validated_policy(high_priority_severe_days=14, other_days=bad)


# --- Debt statistics ------------------------------------------------------------------------


def test_done_within_sla_counts_only_settled_items() -> None:
    items = [
        Item(1, status=ActionStatus.DONE, due_date=date(2026, 3, 1),
             completed_at=datetime(2026, 2, 28, tzinfo=UTC)),
        Item(2, status=ActionStatus.DONE, due_date=date(2026, 3, 1),
             completed_at=datetime(2026, 3, 3, tzinfo=UTC)),
        Item(3, due_date=date(2026, 3, 5)),
        Item(4, due_date=date(2026, 3, 20)),
        Item(5, status=ActionStatus.WONT_DO, due_date=date(2026, 3, 1)),
        Item(6, due_date=None),
    ]  # fmt: skip
    ratio = done_within_sla(items, today=TODAY, tz=UTC)
    assert ratio == Ratio(1, 3)
    assert ratio.label == "33 % (1 of 3)"


def test_open_after_30_days_uses_the_state_at_the_30_day_mark() -> None:
    meeting = datetime(2026, 1, 10, 10, tzinfo=UTC)
    recent = datetime(2026, 3, 1, 10, tzinfo=UTC)
    items = [
        Item(1, meeting_date=meeting),
        Item(2, meeting_date=meeting, status=ActionStatus.DONE,
             completed_at=datetime(2026, 1, 20, tzinfo=UTC)),
        Item(3, meeting_date=meeting, status=ActionStatus.DONE,
             completed_at=datetime(2026, 2, 20, tzinfo=UTC)),
        Item(4, meeting_date=recent),
        Item(5, meeting_date=meeting, status=ActionStatus.WONT_DO),
    ]  # fmt: skip
    ratio = open_after_days(items, today=TODAY, tz=UTC)
    assert ratio == Ratio(2, 3)


def test_open_after_30_days_boundary_is_inclusive_of_day_30() -> None:
    meeting = datetime(2026, 2, 8, 12, tzinfo=UTC)
    item = Item(1, meeting_date=meeting)
    assert open_after_days([item], today=date(2026, 3, 9), tz=UTC) == Ratio(0, 0)
    assert open_after_days([item], today=date(2026, 3, 10), tz=UTC) == Ratio(1, 1)


def test_debt_overview_groups_open_items_by_postmortem_and_team() -> None:
    items = [
        Item(1, postmortem_id=1, postmortem_title="Checkout", team="Payments",
             due_date=date(2026, 3, 1)),
        Item(2, postmortem_id=1, postmortem_title="Checkout", team="Payments"),
        Item(3, postmortem_id=2, postmortem_title="DNS", team="Platform"),
        Item(4, postmortem_id=2, postmortem_title="DNS", team="", due_date=date(2026, 2, 1)),
        Item(5, postmortem_id=2, postmortem_title="DNS", team="Platform",
             status=ActionStatus.DONE, completed_at=datetime(2026, 2, 1, tzinfo=UTC)),
        Item(6, postmortem_id=3, postmortem_title="Login", team="Identity"),
    ]  # fmt: skip
    overview = debt_overview(items, today=TODAY, tz=UTC)
    assert overview.open_count == 5
    assert overview.overdue_count == 2
    assert [(d.title, d.open_count, d.overdue_count) for d in overview.by_postmortem] == [
        ("Checkout", 2, 1),
        ("DNS", 2, 1),
        ("Login", 1, 0),
    ]
    assert [(t.team, t.open_count) for t in overview.by_team] == [
        ("Payments", 2),
        ("Identity", 1),
        ("No team", 1),
        ("Platform", 1),
    ]


def test_monthly_trend_counts_opened_closed_and_open_at_month_end() -> None:
    items = [
        Item(1, created_at=datetime(2026, 1, 5, tzinfo=UTC)),
        Item(2, created_at=datetime(2026, 1, 20, tzinfo=UTC), status=ActionStatus.DONE,
             completed_at=datetime(2026, 2, 3, tzinfo=UTC)),
        Item(3, created_at=datetime(2026, 2, 10, tzinfo=UTC), status=ActionStatus.DONE,
             completed_at=datetime(2026, 2, 11, tzinfo=UTC)),
        Item(4, created_at=datetime(2026, 3, 2, tzinfo=UTC)),
        Item(5, created_at=datetime(2026, 1, 2, tzinfo=UTC), status=ActionStatus.WONT_DO),
    ]  # fmt: skip
    trend = monthly_trend(items, today=TODAY, tz=UTC, months=3)
    assert [(m.label, m.opened, m.closed, m.open_at_end) for m in trend] == [
        ("Jan 2026", 2, 0, 2),
        ("Feb 2026", 1, 2, 1),
        ("Mar 2026", 1, 0, 2),
    ]


def test_monthly_trend_places_items_in_the_local_month() -> None:
    new_year_eve_utc = datetime(2025, 12, 31, 20, tzinfo=UTC)
    item = Item(1, created_at=new_year_eve_utc)
    in_utc = monthly_trend([item], today=date(2026, 1, 15), tz=UTC, months=2)
    in_tokyo = monthly_trend([item], today=date(2026, 1, 15), tz=TOKYO, months=2)
    assert [m.opened for m in in_utc] == [1, 0]
    assert [m.opened for m in in_tokyo] == [0, 1]


# --- Reminders ------------------------------------------------------------------------------


def test_reminders_pick_overdue_and_due_within_two_days_not_snoozed() -> None:
    items = [
        Item(1, due_date=date(2026, 3, 1)),
        Item(2, due_date=date(2026, 3, 12)),
        Item(3, due_date=date(2026, 3, 13)),
        Item(4, due_date=date(2026, 3, 10), snoozed_until=date(2026, 3, 11)),
        Item(5, due_date=date(2026, 3, 9), snoozed_until=date(2026, 3, 10)),
        Item(6, due_date=date(2026, 3, 8), status=ActionStatus.DONE),
        Item(7, due_date=None),
        Item(8, due_date=date(2026, 3, 10), status=ActionStatus.IN_PROGRESS),
    ]
    assert [item.id for item in reminders(items, today=TODAY)] == [1, 5, 8, 2]


def test_snooze_lasts_until_the_given_day() -> None:
    assert is_snoozed(date(2026, 3, 11), today=TODAY)
    assert not is_snoozed(date(2026, 3, 10), today=TODAY)
    assert not is_snoozed(None, today=TODAY)
    item = Item(1, due_date=TODAY, snoozed_until=date(2026, 3, 11))
    assert not needs_reminder(item, today=TODAY)
    assert needs_reminder(item, today=date(2026, 3, 11))


def test_reminder_day_follows_the_time_zone_of_the_clock() -> None:
    item = Item(1, due_date=date(2026, 3, 12))
    instant = datetime(2026, 3, 9, 20, tzinfo=UTC)
    plus_nine = timezone(timedelta(hours=9))
    assert not needs_reminder(item, today=today_from(lambda: instant, UTC))
    assert needs_reminder(item, today=today_from(lambda: instant, plus_nine))
