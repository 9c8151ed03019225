"""Action items: policy due dates, won't do with a reason, completion, parking lot, undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import ActionStatus, ActionType, Priority, Severity
from postmortem_desk.services.base import Change, ChangeKind, Entity, NotFoundError, ValidationError
from postmortem_desk.services.registry import Services

MEETING = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _postmortem(services: Services, severity: Severity) -> int:
    pm = services.postmortems.create(title=f"{severity} incident", severity=severity)
    assert pm.id is not None
    services.postmortems.update(pm.id, meeting_date=MEETING)
    return pm.id


@pytest.mark.parametrize(
    ("severity", "priority", "days"),
    [
        (Severity.SEV1, Priority.P0, 14),
        (Severity.SEV1, Priority.P1, 14),
        (Severity.SEV1, Priority.P2, 30),
        (Severity.SEV2, Priority.P1, 14),
        (Severity.SEV3, Priority.P0, 30),
        (Severity.SEV4, Priority.P2, 30),
    ],
)
def test_default_due_date_counts_from_the_meeting(
    services: Services, severity: Severity, priority: Priority, days: int
) -> None:
    """Give a new item the policy's due date, counted from the meeting date."""
    pm_id = _postmortem(services, severity)
    item = services.actions.add(pm_id, title="Do it", priority=priority)
    assert item.due_date == MEETING.date() + timedelta(days=days)


def test_default_due_date_without_a_meeting_counts_from_today(services: Services) -> None:
    """Count from today while no meeting date is set."""
    pm = services.postmortems.create(title="Undated", severity=Severity.SEV1)
    assert pm.id is not None
    assert services.actions.default_due_date(pm.id, Priority.P0, today=date(2026, 1, 1)) == date(
        2026, 1, 15
    )
    item = services.actions.add(pm.id, title="Soon", priority=Priority.P1)
    assert item.due_date is not None
    assert (item.due_date - date.today()).days == 14


def test_explicit_due_date_wins(services: Services) -> None:
    """Keep a due date the facilitator chose."""
    pm_id = _postmortem(services, Severity.SEV1)
    item = services.actions.add(pm_id, title="Later", due_date=date(2027, 3, 1))
    assert item.due_date == date(2027, 3, 1)


def test_add_fills_fields_and_positions(services: Services, changes: list[Change]) -> None:
    """Store a trimmed title, type, owner and ticket; number items in the order added."""
    pm_id = _postmortem(services, Severity.SEV2)
    changes.clear()
    first = services.actions.add(
        pm_id,
        title=" Add a lock timeout ",
        action_type=ActionType.MITIGATE,
        owner=" Dana ",
        ticket_key=" ORD-1 ",
    )
    second = services.actions.add(pm_id, title="Second")
    items = services.actions.list_for(pm_id)
    assert [i.title for i in items] == ["Add a lock timeout", "Second"]
    assert [i.position for i in items] == [0, 1]
    assert (items[0].action_type, items[0].owner, items[0].ticket_key) == (
        ActionType.MITIGATE,
        "Dana",
        "ORD-1",
    )
    assert items[0].status == ActionStatus.OPEN
    assert changes == [
        Change(Entity.ACTION, ChangeKind.CREATED, pm_id, (first.id or 0,)),
        Change(Entity.ACTION, ChangeKind.CREATED, pm_id, (second.id or 0,)),
    ]
    with pytest.raises(ValidationError, match="needs a title"):
        services.actions.add(pm_id, title=" ")


