"""Benchmark: start-up to the main window shown, with a library of 1,000 postmortems.

Target (issue 2): at most 1.5 times a bare PySide6 ``QMainWindow`` start measured the same way in
the same run. Run from the repository root:

    python tests/bench/bench_startup.py [--postmortems 1000] [--runs 5]

Both are fresh processes, offscreen, after one untimed warm-up each; runs alternate. Each is
handed a time stamp taken just before it is launched and prints how long after it its main
window was shown (the app also prints when the library has filled in). The ratio compares the
medians of "window shown"; the library fill and whole-process times are reported beside it.
Exit status 1 when the ratio misses the target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from postmortem_desk.domain.enums import (
    ActionStatus,
    EventKind,
    PostmortemStatus,
    Priority,
    Severity,
)
from postmortem_desk.domain.models import ActionItem, Postmortem, TimelineEvent
from postmortem_desk.domain.rules import default_agenda
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import open_database

TARGET_RATIO = 1.5
EVENTS_EACH = 5
ACTIONS_EACH = 3
START = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)

BARE_QT = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
started = int(os.environ["POSTMORTEM_DESK_STARTED_NS"])
print(f"startup window-shown {(time.time_ns() - started) / 1e6:.1f} ms", flush=True)
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""
STAMP = "POSTMORTEM_DESK_STARTED_NS"


def build_library(path: Path, count: int) -> None:
    """Create a library of ``count`` postmortems with a few events and action items each."""
    database = open_database(path)
    try:
        services = Services.for_engine(database.engine)
        severities, statuses = list(Severity), list(PostmortemStatus)
        now = datetime.now(UTC)
        postmortems = [
            {
                "id": number,
                "title": f"Incident {number}: elevated error rate on service-{number % 37}",
                "incident_key": f"INC-{10_000 + number}",
                "severity": severities[number % 4],
                "status": statuses[number % 4],
                "services": [f"service-{number % 37}"],
                "summary": "",
                "impact": "",
                "started_at": START + timedelta(hours=7 * number),
                "incident_utc_offset_minutes": 0,
                "current_step": "prepare",
                "agenda": default_agenda(severities[number % 4]),
                "checklist": {},
                "facilitator_notes": "",
                "finish_override_reason": "",
                "created_at": now,
                "updated_at": now,
            }
            for number in range(1, count + 1)
        ]
        events = [
            {
                "postmortem_id": number,
                "occurred_at": START + timedelta(hours=7 * number, minutes=index),
                "kind": EventKind.NOTE,
                "source": "manual",
                "actor": "",
                "text": f"event {index}",
                "known_at_time": True,
                "in_report": True,
                "is_reply": False,
                "thread_key": "",
                "channel": "",
                "link": "",
                "external_id": "",
            }
            for number in range(1, count + 1)
            for index in range(EVENTS_EACH)
        ]
        actions = [
            {
                "postmortem_id": number,
                "title": f"action {index}",
                "description": "",
                "action_type": "prevent",
                "priority": Priority.P1,
                "owner": "",
                "team": "",
                "status": ActionStatus.DONE if index == 0 else ActionStatus.OPEN,
                "wont_do_reason": "",
                "ticket_key": "",
                "ticket_url": "",
                "position": index,
                "created_at": now,
            }
            for number in range(1, count + 1)
            for index in range(ACTIONS_EACH)
        ]
        with services.postmortems.store.session() as session:
            session.execute(insert(Postmortem), postmortems)
            session.execute(insert(TimelineEvent), events)
            session.execute(insert(ActionItem), actions)
        assert len(services.postmortems.list_summaries()) == count
    finally:
        database.close()


def timed_start(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``command``; return its start-up milestones and whole wall time, in milliseconds."""
    started = time.perf_counter()
    finished = subprocess.run(
        command,
        env={**env, STAMP: str(time.time_ns())},
        capture_output=True,
        text=True,
        check=False,
    )
    figures = {"process": (time.perf_counter() - started) * 1000}
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({finished.returncode}):\n{finished.stderr}")
    for line in finished.stdout.splitlines():
        if line.startswith("startup "):
            _, milestone, value, _unit = line.split()
            figures[milestone] = float(value)
    return figures


def _list(times: list[float]) -> str:
    return ", ".join(f"{t:.0f}" for t in times)


def main() -> int:
    """Build the library, time both starts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--postmortems", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.sqlite"
        build_library(db, args.postmortems)
        bare_script = Path(folder) / "bare_qt.py"
        bare_script.write_text(BARE_QT, encoding="utf-8")
        app = [sys.executable, "-m", "postmortem_desk", "--db", str(db), "--quit-when-ready"]
        bare = [sys.executable, str(bare_script)]
        timed_start(bare, env)
        timed_start(app, env)
        app_runs: list[dict[str, float]] = []
        bare_runs: list[dict[str, float]] = []
        for _ in range(args.runs):
            bare_runs.append(timed_start(bare, env))
            app_runs.append(timed_start(app, env))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    bare_shown = median(bare_runs, "window-shown")
    app_shown = median(app_runs, "window-shown")
    ratio = app_shown / bare_shown
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"{args.postmortems} postmortems, {args.runs} runs each, medians:")
    print(
        f"  main window shown: bare QMainWindow {bare_shown:.0f} ms "
        f"({_list([r['window-shown'] for r in bare_runs])}); Postmortem Desk {app_shown:.0f} ms "
        f"({_list([r['window-shown'] for r in app_runs])})"
    )
    print(f"  ratio {ratio:.2f} (target <= {TARGET_RATIO}): {verdict}")
    print(f"  library filled in: {median(app_runs, 'library-loaded'):.0f} ms after launch")
    print(
        f"  whole process with --quit-when-ready: bare {median(bare_runs, 'process'):.0f} ms, "
        f"Postmortem Desk {median(app_runs, 'process'):.0f} ms"
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
