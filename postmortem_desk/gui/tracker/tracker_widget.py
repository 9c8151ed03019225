"""The action tracker: action items across postmortems, filtered, sorted and changed in bulk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.enums import ActionStatus, Priority, Severity
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.follow_through import DueBucket
from postmortem_desk.gui.change_relay import ChangeRelay, RefreshOnChange
from postmortem_desk.gui.tracker.dialogs import PolicyDialog, WontDoDialog
from postmortem_desk.gui.tracker.tracker_model import Column, TrackerFilterModel, TrackerModel
from postmortem_desk.gui.widgets.severity import SeverityDelegate
from postmortem_desk.services.base import Entity
from postmortem_desk.services.calendar_ics import events_for, write_calendar
from postmortem_desk.services.tracker import OPEN_ONLY, TrackerFilter, TrackerRow, TrackerService
from postmortem_desk.services.tracker_csv import write_tracker_csv

REFRESHING_ENTITIES = {Entity.ACTION, Entity.POSTMORTEM, Entity.SETTING}
ANY = "__any__"
OPEN_STATUSES = "__open__"
ROW_HEIGHT = 34

COLUMN_WIDTHS: dict[Column, int] = {
    Column.POSTMORTEM: 180,
    Column.SEVERITY: 76,
    Column.OWNER: 128,
    Column.TEAM: 96,
    Column.PRIORITY: 72,
    Column.STATUS: 96,
    Column.DUE: 112,
    Column.SLA: 146,
    Column.TICKET: 84,
}

ReasonPrompt = Callable[[int], str | None]


class ActionTrackerWidget(QWidget):
    """Action items across every postmortem, with filters, bulk status changes and exports.

    Signals:
        postmortem_requested(int): the user wants to open the postmortem an item came from.
        status_changed(list): a bulk status change was saved; carries the changed item ids.
    """

    postmortem_requested = Signal(int)
    status_changed = Signal(list)

    def __init__(
        self,
        tracker: TrackerService,
        relay: ChangeRelay | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionTracker")
        self.setAccessibleName("Action tracker")
        self.tracker = tracker
        self.relay = relay if relay is not None else ChangeRelay(tracker.bus, self)
        self.model = TrackerModel(self)
        self.proxy = TrackerFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._changes = RefreshOnChange(self.relay, REFRESHING_ENTITIES, self.refresh, self)
        self._build()
        self._connect()
        self.proxy.set_tracker_filter(self.current_filter())
        self.refresh()
        self.setFocusProxy(self.table)

    # --- Building -------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(14)

        header = QHBoxLayout()
        header.setSpacing(10)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel("Action items")
        title.setProperty("role", "pageTitle")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("trackerSummaryLabel")
        self.summary_label.setProperty("role", "muted")
        titles.addWidget(title)
        titles.addWidget(self.summary_label)
        header.addLayout(titles)
        header.addStretch(1)
        self.policy_button = self._button(
            "policyButton", "Due-date policy…", "Edit due-date policy"
        )
        self.csv_button = self._button("exportCsvButton", "Export CSV…", "Export the view as CSV")
        self.ics_button = self._button(
            "exportIcsButton", "Export calendar…", "Export due dates as a calendar file"
        )
        for button in (self.policy_button, self.csv_button, self.ics_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(header)

        filters = QFrame()
        filters.setObjectName("trackerFilterBar")
        filters.setProperty("role", "card")
        bar = QHBoxLayout(filters)
        bar.setContentsMargins(12, 10, 12, 10)
        bar.setSpacing(8)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("trackerSearchEdit")
        self.search_edit.setAccessibleName("Search action items")
        self.search_edit.setPlaceholderText("Search title, postmortem, ticket…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(150)
        bar.addWidget(self.search_edit, 2)
        self.owner_combo = self._combo("ownerFilterCombo", "Filter by owner")
        self.team_combo = self._combo("teamFilterCombo", "Filter by team")
        self.status_combo = self._combo("statusFilterCombo", "Filter by status")
        self.priority_combo = self._combo("priorityFilterCombo", "Filter by priority")
        self.severity_combo = self._combo("severityFilterCombo", "Filter by severity")
        self.service_combo = self._combo("serviceFilterCombo", "Filter by service")
        self.due_combo = self._combo("dueFilterCombo", "Filter by due date")
        self.status_combo.addItem("Still open", OPEN_STATUSES)
        self.status_combo.addItem("Any status", ANY)
        for status in ActionStatus:
            self.status_combo.addItem(status.label, status.value)
        self.priority_combo.addItem("Any priority", ANY)
        for priority in Priority:
            self.priority_combo.addItem(priority.value, priority.value)
        self.severity_combo.addItem("Any severity", ANY)
        for severity in Severity:
            self.severity_combo.addItem(severity.value, severity.value)
        self.due_combo.addItem("Any due date", ANY)
        for bucket in DueBucket:
            self.due_combo.addItem(bucket.label, bucket.value)
        for combo in (
            self.owner_combo,
            self.team_combo,
            self.status_combo,
            self.priority_combo,
            self.severity_combo,
            self.service_combo,
            self.due_combo,
        ):
            bar.addWidget(combo, 1)
        self.clear_button = QPushButton("Clear")
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.setAccessibleName("Clear filters")
        self.clear_button.setProperty("role", "flat")
        bar.addWidget(self.clear_button)
        outer.addWidget(filters)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        self.selection_label.setProperty("role", "muted")
        self.selection_label.setMinimumWidth(120)
        actions.addWidget(self.selection_label)
        self.done_button = self._button("markDoneButton", "Mark done", "Mark selected items done")
        self.done_button.setProperty("role", "primary")
        self.progress_button = self._button(
            "markInProgressButton", "In progress", "Mark selected items in progress"
        )
        self.reopen_button = self._button("reopenButton", "Reopen", "Reopen selected items")
        self.wont_do_button = self._button(
            "wontDoButton", "Won't do…", "Mark selected items won't do"
        )
        for button in (
            self.done_button,
            self.progress_button,
            self.reopen_button,
            self.wont_do_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        self.ticket_button = self._button("openTicketButton", "Open ticket", "Open ticket")
        self.postmortem_button = self._button(
            "goToPostmortemButton", "Go to postmortem", "Go to postmortem"
        )
        actions.addWidget(self.ticket_button)
        actions.addWidget(self.postmortem_button)
        outer.addLayout(actions)

        self.table = QTableView()
        self.table.setObjectName("trackerTable")
        self.table.setAccessibleName("Action items")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn(Column.SEVERITY, SeverityDelegate(self.table))
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        horizontal = self.table.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        horizontal.setSortIndicatorShown(True)
        horizontal.setMinimumSectionSize(56)
        horizontal.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            horizontal.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        horizontal.setSortIndicator(Column.SLA, Qt.SortOrder.AscendingOrder)
        outer.addWidget(self.table, 1)

        self.empty_label = QLabel("No action items match these filters.")
        self.empty_label.setObjectName("trackerEmptyLabel")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        outer.addWidget(self.empty_label)

    @staticmethod
    def _button(name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    @staticmethod
    def _combo(name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(7)
        return combo

    def _connect(self) -> None:
        for combo in (
            self.owner_combo,
            self.team_combo,
            self.status_combo,
            self.priority_combo,
            self.severity_combo,
            self.service_combo,
            self.due_combo,
        ):
            combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.done_button.clicked.connect(self._on_done_button_clicked)
        self.progress_button.clicked.connect(self._on_progress_button_clicked)
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.wont_do_button.clicked.connect(self._on_wont_do_button_clicked)
        self.ticket_button.clicked.connect(self._on_ticket_button_clicked)
        self.postmortem_button.clicked.connect(self._on_postmortem_button_clicked)
        self.csv_button.clicked.connect(self._on_csv_button_clicked)
        self.ics_button.clicked.connect(self._on_ics_button_clicked)
        self.policy_button.clicked.connect(self._on_policy_button_clicked)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.proxy.rowsInserted.connect(self._on_proxy_rows_changed)
        self.proxy.rowsRemoved.connect(self._on_proxy_rows_changed)
        self.proxy.modelReset.connect(self._on_proxy_rows_changed)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.table)
        shortcut.activated.connect(self._on_done_button_clicked)

    # --- Data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every row from the service, keeping the filter, sort and selection."""
        self._changes.cancel()
        selected = set(self.selected_ids())
        rows = self.tracker.rows()
        self.model.set_rows(rows)
        self._fill_choice_combos(rows)
        if selected:
            self.select_ids(selected)
        self._update_summary()
        self._update_buttons()

    def _fill_choice_combos(self, rows: list[TrackerRow]) -> None:
        owners = sorted({row.owner.strip() for row in rows if row.owner.strip()}, key=str.casefold)
        teams = sorted({row.team.strip() for row in rows if row.team.strip()}, key=str.casefold)
        services = sorted({name for row in rows for name in row.services}, key=str.casefold)
        self._refill(self.owner_combo, "Any owner", owners)
        self._refill(self.team_combo, "Any team", teams)
        self._refill(self.service_combo, "Any service", services)

    @staticmethod
    def _refill(combo: QComboBox, any_text: str, values: list[str]) -> None:
        current = combo.currentData()
        wanted = [ANY, *values]
        if [combo.itemData(i) for i in range(combo.count())] == wanted:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, ANY)
        for value in values:
            combo.addItem(value, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_filter(self) -> TrackerFilter:
        """Return the filter the bar's choices describe."""

        def chosen(combo: QComboBox) -> str:
            value = combo.currentData()
            return "" if value in (None, ANY) else str(value)

        status = self.status_combo.currentData()
        if status == OPEN_STATUSES:
            statuses = OPEN_ONLY.statuses
        elif status in (None, ANY):
            statuses = frozenset()
        else:
            statuses = frozenset({ActionStatus(status)})
        priority, severity, due = (
            chosen(self.priority_combo),
            chosen(self.severity_combo),
            chosen(self.due_combo),
        )
        return TrackerFilter(
            owner=chosen(self.owner_combo),
            team=chosen(self.team_combo),
            statuses=statuses,
            priority=Priority(priority) if priority else None,
            severity=Severity(severity) if severity else None,
            service=chosen(self.service_combo),
            due=DueBucket(due) if due else None,
        )

    def selected_rows(self) -> list[TrackerRow]:
        """Return the selected items in view order."""
        selection = self.table.selectionModel()
        numbers = sorted(index.row() for index in selection.selectedRows())
        return [self.proxy.row_at(number) for number in numbers]

    def selected_ids(self) -> list[int]:
        """Return the ids of the selected items."""
        return [int(row.id) for row in self.selected_rows()]

    def select_ids(self, ids: set[int]) -> None:
        """Select the visible items with these ids."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for number in range(self.proxy.rowCount()):
            if self.proxy.row_at(number).id in ids:
                selection.select(self.proxy.index(number, 0), flags)

    # --- Exports --------------------------------------------------------------------------

    def export_csv(self, path: Path) -> int:
        """Write the rows the view shows, in its order, to a CSV file; return how many."""
        return write_tracker_csv(path, self.proxy.visible_rows(), self.tracker.tz)

    def export_calendar(self, path: Path) -> int:
        """Write due dates of the shown items and their postmortems' reviews to an ICS file."""
        rows = self.proxy.visible_rows()
        shown = {row.postmortem_id for row in rows}
        reviews = [r for r in self.tracker.follow_up_reviews() if r.postmortem_id in shown]
        return write_calendar(path, events_for(rows, reviews), stamp=self.tracker.clock())

    # --- Bulk status ----------------------------------------------------------------------

    def change_status(self, status: ActionStatus, reason: str = "") -> bool:
        """Move the selected items to ``status``; show refusals in a message box."""
        ids = self.selected_ids()
        if not ids:
            return False
        try:
            self.tracker.set_status(ids, status, reason=reason)
        except UserFacingError as error:
            QMessageBox.warning(self, "Status not changed", str(error))
            return False
        self.refresh()
        self.select_ids(set(ids))
        self.status_changed.emit(ids)
        return True

    def ask_wont_do_reason(self, count: int) -> str | None:
        """Ask for the won't-do reason in a dialog; None when cancelled."""
        dialog = WontDoDialog(count, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    # --- Slots ----------------------------------------------------------------------------

    def _on_filter_combo_changed(self, _index: int) -> None:
        self.proxy.set_tracker_filter(self.current_filter())
        self._update_summary()

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_summary()

    def _on_clear_button_clicked(self) -> None:
        for combo in (
            self.owner_combo,
            self.team_combo,
            self.priority_combo,
            self.severity_combo,
            self.service_combo,
            self.due_combo,
        ):
            combo.setCurrentIndex(0)
        self.status_combo.setCurrentIndex(self.status_combo.findData(OPEN_STATUSES))
        self.search_edit.clear()

    def _on_done_button_clicked(self) -> None:
        self.change_status(ActionStatus.DONE)

    def _on_progress_button_clicked(self) -> None:
        self.change_status(ActionStatus.IN_PROGRESS)

    def _on_reopen_button_clicked(self) -> None:
        self.change_status(ActionStatus.OPEN)

    def _on_wont_do_button_clicked(self) -> None:
        count = len(self.selected_ids())
        if not count:
            return
        reason = self.ask_wont_do_reason(count)
        if reason:
            self.change_status(ActionStatus.WONT_DO, reason)

    def _on_ticket_button_clicked(self) -> None:
        for row in self.selected_rows():
            if row.ticket_url:
                QDesktopServices.openUrl(QUrl(row.ticket_url))

    def _on_postmortem_button_clicked(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.postmortem_requested.emit(int(rows[0].postmortem_id))

    def _on_table_activated(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index.row())
        if index.column() == Column.TICKET and row.ticket_url:
            QDesktopServices.openUrl(QUrl(row.ticket_url))
        else:
            self.postmortem_requested.emit(int(row.postmortem_id))

    def _on_csv_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export action items", "action-items.csv", "CSV files (*.csv)"
        )
        if name:
            self._export(lambda: self.export_csv(Path(name)), "action item(s)", name)

    def _on_ics_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export due dates", "follow-through.ics", "Calendar files (*.ics)"
        )
        if name:
            self._export(lambda: self.export_calendar(Path(name)), "calendar event(s)", name)

    def _export(self, write: Callable[[], int], what: str, name: str) -> None:
        try:
            count = write()
        except UserFacingError as error:
            QMessageBox.warning(self, "Export failed", str(error))
            return
        self.summary_label.setText(f"Exported {count} {what} to {Path(name).name}.")

    def _on_policy_button_clicked(self) -> None:
        dialog = PolicyDialog(self.tracker.policy(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        severe, other = dialog.values()
        try:
            self.tracker.set_policy(high_priority_severe_days=severe, other_days=other)
        except UserFacingError as error:
            QMessageBox.warning(self, "Policy not saved", str(error))

    def _on_table_selection_changed(self) -> None:
        self._update_buttons()

    def _on_proxy_rows_changed(self) -> None:
        self._update_summary()

    # --- State ----------------------------------------------------------------------------

    def _update_summary(self) -> None:
        rows = self.model.rows()
        open_rows = [row for row in rows if row.is_open]
        overdue = sum(1 for row in open_rows if row.due_bucket is DueBucket.OVERDUE)
        postmortems = len({row.postmortem_id for row in open_rows})
        shown = self.proxy.rowCount()
        self.summary_label.setText(
            f"{len(open_rows)} open · {overdue} overdue · across {postmortems} "
            f"postmortem{'s' if postmortems != 1 else ''} — showing {shown} of {len(rows)}"
        )
        self.empty_label.setVisible(shown == 0)

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        count = len(rows)
        self.selection_label.setText(
            "Select items to change them" if not count else f"{count} selected"
        )
        for button in (
            self.done_button,
            self.progress_button,
            self.reopen_button,
            self.wont_do_button,
        ):
            button.setEnabled(bool(count))
        self.ticket_button.setEnabled(any(row.ticket_url for row in rows))
        self.postmortem_button.setEnabled(count == 1)
