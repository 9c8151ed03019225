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
