"""The facilitator's prompt cards: the bundled file, and the checks on a file's shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.services.prompts import (
    BLAMING_OPENERS,
    PromptFileError,
    bundled_prompts,
    default_prompt_path,
    load_prompts,
)


def test_every_kind_has_a_card_with_what_and_how_questions() -> None:
    library = bundled_prompts()
    for kind in EventKind:
        card = library.for_kind(kind)
        assert card.kind == kind
        assert card.title
        assert len(card.questions) >= 3
        for question in card.questions:
            assert question.endswith("?"), question
            assert not BLAMING_OPENERS.match(question), question


def test_the_alert_card_asks_what_the_issue_asks() -> None:
    questions = bundled_prompts().for_kind(EventKind.ALERT).questions
    assert "What did the responder see first?" in questions
    assert any(q.startswith("What did normal look like") for q in questions)


def test_general_questions_follow_the_kinds_own() -> None:
    library = bundled_prompts()
    combined = library.questions_for(EventKind.CHANGE)
    assert combined[: len(library.for_kind(EventKind.CHANGE).questions)] == (
        library.for_kind(EventKind.CHANGE).questions
    )
    assert combined[-len(library.general) :] == library.general
    assert library.general


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "prompts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _valid() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(default_prompt_path().read_text(encoding="utf-8"))
    return data


def test_a_copy_of_the_bundled_file_loads(tmp_path: Path) -> None:
    library = load_prompts(_write(tmp_path, _valid()))
    assert library == bundled_prompts()


def test_a_missing_kind_is_named(tmp_path: Path) -> None:
    data = _valid()
    del data["kinds"]["page"]
    with pytest.raises(PromptFileError, match="no card for the kind “page”"):
        load_prompts(_write(tmp_path, data))


def test_an_unknown_kind_is_named(tmp_path: Path) -> None:
    data = _valid()
    data["kinds"]["meteor"] = {"title": "x", "questions": ["What?"]}
    with pytest.raises(PromptFileError, match=r"unknown event kind.*meteor"):
        load_prompts(_write(tmp_path, data))


@pytest.mark.parametrize("question", ["Why did you deploy on a Friday?", "who broke it?"])
def test_why_and_who_questions_are_refused(tmp_path: Path, question: str) -> None:
    data = _valid()
    data["kinds"]["chat"]["questions"].append(question)
    with pytest.raises(PromptFileError, match="ask what or how instead"):
        load_prompts(_write(tmp_path, data))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["kinds"]["note"].update(questions=[]), "non-empty list"),
        (lambda d: d["kinds"]["note"].update(questions=[3]), "question 1 must be text"),
        (lambda d: d["kinds"]["note"].update(title=""), "needs a title"),
        (lambda d: d.update(kinds=[]), "must map each event kind"),
    ],
)
def test_bad_shapes_say_what_is_wrong(tmp_path: Path, mutate: Any, message: str) -> None:
    data = _valid()
    mutate(data)
    with pytest.raises(PromptFileError, match=message):
        load_prompts(_write(tmp_path, data))


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "prompts.json"
    path.write_text('{\n  "kinds": {,\n}', encoding="utf-8")
    with pytest.raises(PromptFileError, match=r"prompts.json, line 2: not valid JSON"):
        load_prompts(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(PromptFileError, match=r"gone\.json: cannot be read"):
        load_prompts(tmp_path / "gone.json")


def test_a_non_object_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PromptFileError, match="JSON object"):
        load_prompts(_write(tmp_path, ["What?"]))
