"""Put the import into the main window: File → Import timeline… (Ctrl+I) and the Review button.

The main window calls :func:`install_import_action` once. The action works on the open meeting's
postmortem, so it is enabled while a meeting is on screen; the Review step's Import… button is
shown and connected each time a meeting opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton

from postmortem_desk.domain.enums import MeetingStep

if TYPE_CHECKING:
    from postmortem_desk.gui.importing.import_dialog import ImportDialog
    from postmortem_desk.gui.main_window import MainWindow

STATUS_MS = 10000


class ImportActions(QObject):
    """Own the import action of one main window and the dialog it opens."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("importActions")
        self.window = window
        self.dialog: ImportDialog | None = None
        self.action = QAction("&Import timeline…", window)
        self.action.setObjectName("importTimelineAction")
        self.action.setShortcut(QKeySequence("Ctrl+I"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(
            "Build the timeline from a Slack, PagerDuty, Alertmanager, CSV or chat export"
        )
        self.action.triggered.connect(self._on_action_triggered)
        window.addAction(self.action)
        self._add_to_file_menu()
        window.postmortem_opened.connect(self._on_window_postmortem_opened)
        window.stack.currentChanged.connect(self._on_stack_current_changed)
        if window.meeting_view is not None and window.controller is not None:
            self._on_window_postmortem_opened(int(window.controller.postmortem_id))
        self.update_action()

    def _add_to_file_menu(self) -> None:
        menu = self._file_menu()
        if menu is None:
            return
        actions = menu.actions()
        quit_index = next(
            (
                index
                for index, action in enumerate(actions)
                if action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
            ),
            len(actions),
        )
        before_quit = actions[quit_index - 1] if 0 < quit_index <= len(actions) else None
        anchor = before_quit if before_quit is not None and before_quit.isSeparator() else None
        if anchor is None and quit_index < len(actions):
            anchor = actions[quit_index]
        if anchor is None:
            menu.addAction(self.action)
        else:
            menu.insertAction(anchor, self.action)

    def _file_menu(self) -> QMenu | None:
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu) and self.window.new_action in menu.actions():
                return menu
        return None

    def meeting_on_screen(self) -> bool:
        """Tell whether a postmortem's meeting is open and shown."""
        window = self.window
        return (
            window.controller is not None
            and window.meeting_view is not None
            and window.stack.currentWidget() is window.meeting_view
        )

    def update_action(self) -> None:
        """Enable the action while a postmortem's meeting is on screen."""
        self.action.setEnabled(self.meeting_on_screen())

    def open_dialog(self) -> ImportDialog | None:
        """Open the import dialog for the open postmortem (or raise the one already open)."""
        from postmortem_desk.gui.importing.import_dialog import ImportDialog

        controller = self.window.controller
        if controller is None:
            return None
        if self.dialog is not None:
            if self.dialog.isVisible():
                self.dialog.raise_()
                self.dialog.activateWindow()
                return self.dialog
            self.dialog.deleteLater()
        dialog = ImportDialog(controller, self.window, notify=self._on_dialog_notify)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.imported.connect(self._on_dialog_imported)
        self.dialog = dialog
        dialog.open()
        return dialog

    def review_import_button(self) -> QPushButton | None:
        """Return the Review step's Import… button of the open meeting."""
        view = self.window.meeting_view
        page = view.page_by_step.get(MeetingStep.REVIEW) if view is not None else None
        ui = getattr(page, "ui", None)
        button = getattr(ui, "importButton", None)
        return button if isinstance(button, QPushButton) else None

    # --- slots ------------------------------------------------------------------------------

    def _on_window_postmortem_opened(self, postmortem_id: int) -> None:
        button = self.review_import_button()
        if button is not None:
            shortcut = self.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(
                "Build the timeline from a Slack, PagerDuty, Alertmanager, CSV or chat export "
                f"({shortcut})"
            )
            button.setVisible(True)
            if not button.property("importConnected"):
                button.clicked.connect(self._on_review_button_clicked)
                button.setProperty("importConnected", True)
        self.update_action()

    def _on_stack_current_changed(self, index: int) -> None:
        self.update_action()

    def _on_action_triggered(self) -> None:
        if self.meeting_on_screen():
            self.open_dialog()

    def _on_review_button_clicked(self) -> None:
        self.open_dialog()

    def _on_dialog_finished(self, result: int) -> None:
        dialog = self.sender()
        if dialog is self.dialog and self.dialog is not None and not self.dialog.busy:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_dialog_imported(self, batch_id: int) -> None:
        controller = self.window.controller
        if controller is not None:
            self.window.statusBar().showMessage(
                f"{controller.undo_stack.undoText()} — done.", STATUS_MS
            )

    def _on_dialog_notify(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)


def install_import_action(main_window: MainWindow) -> None:
    """Add File → Import timeline… (Ctrl+I) and wire the Review step's Import… button."""
    if main_window.findChild(ImportActions, "importActions") is None:
        ImportActions(main_window)


def import_actions_of(main_window: MainWindow) -> ImportActions | None:
    """Return the import actions installed in ``main_window``."""
    return main_window.findChild(ImportActions, "importActions")
