"""Shared fixtures: a real database on tmp_path, the services over it, the demo postmortem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.services.demo import create_demo_postmortem
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import Database, open_database


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    """Return where the test's library file lives (not created yet)."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def database(database_path: Path) -> Iterator[Database]:
    """Open a fresh, locked, migrated database file and close it after the test."""
    opened = open_database(database_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def services(database: Database) -> Services:
    """Build every service over the test database."""
    return Services.for_engine(database.engine)


@pytest.fixture
def demo_id(services: Services) -> PostmortemId:
    """Create the demo postmortem and return its id."""
    return create_demo_postmortem(services)
