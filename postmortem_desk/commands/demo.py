"""``postmortem-desk demo``: create the demo postmortem and print its id."""

from __future__ import annotations

import argparse

from postmortem_desk.commands.base import Command
from postmortem_desk.commands.session import command_services
from postmortem_desk.services.demo import create_demo_postmortem


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def _run(args: argparse.Namespace) -> int:
    with command_services(args) as services:
        print(create_demo_postmortem(services))
    return 0


COMMAND = Command(
    name="demo",
    help="create the demo postmortem (a SEV1 checkout outage) and print its id",
    add_arguments=_add_arguments,
    run=_run,
)
