"""Reminders on start and once a day, with a clock the test moves, and snooze per item."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from postmortem_desk.domain.models import ActionItem
from postmortem_desk.gui.tracker.reminder_banner import (
    ReminderBanner,
    ReminderScheduler,
    reminder_body,
    reminder_headline,
)

from .conftest import TODAY, TrackerWorld


def make(qtbot: QtBot, world: TrackerWorld) -> tuple[ReminderBanner, ReminderScheduler]:
    banner = ReminderBanner(world.tracker)
    qtbot.addWidget(banner)
    scheduler = ReminderScheduler(world.tracker, banner, clock=world.clock, check_interval_ms=5)
    return banner, scheduler


def titles(banner: ReminderBanner) -> list[str]:
    return [row.title for row in banner.reminders()]


def test_start_shows_overdue_and_soon_due_items_in_the_banner(
    qtbot: QtBot, world: TrackerWorld
) -> None:
    banner, scheduler = make(qtbot, world)
    assert not scheduler.uses_tray()
    with qtbot.waitSignal(scheduler.checked) as signal:
        scheduler.start()
    assert [row.title for row in signal.args[0]] == titles(banner)
    assert titles(banner) == ["Add retry budget", "Cache session lookups", "Alert on error ratio"]
    assert not banner.isHidden()
    assert banner.headline_label.text() == "3 action items need attention — 1 overdue"
    assert [w.sla_label.text() for w in banner.item_rows()] == [
        "5 days overdue",
        "due today",
        "due in 2 days",
    ]
    scheduler.stop()


def test_snooze_hides_an_item_until_tomorrow(qtbot: QtBot, world: TrackerWorld) -> None:
    banner, scheduler = make(qtbot, world)
    scheduler.check_now()
    first = banner.item_rows()[0]
    with qtbot.waitSignal(banner.snoozed) as signal:
        qtbot.mouseClick(first.snooze_button, Qt.MouseButton.LeftButton)
    assert signal.args == [world.ids["retry"]]
    assert "Add retry budget" not in titles(banner)
    with world.store.session() as session:
        item = session.get(ActionItem, world.ids["retry"])
        assert item is not None
        assert item.snoozed_until == TODAY + timedelta(days=1)
    assert "Add retry budget" not in [row.title for row in scheduler.check_now()]


def test_snooze_menu_offers_longer_snoozes(qtbot: QtBot, world: TrackerWorld) -> None:
    banner, scheduler = make(qtbot, world)
    scheduler.check_now()
    row = banner.item_rows()[1]
    week = next(a for a in row.snooze_button.menu().actions() if a.text() == "For a week")
    week.trigger()
    with world.store.session() as session:
        item = session.get(ActionItem, world.ids["cache"])
        assert item is not None
        assert item.snoozed_until == date(2026, 3, 17)


def test_checks_again_only_when_the_day_changes(qtbot: QtBot, world: TrackerWorld) -> None:
    banner, scheduler = make(qtbot, world)
    checks: list[int] = []
    scheduler.checked.connect(lambda found: checks.append(len(found)))
    scheduler.start()
    qtbot.wait(60)
    assert checks == [3]
    scheduler.banner.item_rows()[0].snooze_button.click()
    world.clock.advance(hours=14)
    qtbot.wait(60)
    assert checks == [3]
    world.clock.advance(hours=2)
    qtbot.waitUntil(lambda: len(checks) == 2)
    assert scheduler.last_checked == date(2026, 3, 11)
    assert titles(banner)[0] == "Add retry budget"
    assert "Lower resolver TTL" not in titles(banner)
    world.clock.advance(days=1)
    qtbot.waitUntil(lambda: len(checks) == 3)
    assert "Lower resolver TTL" in titles(banner)
    scheduler.stop()


def test_dismiss_hides_the_banner_and_nothing_due_keeps_it_hidden(
    qtbot: QtBot, world: TrackerWorld
) -> None:
    banner, scheduler = make(qtbot, world)
    scheduler.check_now()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()
    banner.show_reminders([])
    assert banner.isHidden()
    with qtbot.waitSignal(banner.tracker_requested):
        banner.open_button.click()


def test_notification_text_for_the_tray(world: TrackerWorld) -> None:
    rows = world.tracker.due_reminders()
    assert reminder_headline(rows[:1]) == "1 action item needs attention — 1 overdue"
    assert reminder_body(rows, limit=2).splitlines() == [
        "Add retry budget (5 days overdue)",
        "Cache session lookups (due today)",
        "and 1 more",
    ]
