"""Export a postmortem's report to PDF, Markdown or Confluence storage XML.

The facilitator picks the format, what goes in and where it goes; the file is written off the
GUI thread with a progress dialog and Cancel, through a temporary file so nothing half-written
is left behind. When it is ready the dialog offers to open it or show it in its folder.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QProcess, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.export.errors import ExportCancelledError
from postmortem_desk.export.jobs import ExportFormat, export_report, report_file_name
from postmortem_desk.export.report_model import (
    EXTERNAL_SECTIONS,
    Audience,
    ReportOptions,
    Section,
    build_report,
)
from postmortem_desk.gui.export.tasks import (
    CancelCheck,
    Progress,
    TaskProgressDialog,
    WordedTask,
    error_text,
)
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.registry import Services

log = logging.getLogger(__name__)

FOLDER_SETTING = "export/folder"
OPEN_SETTING = "export/open_when_done"
FORMAT_TEXT: dict[ExportFormat, tuple[str, str]] = {
    ExportFormat.PDF: ("&PDF", "To read, print and send: cover, contents and charts."),
    ExportFormat.MARKDOWN: ("&Markdown", "Plain text for a wiki, a repository or a ticket."),
    ExportFormat.CONFLUENCE_XML: (
        "Confluence storage &XML",
        "The Confluence page body, to paste into its source editor.",
    ),
}
FORMAT_NOUNS = {
    ExportFormat.PDF: "PDF",
    ExportFormat.MARKDOWN: "Markdown file",
    ExportFormat.CONFLUENCE_XML: "Confluence XML",
}
FILE_FILTERS: dict[ExportFormat, str] = {
    ExportFormat.PDF: "PDF documents (*.pdf)",
    ExportFormat.MARKDOWN: "Markdown (*.md)",
    ExportFormat.CONFLUENCE_XML: "Confluence storage XML (*.xml)",
}


def _camel(value: str) -> str:
    head, *rest = value.split("_")
    return head + "".join(part.capitalize() for part in rest)


def default_folder() -> Path:
    """Return the folder the last export went to, else the user's documents folder."""
    remembered = QSettings().value(FOLDER_SETTING)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def open_file(path: Path) -> bool:
    """Open ``path`` with the program the desktop uses for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show ``path`` selected in the file manager (its folder on desktops that cannot select)."""
    if sys.platform == "win32":
        native = QDir.toNativeSeparators(str(path))
        return QProcess.startDetached("explorer.exe", ["/select,", native])[0]
    if sys.platform == "darwin":
        return QProcess.startDetached("open", ["-R", str(path)])[0]
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class ExportDialog(QDialog):
    """Choose format, contents and destination, then write the report off the GUI thread.

    Signals:
        exported(str): the report was written to this path.
    """

    exported = Signal(str)

    def __init__(
        self,
        services: Services,
        postmortem_id: int,
        *,
        fmt: ExportFormat = ExportFormat.PDF,
        bundle: PostmortemBundle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export report")
        self.setMinimumWidth(720)
        self.services = services
        self.postmortem_id = postmortem_id
        self._bundle = bundle if bundle is not None else services.postmortems.load(postmortem_id)
        self._named_by_us = True
        self._setting_name = False
        self._anonymise_before = False
        self.task: WordedTask | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.exported_path: Path | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("exportPages")
        outer.addWidget(self.pages)
        self.form_page = self._build_form_page()
        self.done_page = self._build_done_page()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.done_page)

        self.format_buttons[fmt].setChecked(True)
        self._on_audience_group_toggled()
        self._set_default_name()
        self.destination_edit.textEdited.connect(self._on_destination_edit_text_edited)
        self.format_group.buttonToggled.connect(self._on_format_group_button_toggled)
        self.audience_group.buttonToggled.connect(self._on_audience_group_toggled)
        self.anonymise_check.toggled.connect(self._on_anonymise_check_toggled)
        self.format_buttons[fmt].setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build_form_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("exportFormPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(6)

        title = QLabel("Export the report", page)
        title.setProperty("role", "sectionTitle")
        layout.addWidget(title)
        subject = self._bundle.postmortem
        key = f"{subject.incident_key} · " if subject.incident_key else ""
        self.subject_label = QLabel(f"{key}{subject.title}", page)
        self.subject_label.setObjectName("exportSubjectLabel")
        self.subject_label.setProperty("role", "muted")
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.subject_label)
        layout.addSpacing(10)

        layout.addWidget(self._heading("Format", page))
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[ExportFormat, QRadioButton] = {}
        formats = QGridLayout()
        formats.setHorizontalSpacing(12)
        formats.setVerticalSpacing(2)
        formats.setContentsMargins(0, 0, 0, 0)
        for row, fmt in enumerate(ExportFormat):
            label, hint = FORMAT_TEXT[fmt]
            button = QRadioButton(label, page)
            button.setObjectName(f"{_camel(fmt.value)}FormatRadio")
            button.setAccessibleName(f"Format: {label.replace('&', '')}")
            self.format_group.addButton(button)
            self.format_buttons[fmt] = button
            formats.addWidget(button, row, 0)
            formats.addWidget(self._hint(hint, page), row, 1)
        formats.setColumnStretch(1, 1)
        formats.setColumnMinimumWidth(0, 210)
        layout.addLayout(formats)
        layout.addSpacing(12)

        layout.addWidget(self._heading("Who it is for", page))
        self.audience_group = QButtonGroup(self)
        self.internal_radio = QRadioButton("&Internal report", page)
        self.internal_radio.setObjectName("internalAudienceRadio")
        self.internal_radio.setAccessibleName("Internal report")
        self.external_radio = QRadioButton("Short e&xternal summary", page)
        self.external_radio.setObjectName("externalAudienceRadio")
        self.external_radio.setAccessibleName("Short external summary")
        self.internal_radio.setChecked(True)
        audience = QGridLayout()
        audience.setHorizontalSpacing(12)
        audience.setVerticalSpacing(2)
        for row, (button, hint) in enumerate(
            (
                (self.internal_radio, "The whole story, for the company."),
                (
                    self.external_radio,
                    "For customers: summary, impact, key times and actions; no names.",
                ),
            )
        ):
            self.audience_group.addButton(button)
            audience.addWidget(button, row, 0)
            audience.addWidget(self._hint(hint, page), row, 1)
        audience.setColumnStretch(1, 1)
        audience.setColumnMinimumWidth(0, 210)
        layout.addLayout(audience)
        layout.addSpacing(4)
        self.anonymise_check = QCheckBox(
            "&Name people by their role (Incident commander, Engineer A, …)", page
        )
        self.anonymise_check.setObjectName("anonymiseCheck")
        self.anonymise_check.setAccessibleName("Anonymise people")
        layout.addWidget(self.anonymise_check)
        self.all_events_check = QCheckBox(
            "Include &all timeline events, not only those marked for the report", page
        )
        self.all_events_check.setObjectName("allEventsCheck")
        self.all_events_check.setAccessibleName("Include all timeline events")
        layout.addWidget(self.all_events_check)
        layout.addSpacing(12)

        layout.addWidget(self._heading("Sections", page))
        self.section_checks: dict[Section, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        columns = 3
        rows = -(-len(Section) // columns)
        for index, section in enumerate(Section):
            check = QCheckBox(section.label, page)
            check.setObjectName(f"{_camel(section.value)}SectionCheck")
            check.setAccessibleName(f"Include {section.label}")
            check.setChecked(True)
            self.section_checks[section] = check
            grid.addWidget(check, index % rows, index // rows)
        grid.setColumnStretch(columns, 1)
        layout.addLayout(grid)
        layout.addSpacing(12)

        layout.addWidget(self._heading("Save as", page))
        save_row = QHBoxLayout()
        save_row.setSpacing(8)
        self.destination_edit = QLineEdit(page)
        self.destination_edit.setObjectName("destinationEdit")
        self.destination_edit.setAccessibleName("File to write")
        self.destination_edit.setClearButtonEnabled(False)
        save_row.addWidget(self.destination_edit, 1)
        self.browse_button = QPushButton("&Browse…", page)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setAccessibleName("Choose the file to write")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        save_row.addWidget(self.browse_button)
        self.destination_edit.setMinimumHeight(self.browse_button.sizeHint().height())
        layout.addLayout(save_row)
        self.open_check = QCheckBox("&Open the file when it is ready", page)
        self.open_check.setObjectName("openWhenDoneCheck")
        self.open_check.setAccessibleName("Open the file when it is ready")
        self.open_check.setChecked(bool(QSettings().value(OPEN_SETTING, True, type=bool)))
        layout.addWidget(self.open_check)

        self.message_label = QLabel(page)
        self.message_label.setObjectName("exportMessageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        layout.addSpacing(4)
        layout.addWidget(self.message_label)
        layout.addStretch(1)

        layout.addSpacing(8)
        buttons = QDialogButtonBox(page)
        self.export_button = QPushButton("&Export", page)
        self.export_button.setObjectName("exportButton")
        self.export_button.setAccessibleName("Export the report")
        self.export_button.setProperty("role", "primary")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton("Cancel", page)
        self.cancel_button.setObjectName("exportCancelButton")
        self.cancel_button.setAccessibleName("Close without exporting")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("exportDonePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        self.done_title = QLabel("The report is ready", page)
        self.done_title.setProperty("role", "sectionTitle")
        layout.addWidget(self.done_title)
        self.done_label = QLabel(page)
        self.done_label.setObjectName("exportDoneLabel")
        self.done_label.setProperty("role", "success")
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.open_button = QPushButton("&Open", page)
        self.open_button.setObjectName("openExportButton")
        self.open_button.setAccessibleName("Open the exported file")
        self.open_button.setProperty("role", "primary")
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.folder_button = QPushButton("Show in &folder", page)
        self.folder_button.setObjectName("showInFolderButton")
        self.folder_button.setAccessibleName("Show the exported file in its folder")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.again_button = QPushButton("Export &another", page)
        self.again_button.setObjectName("exportAgainButton")
        self.again_button.setAccessibleName("Export another file")
        self.again_button.setAutoDefault(False)
        self.again_button.clicked.connect(self._on_again_button_clicked)
        self.close_button = QPushButton("Close", page)
        self.close_button.setObjectName("exportCloseButton")
        self.close_button.setAccessibleName("Close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        return page

    @staticmethod
    def _heading(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setStyleSheet("font-weight: 600;")
        return label

    @staticmethod
    def _hint(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setProperty("role", "hint")
        label.setWordWrap(True)
        return label

    # --- state ------------------------------------------------------------------------------

    def export_format(self) -> ExportFormat:
        """Return the chosen format."""
        return next(fmt for fmt, button in self.format_buttons.items() if button.isChecked())

    def options(self) -> ReportOptions:
        """Return the report options as the dialog shows them."""
        sections = frozenset(s for s, check in self.section_checks.items() if check.isChecked())
        return ReportOptions(
            sections=sections,
            anonymise=self.anonymise_check.isChecked(),
            audience=Audience.EXTERNAL if self.external_radio.isChecked() else Audience.INTERNAL,
            all_events=self.all_events_check.isChecked(),
        )

    def destination(self) -> Path:
        """Return the file the report will be written to (may not exist yet)."""
        return Path(self.destination_edit.text().strip()).expanduser()

    @property
    def busy(self) -> bool:
        """Tell whether an export is running."""
        return self.task is not None

    def _suggested_name(self) -> str:
        report = build_report(self._bundle, self.options())
        return report_file_name(report, self.export_format().suffix)

    def _set_default_name(self) -> None:
        current = self.destination_edit.text().strip()
        folder = Path(current).expanduser().parent if current else default_folder()
        self._setting_name = True
        self.destination_edit.setText(str(folder / self._suggested_name()))
        self._setting_name = False
        self._named_by_us = True

    def _show_message(self, text: str, role: str) -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("role", role)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setVisible(bool(text))

    # --- export -----------------------------------------------------------------------------

    def start_export(self) -> WordedTask | None:
        """Check the destination and start writing; return the running task."""
        if self.task is not None:
            return self.task
        problem = self._destination_problem()
        if problem:
            self._show_message(problem, "danger")
            self.destination_edit.setFocus()
            return None
        destination = self.destination()
        if destination.exists() and not self._confirm_replace(destination):
            return None
        options = self.options()
        fmt = self.export_format()
        services = self.services
        postmortem_id = self.postmortem_id

        def work(progress: Progress, cancelled: CancelCheck) -> Path:
            bundle = services.postmortems.load(postmortem_id)
            return export_report(
                bundle,
                destination,
                fmt=fmt,
                options=options,
                progress=progress,
                cancelled=cancelled,
            )

        self._show_message("", "muted")
        self.task = WordedTask(work, self)
        self.progress_dialog = TaskProgressDialog(
            "Export report", f"Exporting the {FORMAT_NOUNS[fmt]}", str(destination), self
        )
        self.progress_dialog.follow(self.task)
        self.task.succeeded.connect(self._on_task_succeeded)
        self.task.failed.connect(self._on_task_failed)
        self.task.finished.connect(self._on_task_finished)
        self.export_button.setEnabled(False)
        QSettings().setValue(FOLDER_SETTING, str(destination.parent))
        QSettings().setValue(OPEN_SETTING, self.open_check.isChecked())
        self.progress_dialog.open()
        self.task.start()
        return self.task

    def cancel_export(self) -> None:
        """Ask the running export to stop, as the progress dialog's Cancel does."""
        if self.progress_dialog is not None and self.task is not None:
            self.progress_dialog.cancel_button.click()

    def _destination_problem(self) -> str:
        text = self.destination_edit.text().strip()
        if not text:
            return "Choose where to save the report."
        path = self.destination()
        if path.is_dir():
            return f"{path} is a folder. Add a file name, such as {self._suggested_name()}."
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist. Choose an existing folder."
        return ""

    def _confirm_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace the file?",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_task_succeeded(self, result: object) -> None:
        assert isinstance(result, Path)
        self.exported_path = result
        self.done_label.setText(f"Saved {result.name}\nin {result.parent}")
        self.open_button.setText("&Open PDF" if result.suffix == ".pdf" else "&Open")
        self.pages.setCurrentWidget(self.done_page)
        self.open_button.setFocus()
        self.exported.emit(str(result))
        if self.open_check.isChecked():
            open_file(result)

    def _on_task_failed(self, error: object) -> None:
        if isinstance(error, ExportCancelledError):
            self._show_message("Export cancelled. Nothing was written.", "warning")
            return
        if not isinstance(error, UserFacingError):
            log.error("The export failed unexpectedly", exc_info=error)  # type: ignore[arg-type]
        self._show_message(f"The report was not written. {error_text(error)}", "danger")

    def _on_task_finished(self) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        if self.pages.currentWidget() is self.form_page:
            self.export_button.setFocus()

    # --- slots ------------------------------------------------------------------------------

    def _on_format_group_button_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        if self._named_by_us:
            self._set_default_name()
            return
        path = self.destination()
        if path.suffix.lower() in {f.suffix for f in ExportFormat}:
            self.destination_edit.setText(str(path.with_suffix(self.export_format().suffix)))

    def _on_audience_group_toggled(self) -> None:
        external = self.external_radio.isChecked()
        for section, check in self.section_checks.items():
            allowed = not external or section in EXTERNAL_SECTIONS
            check.setEnabled(allowed)
            check.setToolTip("" if allowed else "Not part of the external summary")
        self.anonymise_check.setEnabled(not external)
        self.anonymise_check.setToolTip(
            "The external summary always names people by their role" if external else ""
        )
        if external:
            self._anonymise_before = self.anonymise_check.isChecked()
            self.anonymise_check.setChecked(True)
        else:
            self.anonymise_check.setChecked(self._anonymise_before)
        if self._named_by_us and self.destination_edit.text():
            self._set_default_name()

    def _on_anonymise_check_toggled(self, checked: bool) -> None:
        if self._named_by_us:
            self._set_default_name()

    def _on_destination_edit_text_edited(self, text: str) -> None:
        if not self._setting_name:
            self._named_by_us = False
        self._show_message("", "muted")

    def _on_browse_button_clicked(self) -> None:
        fmt = self.export_format()
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the report as", str(self.destination()), FILE_FILTERS[fmt]
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(fmt.suffix)
        self.destination_edit.setText(str(path))
        self._named_by_us = False

    def _on_open_button_clicked(self) -> None:
        if self.exported_path is not None:
            open_file(self.exported_path)

    def _on_folder_button_clicked(self) -> None:
        if self.exported_path is not None:
            show_in_folder(self.exported_path)

    def _on_again_button_clicked(self) -> None:
        self.pages.setCurrentWidget(self.form_page)
        self.export_button.setFocus()

    def reject(self) -> None:
        """Close, unless an export is running (its progress dialog owns Cancel)."""
        if self.task is not None:
            self.cancel_export()
            return
        super().reject()
