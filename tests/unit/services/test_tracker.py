"""The tracker over a real SQLite file holding several postmortems."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.follow_through import DueBucket, PolicyError
from postmortem_desk.domain.models import ActionItem, Postmortem, Setting
from postmortem_desk.domain.rules import DueDatePolicy
from postmortem_desk.services.base import (
    Change,
    ChangeBus,
    Entity,
    NotFoundError,
    Store,
    ValidationError,
)
from postmortem_desk.services.tracker import OPEN_ONLY, TrackerFilter, TrackerRow, TrackerService
from postmortem_desk.storage.database import open_database

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


@dataclass
class World:
    store: Store
    tracker: TrackerService
    changes: list[Change]
    ids: dict[str, int]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    database = open_database(tmp_path / "desk.sqlite", lock=False)
    store = Store(database.engine)
    bus = ChangeBus()
    changes: list[Change] = []
    bus.subscribe(changes.append)
    ids: dict[str, int] = {}
    with store.session() as session:
        checkout = Postmortem(
            title="Checkout outage",
            severity=Severity.SEV1,
            services=["checkout", "payments-api"],
            meeting_date=datetime(2026, 2, 1, 14, tzinfo=UTC),
        )
        dns = Postmortem(
            title="DNS resolution failures",
            severity=Severity.SEV3,
            services=["dns"],
            meeting_date=datetime(2026, 3, 2, 14, tzinfo=UTC),
            follow_up_review_date=date(2026, 4, 1),
        )
        trashed = Postmortem(
            title="Deleted drill",
            severity=Severity.SEV2,
            deleted_at=datetime(2026, 3, 1, tzinfo=UTC),
        )
        session.add_all([checkout, dns, trashed])
        session.flush()
        assert checkout.id is not None
        assert dns.id is not None
        assert trashed.id is not None
        ids["checkout"], ids["dns"], ids["trashed"] = checkout.id, dns.id, trashed.id
        rows = {
            "retry": ActionItem(
                postmortem_id=checkout.id,
                title="Add retry budget to payment client",
                priority=Priority.P0,
                owner="Ana",
                team="Payments",
                due_date=date(2026, 3, 5),
            ),
            "alert": ActionItem(
                postmortem_id=checkout.id,
                title="Alert on checkout error ratio",
                priority=Priority.P1,
                owner="ben",
                team="SRE",
                due_date=date(2026, 3, 12),
                status=ActionStatus.IN_PROGRESS,
            ),
            "runbook": ActionItem(
                postmortem_id=checkout.id,
                title="Write the payments failover runbook",
                priority=Priority.P2,
                owner="Ana",
                team="Payments",
                due_date=date(2026, 4, 20),
            ),
            "ttl": ActionItem(
                postmortem_id=dns.id,
                title="Lower resolver TTL",
                priority=Priority.P1,
                owner="Chen",
                team="Platform",
                due_date=date(2026, 3, 16),
            ),
            "dashboard": ActionItem(
                postmortem_id=dns.id,
                title="Resolver dashboard",
                priority=Priority.P2,
                owner="Chen",
                team="Platform",
                due_date=date(2026, 3, 1),
                status=ActionStatus.DONE,
                completed_at=datetime(2026, 2, 27, 12, tzinfo=UTC),
            ),
            "ghost": ActionItem(
                postmortem_id=trashed.id,
                title="Item of a deleted postmortem",
                owner="Ana",
                due_date=date(2026, 3, 1),
            ),
        }
        session.add_all(rows.values())
        session.flush()
        for key, row in rows.items():
            assert row.id is not None
            ids[key] = row.id
    tracker = TrackerService(store, bus, clock=lambda: NOW, tz=UTC)
    yield World(store, tracker, changes, ids)
    database.close()


def titles(rows: Sequence[TrackerRow]) -> list[str]:
    return [row.title for row in rows]


def test_rows_join_postmortem_facts_and_skip_deleted_postmortems(world: World) -> None:
    rows = world.tracker.rows()
    assert len(rows) == 5
    assert "Item of a deleted postmortem" not in titles(rows)
    retry = next(row for row in rows if row.id == world.ids["retry"])
    assert retry.postmortem_title == "Checkout outage"
    assert retry.severity is Severity.SEV1
    assert retry.services == ("checkout", "payments-api")
    assert retry.meeting_date == datetime(2026, 2, 1, 14, tzinfo=UTC)
    assert retry.sla.label == "5 days overdue"
    assert retry.due_bucket is DueBucket.OVERDUE


def test_rows_come_most_urgent_first(world: World) -> None:
    assert titles(world.tracker.rows()) == [
        "Add retry budget to payment client",
        "Alert on checkout error ratio",
        "Lower resolver TTL",
        "Write the payments failover runbook",
        "Resolver dashboard",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (TrackerFilter(owner="ana"), {"retry", "runbook"}),
        (TrackerFilter(owner=" Ben "), {"alert"}),
        (TrackerFilter(team="platform"), {"ttl", "dashboard"}),
        (TrackerFilter(statuses=frozenset({ActionStatus.DONE})), {"dashboard"}),
        (OPEN_ONLY, {"retry", "alert", "runbook", "ttl"}),
        (TrackerFilter(priority=Priority.P2), {"runbook", "dashboard"}),
        (TrackerFilter(severity=Severity.SEV3), {"ttl", "dashboard"}),
        (TrackerFilter(service="Payments-API"), {"retry", "alert", "runbook"}),
        (TrackerFilter(service="dns"), {"ttl", "dashboard"}),
        (TrackerFilter(due=DueBucket.OVERDUE), {"retry"}),
        (TrackerFilter(due=DueBucket.THIS_WEEK), {"alert", "ttl"}),
        (TrackerFilter(due=DueBucket.LATER), {"runbook"}),
        (TrackerFilter(owner="ana", due=DueBucket.LATER), {"runbook"}),
        (TrackerFilter(owner="nobody"), set()),
    ],
)
def test_filters(world: World, filters: TrackerFilter, expected: set[str]) -> None:
    names = {world.ids[key]: key for key in world.ids}
    got = {names[row.id] for row in world.tracker.rows(filters)}
    assert got == expected
    everything = world.tracker.rows()
    assert {names[row.id] for row in everything if filters.matches(row)} == expected


def test_bulk_done_sets_completion_and_leaves_the_debt(world: World) -> None:
    before = world.tracker.debt()
    changed = world.tracker.set_status([world.ids["retry"], world.ids["ttl"]], ActionStatus.DONE)
    assert {row.status for row in changed} == {ActionStatus.DONE}
    assert {row.completed_at for row in changed} == {NOW}
    assert {row.sla.label for row in changed} == {"done 5 days late", "done on time"}
    after = world.tracker.debt()
    assert after.open_count == before.open_count - 2
    assert {change.postmortem_id for change in world.changes} == {
        world.ids["checkout"],
        world.ids["dns"],
    }
    assert all(change.entity is Entity.ACTION for change in world.changes)


def test_done_keeps_the_first_completion_time(world: World) -> None:
    world.tracker.set_status([world.ids["dashboard"]], ActionStatus.DONE)
    row = world.tracker.row(world.ids["dashboard"])
    assert row.completed_at == datetime(2026, 2, 27, 12, tzinfo=UTC)


def test_reopening_clears_completion(world: World) -> None:
    world.tracker.set_status([world.ids["dashboard"]], ActionStatus.OPEN)
    row = world.tracker.row(world.ids["dashboard"])
    assert row.completed_at is None
    assert row.status is ActionStatus.OPEN
    assert row.sla.label == "9 days overdue"
    with world.store.session() as session:
        stored = session.get(ActionItem, world.ids["dashboard"])
        assert stored is not None
        assert stored.completed_at is None


def test_wont_do_needs_a_reason(world: World) -> None:
    with pytest.raises(ValidationError, match="Won't do needs a reason"):
        world.tracker.set_status([world.ids["retry"]], ActionStatus.WONT_DO, reason="  ")
    assert world.tracker.row(world.ids["retry"]).status is ActionStatus.OPEN
    assert world.changes == []


def test_wont_do_with_a_reason_leaves_the_debt_and_reopening_forgets_it(world: World) -> None:
    ids = [world.ids["retry"], world.ids["runbook"]]
    rows = world.tracker.set_status(ids, ActionStatus.WONT_DO, reason="Replaced by new client")
    assert {row.wont_do_reason for row in rows} == {"Replaced by new client"}
    assert {row.sla.label for row in rows} == {"won't do"}
    debt = world.tracker.debt()
    assert world.ids["checkout"] in {d.postmortem_id for d in debt.by_postmortem}
    assert debt.open_count == 2
    reopened = world.tracker.set_status(ids[:1], ActionStatus.IN_PROGRESS)
    assert reopened[0].wont_do_reason == ""


def test_bulk_change_refuses_unknown_and_deleted_items_without_changing_any(
    world: World,
) -> None:
    with pytest.raises(NotFoundError, match=str(world.ids["ghost"])):
        world.tracker.set_status([world.ids["retry"], world.ids["ghost"]], ActionStatus.DONE)
    assert world.tracker.row(world.ids["retry"]).status is ActionStatus.OPEN
    with pytest.raises(ValidationError, match="Select at least one"):
        world.tracker.set_status([], ActionStatus.DONE)


def test_snooze_hides_an_item_from_reminders_until_the_day(world: World) -> None:
    due = [row.id for row in world.tracker.due_reminders()]
    assert due == [world.ids["retry"], world.ids["alert"]]
    world.tracker.snooze(world.ids["retry"], until=date(2026, 3, 11))
    assert [row.id for row in world.tracker.due_reminders()] == [world.ids["alert"]]
    assert world.ids["retry"] in [
        row.id for row in world.tracker.due_reminders(today=date(2026, 3, 11))
    ]
    world.tracker.unsnooze(world.ids["retry"])
    assert world.tracker.row(world.ids["retry"]).snoozed_until is None


def test_snooze_must_be_in_the_future(world: World) -> None:
    with pytest.raises(ValidationError, match="after today"):
        world.tracker.snooze(world.ids["retry"], until=TODAY)


def test_policy_is_read_and_written_through_settings(world: World) -> None:
    assert world.tracker.policy() == DueDatePolicy()
    world.tracker.set_policy(high_priority_severe_days=7, other_days=21)
    with world.store.session() as session:
        stored = session.exec(select(Setting).where(Setting.key == "due_policy")).one()
    assert stored.value == {"high_priority_severe_days": 7, "other_days": 21}
    assert world.tracker.policy() == DueDatePolicy(7, 21)
    with pytest.raises(PolicyError, match="Days for high-priority"):
        world.tracker.set_policy(high_priority_severe_days=0, other_days=21)


def test_default_due_date_follows_severity_priority_and_meeting(world: World) -> None:
    assert world.tracker.default_due_date(world.ids["checkout"], Priority.P0) == date(2026, 2, 15)
    assert world.tracker.default_due_date(world.ids["checkout"], Priority.P2) == date(2026, 3, 3)
    assert world.tracker.default_due_date(world.ids["dns"], Priority.P0) == date(2026, 4, 1)
    world.tracker.set_policy(high_priority_severe_days=5, other_days=10)
    assert world.tracker.default_due_date(world.ids["checkout"], Priority.P1) == date(2026, 2, 6)
    with pytest.raises(NotFoundError):
        world.tracker.default_due_date(world.ids["trashed"], Priority.P1)


def test_follow_up_reviews_list_live_postmortems_with_a_date(world: World) -> None:
    reviews = world.tracker.follow_up_reviews()
    assert [(r.postmortem_title, r.review_date, r.open_items) for r in reviews] == [
        ("DNS resolution failures", date(2026, 4, 1), 1)
    ]


def test_debt_overview_over_the_database(world: World) -> None:
    debt = world.tracker.debt()
    assert debt.open_count == 4
    assert debt.overdue_count == 1
    assert [(d.title, d.open_count) for d in debt.by_postmortem] == [
        ("Checkout outage", 3),
        ("DNS resolution failures", 1),
    ]
    assert debt.done_within_sla.part == 1
    assert debt.done_within_sla.whole == 2
    assert debt.open_after_30_days.whole == 3
