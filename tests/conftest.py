"""Shared fixtures: a real database on tmp_path, the services over it, the demo postmortem."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.services.base import Change
from postmortem_desk.services.demo import create_demo_postmortem
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import Database, open_database

LOCK_HOLDER = Path(__file__).parent / "unit" / "storage" / "lock_holder.py"
HOLDER_USER = "holder-of-the-lock"


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


@pytest.fixture
def changes(services: Services) -> list[Change]:
    """Record every change the services announce from now on."""
    recorded: list[Change] = []
    services.bus.subscribe(recorded.append)
    return recorded


@pytest.fixture
def existing_library(tmp_path: Path) -> Path:
    """Return a closed, migrated library file with one postmortem in it."""
    path = tmp_path / "existing.sqlite"
    opened = open_database(path)
    try:
        Services.for_engine(opened.engine).postmortems.create(title="Already here")
    finally:
        opened.close()
    return path


@pytest.fixture
def hold_in_other_process() -> Iterator[Callable[[Path], subprocess.Popen[str]]]:
    """Start real processes that open a database as user HOLDER_USER and keep it until the end."""
    started: list[subprocess.Popen[str]] = []

    def hold(path: Path) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, str(LOCK_HOLDER), str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "USER": HOLDER_USER},
        )
        started.append(process)
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            process.kill()
            _, error = process.communicate()
            pytest.fail(f"the process meant to hold {path} did not start: {error}")
        return process

    yield hold
    for process in started:
        process.communicate(input="" if process.poll() is None else None, timeout=30)
