"""The projector follows the facilitator, never shows private content, and is readable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from postmortem_desk.domain.contrast import AAA_NORMAL_TEXT, contrast_ratio
from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.projector.projector_window import ProjectorWindow
from postmortem_desk.gui.projector.theme import PALETTES
from postmortem_desk.services.registry import Services


def _projector(main_window: MainWindow, demo_id: PostmortemId) -> ProjectorWindow:
    main_window.open_postmortem(demo_id)
    projector = main_window.open_projector()
    assert projector is not None
    return projector


def _current_texts(projector: ProjectorWindow) -> list[str]:
    return [
        w.text()
        for w in projector.findChildren(QLabel)
        if w.property("projectorRole") == "currentText"
    ]


def _current_texts(projector: ProjectorWindow) -> list[str]:
    return [
        w.text()
        for w in projector.findChildren(QLabel)
        if w.property("projectorRole") == "currentText"
    ]


def _all_text(projector: ProjectorWindow) -> str:
    return "\n".join(projector.visible_texts())


def test_projector_follows_the_step(main_window: MainWindow, demo_id: PostmortemId) -> None:
    projector = _projector(main_window, demo_id)
    view = main_window.meeting_view
    assert view is not None
    view.rail.buttons[MeetingStep.RECOMMENDATIONS].click()
    assert projector.step_title.text() == "Recommendations"
    assert "Run the migration linter on every changed table" in _all_text(projector)
    view.rail.buttons[MeetingStep.FOLLOW_UP].click()
    assert projector.step_title.text() == "Follow-up"
    assert "The rollback runbook worked first time" in _all_text(projector)


def test_projector_follows_the_current_event(
    qtbot, main_window: MainWindow, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    projector = _projector(main_window, demo_id)
    controller = main_window.controller
    assert controller is not None
    controller.go_to_step(MeetingStep.REVIEW)
    events = controller.bundle.events
    controller.set_current_event(events[20].id or 0)
    assert _current_texts(projector) == [f"{events[20].actor}: {events[20].text}"]
    controller.move_current_event(1)
    assert _current_texts(projector) == [f"{events[21].actor}: {events[21].text}"]


def test_projector_never_shows_private_content(
    qtbot, main_window: MainWindow, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    projector = _projector(main_window, demo_id)
    view = main_window.meeting_view
    assert view is not None
    private_note = services.postmortems.get(demo_id).facilitator_notes
    private_parking = next(
        p.text for p in services.postmortems.load(demo_id).parking_lot if p.is_private
    )
    for step in MeetingStep:
        view.rail.buttons[step].click()
        text = _all_text(projector)
        assert private_note not in text
        assert private_parking not in text
    follow_up = view.page_by_step[MeetingStep.FOLLOW_UP]
    qtbot.keyClicks(follow_up.ui.wentWellEdit, "Draft lesson still being typed")
    assert "Draft lesson still being typed" not in _all_text(projector)
    qtbot.keyClick(follow_up.ui.wentWellEdit, Qt.Key.Key_Return)
    assert "Draft lesson still being typed" in _all_text(projector)


def test_anonymised_mode_shows_roles_instead_of_names(
    main_window: MainWindow, demo_id: PostmortemId
) -> None:
    projector = _projector(main_window, demo_id)
    controller = main_window.controller
    assert controller is not None
    controller.go_to_step(MeetingStep.ROLES)
    assert "Marcus Lee" in _all_text(projector)
    main_window.anonymise_action.setChecked(True)
    text = _all_text(projector)
    assert "Marcus Lee" not in text
    assert "Incident commander" in text
    controller.go_to_step(MeetingStep.REVIEW)
    assert "Dana" not in _all_text(projector)


def test_blank_and_freeze(qtbot, main_window: MainWindow, demo_id: PostmortemId) -> None:  # type: ignore[no-untyped-def]
    projector = _projector(main_window, demo_id)
    controller = main_window.controller
    assert controller is not None
    qtbot.keyClick(projector, Qt.Key.Key_B)
    assert projector.stack_outer.currentWidget() is projector.blank_page
    qtbot.keyClick(projector, Qt.Key.Key_B)
    assert projector.stack_outer.currentWidget() is projector.content
    controller.go_to_step(MeetingStep.ROLES)
    qtbot.keyClick(projector, Qt.Key.Key_F)
    controller.go_to_step(MeetingStep.WHYS)
    assert projector.step_title.text() == "Roles"
    qtbot.keyClick(projector, Qt.Key.Key_F)
    assert projector.step_title.text() == "Five whys"
    main_window.blank_action.setChecked(True)
    assert projector.blank


def test_every_text_colour_reaches_aaa_contrast() -> None:
    for palette in PALETTES.values():
        for name, foreground, background in palette.text_pairs():
            ratio = contrast_ratio(foreground, background)
            assert ratio >= AAA_NORMAL_TEXT, f"{palette.name}: {name} is {ratio:.2f}:1"


def test_type_is_large_enough_at_1080p(main_window: MainWindow, demo_id: PostmortemId) -> None:
    projector = _projector(main_window, demo_id)
    projector.resize(1920, 1080)
    controller = main_window.controller
    assert controller is not None
    for step in MeetingStep:
        controller.go_to_step(step)
        labels = [w for w in projector.findChildren(QLabel) if w.isVisible() and w.text()]
        assert labels
        for widget in labels:
            assert widget.fontInfo().pixelSize() >= 28, (
                widget.property("projectorRole"),
                widget.text(),
            )
    assert projector.step_title.fontInfo().pixelSize() >= 48
    projector.resize(1280, 720)
    assert projector.step_title.fontInfo().pixelSize() < 48
