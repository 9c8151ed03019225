"""``postmortem-desk list``: the library as a table or as JSON."""

from __future__ import annotations

import argparse
import json

from postmortem_desk.commands.base import Command
from postmortem_desk.commands.session import command_services
from postmortem_desk.services.postmortems import PostmortemSummary


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _as_json(summary: PostmortemSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "title": summary.title,
        "incident_key": summary.incident_key,
        "severity": summary.severity.value,
        "status": summary.status.value,
        "started_at": summary.started_at.isoformat() if summary.started_at else None,
        "events": summary.event_count,
        "action_items": summary.action_count,
        "open_action_items": summary.open_action_count,
    }


def _run(args: argparse.Namespace) -> int:
    with command_services(args) as services:
        summaries = services.postmortems.list_summaries()
    if args.json:
        print(json.dumps([_as_json(s) for s in summaries], indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        print("No postmortems yet. Create one in the app, or run: postmortem-desk demo")
        return 0
    header = f"{'ID':>4}  {'SEV':<4}  {'STATUS':<16}  {'EVENTS':>6}  {'ACTIONS':>7}  TITLE"
    print(header)
    for s in summaries:
        print(
            f"{s.id:>4}  {s.severity.value:<4}  {s.status.label:<16}  {s.event_count:>6}  "
            f"{s.action_count:>7}  {s.title}"
        )
    return 0


COMMAND = Command(
    name="list",
    help="list the postmortems in the library with their counts",
    add_arguments=_add_arguments,
    run=_run,
)
