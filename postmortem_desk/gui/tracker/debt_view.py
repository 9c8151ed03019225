"""The postmortem-debt overview: headline figures and charts of what is still open."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.follow_through import DebtOverview, Ratio
from postmortem_desk.gui.change_relay import ChangeRelay, RefreshOnChange
from postmortem_desk.gui.style import colour
from postmortem_desk.services.base import Entity
from postmortem_desk.services.tracker import TrackerService

REFRESHING_ENTITIES = {Entity.ACTION, Entity.POSTMORTEM}
TOP_POSTMORTEMS = 8
TOP_TEAMS = 8
LABEL_CHARS = 28


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def count_axis(peak: int) -> tuple[int, int]:
    """Return (upper bound, tick count) for a count axis whose ticks land on whole numbers."""
    if peak < 8:
        upper = max(peak, 1) + 1
        return upper, upper + 1
    for step in (2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        upper = (peak // step + 1) * step
        if upper // step <= 8:
            return upper, upper // step + 1
    upper = (peak // 10000 + 1) * 10000
    return upper, upper // 10000 + 1


def _count_axis(peak: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    upper, ticks = count_axis(peak)
    axis.setRange(0, upper)
    axis.setTickCount(ticks)
    _style_axis(axis)
    return axis


MIN_TREND_MONTHS = 6


class FigureCard(QFrame):
    """A card with a caption, one large figure and a line of detail."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(2)
        self.caption_label = QLabel(caption)
        self.caption_label.setProperty("role", "muted")
        self.value_label = QLabel("—")
        self.value_label.setObjectName(f"{name}Value")
        self.detail_label = QLabel()
        self.detail_label.setProperty("role", "hint")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)

    def set_figure(self, value: str, detail: str, tone: str | None = None) -> None:
        """Show a figure, its detail line, and colour it with a palette name."""
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        tint = f"color: {colour(tone).name()};" if tone else ""
        self.value_label.setStyleSheet(f"font-size: 24pt; font-weight: 700; {tint}")
        self.setAccessibleName(f"{self.caption_label.text()}: {value}. {detail}")


def _share_text(ratio: Ratio) -> str:
    share = ratio.share
    return "—" if share is None else f"{round(100 * share)} %"


class ChartCard(QFrame):
    """A card holding a titled chart."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(4)
        heading = QLabel(title)
        heading.setProperty("role", "sectionTitle")
        self.chart = QChart()
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(0, 0, 0, 0))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart.legend().setLabelColor(colour("muted"))
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = QChartView(self.chart)
        self.view.setObjectName(f"{name}View")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setStyleSheet("background: transparent; border: none;")
        self.view.setMinimumHeight(200)
        self.empty_label = QLabel("Nothing open. Good follow-through!")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)

    def reset(self) -> None:
        """Remove every series and axis."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def set_empty(self, empty: bool) -> None:
        """Show a sentence instead of an empty chart."""
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)


def _style_axis(axis: QValueAxis | QBarCategoryAxis) -> None:
    axis.setLabelsColor(colour("muted"))
    axis.setGridLineColor(colour("border"))
    axis.setLinePenColor(colour("border"))
    font = QFont(axis.labelsFont())
    font.setPointSize(8)
    axis.setLabelsFont(font)


