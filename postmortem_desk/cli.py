"""Parse the command line: start the GUI, or run one of the scriptable subcommands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from postmortem_desk import APP_ID, APP_NAME, __version__
from postmortem_desk.commands.base import Command, CommandError
from postmortem_desk.domain.errors import UserFacingError

COMMAND_TABLE: dict[str, tuple[str, str]] = {
    "demo": ("postmortem_desk.commands.demo", "create the demo postmortem and print its id"),
    "list": ("postmortem_desk.commands.list_postmortems", "list the postmortems in the library"),
    "import": (
        "postmortem_desk.commands.import_timeline",
        "import a Slack, PagerDuty, Alertmanager, CSV or chat-text file into a timeline",
    ),
    "export": (
        "postmortem_desk.commands.export_report",
        "export a report as PDF, Markdown or Confluence storage XML",
    ),
    "publish": ("postmortem_desk.commands.publish", "publish a report to Confluence"),
    "actions": ("postmortem_desk.commands.actions", "list action items across all postmortems"),
    "lint": ("postmortem_desk.commands.lint", "check text for blame language"),
    "tour": ("postmortem_desk.commands.tour", "render every window and step to PNG"),
}
"""Subcommands by name: the module that holds ``COMMAND`` and a one-line help.

Modules are imported only when their command runs, so starting the GUI loads none of them.
"""

OPTIONS_WITH_VALUES = frozenset({"--db"})


def chosen_command(argv: Sequence[str]) -> str | None:
    """Return the subcommand named on the command line, if any."""
    skip_next = False
    for token in argv:
        if skip_next:
            skip_next = False
            continue
        if token in OPTIONS_WITH_VALUES:
            skip_next = True
            continue
        if token.startswith("-"):
            continue
        return token if token in COMMAND_TABLE else None
    return None


def load_command(name: str) -> Command:
    """Import one subcommand's module and return its ``COMMAND``."""
    command: Command = importlib.import_module(COMMAND_TABLE[name][0]).COMMAND
    return command


def build_parser(chosen: Command | None = None) -> argparse.ArgumentParser:
    """Build the parser for the GUI options; only the chosen subcommand gets its arguments."""
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: run a blameless postmortem meeting.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db", type=Path, default=None, help="SQLite file to use instead of the default one"
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="exit 0 as soon as the main window is shown and idle (smoke tests, benchmarks)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="create the demo postmortem if the library has none, and open it",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the built-in end-to-end check offscreen and exit 0 when it passes",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, short_help) in COMMAND_TABLE.items():
        if chosen is not None and chosen.name == name:
            sub = subparsers.add_parser(name, help=short_help, description=chosen.help)
            sub.add_argument(
                "--db", type=Path, default=argparse.SUPPRESS, help="SQLite file to use"
            )
            chosen.add_arguments(sub)
            sub.set_defaults(handler=chosen.run)
        else:
            subparsers.add_parser(name, help=short_help, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program and return its exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    name = chosen_command(arguments)
    parser = build_parser(load_command(name) if name else None)
    args = parser.parse_args(arguments)
    try:
        if args.command is None:
            from postmortem_desk.app import run_gui

            return run_gui(args)
        handler = args.handler
        return int(handler(args))
    except CommandError as error:
        print(f"{APP_ID}: {error}", file=sys.stderr)
        return error.exit_code
    except UserFacingError as error:
        print(f"{APP_ID}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
