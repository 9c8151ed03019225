"""Table model of tracker rows, and the proxy that filters them with the service's own rule."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from postmortem_desk.domain.follow_through import SlaKind
from postmortem_desk.gui.style import colour
from postmortem_desk.gui.widgets.severity import SEVERITY_ROLE
from postmortem_desk.services.tracker import TrackerFilter, TrackerRow

ModelIndex = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 20
ID_ROLE = Qt.ItemDataRole.UserRole + 22

SOON_DAYS = 2


class Column(IntEnum):
    """The tracker's columns, in display order."""

    TITLE = 0
    POSTMORTEM = 1
    SEVERITY = 2
    OWNER = 3
    TEAM = 4
    PRIORITY = 5
    STATUS = 6
    DUE = 7
    SLA = 8
    TICKET = 9


HEADERS: dict[Column, str] = {
    Column.TITLE: "Action item",
    Column.POSTMORTEM: "Postmortem",
    Column.SEVERITY: "Severity",
    Column.OWNER: "Owner",
    Column.TEAM: "Team",
    Column.PRIORITY: "Priority",
    Column.STATUS: "Status",
    Column.DUE: "Due",
    Column.SLA: "SLA",
    Column.TICKET: "Ticket",
}

CENTRED = {Column.SEVERITY, Column.PRIORITY}


def display_text(row: TrackerRow, column: Column) -> str:
    """Return what one cell shows."""
    match column:
        case Column.TITLE:
            return row.title
        case Column.POSTMORTEM:
            return row.postmortem_title
        case Column.SEVERITY:
            return row.severity.value
        case Column.OWNER:
            return row.owner or "—"
        case Column.TEAM:
            return row.team or "—"
        case Column.PRIORITY:
            return row.priority.value
        case Column.STATUS:
            return row.status.label
        case Column.DUE:
            return row.due_date.strftime("%d %b %Y") if row.due_date else "—"
        case Column.SLA:
            return row.sla.label
        case Column.TICKET:
            return row.ticket_key or ("link" if row.ticket_url else "")


def sort_key(row: TrackerRow, column: Column) -> Any:
    """Return the value a column sorts by; ties fall back to urgency then id."""
    match column:
        case Column.TITLE:
            primary: Any = row.title.casefold()
        case Column.POSTMORTEM:
            primary = row.postmortem_title.casefold()
        case Column.SEVERITY:
            primary = row.severity.value
        case Column.OWNER:
            primary = (not row.owner, row.owner.casefold())
        case Column.TEAM:
            primary = (not row.team, row.team.casefold())
        case Column.PRIORITY:
            primary = row.priority.value
        case Column.STATUS:
            primary = list(type(row.status)).index(row.status)
        case Column.DUE:
            primary = (row.due_date is None, row.due_date.toordinal() if row.due_date else 0)
        case Column.SLA:
            primary = row.sla.urgency
        case Column.TICKET:
            primary = (not row.ticket_key, row.ticket_key.casefold())
    return (primary, row.sla.urgency, row.id)


def sla_colour(row: TrackerRow) -> QColor | None:
    """Return the colour the SLA cell is written in: red overdue, amber soon, green on time."""
    kind = row.sla.kind
    if kind is SlaKind.OVERDUE:
        return colour("danger")
    if kind is SlaKind.DUE_TODAY or (kind is SlaKind.DUE_LATER and row.sla.days <= SOON_DAYS):
        return colour("warning")
    if kind is SlaKind.DONE_ON_TIME:
        return colour("success")
    if kind in (SlaKind.DONE_LATE, SlaKind.WONT_DO, SlaKind.NO_DUE_DATE):
        return colour("muted")
    return None


