"""Pictures of the import dialog for the tour: CSV mapping, a real Slack preview, problems.

Nothing here writes to the library: the dialog only reads files and previews them. The CSV files
are written to a temporary folder, as a facilitator's bridge-call notes about the demo incident.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.importing.import_dialog import ImportDialog
from postmortem_desk.gui.tour import LAPTOP, Shot, Tour, settle

PROJECT = Path(__file__).resolve().parents[3]
SLACK_EXPORTS = (
    PROJECT.parent / "shared" / "fixtures" / "slack" / "slack-export-viewer-testarchive.zip",
    PROJECT / "tests" / "data" / "importers" / "slack_modern",
)
WAIT_SECONDS = 30

BRIDGE_NOTES = """\ufeffTimestamp;Note;Person;Type;Tool
18.11.2026 13:52;Paged the Payments on-call: CheckoutLatencyHigh;PagerDuty;page;PagerDuty
18.11.2026 13:58;Acknowledged the page and opened #inc-checkout;Marcus Lee;ack;PagerDuty
18.11.2026 14:01;"Bridge call opened; Aiko joins for support";Marcus Lee;action;Zoom
18.11.2026 14:09;Checkout error rate at 64 %, still climbing;Sam Okafor;impact;Grafana
18.11.2026 14:61;Pool graph flat at 200 connections;Sam Okafor;note;Grafana
18.11.2026 14:33;Lock released after the migration session was terminated;Dana Kowalski;mitigation;
18.11.2026 14:41;Error rate below 1 % for five minutes;Sam Okafor;resolution;Grafana
"""
"""Two rows repeat the demo's timeline (duplicates) and one has an impossible time (a problem)."""


def _slack_export() -> Path | None:
    return next((path for path in SLACK_EXPORTS if path.exists()), None)


def _settle_until_idle(dialog: ImportDialog) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    settle()
    while dialog.busy and time.monotonic() < deadline:
        settle()
    settle()


def tour_shots(tour: Tour) -> list[Shot]:
    """List the import dialog at its CSV mapping step and at two previews."""
    folder = Path(tempfile.mkdtemp(prefix="postmortem-desk-import-tour-"))
    notes = folder / "bridge-call-notes.csv"
    notes.write_text(BRIDGE_NOTES, "utf-8")

    def dialog() -> ImportDialog:
        tour.step(MeetingStep.REVIEW, LAPTOP)
        controller = tour.window.controller
        assert controller is not None
        opened = ImportDialog(controller, tour.window)
        opened.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        opened.open()
        return opened

    def csv_mapping() -> QWidget:
        opened = dialog()
        opened.set_path(notes)
        _settle_until_idle(opened)
        return opened

    def preview(path: Path) -> QWidget:
        opened = dialog()
        opened.set_path(path)
        _settle_until_idle(opened)
        opened.start_preview()
        _settle_until_idle(opened)
        return opened

    def slack_preview() -> QWidget:
        export = _slack_export()
        if export is None:
            return csv_mapping()
        return preview(export)

    def problems_preview() -> QWidget:
        return preview(notes)

    def remove_folder() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    return [
        Shot("dialog-import-csv-mapping", csv_mapping),
        Shot("dialog-import-preview-slack", slack_preview),
        Shot("dialog-import-preview-problems", problems_preview, cleanup=remove_folder),
    ]
