"""Reminders of action items due soon or overdue: an in-app banner and a daily scheduler."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.follow_through import Clock, SlaKind, today_from
from postmortem_desk.gui.style import colour
from postmortem_desk.services.tracker import TrackerRow, TrackerService

MAX_SHOWN = 3
HOUR_MS = 60 * 60 * 1000
TRAY_MESSAGE_MS = 15_000
SNOOZE_CHOICES: tuple[tuple[str, int], ...] = (
    ("Until tomorrow", 1),
    ("For 3 days", 3),
    ("For a week", 7),
)


def reminder_headline(rows: list[TrackerRow]) -> str:
    """Say in one line how many items need attention and how many are overdue."""
    overdue = sum(1 for row in rows if row.sla.kind is SlaKind.OVERDUE)
    count = len(rows)
    noun = "action item needs" if count == 1 else "action items need"
    tail = f" — {overdue} overdue" if overdue else ""
    return f"{count} {noun} attention{tail}"


def reminder_body(rows: list[TrackerRow], limit: int = MAX_SHOWN) -> str:
    """List the first items as short lines for a system notification."""
    lines = [f"{row.title} ({row.sla.label})" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"and {len(rows) - limit} more")
    return "\n".join(lines)


class ReminderRow(QFrame):
    """One item in the banner: its SLA, title, owner and postmortem, and a snooze button.

    Signals:
        snooze_requested(int, int): snooze item id for a number of days.
    """

    snooze_requested = Signal(int, int)

    def __init__(self, row: TrackerRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = int(row.id)
        self.setObjectName(f"reminderRow{row.id}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(12)
        tone = "danger" if row.sla.kind is SlaKind.OVERDUE else "warning"
        self.sla_label = QLabel(row.sla.label)
        self.sla_label.setObjectName("reminderSlaLabel")
        self.sla_label.setFixedWidth(130)
        self.sla_label.setStyleSheet(f"color: {colour(tone).name()}; font-weight: 600;")
        self.title_label = QLabel(row.title)
        self.title_label.setObjectName("reminderTitleLabel")
        self.title_label.setToolTip(row.title)
        details = " · ".join(part for part in (row.owner or "No owner", row.postmortem_title))
        self.detail_label = QLabel(details)
        self.detail_label.setProperty("role", "muted")
        self.snooze_button = QToolButton()
        self.snooze_button.setObjectName("snoozeButton")
        self.snooze_button.setAccessibleName(f"Snooze {row.title}")
        self.snooze_button.setText("Snooze")
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.snooze_button)
        menu.setObjectName("snoozeMenu")
        for text, days in SNOOZE_CHOICES:
            action = QAction(text, menu)
            action.setData(days)
            menu.addAction(action)
        menu.triggered.connect(self._on_snooze_menu_triggered)
        self.snooze_button.setMenu(menu)
        self.snooze_button.clicked.connect(self._on_snooze_button_clicked)
        for label in (self.title_label, self.detail_label):
            label.setMinimumWidth(60)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail_label.setToolTip(details)
        layout.addWidget(self.sla_label)
        layout.addWidget(self.title_label, 3)
        layout.addWidget(self.detail_label, 2)
        layout.addWidget(self.snooze_button)
        self.setAccessibleName(f"{row.title}, {row.sla.label}, {details}")

    def _on_snooze_button_clicked(self) -> None:
        self.snooze_requested.emit(self.item_id, 1)

    def _on_snooze_menu_triggered(self, action: QAction) -> None:
        self.snooze_requested.emit(self.item_id, int(action.data()))


class ReminderBanner(QFrame):
    """A non-modal banner listing items due within 2 days or overdue, each with a snooze.

    Signals:
        tracker_requested(): the user wants to see every item in the tracker.
        snoozed(int): an item was snoozed and left the banner.
    """

    tracker_requested = Signal()
    snoozed = Signal(int)

    def __init__(self, tracker: TrackerService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tracker = tracker
        self.setObjectName("reminderBanner")
        self.setAccessibleName("Action item reminders")
        background, border = colour("warning_soft").name(), colour("border").name()
        self.setStyleSheet(
            f"#reminderBanner {{ background: {background}; border: 1px solid {border}; "
            "border-radius: 10px; }"
        )
        self._rows: list[TrackerRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 14, 12)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setSpacing(8)
        self.headline_label = QLabel()
        self.headline_label.setObjectName("reminderHeadlineLabel")
        self.headline_label.setProperty("role", "sectionTitle")
        self.open_button = QPushButton("Open tracker")
        self.open_button.setObjectName("reminderOpenTrackerButton")
        self.open_button.setAccessibleName("Open the action tracker")
        self.open_button.setProperty("role", "flat")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setObjectName("reminderDismissButton")
        self.dismiss_button.setAccessibleName("Dismiss reminders")
        header.addWidget(self.headline_label, 1)
        header.addWidget(self.open_button)
        header.addWidget(self.dismiss_button)
        layout.addLayout(header)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(2)
        layout.addLayout(self.list_layout)
        self.more_label = QLabel()
        self.more_label.setObjectName("reminderMoreLabel")
        self.more_label.setProperty("role", "muted")
        layout.addWidget(self.more_label)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.hide()

    def reminders(self) -> list[TrackerRow]:
        """Return the items the banner lists."""
        return list(self._rows)

    def item_rows(self) -> list[ReminderRow]:
        """Return the row widgets currently shown."""
        found: list[ReminderRow] = []
        for index in range(self.list_layout.count()):
            item = self.list_layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ReminderRow):
                found.append(widget)
        return found

    def show_reminders(self, rows: list[TrackerRow]) -> None:
        """List ``rows`` (the first few) and show the banner, or hide it when there are none."""
        self._rows = list(rows)
        while self.list_layout.count():
            taken = self.list_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.deleteLater()
        for row in self._rows[:MAX_SHOWN]:
            item = ReminderRow(row, self)
            item.snooze_requested.connect(self._on_row_snooze_requested)
            self.list_layout.addWidget(item)
        hidden = len(self._rows) - MAX_SHOWN
        self.more_label.setText(f"and {hidden} more in the tracker" if hidden > 0 else "")
        self.more_label.setVisible(hidden > 0)
        self.headline_label.setText(reminder_headline(self._rows))
        self.setVisible(bool(self._rows))

    def _on_row_snooze_requested(self, item_id: int, days: int) -> None:
        try:
            self.tracker.snooze(item_id, until=self.tracker.today() + timedelta(days=days))
        except UserFacingError as error:
            self.headline_label.setText(str(error))
            return
        self.show_reminders([row for row in self._rows if row.id != item_id])
        self.snoozed.emit(item_id)

    def _on_open_button_clicked(self) -> None:
        self.tracker_requested.emit()

    def _on_dismiss_button_clicked(self) -> None:
        self.hide()


class ReminderScheduler(QObject):
    """Check for due items on start and again whenever the local day changes.

    A timer wakes up every ``check_interval_ms`` (an hour by default) and checks only when the
    day differs from the last check, so a laptop that slept overnight is reminded on waking.
    Where the platform has a system tray, ``tray`` shows the notice; else the banner does.

    Signals:
        checked(list): a check ran; carries the items it found (possibly none).
    """

    checked = Signal(list)

    def __init__(
        self,
        tracker: TrackerService,
        banner: ReminderBanner,
        *,
        tray: QSystemTrayIcon | None = None,
        clock: Clock | None = None,
        check_interval_ms: int = HOUR_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderScheduler")
        self.tracker = tracker
        self.banner = banner
        self.tray = tray
        self.clock = clock if clock is not None else tracker.clock
        self.last_checked: date | None = None
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        if tray is not None:
            tray.messageClicked.connect(self._on_tray_message_clicked)
        self._last_found: list[TrackerRow] = []

    def start(self) -> None:
        """Check now and keep checking once a day while the app runs."""
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        """Stop checking."""
        self.timer.stop()

    def today(self) -> date:
        """Return the local day of the scheduler's clock."""
        return today_from(self.clock, self.tracker.tz)

    def uses_tray(self) -> bool:
        """Tell whether notices go to the system tray rather than the banner."""
        return self.tray is not None and QSystemTrayIcon.isSystemTrayAvailable()

    def check_now(self) -> list[TrackerRow]:
        """Look for due items today and show them; return what was found."""
        day = self.today()
        self.last_checked = day
        found = self.tracker.due_reminders(today=day)
        self._last_found = found
        if found and self.uses_tray():
            assert self.tray is not None
            self.tray.showMessage(
                reminder_headline(found),
                reminder_body(found),
                QSystemTrayIcon.MessageIcon.Information,
                TRAY_MESSAGE_MS,
            )
        else:
            self.banner.show_reminders(found)
        self.checked.emit(found)
        return found

    def _on_timer_timeout(self) -> None:
        if self.today() != self.last_checked:
            self.check_now()

    def _on_tray_message_clicked(self) -> None:
        self.banner.show_reminders(self._last_found)
