"""The agenda along the projector's header: one segment per step, sized by planned minutes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.projector.theme import DARK, ProjectorPalette, ProjectorType

MIN_SEGMENT_MINUTES = 7


class AgendaStrip(QWidget):
    """Paint the meeting's steps as a strip; the current one is filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorAgenda")
        self.palette_ = DARK
        self.type_ = ProjectorType.for_height(1080)
        self.agenda: dict[str, int] = {}
        self.current = MeetingStep.PREPARE

    def set_state(
        self,
        agenda: dict[str, int],
        current: MeetingStep,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Show ``agenda`` with ``current`` highlighted."""
        self.agenda = dict(agenda)
        self.current = current
        self.palette_ = palette
        self.type_ = type_
        self.setFixedHeight(round(type_.small * 1.9))
        labels = [
            f"{step.label} {self.agenda.get(step.value, 0)} min"
            for step in MeetingStep
            if self.agenda.get(step.value, 0)
        ]
        self.setAccessibleName("Agenda: " + ", ".join(labels))
        self.update()

    def sizeHint(self) -> QSize:
        """Be as wide as the window allows."""
        return QSize(800, round(self.type_.small * 1.9))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the segments and their labels."""
        del event
        steps = [s for s in MeetingStep if s != MeetingStep.PREPARE]
        weights = [max(MIN_SEGMENT_MINUTES, int(self.agenda.get(s.value, 0))) for s in steps]
        total = sum(weights)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(round(self.type_.small * 0.8))
        painter.setFont(font)
        x = 0.0
        gap = 6.0
        width = self.width() - gap * (len(steps) - 1)
        index_current = steps.index(self.current) if self.current in steps else -1
        for index, (step, weight) in enumerate(zip(steps, weights, strict=True)):
            segment = QRectF(x, 0, width * weight / total, self.height())
            active = index == index_current
            done = index_current >= 0 and index < index_current
            fill = QColor(self.palette_.accent if active else self.palette_.surface)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(segment, 8, 8)
            text_colour = (
                self.palette_.accent_text
                if active
                else (self.palette_.muted if done else self.palette_.text)
            )
            painter.setPen(QColor(text_colour))
            label = painter.fontMetrics().elidedText(
                step.label, Qt.TextElideMode.ElideRight, int(segment.width() - 16)
            )
            painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, label)
            x += segment.width() + gap
        painter.end()
