"""Benchmark: load one postmortem with 10,000 timeline events into its services object.

Target (issue 2): ``services.postmortems.load(id)`` under 200 ms. Run from the repository root:

    python tests/bench/bench_load.py [--events 10000] [--runs 7]

It builds a temporary library, bulk-inserts the events in one executemany, and prints the cold
(first) load and the median of the following runs (wall clock, judged against the target; the
CPU time beside it shows how much of a slow figure was a busy machine). Exit status 1 when the
median misses the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import open_database

TARGET_MS = 200.0
START = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
KINDS = list(EventKind)
SOURCES = list(EventSource)


def bulk_insert_events(services: Services, postmortem_id: int, count: int) -> None:
    """Insert ``count`` realistic events in one statement (milestones on the first five)."""
    milestones = list(Milestone)
    rows = [
        {
            "postmortem_id": postmortem_id,
            "occurred_at": START + timedelta(seconds=index),
            "utc_offset_minutes": 60,
            "kind": KINDS[index % len(KINDS)],
            "source": SOURCES[index % len(SOURCES)],
            "actor": f"person-{index % 23}",
            "text": f"Event {index}: checkout p99 latency at {index % 400} ms on pod {index % 17}",
            "milestone": milestones[index] if index < len(milestones) else None,
            "known_at_time": index % 11 != 0,
            "in_report": True,
            "is_reply": index % 5 == 0,
            "thread_key": f"t{index // 5}",
            "channel": "#inc-checkout",
            "link": "",
            "external_id": f"ext-{index}",
        }
        for index in range(count)
    ]
    with services.postmortems.store.session() as session:
        session.execute(insert(TimelineEvent), rows)


def main() -> int:
    """Build the library, time the loads and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite")
        try:
            services = Services.for_engine(database.engine)
            pm = services.postmortems.create(title="Ten thousand events")
            assert pm.id is not None
            started = time.perf_counter()
            bulk_insert_events(services, pm.id, args.events)
            insert_ms = (time.perf_counter() - started) * 1000
            timings: list[float] = []
            cpu: list[float] = []
            for _ in range(args.runs + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                bundle = services.postmortems.load(pm.id)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
                assert len(bundle.events) == args.events
                assert bundle.events[0].occurred_at.tzinfo is UTC
                del bundle  # free the previous load outside the timed region
        finally:
            database.close()
    cold, warm = timings[0], statistics.median(timings[1:])
    verdict = "met" if warm < TARGET_MS else "MISSED"
    print(f"bulk insert of {args.events} events: {insert_ms:.0f} ms")
    print(
        f"load: cold {cold:.0f} ms, median of {args.runs} {warm:.0f} ms "
        f"(fastest {min(timings[1:]):.0f} ms, median CPU time {statistics.median(cpu[1:]):.0f} ms)"
    )
    print(f"target < {TARGET_MS:.0f} ms: {verdict}")
    return 0 if warm < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
