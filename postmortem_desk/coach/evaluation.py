"""Score the coach against a labelled corpus: precision and recall per category.

What is measured: for every sentence and every category, "flagged" means the coach returned at
least one finding of that category in the sentence, and "labelled" means the corpus lists the
category for it. Counts are summed over sentences (micro-average) per category and overall.
"Any blame" scores the sentence-level decision "this sentence has blame" regardless of category.
The hard-negative false-positive rate is the share of sentences labelled clean that get any
finding. Organisations can run this on their own corpus before shipping a rule file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from postmortem_desk.coach.engine import Coach
from postmortem_desk.coach.model import CATEGORIES


@dataclass(frozen=True)
class CorpusItem:
    """One labelled sentence."""

    text: str
    labels: frozenset[str]
    names: tuple[str, ...] = ()
    split: str = "tune"


@dataclass
class Score:
    """True positives, false positives and false negatives, and the measures built on them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Return TP / (TP + FP), 1.0 when nothing was flagged."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        """Return TP / (TP + FN), 1.0 when nothing was labelled."""
        labelled = self.tp + self.fn
        return self.tp / labelled if labelled else 1.0

    def f_beta(self, beta: float) -> float:
        """Return the F-measure weighting recall ``beta`` times as much as precision."""
        p, r = self.precision, self.recall
        if p == 0 and r == 0:
            return 0.0
        b2 = beta * beta
        return (1 + b2) * p * r / (b2 * p + r)


@dataclass
class Report:
    """Scores per category, overall (micro), any-blame, and the hard-negative false alarms."""

    per_category: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    any_blame: Score = field(default_factory=Score)
    clean_sentences: int = 0
    clean_flagged: int = 0
    sentences: int = 0
    mistakes: list[tuple[CorpusItem, frozenset[str]]] = field(default_factory=list)

    @property
    def hard_negative_fp_rate(self) -> float:
        """Return the share of clean sentences that got at least one finding."""
        return self.clean_flagged / self.clean_sentences if self.clean_sentences else 0.0

    def table(self, title: str = "") -> str:
        """Return the report as a fixed-width text table."""
        lines = [title] if title else []
        header = f"{'category':<18} {'n':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6}"
        lines.append(header + f" {'F0.5':>6}")
        lines.append("-" * len(lines[-1]))
        rows = [(name, self.per_category[name]) for name in CATEGORIES]
        rows += [("overall (micro)", self.overall), ("any blame", self.any_blame)]
        for name, score in rows:
            lines.append(
                f"{name:<18} {score.tp + score.fn:>4} {score.tp:>4} {score.fp:>4} {score.fn:>4}"
                f" {score.precision:>6.3f} {score.recall:>6.3f} {score.f_beta(0.5):>6.3f}"
            )
        lines.append(
            f"sentences: {self.sentences}; clean: {self.clean_sentences}; "
            f"false-positive rate on clean (hard negatives): {self.hard_negative_fp_rate:.3f}"
        )
        return "\n".join(lines)


def load_corpus(path: Path) -> list[CorpusItem]:
    """Read a JSON-lines corpus: text, labels (categories, may be empty), names, split."""
    items: list[CorpusItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        labels = frozenset(raw.get("labels", []))
        unknown = labels - set(CATEGORIES)
        if unknown:
            raise ValueError(f"{path}:{number}: unknown labels {sorted(unknown)}")
        items.append(
            CorpusItem(
                text=raw["text"],
                labels=labels,
                names=tuple(raw.get("names", ())),
                split=raw.get("split", "tune"),
            )
        )
    return items


def evaluate(
    items: Iterable[CorpusItem], coach: Coach | None = None, splits: Sequence[str] = ()
) -> Report:
    """Run the coach over the items (optionally only some splits) and score it."""
    base = coach if coach is not None else Coach()
    report = Report(per_category={name: Score() for name in CATEGORIES})
    for item in items:
        if splits and item.split not in splits:
            continue
        checker = base.with_names(item.names) if item.names else base
        predicted = frozenset(finding.category for finding in checker.check(item.text))
        report.sentences += 1
        for name in CATEGORIES:
            score = report.per_category[name]
            if name in predicted and name in item.labels:
                score.tp += 1
                report.overall.tp += 1
            elif name in predicted:
                score.fp += 1
                report.overall.fp += 1
            elif name in item.labels:
                score.fn += 1
                report.overall.fn += 1
        if predicted and item.labels:
            report.any_blame.tp += 1
        elif predicted:
            report.any_blame.fp += 1
        elif item.labels:
            report.any_blame.fn += 1
        if not item.labels:
            report.clean_sentences += 1
            if predicted:
                report.clean_flagged += 1
        if predicted != item.labels:
            report.mistakes.append((item, predicted))
    return report
