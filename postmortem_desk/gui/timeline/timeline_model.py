"""The timeline as a table model, its filter, and the delegate that marks gaps and milestones.

The model keeps the bundle's events as they are and formats only the cells the view asks for, so
100,000 events load in a fraction of a second and no row ever touches the database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import EventAnnotation, TimelineEvent
from postmortem_desk.domain.rules import format_duration
from postmortem_desk.gui.style import colour

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 20
GAP_ROLE = Qt.ItemDataRole.UserRole + 21
"""The quiet stretch before a row, as a timedelta, when it is longer than the threshold."""
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 22
"""True for the event under discussion."""
MILESTONE_ROLE = Qt.ItemDataRole.UserRole + 23
KNOWN_ROLE = Qt.ItemDataRole.UserRole + 24
"""Whether people knew this at the time (False: learned later, hindsight)."""

TIME, KIND, SOURCE, ACTOR, TEXT, MILESTONE, KNOWN = range(7)
COLUMNS = ("Time", "Kind", "Source", "Actor", "What happened", "Milestone", "Known")
COLUMN_TIPS = (
    "When it happened",
    "What kind of event",
    "Where the event came from",
    "Who or what acted",
    "What happened",
    "Key moment the durations are measured between",
    "Known at the time, or only learned later",
)

KIND_COLOURS: dict[EventKind, str] = {
    EventKind.ALERT: "danger",
    EventKind.PAGE: "sev2",
    EventKind.ACKNOWLEDGEMENT: "sev3",
    EventKind.CHAT: "muted",
    EventKind.CHANGE: "accent",
    EventKind.ACTION: "accent_hover",
    EventKind.MITIGATION: "success",
    EventKind.RESOLUTION: "success",
    EventKind.CUSTOMER_IMPACT: "danger",
    EventKind.NOTE: "sev4",
}
SHORT_KIND_LABELS: dict[EventKind, str] = {
    EventKind.ALERT: "Alert",
    EventKind.PAGE: "Page",
    EventKind.ACKNOWLEDGEMENT: "Ack",
    EventKind.CHAT: "Chat",
    EventKind.CHANGE: "Deploy",
    EventKind.ACTION: "Action",
    EventKind.MITIGATION: "Mitigation",
    EventKind.RESOLUTION: "Resolution",
    EventKind.CUSTOMER_IMPACT: "Impact",
    EventKind.NOTE: "Note",
}
"""The kind as the narrow table column shows it; the tooltip and filters use the full label."""
DEFAULT_GAP = timedelta(minutes=15)


def kind_colour(kind: EventKind) -> QColor:
    """Return the colour that marks ``kind`` in the table and the side panel."""
    return colour(KIND_COLOURS[kind])


_dot_icons: dict[EventKind, QIcon] = {}


def kind_icon(kind: EventKind) -> QIcon:
    """Return a small coloured dot for ``kind`` (made once per kind)."""
    icon = _dot_icons.get(kind)
    if icon is None:
        pixmap = QPixmap(20, 20)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_colour(kind))
        painter.drawEllipse(QRectF(5, 5, 10, 10))
        painter.end()
        icon = QIcon(pixmap)
        _dot_icons[kind] = icon
    return icon


def compact_duration(value: timedelta) -> str:
    """Write a gap short enough for a pill in the time column: ``17m``, ``1h05``, ``2d 3h``."""
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h{minutes:02d}"
    return f"{minutes}m"


def one_line(text: str) -> str:
    """Return ``text`` on one line, as a table cell shows it."""
    return " ".join(text.split())


ROW_CACHE_LIMIT = 4000
"""Rows whose cells stay formatted; scrolling far away starts the cache afresh."""


class _RowView(NamedTuple):
    """One row as the view paints it, formatted once."""

    texts: tuple[str, ...]
    id: int
    kind: EventKind
    milestone: str | None
    known: bool


_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ID_ROLE,
        GAP_ROLE,
        CURRENT_ROLE,
        MILESTONE_ROLE,
        KNOWN_ROLE,
    }
)


class TimelineModel(QAbstractTableModel):
    """One row per timeline event, in time order, shown in a chosen zone."""

    def __init__(self) -> None:
        super().__init__()
        self._events: list[TimelineEvent] = []
        self._row_of: dict[int, int] = {}
        self._gaps: dict[int, timedelta] = {}
        self._zone: tzinfo = UTC
        self._zone_label = "UTC"
        self._gap_threshold = DEFAULT_GAP
        self._multi_day = False
        self._current_id = 0
        self._annotation_counts: Mapping[int, int] = {}
        self._cache: dict[int, _RowView] = {}
        self._muted = colour("muted")
        self._warning = colour("warning")
        self._bold = QFont()
        self._bold.setBold(True)

    # --- Loading ------------------------------------------------------------------------------

    def set_events(
        self,
        events: Sequence[TimelineEvent],
        *,
        annotation_counts: Mapping[int, int] | None = None,
    ) -> None:
        """Show ``events`` (in time order); same rows in the same order only repaint."""
        new_events = list(events)
        same_rows = len(new_events) == len(self._events) and all(
            a.id == b.id for a, b in zip(new_events, self._events, strict=True)
        )
        self._annotation_counts = annotation_counts or {}
        self._cache.clear()
        if same_rows:
            self._events = new_events
            self._analyse()
            if new_events:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(new_events) - 1, len(COLUMNS) - 1)
                )
            return
        self.beginResetModel()
        self._events = new_events
        self._row_of = {event.id or 0: row for row, event in enumerate(new_events)}
        self._analyse()
        self.endResetModel()

    def set_zone(self, zone: tzinfo, label: str) -> None:
        """Show times in ``zone``; ``label`` names it in tooltips."""
        self._zone = zone
        self._zone_label = label
        self._cache.clear()
        self._multi_day = self._spans_days()
        self._repaint_column(TIME)

    def set_gap_threshold(self, threshold: timedelta) -> None:
        """Mark quiet stretches longer than ``threshold``."""
        self._gap_threshold = threshold
        self._gaps = self._find_gaps()
        self._repaint_column(TIME)

    def set_current_event(self, event_id: int) -> None:
        """Mark the event under discussion."""
        old = self._row_of.get(self._current_id, -1)
        self._current_id = event_id
        new = self._row_of.get(event_id, -1)
        for row in {old, new}:
            if 0 <= row < len(self._events):
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _analyse(self) -> None:
        self._gaps = self._find_gaps()
        self._multi_day = self._spans_days()

    def _find_gaps(self) -> dict[int, timedelta]:
        gaps: dict[int, timedelta] = {}
        threshold = self._gap_threshold
        previous: datetime | None = None
        for row, event in enumerate(self._events):
            moment = event.occurred_at
            if previous is not None and moment - previous > threshold:
                gaps[row] = moment - previous
            previous = moment
        return gaps

    def _spans_days(self) -> bool:
        if not self._events:
            return False
        zone = self._zone
        first = self._events[0].occurred_at.astimezone(zone).date()
        last = self._events[-1].occurred_at.astimezone(zone).date()
        return first != last

    def _repaint_column(self, column: int) -> None:
        if self._events:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._events) - 1, column))

    # --- Lookups ------------------------------------------------------------------------------

    @property
    def spans_days(self) -> bool:
        """Tell whether the timeline covers more than one day in the shown zone."""
        return self._multi_day

    @property
    def gap_count(self) -> int:
        """Return how many quiet stretches are longer than the threshold."""
        return len(self._gaps)

    def gap_before(self, row: int) -> timedelta | None:
        """Return the quiet stretch before ``row``, if it is longer than the threshold."""
        return self._gaps.get(row)

    def event_at(self, row: int) -> TimelineEvent:
        """Return the event shown in ``row``."""
        return self._events[row]

    def row_of(self, event_id: int) -> int:
        """Return the row of an event, or -1."""
        return self._row_of.get(event_id, -1)

    def events(self) -> list[TimelineEvent]:
        """Return the events in row order."""
        return self._events

    def format_time(self, moment: datetime, *, with_date: bool | None = None) -> str:
        """Write ``moment`` in the shown zone, with the date when the timeline spans days."""
        local = moment.astimezone(self._zone)
        show_date = self._multi_day if with_date is None else with_date
        return local.strftime("%d %b %H:%M" if show_date else "%H:%M")

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of events (no children)."""
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name the columns; the time column says which zone it shows."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == TIME:
                return f"When it happened, in {self._zone_label}"
            return COLUMN_TIPS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, tooltip, colour and the roles the delegate paints from."""
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._events):
            return None
        cached = self._row(row)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cached.texts[column]
        if role == ID_ROLE:
            return cached.id
        if role == CURRENT_ROLE:
            return cached.id == self._current_id
        if role == GAP_ROLE:
            return self._gaps.get(row)
        if role == MILESTONE_ROLE:
            return cached.milestone
        if role == KNOWN_ROLE:
            return cached.known
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(cached.kind) if column == KIND else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == KNOWN and not cached.known:
                return self._warning
            return self._muted if column == SOURCE else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if cached.id == self._current_id else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self._events[row], row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cached.texts[column] or COLUMNS[column]
        return None

    def _row(self, row: int) -> _RowView:
        """Return what the view paints of ``row``, reading the event only the first time."""
        cached = self._cache.get(row)
        if cached is None:
            if len(self._cache) > ROW_CACHE_LIMIT:
                self._cache.clear()
            event = self._events[row]
            cached = _RowView(
                texts=tuple(self._display(event, column) for column in range(len(COLUMNS))),
                id=event.id or 0,
                kind=event.kind,
                milestone=event.milestone.value if event.milestone is not None else None,
                known=event.known_at_time,
            )
            self._cache[row] = cached
        return cached

    def _display(self, event: TimelineEvent, column: int) -> str:
        if column == TIME:
            return self.format_time(event.occurred_at)
        if column == KIND:
            return SHORT_KIND_LABELS[event.kind]
        if column == SOURCE:
            return event.source.label
        if column == ACTOR:
            return event.actor
        if column == TEXT:
            count = self._annotation_counts.get(event.id or 0, 0)
            text = one_line(event.text)
            return f"{text}  \u2022 {count} note{'s' if count != 1 else ''}" if count else text
        if column == MILESTONE:
            return event.milestone.label if event.milestone is not None else ""
        if column == KNOWN:
            return "\u2713" if event.known_at_time else "Later"
        return ""

    def _tooltip(self, event: TimelineEvent, row: int, column: int) -> str | None:
        if column == TIME:
            local = event.occurred_at.astimezone(self._zone)
            lines = [f"{local:%A %d %B %Y, %H:%M:%S} ({self._zone_label})"]
            if self._zone_label != "UTC":
                lines.append(f"{event.occurred_at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC")
            gap = self._gaps.get(row)
            if gap is not None:
                lines.append(f"{format_duration(gap)} with nothing on the timeline before this.")
            return "\n".join(lines)
        if column == TEXT:
            return event.text or None
        if column == KNOWN:
            return (
                "Known at the time"
                if event.known_at_time
                else "Only learned later: hindsight, not what people saw then"
            )
        if column == KIND:
            return f"{event.kind.label} · from {event.source.label}"
        if column == ACTOR and event.actor:
            return event.actor
        if column == SOURCE and event.channel:
            return f"{event.source.label} · {event.channel}"
        return None


class TimelineFilterModel(QSortFilterProxyModel):
    """Filter the timeline by kind, source, actor and a text search; keep time order."""

    def __init__(self) -> None:
        super().__init__()
        self._kind: EventKind | None = None
        self._source: EventSource | None = None
        self._actor: str | None = None
        self._needle = ""

    @property
    def is_filtering(self) -> bool:
        """Tell whether any filter hides rows."""
        return bool(
            self._kind is not None or self._source is not None or self._actor is not None
        ) or bool(self._needle)

    def _change(self, **values: Any) -> None:
        """Set filter fields and re-filter the rows once."""
        if all(getattr(self, f"_{name}") == value for name, value in values.items()):
            return
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, f"_{name}", value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: EventKind | None) -> None:
        """Show only events of ``kind`` (None for all)."""
        self._change(kind=kind)

    def set_source(self, source: EventSource | None) -> None:
        """Show only events from ``source`` (None for all)."""
        self._change(source=source)

    def set_actor(self, actor: str | None) -> None:
        """Show only events by ``actor`` (None for everyone)."""
        self._change(actor=actor)

    def set_text(self, text: str) -> None:
        """Show only events whose text, actor or channel contains ``text`` (any case)."""
        self._change(needle=text.strip().casefold())

    def clear_filters(self) -> None:
        """Show every event."""
        self._change(kind=None, source=None, actor=None, needle="")

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Accept an event that passes every active filter (read from the event, not cells)."""
        if not self.is_filtering:
            return True
        model = self.sourceModel()
        if not isinstance(model, TimelineModel):
            return True
        event = model.event_at(source_row)
        if self._kind is not None and event.kind != self._kind:
            return False
        if self._source is not None and event.source != self._source:
            return False
        if self._actor is not None and event.actor != self._actor:
            return False
        if self._needle:
            haystack = f"{event.text}\n{event.actor}\n{event.channel}".casefold()
            if self._needle not in haystack:
                return False
        return True


