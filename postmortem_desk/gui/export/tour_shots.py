"""Pictures of the export dialog, its progress dialog and the publish dialog for the tour.

Nothing here writes to the library: the publish dialog's fields are typed into the widgets only.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QWidget

from postmortem_desk.export.credentials import CredentialStore
from postmortem_desk.export.outbox import JobOutcome
from postmortem_desk.gui.export.export_dialog import ExportDialog
from postmortem_desk.gui.export.publish_dialog import PublishDialog
from postmortem_desk.gui.export.tasks import TaskProgressDialog
from postmortem_desk.gui.tour import Shot, Tour, settle


def _publish_dialog(tour: Tour) -> PublishDialog:
    dialog = PublishDialog(tour.services, tour.demo_id, CredentialStore(), parent=tour.window)
    deadline = time.monotonic() + 5
    while dialog.busy and time.monotonic() < deadline:
        settle()
    dialog.url_edit.setText("https://acme.atlassian.net")
    dialog.space_edit.setText("OPS")
    dialog.parent_edit.setText("524289")
    dialog.user_edit.setText("priya@acme.example")
    dialog.open()
    return dialog


def tour_shots(tour: Tour) -> list[Shot]:
    """List the export dialog, its progress dialog and the publish dialog."""
    opened: list[QWidget] = []

    def export_dialog() -> QWidget:
        tour.window.show_library()
        dialog = ExportDialog(tour.services, tour.demo_id, parent=tour.window)
        dialog.open()
        return dialog

    def progress_dialog() -> QWidget:
        tour.window.show_library()
        parent = ExportDialog(tour.services, tour.demo_id, parent=tour.window)
        parent.open()
        opened.append(parent)
        progress = TaskProgressDialog(
            "Export report", "Exporting the PDF", str(parent.destination()), parent
        )
        progress.show_progress(0.46, "Drawing the timeline chart")
        progress.open()
        return progress

    def publish_dialog() -> QWidget:
        return _publish_dialog(tour)

    def publish_queued() -> QWidget:
        dialog = _publish_dialog(tour)
        dialog.show_outcome(
            JobOutcome(
                0,
                tour.demo_id,
                "pending",
                "Cannot reach Confluence at https://acme.atlassian.net while checking who is "
                "signed in (timed out).",
            )
        )
        return dialog

    def close_opened() -> None:
        while opened:
            opened.pop().close()

    return [
        Shot("dialog-export-report", export_dialog),
        Shot("dialog-export-progress", progress_dialog, cleanup=close_opened),
        Shot("dialog-publish-confluence", publish_dialog),
        Shot("dialog-publish-queued", publish_queued),
    ]
