"""``postmortem-desk export``: write a postmortem's report as PDF, Markdown or Confluence XML."""

from __future__ import annotations

import argparse
from pathlib import Path

from postmortem_desk.commands.base import Command, CommandError
from postmortem_desk.commands.session import command_services
from postmortem_desk.export.jobs import ExportFormat, export_report
from postmortem_desk.export.report_model import Audience, ReportOptions


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, help="id of the postmortem (see: postmortem-desk list)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", type=Path, metavar="OUT", help="write a PDF report")
    target.add_argument("--markdown", type=Path, metavar="OUT", help="write a Markdown report")
    target.add_argument(
        "--confluence-xml", type=Path, metavar="OUT", help="write the Confluence storage XML"
    )
    parser.add_argument(
        "--anonymize",
        "--anonymise",
        action="store_true",
        help="name people by their role (Incident commander, Engineer A, ...)",
    )
    parser.add_argument(
        "--external",
        action="store_true",
        help="write the short external summary (always anonymised)",
    )
    parser.add_argument(
        "--all-events", action="store_true", help="include events not marked for the report"
    )


def _run(args: argparse.Namespace) -> int:
    if args.pdf is not None:
        fmt, destination = ExportFormat.PDF, args.pdf
    elif args.markdown is not None:
        fmt, destination = ExportFormat.MARKDOWN, args.markdown
    else:
        fmt, destination = ExportFormat.CONFLUENCE_XML, args.confluence_xml
    if destination.is_dir():
        raise CommandError(f"{destination} is a folder. Give the path of the file to write.")
    options = ReportOptions(
        anonymise=args.anonymize,
        audience=Audience.EXTERNAL if args.external else Audience.INTERNAL,
        all_events=args.all_events,
    )
    with command_services(args) as services:
        bundle = services.postmortems.load(args.id)
    path = export_report(bundle, destination, fmt=fmt, options=options)
    print(f"Wrote {path}")
    return 0


COMMAND = Command(
    name="export",
    help="export a postmortem's report as PDF, Markdown or Confluence storage XML",
    add_arguments=_add_arguments,
    run=_run,
)
