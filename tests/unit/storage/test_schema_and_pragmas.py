"""The migration head matches the models, and every connection gets our pragmas."""

from __future__ import annotations

import sqlite3
from contextlib import ExitStack

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlmodel import SQLModel

import postmortem_desk.domain.models  # noqa: F401  (registers the tables)
from postmortem_desk.storage.database import Database
from postmortem_desk.storage.engine import BUSY_TIMEOUT_MS
from postmortem_desk.storage.migrate import current_revision, head_revision


def test_fresh_database_is_at_head(database: Database) -> None:
    """Open a new file and find it stamped with the newest revision."""
    with database.engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_migration_head_matches_models(database: Database) -> None:
    """Autogenerate against a freshly migrated file finds nothing to change."""
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_every_model_table_exists(database: Database) -> None:
    """Find each table of the models in the migrated file, and nothing unexpected."""
    tables = set(inspect(database.engine).get_table_names())
    assert tables == set(SQLModel.metadata.tables) | {"alembic_version"}


def test_foreign_keys_cascade_from_postmortem(database: Database) -> None:
    """Check that the declared ON DELETE actions made it into the file."""
    foreign_keys = inspect(database.engine).get_foreign_keys("timelineevent")
    by_column = {fk["constrained_columns"][0]: fk for fk in foreign_keys}
    assert by_column["postmortem_id"]["options"].get("ondelete") == "CASCADE"
    action_keys = inspect(database.engine).get_foreign_keys("actionitem")
    why = next(fk for fk in action_keys if fk["constrained_columns"] == ["why_node_id"])
    assert why["options"].get("ondelete") == "SET NULL"


def _pragmas(connection: Connection) -> dict[str, object]:
    return {
        name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
    }


def test_pragmas_on_every_connection(database: Database) -> None:
    """Open several connections at once and find WAL, foreign keys, busy timeout, NORMAL sync."""
    expected = {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": BUSY_TIMEOUT_MS,
        "synchronous": 1,
    }
    with ExitStack() as stack:
        connections = [stack.enter_context(database.engine.connect()) for _ in range(4)]
        raw = {id(c.connection.dbapi_connection) for c in connections}
        assert len(raw) == 4
        for connection in connections:
            assert _pragmas(connection) == expected
    database.engine.dispose()
    with database.engine.connect() as connection:
        assert _pragmas(connection) == expected


def test_file_is_in_wal_mode_for_other_readers(database: Database) -> None:
    """Check that WAL is recorded in the file itself, not only on our connections."""
    reader = sqlite3.connect(database.path)
    try:
        assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        reader.close()
