"""Put export and publish into the main window: File menu, Ctrl+E, the Follow-up buttons.

The main window calls :func:`install_export_actions` once; everything else lives here. The
postmortem to export is the open meeting's when the meeting is on screen, else the one selected
in the library. While publishes wait in the outbox, they are retried every few minutes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.export.confluence_client import ConfluenceClient
from postmortem_desk.export.credentials import CredentialStore
from postmortem_desk.export.jobs import ExportFormat
from postmortem_desk.export.outbox import SendReport, send_pending
from postmortem_desk.gui.export.tasks import CancelCheck, Progress, WordedTask

if TYPE_CHECKING:
    from postmortem_desk.gui.export.export_dialog import ExportDialog
    from postmortem_desk.gui.export.publish_dialog import ClientFactory, PublishDialog
    from postmortem_desk.gui.main_window import MainWindow

log = logging.getLogger(__name__)

OUTBOX_RETRY_MS = 5 * 60 * 1000
FOLLOW_UP_FORMATS = {"pdf": ExportFormat.PDF, "markdown": ExportFormat.MARKDOWN}


class ExportActions(QObject):
    """Own the export and publish actions of one main window, and the session's token store."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("exportActions")
        self.window = window
        self.credentials = CredentialStore()
        self.client_factory: ClientFactory = ConfluenceClient
        self.dialog: ExportDialog | PublishDialog | None = None
        self._outbox_task: WordedTask | None = None

        self.export_action = QAction("&Export report…", window)
        self.export_action.setObjectName("exportReportAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip("Write the report as PDF, Markdown or Confluence XML")
        self.export_action.triggered.connect(self._on_export_action_triggered)
        self.publish_action = QAction("&Publish to Confluence…", window)
        self.publish_action.setObjectName("publishAction")
        self.publish_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.publish_action.setStatusTip("Publish the report as a Confluence page")
        self.publish_action.triggered.connect(self._on_publish_action_triggered)
        for action in (self.export_action, self.publish_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        self._add_to_file_menu()

        window.postmortem_opened.connect(self._on_window_postmortem_opened)
        window.stack.currentChanged.connect(self._on_stack_current_changed)
        if window.is_attached:
            self._on_window_attached()
        else:
            window.attached.connect(self._on_window_attached)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(OUTBOX_RETRY_MS)
        self.retry_timer.timeout.connect(self.send_outbox)
        self.retry_timer.start()
        self.update_actions()

    def _add_to_file_menu(self) -> None:
        menu = self._file_menu()
        if menu is None:
            return
        actions = menu.actions()
        anchor = self.window.library_action
        position = actions.index(anchor) + 1 if anchor in actions else len(actions)
        before = actions[position] if position < len(actions) else None
        separator = QAction(self.window)
        separator.setSeparator(True)
        for action in (separator, self.export_action, self.publish_action):
            if before is None:
                menu.addAction(action)
            else:
                menu.insertAction(before, action)

    def _file_menu(self) -> QMenu | None:
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and self.window.new_action in menu.actions():
                return menu
        return None

    # --- which postmortem -------------------------------------------------------------------

    def current_postmortem_id(self) -> int | None:
        """Return the postmortem the actions apply to: the open meeting's, else the selection."""
        window = self.window
        meeting_shown = (
            window.meeting_view is not None and window.stack.currentWidget() is window.meeting_view
        )
        if window.controller is not None and meeting_shown:
            return int(window.controller.postmortem_id)
        if window.is_attached:
            selected = window.library_page.selected_id()
            if selected is not None:
                return selected
        return int(window.controller.postmortem_id) if window.controller is not None else None

    def update_actions(self) -> None:
        """Enable the actions when a postmortem is open or selected."""
        enabled = self.current_postmortem_id() is not None
        self.export_action.setEnabled(enabled)
        self.publish_action.setEnabled(enabled)

    # --- dialogs ----------------------------------------------------------------------------

    def open_export(self, fmt: ExportFormat = ExportFormat.PDF) -> ExportDialog | None:
        """Open the export dialog for the current postmortem."""
        from postmortem_desk.gui.export.export_dialog import ExportDialog

        postmortem_id = self.current_postmortem_id()
        if postmortem_id is None or self._dialog_is_busy():
            return None
        controller = self.window.controller
        bundle = (
            controller.bundle
            if controller is not None and controller.postmortem_id == postmortem_id
            else None
        )
        dialog = ExportDialog(
            self.window.services, postmortem_id, fmt=fmt, bundle=bundle, parent=self.window
        )
        self._show(dialog)
        return dialog

    def open_publish(self) -> PublishDialog | None:
        """Open the Confluence dialog for the current postmortem."""
        from postmortem_desk.gui.export.publish_dialog import PublishDialog

        postmortem_id = self.current_postmortem_id()
        if postmortem_id is None or self._dialog_is_busy():
            return None
        dialog = PublishDialog(
            self.window.services,
            postmortem_id,
            self.credentials,
            client_factory=self.client_factory,
            parent=self.window,
        )
        self._show(dialog)
        return dialog

    def _dialog_is_busy(self) -> bool:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return True
        return False

    def _show(self, dialog: ExportDialog | PublishDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, result: int) -> None:
        dialog = self.sender()
        if isinstance(dialog, QDialog) and dialog is self.dialog and not dialog.busy:
            self.dialog = None
            dialog.deleteLater()

    # --- outbox -----------------------------------------------------------------------------

    def send_outbox(self) -> WordedTask | None:
        """Retry the waiting publishes off the GUI thread, quietly; say in the status bar."""
        if not self.window.is_attached or self._outbox_task is not None:
            return None
        if self.dialog is not None and self.dialog.busy:
            return None
        publishing = self.window.services.publishing
        if not any(job.status in ("pending", "sending") for job in publishing.jobs()):
            return None
        credentials = self.credentials
        factory = self.client_factory
        load = self.window.services.postmortems.load

        def work(progress: Progress, cancelled: CancelCheck) -> SendReport:
            return send_pending(
                publishing, load, credentials, client_factory=factory, cancelled=cancelled
            )

        task = WordedTask(work, self)
        task.succeeded.connect(self._on_outbox_task_succeeded)
        task.failed.connect(self._on_outbox_task_failed)
        task.finished.connect(self._on_outbox_task_finished)
        self._outbox_task = task
        task.start()
        return task

    def _on_outbox_task_succeeded(self, result: object) -> None:
        assert isinstance(result, SendReport)
        if result.sent:
            count = len(result.sent)
            self.window.statusBar().showMessage(
                f"Published {count} waiting report{'s' if count != 1 else ''} to Confluence.",
                8000,
            )
        if result.needs_attention:
            self.window.statusBar().showMessage(
                "A waiting Confluence publish needs a decision: open File → Publish to Confluence.",
                12000,
            )

    def _on_outbox_task_failed(self, error: object) -> None:
        log.warning("Sending the outbox failed (%s).", type(error).__name__)

    def _on_outbox_task_finished(self) -> None:
        self._outbox_task = None

    # --- slots ------------------------------------------------------------------------------

    def _on_window_attached(self) -> None:
        table = self.window.library_page.ui.tableView
        table.selectionModel().selectionChanged.connect(self._on_library_selection_changed)
        self.update_actions()

    def _on_window_postmortem_opened(self, postmortem_id: int) -> None:
        view = self.window.meeting_view
        if view is not None:
            page = view.page_by_step.get(MeetingStep.FOLLOW_UP)
            signal = getattr(page, "export_requested", None)
            if signal is not None:
                signal.connect(self._on_follow_up_export_requested)
        self.update_actions()

    def _on_follow_up_export_requested(self, kind: str) -> None:
        if kind == "confluence":
            self.open_publish()
        else:
            self.open_export(FOLLOW_UP_FORMATS.get(kind, ExportFormat.PDF))

    def _on_stack_current_changed(self, index: int) -> None:
        self.update_actions()

    def _on_library_selection_changed(self) -> None:
        self.update_actions()

    def _on_export_action_triggered(self) -> None:
        self.open_export()

    def _on_publish_action_triggered(self) -> None:
        self.open_publish()


def install_export_actions(main_window: MainWindow) -> None:
    """Add File → Export report… (Ctrl+E) and Publish to Confluence… and wire the Follow-up step."""
    if main_window.findChild(ExportActions, "exportActions") is None:
        ExportActions(main_window)


def export_actions_of(main_window: MainWindow) -> ExportActions | None:
    """Return the export actions installed in ``main_window``."""
    return main_window.findChild(ExportActions, "exportActions")
