"""Every Designer form in ui/ has an up-to-date generated module in gui/forms/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from postmortem_desk.gui.form_compiler import UI_DIR, compile_form, target_for

FORMS = sorted(UI_DIR.glob("*.ui"))


@pytest.mark.skipif(shutil.which("pyside6-uic") is None, reason="pyside6-uic is not installed")
@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_generated_module_matches_its_form(form: Path) -> None:
    target = target_for(form)
    assert target.exists(), f"{target} is missing: run python -m postmortem_desk.gui.form_compiler"
    assert target.read_text(encoding="utf-8") == compile_form(form), (
        f"{target.name} is out of date with {form.name}: "
        "run python -m postmortem_desk.gui.form_compiler"
    )
