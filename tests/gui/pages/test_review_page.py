"""The Review timeline page, driven through its widgets inside the real main window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from postmortem_desk.domain.enums import EventKind, MeetingStep, Milestone
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.pages.review_page import ReviewPage
from postmortem_desk.gui.timeline.timeline_model import ID_ROLE, KIND, TEXT, TIME
from postmortem_desk.services.registry import Services


@pytest.fixture
def page(main_window: MainWindow, demo_id: PostmortemId, qtbot: QtBot) -> ReviewPage:
    """Open the demo at the review step and return its page."""
    main_window.open_postmortem(demo_id)
    assert main_window.controller is not None
    main_window.controller.go_to_step(MeetingStep.REVIEW)
    assert main_window.meeting_view is not None
    review = main_window.meeting_view.page_by_step[MeetingStep.REVIEW]
    assert isinstance(review, ReviewPage)
    qtbot.waitUntil(review.ui.tableView.isVisible)
    return review


def _events(services: Services, demo_id: PostmortemId):
    return services.timeline.list_events(demo_id)


def _undo(window: MainWindow) -> None:
    window.undo_group.undo()


def test_the_page_shows_the_timeline_durations_and_gaps(page: ReviewPage) -> None:
    assert page.model.rowCount() == 40
    assert page.proxy.rowCount() == 40
    strip = page.ui.durationStrip.text()
    assert "Time to detect 5 min" in strip
    assert "Time to acknowledge 6 min" in strip
    assert "Time to resolve 2 h 44 min" in strip
    assert page.ui.countLabel.text() == "40 events · 2 gaps over 15 min"
    assert page.ui.localTimeButton.text() == "Incident time (UTC+01:00)"
    assert page.proxy.index(0, TIME).data() == "13:38"
    assert not page.ui.emptyLabel.isVisible()
    assert not page.ui.importButton.isVisible()


def test_entering_makes_the_first_event_current(page: ReviewPage) -> None:
    controller = page.controller
    first = controller.bundle.events[0]
    assert controller.current_event_id == first.id
    assert page.ui.tableView.currentIndex().row() == 0
    assert page.ui.detailPanel.shown_event is not None
    assert page.ui.detailPanel.shown_event.id == first.id
    assert page.ui.promptCards.kind == EventKind.CHANGE


def test_arrow_keys_and_page_down_move_the_current_event(page: ReviewPage, qtbot: QtBot) -> None:
    table = page.ui.tableView
    table.setFocus()
    ids = [e.id for e in page.controller.bundle.events]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert page.controller.current_event_id == ids[2]
    qtbot.keyClick(table, Qt.Key.Key_PageDown)
    moved = ids.index(page.controller.current_event_id)
    assert moved > 5
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert page.controller.current_event_id == ids[moved - 1]
    assert page.ui.promptCards.kind == page.controller.bundle.events[moved - 1].kind
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert page.controller.current_event_id == ids[-1]
    row = table.currentIndex().row()
    assert table.visualRect(table.model().index(row, TEXT)).intersects(table.viewport().rect())


def test_the_table_follows_the_controller_and_keeps_the_event_in_view(page: ReviewPage) -> None:
    controller = page.controller
    last = controller.bundle.events[-1]
    controller.set_current_event(last.id or 0)
    table = page.ui.tableView
    assert table.currentIndex().data(ID_ROLE) == last.id
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    rect = table.visualRect(table.currentIndex())
    assert table.viewport().rect().contains(rect)
    controller.move_current_event(-1)
    assert table.currentIndex().data(ID_ROLE) == controller.bundle.events[-2].id


def test_quick_capture_makes_a_mitigation_at_14_02_incident_time_and_undo_removes_it(
    page: ReviewPage,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
    qtbot: QtBot,
) -> None:
    edit = page.ui.captureBar.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "14:02 @jonas rolled back the deploy #mitigation")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    added = [e for e in _events(services, demo_id) if e.text == "rolled back the deploy"]
    assert len(added) == 1
    event = added[0]
    assert event.occurred_at == datetime(2026, 11, 18, 13, 2, tzinfo=UTC)
    assert event.kind == EventKind.MITIGATION
    assert event.actor == "Jonas Weber"
    assert edit.text() == ""
    assert "Added 14:02" in page.ui.captureBar.feedback_label.text()
    assert page.model.rowCount() == 41
    _undo(main_window)
    assert not [e for e in _events(services, demo_id) if e.text == "rolled back the deploy"]
    main_window.undo_group.redo()
    again = [e for e in _events(services, demo_id) if e.text == "rolled back the deploy"]
    assert [e.id for e in again] == [event.id]


def test_a_line_without_a_time_takes_the_selected_events_time(
    page: ReviewPage, services: Services, demo_id: PostmortemId, qtbot: QtBot
) -> None:
    target = page.controller.bundle.events[10]
    page.controller.set_current_event(target.id or 0)
    edit = page.ui.captureBar.edit
    qtbot.keyClicks(edit, "support saw the first tickets here #impact")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    added = next(e for e in _events(services, demo_id) if e.text.startswith("support saw"))
    assert added.occurred_at == target.occurred_at
    assert added.kind == EventKind.CUSTOMER_IMPACT
    assert page.controller.current_event_id == target.id


def test_a_bad_line_is_kept_with_the_reason(
    page: ReviewPage, services: Services, demo_id: PostmortemId, qtbot: QtBot
) -> None:
    edit = page.ui.captureBar.edit
    qtbot.keyClicks(edit, "25:10 restarted")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "25:10 restarted"
    assert "is not a time" in page.ui.captureBar.feedback_label.text()
    assert len(_events(services, demo_id)) == 40


def test_up_and_down_in_the_capture_bar_move_the_current_event(
    page: ReviewPage, qtbot: QtBot
) -> None:
    ids = [e.id for e in page.controller.bundle.events]
    edit = page.ui.captureBar.edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert page.controller.current_event_id == ids[2]
    qtbot.keyClick(edit, Qt.Key.Key_PageDown)
    assert page.controller.current_event_id == ids[12]
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert page.controller.current_event_id == ids[11]


def test_delete_key_removes_the_event_and_undo_restores_it_with_its_notes(
    page: ReviewPage,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
    qtbot: QtBot,
) -> None:
    target = page.controller.bundle.events[1]
    notes_before = [(a.id, a.text) for a in page.controller.bundle.annotations_of(target.id or 0)]
    assert notes_before
    page.controller.set_current_event(target.id or 0)
    table = page.ui.tableView
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert target.id not in [e.id for e in _events(services, demo_id)]
    assert page.model.rowCount() == 39
    assert page.controller.current_event_id == page.controller.bundle.events[1].id
    _undo(main_window)
    restored = services.postmortems.load(demo_id)
    assert target.id in [e.id for e in restored.events]
    assert [(a.id, a.text) for a in restored.annotations_of(target.id or 0)] == notes_before


def test_ctrl_n_opens_the_add_dialog_inside_the_page_and_adds_an_event(
    page: ReviewPage,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
    qtbot: QtBot,
) -> None:
    current = page.controller.bundle.events[3]
    page.controller.set_current_event(current.id or 0)
    table = page.ui.tableView
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.add_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.values().occurred_at == current.occurred_at + timedelta(minutes=1)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text_edit, "Checkout error budget alert stayed silent")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(EventKind.ALERT))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    added = next(e for e in _events(services, demo_id) if e.text.startswith("Checkout error"))
    assert added.kind == EventKind.ALERT
    assert added.occurred_at == current.occurred_at + timedelta(minutes=1)
    assert page.controller.current_event_id == added.id
    # The window's own Ctrl+N (new postmortem) did not fire.
    assert QApplication.activeModalWidget() is None
    _undo(main_window)
    assert not [e for e in _events(services, demo_id) if e.text.startswith("Checkout error")]


def test_editing_kind_actor_known_and_text_in_the_panel_saves_and_undoes(
    page: ReviewPage,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
    qtbot: QtBot,
) -> None:
    target = page.controller.bundle.events[8]
    page.controller.set_current_event(target.id or 0)
    panel = page.ui.detailPanel
    panel.tabs.setCurrentIndex(1)
    panel.kind_combo.setFocus()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData(EventKind.ACTION))
    panel.kind_combo.activated.emit(panel.kind_combo.currentIndex())
    assert services.timeline.list_events(demo_id)[8].kind == EventKind.ACTION
    assert page.proxy.index(8, KIND).data() == "Action"
    qtbot.mouseClick(panel.known_check, Qt.MouseButton.LeftButton)
    assert services.timeline.list_events(demo_id)[8].known_at_time is False
    actor_edit = panel.actor_combo.lineEdit()
    assert actor_edit is not None
    actor_edit.setFocus()
    actor_edit.selectAll()
    qtbot.keyClicks(actor_edit, "Priya Raman")
    qtbot.keyClick(actor_edit, Qt.Key.Key_Tab)
    assert services.timeline.list_events(demo_id)[8].actor == "Priya Raman"
    panel.text_edit.setFocus()
    panel.text_edit.selectAll()
    qtbot.keyClicks(panel.text_edit, "Took incident command and opened the bridge")
    qtbot.waitUntil(
        lambda: services.timeline.list_events(demo_id)[8].text.startswith("Took incident"),
        timeout=3000,
    )
    _undo(main_window)
    assert services.timeline.list_events(demo_id)[8].text == target.text
    _undo(main_window)
    assert services.timeline.list_events(demo_id)[8].actor == target.actor
    _undo(main_window)
    assert services.timeline.list_events(demo_id)[8].known_at_time is True
    _undo(main_window)
    assert services.timeline.list_events(demo_id)[8].kind == EventKind.CHAT


def test_moving_an_events_time_in_the_panel_uses_the_shown_zone(
    page: ReviewPage, services: Services, demo_id: PostmortemId, qtbot: QtBot
) -> None:
    target = page.controller.bundle.events[8]
    page.controller.set_current_event(target.id or 0)
    panel = page.ui.detailPanel
    panel.tabs.setCurrentIndex(1)
    shown = panel.time_edit.dateTime()
    assert (shown.time().hour(), shown.time().minute()) == (14, 0)
    panel.time_edit.setDateTime(shown.addSecs(90))
    panel.time_edit.editingFinished.emit()
    moved = next(e for e in _events(services, demo_id) if e.id == target.id)
    assert moved.occurred_at == datetime(2026, 11, 18, 13, 1, 30, tzinfo=UTC)


def test_a_milestone_moves_from_its_holder_and_undo_gives_it_back(
    page: ReviewPage, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:
    events = page.controller.bundle.events
    holder = next(e for e in events if e.milestone == Milestone.DETECTED)
    other = events[6]
    key_before = services.postmortems.get(demo_id).detected_at
    page.controller.set_current_event(other.id or 0)
    page.ui.detailPanel.set_milestone(Milestone.DETECTED)
    after = {e.id: e.milestone for e in _events(services, demo_id)}
    assert after[other.id] == Milestone.DETECTED
    assert after[holder.id] is None
    assert services.postmortems.get(demo_id).detected_at == other.occurred_at
    assert "Time to detect 8 min" in page.ui.durationStrip.text()
    _undo(main_window)
    back = {e.id: e.milestone for e in _events(services, demo_id)}
    assert back[holder.id] == Milestone.DETECTED
    assert back[other.id] is None
    assert services.postmortems.get(demo_id).detected_at == key_before


def test_questions_and_notes_add_edit_delete_and_undo(
    page: ReviewPage,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
    qtbot: QtBot,
) -> None:
    target = page.controller.bundle.events[5]
    page.controller.set_current_event(target.id or 0)
    panel = page.ui.detailPanel

    def texts() -> list[str]:
        return [a.text for a in services.postmortems.load(demo_id).annotations_of(target.id or 0)]

    def ids() -> list[int | None]:
        return [a.id for a in services.postmortems.load(demo_id).annotations_of(target.id or 0)]

    qtbot.keyClicks(panel.annotation_edit, "What did the page say?")
    qtbot.keyClick(panel.annotation_edit, Qt.Key.Key_Return)
    assert texts() == ["What did the page say?"]
    first_ids = ids()
    assert panel.annotation_model.rowCount() == 1
    view = panel.annotations_view
    view.setFocus()
    view.setCurrentIndex(panel.annotation_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert panel.annotation_edit.text() == "What did the page say?"
    assert panel.annotation_add_button.text() == "Save"
    panel.annotation_edit.selectAll()
    qtbot.keyClicks(panel.annotation_edit, "What did the page tell the on-call?")
    qtbot.keyClick(panel.annotation_edit, Qt.Key.Key_Return)
    assert texts() == ["What did the page tell the on-call?"]
    view.setFocus()
    view.setCurrentIndex(panel.annotation_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert texts() == []
    _undo(main_window)  # the deletion
    assert texts() == ["What did the page tell the on-call?"]
    assert ids() == first_ids
    _undo(main_window)  # the edit, on the row the undo put back
    assert texts() == ["What did the page say?"]
    _undo(main_window)  # the addition
    assert texts() == []
    main_window.undo_group.redo()
    assert ids() == first_ids
    main_window.undo_group.redo()
    main_window.undo_group.redo()
    assert texts() == []


def test_a_prompt_becomes_a_question_on_the_event(
    page: ReviewPage, services: Services, demo_id: PostmortemId, qtbot: QtBot
) -> None:
    alert = next(e for e in page.controller.bundle.events if e.kind == EventKind.ALERT)
    page.controller.set_current_event(alert.id or 0)
    cards = page.ui.promptCards
    assert cards.kind == EventKind.ALERT
    qtbot.mouseClick(cards.add_buttons[0], Qt.MouseButton.LeftButton)
    notes = services.postmortems.load(demo_id).annotations_of(alert.id or 0)
    assert [(n.text, n.is_question) for n in notes] == [("What did the responder see first?", True)]
    assert page.ui.detailPanel.tabs.tabText(0) == "Questions && notes (1)"


def test_the_utc_toggle_changes_the_shown_times(page: ReviewPage, qtbot: QtBot) -> None:
    assert page.proxy.index(0, TIME).data() == "13:38"
    qtbot.mouseClick(page.ui.utcTimeButton, Qt.MouseButton.LeftButton)
    assert page.proxy.index(0, TIME).data() == "12:38"
    assert "UTC" in page.ui.captureBar.edit.placeholderText()
    qtbot.mouseClick(page.ui.localTimeButton, Qt.MouseButton.LeftButton)
    assert page.proxy.index(0, TIME).data() == "13:38"


def test_capture_in_utc_view_reads_times_as_utc(
    page: ReviewPage, services: Services, demo_id: PostmortemId, qtbot: QtBot
) -> None:
    page.set_show_utc(True)
    qtbot.keyClicks(page.ui.captureBar.edit, "13:05 noted in UTC")
    qtbot.keyClick(page.ui.captureBar.edit, Qt.Key.Key_Return)
    added = next(e for e in _events(services, demo_id) if e.text == "noted in UTC")
    assert added.occurred_at == datetime(2026, 11, 18, 13, 5, tzinfo=UTC)


def test_filters_narrow_the_table_and_keep_the_count(page: ReviewPage, qtbot: QtBot) -> None:
    combo = page.ui.kindFilterCombo
    combo.setCurrentIndex(combo.findData(EventKind.ALERT))
    combo.activated.emit(combo.currentIndex())
    assert page.proxy.rowCount() == 4
    assert page.ui.countLabel.text().startswith("4 of 40 events")
    first_alert = next(e for e in page.controller.bundle.events if e.kind == EventKind.ALERT)
    assert page.controller.current_event_id == first_alert.id
    assert page.ui.tableView.currentIndex().row() == 0
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    actors = page.ui.actorFilterCombo
    assert actors.findText("Dana Kowalski") > 0
    qtbot.keyClicks(page.ui.searchEdit, "pool")
    assert 0 < page.proxy.rowCount() < 40
    assert all(
        "pool" in page.proxy.index(r, TEXT).data().lower() for r in range(page.proxy.rowCount())
    )


def test_the_gap_threshold_setting_is_followed(page: ReviewPage, services: Services) -> None:
    services.settings.set("gap_threshold_minutes", 10)
    assert page.model.gap_count > 2
    assert "over 10 min" in page.ui.countLabel.text()


def test_free_text_editors_are_declared_to_the_coach(page: ReviewPage) -> None:
    declared = set(map(id, page.text_editors))
    for editor in (
        page.ui.captureBar.edit,
        page.ui.detailPanel.text_edit,
        page.ui.detailPanel.annotation_edit,
        page.add_dialog.text_edit,
    ):
        assert id(editor) in declared


def test_an_empty_timeline_says_how_to_start(
    main_window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    fresh = services.postmortems.create(title="Queue backlog")
    main_window.open_postmortem(fresh.id or 0)
    assert main_window.controller is not None
    main_window.controller.go_to_step(MeetingStep.REVIEW)
    assert main_window.meeting_view is not None
    review = main_window.meeting_view.page_by_step[MeetingStep.REVIEW]
    assert isinstance(review, ReviewPage)
    qtbot.waitUntil(review.ui.emptyLabel.isVisible)
    assert not review.ui.tableView.isVisible()
    edit = review.ui.captureBar.edit
    qtbot.keyClicks(edit, "later")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "select an event" in review.ui.captureBar.feedback_label.text()
