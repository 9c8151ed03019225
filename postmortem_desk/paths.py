"""Locate the app's folders: bundled resources in a checkout and in a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """Return the ``resources/`` folder: the repo's in a checkout, the bundle's when frozen."""
    if getattr(sys, "frozen", False):
        bundle_root = getattr(sys, "_MEIPASS", None)
        if bundle_root is not None:
            return Path(bundle_root) / "resources"
        return Path(sys.executable).resolve().parent / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """Return the per-user folder that holds the library database and its backups."""
    from platformdirs import user_data_path

    return user_data_path("postmortem-desk", appauthor=False)


def default_database_path() -> Path:
    """Return the library database used when no ``--db`` is given."""
    return data_dir() / "library.sqlite"


def database_path(requested: Path | None) -> Path:
    """Return the database to open: the one asked for, else the default."""
    return requested if requested is not None else default_database_path()
