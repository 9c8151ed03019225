"""Benchmark: start-up to the main window shown, with a library of 1,000 postmortems.

Target (issue 2): at most 1.5 times a bare PySide6 ``QMainWindow`` start measured the same way in
the same run. Run from the repository root:

    python tests/bench/bench_startup.py [--postmortems 1000] [--runs 5]

Both are timed as the wall time of a fresh process (``python -m postmortem_desk --db DB
--quit-when-ready`` against a bare script that shows a ``QMainWindow`` and quits from a 0 ms
timer), offscreen, after one untimed warm-up each; runs alternate and the medians are compared.
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
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


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


def wall_time(command: list[str], env: dict[str, str]) -> float:
    """Run ``command`` to completion and return its wall time in milliseconds."""
    started = time.perf_counter()
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({finished.returncode}):\n{finished.stderr}")
    return elapsed


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
        wall_time(bare, env)
        wall_time(app, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.runs):
            bare_times.append(wall_time(bare, env))
            app_times.append(wall_time(app, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_median / bare_median
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"bare QMainWindow: median {bare_median:.0f} ms  ({_list(bare_times)})")
    print(
        f"Postmortem Desk, {args.postmortems} postmortems: median {app_median:.0f} ms  "
        f"({_list(app_times)})"
    )
    print(f"ratio {ratio:.2f} (target <= {TARGET_RATIO}): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
