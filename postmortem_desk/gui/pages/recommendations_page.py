"""Recommendations: concrete action items with owner, priority, due date, ticket and checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QListWidgetItem, QMessageBox, QWidget

from postmortem_desk.domain.enums import ActionStatus, ActionType, MeetingStep, Priority
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.models import ActionItem
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.forms.ui_recommendations_page import Ui_RecommendationsPage
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.recommendations.action_model import ID_ROLE, ActionItemsModel
from postmortem_desk.services.action_quality import failed_checks

DESCRIPTION_SAVE_DELAY_MS = 600
NO_FACTOR = "— none —"


class RecommendationsPage(StepPage):
    """List, add, edit and delete action items; show factors nobody addresses yet."""

    step = MeetingStep.RECOMMENDATIONS

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_RecommendationsPage()
        self.ui.setupUi(self)
        self.model = ActionItemsModel()
        table = self.ui.tableView
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 74), (2, 124), (3, 70), (4, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, width)
        for action_type in ActionType:
            self.ui.typeCombo.addItem(action_type.label, action_type)
        for priority in Priority:
            self.ui.priorityCombo.addItem(priority.value, priority)
        for status in ActionStatus:
            self.ui.statusCombo.addItem(status.label, status)
        for listing in (self.ui.factorsList, self.ui.parkingList):
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.register_text_editor(self.ui.titleEdit)
        self.register_text_editor(self.ui.descriptionEdit)
        self.register_text_editor(self.ui.reasonEdit)
        self._description_timer = QTimer(self)
        self._description_timer.setSingleShot(True)
        self._description_timer.setInterval(DESCRIPTION_SAVE_DELAY_MS)
        self._description_timer.timeout.connect(self._save_description)
        self._populating = False
        self._selected_id = 0

        self.ui.addButton.clicked.connect(self.add_item)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.ui.titleEdit.editingFinished.connect(self._on_title_edit_editing_finished)
        self.ui.typeCombo.activated.connect(self._on_type_combo_activated)
        self.ui.priorityCombo.activated.connect(self._on_priority_combo_activated)
        owner_edit = self.ui.ownerCombo.lineEdit()
        assert owner_edit is not None
        owner_edit.editingFinished.connect(self._on_owner_editing_finished)
        self.ui.ownerCombo.activated.connect(self._on_owner_editing_finished)
        self.ui.dueEdit.editingFinished.connect(self._on_due_edit_editing_finished)
        self.ui.policyDueButton.clicked.connect(self._on_policy_due_button_clicked)
        self.ui.statusCombo.activated.connect(self._on_status_combo_activated)
        self.ui.reasonEdit.editingFinished.connect(self._on_reason_edit_editing_finished)
        self.ui.ticketKeyEdit.editingFinished.connect(self._on_ticket_editing_finished)
        self.ui.ticketUrlEdit.editingFinished.connect(self._on_ticket_editing_finished)
        self.ui.openTicketButton.clicked.connect(self._on_open_ticket_button_clicked)
        self.ui.factorCombo.activated.connect(self._on_factor_combo_activated)
        self.ui.descriptionEdit.textChanged.connect(self._on_description_edit_text_changed)
        self.ui.factorsList.itemActivated.connect(self._on_factors_list_item_activated)
        self.ui.parkingToActionButton.clicked.connect(self._on_parking_to_action_clicked)
        self.ui.parkingList.itemActivated.connect(self._on_parking_to_action_clicked)
        delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.delete_selected)
        self.refresh()

    # --- reading the snapshot ---------------------------------------------------------------

    def selected_item(self) -> ActionItem | None:
        """Return the action item selected in the table."""
        row = self.model.row_of(self._selected_id)
        return self.model.item_at(row) if row >= 0 else None

    def refresh(self) -> None:
        """Redraw the table, the factor and parking-lot lists and the selected item's fields."""
        bundle = self.controller.bundle
        factors = {node.id or 0: node for node in bundle.why_nodes if node.is_factor}
        self.model.set_items(bundle.actions, factors)
        open_items = [a for a in bundle.actions if not a.status.is_closed]
        needing_work = sum(1 for a in open_items if failed_checks(a))
        hint = f"{len(bundle.actions)} items"
        if needing_work:
            hint += f" · {needing_work} need attention"
        self.ui.itemsHint.setText(hint)
        self._fill_factor_lists(factors)
        self._fill_parking_list()
        if self._selected_id and self.model.row_of(self._selected_id) < 0:
            self._selected_id = 0
        if not self._selected_id and bundle.actions:
            self._selected_id = bundle.actions[0].id or 0
        row = self.model.row_of(self._selected_id)
        if row >= 0:
            self.ui.tableView.selectRow(row)
        self._populate_detail()

    def _fill_factor_lists(self, factors: dict[int, Any]) -> None:
        addressed = {a.why_node_id for a in self.controller.bundle.actions}
        self.ui.factorsList.clear()
        for factor_id, node in factors.items():
            if factor_id in addressed:
                continue
            category = f"{node.category.label}: " if node.category else ""
            item = QListWidgetItem(f"{category}{node.text}")
            item.setData(ID_ROLE, factor_id)
            item.setToolTip("Press Enter to add an action item for this factor")
            self.ui.factorsList.addItem(item)
        if self.ui.factorsList.count() == 0:
            done = QListWidgetItem("Every contributing factor has an action item.")
            done.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ui.factorsList.addItem(done)
        combo = self.ui.factorCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(NO_FACTOR, 0)
        for factor_id, node in factors.items():
            combo.addItem(node.text, factor_id)
        combo.blockSignals(False)

    def _fill_parking_list(self) -> None:
        self.ui.parkingList.clear()
        for parked in self.controller.bundle.parking_lot:
            if parked.action_item_id is not None:
                continue
            label = parked.text + ("  (private)" if parked.is_private else "")
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, parked.id)
            self.ui.parkingList.addItem(item)
        self.ui.parkingToActionButton.setEnabled(self.ui.parkingList.count() > 0)

    def _populate_detail(self) -> None:
        item = self.selected_item()
        enabled = item is not None
        for widget in (self.ui.detailCard, self.ui.deleteButton):
            widget.setEnabled(enabled)
        if item is None:
            self.ui.checksLabel.setText("Add an action item to start.")
            return
        self._populating = True
        try:
            self._set_text(self.ui.titleEdit, item.title)
            self._set_combo(self.ui.typeCombo, item.action_type)
            self._set_combo(self.ui.priorityCombo, item.priority)
            self._set_combo(self.ui.statusCombo, item.status)
            owners = sorted({p.name for p in self.controller.bundle.participants} | {
                p.team for p in self.controller.bundle.participants if p.team
            })  # fmt: skip
            owner_combo = self.ui.ownerCombo
            if not owner_combo.hasFocus():
                owner_combo.clear()
                owner_combo.addItems(owners)
                owner_combo.setEditText(item.owner)
            if not self.ui.dueEdit.hasFocus():
                due = item.due_date or date.today()
                self.ui.dueEdit.setDate(QDate(due.year, due.month, due.day))
            self._set_text(self.ui.reasonEdit, item.wont_do_reason)
            self.ui.reasonEdit.setEnabled(item.status == ActionStatus.WONT_DO)
            self._set_text(self.ui.ticketKeyEdit, item.ticket_key)
            self._set_text(self.ui.ticketUrlEdit, item.ticket_url)
            self.ui.openTicketButton.setEnabled(item.ticket_url.startswith(("http://", "https://")))
            factor_index = self.ui.factorCombo.findData(item.why_node_id or 0)
            self.ui.factorCombo.setCurrentIndex(max(0, factor_index))
            if not self.ui.descriptionEdit.hasFocus():
                self.ui.descriptionEdit.setPlainText(item.description)
            self._show_checks(item)
        finally:
            self._populating = False

    def _show_checks(self, item: ActionItem) -> None:
        failed = failed_checks(item)
        label = self.ui.checksLabel
        if failed:
            label.setText("\n".join(f"• {check.advice}" for check in failed))
            label.setProperty("role", "warning")
        else:
            label.setText("\u2713 Starts with a verb, specific, has an owner and a due date.")
            label.setProperty("role", "success")
        label.style().unpolish(label)
        label.style().polish(label)

    @staticmethod
    def _set_text(widget: Any, text: str) -> None:
        if not widget.hasFocus() and widget.text() != text:
            widget.setText(text)
            widget.setCursorPosition(0)

    @staticmethod
    def _set_combo(combo: Any, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # --- edits --------------------------------------------------------------------------------

    def add_item(self, *, title: str = "New action item", why_node_id: int | None = None) -> int:
        """Add an action item (undoable), select it and put the cursor in its title."""
        services = self.controller.services
        pm_id = self.controller.postmortem_id
        new_id = self.controller.push_create(
            f"Add action item “{title}”",
            lambda: services.actions.add(pm_id, title=title, why_node_id=why_node_id),
            services.actions.delete,
            services.actions.restore,
        )
        self._selected_id = new_id
        self.refresh()
        self.ui.titleEdit.setFocus()
        self.ui.titleEdit.selectAll()
        return new_id

    def add_new(self) -> bool:
        """Add an action item on Ctrl+N."""
        QTimer.singleShot(0, self.add_item)
        return True

    def delete_selected(self) -> None:
        """Delete the selected action item (undoable)."""
        item = self.selected_item()
        if item is None or item.id is None:
            return
        services = self.controller.services
        self.controller.push_delete(
            f"Delete action item “{item.title}”",
            item.id,
            services.actions.delete,
            services.actions.restore,
        )

    def _update(self, text: str, **after: Any) -> bool:
        item = self.selected_item()
        if item is None or item.id is None or self._populating:
            return False
        before = {name: getattr(item, name) for name in after}
        action_id = item.id
        try:
            self.controller.push_update(
                text,
                lambda fields: self.controller.services.actions.update(action_id, **fields),
                before,
                after,
            )
        except UserFacingError as error:
            QMessageBox.warning(self, "Cannot change the action item", str(error))
            self._populate_detail()
            return False
        return True

    def _on_table_current_row_changed(self) -> None:
        index = self.ui.tableView.currentIndex()
        if not index.isValid():
            return
        action_id = int(index.siblingAtColumn(0).data(ID_ROLE) or 0)
        if action_id != self._selected_id:
            self._save_description()
            self._selected_id = action_id
            self._populate_detail()

    def _on_title_edit_editing_finished(self) -> None:
        title = self.ui.titleEdit.text().strip()
        if title:
            self._update("Rename action item", title=title)

    def _on_type_combo_activated(self) -> None:
        self._update("Change action type", action_type=self.ui.typeCombo.currentData())

    def _on_priority_combo_activated(self) -> None:
        self._update("Change priority", priority=self.ui.priorityCombo.currentData())

    def _on_owner_editing_finished(self) -> None:
        self._update("Change owner", owner=self.ui.ownerCombo.currentText().strip())

    def _on_due_edit_editing_finished(self) -> None:
        self._update("Change due date", due_date=self.ui.dueEdit.date().toPython())

    def _on_policy_due_button_clicked(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        due = self.controller.services.actions.default_due_date(
            self.controller.postmortem_id, item.priority
        )
        self._update("Set due date from policy", due_date=due)

    def _on_status_combo_activated(self) -> None:
        status: ActionStatus = self.ui.statusCombo.currentData()
        item = self.selected_item()
        if item is None:
            return
        if status == ActionStatus.WONT_DO and not item.wont_do_reason:
            self.ui.reasonEdit.setEnabled(True)
            self.ui.reasonEdit.setFocus()
            self.ui.checksLabel.setText("Write why this will not be done, then press Enter.")
            return
        self._update("Change status", status=status, wont_do_reason=item.wont_do_reason)

    def _on_reason_edit_editing_finished(self) -> None:
        reason = self.ui.reasonEdit.text().strip()
        status = self.ui.statusCombo.currentData()
        if status == ActionStatus.WONT_DO and reason:
            self._update("Won't do", status=ActionStatus.WONT_DO, wont_do_reason=reason)

    def _on_ticket_editing_finished(self) -> None:
        self._update(
            "Change ticket",
            ticket_key=self.ui.ticketKeyEdit.text().strip(),
            ticket_url=self.ui.ticketUrlEdit.text().strip(),
        )

    def _on_open_ticket_button_clicked(self) -> None:
        item = self.selected_item()
        if item is not None and item.ticket_url.startswith(("http://", "https://")):
            QDesktopServices.openUrl(QUrl(item.ticket_url))

    def _on_factor_combo_activated(self) -> None:
        factor_id = int(self.ui.factorCombo.currentData() or 0)
        self._update("Link action to factor", why_node_id=factor_id or None)

    def _on_description_edit_text_changed(self) -> None:
        if not self._populating:
            self._description_timer.start()

    def _save_description(self) -> None:
        self._description_timer.stop()
        item = self.selected_item()
        text = self.ui.descriptionEdit.toPlainText()
        if item is not None and text != item.description:
            self._update("Edit details", description=text)

    def focusOutEvent(self, event: Any) -> None:
        """Save pending detail text when the page loses focus."""
        self._save_description()
        super().focusOutEvent(event)

    def _on_factors_list_item_activated(self, item: QListWidgetItem) -> None:
        factor_id = item.data(ID_ROLE)
        if factor_id:
            self.add_item(title="New action item", why_node_id=int(factor_id))

    def _on_parking_to_action_clicked(self) -> None:
        current = self.ui.parkingList.currentItem() or self.ui.parkingList.item(0)
        if current is None:
            return
        parked_id = int(current.data(ID_ROLE))
        services = self.controller.services
        created = self.controller.push_create(
            "Make parking-lot item an action",
            lambda: services.actions.from_parking_lot(parked_id),
            services.actions.delete,
            services.actions.restore,
        )
        self._selected_id = created
        self.refresh()

    def entered(self) -> None:
        """Put the keyboard in the table."""
        self.ui.tableView.setFocus()
