"""The action tracker driven through its real widgets over a real database."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QComboBox

from postmortem_desk.domain.enums import ActionStatus
from postmortem_desk.domain.models import ActionItem
from postmortem_desk.gui.tracker.dialogs import WontDoDialog
from postmortem_desk.gui.tracker.tracker_model import Column
from postmortem_desk.gui.tracker.tracker_widget import ActionTrackerWidget

from .conftest import TrackerWorld


@pytest.fixture
def widget(qtbot: QtBot, world: TrackerWorld) -> ActionTrackerWidget:
    tracker_widget = ActionTrackerWidget(world.tracker)
    qtbot.addWidget(tracker_widget)
    tracker_widget.resize(1280, 800)
    tracker_widget.show()
    qtbot.waitExposed(tracker_widget)
    return tracker_widget


def shown_titles(widget: ActionTrackerWidget) -> list[str]:
    return [row.title for row in widget.proxy.visible_rows()]


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered by {combo.objectName()}"
    combo.setCurrentIndex(index)


def click_row(qtbot: QtBot, widget: ActionTrackerWidget, title: str, *, add: bool = False) -> None:
    row = shown_titles(widget).index(title)
    rect = widget.table.visualRect(widget.proxy.index(row, Column.TITLE))
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(widget.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def stored(world: TrackerWorld, key: str) -> ActionItem:
    with world.store.session() as session:
        item = session.get(ActionItem, world.ids[key])
        assert item is not None
        return item


def test_opens_on_open_items_most_urgent_first(widget: ActionTrackerWidget) -> None:
    assert shown_titles(widget) == [
        "Add retry budget",
        "Cache session lookups",
        "Alert on error ratio",
        "Lower resolver TTL",
        "Failover runbook",
    ]
    assert "5 open · 1 overdue · across 3 postmortems" in widget.summary_label.text()
    assert widget.table.objectName() == "trackerTable"
    assert widget.table.accessibleName() == "Action items"


def test_filters_through_the_filter_bar(widget: ActionTrackerWidget) -> None:
    choose(widget.owner_combo, "Ana")
    assert shown_titles(widget) == ["Add retry budget", "Failover runbook"]
    choose(widget.due_combo, "Due later")
    assert shown_titles(widget) == ["Failover runbook"]
    widget.clear_button.click()
    choose(widget.team_combo, "Platform")
    assert shown_titles(widget) == ["Lower resolver TTL"]
    choose(widget.status_combo, "Any status")
    assert shown_titles(widget) == ["Lower resolver TTL", "Resolver dashboard"]
    choose(widget.status_combo, "Done")
    assert shown_titles(widget) == ["Resolver dashboard"]
    widget.clear_button.click()
    choose(widget.severity_combo, "SEV2")
    assert shown_titles(widget) == ["Cache session lookups"]
    choose(widget.severity_combo, "Any severity")
    choose(widget.service_combo, "payments")
    assert set(shown_titles(widget)) == {
        "Add retry budget",
        "Alert on error ratio",
        "Failover runbook",
    }
    choose(widget.priority_combo, "P0")
    assert shown_titles(widget) == ["Add retry budget"]
    widget.clear_button.click()
    choose(widget.due_combo, "Due this week")
    assert shown_titles(widget) == [
        "Cache session lookups",
        "Alert on error ratio",
        "Lower resolver TTL",
    ]
    widget.clear_button.click()
    widget.search_edit.setText("TTL")
    assert shown_titles(widget) == ["Lower resolver TTL"]
    widget.clear_button.click()
    assert len(shown_titles(widget)) == 5
    assert widget.owner_combo.findText("Nobody") == -1


def test_bulk_done_through_the_ui(
    qtbot: QtBot, widget: ActionTrackerWidget, world: TrackerWorld
) -> None:
    click_row(qtbot, widget, "Add retry budget")
    click_row(qtbot, widget, "Lower resolver TTL", add=True)
    assert widget.selection_label.text() == "2 selected"
    assert widget.done_button.isEnabled()
    with qtbot.waitSignal(widget.status_changed) as signal:
        qtbot.mouseClick(widget.done_button, Qt.MouseButton.LeftButton)
    assert sorted(signal.args[0]) == sorted([world.ids["retry"], world.ids["ttl"]])
    assert stored(world, "retry").status is ActionStatus.DONE
    assert stored(world, "retry").completed_at == world.clock.now
    assert stored(world, "ttl").status is ActionStatus.DONE
    assert "Add retry budget" not in shown_titles(widget)
    assert "3 open · 0 overdue" in widget.summary_label.text()


def test_wont_do_asks_for_a_reason_in_a_dialog(
    qtbot: QtBot, widget: ActionTrackerWidget, world: TrackerWorld
) -> None:
    click_row(qtbot, widget, "Failover runbook")
    seen: dict[str, bool] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WontDoDialog)
        seen["ok_before"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        qtbot.keyClicks(dialog.reason_edit, "Superseded by the new gateway")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        seen["ok_after"] = ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(widget.wont_do_button, Qt.MouseButton.LeftButton)
    assert seen == {"ok_before": False, "ok_after": True}
    item = stored(world, "runbook")
    assert item.status is ActionStatus.WONT_DO
    assert item.wont_do_reason == "Superseded by the new gateway"
    assert "Failover runbook" not in shown_titles(widget)


def test_cancelling_the_reason_changes_nothing(
    qtbot: QtBot, widget: ActionTrackerWidget, world: TrackerWorld
) -> None:
    click_row(qtbot, widget, "Failover runbook")

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WontDoDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    qtbot.mouseClick(widget.wont_do_button, Qt.MouseButton.LeftButton)
    assert stored(world, "runbook").status is ActionStatus.OPEN


class UrlCatcher(QObject):
    """Receive the URLs the app asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_open_ticket_and_go_to_postmortem(
    qtbot: QtBot, widget: ActionTrackerWidget, world: TrackerWorld
) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open_url")  # type: ignore[arg-type]
    try:
        click_row(qtbot, widget, "Add retry budget")
        assert widget.ticket_button.isEnabled()
        qtbot.mouseClick(widget.ticket_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == ["https://tracker.example/PAY-1"]
    with qtbot.waitSignal(widget.postmortem_requested) as signal:
        qtbot.mouseClick(widget.postmortem_button, Qt.MouseButton.LeftButton)
    assert signal.args == [world.ids["checkout"]]
    click_row(qtbot, widget, "Lower resolver TTL")
    assert not widget.ticket_button.isEnabled()
    row = shown_titles(widget).index("Lower resolver TTL")
    center = widget.table.visualRect(widget.proxy.index(row, Column.TITLE)).center()
    with qtbot.waitSignal(widget.postmortem_requested) as signal:
        qtbot.mouseDClick(widget.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(center))
    assert signal.args == [world.ids["dns"]]


def test_follows_changes_made_elsewhere(
    qtbot: QtBot, widget: ActionTrackerWidget, world: TrackerWorld
) -> None:
    world.tracker.set_status([world.ids["cache"]], ActionStatus.DONE)
    qtbot.waitUntil(lambda: "Cache session lookups" not in shown_titles(widget))


def test_sorting_by_a_header_click(qtbot: QtBot, widget: ActionTrackerWidget) -> None:
    header = widget.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.OWNER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    owners = [row.owner for row in widget.proxy.visible_rows()]
    assert owners == sorted(owners, key=str.casefold) or owners == sorted(
        owners, key=str.casefold, reverse=True
    )
    assert header.sortIndicatorSection() == Column.OWNER


def test_exports_what_the_view_shows(widget: ActionTrackerWidget, tmp_path: Path) -> None:
    choose(widget.owner_combo, "Ana")
    target = tmp_path / "ana.csv"
    assert widget.export_csv(target) == 2
    with target.open(encoding="utf-8-sig", newline="") as handle:
        titles = [record["Title"] for record in csv.DictReader(handle)]
    assert titles == ["Add retry budget", "Failover runbook"]
    calendar = tmp_path / "ana.ics"
    assert widget.export_calendar(calendar) == 3
    text = calendar.read_text("utf-8")
    assert "Follow-up review: Checkout outage" in text
    assert "Lower resolver TTL" not in text
