"""The step rail: the six steps of the meeting, where we are, and what each still misses."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.style import colour
from postmortem_desk.services.step_status import StepCompletion


class StepButton(QAbstractButton):
    """One step in the rail: number (or a tick), name, and the first thing still missing."""

    def __init__(self, step: MeetingStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"stepButton_{step.value}")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.completion = StepCompletion(step)
        self.minutes = 0
        self._update_accessible_name()

    def set_state(self, completion: StepCompletion, minutes: int) -> None:
        """Show what the step misses and its planned minutes."""
        self.completion = completion
        self.minutes = minutes
        missing = "; ".join(completion.missing) if completion.missing else "Complete"
        self.setToolTip(f"{self.step.label} (Ctrl+{self.step.number})\n{missing}")
        self._update_accessible_name()
        self.update()

    def _update_accessible_name(self) -> None:
        state = "complete" if self.completion.done else f"{len(self.completion.missing)} open"
        self.setAccessibleName(f"Step {self.step.number}: {self.step.label}, {state}")

    def sizeHint(self) -> QSize:
        """Leave room for two lines of text."""
        return QSize(240, 62)

    def hint_text(self) -> str:
        """Return the line under the step's name."""
        if self.completion.done:
            return "Complete"
        first = self.completion.missing[0]
        more = len(self.completion.missing) - 1
        return f"{first} (+{more})" if more else first

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the number badge, name and hint; highlight the current step."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 3, -8, -3)
        active = self.isChecked()
        if active:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour("rail_active"))
            painter.drawRoundedRect(rect, 8, 8)
        elif self.underMouse() or self.hasFocus():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 22))
            painter.drawRoundedRect(rect, 8, 8)
        if self.hasFocus():
            painter.setPen(QColor("#FFFFFF"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)

        badge = QRectF(rect.left() + 12, rect.center().y() - 13, 26, 26)
        done = self.completion.done
        painter.setPen(Qt.PenStyle.NoPen)
        if done:
            painter.setBrush(colour("success") if not active else QColor("#FFFFFF"))
        else:
            painter.setBrush(QColor(255, 255, 255, 40 if not active else 70))
        painter.drawEllipse(badge)
        badge_font = QFont(self.font())
        badge_font.setBold(True)
        badge_font.setPointSizeF(self.font().pointSizeF())
        painter.setFont(badge_font)
        if done:
            painter.setPen(colour("rail_active") if active else QColor("#FFFFFF"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "\u2713")
        else:
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(self.step.number))

        text_left = badge.right() + 12
        text_width = rect.right() - text_left - 10
        title_rect = QRectF(text_left, rect.top() + 8, text_width, 22)
        title_font = QFont(self.font())
        title_font.setBold(active)
        title_font.setPointSizeF(self.font().pointSizeF() + 1)
        painter.setFont(title_font)
        painter.setPen(QColor("#FFFFFF") if active else colour("rail_text"))
        title = painter.fontMetrics().elidedText(
            self.step.label, Qt.TextElideMode.ElideRight, int(text_width)
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
        )

        hint_font = QFont(self.font())
        hint_font.setPointSizeF(self.font().pointSizeF() - 1)
        painter.setFont(hint_font)
        hint_rect = QRectF(text_left, title_rect.bottom() + 1, text_width, 18)
        minutes_text = f"{self.minutes} min" if self.minutes else ""
        minutes_width = (
            painter.fontMetrics().horizontalAdvance(minutes_text) + 8 if minutes_text else 0
        )
        if minutes_text:
            painter.setPen(QColor("#DCE4FF") if active else colour("rail_muted"))
            painter.drawText(
                hint_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, minutes_text
            )
        if done:
            hint_colour = QColor("#D8F3E3") if active else QColor("#7FD3A4")
        else:
            hint_colour = QColor("#DCE4FF") if active else colour("rail_muted")
        painter.setPen(hint_colour)
        elided = painter.fontMetrics().elidedText(
            self.hint_text(), Qt.TextElideMode.ElideRight, int(hint_rect.width() - minutes_width)
        )
        painter.drawText(
            hint_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        painter.end()


class StepRail(QWidget):
    """The column of steps; clicking one moves the meeting there.

    Signals:
        step_requested(MeetingStep): the user picked a step.
    """

    step_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: dict[MeetingStep, StepButton] = {}
        for step in MeetingStep:
            button = StepButton(step, self)
            button.clicked.connect(lambda _checked=False, s=step: self.step_requested.emit(s))
            layout.addWidget(button)
            self.buttons[step] = button

    def set_current(self, step: MeetingStep) -> None:
        """Highlight the current step."""
        for each, button in self.buttons.items():
            button.setChecked(each == step)

    def set_completion(
        self, completion: dict[MeetingStep, StepCompletion], agenda: dict[str, int]
    ) -> None:
        """Show each step's completion and planned minutes."""
        for step, button in self.buttons.items():
            button.set_state(completion[step], int(agenda.get(step.value, 0)))
