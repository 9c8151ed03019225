"""Turn the services' change bus into one Qt signal every view can listen to."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QObject, QTimer, Signal

from postmortem_desk.services.changes import Change, ChangeBus, Entity


class ChangeRelay(QObject):
    """Re-emit each committed change as a Qt signal, queued onto the GUI thread.

    The relay stops listening to the bus when it is destroyed, so a view that makes its own
    relay as a child need not detach it.

    Signals:
        changed(Change): a service committed an edit.
    """

    changed = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        listener = self._on_bus_published
        bus.subscribe(listener)
        self.destroyed.connect(lambda *_: bus.unsubscribe(listener))

    def _on_bus_published(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        """Stop relaying (before the services go away)."""
        self._bus.unsubscribe(self._on_bus_published)


class RefreshOnChange(QObject):
    """Call ``refresh`` once, on the next turn of the event loop, after changes to ``entities``.

    A bulk edit announces many changes in one go; a view that reloads everything should reload
    once. A view that reloads by itself in between calls ``cancel`` so the queued reload is
    skipped.
    """

    def __init__(
        self,
        relay: ChangeRelay,
        entities: Collection[Entity],
        refresh: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._entities = frozenset(entities)
        self._refresh = refresh
        self._pending = False
        relay.changed.connect(self._on_relay_changed)

    def cancel(self) -> None:
        """Forget a queued reload: the view is reloading now."""
        self._pending = False

    def _on_relay_changed(self, change: Change) -> None:
        if change.entity in self._entities and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._on_timer_timeout)

    def _on_timer_timeout(self) -> None:
        if self._pending:
            self._pending = False
            self._refresh()
