"""Open a database file safely: check it, lock it, back it up, migrate it."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from postmortem_desk.storage.backup import make_backup
from postmortem_desk.storage.engine import make_engine
from postmortem_desk.storage.errors import StorageError
from postmortem_desk.storage.lock import DatabaseLock
from postmortem_desk.storage.schema_version import HEAD_REVISION

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    """An open, locked, migrated database file."""

    path: Path
    engine: Engine
    lock: DatabaseLock | None = field(default=None, repr=False)

    def close(self) -> None:
        """Close every connection and release the lock."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def _check_location(path: Path) -> None:
    if path.is_dir():
        raise StorageError(f"{path} is a folder. Give the path of a database file with --db.")
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise StorageError(
                f"Cannot create the folder {folder} for the database: {error.strerror}. "
                "Choose another location with --db."
            ) from error
    if not os.access(folder, os.W_OK):
        raise StorageError(
            f"The folder {folder} is read-only, so {path.name} cannot be opened for editing. "
            "Copy the file to a folder you can write to and open it with --db."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise StorageError(
            f"{path} is read-only. Make it writable, or copy it and open the copy with --db."
        )


def _inspect_existing(path: Path) -> str | None:
    """Read the schema revision of an existing file without writing to it."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StorageError(
            f"{path} is not a Postmortem Desk database (it is not an SQLite file). "
            "Open a different file with --db, or move this one away to start a new library."
        )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise StorageError(
            f"{path} cannot be read: {error}. Check the file's permissions."
        ) from error
    try:
        verdict = connection.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise StorageError(
                f"{path} is damaged ({verdict[0] if verdict else 'no answer'}). "
                "Restore it from the backups folder beside it, or open another file with --db."
            )
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise StorageError(
                f"{path} is an SQLite file but not a Postmortem Desk database. "
                "Open a different file with --db."
            )
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError as error:
        raise StorageError(
            f"{path} is damaged ({error}). "
            "Restore it from the backups folder beside it, or open another file with --db."
        ) from error
    finally:
        connection.close()


def open_database(path: Path, *, lock: bool = True) -> Database:
    """Open ``path`` for the app: refuse bad files untouched, lock, back up, then migrate.

    ``lock=False`` is for short-lived command-line reads and tests that open the file twice.
    """
    path = path.expanduser().resolve()
    _check_location(path)
    revision = _inspect_existing(path) if path.exists() and path.stat().st_size > 0 else None
    if revision == HEAD_REVISION:
        return _open_current(path, lock=lock)
    from postmortem_desk.storage.migrate import head_revision, known_revisions, upgrade_to_head

    if revision is not None and revision not in known_revisions():
        raise StorageError(
            f"{path} was written by a newer version of Postmortem Desk (schema {revision}). "
            "Update the app to open it; the file was left as it is."
        )
    database_lock = DatabaseLock(path) if lock else None
    if database_lock is not None:
        database_lock.acquire()
    try:
        if revision is not None and revision != head_revision():
            make_backup(path, label=f"before-{head_revision()}")
        engine = make_engine(path)
        upgrade_to_head(engine)
    except BaseException:
        if database_lock is not None:
            database_lock.release()
        raise
    return Database(path=path, engine=engine, lock=database_lock)


def _open_current(path: Path, *, lock: bool) -> Database:
    """Open a file already at the head revision: lock it and connect, no migration to run."""
    database_lock = DatabaseLock(path) if lock else None
    if database_lock is not None:
        database_lock.acquire()
    return Database(path=path, engine=make_engine(path), lock=database_lock)
