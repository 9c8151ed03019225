"""Load the coach's rules from TOML: the bundled file, then any organisation files on top.

The file shape is documented at the top of ``resources/rules/blame_rules.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final, Literal

from postmortem_desk.coach.model import CATEGORIES
from postmortem_desk.paths import resource_dir

Subject = Literal[
    "any", "person", "not_system", "other_person", "clause_person", "name_like", "name_artifact"
]
RuleKind = Literal["lexical", "person_fault"]

SUBJECTS: Final[tuple[str, ...]] = (
    "any",
    "person",
    "not_system",
    "other_person",
    "clause_person",
    "name_like",
    "name_artifact",
)
KINDS: Final[tuple[str, ...]] = ("lexical", "person_fault")
FILTERS: Final[frozenset[str]] = frozenset(
    {
        "negation",  # skip when negated just before: "not careless", "no stupid questions"
        "question",  # skip in what/how/yes-no questions the facilitator asks
        "improvement",  # skip "could have" when an instrument or condition follows
        "minimizing_sense",  # just/simply/merely only after a modal: "could just check"
        "interrogative",  # who/why must open a question, not a relative clause
        "future",  # skip when the sentence looks forward: "obviously, we'll share it"
        "predicative",  # "obvious" said of a past state: "was obvious", "obvious that/from"
        "explained",  # skip when the sentence goes on to give a cause: "... because the alert ..."
        "negated",  # keep only when negated just before: "wasn't paying attention"
        "obligation",  # keep only after must/should/need to: "engineers must double-check"
    }
)

_LEADING_LITERAL = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_PUNCT_TRIGGER = "!"
_APOSTROPHE = "['\u2019]"


class RuleFileError(ValueError):
    """A rule file cannot be read or does not have the documented shape."""


@dataclass(frozen=True)
class Rule:
    """One rule: the words that trigger it and the context that must hold for it to count."""

    id: str
    category: str
    message: str
    suggestion: str
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    subject: Subject = "any"
    filters: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    kind: RuleKind = "lexical"
    enabled: bool = True
    replacement: str | None = None

    def regex_sources(self) -> tuple[str, ...]:
        """Return the patterns to try at a trigger: all phrases as one, then each pattern."""
        sources = list(self.patterns)
        if self.phrases:
            sources.insert(0, "|".join(_phrase_regex(phrase) for phrase in self.phrases))
        return tuple(sources)

    def anchor_words(self) -> tuple[str, ...]:
        """Return the lower-case words (or "!") at which the rule's matches begin."""
        if self.triggers:
            return tuple(_normalise_trigger(t) for t in self.triggers)
        anchors: list[str] = []
        for phrase in self.phrases:
            anchors.append(_normalise_trigger(phrase.split()[0]))
        for pattern in self.patterns:
            literal = _LEADING_LITERAL.match(pattern)
            if literal is None:
                raise RuleFileError(
                    f"rule {self.id!r}: pattern {pattern!r} does not start with a literal word; "
                    "give the rule a 'triggers' list"
                )
            anchors.append(_normalise_trigger(literal.group()))
        return tuple(dict.fromkeys(anchors))


@dataclass(frozen=True)
class Lexicon:
    """Word lists the context filters use to tell people from systems."""

    person_nouns: frozenset[str] = frozenset()
    system_nouns: frozenset[str] = frozenset()
    ambiguous_nouns: frozenset[str] = frozenset()
    affected_nouns: frozenset[str] = frozenset()

    def merged(self, other: Lexicon) -> Lexicon:
        """Return a lexicon with both sets of words."""
        return Lexicon(
            person_nouns=self.person_nouns | other.person_nouns,
            system_nouns=self.system_nouns | other.system_nouns,
            ambiguous_nouns=self.ambiguous_nouns | other.ambiguous_nouns,
            affected_nouns=self.affected_nouns | other.affected_nouns,
        )


@dataclass(frozen=True)
class RuleSet:
    """The rules and lexicon in force, in file order (later files override rules by id)."""

    rules: tuple[Rule, ...]
    lexicon: Lexicon = field(default_factory=Lexicon)

    def enabled_rules(self) -> tuple[Rule, ...]:
        """Return the rules that are switched on."""
        return tuple(rule for rule in self.rules if rule.enabled)

    def merged(self, other: RuleSet) -> RuleSet:
        """Return this set with ``other`` on top: same id replaces, new ids are appended."""
        by_id = {rule.id: rule for rule in self.rules}
        for rule in other.rules:
            by_id[rule.id] = rule
        return RuleSet(rules=tuple(by_id.values()), lexicon=self.lexicon.merged(other.lexicon))


def bundled_rules_path() -> Path:
    """Return the path of the rule file that ships with the app."""
    return resource_dir() / "rules" / "blame_rules.toml"


def load_rules(extra_paths: Sequence[Path] = ()) -> RuleSet:
    """Load the bundled rules and merge each organisation file on top, in order."""
    rules = parse_rule_file(bundled_rules_path())
    for path in extra_paths:
        rules = rules.merged(parse_rule_file(path, base=rules))
    return rules


