"""The coach's vocabulary: what a finding is, the categories and how loudly each one speaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Severity = Literal["warning", "hint"]

CATEGORIES: Final[tuple[str, ...]] = (
    "naming_person",
    "human_error",
    "counterfactual",
    "judgmental",
    "hindsight",
    "minimizing",
    "who_why_question",
    "animated",
)

# Warn where people are blamed outright; only hint where the wording is a habit worth noticing.
CATEGORY_SEVERITY: Final[dict[str, Severity]] = {
    "naming_person": "warning",
    "human_error": "warning",
    "counterfactual": "warning",
    "judgmental": "warning",
    "who_why_question": "warning",
    "hindsight": "hint",
    "minimizing": "hint",
    "animated": "hint",
}

CATEGORY_LABELS: Final[dict[str, str]] = {
    "naming_person": "Person named as the cause",
    "human_error": "\u201cHuman error\u201d as a cause",
    "counterfactual": "What someone should have done",
    "judgmental": "Judgement of a person",
    "hindsight": "Hindsight",
    "minimizing": "Minimising the work",
    "who_why_question": "Who/why question",
    "animated": "Heated language",
}


@dataclass(frozen=True)
class Finding:
    """A flagged span: where it is, which rule fired, why it hurts and what to write instead."""

    start: int
    end: int
    category: str
    rule_id: str
    matched: str
    message: str
    suggestion: str
    replacement: str | None = None
    """Text that can replace ``matched`` as is ("" deletes it); None when a person must rewrite."""

    @property
    def key(self) -> str:
        """Return the key that remembers "ignore this" and survives edits around the span."""
        return f"{self.rule_id}:{self.matched.lower()}"

    @property
    def severity(self) -> Severity:
        """Return "warning" for blame of people, "hint" for wording habits."""
        return CATEGORY_SEVERITY.get(self.category, "hint")
