"""The Prepare step driven through its widgets: facts, key times, evidence, attendees, readiness."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from postmortem_desk.domain.enums import EvidenceKind, MeetingStep, RoleKind
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.change_relay import ChangeRelay
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.pages.prepare_page import PreparePage
from postmortem_desk.gui.widgets.prepare_models import AttendeeModel, EvidenceLinkModel
from postmortem_desk.services.registry import Services

NOW = datetime(2026, 11, 19, 8, 30, 45, tzinfo=UTC)


@pytest.fixture
def meeting(
    services: Services, relay: ChangeRelay, demo_id: PostmortemId
) -> Iterator[PostmortemController]:
    """A controller over the demo postmortem whose clock always says NOW."""
    controller = PostmortemController(services, relay, demo_id, clock=lambda: NOW)
    yield controller
    controller.close()


@pytest.fixture
def page(qtbot, meeting: PostmortemController) -> Iterator[PreparePage]:  # type: ignore[no-untyped-def]
    """The Prepare page, shown; deleted afterwards so later tests do not restyle it."""
    prepare = PreparePage(meeting)
    qtbot.addWidget(prepare)
    prepare.resize(1000, 800)
    prepare.show()
    qtbot.waitExposed(prepare)
    yield prepare
    prepare.close()
    shiboken6.delete(prepare)


def _retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select everything in a line edit, type ``text`` and press Enter."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


# --- facts -----------------------------------------------------------------------------------


def test_title_is_saved_on_enter_and_undo_restores_it(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    old = services.postmortems.get(demo_id).title
    _retype(qtbot, page.ui.titleEdit, "Checkout   outage after a migration")
    assert services.postmortems.get(demo_id).title == "Checkout outage after a migration"
    assert page.ui.titleEdit.text() == "Checkout outage after a migration"
    page.controller.undo_stack.undo()
    assert services.postmortems.get(demo_id).title == old
    assert page.ui.titleEdit.text() == old


def test_an_empty_title_is_refused_and_put_back(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    old = services.postmortems.get(demo_id).title
    _retype(qtbot, page.ui.titleEdit, "")
    assert services.postmortems.get(demo_id).title == old
    assert page.ui.titleEdit.text() == old
    assert page.ui.messageLabel.isVisible()
    assert "needs a title" in page.ui.messageLabel.text()
    assert page.controller.undo_stack.count() == 0


def test_key_and_services_are_saved(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    _retype(qtbot, page.ui.keyEdit, "INC-7")
    _retype(qtbot, page.ui.servicesEdit, "checkout; payments,checkout ,  #search")
    pm = services.postmortems.get(demo_id)
    assert pm.incident_key == "INC-7"
    assert pm.services == ["checkout", "payments", "search"]
    assert page.ui.servicesEdit.text() == "checkout, payments, search"


def test_summary_is_saved_after_a_pause_and_undo_restores_it(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    old = services.postmortems.get(demo_id).summary
    editor = page.ui.summaryEdit
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Retries made it worse.")
    assert services.postmortems.get(demo_id).summary == old
    qtbot.waitUntil(
        lambda: services.postmortems.get(demo_id).summary.endswith("Retries made it worse."),
        timeout=3000,
    )
    assert page.controller.undo_stack.count() == 1
    page.controller.undo_stack.undo()
    assert services.postmortems.get(demo_id).summary == old
    assert editor.toPlainText() == old


def test_impact_is_saved_when_focus_leaves(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    editor = page.ui.impactEdit
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Checkout failed for most customers.")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert services.postmortems.get(demo_id).impact == "Checkout failed for most customers."


def test_impact_numbers_are_saved_and_unknown_clears_them(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    spin = page.ui.usersSpin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "5000")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert services.postmortems.get(demo_id).users_affected == 5000
    tickets = page.ui.ticketsSpin
    tickets.setFocus()
    tickets.selectAll()
    qtbot.keyClicks(tickets, "0")
    qtbot.keyClick(tickets, Qt.Key.Key_Return)
    qtbot.keyClick(tickets, Qt.Key.Key_Down)
    assert services.postmortems.get(demo_id).support_tickets is None
    assert tickets.text() == "Unknown"
    page.controller.undo_stack.undo()
    assert services.postmortems.get(demo_id).support_tickets == 0


def test_severity_is_chosen_with_the_keyboard(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    combo = page.ui.severityCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert services.postmortems.get(demo_id).severity.value == "SEV2"
    assert page.ui.severityHint.text().startswith("a core feature down")
    page.controller.undo_stack.undo()
    assert services.postmortems.get(demo_id).severity.value == "SEV1"
    assert combo.currentText().startswith("SEV1")


def test_text_editors_are_declared_to_the_coach(page: PreparePage) -> None:
    ui = page.ui
    assert {ui.titleEdit, ui.summaryEdit, ui.impactEdit, ui.notesEdit} <= set(page.text_editors)


def test_private_notes_are_saved(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    assert page.ui.privateBadge.text() == "Only you see this"
    editor = page.ui.notesEdit
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Thank the on-call first.")
    qtbot.waitUntil(
        lambda: services.postmortems.get(demo_id).facilitator_notes == "Thank the on-call first.",
        timeout=3000,
    )


# --- key times -------------------------------------------------------------------------------


def test_a_time_typed_in_the_incident_zone_is_stored_in_utc(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    assert page.ui.startedEdit.text() == "2026-11-18 13:47"
    assert page.ui.detectValue.text() == "5 min"
    edit = page.ui.startedEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "13:32")
    assert page.ui.detectValue.text() == "20 min"  # live, before saving
    assert services.postmortems.get(demo_id).started_at == datetime(
        2026, 11, 18, 12, 47, tzinfo=UTC
    )
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert services.postmortems.get(demo_id).started_at == datetime(
        2026, 11, 18, 12, 32, tzinfo=UTC
    )
    assert edit.text() == "2026-11-18 13:32"
    assert page.ui.startedUtcLabel.text() == "12:32 UTC"
    page.controller.undo_stack.undo()
    assert services.postmortems.get(demo_id).started_at == datetime(
        2026, 11, 18, 12, 47, tzinfo=UTC
    )
    assert page.ui.detectValue.text() == "5 min"


def test_now_button_and_typing_now_use_the_current_minute(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.ui.resolvedNowButton, Qt.MouseButton.LeftButton)
    assert services.postmortems.get(demo_id).resolved_at == NOW.replace(second=0)
    assert page.ui.resolvedEdit.text() == "2026-11-19 09:30"
    _retype(qtbot, page.ui.mitigatedEdit, "now")
    assert services.postmortems.get(demo_id).mitigated_at == NOW.replace(second=0)


def test_out_of_order_milestones_are_warned_about(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    assert not page.ui.orderWarningLabel.isVisible()
    _retype(qtbot, page.ui.detectedEdit, "2026-11-18 13:40")
    assert page.ui.orderWarningLabel.isVisible()
    assert "Detected (2026-11-18 13:40) is before started" in page.ui.orderWarningLabel.text()
    assert page.ui.detectValue.text() == "-7 min"


def test_a_bad_time_is_refused_with_a_message(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    before = services.postmortems.get(demo_id).acknowledged_at
    _retype(qtbot, page.ui.acknowledgedEdit, "quarter past two")
    assert services.postmortems.get(demo_id).acknowledged_at == before
    assert page.ui.messageLabel.isVisible()
    assert "YYYY-MM-DD HH:MM" in page.ui.messageLabel.text()
    _retype(qtbot, page.ui.acknowledgedEdit, "")
    assert services.postmortems.get(demo_id).acknowledged_at is None
    assert not page.ui.messageLabel.isVisible()
    assert page.ui.acknowledgeValue.text() == "\u2014"


def test_changing_the_zone_keeps_the_instants_and_shows_them_anew(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    started = services.postmortems.get(demo_id).started_at
    combo = page.ui.zoneCombo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    pm = services.postmortems.get(demo_id)
    assert pm.incident_utc_offset_minutes == 120
    assert pm.started_at == started
    assert page.ui.startedEdit.text() == "2026-11-18 14:47"
    page.controller.undo_stack.undo()
    assert page.ui.startedEdit.text() == "2026-11-18 13:47"


# --- meeting date ----------------------------------------------------------------------------


def test_a_late_meeting_is_hinted_and_the_deadline_is_a_setting(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    assert page.ui.lateLabel.text().startswith("On time: 2 days after resolution")
    _retype(qtbot, page.ui.meetingEdit, "2026-11-25 10:00")
    assert services.postmortems.get(demo_id).meeting_date == datetime(
        2026, 11, 25, 9, 0, tzinfo=UTC
    )
    assert page.ui.lateLabel.property("role") == "warning"
    assert "4 days later than usual" in page.ui.lateLabel.text()
    assert "4 days late" in page.ui.readinessSummaryLabel.text()
    services.settings.set("meeting_deadline_days", {"SEV1": 10})
    assert page.ui.lateLabel.property("role") == "success"
    assert "within 10 calendar days" in page.ui.lateLabel.text()


# --- evidence --------------------------------------------------------------------------------


class UrlCatcher(QObject):
    """Receive the links the page asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        """Remember ``url`` instead of starting a browser."""
        self.opened.append(url.toString())


