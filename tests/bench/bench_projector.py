"""Benchmark: redraw the projector after a change to a 500-event timeline (target < 16 ms).

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_projector.py [--events 500] [--runs 50]

Measures, on the review step at 1920x1080: the projector's refresh from the controller's
snapshot plus a synchronous repaint, after the current event moves and after an event's text
changes. The database reload that precedes a refresh is reported separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from postmortem_desk.app import _application
from postmortem_desk.domain.enums import EventKind, MeetingStep, Milestone
from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.style import apply_style
from postmortem_desk.services.base import Store
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import open_database

TARGET_MS = 16.0


def _timeline(services: Services, count: int) -> int:
    postmortem = services.postmortems.create(title="Projector benchmark")
    pm_id = postmortem.id or 0
    start = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
    kinds = list(EventKind)
    milestones = {0: Milestone.STARTED, 5: Milestone.DETECTED, 9: Milestone.ACKNOWLEDGED}
    milestones[count // 2] = Milestone.MITIGATED
    milestones[count - 1] = Milestone.RESOLVED
    with Store(services.postmortems.store.engine).session() as session:
        for index in range(count):
            session.add(
                TimelineEvent(
                    postmortem_id=pm_id,
                    occurred_at=start + timedelta(minutes=index * 2 + (30 if index > 300 else 0)),
                    kind=kinds[index % len(kinds)],
                    actor=f"Responder {index % 7}",
                    text=f"Event {index}: checked the pool, queue depth {index * 3}",
                    milestone=milestones.get(index),
                )
            )
    return pm_id


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    app = _application()
    apply_style(app)
    with tempfile.TemporaryDirectory() as scratch:
        database = open_database(Path(scratch) / "bench.sqlite")
        try:
            services = Services.for_engine(database.engine)
            pm_id = _timeline(services, args.events)
            window = MainWindow(services)
            window.show()
            window.open_postmortem(pm_id)
            controller = window.controller
            assert controller is not None
            controller.go_to_step(MeetingStep.REVIEW)
            projector = window.open_projector()
            assert projector is not None
            projector.resize(1920, 1080)
            app.processEvents()
            ids = [e.id or 0 for e in controller.bundle.events]
            move, edit, reload_times = [], [], []
            for run in range(args.runs):
                controller.current_event_id = ids[(run * 37) % len(ids)]
                began = time.perf_counter()
                projector.refresh()
                projector.repaint()
                move.append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                controller.reload()
                reload_times.append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                projector.refresh()
                projector.repaint()
                edit.append((time.perf_counter() - began) * 1000)
            window.close()
        finally:
            database.close()
    print(f"projector redraw, {args.events}-event timeline, 1920x1080, {args.runs} runs")
    for name, samples in (("after moving the current event", move), ("after a change", edit)):
        p90 = sorted(samples)[int(len(samples) * 0.9) - 1]
        print(
            f"  {name}: median {statistics.median(samples):.1f} ms, p90 {p90:.1f} ms "
            f"(target < {TARGET_MS:.0f} ms)"
        )
    reload_ms = statistics.median(reload_times)
    print(f"  controller reload from SQLite (not part of the redraw): median {reload_ms:.1f} ms")
    return 0 if statistics.median(edit) < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
