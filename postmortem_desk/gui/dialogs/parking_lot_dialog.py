"""The parking lot: park a tangent from any step; private items stay on the laptop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.gui.controller import PostmortemController

ID_ROLE = Qt.ItemDataRole.UserRole + 30


class ParkingLotDialog(QDialog):
    """Add, review and remove parking-lot items of the open postmortem."""

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("parkingLotDialog")
        self.setWindowTitle("Parking lot")
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        intro = QLabel(
            "Park a tangent and come back to it at the end. Items reappear under "
            "Recommendations. Private items never reach the projector."
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("parkingTextEdit")
        self.text_edit.setAccessibleName("New parking-lot item")
        self.text_edit.setPlaceholderText("What should we come back to? Press Enter to park it")
        self.private_check = QCheckBox("Private", self)
        self.private_check.setObjectName("parkingPrivateCheck")
        self.private_check.setAccessibleName("Keep this item private to the facilitator")
        self.private_check.setToolTip("Only you see private items; the projector never shows them")
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.private_check)
        layout.addLayout(row)
        self.items_list = QListWidget(self)
        self.items_list.setObjectName("parkingItemsList")
        self.items_list.setAccessibleName("Parked items")
        self.items_list.setWordWrap(True)
        layout.addWidget(self.items_list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.delete_button = QPushButton("Remove", self)
        self.delete_button.setObjectName("parkingRemoveButton")
        self.delete_button.setAccessibleName("Remove the selected parking-lot item")
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text_edit.returnPressed.connect(self._on_text_edit_return_pressed)
        self.delete_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.items_list)
        delete.activated.connect(self.remove_selected)
        controller.reloaded.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """List the parked items, newest last."""
        self.items_list.clear()
        for parked in self.controller.bundle.parking_lot:
            label = parked.text
            if parked.is_private:
                label += "   · private"
            if parked.action_item_id is not None:
                label += "   · now an action item"
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, parked.id)
            self.items_list.addItem(item)
        self.delete_button.setEnabled(self.items_list.count() > 0)

    def park(self, text: str, *, private: bool) -> None:
        """Park ``text`` (undoable)."""
        services = self.controller.services
        pm_id = self.controller.postmortem_id
        step = self.controller.step
        self.controller.push_create(
            f"Park “{text}”",
            lambda: services.notes.add_parking_item(
                pm_id, text=text, is_private=private, raised_at_step=step
            ),
            services.notes.delete_parking_item,
            services.notes.restore_parking_item,
        )

    def remove_selected(self) -> None:
        """Remove the selected item (undoable)."""
        current = self.items_list.currentItem()
        if current is None:
            return
        services = self.controller.services
        self.controller.push_delete(
            "Remove parking-lot item",
            int(current.data(ID_ROLE)),
            services.notes.delete_parking_item,
            services.notes.restore_parking_item,
        )

    def _on_text_edit_return_pressed(self) -> None:
        text = self.text_edit.text().strip()
        if text:
            self.park(text, private=self.private_check.isChecked())
            self.text_edit.clear()

    def done(self, result: int) -> None:
        """Stop following the controller when the dialog closes."""
        self.controller.reloaded.disconnect(self.refresh)
        super().done(result)
