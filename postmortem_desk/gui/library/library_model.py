"""The library of postmortems as a table model."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from postmortem_desk.domain.enums import PostmortemStatus
from postmortem_desk.gui.models.row_table import ModelIndex, RowTableModel
from postmortem_desk.gui.widgets.severity import SEVERITY_ROLE
from postmortem_desk.services.postmortems import PostmortemSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


def _date(value: datetime | None) -> str:
    return value.astimezone().strftime("%d %b %Y") if value else "—"


class LibraryModel(RowTableModel[PostmortemSummary]):
    """One row per postmortem summary."""

    COLUMNS = ("Severity", "Title", "Status", "Incident", "Meeting", "Events", "Open actions")

    def __init__(self) -> None:
        super().__init__()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_summaries(self, rows: list[PostmortemSummary]) -> None:
        """Replace every row, keeping the current sort."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort_column >= 0:
            self._rows.sort(
                key=lambda summary: self._sort_key(summary, self._sort_column),
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        self.endResetModel()

    def summary_at(self, row: int) -> PostmortemSummary:
        """Return the summary shown in ``row``."""
        return self._rows[row]

    def row_of(self, postmortem_id: int) -> int:
        """Return the row of a postmortem, or -1."""
        return self._row_where(lambda summary: summary.id == postmortem_id)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python on plain keys: far cheaper than a proxy asking data()."""
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort_column = column
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda summary: self._sort_key(summary, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a cell shows, its sort key, id and severity."""
        summary = self._row_for(index)
        if summary is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return int(summary.id)
        if role == SEVERITY_ROLE:
            return summary.severity if column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SORT_ROLE:
            return self._sort_key(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return f"{summary.incident_key}  {summary.title}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(summary: PostmortemSummary, column: int) -> str:
        values = (
            "",
            f"{summary.incident_key} · {summary.title}" if summary.incident_key else summary.title,
            summary.status.label,
            _date(summary.started_at),
            _date(summary.meeting_date),
            str(summary.event_count),
            str(summary.open_action_count),
        )
        return values[column] if 0 <= column < len(values) else ""

    @staticmethod
    def _sort_key(summary: PostmortemSummary, column: int) -> Any:
        floor = datetime.min.isoformat()
        keys: tuple[Any, ...] = (
            summary.severity.value,
            summary.title.lower(),
            list(PostmortemStatus).index(summary.status),
            summary.started_at.isoformat() if summary.started_at else floor,
            summary.meeting_date.isoformat() if summary.meeting_date else floor,
            summary.event_count,
            summary.open_action_count,
        )
        return keys[column] if 0 <= column < len(keys) else None


class LibraryFilterModel(QSortFilterProxyModel):
    """Filter the library by a search text over title, incident key and status."""

    def __init__(self) -> None:
        super().__init__()
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the library model sort itself; this proxy only filters."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
