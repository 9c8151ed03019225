"""The coach: find blame language in a text in two stages, triggers first, then context."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

from postmortem_desk.coach.context import (
    Context,
    Sentence,
    clause_breaks,
    clause_end_from,
    clause_start_from,
    find_sentence,
    quoted_spans,
    sentence_bounds,
)
from postmortem_desk.coach.model import Finding
from postmortem_desk.coach.rules import Rule, RuleSet, iter_anchor_words, load_rules
from postmortem_desk.coach.trie import trie_pattern

# Categories whose finding, right after a person's name, makes the name itself a finding.
_CHAIN_CATEGORIES: Final[frozenset[str]] = frozenset(
    {"counterfactual", "human_error", "judgmental", "hindsight", "minimizing"}
)
_REPORTING_VERBS: Final[frozenset[str]] = frozenset(
    {
        "said", "says", "say", "mentioned", "noted", "notes", "asked", "asks", "thinks", "thought",
        "felt", "feels", "wrote", "writes", "suggested", "suggests", "told", "explained",
        "believes", "believed", "argued", "argues", "pointed", "added", "replied", "agreed",
        "worried", "feared", "admitted", "recalled", "remembered", "tried",
    }
)  # fmt: skip
_GROUP_NAME: Final = re.compile(r"\(\?P<\w+>")
_WORD: Final = re.compile(r"[@\w][\w'\u2019.\-]*[\w]|[@\w]")
_HANDLE: Final = r"@[A-Za-z0-9_][\w.\-]*[\w]"
_NAME_WORD: Final = re.compile(r"[^\W\d_][\w'\u2019.\-]*", re.UNICODE)
_BANNED_NAME_TOKENS: Final[frozenset[str]] = frozenset(
    {"the", "a", "an", "and", "of", "de", "van", "von", "le", "la", "da", "dr", "mr", "ms", "mrs"}
)


@dataclass(frozen=True)
class _SentenceInfo:
    """A sentence with what every trigger in it needs: quotes and clause breaks."""

    sentence: Sentence
    quotes: list[tuple[int, int]]
    break_starts: list[int]
    break_ends: list[int]

    def clause_start(self, position: int) -> int:
        """Return where the clause holding ``position`` starts."""
        return clause_start_from(self.break_ends, self.sentence.start, position)

    def clause_end(self, position: int) -> int:
        """Return where the clause holding ``position`` ends."""
        return clause_end_from(self.break_starts, position, self.sentence.end)


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    regexes: tuple[re.Pattern[str], ...]
    exceptions: re.Pattern[str] | None

    def match(self, text: str, position: int) -> re.Match[str] | None:
        """Return the longest match of the rule's patterns at ``position``."""
        best: re.Match[str] | None = None
        for regex in self.regexes:
            found = regex.match(text, position)
            if found is not None and (best is None or found.end() > best.end()):
                best = found
        return best

    def search_from(self, text: str, start: int, end: int) -> int | None:
        """Return where the earliest match in ``text[start:end]`` begins (``^`` = ``start``)."""
        window = text[start:end]
        best: int | None = None
        for regex in self.regexes:
            found = regex.search(window)
            if found is not None and (best is None or found.start() < best):
                best = found.start()
        return None if best is None else start + best


@dataclass(frozen=True)
class _Compiled:
    """Everything derived from a rule set once, shared by every Coach built on it."""

    anchors: re.Pattern[str]
    anchors_any_case: re.Pattern[str]
    by_anchor: dict[str, tuple[_CompiledRule, ...]]
    gates: dict[str, re.Pattern[str]]
    rules_by_id: dict[str, Rule]
    person_faults: tuple[_CompiledRule, ...]


_COMPILED_CACHE: dict[int, tuple[RuleSet, _Compiled]] = {}
_COMPILED_CACHE_SIZE = 8


@cache
def default_rules() -> RuleSet:
    """Return the bundled rules, loaded once per process."""
    return load_rules()


