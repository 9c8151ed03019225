"""Open the database for a command and build its services; close both when done."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from postmortem_desk.paths import database_path
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import open_database


@contextmanager
def command_services(args: argparse.Namespace) -> Iterator[Services]:
    """Yield services over ``--db`` (or the default library), holding its lock meanwhile."""
    database = open_database(database_path(getattr(args, "db", None)))
    try:
        yield Services.for_engine(database.engine)
    finally:
        database.close()
