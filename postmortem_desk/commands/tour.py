"""``postmortem-desk tour OUTDIR``: render every window, step and dialog to PNG."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from postmortem_desk.commands.base import Command, CommandError
from postmortem_desk.services.demo import DEMO_TITLE, create_demo_postmortem
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import open_database


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("outdir", type=Path, help="folder for the PNG files")


def _run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from postmortem_desk.app import _application
    from postmortem_desk.gui.style import apply_style
    from postmortem_desk.gui.tour import Tour

    outdir: Path = args.outdir
    if outdir.exists() and not outdir.is_dir():
        raise CommandError(f"{outdir} is a file; give a folder for the pictures.")
    with tempfile.TemporaryDirectory(prefix="postmortem-desk-tour-") as scratch:
        requested: Path | None = getattr(args, "db", None)
        database = open_database(requested or Path(scratch) / "tour.sqlite")
        try:
            services = Services.for_engine(database.engine)
            summaries = services.postmortems.list_summaries()
            demo = next((s for s in summaries if s.title == DEMO_TITLE), None)
            demo_id = demo.id if demo else create_demo_postmortem(services)
            app = _application()
            apply_style(app)
            written = Tour(services, demo_id, outdir).run()
        finally:
            database.close()
    for path in written:
        print(path)
    return 0


COMMAND = Command(
    name="tour",
    help="render every window, meeting step and dialog of the app to PNG with the demo data",
    add_arguments=_add_arguments,
    run=_run,
)
