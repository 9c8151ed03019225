"""Create SQLite engines with the pragmas every connection needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import create_engine

BUSY_TIMEOUT_MS = 5000


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    """Turn on WAL, foreign keys, a busy timeout and NORMAL sync for one new connection."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def make_engine(path: Path) -> Engine:
    """Return an engine for the SQLite file at ``path`` with our pragmas on every connection."""
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _apply_pragmas)
    return engine
