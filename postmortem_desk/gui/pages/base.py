"""What every meeting-step page shares: its controller, its step, and the editors to coach."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.controller import PostmortemController

TextEditor = QPlainTextEdit | QTextEdit | QLineEdit


class StepPage(QWidget):
    """A page of the meeting view for one step; it redraws from the controller's snapshot.

    Signals:
        text_editor_registered(QWidget): a free-text editor the language coach should watch.
    """

    step: ClassVar[MeetingStep]
    text_editor_registered = Signal(QWidget)

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName(f"{self.step.value}Page")
        self.text_editors: list[TextEditor] = []
        controller.reloaded.connect(self._on_controller_reloaded)

    def register_text_editor(self, editor: TextEditor) -> TextEditor:
        """Declare a free-text editor so the language coach watches it."""
        self.text_editors.append(editor)
        self.text_editor_registered.emit(editor)
        return editor

    def add_new(self) -> bool:
        """Add the page's main kind of item on Ctrl+N; return False when the page has none."""
        return False

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+N inside pages that add items, before the window's "new postmortem"."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.New)
            and type(self).add_new is not StepPage.add_new
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Run ``add_new`` on Ctrl+N."""
        if event.matches(QKeySequence.StandardKey.New) and self.add_new():
            event.accept()
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        """Redraw from ``self.controller.bundle``; pages override this."""

    def entered(self) -> None:
        """React to the meeting arriving at this step (e.g. focus the main field)."""

    def _on_controller_reloaded(self) -> None:
        self.refresh()
