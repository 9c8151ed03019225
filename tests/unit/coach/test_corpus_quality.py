"""Score the coach on the labelled corpus and hold it to the issue's bar.

What is measured (see postmortem_desk.coach.evaluation): per sentence and per category, whether
the coach flagged that category at least once, against the corpus labels; counts are summed over
sentences (micro-average). The thresholds apply to the whole corpus; the tune and holdout splits
are printed separately (run with ``pytest -s`` to see the tables).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from postmortem_desk.coach import CATEGORIES, Coach
from postmortem_desk.coach.evaluation import CorpusItem, evaluate, load_corpus

CORPUS = Path(__file__).resolve().parents[2] / "data" / "blame_corpus.jsonl"


@pytest.fixture(scope="module")
def items() -> list[CorpusItem]:
    return load_corpus(CORPUS)


@pytest.fixture(scope="module")
def coach() -> Coach:
    return Coach()


def test_corpus_shape(items: list[CorpusItem]) -> None:
    assert len(items) >= 300
    blame = sum(1 for item in items if item.labels)
    assert blame / len(items) >= 0.40
    assert {item.split for item in items} == {"tune", "holdout"}
    for name in CATEGORIES:
        assert any(name in item.labels for item in items), name
    assert len({item.text for item in items}) == len(items)


def test_quality_meets_the_bar(items: list[CorpusItem], coach: Coach) -> None:
    for split in ("tune", "holdout"):
        print("\n" + evaluate(items, coach, splits=(split,)).table(f"split: {split}"))
    report = evaluate(items, coach)
    print("\n" + report.table("whole corpus"))
    assert report.overall.precision >= 0.90
    assert report.overall.recall >= 0.85
    for name in CATEGORIES:
        score = report.per_category[name]
        assert score.precision >= 0.75, (name, score)
        assert score.recall >= 0.75, (name, score)


def test_holdout_is_not_far_behind(items: list[CorpusItem], coach: Coach) -> None:
    report = evaluate(items, coach, splits=("holdout",))
    assert report.overall.precision >= 0.90
    assert report.overall.recall >= 0.85
