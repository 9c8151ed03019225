"""Composition root: paths, database, services, QApplication and windows. Builds, never decides.

The main window is shown before the database layer is imported, so a facilitator sees the app
at once; the library fills in on the first turn of the event loop.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from postmortem_desk import APP_ID, APP_NAME, __version__
from postmortem_desk.paths import database_path
from postmortem_desk.storage.errors import StorageError

if TYPE_CHECKING:
    from postmortem_desk.storage.database import Database

REMINDER_DELAY_MS = 1500
STARTUP_CLOCK_VARIABLE = "POSTMORTEM_DESK_STARTED_NS"
"""When set (by the start-up benchmark) to a time.time_ns() stamp, start-up milestones print."""


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(sys.argv[:1])


def report_startup(milestone: str) -> None:
    """Print how long after the benchmark's stamp a start-up milestone was reached."""
    started = os.environ.get(STARTUP_CLOCK_VARIABLE)
    if started:
        elapsed_ms = (time.time_ns() - int(started)) / 1e6
        print(f"startup {milestone} {elapsed_ms:.1f} ms", flush=True)


def _report_storage_error(error: StorageError, *, interactive: bool) -> None:
    print(f"{APP_ID}: {error}", file=sys.stderr)
    if interactive:
        QMessageBox.critical(None, f"{APP_NAME} cannot open its database", str(error))


def run_gui(args: argparse.Namespace) -> int:
    """Show the main window, open the database, fill the library and run the event loop."""
    from postmortem_desk.gui.main_window import MainWindow
    from postmortem_desk.gui.style import apply_style

    app = _application()
    apply_style(app)
    interactive = not (args.quit_when_ready or args.self_test)
    window = MainWindow()
    window.show()
    report_startup("window-shown")
    opened: list[Database] = []

    def open_library() -> None:
        from postmortem_desk.services.demo import DEMO_TITLE, create_demo_postmortem
        from postmortem_desk.services.registry import Services
        from postmortem_desk.storage.database import open_database

        try:
            database = open_database(database_path(args.db))
        except StorageError as error:
            window.hide()
            _report_storage_error(error, interactive=interactive)
            app.exit(2)
            return
        opened.append(database)
        services = Services.for_engine(database.engine)
        window.attach(services, database_label=f"Library: {database.path}")
        if args.demo:
            demo = next(
                (s for s in services.postmortems.list_summaries() if s.title == DEMO_TITLE), None
            )
            window.open_postmortem(demo.id if demo else create_demo_postmortem(services))
        report_startup("library-loaded")
        if args.quit_when_ready:
            QTimer.singleShot(0, app.quit)
        else:
            QTimer.singleShot(REMINDER_DELAY_MS, window.start_reminders)

    QTimer.singleShot(0, open_library)
    try:
        return int(app.exec())
    finally:
        window.close()
        for database in opened:
            database.close()
