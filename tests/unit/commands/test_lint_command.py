"""``postmortem-desk lint``: findings with line/column, JSON, names, exit codes, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from postmortem_desk.cli import main

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Timeline\n"
        "02:10 the deploy bot restarted the node.\n"
        "02:31 Dana restarted the wrong node.\n"
        "Why didn't you check the replica lag?\n",
        encoding="utf-8",
    )
    return path


def test_json_lists_findings_with_line_and_columns(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["lint", str(notes), "--json", "--names", "Dana, Priya"])
    assert code == 1
    findings = json.loads(capsys.readouterr().out)
    lines = notes.read_text(encoding="utf-8").splitlines()
    assert {(f["line"], f["category"]) for f in findings} >= {
        (3, "naming_person"),
        (3, "human_error"),
        (4, "who_why_question"),
        (4, "counterfactual"),
    }
    for finding in findings:
        assert set(finding) >= {
            "line", "start", "end", "category", "matched", "message", "suggestion"
        }  # fmt: skip
        line = lines[finding["line"] - 1]
        assert line[finding["start"] : finding["end"]] == finding["matched"]
    dana = next(f for f in findings if f["category"] == "naming_person")
    assert (dana["start"], dana["end"], dana["matched"]) == (6, 10, "Dana")


def test_without_names_capitalised_people_are_still_caught(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", str(notes), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert (3, "naming_person", "Dana") in {
        (f["line"], f["category"], f["matched"]) for f in findings
    }
    assert not [f for f in findings if f["line"] == 2]  # "the deploy bot restarted the node"


def test_text_output_names_file_line_and_column(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", str(notes), "--names", "Dana"]) == 1
    out = capsys.readouterr().out
    assert f"{notes}:3:7: warning: naming_person:" in out
    assert "suggestion:" in out


def test_clean_text_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("The health check failed to respond; git blame shows the change.\n")
    assert main(["lint", str(clean), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"It was human error!!!\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["lint", "-", "--json"]) == 1
    categories = {f["category"] for f in json.loads(capsys.readouterr().out)}
    assert categories == {"human_error", "animated"}


@pytest.mark.parametrize(
    ("make", "complaint"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: tmp, "folder"),
        (lambda tmp: _write(tmp / "latin1.txt", "caf\xe9 owner error".encode("latin-1")), "UTF-8"),
    ],
)
def test_bad_input_exits_two_and_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, complaint: str
) -> None:
    assert callable(make)
    path = make(tmp_path)
    assert main(["lint", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert complaint in err


def test_bad_rule_file_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("[[rule]]\nid = 'x'\n", encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("fine\n", encoding="utf-8")
    assert main(["lint", str(text), "--rules", str(rules)]) == 2
    assert "rules.toml" in capsys.readouterr().err


def test_organisation_rules_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "acme.toml"
    rules.write_text(
        '[[rule]]\nid = "acme-yolo"\ncategory = "judgmental"\nphrases = ["yolo deploy"]\n'
        'message = "m"\nsuggestion = "Describe which checks were skippable."\n',
        encoding="utf-8",
    )
    text = tmp_path / "t.txt"
    text.write_text("It was a yolo deploy.\n", encoding="utf-8")
    assert main(["lint", str(text), "--rules", str(rules), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)[0]["matched"] == "yolo deploy"


def test_subprocess_end_to_end(notes: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postmortem_desk", "lint", "-", "--json", "--names", "Dana"],
        input=notes.read_bytes(),
        capture_output=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout.decode("utf-8"))
    assert any(f["matched"] == "Dana" for f in findings)
    clean = subprocess.run(
        [sys.executable, "-m", "postmortem_desk", "lint", "-"],
        input=b"We rolled back at 02:40.\n",
        capture_output=True,
        cwd=REPO,
        check=False,
    )
    assert clean.returncode == 0
    assert clean.stdout == b""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
