"""Blameless-language coach: find blame in postmortem text and suggest what to write instead.

Plain Python, no Qt: the GUI highlighter, the findings panel and ``postmortem-desk lint`` all
call :class:`Coach`.
"""

from postmortem_desk.coach.engine import Coach, expand_names
from postmortem_desk.coach.model import (
    CATEGORIES,
    CATEGORY_LABELS,
    CATEGORY_SEVERITY,
    Finding,
    Severity,
)
from postmortem_desk.coach.rules import (
    Lexicon,
    Rule,
    RuleFileError,
    RuleSet,
    bundled_rules_path,
    load_rules,
    parse_rule_file,
)

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "CATEGORY_SEVERITY",
    "Coach",
    "Finding",
    "Lexicon",
    "Rule",
    "RuleFileError",
    "RuleSet",
    "Severity",
    "bundled_rules_path",
    "expand_names",
    "load_rules",
    "parse_rule_file",
]