def _compile(rules: RuleSet) -> _Compiled:
    cached = _COMPILED_CACHE.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    if len(_COMPILED_CACHE) >= _COMPILED_CACHE_SIZE:
        _COMPILED_CACHE.pop(next(iter(_COMPILED_CACHE)))
    enabled = rules.enabled_rules()
    lexical = [rule for rule in enabled if rule.kind == "lexical"]
    by_anchor: dict[str, list[_CompiledRule]] = {}
    for rule in lexical:
        compiled = _compile_rule(rule)
        for anchor in rule.anchor_words():
            by_anchor.setdefault(anchor, []).append(compiled)
    words = sorted(word for word in iter_anchor_words(lexical) if word != "!")
    # Words are lower case and the scan runs on lower-cased text: a case-sensitive trie behind
    # a plain \b is about 40% faster than IGNORECASE with a look-behind.
    parts = [rf"\b(?P<w>(?:{trie_pattern(words)})(?!\w))"]
    if "!" in by_anchor:
        parts.append(r"(?P<p>(?=[!?]*!)[!?]{2,})")
    anchors = re.compile("|".join(parts))
    anchors_any_case = re.compile("|".join(parts), re.IGNORECASE)
    person_faults = tuple(_compile_rule(rule) for rule in enabled if rule.kind == "person_fault")
    # One "could anything match here?" regex per trigger word, so most triggers cost one call.
    gates = {
        key: re.compile(
            "|".join(
                f"(?:{_GROUP_NAME.sub('(?:', source)})"
                for compiled in value
                for source in compiled.rule.regex_sources()
            ),
            re.IGNORECASE,
        )
        for key, value in by_anchor.items()
    }
    result = _Compiled(
        anchors=anchors,
        anchors_any_case=anchors_any_case,
        gates=gates,
        rules_by_id={rule.id: rule for rule in enabled},
        by_anchor={key: tuple(value) for key, value in by_anchor.items()},
        person_faults=person_faults,
    )
    _COMPILED_CACHE[id(rules)] = (rules, result)
    return result


def _compile_rule(rule: Rule) -> _CompiledRule:
    exceptions = (
        re.compile("|".join(f"(?:{source})" for source in rule.exceptions), re.IGNORECASE)
        if rule.exceptions
        else None
    )
    regexes = tuple(re.compile(source, re.IGNORECASE) for source in rule.regex_sources())
    return _CompiledRule(rule, regexes, exceptions)


def expand_names(names: Iterable[str]) -> frozenset[str]:
    """Return the forms a participant can be called by: full name, each part, @handle parts."""
    forms: set[str] = set()
    for raw in names:
        name = raw.strip().lstrip("@").strip()
        if not name:
            continue
        forms.add(name)
        for part in _NAME_WORD.findall(name):
            if len(part) >= 2 and part.lower() not in _BANNED_NAME_TOKENS:
                forms.add(part)
    return frozenset(forms)


def _name_regex(forms: frozenset[str]) -> re.Pattern[str]:
    """Match a known name (case as written, optional possessive) or any @handle."""
    if not forms:
        return re.compile(_HANDLE)
    # The trie tries longer continuations first, so "Dana Whitfield" wins over "Dana".
    alternation = trie_pattern(forms)
    # No look-behind in front, so the scan can skip to the names' first letters; the start of a
    # word is checked on each (rare) match instead.
    return re.compile(rf"{_HANDLE}|(?P<name>{alternation})(?:['\u2019]s?)?(?!\w)")


