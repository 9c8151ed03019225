"""Import files into the timeline through the dialog: preview, import, undo, cancel, errors."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from import_gui_support import DATA, shared_fixture
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from postmortem_desk.domain.enums import EventKind, EventSource, MeetingStep, Milestone
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.importing.entry_points import ImportActions, install_import_action
from postmortem_desk.gui.importing.import_dialog import ImportDialog
from postmortem_desk.gui.importing.models import (
    ALREADY_THERE,
    DUPLICATE_ROLE,
    STATUS,
    TEXT,
    TIME,
    IssueLevel,
)
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.importers import ImportFormat
from postmortem_desk.services.registry import Services

SLACK_ZIP = "slack/slack-export-viewer-testarchive.zip"


def _wait(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)


def _choose(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.set_path(path)
    _wait(qtbot, dialog)


def _preview(qtbot: QtBot, dialog: ImportDialog) -> None:
    assert dialog.preview_button.isEnabled(), dialog.source_message.text()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    assert dialog.step == "preview", dialog.source_message.text()


def _import(qtbot: QtBot, dialog: ImportDialog) -> None:
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    assert dialog.step == "done", dialog.preview_message.text()


def _events(services: Services, postmortem_id: int) -> list:  # type: ignore[type-arg]
    return services.timeline.list_events(postmortem_id)


def _model_texts(dialog: ImportDialog, column: int) -> list[str]:
    proxy = dialog.event_proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


# --- reaching the dialog ------------------------------------------------------------------------


def test_file_menu_action_is_enabled_only_while_a_meeting_is_on_screen(
    qtbot: QtBot, main_window: MainWindow, demo_id: PostmortemId
) -> None:
    install_import_action(main_window)
    install_import_action(main_window)
    found = main_window.findChildren(ImportActions)
    assert len(found) == 1
    actions = found[0]
    assert actions.action.shortcut() == QKeySequence("Ctrl+I")
    file_menu = next(top.menu() for top in main_window.menuBar().actions() if top.text() == "&File")
    labels = [action.text() for action in file_menu.actions()]
    assert "&Import timeline…" in labels
    assert labels.index("&Import timeline…") < labels.index("&Quit")
    assert not actions.action.isEnabled()
    main_window.open_postmortem(demo_id)
    assert actions.action.isEnabled()
    main_window.show_library()
    assert not actions.action.isEnabled()


def test_ctrl_i_opens_the_dialog_for_the_open_postmortem(
    qtbot: QtBot, actions: ImportActions, main_window: MainWindow, demo_id: PostmortemId
) -> None:
    main_window.activateWindow()
    with qtbot.waitSignal(actions.action.triggered, timeout=2000):
        qtbot.keyClick(main_window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = actions.dialog
    assert isinstance(dialog, ImportDialog)
    assert dialog.postmortem_id == demo_id
    assert dialog.step == "source"
    assert not dialog.preview_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_review_button_is_shown_again_for_each_opened_postmortem(
    qtbot: QtBot, actions: ImportActions, main_window: MainWindow, services: Services
) -> None:
    first = actions.review_import_button()
    assert first is not None
    assert first.isVisible()
    other = services.postmortems.create(title="Search lag after node replacement")
    main_window.open_postmortem(int(other.id or 0))
    assert main_window.controller is not None
    main_window.controller.go_to_step(MeetingStep.REVIEW)
    second = actions.review_import_button()
    assert second is not None
    assert second is not first
    qtbot.waitUntil(second.isVisible)
    second.click()
    assert actions.dialog is not None
    assert actions.dialog.postmortem_id == other.id
    actions.dialog.reject()


# --- real files ---------------------------------------------------------------------------------


def test_real_slack_export_is_previewed_imported_undone_and_redone_as_one_step(
    qtbot: QtBot,
    dialog: ImportDialog,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
) -> None:
    path = shared_fixture(SLACK_ZIP)
    before = len(_events(services, demo_id))
    _choose(qtbot, dialog, path)
    assert dialog.import_format() is ImportFormat.SLACK
    assert dialog.format_hint.text() == "Recognised from what the file holds."
    assert dialog.options_stack.currentWidget() is dialog.slack_options
    assert dialog.channel_model.checked_names() == ["enrique", "traveling-sailor"]
    # The export is from 2016, far from the demo incident: no window is applied.
    assert not dialog.window_check.isChecked()
    assert "2016-01-14" in dialog.window_hint.text()

    _preview(qtbot, dialog)
    assert dialog.event_model.rowCount() == 147
    assert dialog.import_button.text() == "&Import 147 events"
    assert dialog.event_model.headerData(TIME, Qt.Orientation.Horizontal) == "Time (UTC+01:00)"
    first_time = dialog.event_proxy.index(0, TIME).data()
    assert first_time == "2016-01-15 06:55:52"  # 05:55:52 UTC in the incident's UTC+01:00
    assert dialog.issue_model.count(IssueLevel.SKIPPED) == 2
    assert "147 new events" in dialog.preview_summary.text()
    assert not dialog.problems_frame.isVisible()

    _import(qtbot, dialog)
    assert dialog.done_label.text() == "147 events added to the timeline as one import."
    assert len(_events(services, demo_id)) == before + 147
    assert len(services.imports.batches(demo_id)) == 1
    controller = main_window.controller
    assert controller is not None
    qtbot.waitUntil(lambda: len(controller.bundle.events) == before + 147)
    assert controller.undo_stack.undoText() == (
        "Import 147 events from slack-export-viewer-testarchive.zip"
    )

    main_window.undo_group.undo()
    assert len(_events(services, demo_id)) == before
    assert services.imports.batches(demo_id) == []
    qtbot.waitUntil(lambda: len(controller.bundle.events) == before)

    main_window.undo_group.redo()
    assert len(_events(services, demo_id)) == before + 147
    assert len(services.imports.batches(demo_id)) == 1
    main_window.undo_group.undo()
    assert len(_events(services, demo_id)) == before


def test_importing_the_same_file_twice_previews_duplicates_and_offers_nothing(
    qtbot: QtBot, dialog: ImportDialog, services: Services, demo_id: PostmortemId
) -> None:
    path = shared_fixture(SLACK_ZIP)
    _choose(qtbot, dialog, path)
    _preview(qtbot, dialog)
    _import(qtbot, dialog)
    after_first = len(_events(services, demo_id))

    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert dialog.step == "source"
    _choose(qtbot, dialog, path)
    _preview(qtbot, dialog)
    model = dialog.event_model
    assert model.rowCount() == 147
    assert all(model.index(row, 0).data(DUPLICATE_ROLE) for row in range(model.rowCount()))
    assert set(_model_texts(dialog, STATUS)) == {ALREADY_THERE}
    assert model.index(0, TEXT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "147 already there will be skipped" in dialog.preview_summary.text()
    assert dialog.issue_model.count(IssueLevel.DUPLICATE) == 1
    assert not dialog.import_button.isEnabled()
    assert dialog.preview_message.text() == "There is nothing new to import from this file."
    dialog.hide_duplicates_check.setChecked(True)
    assert dialog.event_proxy.rowCount() == 0
    assert len(_events(services, demo_id)) == after_first


def test_duplicates_and_new_events_are_told_apart_in_one_preview(
    qtbot: QtBot, dialog: ImportDialog, services: Services, demo_id: PostmortemId
) -> None:
    folder = DATA / "slack_modern"
    dialog.set_path(folder, ImportFormat.SLACK)
    _wait(qtbot, dialog)
    assert dialog.channel_model.checked_names() == ["incident", "random"]
    index = dialog.channel_model.index(1, 0)
    dialog.channel_table.setFocus()
    dialog.channel_table.setCurrentIndex(index)
    qtbot.keyClick(dialog.channel_table, Qt.Key.Key_Space)
    assert dialog.channel_model.checked_names() == ["incident"]
    _preview(qtbot, dialog)
    only_incident = dialog.event_model.rowCount()
    assert only_incident > 0
    assert all(
        "#incident" in dialog.event_proxy.index(row, 2).data()
        for row in range(dialog.event_proxy.rowCount())
    )
    _import(qtbot, dialog)

    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    dialog.set_path(folder, ImportFormat.SLACK)
    _wait(qtbot, dialog)
    _preview(qtbot, dialog)
    model = dialog.event_model
    duplicates = [model.index(r, 0).data(DUPLICATE_ROLE) for r in range(model.rowCount())]
    assert duplicates.count(True) == only_incident
    assert duplicates.count(False) == model.rowCount() - only_incident > 0
    before = len(_events(services, demo_id))
    _import(qtbot, dialog)
    assert len(_events(services, demo_id)) == before + duplicates.count(False)


def test_slack_time_window_limits_the_import(
    qtbot: QtBot, dialog: ImportDialog, services: Services, demo_id: PostmortemId
) -> None:
    dialog.set_path(DATA / "slack_modern", ImportFormat.SLACK)
    _wait(qtbot, dialog)
    _preview(qtbot, dialog)
    everything = dialog.event_model.rowCount()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    dialog.set_window(
        datetime(2024, 3, 1, 14, 0, tzinfo=UTC), datetime(2024, 3, 1, 14, 30, tzinfo=UTC)
    )
    assert dialog.window_check.isChecked()
    _preview(qtbot, dialog)
    inside = dialog.event_model.rowCount()
    assert 0 < inside < everything
    reasons = [
        dialog.issue_model.index(row, 3).data() for row in range(dialog.issue_model.rowCount())
    ]
    assert any("outside the time window" in reason for reason in reasons)


def test_csv_mapping_step_prefills_columns_and_imports_in_the_chosen_zone(
    qtbot: QtBot, dialog: ImportDialog, services: Services, demo_id: PostmortemId
) -> None:
    _choose(qtbot, dialog, DATA / "spreadsheet_bom_semicolon.csv")
    assert dialog.import_format() is ImportFormat.CSV
    assert dialog.options_stack.currentWidget() is dialog.csv_options
    assert dialog.delimiter_label.text().startswith("Separated by semicolons (;).")
    combos = {field: combo.currentText() for field, combo in dialog.field_combos.items()}
    assert combos == {
        "time": "Timestamp",
        "text": "Description",
        "actor": "Who",
        "kind": "Category",
        "source": "Source",
    }
    assert dialog.sample_model.rowCount() == 5
    assert dialog.sample_model.headerData(0, Qt.Orientation.Horizontal) == "Timestamp → time"
    assert dialog.zone_row.isVisible()
    assert dialog.zone_combo.isEnabled()
    dialog.set_zone("UTC")
    _preview(qtbot, dialog)
    assert dialog.event_model.rowCount() == 5
    # 10:58 written without an offset, read as UTC, shown in the incident's UTC+01:00.
    assert dialog.event_proxy.index(0, TIME).data() == "11:58:00"
    before = len(_events(services, demo_id))
    _import(qtbot, dialog)
    added = _events(services, demo_id)[before:] or _events(services, demo_id)
    deploy = next(e for e in _events(services, demo_id) if e.text == "Deploy 4711 rolled out")
    assert deploy.occurred_at == datetime(2024, 3, 1, 10, 58, tzinfo=UTC)
    assert deploy.kind is EventKind.CHANGE
    assert deploy.actor == "Bob Diaz"
    assert len(_events(services, demo_id)) == before + 5
    assert added


def test_csv_with_unknown_headers_needs_the_columns_chosen(
    qtbot: QtBot, dialog: ImportDialog, services: Services, demo_id: PostmortemId, tmp_path: Path
) -> None:
    sheet = tmp_path / "bridge-notes.csv"
    sheet.write_text(
        "Zeitpunkt,Ereignis,Bearbeiter\n"
        "2024-03-01T14:02:00+01:00,Restarted the database,Dana\n"
        "2024-03-01T14:09:00+01:00,Error rate back to normal,Marcus\n",
        encoding="utf-8",
    )
    _choose(qtbot, dialog, sheet)
    assert dialog.import_format() is ImportFormat.CSV
    assert dialog.field_combos["time"].currentText() == "Choose a column"
    assert not dialog.preview_button.isEnabled()
    dialog.set_csv_column("time", "Zeitpunkt")
    dialog.set_csv_column("text", "Ereignis")
    dialog.set_csv_column("actor", "Bearbeiter")
    assert not dialog.zone_combo.isEnabled()
    assert "carries its UTC offset" in dialog.zone_hint.text()
    dialog.set_csv_column("text", "Zeitpunkt")
    assert not dialog.preview_button.isEnabled()
    dialog.set_csv_column("text", "Ereignis")
    _preview(qtbot, dialog)
    assert _model_texts(dialog, TEXT) == ["Restarted the database", "Error rate back to normal"]
    _import(qtbot, dialog)
    restarted = next(e for e in _events(services, demo_id) if e.text == "Restarted the database")
    assert restarted.actor == "Dana"
    assert restarted.occurred_at == datetime(2024, 3, 1, 13, 2, tzinfo=UTC)


def test_pasted_chat_uses_the_chosen_date_for_lines_with_only_a_time(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, services: Services, demo_id: PostmortemId
) -> None:
    chat = tmp_path / "bridge.txt"
    chat.write_text(
        "14:02 alice: restarted the primary\n14:05 bob: error rate is falling\n", "utf-8"
    )
    _choose(qtbot, dialog, chat)
    assert dialog.import_format() is ImportFormat.TEXT
    assert dialog.options_stack.currentWidget() is dialog.text_options
    assert "14:02 alice" in dialog.text_head.toPlainText()
    assert dialog.incident_date_edit.date().toString("yyyy-MM-dd") == "2026-11-18"
    _preview(qtbot, dialog)
    assert _model_texts(dialog, TIME) == ["14:02:00", "14:05:00"]
    _import(qtbot, dialog)
    restarted = next(e for e in _events(services, demo_id) if "restarted the primary" in e.text)
    assert restarted.occurred_at == datetime(2026, 11, 18, 13, 2, tzinfo=UTC)
    assert restarted.source is EventSource.TEXT


def test_project_files_of_every_format_import_through_the_dialog(
    qtbot: QtBot, dialog: ImportDialog, services: Services, demo_id: PostmortemId
) -> None:
    expected = {
        "pagerduty_log_entries.json": ImportFormat.PAGERDUTY,
        "pagerduty_webhooks.json": ImportFormat.PAGERDUTY,
        "alertmanager_resolved.json": ImportFormat.ALERTMANAGER,
        "pasted_chat.txt": ImportFormat.TEXT,
    }
    for name, fmt in expected.items():
        _choose(qtbot, dialog, DATA / name)
        assert dialog.import_format() is fmt, name
        before = len(_events(services, demo_id))
        _preview(qtbot, dialog)
        new = sum(
            not dialog.event_model.index(r, 0).data(DUPLICATE_ROLE)
            for r in range(dialog.event_model.rowCount())
        )
        _import(qtbot, dialog)
        assert len(_events(services, demo_id)) == before + new, name
        qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    assert len(services.imports.batches(demo_id)) == len(expected)


@pytest.mark.parametrize(
    ("relative", "fmt", "count"),
    [
        ("alertmanager/zulip_alert.json", ImportFormat.ALERTMANAGER, 2),
        ("alertmanager/prom_post_request.json", ImportFormat.ALERTMANAGER, 1),
        ("pagerduty/zulip_triggered_v3.json", ImportFormat.PAGERDUTY, 1),
    ],
)
def test_real_webhook_files_import_through_the_dialog(
    qtbot: QtBot,
    dialog: ImportDialog,
    services: Services,
    demo_id: PostmortemId,
    relative: str,
    fmt: ImportFormat,
    count: int,
) -> None:
    path = shared_fixture(relative)
    before = len(_events(services, demo_id))
    _choose(qtbot, dialog, path)
    assert dialog.import_format() is fmt
    assert dialog.options_stack.currentWidget() is dialog.plain_options
    _preview(qtbot, dialog)
    assert dialog.event_model.rowCount() == count
    _import(qtbot, dialog)
    assert len(_events(services, demo_id)) == before + count


def test_key_times_are_filled_shown_and_undone_with_the_import(
    qtbot: QtBot, main_window: MainWindow, services: Services
) -> None:
    install_import_action(main_window)
    fresh = services.postmortems.create(title="Payments webhook backlog")
    fresh_id = int(fresh.id or 0)
    main_window.open_postmortem(fresh_id)
    actions = main_window.findChild(ImportActions)
    assert actions is not None
    dialog = actions.open_dialog()
    assert dialog is not None
    _choose(qtbot, dialog, DATA / "pagerduty_log_entries.json")
    _preview(qtbot, dialog)
    assert dialog.key_times_label.isVisible()
    assert dialog.key_times_label.text().startswith("Key times it fills (UTC): ")
    assert "Acknowledged" in dialog.key_times_label.text()
    _import(qtbot, dialog)
    filled = services.postmortems.get(fresh_id)
    assert filled.acknowledged_at is not None
    assert "Acknowledged time set to" in dialog.done_details.text()
    assert Milestone.ACKNOWLEDGED in dialog.preview.key_time_updates  # type: ignore[union-attr]
    main_window.undo_group.undo()
    emptied = services.postmortems.get(fresh_id)
    assert emptied.acknowledged_at is None
    assert _events(services, fresh_id) == []


# --- the keyboard -------------------------------------------------------------------------------


def test_a_path_typed_and_entered_is_looked_at_and_previewed_from_the_keyboard(
    qtbot: QtBot, dialog: ImportDialog
) -> None:
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(DATA / "pagerduty_log_entries.json"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    _wait(qtbot, dialog)
    assert dialog.import_format() is ImportFormat.PAGERDUTY
    assert dialog.preview_button.isDefault()
    dialog.preview_button.setFocus()
    qtbot.keyClick(dialog.preview_button, Qt.Key.Key_Space)
    _wait(qtbot, dialog)
    assert dialog.step == "preview"
    assert dialog.import_button.isDefault()
    assert dialog.back_button.text() == "&Back"


# --- problems, bad input, cancel ----------------------------------------------------------------


def test_problems_are_listed_and_need_the_explicit_checkbox(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, services: Services, demo_id: PostmortemId
) -> None:
    sheet = tmp_path / "with-a-bad-row.csv"
    sheet.write_text(
        "time,text\n2024-03-01T10:00Z,first\n2024-13-45T10:00Z,impossible\n"
        "2024-03-01T10:05Z,second\n",
        encoding="utf-8",
    )
    _choose(qtbot, dialog, sheet)
    _preview(qtbot, dialog)
    assert dialog.problems_frame.isVisible()
    assert dialog.issue_model.count(IssueLevel.PROBLEM) == 1
    row = next(
        r
        for r in range(dialog.issue_model.rowCount())
        if dialog.issue_model.index(r, 0).data() == "Problem"
    )
    assert dialog.issue_model.index(row, 1).data() == "with-a-bad-row.csv"
    assert dialog.issue_model.index(row, 2).data() == "line 3, time"
    assert "impossible time" in dialog.issue_model.index(row, 3).data()
    assert not dialog.import_button.isEnabled()
    before = len(_events(services, demo_id))
    dialog.problems_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    _import(qtbot, dialog)
    assert len(_events(services, demo_id)) == before + 2


def test_malformed_json_shows_the_error_with_file_and_line_and_writes_nothing(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, services: Services, demo_id: PostmortemId
) -> None:
    broken = tmp_path / "log_entries.json"
    broken.write_text('{"log_entries": [\n  {"id": "Q1", "type": "trigger_log_entry",\n', "utf-8")
    before = len(_events(services, demo_id))
    _choose(qtbot, dialog, broken)
    assert dialog.import_format() is ImportFormat.PAGERDUTY
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, dialog)
    assert dialog.step == "source"
    message = dialog.source_message.text()
    assert dialog.source_message.isVisible()
    assert "log_entries.json is not valid JSON" in message
    assert "line 3" in message
    assert message.endswith("Nothing was written.")
    assert len(_events(services, demo_id)) == before
    assert services.imports.batches(demo_id) == []


def test_malformed_csv_shows_the_error_before_the_preview(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, services: Services, demo_id: PostmortemId
) -> None:
    broken = tmp_path / "timeline.csv"
    broken.write_text('time,text\n2024-03-01T10:00Z,"never closed\n', "utf-8")
    _choose(qtbot, dialog, broken)
    assert dialog.source_message.isVisible()
    assert "timeline.csv is not valid CSV at line 2" in dialog.source_message.text()
    assert not dialog.preview_button.isEnabled()
    assert services.imports.batches(demo_id) == []


def test_an_unrecognised_file_can_be_given_its_format_by_hand(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.log"
    notes.write_text("Moment;Happening\n2024-03-01T10:00Z;paged the on-call\n", "utf-8")
    _choose(qtbot, dialog, notes)
    assert "not a kind of file this app recognises" in dialog.source_message.text()
    assert dialog.import_format() is None
    assert not dialog.preview_button.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.format_combo.activated.emit(dialog.format_combo.currentIndex())
    _wait(qtbot, dialog)
    assert dialog.import_format() is ImportFormat.CSV
    assert dialog.format_hint.text() == "Chosen by hand."
    assert not dialog.source_message.isVisible()
    assert dialog.delimiter_label.text().startswith("Separated by semicolons")
    dialog.set_csv_column("time", "Moment")
    dialog.set_csv_column("text", "Happening")
    _preview(qtbot, dialog)
    assert dialog.event_model.rowCount() == 1


def test_cancel_while_reading_writes_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    services: Services,
    demo_id: PostmortemId,
    gated_pool: tuple[QThreadPool, threading.Event],
) -> None:
    pool, gate = gated_pool
    _choose(qtbot, dialog, DATA / "pagerduty_log_entries.json")
    dialog.pool = pool
    dialog.preview_button.click()
    assert dialog.step == "working"
    assert dialog.busy
    qtbot.mouseClick(dialog.working_cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelling" in dialog.working_status.text()
    gate.set()
    _wait(qtbot, dialog)
    assert dialog.step == "source"
    assert dialog.source_message.text() == "Reading cancelled. Nothing was written."
    assert dialog.preview is None
    assert services.imports.batches(demo_id) == []


def test_cancel_while_importing_writes_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    main_window: MainWindow,
    services: Services,
    demo_id: PostmortemId,
    gated_pool: tuple[QThreadPool, threading.Event],
) -> None:
    pool, gate = gated_pool
    before = len(_events(services, demo_id))
    _choose(qtbot, dialog, DATA / "pagerduty_log_entries.json")
    _preview(qtbot, dialog)
    dialog.pool = pool
    dialog.import_button.click()
    assert dialog.step == "working"
    dialog.cancel_task()
    gate.set()
    _wait(qtbot, dialog)
    assert dialog.step == "preview"
    assert dialog.preview_message.text() == "Import cancelled. Nothing was written."
    assert len(_events(services, demo_id)) == before
    assert services.imports.batches(demo_id) == []
    controller = main_window.controller
    assert controller is not None
    assert not controller.undo_stack.canUndo() or "Import" not in controller.undo_stack.undoText()


def test_closing_while_reading_cancels_and_then_closes(
    qtbot: QtBot,
    dialog: ImportDialog,
    services: Services,
    demo_id: PostmortemId,
    gated_pool: tuple[QThreadPool, threading.Event],
) -> None:
    pool, gate = gated_pool
    _choose(qtbot, dialog, DATA / "pagerduty_log_entries.json")
    dialog.pool = pool
    dialog.preview_button.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.finished, timeout=30000):
        gate.set()
    assert services.imports.batches(demo_id) == []


# --- every widget named, the tour -----------------------------------------------------------------


def test_every_interactive_widget_has_an_object_name_and_an_accessible_name(
    dialog: ImportDialog,
) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    interactive = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
        for widget in dialog.findChildren(QWidget)
        if isinstance(widget, interactive)
        and not isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView))
        and widget.window() is dialog
        and (not widget.objectName() or not widget.accessibleName())
    ]
    assert unnamed == []


def test_tour_pictures_show_the_dialog_and_write_nothing(
    qtbot: QtBot, services: Services, demo_id: PostmortemId, tmp_path: Path
) -> None:
    from postmortem_desk.gui.importing.tour_shots import tour_shots
    from postmortem_desk.gui.tour import Tour

    before = len(_events(services, demo_id))
    tour = Tour(services, demo_id, tmp_path)
    qtbot.addWidget(tour.window)
    shots = tour_shots(tour)
    assert [shot.name for shot in shots] == [
        "dialog-import-csv-mapping",
        "dialog-import-preview-slack",
        "dialog-import-preview-problems",
    ]
    steps = []
    for shot in shots:
        widget = shot.show()
        assert isinstance(widget, ImportDialog)
        steps.append(widget.step)
        if shot.name.endswith("problems"):
            assert widget.issue_model.count(IssueLevel.PROBLEM) == 1
            assert widget.issue_model.count(IssueLevel.DUPLICATE) == 1
        if shot.name.endswith("mapping"):
            assert widget.options_stack.currentWidget() is widget.csv_options
        assert tour.save(widget, shot.name).stat().st_size > 0
        widget.close()
        if shot.cleanup is not None:
            shot.cleanup()
    assert steps == ["source", "preview", "preview"]
    assert len(_events(services, demo_id)) == before
    assert services.imports.batches(demo_id) == []
    tour.window.close()
