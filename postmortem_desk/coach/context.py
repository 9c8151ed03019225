"""Stage two: decide from the words around a trigger whether it is blame.

Each check looks at a small window inside one sentence, never the whole text, so the cost per
trigger is constant. The checks are deliberately conservative: when the subject is unclear, a
rule that needs a person stays silent (precision first; a wrong warning in a live meeting costs
more than a missed one).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Final, Literal

from postmortem_desk.coach.rules import Lexicon
from postmortem_desk.coach.trie import trie_pattern

SubjectKind = Literal["person", "self", "system", "none", "unknown"]

_TOKEN = re.compile(r"[@\w][\w'\u2019.\-]*[\w]|[@\w]")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'\u201d\u2019)\]]|$)|\n")
_CLAUSE_WORDS: Final[tuple[str, ...]] = (
    "and", "but", "because", "since", "while", "when", "whereas", "although", "though", "until",
    "then", "however", "after", "before", "once", "or",
)  # fmt: skip
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]\u2014\u2013\"\u201c\u201d]|\s-\s"
    rf"|\b(?:{trie_pattern(_CLAUSE_WORDS)})\b"
    # "so" joins clauses before a subject ("so we rolled back"), not as in "so obvious".
    r"|\bso(?=\s+(?:we|i|you|he|she|they|it|the|a|an|this|that|our|their|there|nobody|no\s+one))\b",
)  # matched against lower-cased text: case-sensitive is faster

PERSON_PRONOUNS: Final[frozenset[str]] = frozenset(
    {
        "i", "we", "you", "he", "she", "they", "him", "her", "someone", "somebody", "anyone",
        "anybody", "everyone", "everybody", "nobody", "whoever", "y'all", "u",
    }
)  # fmt: skip
_SELF_PRONOUNS: Final[frozenset[str]] = frozenset({"i", "we", "us", "me"})
_SKIPPABLE: Final[frozenset[str]] = frozenset(
    {
        "also", "really", "never", "not", "just", "simply", "still", "even", "probably", "clearly",
        "obviously", "definitely", "certainly", "surely", "totally", "actually", "then", "again",
        "already", "all", "both", "each", "themselves", "himself", "herself", "ourselves",
        "yourself", "myself", "honestly", "maybe", "perhaps", "absolutely", "seriously",
        "basically", "literally", "only", "too",
        "apparently", "evidently", "personally", "ever", "merely", "always", "is", "was", "are",
        "were", "be", "been", "to", "entirely", "partly", "partially", "fully", "solely",
    }
)  # fmt: skip
_PREPOSITIONS: Final[frozenset[str]] = frozenset(
    {"of", "on", "in", "from", "for", "with", "at", "behind", "inside", "within", "via", "by"}
)
_NEGATORS: Final[frozenset[str]] = frozenset(
    {
        "not", "no", "never", "nothing", "nobody", "hardly", "without", "neither", "nor", "less",
        "isn't", "wasn't", "weren't", "aren't", "don't", "didn't", "doesn't", "non", "none",
        "barely",
    }
)  # fmt: skip
_REJECTION = re.compile(
    r"(?:\bnot\s+about|\bisn['\u2019]t\s+about|\bwasn['\u2019]t\s+about|\brather\s+than|\binstead\s+of"
    r"|\bavoid(?:ed|ing|s)?\b|\bnot\s+to\s+(?:ask|say|write|blame|call|use)|\bstop(?:ped)?\s+"
    r"(?:asking|saying|writing|blaming|calling)|\b(?:not|no\s+one\s+is|nobody\s+is|without)\s+"
    r"(?:saying|blaming|asking|calling)|\bthe\s+(?:point|question|goal)\s+(?:isn['\u2019]t|is\s+not"
    r"|wasn['\u2019]t|was\s+not)|\bnot\s+(?:a\s+)?(?:case|story|question)\s+of|\bresist(?:ed|ing)?"
    r"|\bmoved?\s+away\s+from|\breplac(?:e|ed|ing)|\bbanned|\bdrop(?:ped)?\s+the)\b[^.!?]*$",
    re.IGNORECASE,
)
_MENTION_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:word|words|phrase|phrases|term|terms|label|labels|labell?ed|labell?ing"
    r"|wording|verdict)\s+(?:like\s+|such\s+as\s+|of\s+|as\s+)?(?:the\s+\w+\s+)?"
    r"|(?<![\w-])(?:call|calls|calling|called)\s+(?:it|this|that|them|him|her|the\s+\w+)\s+"
    r"(?:an?\s+)?)$",
    re.IGNORECASE,
)
# Every branch starts with its quote character so the scan can skip ahead; a single quote only
# opens after a non-word character (not the apostrophe in "Dana's").
# Substrings one of which every mention or rejection frame contains: a cheap test first.
_MENTION_CUES: Final[tuple[str, ...]] = (
    "word", "phrase", "term", "label", "call", "verdict",
)  # fmt: skip
_REJECTION_CUES: Final[tuple[str, ...]] = (
    "about", "rather", "instead", "avoid", "not", "stop", "saying", "blaming", "asking",
    "calling", "point", "question", "goal", "case", "story", "resist", "away", "replac", "banned",
    "drop", "without",
)  # fmt: skip
_MENTION_CUE = re.compile(trie_pattern(_MENTION_CUES), re.IGNORECASE)
_REJECTION_CUE = re.compile(trie_pattern(_REJECTION_CUES), re.IGNORECASE)
_QUOTED = re.compile(
    r"\"[^\"\n]{1,200}\"|\u201c[^\u201d\n]{1,200}\u201d|`[^`\n]{1,200}`"
    r"|'(?<!\w')[^'\n]{1,120}'(?!\w)|\u2018(?<!\w\u2018)[^\u2019\n]{1,120}\u2019(?!\w)"
)
_WH_QUESTION = re.compile(
    r"^\W*(?:(?:so|and|ok|okay)\W+)?(?:what|how|did|does|do|is|was|were|are|could|would|can"
    r"|should|has|have|had|which|when|where)\b",
    re.IGNORECASE,
)
_IMPROVEMENT_AFTER = re.compile(
    r"^[^,;.]*?\b(?:if|with|had|once|given|using|via|through|by\s+(?:adding|having|using))\s+"
    r"(?:a|an|the|better|more|proper|some|any|our|its|their|this|that|automated|earlier)\b",
    re.IGNORECASE,
)
_MODAL_BEFORE = re.compile(
    r"(?:\b(?:could|should|would|might|must)(?:\s+have|['\u2019]ve)|['\u2019]d\s+have"
    r"|\b(?:had|needed|was\s+supposed|were\s+supposed)\s+to"
    r"|\b(?:didn['\u2019]t|did\s+not|couldn['\u2019]t|wouldn['\u2019]t)\s+[@\w'\u2019\-]+)"
    r"(?:\s+(?:really|easily|probably|also))?\s+$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:will|['\u2019]ll|going\s+to|plan\s+to|want\s+to|intend\s+to)\b",
    re.IGNORECASE,
)
_PREDICATIVE_BEFORE = re.compile(
    r"(?:\b(?:was|is|were|are|been|be|seems|seemed|looked|looks|became|felt|feel|made\s+it)"
    r"|['\u2019]s)(?:\s+(?:so|really|pretty|painfully|blindingly|fairly|glaringly|quite|completely"
    r"|totally|very|super|plainly|just|all|too))*\s+$",
    re.IGNORECASE,
)
_PREDICATIVE_AFTER = re.compile(
    r"^\s+(?:that|from|to\s+(?:anyone|everyone|anybody|any)|in\s+(?:retrospect|hindsight))\b",
    re.IGNORECASE,
)
_OBLIGATION_BEFORE = re.compile(
    r"\b(?:must|should|need\s+to|needs\s+to|have\s+to|has\s+to|ought\s+to|got\s+to|gotta"
    r"|(?:is|are)\s+(?:expected|required)\s+to)(?:\s+(?:always|now|really|all|just|be))*\s+$",
    re.IGNORECASE,
)
_EXPLAINED_AFTER = re.compile(
    r"\b(?:because|since|as\s+(?:the|our|its|their)|due\s+to|given\s+that)\b", re.IGNORECASE
)
_INTERROGATIVE_LEAD = frozenset(
    {
        "so", "and", "but", "then", "ok", "okay", "seriously", "honestly", "wait", "like",
        "asked", "ask", "asking", "wondered", "wonder", "question", "q", "well", "um", "also",
        "me", "us",
    }
)  # fmt: skip


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that start sentences or name days and teams, never taken for a person.
_NOT_NAMES: Final[frozenset[str]] = _word_set(
    """
    the a an this that these those it its we our they their he she his her you your i my me us
    everyone everything nothing someone somebody nobody anyone anybody yesterday today tonight
    tomorrow then later finally eventually also and but so because after before when while once
    meanwhile unfortunately fortunately ultimately basically honestly clearly obviously
    apparently again still just only even one two three another each every all both some any no
    not there here what which who whose how why where if last next first second third final new
    old prod production staging main master traffic load latency memory cpu disk network config
    deploy deployment release rollout testing monitoring alerting logging caching search
    checkout billing payments auth login signup email backups retries automation ops infra
    platform security engineering support management leadership legal sales marketing finance
    product design data analytics mobile web frontend backend api customers users everybody
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december week weekend night morning evening
    afternoon noon midnight q1 q2 q3 q4 sev1 sev2 sev3 incident outage postmortem timeline
    """
)
_ARTIFACTS: Final[frozenset[str]] = _word_set(
    """
    change changes pr prs commit commits deploy deployment push script migration config patch
    code fix hotfix typo mistake query command rollout update upgrade edit merge refactor
    """
)
_TITLE_WORD = re.compile(r"[A-Z][a-z]{1,14}")


@dataclass(frozen=True)
class Sentence:
    """A sentence's bounds in the text, and whether it reads as a question."""

    start: int
    end: int
    is_question: bool


