"""The library: every postmortem, searchable; create, open, rename and delete them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHeaderView, QInputDialog, QLineEdit, QMessageBox, QWidget

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.gui.change_relay import ChangeRelay, RefreshOnChange
from postmortem_desk.gui.forms.ui_library_page import Ui_LibraryPage
from postmortem_desk.gui.library.library_model import ID_ROLE, LibraryFilterModel, LibraryModel
from postmortem_desk.gui.undo import CallCommand
from postmortem_desk.gui.widgets.severity import SeverityDelegate
from postmortem_desk.services.base import Entity
from postmortem_desk.services.registry import Services

REFRESHING_ENTITIES = {Entity.POSTMORTEM, Entity.EVENT, Entity.ACTION}


class LibraryPage(QWidget):
    """List postmortems and start the actions on them.

    Signals:
        open_requested(int): the user wants to open a postmortem's meeting.
        new_requested(): the user wants to create a postmortem.
    """

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(
        self,
        services: Services,
        relay: ChangeRelay,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPage")
        self.ui = Ui_LibraryPage()
        self.ui.setupUi(self)
        self.services = services
        self.undo_stack = undo_stack
        self.model = LibraryModel()
        self.proxy = LibraryFilterModel()
        self.proxy.setSourceModel(self.model)
        table = self.ui.tableView
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(0, SeverityDelegate(table))
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(40)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (2, 150), (3, 120), (4, 120), (5, 80), (6, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, width)
        table.sortByColumn(3, header.sortIndicatorOrder().DescendingOrder)
        self._changes = RefreshOnChange(relay, REFRESHING_ENTITIES, self.refresh, self)

        self.ui.searchEdit.textChanged.connect(self._on_search_edit_text_changed)
        self.ui.newButton.clicked.connect(self.new_requested)
        self.ui.openButton.clicked.connect(self._on_open_button_clicked)
        self.ui.renameButton.clicked.connect(self._on_rename_button_clicked)
        self.ui.deleteButton.clicked.connect(self._on_delete_button_clicked)
        table.activated.connect(self._on_table_view_activated)
        table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete_shortcut.activated.connect(self._on_delete_button_clicked)
        rename_shortcut = QShortcut(QKeySequence("F2"), table)
        rename_shortcut.activated.connect(self._on_rename_button_clicked)
        self.refresh()

    def refresh(self) -> None:
        """Reload the summaries, keeping the selection."""
        self._changes.cancel()
        selected = self.selected_id()
        self.model.set_summaries(self.services.postmortems.list_summaries())
        count = self.model.rowCount()
        self.ui.countLabel.setText(
            f"{count} postmortem{'s' if count != 1 else ''} · "
            "Enter opens, F2 renames, Delete moves to the trash (undo with Ctrl+Z)"
        )
        self.ui.emptyLabel.setVisible(count == 0)
        self.ui.tableView.setVisible(count > 0)
        if selected is not None:
            self.select(selected)
        elif count:
            self.ui.tableView.selectRow(0)
        self._update_buttons()

    def select(self, postmortem_id: int) -> None:
        """Select a postmortem's row."""
        row = self.model.row_of(postmortem_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if proxy_index.isValid():
            self.ui.tableView.selectRow(proxy_index.row())

    def selected_id(self) -> int | None:
        """Return the id of the selected postmortem, if any."""
        rows = self.ui.tableView.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return int(value) if value is not None else None

    def focus_search(self) -> None:
        """Put the cursor in the search field."""
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def rename(self, postmortem_id: int, title: str) -> None:
        """Rename a postmortem as an undoable edit."""
        old = self.services.postmortems.get(postmortem_id).title
        self.undo_stack.push(
            CallCommand(
                f"Rename “{old}”",
                lambda: self.services.postmortems.rename(postmortem_id, title=title),
                lambda: self.services.postmortems.rename(postmortem_id, title=old),
            )
        )

    def delete(self, postmortem_id: int) -> None:
        """Move a postmortem to the trash as an undoable edit."""
        title = self.services.postmortems.get(postmortem_id).title
        self.undo_stack.push(
            CallCommand(
                f"Delete “{title}”",
                lambda: self.services.postmortems.delete(postmortem_id),
                lambda: self.services.postmortems.restore(postmortem_id),
            )
        )

    def _update_buttons(self) -> None:
        has_selection = self.selected_id() is not None
        for button in (self.ui.openButton, self.ui.renameButton, self.ui.deleteButton):
            button.setEnabled(has_selection)

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def _on_selection_changed(self) -> None:
        self._update_buttons()

    def _on_table_view_activated(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value is not None:
            self.open_requested.emit(int(value))

    def _on_open_button_clicked(self) -> None:
        selected = self.selected_id()
        if selected is not None:
            self.open_requested.emit(selected)

    def _on_rename_button_clicked(self) -> None:
        selected = self.selected_id()
        if selected is None:
            return
        current = self.services.postmortems.get(selected).title
        title, accepted = QInputDialog.getText(
            self, "Rename postmortem", "Title:", QLineEdit.EchoMode.Normal, current
        )
        if accepted and title.strip() and title.strip() != current:
            try:
                self.rename(selected, title.strip())
            except UserFacingError as error:
                QMessageBox.warning(self, "Cannot rename", str(error))

    def _on_delete_button_clicked(self) -> None:
        selected = self.selected_id()
        if selected is None:
            return
        title = self.services.postmortems.get(selected).title
        answer = QMessageBox.question(
            self,
            "Delete postmortem",
            f"Move “{title}” to the trash?\n\nYou can undo this with Ctrl+Z.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(selected)
