"""Compile the Designer forms in ui/ into gui/forms/ui_*.py with pyside6-uic.

Run ``python -m postmortem_desk.gui.form_compiler`` after editing a form; a test fails when a
generated module is out of date.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UI_DIR = REPO / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def target_for(form: Path) -> Path:
    """Return the generated module of ``form`` (``library_page.ui`` -> ``ui_library_page.py``)."""
    return FORMS_DIR / f"ui_{_snake(form.stem)}.py"


def _uic() -> str:
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic was not found; install PySide6-Essentials.")
    return found


def compile_form(form: Path) -> str:
    """Return the Python source pyside6-uic generates for ``form``."""
    result = subprocess.run(
        [_uic(), "--from-imports", "--no-autoconnection", str(form)],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = result.stdout.splitlines()
    kept = [line for line in lines if not line.startswith("## Created by: Qt User Interface")]
    return "\n".join(kept) + "\n"


def main() -> int:
    """Regenerate every form module."""
    for form in sorted(UI_DIR.glob("*.ui")):
        target_for(form).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.relative_to(REPO)} -> {target_for(form).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
