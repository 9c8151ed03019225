"""Keep the layers apart: Qt only in the GUI, no storage in the GUI, a domain that stays pure."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

import postmortem_desk

PACKAGE_DIR = Path(postmortem_desk.__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
PACKAGE = "postmortem_desk"

QT_MODULES = ("PySide6", "shiboken6")
STORAGE_MODULES = ("sqlalchemy", "sqlmodel", "alembic", "postmortem_desk.storage")
LAYERS_ABOVE_DOMAIN = ("postmortem_desk.services", "postmortem_desk.storage")


def module_name(path: Path) -> str:
    """Return the dotted module name of a file inside the package."""
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Return every module ``source`` imports, with relative imports made absolute."""
    found: set[str] = set()
    package_parts = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package_parts[: len(package_parts) - (node.level - 1)]
                base = ".".join(base_parts)
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            # ``from postmortem_desk import storage`` imports the subpackage too.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def matches(name: str, prefixes: tuple[str, ...]) -> bool:
    """Tell whether ``name`` is one of ``prefixes`` or a submodule of one."""
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def layer_violations(path: Path, source: str) -> list[str]:
    """Name each import in one package file that crosses a layer boundary."""
    module = module_name(path)
    imports = imported_modules(source, module, is_package=path.name == "__init__.py")
    in_gui = matches(module, (f"{PACKAGE}.gui",))
    is_root = module == f"{PACKAGE}.app"
    problems: list[str] = []
    for name in sorted(imports):
        if matches(name, QT_MODULES) and not (in_gui or is_root):
            problems.append(f"{module} imports {name}: only gui/ and app.py may use Qt")
        if in_gui and matches(name, STORAGE_MODULES):
            problems.append(f"{module} imports {name}: the GUI talks to services only")
        if matches(module, (f"{PACKAGE}.domain",)) and matches(name, LAYERS_ABOVE_DOMAIN):
            problems.append(f"{module} imports {name}: domain/ must not depend on upper layers")
    return problems


def package_files() -> list[Path]:
    """Return every Python file of the package."""
    return sorted(PACKAGE_DIR.rglob("*.py"))


def test_package_files_are_found() -> None:
    """Make sure the scan sees the package, so an empty scan cannot pass silently."""
    names = {module_name(path) for path in package_files()}
    assert {"postmortem_desk.cli", "postmortem_desk.domain.models"} <= names


def test_no_layer_crosses_its_boundary() -> None:
    """Fail on Qt outside the GUI, storage inside the GUI, or upper layers inside domain."""
    problems: list[str] = []
    for path in package_files():
        problems.extend(layer_violations(path, path.read_text(encoding="utf-8")))
    assert problems == []


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        ("services/x.py", "from PySide6.QtCore import QObject", "only gui/ and app.py"),
        ("export/x.py", "import shiboken6", "only gui/ and app.py"),
        ("gui/x.py", "import sqlalchemy", "services only"),
        ("gui/x.py", "from sqlmodel import Session", "services only"),
        ("gui/pages/x.py", "from ...storage.database import open_database", "services only"),
        ("gui/x.py", "from postmortem_desk import storage", "services only"),
        ("domain/x.py", "from postmortem_desk.services.base import Store", "upper layers"),
        ("domain/x.py", "from ..storage import lock", "upper layers"),
    ],
)
def test_checker_catches_violations(relative: str, source: str, expected: str) -> None:
    """Check the checker itself on small offending sources."""
    problems = layer_violations(PACKAGE_DIR / relative, source)
    assert problems
    assert all(expected in problem for problem in problems)


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("gui/x.py", "from PySide6.QtWidgets import QWidget"),
        ("app.py", "from PySide6.QtWidgets import QApplication"),
        ("gui/x.py", "from postmortem_desk.services.registry import Services"),
        ("services/x.py", "from sqlmodel import select"),
        ("domain/x.py", "from sqlmodel import SQLModel"),
    ],
)
def test_checker_allows_permitted_imports(relative: str, source: str) -> None:
    """Check that the permitted directions pass."""
    assert layer_violations(PACKAGE_DIR / relative, source) == []


def test_version_comes_from_the_package() -> None:
    """Keep one version source: pyproject reads it from ``postmortem_desk.__version__``."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    dynamic = pyproject["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "postmortem_desk.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)*", postmortem_desk.__version__)
