"""Squiggle blame language in a text document while people type."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from postmortem_desk.coach import Coach, Finding
from postmortem_desk.gui.style import palette

CoachProvider = Callable[[], Coach]
CACHE_SIZE = 4096

# Palette names per severity: blame of people is red, wording habits are amber.
SEVERITY_PALETTE = {"warning": "danger", "hint": "warning"}
_FALLBACK = {"warning": "#B42318", "hint": "#9A5B00"}


def severity_colour(severity: str) -> QColor:
    """Return the squiggle colour for a finding's severity."""
    name = SEVERITY_PALETTE.get(severity, "warning")
    return QColor(palette().get(name, _FALLBACK.get(severity, "#9A5B00")))


def as_provider(coach: Coach | CoachProvider) -> CoachProvider:
    """Accept a coach or a callable that returns the current one (names can change)."""
    if isinstance(coach, Coach):
        fixed = coach
        return lambda: fixed
    return coach


class FindingCache:
    """Findings per paragraph text, so re-highlighting an unchanged paragraph costs a lookup.

    The cache empties itself when the provider hands out a different coach (new participants).
    """

    def __init__(self, provider: CoachProvider, size: int = CACHE_SIZE) -> None:
        self._provider = provider
        self._size = size
        self._coach: Coach | None = None
        self._entries: OrderedDict[str, list[Finding]] = OrderedDict()

    def set_provider(self, provider: CoachProvider) -> None:
        """Use another coach source and forget what was cached."""
        self._provider = provider
        self.clear()

    def clear(self) -> None:
        """Forget every cached paragraph."""
        self._entries.clear()
        self._coach = None

    def findings(self, text: str) -> list[Finding]:
        """Return the findings for one paragraph (offsets within it)."""
        coach = self._provider()
        if coach is not self._coach:
            self._entries.clear()
            self._coach = coach
        cached = self._entries.get(text)
        if cached is not None:
            self._entries.move_to_end(text)
            return cached
        found = coach.check(text)
        self._entries[text] = found
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return found


class CoachHighlighter(QSyntaxHighlighter):
    """Wavy-underline each finding in a document, one paragraph (block) at a time.

    Qt calls ``highlightBlock`` only for the paragraph that changed, and the cache answers for
    paragraphs whose text is unchanged, so a keystroke costs one paragraph's lint at most.

    Signals:
        block_checked(int): a paragraph was (re)checked; the argument is its block number.
    """

    block_checked = Signal(int)

    def __init__(
        self,
        document: QTextDocument,
        coach: Coach | CoachProvider,
        ignored_keys: Iterable[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else document)
        self._cache = FindingCache(as_provider(coach))
        self._ignored: set[str] = set(ignored_keys)
        self._enabled = True
        self._formats = {
            severity: self._squiggle(severity_colour(severity)) for severity in ("warning", "hint")
        }
        self.setDocument(document)
        # Check now rather than on Qt's deferred first pass: until that pass runs, Qt skips
        # per-keystroke highlighting, and owners may ask for findings straight away.
        self.rehighlight()

    @staticmethod
    def _squiggle(colour: QColor) -> QTextCharFormat:
        char_format = QTextCharFormat()
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        char_format.setUnderlineColor(colour)
        return char_format

    def squiggle_format(self, severity: str) -> QTextCharFormat:
        """Return the format used for a severity (tests and the panel legend use it)."""
        return QTextCharFormat(self._formats.get(severity, self._formats["hint"]))

    def set_coach(self, coach: Coach | CoachProvider) -> None:
        """Use another coach (or provider) and re-check the whole document."""
        self._cache.set_provider(as_provider(coach))
        self.rehighlight()

    def ignored_keys(self) -> frozenset[str]:
        """Return the finding keys that are not underlined."""
        return frozenset(self._ignored)

    def set_ignored_keys(self, keys: Iterable[str]) -> None:
        """Replace the ignored keys (per postmortem) and redraw."""
        self._ignored = set(keys)
        self.rehighlight()

    def ignore(self, key: str) -> None:
        """Stop underlining findings with this key and redraw."""
        if key not in self._ignored:
            self._ignored.add(key)
            self.rehighlight()

    def set_enabled(self, enabled: bool) -> None:
        """Switch the squiggles on or off (the projector never shows them)."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight()

    def is_enabled(self) -> bool:
        """Tell whether squiggles are drawn."""
        return self._enabled

    def block_findings(self, block: QTextBlock) -> list[Finding]:
        """Return the visible findings of one paragraph, offsets within the paragraph."""
        if not self._enabled or not block.isValid():
            return []
        return [f for f in self._cache.findings(block.text()) if f.key not in self._ignored]

    def findings(self) -> list[tuple[int, Finding]]:
        """Return every visible finding as (absolute position of its paragraph, finding)."""
        document = self.document()
        result: list[tuple[int, Finding]] = []
        if document is None:
            return result
        block = document.begin()
        while block.isValid():
            result.extend((block.position(), finding) for finding in self.block_findings(block))
            block = block.next()
        return result

    def highlightBlock(self, text: str) -> None:
        """Underline the findings of one paragraph."""
        if self._enabled:
            for finding in self._cache.findings(text):
                if finding.key in self._ignored:
                    continue
                self.setFormat(
                    finding.start,
                    finding.end - finding.start,
                    self._formats.get(finding.severity, self._formats["hint"]),
                )
        self.block_checked.emit(self.currentBlock().blockNumber())
