"""``postmortem-desk actions``: open action items across every postmortem, as text, JSON or ICS."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from postmortem_desk.commands.base import Command, CommandError
from postmortem_desk.domain.follow_through import DueBucket
from postmortem_desk.paths import database_path
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.calendar_ics import events_for, write_calendar
from postmortem_desk.services.tracker import OPEN_ONLY, TrackerFilter, TrackerRow, TrackerService
from postmortem_desk.storage.database import open_database


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--overdue", action="store_true", help="only items past their due date")
    parser.add_argument("--owner", metavar="NAME", default="", help="only items owned by NAME")
    parser.add_argument(
        "--all", action="store_true", help="include done and won't-do items (default: open only)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--ics",
        metavar="OUT",
        type=Path,
        default=None,
        help="also write due dates and follow-up reviews to the calendar file OUT",
    )


def _as_json(row: TrackerRow) -> dict[str, object]:
    return {
        "id": row.id,
        "title": row.title,
        "status": row.status.value,
        "priority": row.priority.value,
        "owner": row.owner,
        "team": row.team,
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "sla": row.sla.label,
        "overdue_days": row.sla.days if row.due_bucket is DueBucket.OVERDUE else 0,
        "postmortem_id": row.postmortem_id,
        "postmortem": row.postmortem_title,
        "severity": row.severity.value,
        "services": list(row.services),
        "ticket_key": row.ticket_key,
        "ticket_url": row.ticket_url,
        "wont_do_reason": row.wont_do_reason,
    }


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(rows: list[TrackerRow]) -> None:
    print(
        f"{'ID':>5}  {'DUE':<10}  {'SLA':<17}  {'PRI':<3}  {'STATUS':<11}  "
        f"{'OWNER':<16}  {'TITLE':<40}  POSTMORTEM"
    )
    for row in rows:
        due = row.due_date.isoformat() if row.due_date else "—"
        print(
            f"{row.id:>5}  {due:<10}  {row.sla.label:<17}  {row.priority.value:<3}  "
            f"{row.status.label:<11}  {_clip(row.owner or '—', 16):<16}  "
            f"{_clip(row.title, 40):<40}  {row.postmortem_title}"
        )


def _run(args: argparse.Namespace) -> int:
    path = database_path(getattr(args, "db", None))
    if not path.is_file():
        raise CommandError(f"There is no database at {path}. Give the library file with --db PATH.")
    filters = TrackerFilter(
        owner=args.owner.strip(),
        statuses=frozenset() if args.all else OPEN_ONLY.statuses,
        due=DueBucket.OVERDUE if args.overdue else None,
    )
    database = open_database(path, lock=False)
    try:
        tracker = TrackerService(Store(database.engine), ChangeBus())
        rows = tracker.rows(filters)
        reviews = tracker.follow_up_reviews() if args.ics is not None else []
        stamp = tracker.clock()
    finally:
        database.close()
    written = None
    if args.ics is not None:
        if filters != TrackerFilter(statuses=filters.statuses):
            shown = {row.postmortem_id for row in rows}
            reviews = [review for review in reviews if review.postmortem_id in shown]
        written = write_calendar(args.ics, events_for(rows, reviews), stamp=stamp)
    if args.json:
        print(json.dumps([_as_json(row) for row in rows], indent=2, ensure_ascii=False))
        return 0
    if rows:
        _print_table(rows)
    else:
        print("No action items match." if args.owner or args.overdue else "No open action items.")
    if written is not None:
        print(f"Wrote {written} calendar event(s) to {args.ics}.")
    return 0


COMMAND = Command(
    name="actions",
    help="list action items across all postmortems (open ones by default), or export a calendar",
    add_arguments=_add_arguments,
    run=_run,
)
