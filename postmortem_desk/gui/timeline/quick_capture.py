"""The note-taker's quick-capture bar: type a line, press Enter, and it is on the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from postmortem_desk.gui.style import colour

PAGE_STEP = 10


class QuickCaptureBar(QFrame):
    """A one-line field under the timeline; the page parses and saves what is typed.

    Up and Down (Page Up and Page Down for bigger steps) move the current event without leaving
    the field, so the note-taker can follow the room while typing.

    Signals:
        submitted(str): Enter was pressed on a non-empty line.
        move_requested(int): the user wants the current event moved this many places.
    """

    submitted = Signal(str)
    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickCaptureBar")
        self.setAccessibleName("Quick capture")
        self.setStyleSheet(
            f"QFrame#quickCaptureBar {{ background: {colour('surface').name()};"
            f" border: 1px solid {colour('border').name()}; border-radius: 10px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.title_label = QLabel("Capture", self)
        self.title_label.setObjectName("captureTitle")
        self.title_label.setStyleSheet("font-weight: 600;")
        row.addWidget(self.title_label)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("captureEdit")
        self.edit.setAccessibleName("Quick capture: type a time and what happened, then Enter")
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self._on_edit_return_pressed)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        row.addWidget(self.edit, 1)
        layout.addLayout(row)
        self.setFocusProxy(self.edit)
        self.feedback_label = QLabel(self)
        self.feedback_label.setObjectName("captureFeedback")
        self.feedback_label.setProperty("role", "hint")
        self.feedback_label.setWordWrap(True)
        layout.addWidget(self.feedback_label)
        for key, delta in (
            (QKeySequence.StandardKey.MoveToPreviousLine, -1),
            (QKeySequence.StandardKey.MoveToNextLine, 1),
            (QKeySequence.StandardKey.MoveToPreviousPage, -PAGE_STEP),
            (QKeySequence.StandardKey.MoveToNextPage, PAGE_STEP),
        ):
            shortcut = QShortcut(QKeySequence(key), self.edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_requested.emit(d))
        self.set_zone_label("UTC")

    def set_zone_label(self, label: str) -> None:
        """Say which zone typed times are read in."""
        self._zone_label = label
        self.edit.setPlaceholderText(
            f"14:02 rolled back the deploy #mitigation   ·   @name for who   ·   times in {label}"
        )
        if not self.feedback_label.property("state"):
            self._show_hint()

    def _show_hint(self) -> None:
        self.feedback_label.setProperty("state", "")
        self.feedback_label.setStyleSheet("")
        self.feedback_label.setText(
            "Enter adds it \u00b7 no time = the selected event's time \u00b7 "
            "#alert #page #ack #deploy #action #mitigation #resolved #impact #note \u00b7 "
            "\u2191\u2193 move"
        )

    def accept_line(self, message: str) -> None:
        """Clear the field after a saved line and say what was added."""
        self.edit.clear()
        self.feedback_label.setProperty("state", "added")
        self.feedback_label.setStyleSheet(f"color: {colour('success').name()};")
        self.feedback_label.setText(message)

    def show_problem(self, message: str) -> None:
        """Keep the line and say what is wrong with it."""
        self.feedback_label.setProperty("state", "problem")
        self.feedback_label.setStyleSheet(f"color: {colour('danger').name()};")
        self.feedback_label.setText(message)

    def _on_edit_return_pressed(self) -> None:
        line = self.edit.text().strip()
        if line:
            self.submitted.emit(line)

    def _on_edit_text_edited(self, _text: str) -> None:
        if self.feedback_label.property("state") == "problem":
            self._show_hint()
