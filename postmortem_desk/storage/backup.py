"""Online backups of the database file before it is migrated."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

KEEP_BACKUPS = 5


def backup_dir(database: Path) -> Path:
    """Return the folder that holds the backups of ``database``."""
    return database.with_name(database.name + ".backups")


def make_backup(database: Path, *, label: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy ``database`` with SQLite's online backup API; keep the newest ``keep`` copies."""
    folder = backup_dir(database)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{database.stem}-{stamp}-{label}.sqlite"
    source = sqlite3.connect(database)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    backups = sorted(folder.glob(f"{database.stem}-*.sqlite"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
    return target