class DebtOverviewWidget(QWidget):
    """Postmortem debt at a glance: open and overdue items, SLA shares, per postmortem and team."""

    def __init__(
        self,
        tracker: TrackerService,
        relay: ChangeRelay | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("debtOverview")
        self.setAccessibleName("Postmortem debt overview")
        self.tracker = tracker
        self.relay = relay if relay is not None else ChangeRelay(tracker.bus, self)
        self._changes = RefreshOnChange(self.relay, REFRESHING_ENTITIES, self.refresh, self)
        self.overview: DebtOverview | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(14)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel("Postmortem debt")
        title.setProperty("role", "pageTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("debtSubtitleLabel")
        self.subtitle_label.setProperty("role", "muted")
        titles.addWidget(title)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles)
        header.addStretch(1)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.setObjectName("debtRefreshButton")
        self.refresh_button.setAccessibleName("Refresh the debt overview")
        self.refresh_button.setProperty("role", "flat")
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(header)

        figures = QHBoxLayout()
        figures.setSpacing(14)
        self.open_card = FigureCard("openItemsCard", "Open action items")
        self.overdue_card = FigureCard("overdueItemsCard", "Overdue")
        self.sla_card = FigureCard("withinSlaCard", "Done within SLA")
        self.stale_card = FigureCard("openAfter30Card", "Still open 30 days after the meeting")
        for card in (self.open_card, self.overdue_card, self.sla_card, self.stale_card):
            figures.addWidget(card, 1)
        outer.addLayout(figures)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        self.postmortem_chart = ChartCard("openByPostmortemChart", "Open items per postmortem")
        self.team_chart = ChartCard("openByTeamChart", "Open items per team")
        self.trend_chart = ChartCard("trendChart", "Trend by month")
        grid.addWidget(self.postmortem_chart, 0, 0)
        grid.addWidget(self.team_chart, 0, 1)
        grid.addWidget(self.trend_chart, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        outer.addLayout(grid, 1)

    # --- Data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the overview from the service and redraw every figure and chart."""
        self._changes.cancel()
        overview = self.tracker.debt()
        self.overview = overview
        self.subtitle_label.setText(
            f"Across every postmortem, as of {overview.today.strftime('%d %b %Y')}"
        )
        self.open_card.set_figure(
            str(overview.open_count),
            f"in {len(overview.by_postmortem)} postmortem(s), {len(overview.by_team)} team(s)",
        )
        self.overdue_card.set_figure(
            str(overview.overdue_count),
            "past their due date and not done",
            "danger" if overview.overdue_count else "success",
        )
        within = overview.done_within_sla
        self.sla_card.set_figure(
            _share_text(within),
            f"{within.part} of {within.whole} items with a settled due date"
            if within.whole
            else "No due date has passed yet",
            None if within.share is None else ("success" if within.share >= 0.8 else "warning"),
        )
        stale = overview.open_after_30_days
        self.stale_card.set_figure(
            _share_text(stale),
            f"{stale.part} of {stale.whole} items whose meeting was 30+ days ago"
            if stale.whole
            else "No meeting is 30 days old yet",
            None if stale.share is None else ("danger" if stale.share > 0.5 else "warning"),
        )
        self._draw_postmortems(overview)
        self._draw_teams(overview)
        self._draw_trend(overview)

    def _draw_stacked(
        self, card: ChartCard, labels: list[str], open_counts: list[int], overdue: list[int]
    ) -> None:
        card.reset()
        card.set_empty(not labels)
        if not labels:
            return
        on_track = QBarSet("Open")
        on_track.setColor(colour("accent"))
        on_track.setBorderColor(colour("accent"))
        late = QBarSet("Overdue")
        late.setColor(colour("danger"))
        late.setBorderColor(colour("danger"))
        bottom_up = list(zip(labels, open_counts, overdue, strict=True))[::-1]
        for _label, total, overdue_count in bottom_up:
            on_track.append(total - overdue_count)
            late.append(overdue_count)
        series = QHorizontalStackedBarSeries()
        series.append(late)
        series.append(on_track)
        series.setBarWidth(0.62)
        card.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([label for label, _total, _overdue in bottom_up])
        values = _count_axis(max(open_counts))
        _style_axis(categories)
        categories.setGridLineVisible(False)
        card.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        card.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _draw_postmortems(self, overview: DebtOverview) -> None:
        top = overview.by_postmortem[:TOP_POSTMORTEMS]
        self._draw_stacked(
            self.postmortem_chart,
            [_short(debt.title) for debt in top],
            [debt.open_count for debt in top],
            [debt.overdue_count for debt in top],
        )

    def _draw_teams(self, overview: DebtOverview) -> None:
        top = overview.by_team[:TOP_TEAMS]
        self._draw_stacked(
            self.team_chart,
            [_short(debt.team, 18) for debt in top],
            [debt.open_count for debt in top],
            [debt.overdue_count for debt in top],
        )

    def _draw_trend(self, overview: DebtOverview) -> None:
        card = self.trend_chart
        card.reset()
        trend = list(overview.trend)
        while len(trend) > MIN_TREND_MONTHS and not (
            trend[0].opened or trend[0].closed or trend[0].open_at_end
        ):
            trend.pop(0)
        card.set_empty(False)
        opened = QBarSet("Opened")
        opened.setColor(QColor(colour("accent")).lighter(150))
        opened.setBorderColor(QColor(colour("accent")).lighter(150))
        closed = QBarSet("Done")
        closed.setColor(colour("success"))
        closed.setBorderColor(colour("success"))
        line = QLineSeries()
        line.setName("Open at month end")
        pen = QPen(colour("danger"))
        pen.setWidth(3)
        line.setPen(pen)
        line.setPointsVisible(True)
        for position, month in enumerate(trend):
            opened.append(month.opened)
            closed.append(month.closed)
            line.append(position, month.open_at_end)
        bars = QBarSeries()
        bars.append(opened)
        bars.append(closed)
        bars.setBarWidth(0.7)
        card.chart.addSeries(bars)
        card.chart.addSeries(line)
        categories = QBarCategoryAxis()
        categories.append([month.month.strftime("%b %y") for month in trend])
        peak = max(
            [month.opened for month in trend]
            + [month.closed for month in trend]
            + [month.open_at_end for month in trend]
            + [1]
        )
        values = _count_axis(peak)
        _style_axis(categories)
        categories.setGridLineVisible(False)
        card.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        card.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, line):
            series.attachAxis(categories)
            series.attachAxis(values)

    # --- Slots ----------------------------------------------------------------------------

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()
