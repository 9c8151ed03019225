"""Attach the coach to one editor: squiggles, a tooltip with the why, rewrite or ignore."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QInputMethodEvent,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from postmortem_desk.coach import CATEGORY_LABELS, Coach, Finding
from postmortem_desk.gui.coach.highlighter import (
    CoachHighlighter,
    CoachProvider,
    FindingCache,
    as_provider,
    severity_colour,
)

DocumentEditor = QPlainTextEdit | QTextEdit
Editor = QPlainTextEdit | QTextEdit | QLineEdit
QUICK_FIX_SHORTCUT = "Ctrl+."
_MENU_TEXT_LIMIT = 90


def _elide(text: str, limit: int = _MENU_TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def tooltip_html(finding: Finding) -> str:
    """Return the tooltip for a finding: what it is, why it hurts, what to write instead."""
    label = CATEGORY_LABELS.get(finding.category, finding.category)
    return (
        f"<p><b>{html.escape(label)}</b>: \u201c{html.escape(finding.matched)}\u201d</p>"
        f"<p>{html.escape(finding.message)}</p>"
        f"<p><i>Try:</i> {html.escape(finding.suggestion)}</p>"
    )


class CoachEditorSupport(QObject):
    """The coach for one free-text editor (QPlainTextEdit, QTextEdit or QLineEdit).

    Document editors get a ``CoachHighlighter``; a QLineEdit gets the same squiggles through
    input-method formats. Hovering a flagged span shows why it hurts and what to write instead;
    the context menu, a click on the span, or Ctrl+. offer "Apply rewrite" (one undo step in the
    editor's own undo) and "Ignore in this postmortem".

    Signals:
        finding_ignored(str): the user ignored a finding; persist the key for this postmortem.
        rewrite_applied(str): a suggested rewrite replaced a finding with this key.
        findings_changed(): the editor's visible findings may have changed.
    """

    finding_ignored = Signal(str)
    rewrite_applied = Signal(str)
    findings_changed = Signal()

    def __init__(
        self,
        editor: Editor,
        coach: Coach | CoachProvider,
        ignored_keys: Iterable[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else editor)
        self._editor = editor
        self._enabled = True
        self._ignored: set[str] = set(ignored_keys)
        self._popup: QMenu | None = None
        self._notify = QTimer(self)
        self._notify.setSingleShot(True)
        self._notify.setInterval(0)
        self._notify.timeout.connect(self._on_notify_timeout)
        self._highlighter: CoachHighlighter | None = None
        self._line_cache: FindingCache | None = None
        if isinstance(editor, QLineEdit):
            self._line_cache = FindingCache(as_provider(coach))
            editor.textChanged.connect(self._on_line_edit_text_changed)
            editor.installEventFilter(self)
            self._decorate_line_edit()
        else:
            self._highlighter = CoachHighlighter(editor.document(), coach, self._ignored, self)
            self._highlighter.block_checked.connect(self._on_highlighter_block_checked)
            editor.viewport().installEventFilter(self)
        self._quick_fix = QAction("Coach suggestions", editor)
        self._quick_fix.setObjectName("coachQuickFixAction")
        self._quick_fix.setShortcut(QKeySequence(QUICK_FIX_SHORTCUT))
        self._quick_fix.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._quick_fix.triggered.connect(self._on_quick_fix_triggered)
        editor.addAction(self._quick_fix)

    # -- state -------------------------------------------------------------------------------

    @property
    def editor(self) -> Editor:
        """Return the editor this support is attached to."""
        return self._editor

    @property
    def highlighter(self) -> CoachHighlighter | None:
        """Return the highlighter (None for a QLineEdit)."""
        return self._highlighter

    def set_coach(self, coach: Coach | CoachProvider) -> None:
        """Use another coach, e.g. when the participants change."""
        if self._highlighter is not None:
            self._highlighter.set_coach(coach)
        elif self._line_cache is not None:
            self._line_cache.set_provider(as_provider(coach))
            self._decorate_line_edit()
        self._notify.start()

    def ignored_keys(self) -> frozenset[str]:
        """Return the keys ignored in this postmortem."""
        return frozenset(self._ignored)

    def set_ignored_keys(self, keys: Iterable[str]) -> None:
        """Load the keys ignored in this postmortem (e.g. when another postmortem opens)."""
        self._ignored = set(keys)
        if self._highlighter is not None:
            self._highlighter.set_ignored_keys(self._ignored)
        else:
            self._decorate_line_edit()
        self._notify.start()

    def set_enabled(self, enabled: bool) -> None:
        """Switch the coach on or off for this editor."""
        self._enabled = enabled
        if self._highlighter is not None:
            self._highlighter.set_enabled(enabled)
        else:
            self._decorate_line_edit()
        self._notify.start()

    def findings(self) -> list[Finding]:
        """Return the visible findings with offsets in the editor's whole text."""
        if not self._enabled:
            return []
        if self._highlighter is not None:
            return [
                replace(finding, start=finding.start + base, end=finding.end + base)
                for base, finding in self._highlighter.findings()
            ]
        assert self._line_cache is not None
        assert isinstance(self._editor, QLineEdit)
        return [
            finding
            for finding in self._line_cache.findings(self._editor.text())
            if finding.key not in self._ignored
        ]

    def finding_at(self, position: int) -> Finding | None:
        """Return the finding under a text position (a cursor just after a span counts)."""
        for finding in self.findings():
            if finding.start <= position <= finding.end:
                return finding
        return None

    def finding_at_point(self, point: QPoint) -> Finding | None:
        """Return the finding under a point in the editor's viewport (or the line edit)."""
        if isinstance(self._editor, QLineEdit):
            return self._strict_finding_at(self._editor.cursorPositionAt(point))
        cursor = self._editor.cursorForPosition(point)
        return self._strict_finding_at(cursor.position())

    def _strict_finding_at(self, position: int) -> Finding | None:
        for finding in self.findings():
            if finding.start <= position < finding.end:
                return finding
        return None

    # -- actions -----------------------------------------------------------------------------

    def apply_rewrite(self, finding: Finding) -> bool:
        """Replace a finding with its rewrite as one undo step; False when it no longer fits."""
        if finding.replacement is None or self._current_text(finding) != finding.matched:
            return False
        start, end = self._span_with_space(finding)
        if isinstance(self._editor, QLineEdit):
            self._editor.setSelection(start, end - start)
            self._editor.insert(finding.replacement)
        else:
            cursor = QTextCursor(self._editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.beginEditBlock()
            cursor.insertText(finding.replacement)
            cursor.endEditBlock()
            self._editor.setTextCursor(cursor)
        self.rewrite_applied.emit(finding.key)
        return True

    def ignore(self, finding: Finding) -> None:
        """Stop flagging this finding in this postmortem and tell the owner to remember it."""
        self._ignored.add(finding.key)
        if self._highlighter is not None:
            self._highlighter.ignore(finding.key)
        else:
            self._decorate_line_edit()
        self.finding_ignored.emit(finding.key)
        self._notify.start()

    def select(self, finding: Finding) -> None:
        """Focus the editor and select the finding's span (used by the findings panel)."""
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(self._editor, QLineEdit):
            self._editor.setSelection(finding.start, finding.end - finding.start)
            return
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(finding.start)
        cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()

    def add_finding_actions(self, menu: QMenu, finding: Finding) -> None:
        """Add the coach's entries for one finding to a menu."""
        label = CATEGORY_LABELS.get(finding.category, finding.category)
        header = menu.addAction(_elide(f"{label}: \u201c{finding.matched}\u201d"))
        header.setEnabled(False)
        header.setToolTip(finding.message)
        suggestion = menu.addAction(_elide(f"Try: {finding.suggestion}"))
        suggestion.setEnabled(False)
        suggestion.setToolTip(finding.suggestion)
        rewrite = menu.addAction("Apply rewrite")
        rewrite.setObjectName("coachApplyRewriteAction")
        if finding.replacement is None:
            rewrite.setEnabled(False)
            rewrite.setToolTip("This one needs your own words; see the suggestion above.")
        else:
            shown = finding.replacement or "(remove it)"
            rewrite.setToolTip(f"Replace \u201c{finding.matched}\u201d with \u201c{shown}\u201d")
            rewrite.triggered.connect(lambda: self.apply_rewrite(finding))
        ignore = menu.addAction("Ignore in this postmortem")
        ignore.setObjectName("coachIgnoreAction")
        ignore.triggered.connect(lambda: self.ignore(finding))
        menu.setToolTipsVisible(True)

    def context_menu(self, point: QPoint) -> QMenu:
        """Build the editor's standard context menu with the coach's entries on top."""
        finding = self.finding_at_point(point) if self._enabled else None
        menu = self._standard_menu(point)
        menu.setObjectName("coachContextMenu")
        if finding is not None:
            existing = menu.actions()
            coach_menu = QMenu(menu)
            self.add_finding_actions(coach_menu, finding)
            for action in coach_menu.actions():
                action.setParent(menu)
                if existing:
                    menu.insertAction(existing[0], action)
                else:
                    menu.addAction(action)
            if existing:
                menu.insertSeparator(existing[0])
            menu.setToolTipsVisible(True)
        return menu

    def popup_for(self, finding: Finding) -> QMenu:
        """Build the small popup shown on a click into a flagged span."""
        if self._popup is not None:
            self._popup.close()
            self._popup.deleteLater()
        popup = QMenu(self._editor)
        popup.setObjectName("coachPopup")
        popup.setAccessibleName("Language coach suggestion")
        self.add_finding_actions(popup, finding)
        self._popup = popup
        return popup

    def show_popup(self, finding: Finding, global_pos: QPoint) -> QMenu:
        """Show the popup for a finding at a screen position, without blocking."""
        popup = self.popup_for(finding)
        popup.popup(global_pos)
        return popup

    # -- events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show tooltips, the context menu and the click popup over flagged spans."""
        if not self._enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            finding = self.finding_at_point(event.pos())
            if finding is None:
                return False
            QToolTip.showText(event.globalPos(), tooltip_html(finding), self._tooltip_owner())
            return True
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if self.finding_at_point(event.pos()) is None:
                return False
            menu = self.context_menu(event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        if (
            kind == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and not self._has_selection()
        ):
            point = event.position().toPoint()
            finding = self.finding_at_point(point)
            if finding is not None:
                owner = self._tooltip_owner()
                self.show_popup(finding, owner.mapToGlobal(point + QPoint(0, 12)))
        return False

    def _on_quick_fix_triggered(self) -> None:
        position = (
            self._editor.cursorPosition()
            if isinstance(self._editor, QLineEdit)
            else self._editor.textCursor().position()
        )
        finding = self.finding_at(position)
        if finding is None:
            return
        if isinstance(self._editor, QLineEdit):
            anchor = self._editor.rect().bottomLeft()
        else:
            anchor = self._editor.cursorRect().bottomLeft()
        self.show_popup(finding, self._tooltip_owner().mapToGlobal(anchor))

    def _on_highlighter_block_checked(self, _block_number: int) -> None:
        self._notify.start()

    def _on_line_edit_text_changed(self, _text: str) -> None:
        self._decorate_line_edit()
        self._notify.start()

    def _on_notify_timeout(self) -> None:
        self.findings_changed.emit()

    # -- helpers -----------------------------------------------------------------------------

    def _tooltip_owner(self) -> QWidget:
        if isinstance(self._editor, QLineEdit):
            return self._editor
        return self._editor.viewport()

    def _standard_menu(self, point: QPoint) -> QMenu:
        if isinstance(self._editor, QLineEdit):
            return self._editor.createStandardContextMenu()
        return self._editor.createStandardContextMenu(point)

    def _has_selection(self) -> bool:
        if isinstance(self._editor, QLineEdit):
            return self._editor.hasSelectedText()
        return self._editor.textCursor().hasSelection()

    def _text(self) -> str:
        if isinstance(self._editor, QLineEdit):
            return self._editor.text()
        return self._editor.toPlainText()

    def _current_text(self, finding: Finding) -> str:
        return self._text()[finding.start : finding.end]

    def _span_with_space(self, finding: Finding) -> tuple[int, int]:
        """Widen a deletion by one space so no double space is left behind."""
        start, end = finding.start, finding.end
        if finding.replacement != "":
            return start, end
        text = self._text()
        if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] == " "):
            return start, end + 1
        if start > 0 and text[start - 1] == " ":
            return start - 1, end
        return start, end

    def _decorate_line_edit(self) -> None:
        """Draw squiggles in a QLineEdit through input-method text formats."""
        if not isinstance(self._editor, QLineEdit) or self._line_cache is None:
            return
        attributes = []
        if self._enabled:
            cursor = self._editor.cursorPosition()
            for finding in self.findings():
                char_format = QTextCharFormat()
                char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                char_format.setUnderlineColor(severity_colour(finding.severity))
                attributes.append(
                    QInputMethodEvent.Attribute(
                        QInputMethodEvent.AttributeType.TextFormat,
                        finding.start - cursor,
                        finding.end - finding.start,
                        char_format,
                    )
                )
        QCoreApplication.sendEvent(self._editor, QInputMethodEvent("", attributes))
