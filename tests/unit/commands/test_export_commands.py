"""The export and publish commands, run through the real CLI on a real database file."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pypdf import PdfReader

from postmortem_desk.cli import main
from postmortem_desk.services.base import Store
from postmortem_desk.storage.database import open_database

EXPORT_TESTS = Path(__file__).resolve().parents[1] / "export"


def _load(name: str, file_name: str) -> ModuleType:
    """Import a helper module of the export tests by path, under a name of its own."""
    spec = importlib.util.spec_from_file_location(name, EXPORT_TESTS / file_name)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


add_postmortem = _load("export_test_fixtures", "conftest.py").add_postmortem
FakeConfluence = _load("export_fake_confluence", "fake_confluence.py").FakeConfluence

TOKEN = "cli-TOKEN-5521-secret"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Create a library file holding one realistic postmortem (id 1)."""
    path = tmp_path / "library.sqlite"
    database = open_database(path, lock=False)
    add_postmortem(Store(database.engine))
    database.close()
    return path


@pytest.fixture
def fake() -> Iterator[Any]:
    """Run a fake Data Center server."""
    server = FakeConfluence(token=TOKEN).start()
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("flag", "name", "check"),
    [
        (
            "--pdf",
            "r.pdf",
            lambda p: "Five whys" in "".join(x.extract_text() for x in PdfReader(p).pages),
        ),
        ("--markdown", "r.md", lambda p: p.read_text().startswith("# Checkout latency")),
        ("--confluence-xml", "r.xml", lambda p: "ac:structured-macro" in p.read_text()),
    ],
)
def test_export_writes_each_format(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    name: str,
    check: object,
) -> None:
    out = tmp_path / name

    assert main(["export", "--db", str(db), "1", flag, str(out)]) == 0

    assert out.is_file()
    assert check(out)  # type: ignore[operator]
    assert f"Wrote {out}" in capsys.readouterr().out


def test_export_anonymized_markdown_names_no_one(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.md"

    assert main(["export", "--db", str(db), "1", "--markdown", str(out), "--anonymize"]) == 0

    text = out.read_text()
    assert "Zoë" not in text
    assert "Incident commander" in text


def test_export_of_a_missing_postmortem_says_so(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--db", str(db), "9", "--pdf", str(tmp_path / "r.pdf")]) == 2
    assert "no postmortem with id 9" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_export_into_a_missing_folder_names_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nope" / "r.pdf"
    assert main(["export", "--db", str(db), "1", "--pdf", str(target)]) == 2
    assert f"{tmp_path / 'nope'} does not exist" in capsys.readouterr().err


def test_publish_uses_the_token_from_the_environment_and_updates_on_rerun(
    db: Path,
    fake: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("POSTMORTEM_DESK_CONFLUENCE_TOKEN", TOKEN)
    args = [
        "publish",
        "--db",
        str(db),
        "1",
        "--url",
        fake.url,
        "--space",
        "OPS",
        "--parent",
        "42",
        "--flavour",
        "datacenter",
    ]

    assert main(args) == 0
    assert main(args) == 0

    [page] = fake.pages.values()
    assert page.version == 2
    output = capsys.readouterr()
    assert "[sent]" in output.out
    assert TOKEN not in output.out + output.err
    assert TOKEN.encode() not in db.read_bytes()


def test_publish_without_a_token_explains_where_to_put_it(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("POSTMORTEM_DESK_CONFLUENCE_TOKEN", raising=False)
    monkeypatch.setattr(
        "postmortem_desk.export.credentials.CredentialStore.keyring_available",
        staticmethod(lambda: False),
    )

    code = main(
        ["publish", "--db", str(db), "1", "--url", "https://wiki.example.com", "--space", "OPS"]
    )

    assert code == 2
    assert "POSTMORTEM_DESK_CONFLUENCE_TOKEN" in capsys.readouterr().err
