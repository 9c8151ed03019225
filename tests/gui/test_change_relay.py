"""The relay and the coalesced reload the library and the tracker views share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from postmortem_desk.gui.change_relay import ChangeRelay, RefreshOnChange
from postmortem_desk.services.changes import Change, ChangeBus, ChangeKind, Entity


def _change(entity: Entity) -> Change:
    return Change(entity=entity, kind=ChangeKind.UPDATED, postmortem_id=1)


def test_many_changes_in_one_turn_reload_once(qapp: QApplication) -> None:
    bus = ChangeBus()
    relay = ChangeRelay(bus)
    calls: list[int] = []
    refresher = RefreshOnChange(relay, {Entity.ACTION}, lambda: calls.append(1))
    for _ in range(3):
        bus.publish(_change(Entity.ACTION))
    bus.publish(_change(Entity.LESSON))
    assert calls == []
    QApplication.processEvents()
    assert calls == [1]
    bus.publish(_change(Entity.LESSON))
    QApplication.processEvents()
    assert calls == [1]
    bus.publish(_change(Entity.ACTION))
    refresher.cancel()
    QApplication.processEvents()
    assert calls == [1]
    relay.detach()


def test_a_relay_stops_listening_when_its_owner_goes(qapp: QApplication) -> None:
    bus = ChangeBus()
    owner = QWidget()
    ChangeRelay(bus, owner)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    bus.publish(_change(Entity.ACTION))
