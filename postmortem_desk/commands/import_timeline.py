"""``postmortem-desk import``: read an export into a postmortem's timeline, all or nothing."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from postmortem_desk.commands.base import Command, CommandError
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.importers.base import BadTimestamp, ImportFormat, ImportOptions
from postmortem_desk.importers.csv_import import FIELDS
from postmortem_desk.importers.formats import parse_file
from postmortem_desk.importers.wallclock import parse_moment
from postmortem_desk.paths import database_path
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.services.timeline_import import ImportService
from postmortem_desk.storage.database import open_database

_OFFSET = re.compile(r"^(?:UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$")


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the export file or folder")
    parser.add_argument("--postmortem", type=int, required=True, metavar="ID")
    parser.add_argument(
        "--format",
        required=True,
        choices=[f.value for f in ImportFormat],
        help="what the file is",
    )
    parser.add_argument(
        "--channel",
        action="append",
        default=[],
        metavar="NAME",
        help="Slack channel to import (repeat for several; default: all)",
    )
    parser.add_argument("--since", metavar="T", help="keep events at or after this time")
    parser.add_argument("--until", metavar="T", help="keep events at or before this time")
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        help="zone for times without an offset, e.g. Europe/Berlin or +02:00 "
        "(default: the postmortem's incident offset)",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COL,...",
        help=f"CSV columns for fields ({', '.join(FIELDS)}), by header or 1-based number",
    )
    parser.add_argument(
        "--date",
        metavar="DAY",
        help="incident date for pasted lines that carry only a time "
        "(default: the postmortem's start date)",
    )
    parser.add_argument(
        "--accept-problems",
        action="store_true",
        help="import the readable records even when some records could not be read",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )


def parse_zone(text: str) -> tzinfo:
    """Read an IANA zone name, ``UTC`` or a fixed offset such as ``+02:00``."""
    value = text.strip()
    match = _OFFSET.match(value)
    if match is not None:
        minutes = int(match[2]) * 60 + int(match[3] or 0)
        if minutes > 14 * 60:
            raise CommandError(f"--tz {value}: an offset must be within ±14:00.")
        return timezone(timedelta(minutes=minutes if match[1] == "+" else -minutes))
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise CommandError(
            f"--tz {value!r} is not a time zone. Use a name such as Europe/Berlin, "
            "America/New_York or UTC, or an offset such as +02:00."
        ) from error


def parse_mapping(items: list[str]) -> dict[str, str]:
    """Read ``time=When,text=What`` pairs (from one or several --map options)."""
    mapping: dict[str, str] = {}
    for item in items:
        for pair in item.split(","):
            if not pair.strip():
                continue
            field, sep, column = pair.partition("=")
            if not sep or not field.strip() or not column.strip():
                raise CommandError(
                    f"--map {item!r}: write FIELD=COLUMN pairs separated by commas, "
                    "e.g. --map time=When,text=What."
                )
            if field.strip().lower() not in FIELDS:
                raise CommandError(
                    f"--map: {field.strip()!r} is not a field; fields are {', '.join(FIELDS)}."
                )
            mapping[field.strip().lower()] = column.strip()
    return mapping


def _moment(option: str, text: str | None, zone: tzinfo) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_moment(text, zone=zone).moment
    except BadTimestamp as error:
        raise CommandError(
            f"{option} {text!r}: {error}. Write it like 2024-03-01T14:00 or 2024-03-01T14:00Z."
        ) from error


def _incident_date(args: argparse.Namespace, postmortem: Postmortem, zone: tzinfo) -> date | None:
    if args.date:
        try:
            return date.fromisoformat(args.date)
        except ValueError as error:
            raise CommandError(f"--date {args.date!r} is not a date like 2024-03-01.") from error
    for moment in (postmortem.started_at, postmortem.detected_at, postmortem.resolved_at):
        if moment is not None:
            return moment.astimezone(zone).date()
    return None


def _run(args: argparse.Namespace) -> int:
    db_path = database_path(getattr(args, "db", None))
    if not db_path.exists():
        raise CommandError(
            f"There is no database at {db_path}. Give the library file with --db, "
            "or create a postmortem in the app first."
        )
    if not args.file.exists():
        raise CommandError(f"{args.file} does not exist.")
    mapping = parse_mapping(args.map)
    if mapping and args.format != ImportFormat.CSV.value:
        raise CommandError("--map applies to --format csv only.")
    database = open_database(db_path, lock=True)
    try:
        store, bus = Store(database.engine), ChangeBus()
        postmortem = PostmortemService(store, bus).get(args.postmortem)
        offset = postmortem.incident_utc_offset_minutes
        default_zone = timezone(timedelta(minutes=offset)) if offset else UTC
        zone = parse_zone(args.tz) if args.tz else default_zone
        since = _moment("--since", args.since, zone)
        until = _moment("--until", args.until, zone)
        if since is not None and until is not None and since > until:
            raise CommandError("--since is after --until; nothing could be imported.")
        options = ImportOptions(
            channels=frozenset(args.channel),
            since=since,
            until=until,
            zone=zone,
            incident_date=_incident_date(args, postmortem, zone)
            or (since.astimezone(zone).date() if since else None),
            mapping=mapping,
        )
        parsed = parse_file(args.file, ImportFormat(args.format), options)
        service = ImportService(store, bus)
        preview = service.preview(args.postmortem, parsed)
        for line in preview.summary_lines():
            print(line)
        if preview.problems and not args.accept_problems:
            raise CommandError(
                f"{len(preview.problems)} record(s) could not be read (listed above); nothing was "
                "written. Fix the file, or add --accept-problems to import the rest."
            )
        if args.dry_run:
            print("Dry run: nothing was written.")
            return 0
        if not preview.to_add:
            print("Nothing new to import; the timeline is unchanged.")
            return 0
        batch = service.apply(
            args.postmortem, preview, args.file.name, accept_problems=args.accept_problems
        )
        print(
            f"Imported {batch.event_count} event(s) into postmortem {args.postmortem} "
            f"as import #{batch.id}; {batch.skipped_count} skipped."
        )
        sys.stdout.flush()
        return 0
    finally:
        database.close()


COMMAND = Command(
    name="import",
    help="import a Slack, PagerDuty, Alertmanager, CSV or chat-text file into a timeline",
    add_arguments=_add_arguments,
    run=_run,
)
