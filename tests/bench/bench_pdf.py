"""Time the PDF of a postmortem with 1,000 timeline events and 50 action items (target < 3 s).

Run: python tests/bench/bench_pdf.py
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from postmortem_desk.export.jobs import ExportFormat, export_report
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.storage.database import open_database

TARGET_SECONDS = 3.0
FIXTURES = Path(__file__).resolve().parents[1] / "unit" / "export" / "conftest.py"


def main() -> int:
    """Build the postmortem, export it three times and print the best and worst time."""
    spec = importlib.util.spec_from_file_location("export_test_fixtures", FIXTURES)
    assert spec is not None
    assert spec.loader is not None
    fixtures = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fixtures
    spec.loader.exec_module(fixtures)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite", lock=False)
        store = Store(database.engine)
        pid = fixtures.add_postmortem(store, event_count=991, action_count=46)
        bundle = PostmortemService(store, ChangeBus()).load(pid)
        print(f"events: {len(bundle.events)}, action items: {len(bundle.actions)}")
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            path = export_report(bundle, Path(folder) / "bench.pdf", fmt=ExportFormat.PDF)
            timings.append(time.perf_counter() - start)
        pages = len(PdfReader(path).pages)
        database.close()
    best, worst = min(timings), max(timings)
    verdict = "OK" if worst < TARGET_SECONDS else "TOO SLOW"
    print(
        f"PDF: {pages} pages, best {best:.2f} s, worst {worst:.2f} s "
        f"(target < {TARGET_SECONDS:.0f} s): {verdict}"
    )
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
