"""The tracker's table model and proxy, checked with pytest-qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from postmortem_desk.domain.enums import ActionStatus
from postmortem_desk.domain.follow_through import DueBucket
from postmortem_desk.gui.tracker.tracker_model import (
    ID_ROLE,
    ROW_ROLE,
    Column,
    TrackerFilterModel,
    TrackerModel,
)
from postmortem_desk.services.tracker import TrackerFilter

from .conftest import TrackerWorld


def test_source_model_passes_the_model_tester(world: TrackerWorld, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TrackerModel()
    model.set_rows(world.tracker.rows())
    qtmodeltester.check(model)
    assert model.rowCount() == 6


def test_proxy_passes_the_model_tester_while_filtering(world: TrackerWorld, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = TrackerModel()
    proxy = TrackerFilterModel()
    proxy.setSourceModel(model)
    model.set_rows(world.tracker.rows())
    qtmodeltester.check(proxy)
    proxy.set_tracker_filter(TrackerFilter(owner="ana"))
    qtmodeltester.check(proxy)
    assert {row.title for row in proxy.visible_rows()} == {"Add retry budget", "Failover runbook"}
    proxy.set_tracker_filter(TrackerFilter(due=DueBucket.OVERDUE))
    assert [row.title for row in proxy.visible_rows()] == ["Add retry budget"]
    proxy.set_search_text("resolver")
    assert proxy.rowCount() == 0
    proxy.set_tracker_filter(TrackerFilter())
    assert {row.title for row in proxy.visible_rows()} == {
        "Lower resolver TTL",
        "Resolver dashboard",
    }


def test_cells_show_the_sla_and_colour_overdue_items(world: TrackerWorld) -> None:
    model = TrackerModel()
    model.set_rows(world.tracker.rows())
    first = model.index(0, Column.SLA)
    assert first.data() == "5 days overdue"
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    assert first.data(Qt.ItemDataRole.ForegroundRole).name().upper() == "#B42318"
    assert model.index(0, Column.TITLE).data(ID_ROLE) == world.ids["retry"]
    assert model.index(0, Column.TITLE).data(ROW_ROLE).status is ActionStatus.OPEN
    assert model.headerData(Column.SLA, Qt.Orientation.Horizontal) == "SLA"


def test_sorting_happens_in_the_source_and_keeps_persistent_indexes(world: TrackerWorld) -> None:
    model = TrackerModel()
    proxy = TrackerFilterModel()
    proxy.setSourceModel(model)
    model.set_rows(world.tracker.rows())
    tracked = QPersistentModelIndex(model.index(model.row_of(world.ids["ttl"]), Column.TITLE))
    proxy.sort(Column.OWNER, Qt.SortOrder.DescendingOrder)
    owners = [row.owner for row in proxy.visible_rows()]
    assert owners == sorted(owners, key=str.casefold, reverse=True)
    assert tracked.data() == "Lower resolver TTL"
    assert tracked.row() == model.row_of(world.ids["ttl"])
    model.set_rows(world.tracker.rows())
    assert [row.owner for row in proxy.visible_rows()] == owners
    proxy.sort(Column.DUE, Qt.SortOrder.AscendingOrder)
    dues = [row.due_date for row in proxy.visible_rows()]
    assert dues == sorted(d for d in dues if d is not None)
