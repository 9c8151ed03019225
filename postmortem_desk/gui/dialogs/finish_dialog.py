"""Ask before marking the meeting as held: what is missing, and a reason to finish anyway."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FinishMeetingDialog(QDialog):
    """Show the missing items; finishing with gaps needs a reason, which is recorded."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finishMeetingDialog")
        self.setWindowTitle("Finish the meeting")
        self.resize(520, 380 if missing else 160)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.setContentsMargins(20, 18, 20, 16)
        if missing:
            intro = QLabel(
                f"{len(missing)} thing{'s are' if len(missing) != 1 else ' is'} still missing. "
                "You can finish anyway; the reason is kept with the postmortem."
            )
        else:
            intro = QLabel("Everything is in place. Mark the postmortem as “meeting held”?")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.missing_list = QListWidget(self)
        self.missing_list.setObjectName("missingList")
        self.missing_list.setAccessibleName("What is still missing")
        self.missing_list.addItems(missing)
        self.missing_list.setVisible(bool(missing))
        layout.addWidget(self.missing_list, 1)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("overrideReasonEdit")
        self.reason_edit.setAccessibleName("Reason to finish with items missing")
        self.reason_edit.setPlaceholderText(
            "Why finish now? e.g. “owner will add lessons by Friday”"
        )
        self.reason_edit.setVisible(bool(missing))
        layout.addWidget(self.reason_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.finish_button = QPushButton("Finish anyway" if missing else "Finish meeting", self)
        self.finish_button.setObjectName("confirmFinishButton")
        self.finish_button.setProperty("role", "primary")
        self.finish_button.setDefault(True)
        buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._needs_reason = bool(missing)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)
        self._on_reason_edit_text_changed(self.reason_edit.text())

    def reason(self) -> str:
        """Return the reason typed (empty when nothing was missing)."""
        return self.reason_edit.text().strip()

    def _on_reason_edit_text_changed(self, text: str) -> None:
        self.finish_button.setEnabled(not self._needs_reason or bool(text.strip()))
