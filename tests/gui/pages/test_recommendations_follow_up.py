"""Recommendations, Follow-up and the parking lot, driven through their widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from postmortem_desk.domain.enums import (
    ActionStatus,
    LessonKind,
    MeetingStep,
    PostmortemStatus,
    Priority,
)
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.dialogs.finish_dialog import FinishMeetingDialog
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.pages.follow_up_page import FollowUpPage
from postmortem_desk.gui.pages.recommendations_page import RecommendationsPage
from postmortem_desk.gui.recommendations.action_model import ActionItemsModel
from postmortem_desk.services.registry import Services


def _open(main_window: MainWindow, demo_id: PostmortemId, step: MeetingStep):  # type: ignore[no-untyped-def]
    main_window.open_postmortem(demo_id)
    assert main_window.controller is not None
    assert main_window.meeting_view is not None
    main_window.controller.go_to_step(step)
    return main_window.meeting_view.page_by_step[step]


def test_action_model_passes_the_model_tester(
    qtmodeltester, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    model = ActionItemsModel()
    bundle = services.postmortems.load(demo_id)
    model.set_items(bundle.actions, {n.id or 0: n for n in bundle.why_nodes if n.is_factor})
    qtmodeltester.check(model)


def test_add_edit_and_undo_an_action_item(
    qtbot, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    page = _open(main_window, demo_id, MeetingStep.RECOMMENDATIONS)
    assert isinstance(page, RecommendationsPage)
    new_id = page.add_item()
    assert page.ui.titleEdit.hasFocus() or page.ui.titleEdit.isVisible()
    page.ui.titleEdit.selectAll()
    qtbot.keyClicks(page.ui.titleEdit, "Alert when the pool stays above 90 % for 3 minutes")
    qtbot.keyClick(page.ui.titleEdit, Qt.Key.Key_Return)
    saved = next(a for a in services.actions.list_for(demo_id) if a.id == new_id)
    assert saved.title == "Alert when the pool stays above 90 % for 3 minutes"
    assert saved.due_date is not None
    page.ui.priorityCombo.setCurrentIndex(page.ui.priorityCombo.findData(Priority.P0))
    page.ui.priorityCombo.activated.emit(page.ui.priorityCombo.currentIndex())
    assert (
        next(a for a in services.actions.list_for(demo_id) if a.id == new_id).priority
        == Priority.P0
    )
    main_window.undo_group.undo()
    assert (
        next(a for a in services.actions.list_for(demo_id) if a.id == new_id).priority
        == Priority.P1
    )
    main_window.undo_group.undo()
    main_window.undo_group.undo()
    assert all(a.id != new_id for a in services.actions.list_for(demo_id))
    main_window.undo_group.redo()
    assert any(a.id == new_id for a in services.actions.list_for(demo_id))


def test_wont_do_waits_for_a_reason(
    qtbot, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    page = _open(main_window, demo_id, MeetingStep.RECOMMENDATIONS)
    item = page.selected_item()
    assert item is not None
    combo = page.ui.statusCombo
    combo.setCurrentIndex(combo.findData(ActionStatus.WONT_DO))
    combo.activated.emit(combo.currentIndex())
    assert services.actions.list_for(demo_id)[0].status == ActionStatus.OPEN
    assert page.ui.reasonEdit.isEnabled()
    qtbot.keyClicks(page.ui.reasonEdit, "Covered by the platform migration in Q1")
    qtbot.keyClick(page.ui.reasonEdit, Qt.Key.Key_Return)
    saved = services.actions.list_for(demo_id)[0]
    assert saved.status == ActionStatus.WONT_DO
    assert saved.wont_do_reason == "Covered by the platform migration in Q1"


def test_quality_checks_flag_a_vague_item(
    main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:
    page = _open(main_window, demo_id, MeetingStep.RECOMMENDATIONS)
    page.add_item(title="Be more careful")
    assert "wish" in page.ui.checksLabel.text()
    assert "need attention" in page.ui.itemsHint.text()


def test_parking_lot_item_becomes_an_action(
    main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:
    page = _open(main_window, demo_id, MeetingStep.RECOMMENDATIONS)
    before = len(services.actions.list_for(demo_id))
    page.ui.parkingList.setCurrentRow(0)
    page.ui.parkingToActionButton.click()
    actions = services.actions.list_for(demo_id)
    assert len(actions) == before + 1
    assert actions[-1].title.startswith("Should the status page")


def test_parking_lot_from_any_step_with_ctrl_l(
    qtbot, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, demo_id, MeetingStep.REVIEW)
    view = main_window.meeting_view
    assert view is not None
    dialog = view.open_parking_lot()
    qtbot.keyClicks(dialog.text_edit, "Ask billing about retry limits")
    dialog.private_check.setChecked(True)
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return)
    parked = services.postmortems.load(demo_id).parking_lot
    assert parked[-1].text == "Ask billing about retry limits"
    assert parked[-1].is_private
    assert parked[-1].raised_at_step == MeetingStep.REVIEW
    assert "Parking lot (3)" in view.parking_button.text()
    dialog.close()


def test_lessons_are_added_edited_and_deleted(
    qtbot, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    page = _open(main_window, demo_id, MeetingStep.FOLLOW_UP)
    assert isinstance(page, FollowUpPage)
    qtbot.keyClicks(page.ui.gotLuckyEdit, "The on-call had just finished the migration runbook")
    qtbot.keyClick(page.ui.gotLuckyEdit, Qt.Key.Key_Return)
    lucky = services.postmortems.load(demo_id).lessons_of(LessonKind.GOT_LUCKY)
    assert lucky[-1].text == "The on-call had just finished the migration runbook"
    model = page.lesson_models[LessonKind.GOT_LUCKY]
    model.setData(model.index(0, 0), "The incident began after the lunchtime peak")
    assert (
        services.postmortems.load(demo_id)
        .lessons_of(LessonKind.GOT_LUCKY)[0]
        .text.startswith("The incident began")
    )
    view = page.lesson_views[LessonKind.GOT_LUCKY]
    view.setCurrentIndex(model.index(0, 0))
    page.delete_selected_lesson(LessonKind.GOT_LUCKY)
    assert len(services.postmortems.load(demo_id).lessons_of(LessonKind.GOT_LUCKY)) == 2
    main_window.undo_group.undo()
    assert len(services.postmortems.load(demo_id).lessons_of(LessonKind.GOT_LUCKY)) == 3


def test_finish_meeting_with_gaps_needs_a_reason(
    qtbot, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    page = _open(main_window, demo_id, MeetingStep.FOLLOW_UP)

    def answer() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, FinishMeetingDialog) and w.isVisible()
        )
        assert dialog.missing_list.count() >= 1
        assert not dialog.finish_button.isEnabled()
        qtbot.keyClicks(dialog.reason_edit, "Owner sets the review date on Friday")
        assert dialog.finish_button.isEnabled()
        dialog.finish_button.click()

    QTimer.singleShot(50, answer)
    assert page.finish_meeting()
    postmortem = services.postmortems.get(demo_id)
    assert postmortem.status == PostmortemStatus.MEETING_HELD
    assert postmortem.finish_override_reason == "Owner sets the review date on Friday"


def test_ctrl_n_in_recommendations_adds_an_action_not_a_postmortem(
    qtbot,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    page = _open(main_window, demo_id, MeetingStep.RECOMMENDATIONS)
    before = len(services.actions.list_for(demo_id))
    page.ui.tableView.setFocus()
    qtbot.keyClick(page.ui.tableView, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(services.actions.list_for(demo_id)) == before + 1)
    assert len(services.postmortems.list_summaries()) == 1
