"""The debt overview shows the service's figures and follows changes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QHorizontalStackedBarSeries, QLineSeries

from postmortem_desk.domain.enums import ActionStatus
from postmortem_desk.gui.tracker.debt_view import DebtOverviewWidget, count_axis

from .conftest import TrackerWorld


def test_figures_and_charts_match_the_debt(qtbot: QtBot, world: TrackerWorld) -> None:
    view = DebtOverviewWidget(world.tracker)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    assert view.open_card.value_label.text() == "5"
    assert view.overdue_card.value_label.text() == "1"
    assert view.sla_card.value_label.text() == "50 %"
    assert view.sla_card.detail_label.text() == "1 of 2 items with a settled due date"
    assert view.stale_card.value_label.text() == "100 %"
    series = view.postmortem_chart.chart.series()
    assert len(series) == 1
    assert isinstance(series[0], QHorizontalStackedBarSeries)
    overdue, on_track = series[0].barSets()
    assert [overdue.at(i) for i in range(overdue.count())] == [0, 0, 1]
    assert [on_track.at(i) for i in range(on_track.count())] == [1, 1, 2]
    categories = view.postmortem_chart.chart.axes()[0]
    assert isinstance(categories, QBarCategoryAxis)
    assert categories.categories() == ["Login latency", "DNS failures", "Checkout outage"]
    trend = view.trend_chart.chart.series()
    assert {type(s) for s in trend} == {QBarSeries, QLineSeries}


def test_follows_status_changes(qtbot: QtBot, world: TrackerWorld) -> None:
    view = DebtOverviewWidget(world.tracker)
    qtbot.addWidget(view)
    world.tracker.set_status([world.ids["retry"]], ActionStatus.DONE)
    qtbot.waitUntil(lambda: view.overdue_card.value_label.text() == "0")
    assert view.open_card.value_label.text() == "4"


def test_count_axis_ticks_land_on_whole_numbers() -> None:
    for peak in range(0, 3000, 7):
        upper, ticks = count_axis(peak)
        assert upper > peak
        assert (upper % (ticks - 1)) == 0
        assert ticks <= 10