class TimelineDelegate(QStyledItemDelegate):
    """Paint the current event's accent bar, gap markers in the time column, milestone pills.

    With ``inline_tags`` set (the view hid the milestone and known columns for room), the text
    cell starts with the milestone and "learned later" as small tags.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inline_tags = False
        self._accent = colour("accent")
        self._warning = colour("warning")
        self._warning_soft = colour("warning_soft")
        self._milestone = colour("success")
        self._milestone_soft = colour("success_soft")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Draw the cell, then the marks the timeline needs."""
        rect: QRect = option.rect
        column = index.column()
        milestone = index.data(MILESTONE_ROLE) if column in (MILESTONE, TEXT) else None
        later = column == TEXT and index.data(KNOWN_ROLE) is False
        if column == MILESTONE and milestone:
            self._paint_milestone(painter, option, index, str(milestone))
        elif column == TEXT and self.inline_tags and (milestone or later):
            self._paint_tagged_text(painter, option, index, milestone, later)
        else:
            super().paint(painter, option, index)
        gap = index.data(GAP_ROLE)
        current = column == TIME and bool(index.data(CURRENT_ROLE))
        if gap is None and not current:
            return
        painter.save()
        if gap is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._warning)
            painter.drawRect(QRect(rect.left(), rect.top(), rect.width(), 2))
        if column == TIME and isinstance(gap, timedelta):
            self._paint_gap(painter, rect, gap)
        if current:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._accent)
            painter.drawRect(QRect(rect.left(), rect.top(), 4, rect.height()))
        painter.restore()

    def _paint_gap(self, painter: QPainter, rect: QRect, gap: timedelta) -> None:
        label = compact_duration(gap)
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        font.setBold(True)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(label) + 10
        height = painter.fontMetrics().height() + 2
        pill = QRectF(rect.right() - width - 6, rect.center().y() - height / 2 + 1, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._warning_soft)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(self._warning)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QStyleOptionViewItem:
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        return background

    def _pill(
        self, painter: QPainter, left: float, rect: QRect, label: str, fg: QColor, bg: QColor
    ) -> float:
        """Draw a small rounded tag starting at ``left``; return where the next thing starts."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        width = min(rect.right() - left - 2, painter.fontMetrics().horizontalAdvance(label) + 16)
        height = painter.fontMetrics().height() + 4
        pill = QRectF(left, rect.center().y() - height / 2 + 1, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(fg)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
        return pill.right() + 6

    def _paint_milestone(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex, value: str
    ) -> None:
        self._paint_background(painter, option, index)
        rect: QRect = option.rect
        label = Milestone(value).label
        self._pill(painter, rect.left() + 6, rect, label, self._milestone, self._milestone_soft)

    def _paint_tagged_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: ModelIndex,
        milestone: object,
        later: bool,
    ) -> None:
        styled = self._paint_background(painter, option, index)
        rect: QRect = option.rect
        left = float(rect.left() + 6)
        if milestone:
            label = Milestone(str(milestone)).label
            left = self._pill(painter, left, rect, label, self._milestone, self._milestone_soft)
        if later:
            left = self._pill(painter, left, rect, "Later", self._warning, self._warning_soft)
        text_rect = QRect(
            int(left), rect.top(), max(0, rect.right() - int(left) - 4), rect.height()
        )
        painter.save()
        painter.setFont(styled.font)
        text = painter.fontMetrics().elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            Qt.TextElideMode.ElideRight,
            text_rect.width(),
        )
        painter.setPen(styled.palette.color(styled.palette.ColorRole.Text))
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()


def annotation_counts(annotations: Sequence[EventAnnotation]) -> dict[int, int]:
    """Count the questions and notes of each event."""
    counts: dict[int, int] = {}
    for annotation in annotations:
        counts[annotation.event_id] = counts.get(annotation.event_id, 0) + 1
    return counts
