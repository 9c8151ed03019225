"""The facilitator's findings panel lists registered editors' findings and acts on them."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from postmortem_desk.coach import Coach
from postmortem_desk.gui.coach import CoachEditorSupport, CoachFindingsPanel

COACH = Coach(names=["Dana"])


def make_editor(qtbot: QtBot, text: str) -> tuple[QPlainTextEdit, CoachEditorSupport]:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    support = CoachEditorSupport(editor, COACH)
    editor.setPlainText(text)
    return editor, support


def test_panel_lists_findings_of_registered_editors(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    panel = CoachFindingsPanel()
    qtbot.addWidget(panel)
    _summary, summary_support = make_editor(qtbot, "Dana broke prod.")
    _actions, actions_support = make_editor(qtbot, "Engineers must double-check commands.")
    panel.register(summary_support, "Summary")
    panel.register(actions_support, "Action items")
    qtmodeltester.check(panel.model)
    model = panel.model
    rows = [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert rows[0][:3] == ("Summary", "Person named as the cause", "Dana")
    assert rows[1][0] == "Action items"
    assert rows[1][2] == "double-check"
    assert all(row[3] for row in rows)
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.objectName() == "coachFindingsPanel"
    for widget in (panel, panel.view, panel.go_button, panel.ignore_button):
        assert widget.accessibleName()


def test_panel_follows_typing_and_ignores(qtbot: QtBot) -> None:
    panel = CoachFindingsPanel()
    qtbot.addWidget(panel)
    editor, support = make_editor(qtbot, "")
    panel.register(support, "Notes")
    assert panel.model.rowCount() == 0
    assert not panel.ignore_button.isEnabled()
    with qtbot.waitSignal(panel.model.modelReset):
        qtbot.keyClicks(editor, "It was human error.")
    assert panel.model.rowCount() == 1
    panel.view.selectRow(0)
    with qtbot.waitSignal(support.finding_ignored) as ignored:
        panel.ignore_button.click()
    assert ignored.args == ["human-error-label:human error"]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)


def test_activating_a_row_selects_the_span(qtbot: QtBot) -> None:
    panel = CoachFindingsPanel()
    qtbot.addWidget(panel)
    editor, support = make_editor(qtbot, "All fine.\nWho approved this PR?")
    panel.register(support, "Questions")
    panel.view.selectRow(0)
    panel.go_button.click()
    assert editor.textCursor().selectedText() == "Who approved"


def test_unregister_and_deleted_editors_leave_the_panel(qtbot: QtBot) -> None:
    panel = CoachFindingsPanel()
    qtbot.addWidget(panel)
    _, first = make_editor(qtbot, "Human error.")
    _, second = make_editor(qtbot, "Dana broke prod.")
    panel.register(first, "One")
    panel.register(second, "Two")
    assert panel.model.rowCount() == 2
    panel.unregister(first)
    assert panel.model.rowCount() == 1
    panel.clear()
    assert panel.model.rowCount() == 0
