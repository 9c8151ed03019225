"""The action items of one postmortem as a table model."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from postmortem_desk.domain.enums import ActionStatus
from postmortem_desk.domain.models import ActionItem, WhyNode
from postmortem_desk.gui.models.row_table import ModelIndex, RowTableModel
from postmortem_desk.gui.style import colour
from postmortem_desk.services.action_quality import failed_checks

ID_ROLE = Qt.ItemDataRole.UserRole + 10


@cache
def status_dot(colour_name: str) -> QIcon:
    """Return a small round dot in a palette colour, for row status."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour(colour_name))
    painter.drawEllipse(2, 2, 8, 8)
    painter.end()
    return QIcon(pixmap)


def short_date(value: date | None, today: date | None = None) -> str:
    """Write a date as ``4 Dec``, adding the year when it is not this year."""
    if value is None:
        return "—"
    this_year = (today or date.today()).year
    return f"{value.day} {value:%b}" + ("" if value.year == this_year else f" {value.year}")


class ActionItemsModel(RowTableModel[ActionItem]):
    """One row per action item, in the postmortem's order."""

    COLUMNS = ("Action", "Priority", "Owner", "Due", "Status")

    def __init__(self) -> None:
        super().__init__()
        self._factors: dict[int, WhyNode] = {}

    def set_items(self, items: list[ActionItem], factors: dict[int, WhyNode]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(items)
        self._factors = dict(factors)
        self.endResetModel()

    def item_at(self, row: int) -> ActionItem:
        """Return the item of ``row``."""
        return self._rows[row]

    def row_of(self, action_id: int) -> int:
        """Return the row of an item, or -1."""
        return self._row_where(lambda item: item.id == action_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, colour, tooltip or the item's id."""
        item = self._row_for(index)
        if item is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return int(item.id or 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(item, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(item, column)
        return None

    def _display(self, item: ActionItem, column: int) -> str:
        values = (
            item.title,
            item.priority.value,
            item.owner or "—",
            short_date(item.due_date),
            item.status.label,
        )
        return values[column] if 0 <= column < len(values) else ""

    def _tooltip(self, item: ActionItem, column: int) -> str | None:
        if column == 0:
            lines = [item.title, f"{item.action_type.label} · {item.priority.value}"]
            factor = self._factors.get(item.why_node_id or 0)
            if factor is not None:
                lines.append(f"Addresses: {factor.text}")
            lines.extend(f"To fix: {check.advice}" for check in failed_checks(item))
            return "\n".join(lines)
        if column == 4 and item.status == ActionStatus.WONT_DO:
            return f"Won't do: {item.wont_do_reason}"
        return None

    def _foreground(self, item: ActionItem, column: int) -> QColor | None:
        if item.status in (ActionStatus.DONE, ActionStatus.WONT_DO):
            return colour("muted")
        if column == 2 and not item.owner.strip():
            return colour("warning")
        return None

    def _decoration(self, item: ActionItem, column: int) -> QIcon | None:
        if column != 0 or item.status.is_closed:
            return None
        return status_dot("warning" if failed_checks(item) else "success")
