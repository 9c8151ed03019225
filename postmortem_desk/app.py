"""Composition root: paths, database, services, QApplication and windows. Builds, never decides."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from postmortem_desk import APP_ID, APP_NAME, __version__
from postmortem_desk.paths import database_path
from postmortem_desk.storage.database import Database, open_database
from postmortem_desk.storage.errors import StorageError

REMINDER_DELAY_MS = 1500


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(sys.argv[:1])


def _report_storage_error(error: StorageError, *, interactive: bool) -> None:
    print(f"{APP_ID}: {error}", file=sys.stderr)
    if interactive:
        QMessageBox.critical(None, f"{APP_NAME} cannot open its database", str(error))


def run_gui(args: argparse.Namespace) -> int:
    """Open the database, build the windows and run the event loop."""
    from postmortem_desk.gui.main_window import MainWindow
    from postmortem_desk.gui.style import apply_style
    from postmortem_desk.services.demo import DEMO_TITLE, create_demo_postmortem
    from postmortem_desk.services.registry import Services

    app = _application()
    apply_style(app)
    interactive = not (args.quit_when_ready or args.self_test)
    try:
        database: Database = open_database(database_path(args.db))
    except StorageError as error:
        _report_storage_error(error, interactive=interactive)
        return 2
    try:
        services = Services.for_engine(database.engine)
        window = MainWindow(services, database_label=f"Library: {database.path}")
        if args.demo:
            demo = next(
                (s for s in services.postmortems.list_summaries() if s.title == DEMO_TITLE), None
            )
            demo_id = demo.id if demo else create_demo_postmortem(services)
            window.library_page.refresh()
            window.open_postmortem(demo_id)
        window.show()
        QTimer.singleShot(REMINDER_DELAY_MS, window.start_reminders)
        if args.quit_when_ready:
            QTimer.singleShot(0, app.quit)
        return int(app.exec())
    finally:
        database.close()
