"""The whole incident on one time axis: events as ticks, milestones flagged, gaps called out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.gui.projector.theme import DARK, ProjectorPalette, ProjectorType


@dataclass(frozen=True)
class AxisState:
    """What the axis shows: the events, the one under discussion, gaps and the display zone."""

    events: list[TimelineEvent]
    current_id: int
    zone: timezone
    gap_threshold: timedelta


class TimelineAxis(QWidget):
    """Paint the timeline across the width of the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorTimelineAxis")
        self.state = AxisState([], 0, UTC, timedelta(minutes=15))
        self.palette_ = DARK
        self.type_ = ProjectorType.for_height(1080)

    def set_state(self, state: AxisState, palette: ProjectorPalette, type_: ProjectorType) -> None:
        """Show ``state``."""
        self.state = state
        self.palette_ = palette
        self.type_ = type_
        self.setMinimumHeight(round(type_.small * 6.5))
        self.update()

    def sizeHint(self) -> QSize:
        """Take the width, and height for flags above and labels below."""
        return QSize(1600, round(self.type_.small * 6.5))

    def _span(self) -> tuple[datetime, datetime]:
        events = self.state.events
        start, end = events[0].occurred_at, events[-1].occurred_at
        if end <= start:
            end = start + timedelta(minutes=1)
        return start, end

    def gaps(self) -> list[tuple[TimelineEvent, TimelineEvent]]:
        """Return neighbouring events further apart than the gap threshold."""
        events = self.state.events
        return [
            (a, b)
            for a, b in pairwise(events)
            if b.occurred_at - a.occurred_at > self.state.gap_threshold
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw axis, gaps, ticks, milestone flags, the current marker and the time labels."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        events = self.state.events
        if not events:
            painter.setPen(QColor(self.palette_.muted))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No timeline yet")
            painter.end()
            return
        start, end = self._span()
        margin = self.type_.body * 1.2
        left, right = margin, self.width() - margin
        axis_y = self.height() - self.type_.small * 2.2
        seconds = (end - start).total_seconds()

        def x_of(moment: datetime) -> float:
            return left + (right - left) * (moment - start).total_seconds() / seconds

        small = QFont(self.font())
        small.setPixelSize(round(self.type_.small * 0.75))
        painter.setFont(small)
        for before, after in self.gaps():
            band = QRectF(x_of(before.occurred_at), axis_y - 14, 0, 28)
            band.setRight(x_of(after.occurred_at))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.palette_.surface))
            painter.drawRect(band)
        painter.setPen(QPen(QColor(self.palette_.line), 3))
        painter.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))
        painter.setPen(QPen(QColor(self.palette_.muted), 2))
        for item in events:
            x = x_of(item.occurred_at)
            painter.drawLine(QPointF(x, axis_y - 8), QPointF(x, axis_y + 8))
        flag_font = QFont(self.font())
        flag_font.setPixelSize(round(self.type_.small * 0.75))
        flag_font.setBold(True)
        painter.setFont(flag_font)
        metrics = painter.fontMetrics()
        lanes: list[float] = []
        for item in events:
            if item.milestone is None:
                continue
            x = x_of(item.occurred_at)
            label = item.milestone.label
            width = metrics.horizontalAdvance(label) + 16
            lane = next((i for i, end_x in enumerate(lanes) if end_x < x - 4), len(lanes))
            if lane == len(lanes):
                lanes.append(0.0)
            lanes[lane] = x + width
            top = axis_y - 22 - (lane + 1) * (metrics.height() + 8)
            painter.setPen(QPen(QColor(self.palette_.accent), 2))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, top + metrics.height() + 4))
            box = QRectF(x, top, width, metrics.height() + 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.palette_.accent))
            painter.drawRoundedRect(box, 6, 6)
            painter.setPen(QColor(self.palette_.accent_text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        current = next((e for e in events if e.id == self.state.current_id), None)
        if current is not None:
            x = x_of(current.occurred_at)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.palette_.highlight))
            radius = self.type_.small * 0.45
            painter.drawEllipse(QPointF(x, axis_y), radius, radius)
        painter.setFont(small)
        painter.setPen(QColor(self.palette_.muted))
        zone = self.state.zone
        multi_day = start.astimezone(zone).date() != end.astimezone(zone).date()
        label_format = "%a %d %b %H:%M" if multi_day else "%H:%M"
        for moment, align in (
            (start, Qt.AlignmentFlag.AlignLeft),
            (end, Qt.AlignmentFlag.AlignRight),
        ):
            text = moment.astimezone(zone).strftime(label_format)
            rect = QRectF(
                left if align == Qt.AlignmentFlag.AlignLeft else right - 400, axis_y + 16, 400, 40
            )
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignTop, text)
        for before, after in self.gaps():
            minutes = int((after.occurred_at - before.occurred_at).total_seconds() // 60)
            mid = (x_of(before.occurred_at) + x_of(after.occurred_at)) / 2
            text = f"{minutes} min gap"
            width = painter.fontMetrics().horizontalAdvance(text)
            if x_of(after.occurred_at) - x_of(before.occurred_at) > width + 8:
                painter.drawText(
                    QRectF(mid - width / 2 - 4, axis_y + 16, width + 8, 40),
                    Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignTop,
                    text,
                )
        painter.end()
