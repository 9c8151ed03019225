"""The language coach inside the meeting: squiggles, the findings panel, ignoring, privacy."""

from __future__ import annotations

from PySide6.QtCore import Qt

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.pages.recommendations_page import RecommendationsPage
from postmortem_desk.gui.pages.review_page import ReviewPage
from postmortem_desk.services.registry import Services


def _meeting(main_window: MainWindow, demo_id: PostmortemId, step: MeetingStep):  # type: ignore[no-untyped-def]
    main_window.open_postmortem(demo_id)
    view = main_window.meeting_view
    controller = main_window.controller
    assert view is not None
    assert controller is not None
    controller.go_to_step(step)
    return view, controller


def test_every_registered_editor_is_coached(main_window: MainWindow, demo_id: PostmortemId) -> None:
    view, _controller = _meeting(main_window, demo_id, MeetingStep.PREPARE)
    editors = [editor for page in view.page_by_step.values() for editor in page.text_editors]
    assert len(editors) >= 10
    assert all(view.coach_hub.support_for(editor) is not None for editor in editors)


def test_blame_in_the_timeline_is_flagged_and_can_be_ignored(
    qtbot,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    view, controller = _meeting(main_window, demo_id, MeetingStep.REVIEW)
    blamed = next(e for e in controller.bundle.events if "should have checked" in e.text)
    controller.set_current_event(blamed.id or 0)
    page = view.page_by_step[MeetingStep.REVIEW]
    assert isinstance(page, ReviewPage)
    editor = page.ui.detailPanel.text_edit
    support = view.coach_hub.support_for(editor)
    assert support is not None
    qtbot.waitUntil(lambda: bool(support.findings()))
    categories = {f.category for f in support.findings()}
    assert "counterfactual" in categories or "naming_person" in categories
    qtbot.waitUntil(lambda: view.coach_panel.model.rowCount() >= 1)
    assert "Language coach (" in view.coach_button.text()
    finding = support.findings()[0]
    support.ignore(finding)
    assert finding.key in services.postmortems.load(demo_id).ignored_findings
    qtbot.waitUntil(lambda: all(f.key != finding.key for f in support.findings()))


def test_typing_blame_in_an_action_item_is_flagged_with_a_rewrite(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    view, _controller = _meeting(main_window, demo_id, MeetingStep.RECOMMENDATIONS)
    page = view.page_by_step[MeetingStep.RECOMMENDATIONS]
    assert isinstance(page, RecommendationsPage)
    editor = page.ui.descriptionEdit
    editor.setFocus()
    qtbot.keyClicks(editor, "Jonas forgot to release the connection; classic human error.")
    support = view.coach_hub.support_for(editor)
    assert support is not None
    qtbot.waitUntil(lambda: {"human_error"} <= {f.category for f in support.findings()})
    assert all(f.suggestion for f in support.findings())
    view.coach_button.click()
    assert view.coach_panel.isVisible()


def test_the_projector_never_shows_coach_findings(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,  # type: ignore[no-untyped-def]
) -> None:
    view, _controller = _meeting(main_window, demo_id, MeetingStep.FOLLOW_UP)
    view.coach_button.click()
    projector = main_window.open_projector()
    assert projector is not None
    texts = "\n".join(projector.visible_texts())
    assert "Language coach" not in texts
    assert "rethink" not in texts
    assert not projector.findChildren(type(view.coach_panel))


def test_lessons_worded_as_hindsight_are_marked(
    main_window: MainWindow, demo_id: PostmortemId
) -> None:
    from postmortem_desk.domain.enums import LessonKind

    view, _controller = _meeting(main_window, demo_id, MeetingStep.FOLLOW_UP)
    model = view.page_by_step[MeetingStep.FOLLOW_UP].lesson_models[LessonKind.WENT_POORLY]
    flagged = [row for row in range(model.rowCount()) if model.findings_at(row)]
    assert len(flagged) == 1
    assert model.index(flagged[0], 0).data().startswith("Any competent engineer")
    assert "Try:" in model.index(flagged[0], 0).data(Qt.ItemDataRole.ToolTipRole)
