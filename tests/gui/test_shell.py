"""The GUI shell: the library, opening a meeting, the step rail, the timer and undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from postmortem_desk import __version__
from postmortem_desk.domain.enums import MeetingStep, Severity
from postmortem_desk.domain.meeting_clock import TimerLevel
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.services.registry import Services


def test_library_lists_postmortems_with_counts(
    main_window: MainWindow, demo_id: PostmortemId
) -> None:
    page = main_window.library_page
    page.refresh()
    assert page.model.rowCount() == 1
    summary = page.model.summary_at(0)
    assert summary.id == demo_id
    assert summary.event_count == 40
    assert page.ui.tableView.isVisible()
    assert not page.ui.emptyLabel.isVisible()


def test_empty_library_says_how_to_start(main_window: MainWindow) -> None:
    assert main_window.library_page.ui.emptyLabel.isVisible()
    assert "New postmortem" in main_window.library_page.ui.emptyLabel.text()


def test_search_filters_the_library(qtbot, main_window: MainWindow, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.postmortems.create(title="Search indexing lag")
    services.postmortems.create(title="Checkout latency")
    page = main_window.library_page
    page.refresh()
    qtbot.keyClicks(page.ui.searchEdit, "search")
    assert page.proxy.rowCount() == 1


def test_create_rename_delete_are_undoable(main_window: MainWindow, services: Services) -> None:
    new_id = main_window.create_postmortem("Queue backlog", Severity.SEV3)
    assert services.postmortems.get(new_id).severity == Severity.SEV3
    assert services.postmortems.get(new_id).agenda["review"] == 15
    page = main_window.library_page
    page.rename(new_id, "Queue backlog in billing")
    assert services.postmortems.get(new_id).title == "Queue backlog in billing"
    page.delete(new_id)
    assert [s.id for s in services.postmortems.list_summaries()] == []
    assert main_window.undo_banner.isVisible()
    main_window.undo_group.undo()
    assert [s.id for s in services.postmortems.list_summaries()] == [new_id]
    main_window.undo_group.undo()
    assert services.postmortems.get(new_id).title == "Queue backlog"
    main_window.undo_group.redo()
    assert services.postmortems.get(new_id).title == "Queue backlog in billing"


def test_delete_asks_first(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, services: Services
) -> None:  # type: ignore[no-untyped-def]
    page = main_window.library_page
    page.refresh()
    page.select(demo_id)

    def answer_cancel() -> None:
        box = main_window.findChild(QMessageBox)
        assert box is not None
        box.button(QMessageBox.StandardButton.Cancel).click()

    qtbot.waitUntil(lambda: True)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, answer_cancel)
    page.ui.deleteButton.click()
    assert [s.id for s in services.postmortems.list_summaries()] == [demo_id]


def test_open_shows_meeting_at_the_step_where_it_was_left(
    qtbot,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    services.meeting.enter_step(demo_id, step=MeetingStep.WHYS)
    page = main_window.library_page
    page.refresh()
    page.select(demo_id)
    qtbot.keyClick(page.ui.tableView, Qt.Key.Key_Return)
    view = main_window.meeting_view
    assert view is not None
    assert main_window.stack.currentWidget() is view
    assert view.pages.currentWidget() is view.page_by_step[MeetingStep.WHYS]
    assert view.rail.buttons[MeetingStep.WHYS].isChecked()
    assert view.step_label.text() == "4. Five whys"


def test_step_rail_moves_the_meeting_and_starts_the_timer(
    qtbot,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    main_window.open_postmortem(demo_id)
    view = main_window.meeting_view
    assert view is not None
    qtbot.mouseClick(view.rail.buttons[MeetingStep.REVIEW], Qt.MouseButton.LeftButton)
    bundle = services.postmortems.load(demo_id)
    assert bundle.postmortem.current_step == MeetingStep.REVIEW
    assert [log.step for log in bundle.step_logs] == [MeetingStep.REVIEW]
    assert bundle.step_logs[0].ended_at is None
    assert view.timer_widget.pause_button.text() == "Pause"
    qtbot.keyClick(view, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert services.postmortems.get(demo_id).current_step == MeetingStep.WHYS


def test_timer_pause_resume_and_extend(
    main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:
    main_window.open_postmortem(demo_id)
    view = main_window.meeting_view
    controller = main_window.controller
    assert view is not None
    assert controller is not None
    controller.go_to_step(MeetingStep.ROLES)
    view.timer_widget.pause_button.click()
    assert not controller.timer().running
    assert view.timer_widget.pause_button.text() == "Resume"
    view.timer_widget.pause_button.click()
    assert controller.timer().running
    view.timer_widget.extend_button.click()
    assert services.postmortems.get(demo_id).agenda["roles"] == 10
    main_window.undo_group.undo()
    assert services.postmortems.get(demo_id).agenda["roles"] == 5


def test_timer_warns_at_80_percent_and_when_over(
    services: Services,
    relay,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    start = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    now = [start]
    controller = PostmortemController(services, relay, demo_id, clock=lambda: now[0])
    controller.go_to_step(MeetingStep.ROLES)
    now[0] = start + timedelta(minutes=3)
    assert controller.timer().level == TimerLevel.NORMAL
    now[0] = start + timedelta(minutes=4)
    assert controller.timer().level == TimerLevel.WARNING
    now[0] = start + timedelta(minutes=6)
    assert controller.timer().level == TimerLevel.OVER
    assert controller.timer().display() == "+01:00"
    controller.close()


def test_about_box_shows_the_version(main_window: MainWindow) -> None:
    box = main_window.show_about()
    assert __version__ in box.text()
    box.close()


def test_back_returns_to_the_library(main_window: MainWindow, demo_id: PostmortemId) -> None:
    main_window.open_postmortem(demo_id)
    view = main_window.meeting_view
    assert view is not None
    view.back_button.click()
    assert main_window.stack.currentWidget() is main_window.library_page


def test_library_model_passes_the_model_tester_and_sorts(
    qtmodeltester,
    services: Services,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    from postmortem_desk.gui.library.library_model import LibraryFilterModel, LibraryModel

    services.postmortems.create(title="Alpha incident", severity=Severity.SEV3)
    services.postmortems.create(title="Zulu incident", severity=Severity.SEV4)
    model = LibraryModel()
    model.set_summaries(services.postmortems.list_summaries())
    qtmodeltester.check(model)
    proxy = LibraryFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    titles = [proxy.index(row, 1).data() for row in range(proxy.rowCount())]
    assert titles[0] == "Alpha incident"
    assert titles[-1] == "Zulu incident"
    model.set_summaries(services.postmortems.list_summaries())
    assert proxy.index(0, 1).data() == "Alpha incident"
