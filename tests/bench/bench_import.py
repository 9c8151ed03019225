"""Benchmark importing a generated 100,000-message Slack export into a real library file.

Run: ``python tests/bench/bench_import.py [--messages N] [--keep DIR]``.

Targets: the whole import (parse, preview, one-transaction write) under 5 s and under 300 MB peak
memory. Time is also given as a ratio to merely ``json.load``-ing the same files in the same run.
Memory is measured in child processes: peak RSS (``getrusage``) of a plain run, and the Python heap
peak (``tracemalloc``) of a second run, which is slower and so not timed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

TARGET_SECONDS = 5.0
TARGET_MB = 300.0
CHANNELS = 20
DAYS = 50


def generate_export(root: Path, messages: int, seed: int = 7) -> int:
    """Write a Slack export of ``messages`` messages (about 3% noise, threads, mentions, links)."""
    rng = random.Random(seed)
    users = [
        {"id": f"U{n:07d}", "name": f"user{n}", "profile": {"real_name": f"Person {n}"}}
        for n in range(200)
    ]
    channels = [{"id": f"C{n:07d}", "name": f"incident-{n}"} for n in range(CHANNELS)]
    (root / "users.json").write_text(json.dumps(users))
    (root / "channels.json").write_text(json.dumps(channels))
    per_file = max(1, messages // (CHANNELS * DAYS))
    start = 1_709_251_200
    written = 0
    for channel in channels:
        folder = root / str(channel["name"])
        folder.mkdir()
        for day in range(DAYS):
            batch = []
            base = start + day * 86_400
            thread_ts = ""
            for index in range(per_file):
                if written >= messages:
                    break
                ts = f"{base + index * 7}.{index:06d}"
                user = rng.choice(users)["id"]
                other = rng.choice(users)["id"]
                message: dict[str, object] = {"type": "message", "user": user, "ts": ts}
                roll = rng.random()
                if roll < 0.03:
                    message.update(subtype="channel_join", text=f"<@{user}> has joined the channel")
                elif roll < 0.10:
                    thread_ts = ts
                    message.update(text="what changed?", thread_ts=ts, reply_count=3)
                elif roll < 0.30 and thread_ts:
                    message.update(text=f"<@{other}> looking", thread_ts=thread_ts)
                else:
                    message["text"] = (
                        f"<@{other}> error rate {rng.randint(1, 99)}% on "
                        f"<#{channel['id']}|{channel['name']}>, see "
                        f"<https://grafana.example.com/d/{index}|dashboard> &amp; logs"
                    )
                batch.append(message)
                written += 1
            day_name = datetime.fromtimestamp(base, UTC).date().isoformat()
            (folder / f"{day_name}.json").write_text(json.dumps(batch))
    return written


def json_load_seconds(root: Path) -> float:
    """Time reading and ``json.load``-ing every file of the export, the floor for any import."""
    began = time.perf_counter()
    for file in sorted(root.rglob("*.json")):
        with file.open("rb") as handle:
            json.load(handle)
    return time.perf_counter() - began


def run_import(export: Path, database: Path) -> dict[str, float]:
    """Parse, preview and apply the export into a fresh library; return the phase timings."""
    from postmortem_desk.importers import ImportFormat, parse_file
    from postmortem_desk.services.base import ChangeBus, Store
    from postmortem_desk.services.postmortems import PostmortemService
    from postmortem_desk.services.timeline_import import ImportService
    from postmortem_desk.storage.database import open_database

    opened = open_database(database)
    try:
        store, bus = Store(opened.engine), ChangeBus()
        postmortem_id = PostmortemService(store, bus).create(title="Benchmark").id or 0
        began = time.perf_counter()
        parsed = parse_file(export, ImportFormat.SLACK)
        parsed_at = time.perf_counter()
        service = ImportService(store, bus)
        preview = service.preview(postmortem_id, parsed)
        previewed_at = time.perf_counter()
        batch = service.apply(postmortem_id, preview)
        applied_at = time.perf_counter()
    finally:
        opened.close()
    return {
        "parse_s": parsed_at - began,
        "preview_s": previewed_at - parsed_at,
        "apply_s": applied_at - previewed_at,
        "total_s": applied_at - began,
        "events": float(batch.event_count),
        "skipped": float(batch.skipped_count),
    }


def _child(export: Path, database: Path, trace: bool) -> None:
    """Run one import in this process and print its figures as JSON."""
    if trace:
        import tracemalloc

        tracemalloc.start()
    figures = run_import(export, database)
    if trace:
        import tracemalloc

        figures["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024**2
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def _in_child(export: Path, database: Path, *, trace: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(export), str(database)]
    if trace:
        command.append("--trace")
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    """Generate the export, time the baseline and the import, and print the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], args.child[1], args.trace)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        export = folder / "export"
        export.mkdir(parents=True)
        count = generate_export(export, args.messages)
        baseline = min(json_load_seconds(export) for _ in range(3))
        timed = _in_child(export, folder / "timed.sqlite", trace=False)
        traced = _in_child(export, folder / "traced.sqlite", trace=True)
    ratio = timed["total_s"] / baseline
    print(f"messages generated      {count}")
    print(f"events imported         {timed['events']:.0f} ({timed['skipped']:.0f} skipped)")
    print(f"json.load baseline      {baseline:.2f} s")
    print(f"parse                   {timed['parse_s']:.2f} s")
    print(f"preview                 {timed['preview_s']:.2f} s")
    print(f"apply (one transaction) {timed['apply_s']:.2f} s")
    print(f"import total            {timed['total_s']:.2f} s = {ratio:.1f} x json.load")
    print(f"peak RSS (whole child)  {timed['peak_rss_mb']:.0f} MB")
    print(f"tracemalloc peak        {traced['tracemalloc_peak_mb']:.0f} MB")
    ok = timed["total_s"] < TARGET_SECONDS and timed["peak_rss_mb"] < TARGET_MB
    print(f"{'PASS' if ok else 'FAIL'}: targets < {TARGET_SECONDS:.0f} s and < {TARGET_MB:.0f} MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
