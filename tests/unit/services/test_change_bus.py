"""The change bus: every listener hears every committed change, in order; failures announce none."""

from __future__ import annotations

import pytest

from postmortem_desk.services.base import Change, ChangeBus, ChangeKind, Entity, ValidationError
from postmortem_desk.services.registry import Services


def test_listeners_hear_changes_in_subscription_order() -> None:
    """Deliver each change to every listener, first subscribed first."""
    bus = ChangeBus()
    heard: list[tuple[str, Change]] = []
    first = lambda change: heard.append(("first", change))  # noqa: E731
    second = lambda change: heard.append(("second", change))  # noqa: E731
    bus.subscribe(first)
    bus.subscribe(second)
    change = Change(Entity.EVENT, ChangeKind.CREATED, 1, (7,))
    bus.publish(change)
    bus.unsubscribe(first)
    bus.unsubscribe(first)
    bus.publish(change)
    assert heard == [("first", change), ("second", change), ("second", change)]


def test_a_listener_may_unsubscribe_while_hearing() -> None:
    """Let a listener leave during delivery without others missing the change."""
    bus = ChangeBus()
    heard: list[str] = []

    def once(change: Change) -> None:
        heard.append("once")
        bus.unsubscribe(once)

    bus.subscribe(once)
    bus.subscribe(lambda change: heard.append("always"))
    bus.publish(Change(Entity.WHY, ChangeKind.UPDATED, 1))
    bus.publish(Change(Entity.WHY, ChangeKind.UPDATED, 1))
    assert heard == ["once", "always", "always"]


def test_all_services_share_one_bus(services: Services, changes: list[Change]) -> None:
    """Hear edits from every service on the one bus the registry built."""
    pm = services.postmortems.create(title="Bus")
    assert pm.id is not None
    services.people.add_participant(pm.id, name="Ada")
    services.notes.add_parking_item(pm.id, text="Later")
    services.settings.set("projector_theme", "light")
    assert [c.entity for c in changes] == [
        Entity.POSTMORTEM,
        Entity.PARTICIPANT,
        Entity.PARKING,
        Entity.SETTING,
    ]


def test_refused_edit_announces_nothing(services: Services, changes: list[Change]) -> None:
    """Announce nothing when an edit is refused, since nothing was committed."""
    pm = services.postmortems.create(title="Quiet")
    assert pm.id is not None
    changes.clear()
    with pytest.raises(ValidationError):
        services.people.add_participant(pm.id, name="")
    with pytest.raises(ValidationError):
        services.postmortems.update(pm.id, nonsense=1)
    assert changes == []
