"""The Roles step driven through its widgets: role lists, adding a person, the opening script."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import shiboken6
from PySide6.QtCore import Qt

from postmortem_desk.domain.enums import RoleKind
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.change_relay import ChangeRelay
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.pages.roles_page import RolesPage
from postmortem_desk.services.registry import Services
from postmortem_desk.services.settings import DEFAULT_GROUND_RULES


@pytest.fixture
def page(qtbot, controller: PostmortemController) -> Iterator[RolesPage]:  # type: ignore[no-untyped-def]
    """The Roles page over the demo postmortem, shown; deleted afterwards."""
    roles = RolesPage(controller)
    qtbot.addWidget(roles)
    roles.resize(1000, 760)
    roles.show()
    qtbot.waitExposed(roles)
    yield roles
    roles.close()
    shiboken6.delete(roles)


def _holders(services: Services, demo_id: PostmortemId, role: RoleKind) -> list[str]:
    return [p.name for p in services.postmortems.load(demo_id).people_in_role(role)]


def test_lists_show_who_holds_each_role(page: RolesPage) -> None:
    assert page.ui.facilitatorCombo.currentText() == "Priya Raman  ·  SRE"
    assert page.ui.ownerCombo.currentData() == "Dana Kowalski"
    assert page.ui.incidentCommanderCombo.currentData() == "Marcus Lee"
    combo = page.ui.noteTakerCombo
    assert combo.itemText(0) == "Nobody yet"
    assert combo.itemText(combo.count() - 1) == "Add a person…"
    assert not page.ui.conflictLabel.isVisible()


def test_facilitator_who_was_incident_commander_is_warned_and_undo_clears_it(
    qtbot, page: RolesPage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    combo = page.ui.facilitatorCombo
    combo.setFocus()
    qtbot.keyClicks(combo, "Marcus")
    assert _holders(services, demo_id, RoleKind.FACILITATOR) == ["Marcus Lee"]
    label = page.ui.conflictLabel
    assert label.isVisible()
    assert label.property("role") == "warning"
    assert "Marcus Lee is the facilitator and also the incident commander" in label.text()
    page.controller.undo_stack.undo()
    assert _holders(services, demo_id, RoleKind.FACILITATOR) == ["Priya Raman"]
    assert not label.isVisible()
    assert combo.currentData() == "Priya Raman"


def test_facilitator_who_owns_the_review_is_warned(
    qtbot, page: RolesPage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    combo = page.ui.facilitatorCombo
    combo.setFocus()
    qtbot.keyClicks(combo, "Dana")
    assert "also the postmortem owner" in page.ui.conflictLabel.text()
    assert page.ui.conflictLabel.isVisible()


def test_nobody_clears_a_role(
    qtbot, page: RolesPage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    combo = page.ui.communicationsLeadCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert _holders(services, demo_id, RoleKind.COMMUNICATIONS_LEAD) == []
    assert combo.currentText() == "Nobody yet"


def test_add_a_person_inline_gives_them_the_role_in_one_undoable_step(
    qtbot, page: RolesPage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    combo = page.ui.noteTakerCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert page.ui.addPersonFrame.isVisible()
    assert page.ui.newNameEdit.hasFocus()
    assert "note-taker" in page.ui.addPersonTitle.text()
    assert _holders(services, demo_id, RoleKind.NOTE_TAKER) == ["Sam Okafor"]
    assert combo.currentData() == "Sam Okafor"
    qtbot.keyClicks(page.ui.newNameEdit, "Rui Costa")
    qtbot.keyClicks(page.ui.newTeamEdit, "Payments")
    qtbot.keyClick(page.ui.newTeamEdit, Qt.Key.Key_Return)
    assert not page.ui.addPersonFrame.isVisible()
    assert _holders(services, demo_id, RoleKind.NOTE_TAKER) == ["Rui Costa"]
    assert combo.currentData() == "Rui Costa"
    assert combo.hasFocus()
    rui_id = page.people.id_of("Rui Costa")
    stack = page.controller.undo_stack
    assert stack.undoText() == "Add Rui Costa as note-taker"
    stack.undo()
    assert _holders(services, demo_id, RoleKind.NOTE_TAKER) == ["Sam Okafor"]
    assert "Rui Costa" not in services.postmortems.load(demo_id).participant_names()
    stack.redo()
    assert _holders(services, demo_id, RoleKind.NOTE_TAKER) == ["Rui Costa"]
    assert page.people.id_of("Rui Costa") == rui_id


def test_escape_cancels_adding_and_a_taken_name_is_refused(
    qtbot, page: RolesPage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    combo = page.ui.technicalLeadCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    qtbot.keyClicks(page.ui.newNameEdit, "Priya Raman")
    qtbot.keyClick(page.ui.newNameEdit, Qt.Key.Key_Return)
    assert page.ui.addPersonFrame.isVisible()
    assert "already on the list" in page.ui.addPersonTitle.text()
    qtbot.keyClick(page.ui.newNameEdit, Qt.Key.Key_Escape)
    assert not page.ui.addPersonFrame.isVisible()
    assert combo.hasFocus()
    assert len(services.postmortems.load(demo_id).participants) == 7
    assert page.controller.undo_stack.count() == 0


def test_script_shows_the_default_ground_rules_in_large_type(page: RolesPage) -> None:
    text = page.ui.scriptView.text()
    for rule in DEFAULT_GROUND_RULES:
        assert rule.split(":")[0].split(",")[0] in text
    assert "font-size: 15pt" in text
    assert not page.ui.resetScriptButton.isEnabled()
    assert page.ui.scriptEdit in page.text_editors


def test_edit_the_ground_rules_for_the_organisation_then_reset_and_undo(
    qtbot, page: RolesPage, services: Services, relay: ChangeRelay
) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    qtbot.mouseClick(ui.editScriptButton, Qt.MouseButton.LeftButton)
    assert ui.scriptStack.currentWidget() is ui.editPage
    assert ui.scriptEdit.hasFocus()
    ui.scriptEdit.selectAll()
    qtbot.keyClicks(ui.scriptEdit, "1. Blameless, always.")
    qtbot.keyClick(ui.scriptEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(ui.scriptEdit, "Say pineapple to move on.")
    qtbot.waitUntil(
        lambda: (
            services.settings.get("ground_rules")
            == ["Blameless, always.", "Say pineapple to move on."]
        ),
        timeout=3000,
    )
    qtbot.mouseClick(ui.editScriptButton, Qt.MouseButton.LeftButton)
    assert ui.scriptStack.currentWidget() is ui.readPage
    assert "pineapple" in ui.scriptView.text()
    assert ui.resetScriptButton.isEnabled()

    other = services.postmortems.create(title="Another incident")
    assert other.id is not None
    other_controller = PostmortemController(services, relay, other.id)
    other_page = RolesPage(other_controller)
    qtbot.addWidget(other_page)
    assert "pineapple" in other_page.ui.scriptView.text()

    qtbot.mouseClick(ui.resetScriptButton, Qt.MouseButton.LeftButton)
    assert services.settings.get("ground_rules") == DEFAULT_GROUND_RULES
    assert "pineapple" not in ui.scriptView.text()
    page.controller.undo_stack.undo()
    assert services.settings.get("ground_rules") == [
        "Blameless, always.",
        "Say pineapple to move on.",
    ]
    page.controller.undo_stack.undo()
    assert services.settings.get("ground_rules") == DEFAULT_GROUND_RULES
    other_controller.close()
    shiboken6.delete(other_page)


def test_an_empty_script_keeps_the_rules(qtbot, page: RolesPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    qtbot.mouseClick(ui.editScriptButton, Qt.MouseButton.LeftButton)
    ui.scriptEdit.selectAll()
    qtbot.keyClick(ui.scriptEdit, Qt.Key.Key_Delete)
    qtbot.keyClick(ui.scriptEdit, Qt.Key.Key_Tab)
    assert services.settings.get("ground_rules") == DEFAULT_GROUND_RULES
    assert page.controller.undo_stack.count() == 0


@pytest.fixture
def shown_window(main_window, demo_id: PostmortemId):  # type: ignore[no-untyped-def]
    """The main window with the demo meeting open."""
    main_window.open_postmortem(demo_id)
    return main_window


def test_ctrl_z_in_the_window_undoes_a_role_change(
    qtbot, shown_window, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    from postmortem_desk.domain.enums import MeetingStep

    controller = shown_window.controller
    controller.go_to_step(MeetingStep.ROLES)
    page = shown_window.meeting_view.page_by_step[MeetingStep.ROLES]
    assert page.ui.facilitatorCombo.hasFocus()
    qtbot.keyClicks(page.ui.facilitatorCombo, "Lena")
    assert _holders(services, demo_id, RoleKind.FACILITATOR) == ["Lena Fischer"]
    qtbot.keyClick(page.ui.facilitatorCombo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _holders(services, demo_id, RoleKind.FACILITATOR) == ["Priya Raman"]
