"""Save what people type the moment they are done: line edits on Enter or leaving, text boxes
after a short pause and on leaving."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

AUTOSAVE_DELAY_MS = 600

Editor = QLineEdit | QPlainTextEdit


class EditorAutosave(QObject):
    """Watch one editor and announce its text when it should be saved.

    A ``QLineEdit`` commits on ``editingFinished``; a ``QPlainTextEdit`` commits ~600 ms after
    the last keystroke and when it loses focus. ``show_value`` puts the stored value back without
    committing, and leaves alone an editor whose unsaved typing would be lost.

    Signals:
        committed(str): the editor's text differs from the stored value and should be saved.
    """

    committed = Signal(str)

    def __init__(self, editor: Editor, *, delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(editor)
        self.editor = editor
        self._stored = self.text()
        self._loading = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self._on_editor_text_edited)
            editor.editingFinished.connect(self.flush)
        else:
            editor.textChanged.connect(self._on_editor_text_changed)
            editor.installEventFilter(self)

    def text(self) -> str:
        """Return what the editor shows now."""
        if isinstance(self.editor, QLineEdit):
            return self.editor.text()
        return self.editor.toPlainText()

    @property
    def dirty(self) -> bool:
        """Tell whether the editor holds typing that is not saved yet."""
        return self._dirty

    def show_value(self, value: str, *, force: bool = False) -> None:
        """Show the stored ``value`` unless unsaved typing would be lost (``force`` overrides)."""
        self._stored = value
        if self._dirty and not force:
            return
        self._timer.stop()
        self._dirty = False
        if self.text() == value:
            return
        self._loading = True
        try:
            if isinstance(self.editor, QLineEdit):
                self.editor.setText(value)
                self.editor.setCursorPosition(0)
            else:
                position = self.editor.textCursor().position()
                self.editor.setPlainText(value)
                cursor = self.editor.textCursor()
                cursor.setPosition(min(position, len(value)), QTextCursor.MoveMode.MoveAnchor)
                self.editor.setTextCursor(cursor)
        finally:
            self._loading = False

    def flush(self) -> None:
        """Commit pending typing now."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        text = self.text()
        if text != self._stored:
            self.committed.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Commit a text box's typing when it loses focus."""
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _on_editor_text_edited(self, _text: str) -> None:
        self._dirty = True

    def _on_editor_text_changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._timer.start()
