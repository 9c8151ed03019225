"""The only module that names icon files."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from postmortem_desk.paths import resource_dir


def app_icon() -> QIcon:
    """Return the application icon."""
    return QIcon(str(resource_dir() / "icons" / "app.svg"))
