"""The facilitator's window: the library, or one postmortem's meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk import APP_NAME, __version__
from postmortem_desk.domain.enums import Severity
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.gui.change_relay import ChangeRelay
from postmortem_desk.gui.icons import app_icon
from postmortem_desk.gui.undo import CallCommand

if TYPE_CHECKING:
    from postmortem_desk.gui.controller import PostmortemController
    from postmortem_desk.gui.meeting.meeting_view import MeetingView
    from postmortem_desk.gui.projector.projector_window import ProjectorWindow
    from postmortem_desk.gui.tracker.reminder_banner import ReminderBanner, ReminderScheduler
    from postmortem_desk.gui.tracker.tracker_window import TrackerWindow
    from postmortem_desk.services.registry import Services

UNDO_BANNER_MS = 8000


class UndoBanner(QFrame):
    """A quiet bar that says what just happened and offers to undo it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        self.label = QLabel(self)
        self.undo_button = QPushButton("Undo", self)
        self.undo_button.setObjectName("undoBannerButton")
        self.undo_button.setAccessibleName("Undo the last change")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def announce(self, text: str) -> None:
        """Show ``text`` for a few seconds."""
        self.label.setText(text)
        self.show()
        self._timer.start(UNDO_BANNER_MS)


class MainWindow(QMainWindow):
    """Hold the library and the meeting view, the menus, and the undo history.

    Signals:
        postmortem_opened(int): a postmortem's meeting is on screen.
    """

    postmortem_opened = Signal(int)
    attached = Signal()

    def __init__(self, services: Services | None = None, *, database_label: str = "") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.controller: PostmortemController | None = None
        self.projector: ProjectorWindow | None = None
        self.tracker_window: TrackerWindow | None = None
        self.meeting_view: MeetingView | None = None
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.undo_group = QUndoGroup(self)
        self.library_undo = QUndoStack(self)
        self.undo_group.addStack(self.library_undo)
        self.undo_group.setActiveStack(self.library_undo)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.stack = QStackedWidget(central)
        self.loading_label = QLabel("Opening the library…", self.stack)
        self.loading_label.setObjectName("loadingLabel")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setProperty("role", "muted")
        self.stack.addWidget(self.loading_label)
        self.reminder_banner: ReminderBanner | None = None
        self.reminders: ReminderScheduler | None = None
        layout.addWidget(self.stack, 1)
        self.undo_banner = UndoBanner(central)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(24, 0, 24, 12)
        banner_row.addWidget(self.undo_banner)
        layout.addLayout(banner_row)
        self.setCentralWidget(central)
        self._library_undo_index = 0
        self.library_undo.indexChanged.connect(self._on_library_undo_index_changed)
        self.undo_banner.undo_button.clicked.connect(self.undo_group.undo)
        self._build_menus()
        self._restore_geometry()
        if services is not None:
            self.attach(services, database_label=database_label)

    def attach(self, services: Services, *, database_label: str = "") -> None:
        """Connect the window to an open library: the window can show before the database opens."""
        from postmortem_desk.gui.library.library_page import LibraryPage

        self.services = services
        self.relay = ChangeRelay(services.bus, self)
        self.library_page = LibraryPage(services, self.relay, self.library_undo, self.stack)
        self.stack.addWidget(self.library_page)
        self.stack.setCurrentWidget(self.library_page)
        self.stack.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        self.library_page.open_requested.connect(self.open_postmortem)
        self.library_page.new_requested.connect(self._on_new_requested)
        for action in (self.new_action, self.library_action, self.tracker_action):
            action.setEnabled(True)
        if database_label:
            self.statusBar().showMessage(database_label)
        self.attached.emit()

    @property
    def is_attached(self) -> bool:
        """Tell whether the library is open."""
        return hasattr(self, "services")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.new_action = QAction("&New postmortem…", self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self._on_new_requested)
        file_menu.addAction(self.new_action)
        self.library_action = QAction("&Library", self)
        self.library_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.library_action.triggered.connect(self.show_library)
        file_menu.addAction(self.library_action)
        self.new_action.setEnabled(False)
        self.library_action.setEnabled(False)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = self.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.edit_menu.addSeparator()
        find = QAction("&Find…", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._on_find_triggered)
        self.edit_menu.addAction(find)

        self.view_menu = self.menuBar().addMenu("&View")
        self.projector_action = QAction("&Projector", self)
        self.projector_action.setShortcut(QKeySequence("F5"))
        self.projector_action.setToolTip("Show the meeting on a second screen or in a window")
        self.projector_action.triggered.connect(self.open_projector)
        self.view_menu.addAction(self.projector_action)
        self.tracker_action = QAction("&Action items across postmortems", self)
        self.tracker_action.setShortcut(QKeySequence("Ctrl+T"))
        self.tracker_action.triggered.connect(self.open_tracker)
        self.tracker_action.setEnabled(False)
        self.view_menu.addAction(self.tracker_action)
        self.view_menu.addSeparator()
        self.blank_action = QAction("&Blank the projector", self)
        self.blank_action.setCheckable(True)
        self.blank_action.setShortcut(QKeySequence("Ctrl+B"))
        self.blank_action.toggled.connect(self._on_blank_action_toggled)
        self.view_menu.addAction(self.blank_action)
        self.freeze_action = QAction("&Freeze the projector", self)
        self.freeze_action.setCheckable(True)
        self.freeze_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.freeze_action.toggled.connect(self._on_freeze_action_toggled)
        self.view_menu.addAction(self.freeze_action)
        self.anonymise_action = QAction("Show &roles instead of names", self)
        self.anonymise_action.setCheckable(True)
        self.anonymise_action.toggled.connect(self._on_anonymise_action_toggled)
        self.view_menu.addAction(self.anonymise_action)
        self.theme_action = QAction("&Light projector theme", self)
        self.theme_action.setCheckable(True)
        self.theme_action.toggled.connect(self._on_theme_action_toggled)
        self.view_menu.addAction(self.theme_action)
        self._update_projector_actions()
        self.help_menu = self.menuBar().addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)

    def open_projector(self) -> ProjectorWindow | None:
        """Show the projector for the open meeting (a second screen gets it full screen)."""
        if self.controller is None:
            self.statusBar().showMessage(
                "Open a postmortem first; the projector shows its meeting.", 5000
            )
            return None
        from postmortem_desk.gui.projector.projector_window import ProjectorWindow
        from postmortem_desk.gui.projector.theme import PALETTES

        if self.projector is None:
            palette = PALETTES["light" if self.theme_action.isChecked() else "dark"]
            self.projector = ProjectorWindow(self.controller, self, palette=palette)
            self.projector.set_anonymised(self.anonymise_action.isChecked())
            self.projector.closed.connect(self._on_projector_closed)
        self.projector.place()
        self.projector.raise_()
        self._update_projector_actions()
        self.activateWindow()
        return self.projector

    def open_tracker(self) -> TrackerWindow:
        """Show every action item across postmortems, and the postmortem debt."""
        from postmortem_desk.gui.tracker.tracker_window import TrackerWindow

        if self.tracker_window is None:
            self.tracker_window = TrackerWindow(self.services.tracker, self.relay, self)
            self.tracker_window.postmortem_requested.connect(self._on_tracker_postmortem_requested)
        self.tracker_window.show()
        self.tracker_window.raise_()
        return self.tracker_window

    def _on_tracker_postmortem_requested(self, postmortem_id: int) -> None:
        self.open_postmortem(postmortem_id)
        self.raise_()
        self.activateWindow()

    def start_reminders(self) -> ReminderScheduler:
        """Check for due action items now and once a day (tray message or in-app banner)."""
        from postmortem_desk.gui.tracker.reminder_banner import ReminderBanner, ReminderScheduler

        if self.reminders is not None:
            return self.reminders
        self.reminder_banner = ReminderBanner(self.services.tracker, self.library_page)
        self.reminder_banner.tracker_requested.connect(self.open_tracker)
        self.library_page.ui.pageLayout.insertWidget(0, self.reminder_banner)
        tray = (
            QSystemTrayIcon(app_icon(), self) if QSystemTrayIcon.isSystemTrayAvailable() else None
        )
        if tray is not None:
            tray.setToolTip(APP_NAME)
            tray.show()
        self.reminders = ReminderScheduler(
            self.services.tracker, self.reminder_banner, tray=tray, parent=self
        )
        self.reminders.start()
        return self.reminders

    def close_projector(self) -> None:
        """Close the projector window if it is open."""
        if self.projector is not None:
            self.projector.close()

    def _on_projector_closed(self) -> None:
        if self.projector is not None:
            self.projector.deleteLater()
        self.projector = None
        for action in (self.blank_action, self.freeze_action):
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self._update_projector_actions()

    def _update_projector_actions(self) -> None:
        has_projector = self.projector is not None
        self.projector_action.setEnabled(self.controller is not None)
        self.blank_action.setEnabled(has_projector)
        self.freeze_action.setEnabled(has_projector)

    def _on_blank_action_toggled(self, checked: bool) -> None:
        if self.projector is not None:
            self.projector.set_blank(checked)

    def _on_freeze_action_toggled(self, checked: bool) -> None:
        if self.projector is not None:
            self.projector.set_frozen(checked)

    def _on_anonymise_action_toggled(self, checked: bool) -> None:
        if self.projector is not None:
            self.projector.set_anonymised(checked)

    def _on_theme_action_toggled(self, checked: bool) -> None:
        from postmortem_desk.gui.projector.theme import PALETTES

        if self.projector is not None:
            self.projector.set_palette(PALETTES["light" if checked else "dark"])

    def show_about(self) -> QMessageBox:
        """Show the About box with the version; return it (tests and the tour close it)."""
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(f"About {APP_NAME}")
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<h2>{APP_NAME}</h2><p>Version {__version__}</p>")
        box.setInformativeText(
            "Run blameless postmortem meetings: a guided agenda, a projector view, a language "
            "coach, and reports.<br><br>Everything stays in a local SQLite file."
        )
        box.open()
        return box

    def show_library(self) -> None:
        """Leave the meeting and show the library."""
        if not self.is_attached:
            return
        self.stack.setCurrentWidget(self.library_page)
        self.undo_group.setActiveStack(self.library_undo)
        self.setWindowTitle(APP_NAME)
        self.library_page.refresh()

    def open_postmortem(self, postmortem_id: int) -> None:
        """Open a postmortem's meeting at the step where it was left."""
        from postmortem_desk.gui.controller import PostmortemController
        from postmortem_desk.gui.meeting.meeting_view import MeetingView

        try:
            controller = PostmortemController(self.services, self.relay, postmortem_id, parent=self)
        except UserFacingError as error:
            QMessageBox.warning(self, "Cannot open the postmortem", str(error))
            return
        self._close_meeting()
        self.controller = controller
        self.undo_group.addStack(controller.undo_stack)
        self.undo_group.setActiveStack(controller.undo_stack)
        view = MeetingView(controller, self.stack)
        view.back_requested.connect(self.show_library)
        self.meeting_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        self.setWindowTitle(f"{controller.bundle.postmortem.title} — {APP_NAME}")
        self._update_projector_actions()
        self.postmortem_opened.emit(postmortem_id)

    def create_postmortem(self, title: str, severity: Severity = Severity.SEV2) -> int:
        """Create a postmortem (undoable) and return its id."""
        created: list[int] = []

        def create() -> None:
            if created:
                self.services.postmortems.restore(created[0])
            else:
                postmortem = self.services.postmortems.create(title=title, severity=severity)
                created.append(int(postmortem.id or 0))

        self.library_undo.push(
            CallCommand(
                f"Create “{title}”", create, lambda: self.services.postmortems.delete(created[0])
            )
        )
        return created[0]

    def _close_meeting(self) -> None:
        self.close_projector()
        if self.meeting_view is not None:
            self.stack.removeWidget(self.meeting_view)
            self.meeting_view.deleteLater()
            self.meeting_view = None
        if self.controller is not None:
            self.undo_group.removeStack(self.controller.undo_stack)
            self.controller.close()
            self.controller.deleteLater()
            self.controller = None

    def _on_new_requested(self) -> None:
        title, accepted = QInputDialog.getText(
            self, "New postmortem", "What happened? (a short title)", QLineEdit.EchoMode.Normal, ""
        )
        if not accepted or not title.strip():
            return
        severities = [f"{s.value} — {s.description}" for s in Severity]
        choice, accepted = QInputDialog.getItem(
            self, "New postmortem", "Severity:", severities, 1, False
        )
        if not accepted:
            return
        severity = list(Severity)[severities.index(choice)]
        try:
            postmortem_id = self.create_postmortem(title.strip(), severity)
        except UserFacingError as error:
            QMessageBox.warning(self, "Cannot create the postmortem", str(error))
            return
        self.open_postmortem(postmortem_id)

    def _on_find_triggered(self) -> None:
        if self.is_attached and self.stack.currentWidget() is self.library_page:
            self.library_page.focus_search()

    def _on_library_undo_index_changed(self, index: int) -> None:
        grew = index > self._library_undo_index
        self._library_undo_index = index
        if not self.is_attached:
            return
        text = self.library_undo.undoText()
        if grew and text and self.stack.currentWidget() is self.library_page:
            self.undo_banner.announce(f"{text} — done.")

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window's geometry and stop the meeting's controller."""
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self._close_meeting()
        if self.is_attached:
            self.relay.detach()
        super().closeEvent(event)
