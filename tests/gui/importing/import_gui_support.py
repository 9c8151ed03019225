"""Where the import tests find their files: the project's own and the shared real exports."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "importers"
SHARED = ROOT.parent / "shared" / "fixtures"


def shared_fixture(relative: str) -> Path:
    """Return a file of ../shared/fixtures, skipping the test when the folder is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared fixtures live next to the project checkout")
    return path
