"""The five-whys page, driven through its widgets over a real database."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPushButton, QWidget

from postmortem_desk.domain.enums import FactorCategory, MeetingStep
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.pages.whys_page import PERSON_HINT, WhysPage, names_a_person
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.registry import Services


@pytest.fixture
def page(qtbot, main_window: MainWindow, demo_id: PostmortemId) -> WhysPage:  # type: ignore[no-untyped-def]
    main_window.open_postmortem(demo_id)
    controller = main_window.controller
    assert controller is not None
    controller.go_to_step(MeetingStep.WHYS)
    whys_page = main_window.meeting_view.current_page()
    assert isinstance(whys_page, WhysPage)
    qtbot.waitUntil(whys_page.isVisible)
    return whys_page


def stored(page: WhysPage) -> PostmortemBundle:
    return page.controller.services.postmortems.load(page.controller.postmortem_id)


def node_id(page: WhysPage, prefix: str) -> int:
    return next(n.id or 0 for n in stored(page).why_nodes if n.text.startswith(prefix))


def texts(page: WhysPage) -> list[str]:
    return [n.text for n in stored(page).why_nodes]


def inline_editor(page: WhysPage) -> QLineEdit:
    """Return the open inline editor (a closed one may linger until its deferred delete)."""
    editors = [
        e for e in page.ui.outlineView.findChildren(QLineEdit, "whyInlineEditor") if e.isVisible()
    ]
    assert len(editors) == 1
    return editors[0]


def type_and_commit(qtbot, page: WhysPage, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the open inline editor and press Enter; the delegate commits a moment later."""
    editor = inline_editor(page)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.ui.outlineView.state() != QAbstractItemView.State.EditingState)


def test_the_page_shows_the_tree_in_the_outline_and_the_diagram(page: WhysPage) -> None:
    assert page.model.rowCount() == 1
    layout = page.diagram.tree_layout()
    assert layout is not None
    assert set(layout.boxes) == {n.id for n in page.controller.bundle.why_nodes}
    assert page.diagram.isVisible()
    assert page.ui.mainSplitter.indexOf(page.ui.diagramCard) == 1
    assert page.selected_id() == page.model.children_of(None)[0]
    assert page.diagram.selected() == page.selected_id()
    assert page.ui.diagramSummaryLabel.text() == "7 answers · 4 contributing factors"
    assert "What made this possible?" in page.ui.promptsLabel.text()


