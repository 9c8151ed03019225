"""The language coach as the app uses it: bundled rules plus the organisation's own file."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from postmortem_desk.coach import Coach, RuleSet, load_rules
from postmortem_desk.paths import data_dir
from postmortem_desk.services.bundle import PostmortemBundle

ORGANISATION_RULES_FILE = "coach_rules.toml"


def organisation_rules_path() -> Path:
    """Return where an organisation's extra coach rules live (next to the library)."""
    return data_dir() / ORGANISATION_RULES_FILE


def people_of(bundle: PostmortemBundle) -> list[str]:
    """Return the names and handles the coach should recognise as people in this postmortem."""
    names: list[str] = []
    for person in bundle.participants:
        names.append(person.name)
        if person.handle:
            names.append(f"@{person.handle}")
    return names


class CoachingService:
    """Build coaches that know a postmortem's people; rules are read once per app run."""

    def __init__(self, extra_rule_files: Iterable[Path] | None = None) -> None:
        self._extra = list(extra_rule_files) if extra_rule_files is not None else None

    @cached_property
    def rules(self) -> RuleSet:
        """Return the bundled rules merged with the organisation's file, if it exists."""
        extra = self._extra
        if extra is None:
            candidate = organisation_rules_path()
            extra = [candidate] if candidate.is_file() else []
        return load_rules(extra)

    def coach_for(self, names: Iterable[str]) -> Coach:
        """Return a coach that treats ``names`` (full names, first names, @handles) as people."""
        return Coach(self.rules, names=list(names))
