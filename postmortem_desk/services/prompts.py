"""Load the facilitator's prompt cards: what/how questions suited to each kind of timeline event.

The texts are data in ``resources/templates/prompts.json`` so they can be reworded without touching
code; this module checks the file's shape and hands out one card per event kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.paths import resource_dir

BLAMING_OPENERS = re.compile(r"^\s*(why|who)\b", re.IGNORECASE)
"""Questions that open with why or who point at a person; the guides ask what and how instead."""


class PromptFileError(UserFacingError):
    """The prompt file cannot be read or does not have the documented shape."""


@dataclass(frozen=True)
class PromptCard:
    """The questions the facilitator can ask about one kind of event."""

    kind: EventKind
    title: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class PromptLibrary:
    """Every kind's card plus the questions that suit any event."""

    cards: Mapping[EventKind, PromptCard]
    general: tuple[str, ...]

    def for_kind(self, kind: EventKind) -> PromptCard:
        """Return the card of ``kind``."""
        return self.cards[kind]

    def questions_for(self, kind: EventKind) -> tuple[str, ...]:
        """Return the kind's own questions followed by the general ones."""
        return self.cards[kind].questions + self.general


def default_prompt_path() -> Path:
    """Return the bundled prompt file."""
    return resource_dir() / "templates" / "prompts.json"


def _questions(value: Any, where: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise PromptFileError(f"{path.name}: {where} must be a non-empty list of questions.")
    questions: list[str] = []
    for number, question in enumerate(value, start=1):
        if not isinstance(question, str) or not question.strip():
            raise PromptFileError(f"{path.name}: {where}, question {number} must be text.")
        if BLAMING_OPENERS.match(question):
            raise PromptFileError(
                f"{path.name}: {where}, question {number} opens with why/who "
                f"(“{question.strip()}”); ask what or how instead."
            )
        questions.append(question.strip())
    return tuple(questions)


def parse_prompts(data: Any, path: Path) -> PromptLibrary:
    """Check the decoded JSON of a prompt file and build the library; ``path`` names it."""
    if not isinstance(data, dict):
        raise PromptFileError(f"{path.name}: the file must hold a JSON object.")
    kinds = data.get("kinds")
    if not isinstance(kinds, dict):
        raise PromptFileError(f"{path.name}: “kinds” must map each event kind to its card.")
    known = {kind.value for kind in EventKind}
    unknown = sorted(set(kinds) - known)
    if unknown:
        raise PromptFileError(
            f"{path.name}: unknown event kind(s) {', '.join(unknown)}; "
            f"the kinds are {', '.join(sorted(known))}."
        )
    cards: dict[EventKind, PromptCard] = {}
    for kind in EventKind:
        entry = kinds.get(kind.value)
        if not isinstance(entry, dict):
            raise PromptFileError(f"{path.name}: there is no card for the kind “{kind.value}”.")
        title = entry.get("title")
        if not isinstance(title, str) or not title.strip():
            raise PromptFileError(f"{path.name}: the card for “{kind.value}” needs a title.")
        questions = _questions(entry.get("questions"), f"the card for “{kind.value}”", path)
        cards[kind] = PromptCard(kind=kind, title=title.strip(), questions=questions)
    general_value = data.get("general", [])
    general = _questions(general_value, "“general”", path) if general_value else ()
    return PromptLibrary(cards=cards, general=general)


def load_prompts(path: Path | None = None) -> PromptLibrary:
    """Read and check a prompt file (the bundled one by default)."""
    source = path or default_prompt_path()
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise PromptFileError(f"{source.name}: cannot be read ({error.strerror}).") from error
    except json.JSONDecodeError as error:
        raise PromptFileError(
            f"{source.name}, line {error.lineno}: not valid JSON ({error.msg})."
        ) from error
    return parse_prompts(data, source)


@cache
def bundled_prompts() -> PromptLibrary:
    """Return the bundled prompt cards, read once."""
    return load_prompts()
