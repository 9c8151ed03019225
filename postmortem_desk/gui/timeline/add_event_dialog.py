"""A small dialog to add one event with its time in the incident's zone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.gui.timeline.event_detail_panel import from_qdatetime, to_qdatetime


@dataclass(frozen=True)
class NewEvent:
    """What the dialog collected."""

    occurred_at: datetime
    kind: EventKind
    actor: str
    text: str


class AddEventDialog(QDialog):
    """Ask for an event's time (in the shown zone), kind, actor and text.

    The page keeps one instance, so its text field is declared to the language coach once.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addEventDialog")
        self.setWindowTitle("Add event")
        self.setAccessibleName("Add a timeline event")
        self.setMinimumWidth(520)
        self._zone: tzinfo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setObjectName("addEventTimeEdit")
        self.time_edit.setAccessibleName("Time of the new event")
        self.time_edit.setDisplayFormat("yyyy-MM-dd  HH:mm:ss")
        self.time_edit.setCalendarPopup(True)
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("addEventZoneLabel")
        self.zone_label.setProperty("role", "hint")
        form.addRow("Time", self.time_edit)
        form.addRow("", self.zone_label)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("addEventKindCombo")
        self.kind_combo.setAccessibleName("Kind of the new event")
        for kind in EventKind:
            self.kind_combo.addItem(kind.label, kind)
        form.addRow("Kind", self.kind_combo)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setObjectName("addEventActorCombo")
        self.actor_combo.setAccessibleName("Who or what acted")
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow("Actor", self.actor_combo)
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("addEventTextEdit")
        self.text_edit.setAccessibleName("What happened")
        self.text_edit.setPlaceholderText("What happened, in plain words")
        self.text_edit.textChanged.connect(self._on_text_edit_text_changed)
        form.addRow("What", self.text_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("addEventButtons")
        ok = self.ok_button
        ok.setText("Add event")
        ok.setObjectName("addEventOkButton")
        ok.setAccessibleName("Add the event")
        ok.setProperty("role", "primary")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("addEventCancelButton")
        cancel.setAccessibleName("Cancel adding an event")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        """Return the button that adds the event."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def prepare(
        self,
        *,
        moment: datetime,
        zone: tzinfo,
        zone_label: str,
        kind: EventKind,
        people: Sequence[str],
    ) -> None:
        """Reset the fields for a new event starting at ``moment``."""
        self._zone = zone
        self.time_edit.setDateTime(to_qdatetime(moment, zone))
        self.zone_label.setText(f"Times are in {zone_label}, as the timeline shows them.")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.actor_combo.clear()
        self.actor_combo.addItems(list(people))
        self.actor_combo.setEditText("")
        self.text_edit.clear()
        self.ok_button.setEnabled(False)
        self.text_edit.setFocus()

    def values(self) -> NewEvent:
        """Return the event as entered."""
        assert self._zone is not None
        kind = self.kind_combo.currentData()
        return NewEvent(
            occurred_at=from_qdatetime(self.time_edit.dateTime(), self._zone),
            kind=EventKind(kind),
            actor=self.actor_combo.currentText().strip(),
            text=self.text_edit.text().strip(),
        )

    def _on_text_edit_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))
