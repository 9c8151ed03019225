"""Pick the timeline event that supports a why: the events by time and text, filterable."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.gui.models.row_table import ModelIndex, RowTableModel
from postmortem_desk.gui.style import colour

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(event: TimelineEvent, incident_offset_minutes: int) -> datetime:
    """Return when an event happened in the incident's (or the event's own) local time."""
    offset = (
        event.utc_offset_minutes
        if event.utc_offset_minutes is not None
        else incident_offset_minutes
    )
    return event.occurred_at + timedelta(minutes=offset)


class EventPickerModel(RowTableModel[TimelineEvent]):
    """The timeline as rows of time, kind and text; events already linked are greyed out."""

    COLUMNS = ("Time", "Kind", "What happened")

    def __init__(self) -> None:
        super().__init__()
        self._offset = 0
        self._linked: set[int] = set()

    def set_events(
        self, events: list[TimelineEvent], *, offset_minutes: int, linked: set[int]
    ) -> None:
        """Show ``events`` in time order; ``linked`` ones cannot be picked again."""
        self.beginResetModel()
        self._rows = sorted(events, key=lambda e: (e.occurred_at, e.id or 0))
        self._offset = offset_minutes
        self._linked = set(linked)
        self.endResetModel()

    def event_at(self, row: int) -> TimelineEvent:
        """Return the event shown in ``row``."""
        return self._rows[row]

    def row_of(self, event_id: int) -> int:
        """Return the row of an event, or -1."""
        return self._row_where(lambda event: event.id == event_id)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Let only events that are not linked yet be picked."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].id in self._linked:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a cell shows."""
        event = self._row_for(index)
        if event is None:
            return None
        column = index.column()
        linked = event.id in self._linked
        if role == EVENT_ID_ROLE:
            return event.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return local_time(event, self._offset).strftime("%d %b %H:%M")
            if column == 1:
                return event.kind.label
            text = event.text
            if event.actor:
                text = f"{event.actor}: {text}"
            return f"{text} (linked already)" if linked else text
        if role == Qt.ItemDataRole.ForegroundRole and (linked or column < 2):
            return colour("muted")
        return None


class EventFilterModel(QSortFilterProxyModel):
    """Filter the events by any text in their row."""

    def __init__(self) -> None:
        super().__init__()
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


class EvidencePicker(QDialog):
    """Choose one timeline event to link to a why; type to filter, Enter to choose.

    Signals:
        event_chosen(int): the user chose an event (its id).
    """

    event_chosen = Signal(int)

    def __init__(
        self,
        events: list[TimelineEvent],
        *,
        offset_minutes: int,
        linked: set[int],
        why_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePicker")
        self.setAccessibleName("Link a timeline event")
        self.setWindowTitle("Link a timeline event")
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.setContentsMargins(18, 16, 18, 16)
        intro = QLabel(f"Which event supports “{why_text}”?" if why_text else "Which event?")
        intro.setObjectName("evidencePickerIntro")
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("evidenceFilterEdit")
        self.filter_edit.setAccessibleName("Filter the timeline events")
        self.filter_edit.setPlaceholderText("Type to filter by time, kind, person or text")
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.model = EventPickerModel()
        self.model.set_events(events, offset_minutes=offset_minutes, linked=linked)
        self.proxy = EventFilterModel()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("evidenceEventTable")
        self.table.setAccessibleName("Timeline events")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("evidencePickerButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Link event")
        ok.setObjectName("evidencePickerOkButton")
        ok.setAccessibleName("Link the selected event")
        ok.setProperty("role", "primary")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("evidencePickerCancelButton")
        cancel.setAccessibleName("Cancel linking")
        layout.addWidget(self.buttons)

        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self._on_filter_edit_return_pressed)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._select_first()
        self.filter_edit.setFocus()

    def selected_event_id(self) -> int | None:
        """Return the id of the highlighted event, if it can be picked."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        if not source.flags() & Qt.ItemFlag.ItemIsSelectable:
            return None
        value = source.data(EVENT_ID_ROLE)
        return int(value) if value is not None else None

    def select_event(self, event_id: int) -> None:
        """Highlight an event's row."""
        row = self.model.row_of(event_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def accept(self) -> None:
        """Announce the chosen event and close."""
        event_id = self.selected_event_id()
        if event_id is None:
            return
        super().accept()
        self.event_chosen.emit(event_id)

    def _select_first(self) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.table.selectRow(row)
                return
        self.table.clearSelection()
        self._on_selection_changed()

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.selected_event_id() is None:
            self._select_first()

    def _on_filter_edit_return_pressed(self) -> None:
        self.accept()

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.accept()

    def _on_selection_changed(self, *_: object) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.selected_event_id() is not None)
