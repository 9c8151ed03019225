"""The coach in real editors: squiggles while typing, tooltips, rewrite with undo, ignore."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QToolTip

from postmortem_desk.coach import Coach, Finding
from postmortem_desk.gui.coach import CoachEditorSupport

COACH = Coach(names=["Dana"])


# A popup menu asks the window system to raise it and grab the keyboard; the offscreen
# platform used in tests cannot, and says so at warning level.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def editor(qtbot: QtBot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    widget.setObjectName("testNotesEditor")
    qtbot.addWidget(widget)
    widget.resize(640, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def support(editor: QPlainTextEdit) -> CoachEditorSupport:
    return CoachEditorSupport(editor, COACH)


def wavy_ranges(editor: QPlainTextEdit | QTextEdit, block_number: int = 0) -> list[tuple[int, int]]:
    block = editor.document().findBlockByNumber(block_number)
    return [
        (r.start, r.start + r.length)
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def point_inside(editor: QPlainTextEdit | QTextEdit, position: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center() + QPoint(2, 0)


def only(findings: list[Finding], category: str) -> Finding:
    (finding,) = [f for f in findings if f.category == category]
    return finding


def test_typing_underlines_the_flagged_span(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "The deploy bot restarted the node.")
    assert wavy_ranges(editor) == []
    editor.clear()
    qtbot.keyClicks(editor, "He could have just restarted the pod.")
    text = editor.toPlainText()
    ranges = wavy_ranges(editor)
    assert (text.index("could have"), text.index("could have") + len("could have")) in ranges
    assert (text.index("just"), text.index("just") + 4) in ranges
    assert {f.category for f in support.findings()} == {"counterfactual", "minimizing"}


def test_colour_follows_severity(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "Human error!!!")
    block = editor.document().firstBlock()
    colours = {
        (r.start, r.format.underlineColor().name())
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    }
    assert support.highlighter is not None
    warning = support.highlighter.squiggle_format("warning").underlineColor().name()
    hint = support.highlighter.squiggle_format("hint").underlineColor().name()
    assert warning != hint
    assert colours == {(0, warning), (11, hint)}


def test_apply_rewrite_changes_text_and_ctrl_z_undoes_it(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "He could have just restarted the pod.")
    finding = only(support.findings(), "minimizing")
    menu = support.context_menu(point_inside(editor, finding.start + 1))
    rewrite = menu.findChild(type(menu.actions()[0]), "coachApplyRewriteAction")
    assert rewrite is not None
    assert rewrite.isEnabled()
    with qtbot.waitSignal(support.rewrite_applied) as applied:
        rewrite.trigger()
    assert applied.args == [finding.key]
    assert editor.toPlainText() == "He could have restarted the pod."
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "He could have just restarted the pod."
    menu.deleteLater()


def test_rewrite_that_needs_a_person_is_offered_but_disabled(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "Root cause: human error.")
    finding = only(support.findings(), "human_error")
    menu = support.context_menu(point_inside(editor, finding.start + 2))
    names = [a.objectName() for a in menu.actions()]
    assert "coachApplyRewriteAction" in names
    assert "coachIgnoreAction" in names
    rewrite = menu.actions()[names.index("coachApplyRewriteAction")]
    assert not rewrite.isEnabled()
    assert support.apply_rewrite(finding) is False
    assert editor.toPlainText() == "Root cause: human error."
    menu.deleteLater()


def test_ignore_removes_the_underline_and_reports_the_key(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "Root cause: human error.")
    finding = only(support.findings(), "human_error")
    assert wavy_ranges(editor)
    menu = support.context_menu(point_inside(editor, finding.start + 2))
    ignore = menu.actions()[[a.objectName() for a in menu.actions()].index("coachIgnoreAction")]
    with qtbot.waitSignal(support.finding_ignored) as ignored:
        ignore.trigger()
    assert ignored.args == ["human-error-label:human error"]
    assert wavy_ranges(editor) == []
    assert support.findings() == []
    # Remembered: the same words typed again elsewhere stay quiet.
    qtbot.keyClicks(editor, " Again human error.")
    assert support.findings() == []
    menu.deleteLater()


def test_ignored_keys_loaded_for_a_postmortem(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    support = CoachEditorSupport(editor, COACH, ignored_keys={"human-error-label:human error"})
    editor.setPlainText("Human error again.")
    assert support.findings() == []
    support.set_ignored_keys(set())
    assert [f.category for f in support.findings()] == ["human_error"]


def test_tooltip_shows_why_and_suggestion(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "The DBA failed to verify the backups.")
    finding = only(support.findings(), "counterfactual")
    point = point_inside(editor, finding.start + 2)
    viewport = editor.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    assert QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "failed to" in QToolTip.text()
    assert "what they did" in QToolTip.text()
    assert "upgrade checklist" in QToolTip.text()
    QToolTip.hideText()


@OFFSCREEN_POPUP
def test_click_on_a_flagged_span_opens_a_small_popup(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "Down again!!!")
    finding = only(support.findings(), "animated")
    qtbot.mouseClick(
        editor.viewport(), Qt.MouseButton.LeftButton, pos=point_inside(editor, finding.start)
    )
    popup = editor.findChild(QMenu, "coachPopup")
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.accessibleName()
    rewrite = next(a for a in popup.actions() if a.objectName() == "coachApplyRewriteAction")
    rewrite.trigger()
    popup.close()
    assert editor.toPlainText() == "Down again."


def test_only_the_changed_paragraph_is_rechecked(qtbot: QtBot, editor: QPlainTextEdit) -> None:
    editor.setPlainText("\n".join(f"Paragraph {n}: the service recovered." for n in range(60)))
    support = CoachEditorSupport(editor, COACH)
    assert support.highlighter is not None
    checked: list[int] = []
    support.highlighter.block_checked.connect(checked.append)
    cursor = QTextCursor(editor.document().findBlockByNumber(30))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, " Obviously!!")
    assert set(checked) == {30}
    assert wavy_ranges(editor, 30)
    assert wavy_ranges(editor, 29) == []


def test_disabled_coach_draws_nothing(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "Human error!!!")
    assert wavy_ranges(editor)
    support.set_enabled(False)
    assert wavy_ranges(editor) == []
    assert support.findings() == []


def test_rich_text_edit_is_supported(qtbot: QtBot) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    support = CoachEditorSupport(editor, COACH)
    qtbot.keyClicks(editor, "Dana broke prod.")
    assert [f.matched for f in support.findings()] == ["Dana"]
    assert wavy_ranges(editor) == [(0, 4)]


def test_line_edit_gets_findings_rewrite_and_undo(qtbot: QtBot) -> None:
    editor = QLineEdit()
    qtbot.addWidget(editor)
    editor.show()
    support = CoachEditorSupport(editor, COACH)
    qtbot.keyClicks(editor, "Obviously he should have just rolled back")
    finding = only(support.findings(), "minimizing")
    with qtbot.waitSignal(support.findings_changed):
        assert support.apply_rewrite(finding)
    assert editor.text() == "Obviously he should have rolled back"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "Obviously he should have just rolled back"
    support.ignore(only(support.findings(), "counterfactual"))
    assert "counterfactual" not in {f.category for f in support.findings()}


@OFFSCREEN_POPUP
def test_quick_fix_shortcut_opens_the_popup_at_the_cursor(
    qtbot: QtBot, editor: QPlainTextEdit, support: CoachEditorSupport
) -> None:
    qtbot.keyClicks(editor, "Human error")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    popup = editor.findChild(QMenu, "coachPopup")
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    popup.close()
