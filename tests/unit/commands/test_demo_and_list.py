"""The ``demo`` and ``list`` commands, ``--version``, and bad ``--db`` paths, through cli.main."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from postmortem_desk import APP_NAME, __version__
from postmortem_desk.cli import main


def _demo(db: Path, capsys: pytest.CaptureFixture[str]) -> int:
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.strip().isdigit(), out
    return int(out)


def test_demo_prints_the_new_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Print only the id of the postmortem it created; a second run makes another."""
    db = tmp_path / "library.sqlite"
    first = _demo(db, capsys)
    second = _demo(db, capsys)
    assert second != first
    assert not db.with_name(db.name + ".lock").exists()


def test_list_json_shows_the_demo_with_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """List the demo as JSON with its 40 events and 6 action items."""
    db = tmp_path / "library.sqlite"
    demo_id = _demo(db, capsys)
    assert main(["list", "--db", str(db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == demo_id
    assert (row["events"], row["action_items"], row["open_action_items"]) == (40, 6, 6)
    assert (row["severity"], row["status"]) == ("SEV1", "ready_for_review")
    assert row["incident_key"] == "INC-2041"
    assert row["started_at"].startswith("2026-11-18T12:47")


def test_list_table_and_empty_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Say how to start when empty; print one row per postmortem otherwise."""
    db = tmp_path / "library.sqlite"
    assert main(["list", "--db", str(db)]) == 0
    assert "postmortem-desk demo" in capsys.readouterr().out
    assert main(["list", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    demo_id = _demo(db, capsys)
    assert main(["list", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "SEV", "STATUS", "EVENTS", "ACTIONS", "TITLE"]
    assert lines[1].split()[:2] == [str(demo_id), "SEV1"]
    assert "Checkout outage" in lines[1]


@pytest.mark.parametrize("command", ["demo", "list"])
def test_bad_db_exits_2_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Exit 2 with a message on stderr that names the file, for a folder and a non-database."""
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("just text\n", encoding="utf-8")
    for bad in (tmp_path, not_a_db):
        assert main([command, "--db", str(bad)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith("postmortem-desk: ")
        assert str(bad) in captured.err
        assert "--db" in captured.err
    assert not_a_db.read_text(encoding="utf-8") == "just text\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the app name and the package version, and exit 0."""
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"{APP_NAME} {__version__}"


def test_python_dash_m_runs_the_cli(tmp_path: Path) -> None:
    """Run ``python -m postmortem_desk`` in a real process, as scripts and smoke tests do."""
    db = tmp_path / "library.sqlite"
    demo = subprocess.run(
        [sys.executable, "-m", "postmortem_desk", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "postmortem_desk", "list", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    assert [row["id"] for row in json.loads(listed.stdout)] == [int(demo.stdout)]