@pytest.fixture
def url_catcher() -> Iterator[UrlCatcher]:
    """Route http and https links to a catcher for the length of a test."""
    catcher = UrlCatcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open_url")
    yield catcher
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_add_a_link_then_undo_and_redo_keep_its_id(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    ui.linkTitleEdit.setFocus()
    qtbot.keyClicks(ui.linkTitleEdit, "Error logs")
    qtbot.keyClick(ui.linkTitleEdit, Qt.Key.Key_Return)
    assert ui.linkUrlEdit.hasFocus()
    ui.linkKindCombo.setCurrentIndex(ui.linkKindCombo.findData(EvidenceKind.LOGS.value))
    qtbot.keyClicks(ui.linkUrlEdit, "logs.example.com/search?q=orders")
    qtbot.keyClick(ui.linkUrlEdit, Qt.Key.Key_Return)
    links = services.postmortems.load(demo_id).evidence_links
    added = links[-1]
    assert (added.title, added.url, added.kind) == (
        "Error logs",
        "https://logs.example.com/search?q=orders",
        EvidenceKind.LOGS,
    )
    assert ui.linkTitleEdit.text() == ""
    assert ui.linkTitleEdit.hasFocus()
    assert page.evidence_model.rowCount() == 5
    page.controller.undo_stack.undo()
    assert len(services.postmortems.load(demo_id).evidence_links) == 4
    page.controller.undo_stack.redo()
    assert services.postmortems.load(demo_id).evidence_links[-1].id == added.id


def test_a_link_that_cannot_open_is_refused(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    ui.linkUrlEdit.setFocus()
    qtbot.keyClicks(ui.linkUrlEdit, "ftp://files.example.com/dump")
    qtbot.keyClick(ui.linkUrlEdit, Qt.Key.Key_Return)
    assert len(services.postmortems.load(demo_id).evidence_links) == 4
    assert "must start with http://" in ui.messageLabel.text()


def test_enter_and_the_open_button_open_the_link_in_the_browser(
    qtbot, page: PreparePage, url_catcher: UrlCatcher
) -> None:  # type: ignore[no-untyped-def]
    table = page.ui.evidenceTable
    table.setFocus()
    table.setCurrentIndex(page.evidence_model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert url_catcher.opened == ["https://grafana.example.com/d/orders-db"]
    qtbot.mouseClick(page.ui.openLinkButton, Qt.MouseButton.LeftButton)
    assert url_catcher.opened[-1] == "https://grafana.example.com/d/orders-db"


def test_delete_removes_a_link_and_undo_brings_it_back(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    table = page.ui.evidenceTable
    first = services.postmortems.load(demo_id).evidence_links[0]
    table.setFocus()
    table.setCurrentIndex(page.evidence_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert services.postmortems.load(demo_id).evidence_links[0].id != first.id
    page.controller.undo_stack.undo()
    restored = services.postmortems.load(demo_id).evidence_links[0]
    assert (restored.id, restored.title, restored.url) == (first.id, first.title, first.url)


def test_the_tables_pass_the_model_tester(qtmodeltester, page: PreparePage) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.evidence_model)
    qtmodeltester.check(page.attendee_model)
    qtmodeltester.check(EvidenceLinkModel())
    qtmodeltester.check(AttendeeModel())


# --- attendees -------------------------------------------------------------------------------


def test_add_invite_and_undo_a_person(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    ui.personNameEdit.setFocus()
    qtbot.keyClicks(ui.personNameEdit, "Rui Costa")
    qtbot.keyClicks(ui.personTeamEdit, "Payments")
    qtbot.keyClick(ui.personTeamEdit, Qt.Key.Key_Return)

    def rui():  # type: ignore[no-untyped-def]
        people = services.postmortems.load(demo_id).participants
        return next((p for p in people if p.name == "Rui Costa"), None)

    assert rui() is not None
    rui_id = rui().id
    assert rui().team == "Payments"
    assert not rui().invited
    assert "8 people · 7 invited" in ui.attendeesHint.text()
    table = ui.attendeesTable
    assert table.currentIndex().data() is None or table.currentIndex().row() == 7
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert rui().invited
    stack = page.controller.undo_stack
    stack.undo()
    assert not rui().invited
    stack.undo()
    assert rui() is None
    stack.redo()
    stack.redo()
    assert rui() is not None
    assert rui().id == rui_id
    assert rui().invited


def test_a_name_already_on_the_list_is_refused(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    ui = page.ui
    ui.personNameEdit.setFocus()
    qtbot.keyClicks(ui.personNameEdit, "marcus lee")
    qtbot.keyClick(ui.personNameEdit, Qt.Key.Key_Return)
    assert len(services.postmortems.load(demo_id).participants) == 7
    assert "already on the list" in ui.messageLabel.text()


def test_removing_a_person_is_undone_with_their_roles(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    table = page.ui.attendeesTable
    row = page.attendee_model.row_of("Dana Kowalski")
    dana_id = page.attendee_model.person_at(row).id
    table.setFocus()
    table.setCurrentIndex(page.attendee_model.index(row, 1))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    bundle = services.postmortems.load(demo_id)
    assert "Dana Kowalski" not in bundle.participant_names()
    assert not bundle.people_in_role(RoleKind.OWNER)
    assert page.readiness_rows["owner_named"].fix_button.isVisibleTo(page)
    page.controller.undo_stack.undo()
    bundle = services.postmortems.load(demo_id)
    assert [p.name for p in bundle.people_in_role(RoleKind.OWNER)] == ["Dana Kowalski"]
    assert [p.name for p in bundle.people_in_role(RoleKind.TECHNICAL_LEAD)] == ["Dana Kowalski"]
    dana = next(p for p in bundle.participants if p.name == "Dana Kowalski")
    assert dana.id == dana_id
    assert dana.invited
    assert dana.team == "Orders"


def test_edits_made_before_a_removal_still_undo_on_the_restored_person(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    table = page.ui.attendeesTable
    row = page.attendee_model.row_of("Dana Kowalski")
    dana_id = page.attendee_model.person_at(row).id
    table.setFocus()
    table.setCurrentIndex(page.attendee_model.index(row, 1))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    stack = page.controller.undo_stack
    stack.undo()
    stack.undo()

    def dana():  # type: ignore[no-untyped-def]
        people = services.postmortems.load(demo_id).participants
        return next(p for p in people if p.name == "Dana Kowalski")

    assert dana().id == dana_id
    assert dana().invited
    stack.redo()
    stack.redo()
    assert "Dana Kowalski" not in services.postmortems.load(demo_id).participant_names()
    stack.undo()
    assert dana().id == dana_id
    assert not dana().invited


def test_suggest_from_timeline_offers_people_not_bots(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 11, 18, 13, 0, tzinfo=UTC)
    for minute, actor in enumerate(["Kim Novak", "deploy-bot", "Kim Novak", "Grafana"]):
        services.timeline.add_event(
            demo_id, occurred_at=at + timedelta(minutes=minute), text="x", actor=actor
        )
    qtbot.mouseClick(page.ui.suggestButton, Qt.MouseButton.LeftButton)
    assert page.ui.suggestionsFrame.isVisible()
    buttons = page._suggestion_buttons
    assert [b.accessibleName() for b in buttons] == ["Add Kim Novak as an attendee"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert "Kim Novak" in services.postmortems.load(demo_id).participant_names()
    QApplication.processEvents()
    assert page._suggestion_buttons == []
    assert page.ui.suggestionsLabel.text().startswith("Everyone who acts in the timeline")


# --- readiness -------------------------------------------------------------------------------


def test_ticking_the_pre_read_is_saved_and_undoable(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    toggle = page.readiness_rows["pre_read_shared"].check
    assert toggle.isChecked()
    assert page.ui.readinessSummaryLabel.text().startswith("Ready for the meeting")
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert services.postmortems.get(demo_id).checklist["pre_read_shared"] is False
    assert not toggle.isChecked()
    assert page.ui.readinessSummaryLabel.text().startswith("5 of 6 readiness checks done")
    assert "Pre-read shared" in page.ui.readinessSummaryLabel.text()
    page.controller.undo_stack.undo()
    assert services.postmortems.get(demo_id).checklist["pre_read_shared"] is True
    assert toggle.isChecked()


def test_readiness_fix_opens_the_step_that_fixes_it(
    qtbot, page: PreparePage, services: Services, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    services.people.set_role_holders(demo_id, role=RoleKind.OWNER, participant_ids=[])
    row = page.readiness_rows["owner_named"]
    assert row.detail.text() == "Name one on the Roles step"
    assert row.fix_button.isVisible()
    qtbot.mouseClick(row.fix_button, Qt.MouseButton.LeftButton)
    assert services.postmortems.get(demo_id).current_step == MeetingStep.ROLES


def test_a_new_postmortem_starts_empty_and_not_ready(
    qtbot, services: Services, relay: ChangeRelay
) -> None:  # type: ignore[no-untyped-def]
    pm = services.postmortems.create(title="Search indexing lag")
    assert pm.id is not None
    controller = PostmortemController(services, relay, pm.id, clock=lambda: NOW)
    fresh = PreparePage(controller)
    qtbot.addWidget(fresh)
    fresh.show()
    assert fresh.ui.startedEdit.text() == ""
    assert fresh.ui.startedUtcLabel.text() == "not set"
    assert fresh.ui.usersSpin.text() == "Unknown"
    assert fresh.ui.lateLabel.text().startswith("Set the resolution time")
    assert fresh.ui.readinessSummaryLabel.text().startswith("0 of 6 readiness checks done")
    _retype(qtbot, fresh.ui.startedEdit, "14:00")
    assert "has no date" in fresh.ui.messageLabel.text()
    _retype(qtbot, fresh.ui.startedEdit, "2026-12-01 14:00")
    assert services.postmortems.get(pm.id).started_at == datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    controller.close()
    fresh.close()
    shiboken6.delete(fresh)
