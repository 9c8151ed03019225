"""``postmortem-desk publish``: publish a postmortem's report to Confluence (or queue it)."""

from __future__ import annotations

import argparse

from postmortem_desk.commands.base import Command, CommandError
from postmortem_desk.commands.session import command_services
from postmortem_desk.export.confluence_client import ConfluenceTarget, Flavour
from postmortem_desk.export.credentials import TOKEN_ENV_VAR, CredentialStore
from postmortem_desk.export.outbox import publish_now, send_pending
from postmortem_desk.export.report_model import Audience, ReportOptions
from postmortem_desk.services.publishing import PublishingService


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, nargs="?", help="id of the postmortem to publish")
    parser.add_argument("--url", help="Confluence base URL (default: the saved setting)")
    parser.add_argument("--space", help="space key (default: the saved setting)")
    parser.add_argument("--parent", help="id of the parent page (default: the saved setting)")
    parser.add_argument("--user", help="account e-mail for Confluence Cloud")
    parser.add_argument(
        "--flavour",
        choices=[f.value for f in Flavour],
        help="cloud or datacenter (default: guessed from the URL)",
    )
    parser.add_argument("--anonymize", "--anonymise", action="store_true")
    parser.add_argument("--external", action="store_true", help="publish the external summary")
    parser.add_argument(
        "--send-pending",
        action="store_true",
        help="send every publish waiting in the outbox instead of publishing one postmortem",
    )


def _run(args: argparse.Namespace) -> int:
    credentials = CredentialStore()
    with command_services(args) as services:
        postmortems = services.postmortems
        publishing = PublishingService(postmortems.store, postmortems.bus)
        if args.send_pending:
            result = send_pending(publishing, postmortems.load, credentials)
            for outcome in result.outcomes:
                print(f"[{outcome.status}] postmortem {outcome.postmortem_id}: {outcome.message}")
            return 1 if result.needs_attention else 0
        if args.id is None:
            raise CommandError("Give the id of the postmortem to publish, or --send-pending.")
        saved = publishing.confluence_settings()
        target = ConfluenceTarget.from_settings(
            {
                "base_url": args.url or saved.get("base_url", ""),
                "space_key": args.space or saved.get("space_key", ""),
                "parent_id": args.parent or saved.get("parent_id", ""),
                "user": args.user or saved.get("user", ""),
                "flavour": args.flavour or saved.get("flavour", ""),
            }
        )
        if not target.base_url:
            raise CommandError(
                "No Confluence URL is set. Pass --url and --space, or save them in the app's "
                "Confluence settings."
            )
        target.check()
        if credentials.get_token(target.normalised_url, target.user) is None:
            raise CommandError(
                f"No Confluence token for {target.normalised_url}. Save it in the app, or set "
                f"{TOKEN_ENV_VAR} for this command."
            )
        options = ReportOptions(
            anonymise=args.anonymize,
            audience=Audience.EXTERNAL if args.external else Audience.INTERNAL,
        )
        outcome = publish_now(publishing, postmortems.load, credentials, args.id, target, options)
    print(f"[{outcome.status}] {outcome.message}")
    if outcome.status == "sent":
        return 0
    if outcome.status == "pending":
        return 3
    return 1


COMMAND = Command(
    name="publish",
    help="publish a postmortem's report to Confluence, or send the waiting outbox",
    add_arguments=_add_arguments,
    run=_run,
)
