"""Publish through the app against a stateful fake Confluence: sent, offline, 409, the token."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from conftest import MemoryKeyring
from export_gui_support import TOKEN, fast_client
from fake_confluence import FakeConfluence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.export.confluence_client import Flavour
from postmortem_desk.gui.export.entry_points import export_actions_of, install_export_actions
from postmortem_desk.gui.export.outbox_model import OutboxModel, OutboxRow
from postmortem_desk.gui.export.publish_dialog import PublishDialog
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.pages.follow_up_page import FollowUpPage
from postmortem_desk.services.registry import Services


class RacingConfluence(FakeConfluence):
    """A fake where a colleague saves the page between our read and our write: a real 409."""

    race_next_update = False

    def route(
        self, method: str, path: str, query: dict[str, str], raw: bytes, headers: Any
    ) -> tuple[int, Any]:
        """Bump the page's version just before the next page update arrives."""
        page_id = path.rsplit("/", 1)[-1]
        if self.race_next_update and method == "PUT" and page_id in self.pages:
            self.race_next_update = False
            self.edit_behind_our_back(page_id)
        return super().route(method, path, query, raw, headers)


def _open_publish(main_window: MainWindow, demo_id: PostmortemId) -> PublishDialog:
    install_export_actions(main_window)
    actions = export_actions_of(main_window)
    assert actions is not None
    actions.client_factory = fast_client
    main_window.open_postmortem(demo_id)
    assert main_window.controller is not None
    assert main_window.meeting_view is not None
    main_window.controller.go_to_step(MeetingStep.FOLLOW_UP)
    page = main_window.meeting_view.page_by_step[MeetingStep.FOLLOW_UP]
    assert isinstance(page, FollowUpPage)
    page.ui.publishButton.click()
    dialog = actions.dialog
    assert isinstance(dialog, PublishDialog)
    return dialog


def _fill(qtbot, dialog: PublishDialog, url: str, flavour: Flavour, user: str = "") -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.busy)
    dialog.flavour_combo.setCurrentIndex(dialog.flavour_combo.findData(flavour.value))
    for edit, text in (
        (dialog.url_edit, url),
        (dialog.space_edit, "OPS"),
        (dialog.parent_edit, "42"),
        (dialog.user_edit, user),
    ):
        if not edit.isVisible():
            continue
        edit.clear()
        qtbot.keyClicks(edit, text)
        edit.editingFinished.emit()
    qtbot.waitUntil(lambda: not dialog.busy)
    qtbot.keyClicks(dialog.token_edit, TOKEN)