def test_wont_do_needs_a_reason(services: Services) -> None:
    """Refuse won't do without a reason; keep the reason while it stays won't do."""
    pm_id = _postmortem(services, Severity.SEV2)
    item = services.actions.add(pm_id, title="Rewrite the ORM")
    assert item.id is not None
    with pytest.raises(ValidationError, match="write the reason"):
        services.actions.set_status(item.id, status=ActionStatus.WONT_DO, reason="  ")
    assert services.actions.list_for(pm_id)[0].status == ActionStatus.OPEN
    services.actions.set_status(item.id, status=ActionStatus.WONT_DO, reason=" Too costly ")
    stored = services.actions.list_for(pm_id)[0]
    assert (stored.status, stored.wont_do_reason) == (ActionStatus.WONT_DO, "Too costly")
    services.actions.update(item.id, owner="Kim")
    assert services.actions.list_for(pm_id)[0].wont_do_reason == "Too costly"
    with pytest.raises(ValidationError, match="write the reason"):
        services.actions.update(item.id, wont_do_reason="")
    services.actions.set_status(item.id, status=ActionStatus.OPEN)
    assert services.actions.list_for(pm_id)[0].wont_do_reason == ""


def test_done_sets_and_reopening_clears_completion(services: Services) -> None:
    """Stamp completion when done, keep the first stamp, clear it when reopened."""
    pm_id = _postmortem(services, Severity.SEV2)
    item = services.actions.add(pm_id, title="Alert on pool")
    assert item.id is not None
    before = datetime.now(UTC)
    done = services.actions.set_status(item.id, status=ActionStatus.DONE)
    assert done.completed_at is not None
    assert done.completed_at >= before
    again = services.actions.set_status(item.id, status=ActionStatus.DONE)
    assert again.completed_at == done.completed_at
    reopened = services.actions.set_status(item.id, status=ActionStatus.IN_PROGRESS)
    assert reopened.completed_at is None
    assert services.actions.list_for(pm_id)[0].completed_at is None


def test_update_refuses_unknown_fields(services: Services) -> None:
    """Refuse fields an item does not have, an empty title and unknown ids."""
    pm_id = _postmortem(services, Severity.SEV2)
    item = services.actions.add(pm_id, title="x")
    with pytest.raises(ValidationError, match="completed_at"):
        services.actions.update(item.id or 0, completed_at=MEETING)
    with pytest.raises(ValidationError, match="needs a title"):
        services.actions.update(item.id or 0, title="")
    with pytest.raises(NotFoundError):
        services.actions.update(999, owner="x")


def test_delete_and_restore_keep_the_id(services: Services, changes: list[Change]) -> None:
    """Put a deleted item back exactly, with the same id."""
    pm_id = _postmortem(services, Severity.SEV1)
    item = services.actions.add(pm_id, title="Keep me", priority=Priority.P0)
    assert item.id is not None
    services.actions.set_status(item.id, status=ActionStatus.DONE)
    before = services.actions.list_for(pm_id)[0].model_dump()
    data = services.actions.delete(item.id)
    assert services.actions.list_for(pm_id) == []
    restored = services.actions.restore(data)
    assert restored.id == item.id
    assert services.actions.list_for(pm_id)[0].model_dump() == before
    assert [(c.kind, c.ids) for c in changes if c.entity == Entity.ACTION][-2:] == [
        (ChangeKind.DELETED, (item.id,)),
        (ChangeKind.CREATED, (item.id,)),
    ]


def test_from_parking_lot_links_both_ways_once(services: Services, changes: list[Change]) -> None:
    """Turn a parked tangent into an action item, link it, and do it only once."""
    pm_id = _postmortem(services, Severity.SEV2)
    parked = services.notes.add_parking_item(pm_id, text="Status page per payment method")
    assert parked.id is not None
    changes.clear()
    item = services.actions.from_parking_lot(parked.id)
    assert item.title == "Status page per payment method"
    assert services.postmortems.load(pm_id).parking_lot[0].action_item_id == item.id
    assert [(c.entity, c.kind) for c in changes] == [
        (Entity.ACTION, ChangeKind.CREATED),
        (Entity.PARKING, ChangeKind.UPDATED),
    ]
    assert services.actions.from_parking_lot(parked.id).id == item.id
    assert len(services.actions.list_for(pm_id)) == 1
    with pytest.raises(NotFoundError):
        services.actions.from_parking_lot(999)
