"""Small dialogs of the tracker: the won't-do reason and the due-date policy."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.follow_through import POLICY_MAX_DAYS
from postmortem_desk.domain.rules import DueDatePolicy


class WontDoDialog(QDialog):
    """Ask why the team will not do the selected items; OK stays off until a reason is typed."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wontDoDialog")
        self.setWindowTitle("Won't do")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(10)
        what = "this action item" if count == 1 else f"these {count} action items"
        heading = QLabel(f"Why won't the team do {what}?")
        heading.setProperty("role", "sectionTitle")
        hint = QLabel(
            "The reason is kept with each item so the next review knows the decision was "
            "deliberate. Won't-do items leave the postmortem debt."
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("wontDoReasonEdit")
        self.reason_edit.setAccessibleName("Reason for won't do")
        self.reason_edit.setPlaceholderText("e.g. Covered by the new gateway health check")
        self.reason_edit.setFixedHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("wontDoButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Mark won't do")
        ok.setObjectName("wontDoOkButton")
        ok.setAccessibleName("Mark won't do")
        ok.setProperty("role", "primary")
        ok.setEnabled(False)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def reason(self) -> str:
        """Return the typed reason without surrounding blanks."""
        return self.reason_edit.toPlainText().strip()

    def _on_reason_edit_text_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))


class PolicyDialog(QDialog):
    """Edit the due-date policy: days after the meeting by severity and priority."""

    def __init__(self, policy: DueDatePolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyDialog")
        self.setWindowTitle("Due-date policy")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(12)
        heading = QLabel("When are new action items due?")
        heading.setProperty("role", "sectionTitle")
        hint = QLabel(
            "Counted in days from the postmortem meeting. Applies to items created from now "
            "on; existing due dates stay as they are."
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        self.severe_spin = self._spin(
            "severeDaysSpin", "Days for P0/P1 items on SEV1/SEV2", policy.high_priority_severe_days
        )
        self.other_spin = self._spin("otherDaysSpin", "Days for all other items", policy.other_days)
        form.addRow("P0/P1 items on SEV1/SEV2", self.severe_spin)
        form.addRow("All other items", self.other_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("policyButtons")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("policySaveButton")
        save.setAccessibleName("Save due-date policy")
        save.setProperty("role", "primary")
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    @staticmethod
    def _spin(name: str, accessible: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(1, POLICY_MAX_DAYS)
        spin.setSuffix(" days")
        spin.setValue(value)
        spin.setMinimumWidth(120)
        return spin

    def values(self) -> tuple[int, int]:
        """Return (days for high-priority severe items, days for the rest)."""
        return self.severe_spin.value(), self.other_spin.value()
