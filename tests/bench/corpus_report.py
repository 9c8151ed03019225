"""Print the coach's precision/recall/F0.5 table on the labelled corpus, per split.

Run as a script (not collected by pytest):

    python tests/bench/corpus_report.py            # tables for tune, holdout and all
    python tests/bench/corpus_report.py --mistakes # also list every sentence scored wrong
    python tests/bench/corpus_report.py --rules acme.toml   # with an organisation rule file

Measured per sentence and category (micro-averaged): a category counts as flagged when the coach
returns at least one finding of it in the sentence. "any blame" scores the yes/no decision per
sentence. The false-positive rate on hard negatives is the share of sentences labelled clean
(most of them written around a trigger word such as "failed to" or "just") that get any finding.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from postmortem_desk.coach import Coach, load_rules  # noqa: E402
from postmortem_desk.coach.evaluation import evaluate, load_corpus  # noqa: E402

CORPUS = REPO / "tests" / "data" / "blame_corpus.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON-lines corpus")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="extra rules")
    parser.add_argument("--mistakes", action="store_true", help="list sentences scored wrong")
    args = parser.parse_args(argv)
    items = load_corpus(args.corpus)
    coach = Coach(load_rules(args.rules))
    for title, splits in (("tune", ("tune",)), ("holdout", ("holdout",)), ("all", ())):
        report = evaluate(items, coach, splits=splits)
        print(report.table(f"== {title} =="))
        if args.mistakes and report.mistakes:
            print("sentences scored wrong (labels -> flagged):")
            for item, predicted in report.mistakes:
                print(f"  {sorted(item.labels)} -> {sorted(predicted)} | {item.text}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
