"""``postmortem-desk lint``: check a text file for blame language, like a compiler warns."""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from pathlib import Path
from typing import Any

from postmortem_desk.coach import Coach, Finding, RuleFileError, load_rules
from postmortem_desk.commands.base import Command, CommandError

STDIN = "-"


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        default=STDIN,
        metavar="FILE",
        help="UTF-8 text or Markdown to check; '-' or nothing reads standard input",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list: line (1-based), start/end (0-based columns in that line, end "
        "exclusive), category, matched, message, suggestion, rule_id, key, severity",
    )
    parser.add_argument(
        "--names",
        default="",
        metavar="NAMES",
        help='participants, comma-separated (e.g. "Alice,Bob"), so naming them as a cause is '
        "caught",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="an organisation rule file (TOML) applied on top of the bundled rules; repeatable",
    )


def _read_text(source: str) -> tuple[str, str]:
    """Return (display name, text) of the input, or stop with a sentence naming it."""
    if source == STDIN:
        name = "<stdin>"
        try:
            data = sys.stdin.buffer.read()
        except OSError as error:
            raise CommandError(f"cannot read standard input: {error}") from error
    else:
        name = source
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise CommandError(f"cannot read {name}: no such file") from error
        except IsADirectoryError as error:
            raise CommandError(f"cannot read {name}: it is a folder, not a file") from error
        except OSError as error:
            raise CommandError(f"cannot read {name}: {error.strerror or error}") from error
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{name} is not UTF-8 text (undecodable byte at offset {error.start})"
        ) from error


def _coach(args: argparse.Namespace) -> Coach:
    try:
        rules = load_rules(list(args.rules))
    except RuleFileError as error:
        raise CommandError(str(error)) from error
    names = [part.strip() for part in str(args.names).split(",") if part.strip()]
    return Coach(rules, names=names)


def locate(text: str, findings: list[Finding]) -> list[dict[str, Any]]:
    """Turn text offsets into line (1-based) and columns within that line (0-based)."""
    line_starts = [0]
    line_starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    located: list[dict[str, Any]] = []
    for finding in findings:
        line = bisect_right(line_starts, finding.start)
        line_start = line_starts[line - 1]
        line_end = line_starts[line] - 1 if line < len(line_starts) else len(text)
        located.append(
            {
                "line": line,
                "start": finding.start - line_start,
                "end": min(finding.end, line_end) - line_start,
                "category": finding.category,
                "matched": finding.matched,
                "message": finding.message,
                "suggestion": finding.suggestion,
                "rule_id": finding.rule_id,
                "key": finding.key,
                "severity": finding.severity,
            }
        )
    return located


def _run(args: argparse.Namespace) -> int:
    coach = _coach(args)
    name, text = _read_text(str(args.file))
    located = locate(text, coach.check(text))
    if args.json:
        print(json.dumps(located, ensure_ascii=False, indent=2))
    else:
        for item in located:
            print(
                f"{name}:{item['line']}:{item['start'] + 1}: {item['severity']}: "
                f"{item['category']}: \u201c{item['matched']}\u201d \u2014 {item['message']}"
            )
            print(f"    suggestion: {item['suggestion']}")
        if located:
            count = len(located)
            print(f"{count} finding{'s' if count != 1 else ''} in {name}", file=sys.stderr)
    return 1 if located else 0


COMMAND = Command(
    name="lint",
    help="check text for blame language and suggest blameless wording (exit 1 when found)",
    add_arguments=_add_arguments,
    run=_run,
)
