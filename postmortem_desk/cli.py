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

COMMAND_MODULES: tuple[str, ...] = (
    "postmortem_desk.commands.demo",
    "postmortem_desk.commands.list_postmortems",
    "postmortem_desk.commands.tour",
    "postmortem_desk.commands.actions",
    "postmortem_desk.commands.import_timeline",
    "postmortem_desk.commands.export_report",
    "postmortem_desk.commands.publish",
    "postmortem_desk.commands.lint",
)


def _load_commands() -> list[Command]:
    """Import each subcommand module and collect its ``COMMAND``."""
    return [importlib.import_module(name).COMMAND for name in COMMAND_MODULES]


def build_parser(commands: Sequence[Command]) -> argparse.ArgumentParser:
    """Build the parser for the GUI options and every subcommand."""
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
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite file to use")
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program and return its exit code."""
    commands = _load_commands()
    parser = build_parser(commands)
    args = parser.parse_args(argv)
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
