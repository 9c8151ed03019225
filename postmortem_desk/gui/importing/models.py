"""Table models of the import dialog: the events it found, what it left out, channels, CSV rows.

Every model formats the cells the view asks for and nothing more, so a preview of 100,000 events
opens at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from postmortem_desk.gui.style import colour
from postmortem_desk.gui.timeline.timeline_model import kind_icon, one_line
from postmortem_desk.importers import CsvLayout, ImportedEvent, SlackChannel
from postmortem_desk.services.timeline_import import ImportPreview

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 40
DUPLICATE_ROLE = Qt.ItemDataRole.UserRole + 41
"""True for an event that is already on the timeline and will be skipped."""

ALREADY_THERE = "Already in the timeline"


# --- The events of the preview ------------------------------------------------------------------

TIME, KIND, SOURCE, ACTOR, TEXT, STATUS = range(6)
EVENT_COLUMNS = ("Time", "Kind", "Source", "Actor", "What happened", "Import")


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One event of the file and whether it is new or already on the timeline."""

    event: ImportedEvent
    duplicate: bool


def preview_rows(preview: ImportPreview) -> list[PreviewRow]:
    """Merge the new events and the duplicates into one list in time order."""
    rows = [PreviewRow(event, False) for event in preview.to_add]
    rows.extend(PreviewRow(event, True) for event in preview.duplicates)
    rows.sort(key=lambda row: row.event.occurred_at.astimezone(UTC))
    return rows


def spans_days(moments: Iterable[datetime], zone: tzinfo) -> bool:
    """Tell whether ``moments`` fall on more than one day in ``zone``."""
    days = {moment.astimezone(zone).date() for moment in moments}
    return len(days) > 1


class PreviewEventModel(QAbstractTableModel):
    """The events an import would add, in the incident's zone; duplicates greyed and marked."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PreviewRow] = []
        self._zone: tzinfo = UTC
        self._zone_label = "UTC"
        self._with_date = False
        self._muted = colour("muted")
        self._border = colour("border_strong")
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_preview(self, preview: ImportPreview | None, zone: tzinfo, zone_label: str) -> None:
        """Show ``preview``'s events (none for None) with times in ``zone``."""
        self.beginResetModel()
        self._rows = preview_rows(preview) if preview is not None else []
        self._zone = zone
        self._zone_label = zone_label
        self._with_date = spans_days((row.event.occurred_at for row in self._rows), zone)
        self.endResetModel()

    @property
    def with_date(self) -> bool:
        """Tell whether the time column shows dates (the events span days)."""
        return self._with_date

    def row_at(self, row: int) -> PreviewRow:
        """Return the event shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of events (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(EVENT_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name the columns; the time column names its zone."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(EVENT_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == TIME:
                return f"Time ({self._zone_label})"
            return EVENT_COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == TIME:
                return f"When it happened, in the incident's zone ({self._zone_label})"
            if section == STATUS:
                return "New, or already in the timeline (then it is skipped)"
            return None
        return None

    def _time_text(self, moment: datetime) -> str:
        local = moment.astimezone(self._zone)
        return local.strftime("%Y-%m-%d %H:%M:%S" if self._with_date else "%H:%M:%S")

    def _display(self, row: PreviewRow, column: int) -> str:
        event = row.event
        if column == TIME:
            return self._time_text(event.occurred_at)
        if column == KIND:
            return event.kind.label
        if column == SOURCE:
            return f"{event.source.label} {event.channel}" if event.channel else event.source.label
        if column == ACTOR:
            return event.actor
        if column == TEXT:
            text = one_line(event.text)
            return f"↳ {text}" if event.is_reply else text
        if row.duplicate:
            return ALREADY_THERE
        return f"New · {event.milestone.label}" if event.milestone is not None else "New"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, tooltip, colour and sort key."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.duplicate:
                return self._muted
            if column == STATUS and row.event.milestone is None:
                return self._muted
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if row.duplicate and column == STATUS else None
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(row.event.kind) if column == KIND and not row.duplicate else None
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == DUPLICATE_ROLE:
            return row.duplicate
        return None

    def _tooltip(self, row: PreviewRow, column: int) -> str | None:
        event = row.event
        if column == TEXT:
            return event.text + (f"\n{event.link}" if event.link else "")
        if column == TIME:
            utc = event.occurred_at.astimezone(UTC)
            return f"{utc:%Y-%m-%d %H:%M:%S} UTC"
        if column == STATUS and row.duplicate:
            return "The same time, text and source are on the timeline already; skipped."
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` in Python, fast enough for 100,000 events."""
        if not 0 <= column < len(EVENT_COLUMNS) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        tracked = [self._rows[index.row()] for index in persistent]
        if column == TIME:
            ordered = sorted(self._rows, key=lambda row: row.event.occurred_at.astimezone(UTC))
        else:
            ordered = sorted(self._rows, key=lambda row: self._sort_key(row, column))
        if order == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        self._rows = ordered
        if persistent:
            new_positions = {id(row): position for position, row in enumerate(ordered)}
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(new_positions[id(row)], index.column())
                    for row, index in zip(tracked, persistent, strict=True)
                ],
            )
        self.layoutChanged.emit()

    def _sort_key(self, row: PreviewRow, column: int) -> Any:
        if column == TIME:
            return row.event.occurred_at.astimezone(UTC).timestamp()
        if column == STATUS:
            return int(row.duplicate)
        return self._display(row, column).lower()


