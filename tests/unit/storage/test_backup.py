"""Online backups: a faithful copy, the newest five kept, none made for a new file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from postmortem_desk.services.registry import Services
from postmortem_desk.storage.backup import KEEP_BACKUPS, backup_dir, make_backup
from postmortem_desk.storage.database import Database, open_database


def _titles(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM postmortem ORDER BY id")]
    finally:
        connection.close()


def test_backup_copies_committed_data_while_open(database: Database, services: Services) -> None:
    """Copy the live file, including what is still in the WAL, into the backups folder."""
    services.postmortems.create(title="Before the migration")
    target = make_backup(database.path, label="before-test")
    assert target.parent == backup_dir(database.path)
    assert target.name.endswith("-before-test.sqlite")
    assert _titles(target) == ["Before the migration"]
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def test_backups_keep_the_newest_five(database: Database, services: Services) -> None:
    """Make seven backups and keep only the last five, oldest dropped first."""
    made: list[Path] = []
    for number in range(7):
        services.postmortems.create(title=f"Edit {number}")
        made.append(make_backup(database.path, label=f"n{number}"))
    kept = sorted(backup_dir(database.path).glob("*.sqlite"))
    assert len(kept) == KEEP_BACKUPS
    assert kept == made[-KEEP_BACKUPS:]
    assert len(_titles(kept[-1])) == 7
    assert len(_titles(kept[0])) == 3


def test_keep_is_configurable(database: Database) -> None:
    """Honour a smaller ``keep``."""
    for number in range(3):
        make_backup(database.path, label=f"k{number}", keep=2)
    assert len(list(backup_dir(database.path).glob("*.sqlite"))) == 2


def test_new_file_gets_no_backup(tmp_path: Path) -> None:
    """Create a library without making a backup: there is nothing to protect yet."""
    path = tmp_path / "fresh.sqlite"
    first = open_database(path)
    first.close()
    second = open_database(path)
    second.close()
    assert not backup_dir(path).exists()


def test_file_at_head_gets_no_backup(database: Database, services: Services) -> None:
    """Reopen an up-to-date library without a backup: nothing is migrated."""
    services.postmortems.create(title="Kept")
    database.close()
    reopened = open_database(database.path)
    reopened.close()
    assert not backup_dir(database.path).exists()
