"""Where the importer tests find our own fixture files and the shared real-world ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "importers"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures"


@pytest.fixture
def data() -> Path:
    """Return the folder of fixture files written for these tests."""
    return DATA


@pytest.fixture
def shared() -> Path:
    """Return the shared real-export fixtures, skipping when this checkout has none."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared real-export fixtures are absent ({SHARED.resolve()})")
    return SHARED


@pytest.fixture
def slack_folder(tmp_path: Path) -> Path:
    """Copy the modern Slack export so a test may change it."""
    target = tmp_path / "export"
    shutil.copytree(DATA / "slack_modern", target)
    return target
