"""Starting the app as a user would: the main window comes up, or a clear message and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _start(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "postmortem_desk", *args, "--quit-when-ready"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_starts_on_the_demo_and_quits_when_ready(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite"
    result = _start("--db", str(database), "--demo")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "postmortem_desk", "list", "--db", str(database)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Checkout outage" in listed.stdout


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    result = _start("--db", str(notes))
    assert result.returncode == 2
    assert str(notes) in result.stderr
    assert "not a Postmortem Desk database" in result.stderr
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_a_database_open_elsewhere_names_the_holder(tmp_path: Path) -> None:
    database = tmp_path / "library.sqlite"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from pathlib import Path;"
            "from postmortem_desk.storage.database import open_database;"
            f"db = open_database(Path({str(database)!r}));"
            "print('ready', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        result = _start("--db", str(database))
        assert result.returncode == 2
        assert "open in another Postmortem Desk" in result.stderr
        assert f"process {holder.pid}" in result.stderr
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
