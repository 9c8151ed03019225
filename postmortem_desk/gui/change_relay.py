"""Turn the services' change bus into one Qt signal every view can listen to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from postmortem_desk.services.changes import Change, ChangeBus


class ChangeRelay(QObject):
    """Re-emit each committed change as a Qt signal, queued onto the GUI thread.

    Signals:
        changed(Change): a service committed an edit.
    """

    changed = Signal(object)

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        bus.subscribe(self._on_bus_published)

    def _on_bus_published(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        """Stop relaying (before the services go away)."""
        self._bus.unsubscribe(self._on_bus_published)