class PreviewFilterModel(QSortFilterProxyModel):
    """Hide the duplicates on request; sorting is left to the source model (fast in Python)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)
        self._hide_duplicates = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the source model to order its rows; the proxy keeps their order."""
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_hide_duplicates(self, hide: bool) -> None:
        """Show only the events that will be written."""
        self.beginFilterChange()
        self._hide_duplicates = hide
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Hide duplicates when asked."""
        if not self._hide_duplicates:
            return True
        model = self.sourceModel()
        if isinstance(model, PreviewEventModel):
            return not model.row_at(source_row).duplicate
        return not model.index(source_row, 0, source_parent).data(DUPLICATE_ROLE)


# --- What the import leaves out ----------------------------------------------------------------


class IssueLevel(Enum):
    """How much a left-out record matters."""

    PROBLEM = "Problem"
    WARNING = "Warning"
    DUPLICATE = "Duplicate"
    SKIPPED = "Skipped"


@dataclass(frozen=True, slots=True)
class Issue:
    """One line of the "not imported" list: a problem, a warning or a group of skipped records."""

    level: IssueLevel
    file: str
    where: str
    message: str


LEVEL, FILE, WHERE, MESSAGE = range(4)
ISSUE_COLUMNS = ("", "File", "Record or line", "What")
SKIPPED_PLACES = 1


def _places(places: Sequence[str]) -> str:
    shown = ", ".join(places[:SKIPPED_PLACES])
    more = len(places) - SKIPPED_PLACES
    return f"{shown} and {more} more" if more > 0 else shown


_WARNING_PLACE = re.compile(
    r"^(?P<file>[^\s:,]+\.[^\s:,]+)(?:, (?P<where>line \d+))?: (?P<message>.+)$", re.S
)


def split_warning(warning: str, file_name: str) -> tuple[str, str, str]:
    """Split ``file.csv, line 7: message`` into file, place and message."""
    match = _WARNING_PLACE.match(warning)
    if match is None:
        return file_name, "", warning
    return match["file"], match["where"] or "", match["message"]


def preview_issues(preview: ImportPreview) -> list[Issue]:
    """List every problem and warning, the duplicates, and the skipped records by reason."""
    issues: list[Issue] = []
    for problem in preview.problems:
        where = ", ".join(
            part
            for part in (
                f"line {problem.line}" if problem.line is not None else "",
                problem.record,
            )
            if part
        )
        issues.append(Issue(IssueLevel.PROBLEM, problem.file, where, problem.message))
    for warning in preview.warnings:
        file, where, message = split_warning(warning, preview.file_name)
        issues.append(Issue(IssueLevel.WARNING, file, where, message))
    if preview.duplicates:
        count = len(preview.duplicates)
        issues.append(
            Issue(
                IssueLevel.DUPLICATE,
                preview.file_name,
                "",
                f"{count} event{'s are' if count != 1 else ' is'} already in the timeline "
                "(same time, text and source); skipped",
            )
        )
    by_reason: dict[str, list[str]] = {}
    for item in preview.skipped:
        by_reason.setdefault(item.reason, []).append(item.where)
    for reason, places in sorted(by_reason.items(), key=lambda pair: -len(pair[1])):
        count = len(places)
        issues.append(
            Issue(
                IssueLevel.SKIPPED,
                preview.file_name,
                _places(places),
                f"{count} record{'s' if count != 1 else ''} left out: {reason}",
            )
        )
    return issues


class IssueModel(QAbstractTableModel):
    """Problems, warnings, duplicates and skipped records, most serious first."""

    LEVEL_COLOURS: ClassVar[dict[IssueLevel, str]] = {
        IssueLevel.PROBLEM: "danger",
        IssueLevel.WARNING: "warning",
        IssueLevel.DUPLICATE: "muted",
        IssueLevel.SKIPPED: "muted",
    }

    def __init__(self) -> None:
        super().__init__()
        self._issues: list[Issue] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._colours = {level: colour(name) for level, name in self.LEVEL_COLOURS.items()}

    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Show ``issues``."""
        self.beginResetModel()
        self._issues = list(issues)
        self.endResetModel()

    def count(self, level: IssueLevel) -> int:
        """Count the lines of one level."""
        return sum(1 for issue in self._issues if issue.level is level)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of lines (no children)."""
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(ISSUE_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name the columns."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ISSUE_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ISSUE_COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, colour and tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (issue.level.value, issue.file, issue.where, issue.message)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (WHERE, MESSAGE):
            return (issue.where, issue.message)[column - WHERE] or None
        if role == Qt.ItemDataRole.ForegroundRole and column == LEVEL:
            return self._colours[issue.level]
        if role == Qt.ItemDataRole.FontRole and column == LEVEL:
            return self._bold
        return None


# --- Slack channels -----------------------------------------------------------------------------

CHANNEL, DAYS, FIRST_DAY, LAST_DAY = range(4)
CHANNEL_COLUMNS = ("Channel", "Days", "First day", "Last day")


class SlackChannelModel(QAbstractTableModel):
    """The channels of a Slack export, each with a checkbox."""

    def __init__(self) -> None:
        super().__init__()
        self._channels: list[SlackChannel] = []
        self._checked: list[bool] = []

    def set_channels(self, channels: Sequence[SlackChannel], checked: bool = True) -> None:
        """List ``channels``, all checked or all unchecked."""
        self.beginResetModel()
        self._channels = list(channels)
        self._checked = [checked] * len(self._channels)
        self.endResetModel()

    def set_all_checked(self, checked: bool) -> None:
        """Check or uncheck every channel."""
        self._checked = [checked] * len(self._channels)
        if self._channels:
            self.dataChanged.emit(
                self.index(0, CHANNEL),
                self.index(len(self._channels) - 1, CHANNEL),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def channels(self) -> list[SlackChannel]:
        """Return every listed channel."""
        return list(self._channels)

    def checked_names(self) -> list[str]:
        """Return the names of the checked channels."""
        return [c.name for c, on in zip(self._channels, self._checked, strict=True) if on]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of channels (no children)."""
        return 0 if parent.isValid() else len(self._channels)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(CHANNEL_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name the columns."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(CHANNEL_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return CHANNEL_COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == DAYS:
            return "Days with messages in the export"
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the name, the day count and range, and the checkbox."""
        if not index.isValid() or not 0 <= index.row() < len(self._channels):
            return None
        channel = self._channels[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == CHANNEL:
                return f"#{channel.name}"
            if column == DAYS:
                return str(channel.day_files)
            day = channel.first_day if column == FIRST_DAY else channel.last_day
            return day.isoformat() if day is not None else "—"
        if role == Qt.ItemDataRole.CheckStateRole and column == CHANNEL:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Let the channel column be checked."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHANNEL:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Check or uncheck a channel."""
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != CHANNEL
        ):
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