def parse_rule_file(path: Path, base: RuleSet | None = None) -> RuleSet:
    """Read one rule file; ``base`` lets a file switch off or tweak a rule by id alone."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise RuleFileError(f"cannot read rule file {path}: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError(f"rule file {path} is not valid TOML: {error}") from error
    try:
        return parse_rule_data(data, base=base)
    except RuleFileError as error:
        raise RuleFileError(f"{path}: {error}") from error


def parse_rule_data(data: Mapping[str, Any], base: RuleSet | None = None) -> RuleSet:
    """Turn the parsed TOML of one rule file into a rule set, checking its shape."""
    known = {rule.id: rule for rule in base.rules} if base is not None else {}
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleFileError("'rule' must be an array of tables ([[rule]])")
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in raw_rules:
        if not isinstance(raw, dict):
            raise RuleFileError("each [[rule]] must be a table")
        rule = _parse_rule(raw, known)
        if rule.id in seen:
            raise RuleFileError(f"rule id {rule.id!r} appears twice")
        seen.add(rule.id)
        rules.append(rule)
    lexicon = _parse_lexicon(data.get("lexicon", {}))
    return RuleSet(rules=tuple(rules), lexicon=lexicon)


def _parse_rule(raw: Mapping[str, Any], known: Mapping[str, Rule]) -> Rule:
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError("every [[rule]] needs a non-empty string 'id'")
    base = known.get(rule_id)
    unknown_keys = set(raw) - {f for f in Rule.__dataclass_fields__}
    if unknown_keys:
        raise RuleFileError(f"rule {rule_id!r}: unknown keys {sorted(unknown_keys)}")
    if base is not None:
        rule = replace(base, **{key: _coerce(rule_id, key, value) for key, value in raw.items()})
    else:
        for key in ("category", "message", "suggestion"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise RuleFileError(f"rule {rule_id!r}: '{key}' must be a non-empty string")
        fields = {key: _coerce(rule_id, key, value) for key, value in raw.items()}
        rule = Rule(**fields)
    _validate(rule)
    return rule


def _coerce(rule_id: str, key: str, value: Any) -> Any:
    if key in {"phrases", "patterns", "triggers", "filters", "exceptions"}:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise RuleFileError(f"rule {rule_id!r}: '{key}' must be a list of strings")
        return tuple(value)
    if key == "enabled":
        if not isinstance(value, bool):
            raise RuleFileError(f"rule {rule_id!r}: 'enabled' must be true or false")
        return value
    if not isinstance(value, str):
        raise RuleFileError(f"rule {rule_id!r}: '{key}' must be a string")
    return value


def _validate(rule: Rule) -> None:
    if rule.category not in CATEGORIES:
        raise RuleFileError(
            f"rule {rule.id!r}: unknown category {rule.category!r} (one of {', '.join(CATEGORIES)})"
        )
    if rule.subject not in SUBJECTS:
        raise RuleFileError(f"rule {rule.id!r}: 'subject' must be one of {', '.join(SUBJECTS)}")
    if rule.kind not in KINDS:
        raise RuleFileError(f"rule {rule.id!r}: 'kind' must be one of {', '.join(KINDS)}")
    unknown = set(rule.filters) - FILTERS
    if unknown:
        raise RuleFileError(f"rule {rule.id!r}: unknown filters {sorted(unknown)}")
    if not rule.phrases and not rule.patterns:
        raise RuleFileError(f"rule {rule.id!r}: give at least one phrase or pattern")
    for source in (*rule.regex_sources(), *rule.exceptions):
        try:
            re.compile(source, re.IGNORECASE)
        except re.error as error:
            raise RuleFileError(f"rule {rule.id!r}: bad pattern {source!r}: {error}") from error
    if rule.kind == "lexical":
        rule.anchor_words()


def _parse_lexicon(raw: Any) -> Lexicon:
    if not isinstance(raw, dict):
        raise RuleFileError("[lexicon] must be a table")

    def words(key: str) -> frozenset[str]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise RuleFileError(f"lexicon '{key}' must be a list of strings")
        return frozenset(item.lower() for item in value)

    keys = ("person_nouns", "system_nouns", "ambiguous_nouns", "affected_nouns")
    unknown = set(raw) - set(keys)
    if unknown:
        raise RuleFileError(f"[lexicon]: unknown keys {sorted(unknown)}")
    return Lexicon(*(words(key) for key in keys))


def _phrase_regex(phrase: str) -> str:
    """Match a literal phrase: any run of spaces between words, either apostrophe."""
    words = phrase.split()
    escaped = [
        "".join(_APOSTROPHE if char in "'\u2019" else re.escape(char) for char in word)
        for word in words
    ]
    return "(?:" + r"\s+".join(escaped) + r")(?![\w'\u2019])"


def _normalise_trigger(word: str) -> str:
    lowered = word.lower().replace("\u2019", "'")
    if lowered and not lowered[0].isalpha():
        return _PUNCT_TRIGGER
    # The anchor scan matches whole words up to an apostrophe ("didn" in "didn't").
    return lowered.split("'")[0]


def iter_anchor_words(rules: Iterable[Rule]) -> set[str]:
    """Return every anchor word of the lexical rules (used to build the stage-one scan)."""
    return {word for rule in rules if rule.kind == "lexical" for word in rule.anchor_words()}
