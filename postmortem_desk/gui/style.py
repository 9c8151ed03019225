"""Load the application style sheet and palette from resources/styles."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from postmortem_desk.domain.enums import Severity
from postmortem_desk.paths import resource_dir

UI_FONT_FAMILY = "DejaVu Sans"


def styles_dir() -> Path:
    """Return the folder that holds the .qss files and palettes."""
    return resource_dir() / "styles"


@cache
def palette() -> dict[str, str]:
    """Return the named colours of the facilitator window."""
    data: dict[str, str] = json.loads((styles_dir() / "palette.json").read_text("utf-8"))
    return data


def colour(name: str) -> QColor:
    """Return one named colour of the palette."""
    return QColor(palette()[name])


def severity_colour(severity: Severity) -> QColor:
    """Return the colour that marks a severity everywhere in the app."""
    return colour(severity.value.lower())


def render_stylesheet(name: str, colours: dict[str, str]) -> str:
    """Read ``name``.qss and replace each ``@colour`` with its value."""
    text = (styles_dir() / f"{name}.qss").read_text("utf-8")

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in colours:
            raise KeyError(f"{name}.qss uses @{key}, which the palette does not define")
        return colours[key]

    return re.sub(r"@([a-z_0-9]+)", replace, text)


def load_fonts() -> None:
    """Register the bundled fonts so every machine renders the same type."""
    fonts = resource_dir() / "fonts"
    for path in sorted(fonts.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def apply_style(app: QApplication) -> None:
    """Give the application its fonts, palette and style sheet."""
    load_fonts()
    app.setStyle("Fusion")
    font = QFont(UI_FONT_FAMILY, 10)
    app.setFont(font)
    colours = {**palette(), "icon_dir": (resource_dir() / "icons").as_posix()}
    app.setStyleSheet(render_stylesheet("app", colours))