# --- CSV sample rows ----------------------------------------------------------------------------


class CsvSampleModel(QAbstractTableModel):
    """The first rows of a CSV file; columns that feed a field say which and are tinted."""

    def __init__(self) -> None:
        super().__init__()
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[tuple[str, ...], ...] = ()
        self._fields_of: dict[int, list[str]] = {}
        self._tint = QColor(colour("accent_soft"))

    def set_layout(self, layout: CsvLayout | None) -> None:
        """Show ``layout``'s headers and sample rows (nothing for None)."""
        self.beginResetModel()
        self._headers = layout.headers if layout is not None else ()
        self._rows = layout.sample_rows if layout is not None else ()
        self._fields_of = {}
        self.endResetModel()

    def set_mapping(self, mapping: dict[str, int]) -> None:
        """Mark which column feeds which field."""
        fields_of: dict[int, list[str]] = {}
        for field, column in mapping.items():
            fields_of.setdefault(column, []).append(field)
        self._fields_of = fields_of
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1)
                )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of sample rows (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns of the header row."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name each column by its header and the field it feeds."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            fields = self._fields_of.get(section)
            header = self._headers[section] or f"Column {section + 1}"
            return f"{header} → {', '.join(fields)}" if fields else header
        if role == Qt.ItemDataRole.ToolTipRole:
            fields = self._fields_of.get(section)
            return f"Read as {', '.join(fields)}" if fields else "Not imported"
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell of the sample on one line; tint the mapped columns."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return one_line(row[column]) if column < len(row) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row[column] if column < len(row) and row[column] else None
        if role == Qt.ItemDataRole.BackgroundRole and column in self._fields_of:
            return self._tint
        return None
