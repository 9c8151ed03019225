"""Quality checks of an action item: a verb first, specific, an owner and a due date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from postmortem_desk.domain.enums import ActionStatus
from postmortem_desk.domain.models import ActionItem

ACTION_VERBS = frozenset(
    """
    add adjust alert align allow analyse analyze apply archive audit automate backfill block build
    bump cache cap change check clarify clean close configure confirm consolidate create cut
    decommission define delete deploy deprecate design detect disable document drain drop
    enable enforce ensure escalate estimate evaluate expand expose extend extract fix flag gate
    harden hold implement improve increase index inform install instrument introduce investigate
    isolate label limit link load lock log lower make measure merge migrate monitor move notify
    onboard optimise optimize own page partition patch pin plan practise practice prevent
    prioritise prioritize profile propose protect provision publish rate-limit raise reduce
    refactor release remove rename replace report require reroute reserve reset resize restore
    restrict retire retry review revise rewrite roll rotate route run scale schedule script
    separate set share ship show shorten simplify snapshot split standardise standardize start
    stop store streamline surface switch tag teach test throttle timeout trace track train
    tune turn update upgrade validate verify version warn watch write
    """.split()  # noqa: SIM905
)
VAGUE_PHRASES = (
    "be more careful", "be careful", "more careful", "pay more attention", "try harder",
    "improve things", "do better", "look into it", "make sure it doesn't happen",
    "make sure this doesn't happen", "avoid this", "be aware", "remember to",
)  # fmt: skip
MIN_WORDS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class QualityCheck:
    """One check of an action item and whether it passed."""

    name: str
    passed: bool
    advice: str


def starts_with_verb(title: str) -> bool:
    """Tell whether the title starts with an imperative verb ("Add", "Alert on", ...)."""
    words = _WORD.findall(title)
    return bool(words) and words[0].lower() in ACTION_VERBS


def is_specific(title: str) -> bool:
    """Tell whether the title says what changes, not a wish ("be more careful")."""
    lowered = title.lower()
    if any(phrase in lowered for phrase in VAGUE_PHRASES):
        return False
    return len(_WORD.findall(title)) >= MIN_WORDS


def quality_checks(item: ActionItem) -> list[QualityCheck]:
    """Return the four checks of an action item, in the order the table shows them."""
    return [
        QualityCheck(
            "Starts with a verb",
            starts_with_verb(item.title),
            "Start with what will be done: “Add…”, “Alert on…”, “Remove…”.",
        ),
        QualityCheck(
            "Specific",
            is_specific(item.title),
            "Name the change to a system or process, not a wish to be more careful.",
        ),
        QualityCheck("Has an owner", bool(item.owner.strip()), "Name one owner, person or team."),
        QualityCheck("Has a due date", item.due_date is not None, "Set a due date."),
    ]


def failed_checks(item: ActionItem) -> list[QualityCheck]:
    """Return the checks an open item fails; closed items pass by definition."""
    if item.status in (ActionStatus.DONE, ActionStatus.WONT_DO):
        return []
    return [check for check in quality_checks(item) if not check.passed]
