"""The step timer in the meeting header: time left, a thin progress bar, pause and +5 min."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from postmortem_desk.domain.meeting_clock import StepTimer, TimerLevel
from postmortem_desk.gui.style import colour

LEVEL_COLOURS = {
    TimerLevel.NORMAL: "text",
    TimerLevel.WARNING: "warning",
    TimerLevel.OVER: "danger",
}


class TimerFace(QWidget):
    """Paint the time left and how much of the time box is used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerFace")
        self.timer: StepTimer | None = None
        self.setMinimumSize(150, 60)

    def sizeHint(self) -> QSize:
        """Fit the large digits and the caption."""
        return QSize(170, 60)

    def set_timer(self, timer: StepTimer) -> None:
        """Show ``timer``."""
        self.timer = timer
        if timer.planned.total_seconds() <= 0:
            text = "No time box for this step"
        else:
            state = "running" if timer.running else "paused"
            text = (
                f"{timer.display()} left of {int(timer.planned.total_seconds() // 60)} min, {state}"
            )
            if timer.level == TimerLevel.OVER:
                text = f"Over time by {timer.display().lstrip('+')}, {state}"
        self.setAccessibleName(text)
        self.setToolTip(text)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw digits, caption and progress."""
        del event
        timer = self.timer
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        if timer is None or timer.planned.total_seconds() <= 0:
            painter.setPen(colour("muted"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "No time box")
            painter.end()
            return
        level_colour = colour(LEVEL_COLOURS[timer.level])
        digits = QFont(self.font())
        digits.setPointSizeF(self.font().pointSizeF() + 9)
        digits.setBold(True)
        painter.setFont(digits)
        painter.setPen(level_colour)
        digits_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - 24)
        painter.drawText(
            digits_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            timer.display(),
        )
        caption = QFont(self.font())
        caption.setPointSizeF(self.font().pointSizeF() - 1.5)
        painter.setFont(caption)
        painter.setPen(colour("muted") if timer.level == TimerLevel.NORMAL else level_colour)
        minutes = int(timer.planned.total_seconds() // 60)
        label = "over time" if timer.level == TimerLevel.OVER else f"left of {minutes} min"
        if not timer.running:
            label += " · paused"
        bar_top = rect.bottom() - 6
        caption_rect = QRectF(rect.left(), bar_top - 19, rect.width(), 15)
        painter.drawText(
            caption_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
        )
        track = QRectF(rect.left(), bar_top, rect.width(), 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour("border"))
        painter.drawRoundedRect(track, 2, 2)
        used = track.adjusted(0, 0, -(track.width() * (1 - min(1.0, timer.fraction))), 0)
        painter.setBrush(level_colour if timer.level != TimerLevel.NORMAL else colour("accent"))
        painter.drawRoundedRect(used, 2, 2)
        painter.end()


class StepTimerWidget(QWidget):
    """The timer face with its two buttons.

    Signals:
        pause_toggled(): the user paused or resumed the timer.
        extend_requested(): the user asked for five more minutes.
    """

    pause_toggled = Signal()
    extend_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.face = TimerFace(self)
        self.pause_button = QPushButton("Pause", self)
        self.pause_button.setObjectName("pauseTimerButton")
        self.pause_button.setAccessibleName("Pause or resume the step timer")
        self.pause_button.setToolTip("Pause or resume the step timer (Ctrl+P)")
        self.extend_button = QPushButton("+5 min", self)
        self.extend_button.setObjectName("extendTimerButton")
        self.extend_button.setAccessibleName("Add five minutes to this step")
        self.extend_button.setToolTip("Add five minutes to this step (Ctrl+Shift+=)")
        layout.addWidget(self.face)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.extend_button)
        self.pause_button.clicked.connect(self.pause_toggled)
        self.extend_button.clicked.connect(self.extend_requested)

    def set_timer(self, timer: StepTimer) -> None:
        """Show ``timer`` and label the pause button to match."""
        self.face.set_timer(timer)
        has_box = timer.planned.total_seconds() > 0
        self.pause_button.setText("Pause" if timer.running else "Resume")
        self.pause_button.setVisible(has_box or timer.running)
        self.extend_button.setVisible(has_box)
