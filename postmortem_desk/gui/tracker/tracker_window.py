"""The follow-through window: every action item across postmortems, and the debt overview."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from postmortem_desk import APP_NAME
from postmortem_desk.gui.change_relay import ChangeRelay
from postmortem_desk.gui.icons import app_icon
from postmortem_desk.gui.tracker.debt_view import DebtOverviewWidget
from postmortem_desk.gui.tracker.tracker_widget import ActionTrackerWidget
from postmortem_desk.services.tracker import TrackerService


class TrackerWindow(QWidget):
    """Hold the action tracker and the debt overview in two tabs.

    Signals:
        postmortem_requested(int): the user wants to open the postmortem an item came from.
    """

    postmortem_requested = Signal(int)

    def __init__(
        self, tracker: TrackerService, relay: ChangeRelay, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("trackerWindow")
        self.setWindowTitle(f"Action items across postmortems — {APP_NAME}")
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("trackerTabs")
        self.tracker_widget = ActionTrackerWidget(tracker, relay, self.tabs)
        self.debt_widget = DebtOverviewWidget(tracker, relay, self.tabs)
        self.tabs.addTab(self.tracker_widget, "Action items")
        self.tabs.addTab(self.debt_widget, "Postmortem debt")
        layout.addWidget(self.tabs)
        self.tracker_widget.postmortem_requested.connect(self.postmortem_requested)