class TrackerModel(QAbstractTableModel):
    """Rows of the tracker; sorting happens here on plain keys so 10,000 rows sort instantly."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TrackerRow] = []
        self._sort: tuple[Column, Qt.SortOrder] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[TrackerRow]) -> None:
        """Replace every row, keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rows(self) -> list[TrackerRow]:
        """Return the rows in model order."""
        return list(self._rows)

    def row_list(self) -> list[TrackerRow]:
        """Return the model's own list of rows; it is replaced, never edited, on reset and sort."""
        return self._rows

    def row_at(self, row: int) -> TrackerRow:
        """Return the tracker row at a model row."""
        return self._rows[row]

    def row_of(self, item_id: int) -> int:
        """Return the model row of an action item, or -1."""
        for number, candidate in enumerate(self._rows):
            if candidate.id == item_id:
                return number
        return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of items (0 under any item: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name the columns."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[Column(section)]
            if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in CENTRED:
                return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return one cell's text, colour, font or the row itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return int(row.id)
        if role == SEVERITY_ROLE and column is Column.SEVERITY:
            return row.severity
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.SLA:
                return sla_colour(row)
            if column is Column.TICKET and row.ticket_url:
                return colour("accent")
            if row.status.is_closed:
                return colour("muted")
            return None
        if role == Qt.ItemDataRole.FontRole and column is Column.SLA:
            return self._bold if row.sla.kind is SlaKind.OVERDUE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {display_text(row, column)}"
        return None

    @staticmethod
    def _tooltip(row: TrackerRow, column: Column) -> str | None:
        if column is Column.TITLE:
            if row.wont_do_reason:
                return f"{row.title}\nWon't do: {row.wont_do_reason}"
            return row.title
        if column is Column.POSTMORTEM:
            services = ", ".join(row.services) or "no services recorded"
            return f"{row.postmortem_title}\n{row.severity.value} · {services}"
        if column is Column.TICKET and row.ticket_url:
            return f"Open {row.ticket_url}"
        if column is Column.SLA and row.due_date is not None:
            return f"Due {row.due_date.isoformat()}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column on plain Python keys, keeping selections through persistent indexes."""
        if not 0 <= column < len(Column):
            return
        self._sort = (Column(column), order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._sort_rows(Column(column), order)
        positions = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(positions[item_id], index.column())
                for item_id, index in zip(ids, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_rows(self, column: Column, order: Qt.SortOrder) -> None:
        self._rows = sorted(
            self._rows,
            key=lambda row: sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )


class TrackerFilterModel(QSortFilterProxyModel):
    """Show the rows a ``TrackerFilter`` (plus a free-text search) lets through.

    Sorting is handed to the source model, which sorts on plain keys in one pass.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = TrackerFilter()
        self._search = ""
        self._accepted: list[bool] | None = None
        self._accepted_for: list[TrackerRow] | None = None

    def tracker_filter(self) -> TrackerFilter:
        """Return the filter in force."""
        return self._filter

    def set_tracker_filter(self, value: TrackerFilter) -> None:
        """Apply a new filter."""
        if value != self._filter:
            self.beginFilterChange()
            self._filter = value
            self._accepted = None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search_text(self, text: str) -> None:
        """Show only items whose title, postmortem, owner or ticket contains ``text``."""
        text = text.strip().casefold()
        if text != self._search:
            self.beginFilterChange()
            self._search = text
            self._accepted = None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Apply the tracker filter and the search text, judged for all rows in one pass."""
        model = self.sourceModel()
        if not isinstance(model, TrackerModel):
            return True
        rows = model.row_list()
        if self._accepted is None or self._accepted_for is not rows:
            self._accepted = [self._accepts(row) for row in rows]
            self._accepted_for = rows
        return self._accepted[source_row]

    def _accepts(self, row: TrackerRow) -> bool:
        if not self._filter.matches(row):
            return False
        if self._search:
            haystack = " ".join(
                (row.title, row.postmortem_title, row.owner, row.team, row.ticket_key)
            ).casefold()
            return self._search in haystack
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the source model sort; this proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, TrackerModel):
            model.sort(column, order)

    def row_at(self, proxy_row: int) -> TrackerRow:
        """Return the tracker row shown at a proxy row."""
        source = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        assert isinstance(model, TrackerModel)
        return model.row_at(source.row())

    def visible_rows(self) -> list[TrackerRow]:
        """Return the rows the view shows, in its order."""
        return [self.row_at(number) for number in range(self.rowCount())]
