"""Small builders the importer tests share: zipped exports and lookups by text."""

from __future__ import annotations

import zipfile
from pathlib import Path

from postmortem_desk.importers.base import ImportedEvent


def zip_folder(folder: Path, archive: Path, *, prefix: str = "") -> Path:
    """Zip ``folder`` the way Slack delivers exports, optionally under a top folder."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                handle.write(file, prefix + file.relative_to(folder).as_posix())
    return archive


def only(events: list[ImportedEvent], fragment: str) -> ImportedEvent:
    """Return the one event whose text contains ``fragment``."""
    matches = [e for e in events if fragment in e.text]
    assert len(matches) == 1, [e.text for e in events]
    return matches[0]