def find_sentence(text: str, position: int, bounds: list[int]) -> Sentence:
    """Return the sentence around ``position`` given sorted sentence-end offsets ``bounds``."""
    index = bisect_right(bounds, position)
    start = bounds[index - 1] if index > 0 else 0
    end = bounds[index] if index < len(bounds) else len(text)
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    is_question = text.find("?", max(start, last - 3), last) != -1
    return Sentence(start=start, end=end, is_question=is_question)


def sentence_bounds(text: str) -> list[int]:
    """Return the offsets just after each sentence end in ``text``."""
    return [match.end() for match in _SENTENCE_END.finditer(text)]


def clause_breaks(lowered: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Return the starts and ends of the clause breaks between ``start`` and ``end``.

    ``lowered`` is the text in lower case (same length), as stage one already made it.
    """
    starts: list[int] = []
    ends: list[int] = []
    for match in _CLAUSE_BREAK.finditer(lowered, start, end):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def clause_start_from(ends: list[int], sentence_start: int, position: int) -> int:
    """Return where the clause holding ``position`` starts, given the clause-break ends."""
    index = bisect_right(ends, position) - 1
    floor = max(sentence_start, position - 160)
    return ends[index] if index >= 0 and ends[index] >= floor else floor


def clause_end_from(starts: list[int], position: int, sentence_end: int) -> int:
    """Return where the clause holding ``position`` ends, given the clause-break starts."""
    index = bisect_left(starts, position)
    limit = min(sentence_end, position + 160)
    return starts[index] if index < len(starts) and starts[index] < limit else limit


class Context:
    """The stage-two checks, bound to a lexicon and the names of the people in the room."""

    def __init__(self, lexicon: Lexicon, names: frozenset[str]) -> None:
        self._lexicon = lexicon
        self._names = names
        self._people = lexicon.person_nouns | lexicon.ambiguous_nouns
        # A capitalised word that is no known word is taken for a person ("Ravi forgot to ...")
        # when judging a subject; the engine names it as the cause only without a list.
        self._guess_names = True

    def is_person_token(self, token: str) -> bool:
        """Return True when a single word names a person: pronoun, role noun, name, @handle."""
        if token.startswith("@"):
            return True
        bare = _strip_possessive(token)
        lowered = bare.lower()
        if lowered in PERSON_PRONOUNS or bare in self._names:
            return True
        return _noun_in(lowered, self._people)

    def classify_phrase(self, phrase: str) -> SubjectKind:
        """Classify a short noun phrase (a captured subject) as person or system."""
        tokens = _TOKEN.findall(phrase)
        if not tokens:
            return "none"
        return self._classify_tokens(tokens)

    def subject_before(self, text: str, start: int, position: int) -> SubjectKind:
        """Classify the subject of the verb at ``position``, scanning left to ``start``."""
        tokens = _TOKEN.findall(text, start, position)
        while tokens and (tokens[-1].lower() in _SKIPPABLE or _is_ly_adverb(tokens[-1])):
            tokens.pop()
        if not tokens:
            return "none"
        return self._classify_tokens(tokens[-6:])

    def clause_subject(self, text: str, start: int, position: int) -> SubjectKind:
        """Classify the clause's subject: the first person or system word from its start.

        Used where the nearest word is an object ("Dana restarted the wrong node").
        """
        for token in _TOKEN.findall(text, start, position):
            kind = self._classify_tokens([token])
            if kind in ("person", "self", "system"):
                return kind
        return "none"

    @staticmethod
    def has_obligation_before(text: str, clause_from: int, start: int) -> bool:
        """Return True after must/should/need to: an obligation put on people."""
        return _OBLIGATION_BEFORE.search(text, max(clause_from, start - 50), start) is not None

    def name_like_subject(
        self, text: str, clause_from: int, position: int, *, artifact: bool
    ) -> tuple[int, int] | None:
        """Return the span of an unlisted, name-like subject ("Alice broke prod"), if any.

        With ``artifact`` the subject must be a possessive name before a change-like noun
        ("Bob's change took the site down"). Participants' names are handled elsewhere; this
        is the fallback for people not on the list, so it only accepts capitalised words that
        are no known word of the lexicon, day, month or sentence opener.
        """
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text, clause_from, position)]
        while tokens and (tokens[-1][0].lower() in _SKIPPABLE or _is_ly_adverb(tokens[-1][0])):
            tokens.pop()
        if not tokens:
            return None
        if artifact:
            if len(tokens) < 2 or tokens[-1][0].lower() not in _ARTIFACTS:
                return None
            index = len(tokens) - 2
            if index > 0 and _strip_possessive(tokens[index][0]) == tokens[index][0]:
                index -= 1  # one adjective between: "Bob's latest change"
            word, start = tokens[index]
            bare = _strip_possessive(word)
            if bare == word:
                return None
        else:
            word, start = tokens[-1]
            bare = word
            if _strip_possessive(word) != word:
                return None
        if not self._is_name_like(bare):
            return None
        return start, start + len(bare)

    def _is_name_like(self, word: str) -> bool:
        lowered = word.lower()
        if _TITLE_WORD.fullmatch(word) is None or lowered in _NOT_NAMES:
            return False
        if lowered in PERSON_PRONOUNS:
            return False
        lexicon = self._lexicon
        return not any(
            _noun_in(lowered, nouns)
            for nouns in (
                lexicon.person_nouns,
                lexicon.system_nouns,
                lexicon.ambiguous_nouns,
                lexicon.affected_nouns,
            )
        )

    @staticmethod
    def is_explained(text: str, end: int, sentence_end: int) -> bool:
        """Return True when a cause follows: "didn't page them because the alert named ..."."""
        return _EXPLAINED_AFTER.search(text, end, sentence_end) is not None

    def _classify_tokens(self, tokens: list[str]) -> SubjectKind:
        head_index = len(tokens) - 1
        # "the engineer on call", "the owner of the service": the head sits before the preposition.
        for offset in range(len(tokens) - 1, max(len(tokens) - 5, 0), -1):
            if tokens[offset].lower() in _PREPOSITIONS and offset > 0:
                head_index = offset - 1
                break
        head = tokens[head_index]
        lowered = _strip_possessive(head).lower()
        previous = tokens[head_index - 1] if head_index > 0 else ""
        if head.startswith("@") or _strip_possessive(head) in self._names:
            return "person"
        if lowered in _SELF_PRONOUNS:
            return "self"
        if lowered in PERSON_PRONOUNS:
            return "person"
        if _noun_in(lowered, self._lexicon.affected_nouns):
            return "system"
        if _noun_in(lowered, self._lexicon.ambiguous_nouns):
            # "the Postgres operator", "the cluster manager": a system that shares a role's name;
            # "the release manager", "the incident owner": a role.
            modifier = previous.lower()
            if previous and modifier not in _ROLE_MODIFIERS and (
                _noun_in(modifier, self._lexicon.system_nouns)
                or (
                    previous[:1].isupper()
                    and modifier not in _DETERMINERS
                    and head_index > 1
                )
            ):
                return "system"
            return "person"
        if _noun_in(lowered, self._lexicon.person_nouns):
            return "person"
        if lowered in {"it", "this", "that", "which", "these", "those", "there"}:
            return "system"
        if _noun_in(lowered, self._lexicon.system_nouns):
            return "system"
        if self._guess_names and head == _strip_possessive(head) and self._is_name_like(head):
            return "person"
        return "unknown"

    def name_like_head(
        self, text: str, clause_from: int, position: int, *, first: bool = False
    ) -> tuple[int, int] | None:
        """Return the span of the subject before ``position`` when it is a name-like word.

        ``first`` takes the clause's first person-or-system word instead of the nearest one.
        """
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text, clause_from, position)]
        if first:
            found = next(
                (
                    (word, start)
                    for word, start in tokens
                    if self._classify_tokens([word]) in ("person", "self", "system")
                ),
                None,
            )
            if found is None:
                return None
            word, start = found
        else:
            while tokens and (tokens[-1][0].lower() in _SKIPPABLE or _is_ly_adverb(tokens[-1][0])):
                tokens.pop()
            if not tokens:
                return None
            word, start = tokens[-1]
        if word != _strip_possessive(word) or not self._is_name_like(word):
            return None
        return start, start + len(word)

    @staticmethod
    def is_quoted(quoted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
        """Return True when the span sits inside quotes or backticks (a mention, not a use)."""
        return any(q_start <= start and end <= q_end for q_start, q_end in quoted_spans)

    @staticmethod
    def is_mentioned(text: str, clause_from: int, start: int) -> bool:
        """Return True after "the word", "calling it", "labels like": talking about the words."""
        begin = max(clause_from, start - 40)
        if _MENTION_CUE.search(text, begin, start) is None:
            return False
        return _MENTION_BEFORE.search(text, begin, start) is not None

    @staticmethod
    def is_rejected(text: str, sentence_start: int, start: int) -> bool:
        """Return True inside a rejection frame: "rather than blaming", "not about who ..."."""
        begin = max(sentence_start, start - 80)
        if _REJECTION_CUE.search(text, begin, start) is None:
            return False
        return _REJECTION.search(text, begin, start) is not None

    @staticmethod
    def is_negated(text: str, clause_from: int, start: int) -> bool:
        """Return True when one of the three words before the trigger negates it."""
        tokens = _TOKEN.findall(text, max(clause_from, start - 40), start)[-3:]
        for token in tokens:
            lowered = token.lower().replace("\u2019", "'")
            if lowered in _NEGATORS or lowered.endswith(("n't", "n\u2019t")):
                return True
        return text[max(0, start - 4) : start].lower().endswith(("non-", "non ", "un-"))

    @staticmethod
    def is_facilitator_question(text: str, sentence: Sentence) -> bool:
        """Return True for what/how and yes-no questions (the questions a facilitator asks)."""
        return sentence.is_question and _WH_QUESTION.search(text, sentence.start) is not None

    @staticmethod
    def has_improvement_frame(text: str, end: int, sentence_end: int) -> bool:
        """Return True when an instrument or condition follows: "... with a canary"."""
        return _IMPROVEMENT_AFTER.search(text[end:sentence_end]) is not None

    @staticmethod
    def has_modal_before(text: str, clause_from: int, start: int) -> bool:
        """Return True after a modal or "to": "could just", "should have simply", "had to just"."""
        return _MODAL_BEFORE.search(text, max(clause_from, start - 40), start) is not None

    @staticmethod
    def looks_forward(text: str, end: int, sentence_end: int) -> bool:
        """Return True when a future follows within a few words: "obviously, we'll ..."."""
        return _FUTURE_AFTER.search(text[end:sentence_end]) is not None

    @staticmethod
    def is_predicative(text: str, clause_from: int, start: int, end: int) -> bool:
        """Return True for "was obvious", "obvious that/from", "obvious in hindsight"."""
        if _PREDICATIVE_BEFORE.search(text, max(clause_from, start - 50), start) is not None:
            return True
        return _PREDICATIVE_AFTER.match(text[end : end + 30]) is not None

    @staticmethod
    def is_interrogative(text: str, clause_from: int, start: int) -> bool:
        """Return True when who/why opens a question rather than a relative clause."""
        tokens = _TOKEN.findall(text, max(clause_from, start - 40), start)
        return not tokens or tokens[-1].lower() in _INTERROGATIVE_LEAD


# Words that make "manager", "owner" or "lead" a person's role rather than a component.
_ROLE_MODIFIERS: Final[frozenset[str]] = frozenset(
    {
        "release", "incident", "product", "engineering", "program", "project", "delivery",
        "change", "account", "service", "code", "support", "qa", "test", "team", "tech",
        "technical", "site", "shift", "escalation", "duty", "rotation", "business", "data",
    }
)  # fmt: skip
_DETERMINERS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "our", "their", "his", "her", "my", "your", "this", "that", "one", "every"}
)


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the quoted or backticked spans between ``start`` and ``end``."""
    return [(match.start(), match.end()) for match in _QUOTED.finditer(text, start, end)]


def _strip_possessive(token: str) -> str:
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)]
    return token


def _noun_in(word: str, nouns: frozenset[str]) -> bool:
    if word in nouns:
        return True
    if word.endswith("es") and word[:-2] in nouns:
        return True
    return word.endswith("s") and word[:-1] in nouns


def _is_ly_adverb(token: str) -> bool:
    lowered = token.lower()
    return (
        len(lowered) > 4
        and lowered.endswith("ly")
        and lowered not in {"supply", "reply", "family", "assembly", "apply", "early", "daily"}
    )
