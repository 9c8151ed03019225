"""Tracker GUI fixtures: a real tracker service over the test database with a clock we move."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.models import ActionItem, Postmortem
from postmortem_desk.services.base import Store
from postmortem_desk.services.registry import Services
from postmortem_desk.services.tracker import TrackerService
from postmortem_desk.storage.database import Database

START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
TODAY = START.date()


@dataclass
class FakeClock:
    """A clock the test moves by hand."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class TrackerWorld:
    """The tracker service, its clock and the ids of the seeded rows by name."""

    tracker: TrackerService
    clock: FakeClock
    store: Store
    ids: dict[str, int] = field(default_factory=dict)


def _item(postmortem_id: int, title: str, **values: object) -> ActionItem:
    return ActionItem(postmortem_id=postmortem_id, title=title, **values)  # type: ignore[arg-type]


@pytest.fixture
def world(database: Database, services: Services) -> TrackerWorld:
    """Seed three postmortems with items in every state and return a tracker over them."""
    store = Store(database.engine)
    clock = FakeClock()
    ids: dict[str, int] = {}
    with store.session() as session:
        checkout = Postmortem(
            title="Checkout outage",
            severity=Severity.SEV1,
            services=["checkout", "payments"],
            meeting_date=datetime(2026, 2, 1, 15, tzinfo=UTC),
            follow_up_review_date=date(2026, 3, 20),
        )
        dns = Postmortem(
            title="DNS failures",
            severity=Severity.SEV3,
            services=["dns"],
            meeting_date=datetime(2026, 3, 3, 15, tzinfo=UTC),
        )
        login = Postmortem(
            title="Login latency",
            severity=Severity.SEV2,
            services=["auth"],
            meeting_date=datetime(2026, 3, 5, 15, tzinfo=UTC),
        )
        session.add_all([checkout, dns, login])
        session.flush()
        assert checkout.id is not None
        assert dns.id is not None
        assert login.id is not None
        rows = {
            "retry": _item(
                checkout.id,
                "Add retry budget",
                owner="Ana",
                team="Payments",
                priority=Priority.P0,
                due_date=TODAY - timedelta(days=5),
                ticket_key="PAY-1",
                ticket_url="https://tracker.example/PAY-1",
            ),
            "alert": _item(
                checkout.id,
                "Alert on error ratio",
                owner="Ben",
                team="SRE",
                due_date=TODAY + timedelta(days=2),
                status=ActionStatus.IN_PROGRESS,
            ),
            "runbook": _item(
                checkout.id,
                "Failover runbook",
                owner="Ana",
                team="Payments",
                priority=Priority.P2,
                due_date=TODAY + timedelta(days=20),
            ),
            "ttl": _item(
                dns.id,
                "Lower resolver TTL",
                owner="Chen",
                team="Platform",
                due_date=TODAY + timedelta(days=4),
            ),
            "dashboard": _item(
                dns.id,
                "Resolver dashboard",
                owner="Chen",
                team="Platform",
                due_date=TODAY - timedelta(days=9),
                status=ActionStatus.DONE,
                completed_at=START - timedelta(days=10),
            ),
            "cache": _item(
                login.id,
                "Cache session lookups",
                owner="Dana",
                team="Identity",
                priority=Priority.P0,
                due_date=TODAY,
            ),
        }
        session.add_all(rows.values())
        session.flush()
        ids.update({"checkout": checkout.id, "dns": dns.id, "login": login.id})
        for key, row in rows.items():
            assert row.id is not None
            ids[key] = row.id
    tracker = TrackerService(store, services.bus, clock=clock, tz=UTC)
    return TrackerWorld(tracker=tracker, clock=clock, store=store, ids=ids)