def _publish(qtbot, dialog: PublishDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert dialog.progress_dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


@pytest.mark.parametrize("flavour", list(Flavour))
def test_publish_now_creates_the_page_and_links_it(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    services: Services,
    memory_keyring: MemoryKeyring,
    fake: FakeConfluence,
    flavour: Flavour,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_publish(main_window, demo_id)
    _fill(qtbot, dialog, fake.url, flavour, fake.user)
    _publish(qtbot, dialog)

    assert dialog.last_outcome is not None
    assert dialog.last_outcome.status == "sent", dialog.result_label.text()
    [page] = fake.pages.values()
    assert page.parent_id == "42"
    assert any(name.endswith(".pdf") for name in page.attachments)
    assert "Published." in dialog.result_label.text()
    assert f"pageId={page.id}" in dialog.result_label.text()
    assert dialog.last_page_url.startswith(fake.url)
    assert dialog.token_edit.text() == ""
    assert TOKEN in memory_keyring.passwords.values()
    assert services.publishing.confluence_settings()["space_key"] == "OPS"
    assert dialog.session_banner.isHidden()

    # Publishing again updates the same page, and the saved token is used without retyping.
    reopened = _reopen(qtbot, main_window, dialog)
    assert reopened.url_edit.text() == fake.url
    assert "Saved" in reopened.token_edit.placeholderText()
    _publish(qtbot, reopened)
    assert reopened.last_outcome is not None
    assert reopened.last_outcome.status == "sent"
    assert list(fake.pages) == [page.id]


def _reopen(qtbot, main_window: MainWindow, dialog: PublishDialog) -> PublishDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    actions = export_actions_of(main_window)
    assert actions is not None
    reopened = actions.open_publish()
    assert reopened is not None
    qtbot.waitUntil(lambda: not reopened.busy)
    return reopened


def test_offline_publish_waits_in_the_outbox_and_send_now_delivers_it_once(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    services: Services,
    memory_keyring: MemoryKeyring,
) -> None:  # type: ignore[no-untyped-def]
    offline = FakeConfluence(token=TOKEN)  # bound but not answering: requests time out
    try:
        dialog = _open_publish(main_window, demo_id)
        _fill(qtbot, dialog, offline.url, Flavour.DATA_CENTER)
        _publish(qtbot, dialog)
        assert dialog.last_outcome is not None
        assert dialog.last_outcome.status == "pending"
        assert "Queued in the outbox" in dialog.result_label.text()
        assert "when the server is reachable" in dialog.result_label.text()
        assert dialog.outbox_model.rowCount() == 1
        assert dialog.outbox_model.row_at(0).status == "pending"
        assert dialog.send_button.isEnabled()
        assert offline.pages == {}

        offline.start()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        assert dialog.last_outcome is not None
        assert dialog.last_outcome.status == "sent"
        assert len(offline.pages) == 1
        assert dialog.outbox_model.rowCount() == 0
        assert not dialog.send_button.isEnabled()
        assert services.publishing.jobs() == []
    finally:
        offline.stop()


def test_the_outbox_is_retried_in_the_background(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    memory_keyring: MemoryKeyring,
) -> None:  # type: ignore[no-untyped-def]
    offline = FakeConfluence(token=TOKEN)
    try:
        dialog = _open_publish(main_window, demo_id)
        _fill(qtbot, dialog, offline.url, Flavour.DATA_CENTER)
        _publish(qtbot, dialog)
        assert dialog.last_outcome is not None
        assert dialog.last_outcome.status == "pending"
        dialog.reject()
        offline.start()
        actions = export_actions_of(main_window)
        assert actions is not None
        task = actions.send_outbox()
        assert task is not None
        qtbot.waitUntil(lambda: actions._outbox_task is None, timeout=30_000)
        assert len(offline.pages) == 1
        assert "Published 1 waiting report" in main_window.statusBar().currentMessage()
    finally:
        offline.stop()


def test_a_409_asks_and_overwrite_replaces_the_page(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    services: Services,
    memory_keyring: MemoryKeyring,
) -> None:  # type: ignore[no-untyped-def]
    racing = RacingConfluence(token=TOKEN).start()
    try:
        dialog = _open_publish(main_window, demo_id)
        _fill(qtbot, dialog, racing.url, Flavour.DATA_CENTER)
        _publish(qtbot, dialog)
        [page] = racing.pages.values()
        assert page.version == 1

        racing.race_next_update = True
        _publish(qtbot, dialog)
        assert ("PUT", f"/rest/api/content/{page.id}") in racing.requests
        assert dialog.last_outcome is not None
        assert dialog.last_outcome.status == "conflict"
        box = dialog.conflict_box
        assert box is not None
        assert box.isVisible()
        assert box.windowTitle() == "Overwrite the page or cancel?"
        overwrite = next(b for b in box.buttons() if b.text() == "Overwrite")
        qtbot.mouseClick(overwrite, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)

        assert dialog.last_outcome.status == "sent"
        assert racing.pages[page.id].version == 3
        assert racing.pages[page.id].message.startswith("Published by")
        assert services.publishing.jobs() == []
    finally:
        racing.stop()


def test_cancelling_a_conflict_leaves_the_page_alone(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    services: Services,
    memory_keyring: MemoryKeyring,
    fake: FakeConfluence,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_publish(main_window, demo_id)
    _fill(qtbot, dialog, fake.url, Flavour.DATA_CENTER)
    _publish(qtbot, dialog)
    [page] = fake.pages.values()
    fake.edit_behind_our_back(page.id)
    _publish(qtbot, dialog)
    box = dialog.conflict_box
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert fake.pages[page.id].version == 2
    assert fake.pages[page.id].message == "edited in the browser"
    assert services.publishing.jobs() == []
    assert "left as it is" in dialog.result_label.text()


def test_test_connection_names_the_account_and_a_wrong_token_is_not_echoed(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    memory_keyring: MemoryKeyring,
    fake: FakeConfluence,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_publish(main_window, demo_id)
    _fill(qtbot, dialog, fake.url, Flavour.CLOUD, fake.user)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.test_label.text() == "Connected as Ana Test."
    assert dialog.forget_button.isEnabled()

    wrong = "wrong-token-Qm3-never-shown"
    qtbot.keyClicks(dialog.token_edit, wrong)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert "anonymous" in dialog.result_label.text()
    assert wrong not in _all_widget_text(main_window)

    qtbot.mouseClick(dialog.forget_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert memory_keyring.passwords == {}
    assert "Saved" not in dialog.token_edit.placeholderText()


def test_without_a_keyring_the_token_is_kept_for_this_session_and_says_so(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    no_keyring: None,
    fake: FakeConfluence,
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_publish(main_window, demo_id)
    _fill(qtbot, dialog, fake.url, Flavour.DATA_CENTER)
    assert not dialog.session_banner.isHidden()
    assert "in memory only" in dialog.session_banner.text()
    _publish(qtbot, dialog)
    assert dialog.last_outcome is not None
    assert dialog.last_outcome.status == "sent"
    assert dialog.credentials.session_only
    reopened = _reopen(qtbot, main_window, dialog)
    assert not reopened.session_banner.isHidden()
    assert "memory for this session" in reopened.token_hint.text()
    _publish(qtbot, reopened)
    assert reopened.last_outcome is not None
    assert reopened.last_outcome.status == "sent"


def _all_widget_text(root: QWidget) -> str:
    parts: list[str] = []
    widgets = [root, *root.findChildren(QWidget), *QApplication.topLevelWidgets()]
    for widget in widgets:
        parts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        parts += [widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText(), widget.displayText()]
        elif isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        elif isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
    return "\n".join(parts)


def test_the_token_never_reaches_widgets_the_database_or_logs(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    services: Services,
    memory_keyring: MemoryKeyring,
    fake: FakeConfluence,
    database_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    dialog = _open_publish(main_window, demo_id)
    _fill(qtbot, dialog, fake.url, Flavour.CLOUD, fake.user)
    assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Password
    assert TOKEN not in dialog.token_edit.displayText()
    _publish(qtbot, dialog)
    fake.fail_next(401)
    _publish(qtbot, dialog)  # a failure message is shown too
    assert dialog.last_outcome is not None
    assert dialog.last_outcome.status == "failed"
    assert "did not accept the credentials" in dialog.result_label.text()

    assert TOKEN not in _all_widget_text(main_window)
    model_text = [
        str(dialog.outbox_model.index(r, c).data())
        for r in range(dialog.outbox_model.rowCount())
        for c in range(dialog.outbox_model.columnCount())
    ]
    assert dialog.outbox_model.rowCount() == 1
    assert TOKEN not in "\n".join(model_text)
    stored = b"".join(
        p.read_bytes() for p in database_path.parent.iterdir() if p.name.startswith("library")
    )
    assert TOKEN.encode() not in stored
    assert caplog.records
    assert TOKEN not in caplog.text
    assert TOKEN in memory_keyring.passwords.values()


def test_outbox_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OutboxModel()
    model.set_rows(
        [
            OutboxRow(1, "Checkout outage", "wiki.example.com · OPS", "pending", 1, "Offline"),
            OutboxRow(2, "Search lag", "wiki.example.com · OPS", "conflict", 2, ""),
        ]
    )
    qtmodeltester.check(model)


def test_discard_removes_a_waiting_publish(
    qtbot,
    main_window: MainWindow,
    demo_id: PostmortemId,
    services: Services,
    memory_keyring: MemoryKeyring,
) -> None:  # type: ignore[no-untyped-def]
    offline = FakeConfluence(token=TOKEN)
    try:
        dialog = _open_publish(main_window, demo_id)
        _fill(qtbot, dialog, offline.url, Flavour.DATA_CENTER)
        _publish(qtbot, dialog)
        dialog.outbox_view.selectRow(0)
        assert dialog.discard_button.isEnabled()
        assert not dialog.overwrite_button.isEnabled()
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
        assert dialog.outbox_model.rowCount() == 0
        assert services.publishing.jobs() == []
    finally:
        offline.server.server_close()  # never started, so there is no serving loop to stop
