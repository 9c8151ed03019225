"""Benchmark: 100,000 timeline events in the Review page's table, loaded and scrolled offscreen.

Run ``python tests/bench/bench_timeline_view.py``. It builds the events in memory (the model never
reads the database), then times what the facilitator waits for:

- load: hand the events to TimelineModel behind TimelineFilterModel in a shown QTableView styled as
  the app is, until the first screen is painted (target under 1 s);
- scroll: step the vertical scroll bar a page at a time through the whole table, painting each
  step, and report the mean and worst step (a smooth scroll stays well under 16 ms a step);
- filter: a text search over all rows, then clearing it.

Exit code 1 when the load misses its target.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.gui.style import apply_style
from postmortem_desk.gui.timeline.timeline_model import (
    TEXT,
    TimelineDelegate,
    TimelineFilterModel,
    TimelineModel,
)

EVENTS = 100_000
LOAD_TARGET_S = 1.0
SCROLL_STEPS = 400


def make_events(count: int) -> list[TimelineEvent]:
    """Return ``count`` events a few seconds apart over several days, with gaps and milestones."""
    start = datetime(2026, 11, 18, 9, 0, tzinfo=UTC)
    kinds = list(EventKind)
    sources = list(EventSource)
    actors = ["Priya Raman", "Marcus Lee", "Dana Kowalski", "deploy-bot", "Alertmanager", ""]
    events: list[TimelineEvent] = []
    moment = start
    for number in range(count):
        moment += timedelta(seconds=5 if number % 997 else 40 * 60)
        events.append(
            TimelineEvent(
                id=number + 1,
                postmortem_id=1,
                occurred_at=moment,
                kind=kinds[number % len(kinds)],
                source=sources[number % len(sources)],
                actor=actors[number % len(actors)],
                text=f"Message {number}: pool usage at {number % 200} of 200 connections",
                milestone=Milestone.DETECTED if number == 10 else None,
                known_at_time=number % 50 != 0,
            )
        )
    return events


def main() -> int:
    """Run the benchmark and print the figures."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_style(app)
    started = time.perf_counter()
    events = make_events(EVENTS)
    built = time.perf_counter() - started

    started = time.perf_counter()
    model = TimelineModel()
    proxy = TimelineFilterModel()
    proxy.setSourceModel(model)
    model.set_gap_threshold(timedelta(minutes=15))
    model.set_events(events)
    view = QTableView()
    view.setModel(proxy)
    view.setItemDelegate(TimelineDelegate(view))
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(32)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    view.resize(960, 620)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    load = time.perf_counter() - started

    bar = view.verticalScrollBar()
    step = max(1, bar.maximum() // SCROLL_STEPS)
    timings: list[float] = []
    for position in range(0, bar.maximum() + 1, step):
        tick = time.perf_counter()
        bar.setValue(position)
        view.viewport().repaint()
        timings.append(time.perf_counter() - tick)
    small_steps: list[float] = []
    bar.setValue(bar.maximum() // 2)
    for _ in range(100):
        tick = time.perf_counter()
        bar.setValue(bar.value() + bar.singleStep())
        view.viewport().repaint()
        small_steps.append(time.perf_counter() - tick)

    tick = time.perf_counter()
    proxy.set_text("message 9999")
    app.processEvents()
    filtered = time.perf_counter() - tick
    matches = proxy.rowCount()
    tick = time.perf_counter()
    proxy.set_text("")
    app.processEvents()
    cleared = time.perf_counter() - tick

    print(f"events: {model.rowCount():,} ({model.gap_count} gaps over 15 min)")
    print(f"build events in memory (not timed as load): {built:.3f} s")
    print(f"load into model + proxy + shown view: {load:.3f} s (target < {LOAD_TARGET_S:.1f} s)")
    print(
        f"scroll by page, {len(timings)} steps: mean {statistics.mean(timings) * 1000:.2f} ms, "
        f"worst {max(timings) * 1000:.2f} ms per painted step"
    )
    print(
        f"scroll by line, {len(small_steps)} steps: mean "
        f"{statistics.mean(small_steps) * 1000:.2f} ms, worst {max(small_steps) * 1000:.2f} ms"
    )
    print(f"text filter over all rows: {filtered:.3f} s ({matches} match); clear: {cleared:.3f} s")
    view.close()
    return 0 if load < LOAD_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