class Coach:
    """Find blame language in text: people as causes, counterfactuals, judgements, hindsight ...

    Build it once per rule set; ``with_names`` makes a copy that knows the people in the room and
    shares the compiled rules, so it is cheap to call whenever the participant list changes.
    """

    def __init__(self, rules: RuleSet | None = None, names: Iterable[str] = ()) -> None:
        self._rules = rules if rules is not None else default_rules()
        self._compiled = _compile(self._rules)
        self._set_names(expand_names(names))

    def _set_names(self, forms: frozenset[str]) -> None:
        self._names = forms
        self._name_re = _name_regex(forms)
        self._context = Context(self._rules.lexicon, forms)

    @property
    def rules(self) -> RuleSet:
        """Return the rule set in force."""
        return self._rules

    @property
    def names(self) -> frozenset[str]:
        """Return every form of the participants' names the coach recognises."""
        return self._names

    def with_names(self, names: Iterable[str]) -> Coach:
        """Return a coach with the same rules that knows these participants."""
        clone = Coach.__new__(Coach)
        clone._rules = self._rules
        clone._compiled = self._compiled
        clone._set_names(expand_names(names))
        return clone

    def check(self, text: str) -> list[Finding]:
        """Return the findings in ``text``, sorted by start."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lower-cased
            lowered = "".join(char.lower()[:1] or char for char in text)
        hits = self._stage_one(text, lowered)
        mentions = self._mentions(text) if self._names or "@" in text else []
        if not hits and not mentions:
            return []
        bounds = sentence_bounds(text)
        # Quotes are found over the whole text: a quote may hold its own "!!!" or full stop.
        quotes = quoted_spans(text, 0, len(text))
        sentences: dict[int, _SentenceInfo] = {}
        quote_starts = [start for start, _ in quotes]

        def sentence_at(position: int) -> _SentenceInfo:
            sentence = find_sentence(text, position, bounds)
            entry = sentences.get(sentence.start)
            if entry is None:
                # A quote can start before the sentence (one sentence inside a longer quote).
                first = max(bisect_left(quote_starts, sentence.start) - 1, 0)
                last = bisect_left(quote_starts, sentence.end)
                inside = [
                    (a, b) for a, b in quotes[first:last] if a < sentence.end and b > sentence.start
                ]
                starts, ends = clause_breaks(lowered, sentence.start, sentence.end)
                entry = _SentenceInfo(sentence, inside, starts, ends)
                sentences[sentence.start] = entry
            return entry

        findings: list[Finding] = []
        for start, candidates in self._candidates(text, hits):
            info = sentence_at(start)
            for compiled, match in candidates:
                span = self._accepts(text, compiled, match, info)
                if span is not None:
                    findings.append(_finding(compiled.rule, span[0], span[1], text))
        if mentions:
            findings.extend(self._person_findings(text, mentions, findings, sentence_at))
        if not self._names:
            findings.extend(self._unlisted_person_findings(text, findings, sentence_at))
        findings.sort(key=lambda f: (f.start, -f.end, f.category))
        return _dedupe(findings)

    def _stage_one(self, text: str, lowered: str) -> list[re.Match[str]]:
        """Stage one: every trigger word (or run of "!?") in the text."""
        if lowered != text.lower():  # lower-casing changed a length: scan the original
            return list(self._compiled.anchors_any_case.finditer(text))
        return [
            hit
            for hit in self._compiled.anchors.finditer(lowered)
            if hit.start() == 0 or lowered[hit.start() - 1] != "@"
        ]

    def _mentions(self, text: str) -> list[re.Match[str]]:
        """Return participants' names (at the start of a word) and @handles in the text."""
        return [
            mention
            for mention in self._name_re.finditer(text)
            if mention.start() == 0
            or not (text[mention.start() - 1].isalnum() or text[mention.start() - 1] in "_@")
        ]

    def _candidates(
        self, text: str, hits: list[re.Match[str]]
    ) -> list[tuple[int, list[tuple[_CompiledRule, re.Match[str]]]]]:
        """Stage one: at each trigger, the rules that match there (the longest per start)."""
        result: list[tuple[int, list[tuple[_CompiledRule, re.Match[str]]]]] = []
        by_anchor = self._compiled.by_anchor
        gates = self._compiled.gates
        for hit in hits:
            key = "!" if hit.lastgroup == "p" else hit.group().lower()
            gate = gates.get(key)
            if gate is None or gate.match(text, hit.start()) is None:
                continue
            matched: list[tuple[_CompiledRule, re.Match[str]]] = []
            for compiled in by_anchor.get(key, ()):
                match = compiled.match(text, hit.start())
                if match is not None and match.end() > match.start():
                    matched.append((compiled, match))
            if matched:
                longest = max(match.end() for _, match in matched)
                result.append((hit.start(), [(c, m) for c, m in matched if m.end() == longest]))
        return result

    def _accepts(
        self,
        text: str,
        compiled: _CompiledRule,
        match: re.Match[str],
        info: _SentenceInfo,
    ) -> tuple[int, int] | None:
        """Stage two: return the span to flag when the context says it is blame, else None."""
        return (
            self._span_if_blame(text, compiled, match, info)
            if self._context_allows(text, compiled, match, info)
            else None
        )

    def _span_if_blame(
        self, text: str, compiled: _CompiledRule, match: re.Match[str], info: _SentenceInfo
    ) -> tuple[int, int] | None:
        """Check who the subject is; name-like subjects are flagged on the name itself."""
        rule = compiled.rule
        start, end = match.start(), match.end()
        if rule.subject == "any":
            return start, end
        context = self._context
        clause_from = info.clause_start(start)
        if rule.subject in ("name_like", "name_artifact"):
            return context.name_like_subject(
                text, clause_from, start, artifact=rule.subject == "name_artifact"
            )
        if rule.subject == "clause_person":
            kind = context.clause_subject(text, clause_from, start)
            return (start, end) if kind in ("person", "self") else None
        subject_text = match.groupdict().get("subj")
        if subject_text is not None:
            kind = context.classify_phrase(subject_text)
        else:
            kind = context.subject_before(text, clause_from, start)
        if rule.subject == "person" and kind not in ("person", "self"):
            return None
        if rule.subject == "other_person" and kind != "person":
            return None
        if rule.subject == "not_system" and kind == "system":
            return None
        return start, end

    def _context_allows(
        self, text: str, compiled: _CompiledRule, match: re.Match[str], info: _SentenceInfo
    ) -> bool:
        """Apply the quote, mention, rejection, exception and per-rule filters."""
        rule = compiled.rule
        start, end = match.start(), match.end()
        context = self._context
        sentence = info.sentence
        if context.is_quoted(info.quotes, start, end):
            return False
        clause_from = info.clause_start(start)
        if context.is_mentioned(text, clause_from, start):
            return False
        if context.is_rejected(text, sentence.start, start):
            return False
        if compiled.exceptions is not None:
            window_start = max(sentence.start, start - 60)
            window_end = min(sentence.end, end + 60)
            for exception in compiled.exceptions.finditer(text, window_start, window_end):
                if exception.start() < end and exception.end() > start:
                    return False
        filters = rule.filters
        if "negation" in filters and context.is_negated(text, clause_from, start):
            return False
        if "question" in filters and context.is_facilitator_question(text, sentence):
            return False
        if "improvement" in filters and context.has_improvement_frame(text, end, sentence.end):
            return False
        if "future" in filters and context.looks_forward(text, end, sentence.end):
            return False
        if "minimizing_sense" in filters and not context.has_modal_before(text, clause_from, start):
            return False
        if "interrogative" in filters and not context.is_interrogative(text, clause_from, start):
            return False
        if "predicative" in filters and not context.is_predicative(text, clause_from, start, end):
            return False
        if "explained" in filters and context.is_explained(text, end, sentence.end):
            return False
        if "negated" in filters and not context.is_negated(text, clause_from, start):
            return False
        return "obligation" not in filters or context.has_obligation_before(
            text, clause_from, start
        )

    def _person_findings(
        self,
        text: str,
        mentions: list[re.Match[str]],
        findings: list[Finding],
        sentence_at: Callable[[int], _SentenceInfo],
    ) -> list[Finding]:
        """Flag a participant's name when the clause it heads says they caused or failed."""
        result: list[Finding] = []
        faults = self._compiled.person_faults
        if not faults:
            return result
        rule = faults[0].rule
        chain = [f for f in findings if f.category in _CHAIN_CATEGORIES]
        chain.sort(key=lambda f: f.start)
        chain_starts = [f.start for f in chain]
        for mention in mentions:
            name_start = mention.start()
            name_text = mention.group("name") if mention.groupdict().get("name") else None
            name_end_core = name_start + len(name_text) if name_text else mention.end()
            info = sentence_at(name_start)
            if self._context.is_quoted(info.quotes, name_start, mention.end()):
                continue
            if self._context.is_rejected(text, info.sentence.start, name_start):
                continue
            end_of_clause = info.clause_end(mention.end())
            reach = min(end_of_clause, mention.end() + 60)
            blamed = False
            for compiled in faults:
                fault_at = compiled.search_from(text, mention.end(), reach)
                if fault_at is not None and self._is_subject_of(text, mention.end(), fault_at):
                    blamed = True
                    rule = compiled.rule
                    break
            if not blamed:
                index = bisect_left(chain_starts, mention.end())
                while index < len(chain) and chain[index].start < end_of_clause:
                    if self._is_subject_of(text, mention.end(), chain[index].start):
                        blamed = True
                        rule = faults[0].rule
                        break
                    index += 1
            if blamed:
                result.append(_finding(rule, name_start, name_end_core, text))
        return result

    def _unlisted_person_findings(
        self,
        text: str,
        findings: list[Finding],
        sentence_at: Callable[[int], _SentenceInfo],
    ) -> list[Finding]:
        """Without a participant list, flag a name-like subject of a blame finding."""
        faults = self._compiled.person_faults
        if not faults:
            return []
        rules = self._compiled.rules_by_id
        result: list[Finding] = []
        for finding in findings:
            rule = rules.get(finding.rule_id)
            if finding.category not in _CHAIN_CATEGORIES or rule is None:
                continue
            if rule.subject not in ("person", "not_system", "other_person", "clause_person"):
                continue
            info = sentence_at(finding.start)
            span = self._context.name_like_head(
                text,
                info.clause_start(finding.start),
                finding.start,
                first=rule.subject == "clause_person",
            )
            if span is not None:
                result.append(_finding(faults[0].rule, span[0], span[1], text))
        return result

    def _is_subject_of(self, text: str, name_end: int, predicate_start: int) -> bool:
        """Return True when no other person or reporting verb sits between name and predicate."""
        between = _WORD.findall(text, name_end, predicate_start)
        if len(between) > 6:
            return False
        for token in between:
            lowered = token.lower()
            if lowered in _REPORTING_VERBS or self._context.is_person_token(token):
                return False
        return True


def _finding(rule: Rule, start: int, end: int, text: str) -> Finding:
    matched = text[start:end]
    return Finding(
        start=start,
        end=end,
        category=rule.category,
        rule_id=rule.id,
        matched=matched,
        message=rule.message,
        suggestion=rule.suggestion,
        replacement=_match_case(rule.replacement, matched),
    )


def _match_case(replacement: str | None, matched: str) -> str | None:
    if not replacement or not matched:
        return replacement
    if matched[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop exact repeats (same span, same category) that two rules can produce."""
    seen: set[tuple[int, int, str]] = set()
    result: list[Finding] = []
    for finding in findings:
        key = (finding.start, finding.end, finding.category)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result
