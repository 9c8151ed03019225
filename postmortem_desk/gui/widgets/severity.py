"""Severity shown the same way everywhere: a coloured pill."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from postmortem_desk.domain.enums import Severity
from postmortem_desk.gui.style import severity_colour

SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1


def pill_stylesheet(severity: Severity, point_size: int = 9) -> str:
    """Return the style of a severity pill label."""
    colour = severity_colour(severity).name()
    return (
        f"background: {colour}; color: #FFFFFF; border-radius: 9px; padding: 2px 10px; "
        f"font-weight: 700; font-size: {point_size}pt;"
    )


class SeverityBadge(QLabel):
    """A label that shows a severity as a coloured pill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_severity(Severity.SEV2)

    def set_severity(self, severity: Severity) -> None:
        """Show ``severity``."""
        self.setText(severity.value)
        self.setToolTip(severity.description)
        self.setAccessibleName(f"Severity {severity.value}: {severity.description}")
        self.setStyleSheet(pill_stylesheet(severity))


class SeverityDelegate(QStyledItemDelegate):
    """Paint the severity column of a table as pills."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the selection background, then the pill."""
        value = index.data(SEVERITY_ROLE)
        if value not in set(Severity):
            super().paint(painter, option, index)
            return
        severity = Severity(value)
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(severity.value) + 18
        height = metrics.height() + 4
        rect = QRectF(
            option.rect.left() + 8,
            option.rect.center().y() - height / 2 + 1,
            width,
            height,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(severity_colour(severity))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, severity.value)
        painter.restore()