def test_selection_is_synced_both_ways(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    lock = node_id(page, "Migration 0187")
    page.ui.outlineView.setCurrentIndex(page.model.index_of(lock))
    assert page.diagram.selected() == lock
    linter = node_id(page, "The migration linter")
    page.diagram.node_clicked.emit(linter)
    assert page.selected_id() == linter
    assert page.ui.outlineView.currentIndex() == page.model.index_of(linter)
    assert page.ui.whyTextEdit.toPlainText().startswith("The migration linter")
    assert "What condition would have to change" in page.ui.promptsLabel.text()


def test_tab_asks_why_enter_adds_a_sibling_and_both_save_the_typed_text(  # type: ignore[no-untyped-def]
    qtbot, page: WhysPage
) -> None:
    view = page.ui.outlineView
    linter = node_id(page, "The migration linter")
    page.select(linter)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    type_and_commit(qtbot, page, "The linter's table list is hand-maintained")
    child = node_id(page, "The linter's table list")
    bundle = stored(page)
    assert next(n for n in bundle.why_nodes if n.id == child).parent_id == linter
    assert page.selected_id() == child
    assert page.diagram.tree_layout() is not None
    assert child in page.diagram.tree_layout().boxes  # type: ignore[union-attr]

    qtbot.keyClick(view, Qt.Key.Key_Return)
    type_and_commit(qtbot, page, "Nobody owns the linter")
    sibling = node_id(page, "Nobody owns the linter")
    children = stored(page).why_children()[linter]
    assert [n.id for n in children] == [child, sibling]


def test_tab_while_typing_saves_then_asks_the_next_why(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    view = page.ui.outlineView
    page.select(node_id(page, "v4.12 retried"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClicks(inline_editor(page), "Retries had no budget")
    qtbot.keyClick(inline_editor(page), Qt.Key.Key_Tab)
    first = node_id(page, "Retries had no budget")
    qtbot.waitUntil(lambda: inline_editor(page).text() == "")
    type_and_commit(qtbot, page, "The client library defaults to 5 retries")
    second = node_id(page, "The client library")
    assert next(n for n in stored(page).why_nodes if n.id == second).parent_id == first


def test_shift_tab_moves_a_why_out_and_undo_puts_it_back(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    view = page.ui.outlineView
    lock = node_id(page, "Migration 0187")
    pool = node_id(page, "Every orders-db")
    page.select(lock)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    bundle = stored(page)
    moved = next(n for n in bundle.why_nodes if n.id == lock)
    root = next(n for n in bundle.why_nodes if n.parent_id is None)
    assert moved.parent_id == root.id
    assert [n.id for n in bundle.why_children()[root.id]][:2] == [pool, lock]
    assert page.selected_id() == lock
    page.controller.undo_stack.undo()
    assert next(n for n in stored(page).why_nodes if n.id == lock).parent_id == pool


def test_alt_arrows_reorder_siblings(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    view = page.ui.outlineView
    linter = node_id(page, "The migration linter")
    lock = node_id(page, "Migration 0187")
    page.select(linter)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert next(n.id for n in stored(page).why_children()[lock]) == linter


def test_delete_removes_the_branch_and_undo_restores_ids_evidence_and_actions(  # type: ignore[no-untyped-def]
    qtbot, page: WhysPage
) -> None:
    before = stored(page)
    pool = node_id(page, "Every orders-db")
    branch_ids = {pool, node_id(page, "Migration 0187"), node_id(page, "The migration review")}
    links = {(e.why_node_id, e.event_id) for e in before.why_evidence}
    action_links = {a.id: a.why_node_id for a in before.actions}
    page.select(pool)
    page.ui.outlineView.setFocus()
    qtbot.keyClick(page.ui.outlineView, Qt.Key.Key_Delete)
    after = stored(page)
    assert not branch_ids & {n.id for n in after.why_nodes}
    assert len(after.why_nodes) == len(before.why_nodes) - 4
    assert page.selected_id() == node_id(page, "Mitigation took")
    assert page.diagram.tree_layout() is not None
    assert pool not in page.diagram.tree_layout().boxes  # type: ignore[union-attr]
    page.controller.undo_stack.undo()
    restored = stored(page)
    assert {n.id for n in restored.why_nodes} == {n.id for n in before.why_nodes}
    assert {(e.why_node_id, e.event_id) for e in restored.why_evidence} == links
    assert {a.id: a.why_node_id for a in restored.actions} == action_links
    assert [n.id for n in restored.why_children()[None]] == [
        n.id for n in before.why_children()[None]
    ]


def test_the_side_panel_text_saves_after_a_pause_and_on_focus_out(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    slow = node_id(page, "Mitigation took")
    page.select(slow)
    editor = page.ui.whyTextEdit
    assert editor in page.text_editors
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Mitigation took 41 minutes longer than finding the lock")
    qtbot.waitUntil(
        lambda: "Mitigation took 41 minutes longer than finding the lock" in texts(page),
        timeout=3000,
    )
    assert node_id(page, "Mitigation took 41") == slow
    qtbot.keyClicks(editor, ", because")
    page.ui.outlineView.setFocus()
    assert any(n.text.endswith(", because") for n in stored(page).why_nodes)
    page.controller.undo_stack.undo()
    page.controller.undo_stack.undo()
    assert node_id(page, "Mitigation took 68 minutes") == slow
    assert page.ui.whyTextEdit.toPlainText().startswith("Mitigation took 68 minutes")


def test_a_leaf_becomes_a_contributing_factor_with_a_category(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    view = page.ui.outlineView
    page.select(node_id(page, "The migration linter"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    type_and_commit(qtbot, page, "The linter has no owner team")
    leaf = node_id(page, "The linter has no owner")
    assert page.ui.factorCheckBox.isEnabled()
    assert not page.ui.categoryCombo.isEnabled()
    page.ui.factorCheckBox.click()
    assert next(n for n in stored(page).why_nodes if n.id == leaf).is_factor
    assert page.ui.categoryCombo.isEnabled()
    combo = page.ui.categoryCombo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(FactorCategory.ORGANISATIONAL.value))
    combo.activated.emit(combo.currentIndex())
    node = next(n for n in stored(page).why_nodes if n.id == leaf)
    assert node.category == FactorCategory.ORGANISATIONAL
    assert "5 contributing factors" in page.ui.diagramSummaryLabel.text()
    page.controller.undo_stack.undo()
    page.controller.undo_stack.undo()
    node = next(n for n in stored(page).why_nodes if n.id == leaf)
    assert (node.is_factor, node.category) == (False, None)


def test_the_problem_statement_cannot_be_a_factor(page: WhysPage) -> None:
    page.select(page.model.children_of(None)[0])
    assert not page.ui.factorCheckBox.isEnabled()
    assert page.ui.levelLabel.text() == "Problem statement"


def test_evidence_is_linked_through_the_picker_and_removed_from_its_chip(  # type: ignore[no-untyped-def]
    qtbot, page: WhysPage
) -> None:
    slow = node_id(page, "Mitigation took")
    page.select(slow)
    assert page.ui.evidenceChips.findChild(QWidget, "noEvidenceLabel") is not None
    qtbot.mouseClick(page.ui.linkEvidenceButton, Qt.MouseButton.LeftButton)
    picker = page.evidence_picker
    assert picker is not None
    qtbot.waitExposed(picker)
    qtbot.keyClicks(picker.filter_edit, "roll orders-api back")
    chosen = picker.selected_event_id()
    assert chosen is not None
    qtbot.keyClick(picker.filter_edit, Qt.Key.Key_Return)
    assert page.evidence_picker is None
    assert (slow, chosen) in {(e.why_node_id, e.event_id) for e in stored(page).why_evidence}
    chip = page.ui.evidenceChips.findChild(QWidget, f"evidenceChip_{chosen}")
    assert chip is not None
    remove = chip.findChild(QPushButton, f"unlinkEvidenceButton_{chosen}")
    assert remove is not None
    assert remove.accessibleName().startswith("Remove the link")
    remove.click()
    assert (slow, chosen) not in {(e.why_node_id, e.event_id) for e in stored(page).why_evidence}
    page.controller.undo_stack.undo()
    assert (slow, chosen) in {(e.why_node_id, e.event_id) for e in stored(page).why_evidence}


def test_a_leaf_naming_a_person_gets_a_gentle_hint(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    person = page.controller.bundle.participants[0].name
    view = page.ui.outlineView
    page.select(node_id(page, "v4.12 retried"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    type_and_commit(qtbot, page, f"{person} merged it on Friday")
    assert page.ui.personHintLabel.isVisible()
    assert page.ui.personHintLabel.text() == PERSON_HINT
    page.select(node_id(page, "The migration linter"))
    assert not page.ui.personHintLabel.isVisible()


def test_names_a_person_spots_names_and_lapses_not_conditions() -> None:
    names = ["Priya Natarajan", "Tom"]
    assert names_a_person("Priya ran the migration", names)
    assert names_a_person("the on-call engineer forgot the flag", [])
    assert not names_a_person("The runbook has no step for lock checks", names)
    assert not names_a_person("Tomorrow's deploy window is short", names)


def test_every_why_editor_is_registered_for_the_coach(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    registered: list[QWidget] = []
    page.text_editor_registered.connect(registered.append)
    view = page.ui.outlineView
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = inline_editor(page)
    assert editor in registered
    assert editor in page.text_editors
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: editor not in page.text_editors)
    assert page.ui.whyTextEdit in page.text_editors


def test_new_problem_starts_a_second_tree(qtbot, page: WhysPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.ui.addRootButton, Qt.MouseButton.LeftButton)
    type_and_commit(qtbot, page, "Search results were stale for an hour")
    roots = stored(page).why_children()[None]
    assert [n.text for n in roots][-1] == "Search results were stale for an hour"
    assert page.model.rowCount() == 2
    assert "2 problems" in page.ui.diagramSummaryLabel.text()


def test_every_interactive_widget_is_named(page: WhysPage) -> None:
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(page):
            if widget.objectName().startswith("qt_"):
                continue
            assert widget.objectName(), widget
            assert widget.accessibleName(), widget.objectName()


def test_the_whole_edit_cycle_runs_in_the_database_file(
    qtbot, page: WhysPage, services: Services
) -> None:  # type: ignore[no-untyped-def]
    page.select(node_id(page, "The migration review"))
    page.ui.outlineView.setFocus()
    qtbot.keyClick(page.ui.outlineView, Qt.Key.Key_Return)
    type_and_commit(qtbot, page, "Lock duration is not measured in staging")
    fresh = Services.for_engine(services.whys.store.engine)
    texts = [n.text for n in fresh.postmortems.load(page.controller.postmortem_id).why_nodes]
    assert "Lock duration is not measured in staging" in texts
    QApplication.processEvents()
