"""Import a timeline from a file: choose it, set its options, preview, import, undo as one step.

The dialog walks four pages: the file and its options (Slack channels and a time window, the CSV
column mapping, the day of pasted chat), a progress page while the file is read or written off the
GUI thread, the preview (events, duplicates, problems, key times) and a summary. Nothing is written
before the facilitator presses Import; the import is one transaction and one undo step.
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSettings, Qt, QThreadPool, QTime, QTimeZone, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.enums import EventKind, Milestone
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.gui.background import BackgroundTask
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.importing.import_command import ImportCommand, Notify
from postmortem_desk.gui.importing.models import (
    ACTOR,
    KIND,
    LEVEL,
    MESSAGE,
    SOURCE,
    STATUS,
    TEXT,
    TIME,
    WHERE,
    CsvSampleModel,
    IssueModel,
    PreviewEventModel,
    PreviewFilterModel,
    SlackChannelModel,
    preview_issues,
)
from postmortem_desk.gui.style import colour
from postmortem_desk.gui.timeline.timeline_model import kind_colour
from postmortem_desk.importers import (
    CsvLayout,
    ImportCancelled,
    ImportFailed,
    ImportFormat,
    ImportOptions,
    SlackChannel,
    detect_format,
    inspect_csv,
    parse_file,
    slack_channels,
)
from postmortem_desk.services.quick_capture import zone_of
from postmortem_desk.services.timeline_import import ImportPreview, ImportService

log = logging.getLogger(__name__)

FOLDER_SETTING = "import/folder"
STEPS = 1000
PARSE_SHARE = 800
"""Of the bar's STEPS, how much reading the file takes; comparing with the timeline is the rest."""
WINDOW_MARGIN = timedelta(hours=1)
"""How far before the first and after the last key time the default time window reaches."""
MAPPED_FIELDS = ("time", "text", "actor", "kind", "source")
REQUIRED = ("time", "text")
FIELD_LABELS = {
    "time": "Time",
    "text": "What happened",
    "actor": "Who",
    "kind": "Kind",
    "source": "Source",
}
DELIMITER_NAMES = {",": "commas (,)", ";": "semicolons (;)", "\t": "tabs"}
FILE_FILTER = (
    "Timeline exports (*.zip *.json *.csv *.tsv *.txt *.log);;"
    "Slack export (*.zip);;JSON (*.json);;CSV or TSV (*.csv *.tsv);;Chat text (*.txt *.log);;"
    "All files (*)"
)
INCIDENT_ZONE = "incident"
HEAD_BYTES = 4096
HEAD_LINES = 14
_HAS_OFFSET = re.compile(r"(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})\s*$|^\s*\d{10}(?:\d{3})?(?:\.\d+)?\s*$")

Report = Callable[[int, int], None]
Cancelled = Callable[[], bool]


# --- Work that runs off the GUI thread ----------------------------------------------------------


@dataclass(frozen=True)
class FileLook:
    """What the options step needs to know about a file: its format and format details."""

    path: Path
    fmt: ImportFormat | None
    detected: bool
    channels: tuple[SlackChannel, ...] = ()
    csv_layout: CsvLayout | None = None
    head: str = ""
    error: str = ""


def look_at_file(path: Path, fmt: ImportFormat | None) -> FileLook:
    """Detect the format (unless given) and read what the options step shows; never raises."""
    detected = fmt is None
    try:
        if fmt is None:
            fmt = detect_format(path)
        if fmt is ImportFormat.SLACK:
            return FileLook(path, fmt, detected, channels=tuple(slack_channels(path)))
        if fmt is ImportFormat.CSV:
            return FileLook(path, fmt, detected, csv_layout=inspect_csv(path))
        if path.is_dir():
            raise ImportFailed(f"{path} is a folder; only a Slack export can be a folder.")
        return FileLook(path, fmt, detected, head=_head(path) if fmt is ImportFormat.TEXT else "")
    except ImportFailed as error:
        return FileLook(path, fmt, detected and fmt is not None, error=str(error))


def _head(path: Path) -> str:
    """Return the first lines of a text file, for the chat options to show."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(HEAD_BYTES)
    except OSError:
        return ""
    lines = raw.decode("utf-8-sig", errors="replace").splitlines()[:HEAD_LINES]
    return "\n".join(lines)


def _stop_if_cancelled(cancelled: Cancelled, file_name: str) -> None:
    if cancelled():
        raise ImportCancelled(
            f"The import of {file_name} was cancelled; nothing was written.", file=file_name
        )


def read_and_preview(
    imports: ImportService,
    postmortem_id: int,
    path: Path,
    fmt: ImportFormat,
    options: ImportOptions,
    report: Report,
    cancelled: Cancelled,
) -> ImportPreview:
    """Parse ``path`` and compare its events with the timeline; write nothing."""
    name = path.name

    def parsing(done: int, total: int) -> None:
        report(PARSE_SHARE * done // total if total else 0, STEPS)

    def comparing(done: int, total: int) -> None:
        share = STEPS - PARSE_SHARE
        report(PARSE_SHARE + (share * done // total if total else 0), STEPS)

    _stop_if_cancelled(cancelled, name)
    parsed = parse_file(path, fmt, options, progress=parsing, cancel=cancelled)
    _stop_if_cancelled(cancelled, name)
    report(PARSE_SHARE, STEPS)
    preview = imports.preview(postmortem_id, parsed, progress=comparing, cancel=cancelled)
    _stop_if_cancelled(cancelled, name)
    report(STEPS, STEPS)
    return preview


@dataclass(frozen=True)
class Applied:
    """What an import wrote."""

    batch_id: int
    event_count: int
    skipped_count: int


def apply_preview(
    imports: ImportService,
    preview: ImportPreview,
    accept_problems: bool,
    report: Report,
    cancelled: Cancelled,
) -> Applied:
    """Write the previewed events in one transaction; Cancel rolls everything back."""
    batch = imports.apply(
        int(preview.postmortem_id),
        preview,
        preview.file_name,
        accept_problems=accept_problems,
        progress=report,
        cancel=cancelled,
    )
    assert batch.id is not None
    return Applied(int(batch.id), batch.event_count, batch.skipped_count)


# --- Small helpers ------------------------------------------------------------------------------


def offset_label(offset_minutes: int) -> str:
    """Write a fixed offset as ``UTC``, ``UTC+01:00`` or ``UTC-05:30``."""
    if offset_minutes == 0:
        return "UTC"
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def needs_zone(values: list[str]) -> bool:
    """Tell whether some of the sample times are written without a UTC offset."""
    return any(value.strip() and not _HAS_OFFSET.search(value) for value in values)


def default_window(postmortem: Postmortem) -> tuple[datetime, datetime] | None:
    """Reach from an hour before the first key time to an hour after the last one."""
    moments = [
        moment
        for moment in (
            postmortem.started_at,
            postmortem.detected_at,
            postmortem.acknowledged_at,
            postmortem.mitigated_at,
            postmortem.resolved_at,
        )
        if moment is not None
    ]
    if not moments:
        return None
    return min(moments) - WINDOW_MARGIN, max(moments) + WINDOW_MARGIN


def _camel(value: str) -> str:
    head, *rest = value.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _label(text: str, parent: QWidget, role: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        label.setProperty("role", role)
    return label


def _set_role(label: QLabel, role: str) -> None:
    """Restyle ``label`` for ``role``; a fresh own style sheet makes Qt apply the padding too."""
    label.setProperty("role", role)
    label.setStyleSheet(f"/* {role} */")


def _button(text: str, name: str, accessible: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setAutoDefault(False)
    return button


def _primary(button: QPushButton) -> None:
    """Make ``button`` the page's main action; greyed clearly while it cannot be used."""
    button.setProperty("role", "primary")
    button.setStyleSheet(
        "QPushButton:disabled { "
        f"background: {colour('border').name()}; color: {colour('muted').name()}; "
        f"border: 1px solid {colour('border').name()}; }}"
    )


def _table(name: str, accessible: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setCornerButtonEnabled(False)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(30)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def zone_choices(incident_offset: int) -> list[tuple[str, str]]:
    """List (key, label) for the zone combo: the incident's, UTC, this computer's, then all."""
    choices = [
        (INCIDENT_ZONE, f"The incident's zone ({offset_label(incident_offset)})"),
        ("UTC", "UTC"),
    ]
    system = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    names = sorted(zoneinfo.available_timezones())
    if system in names and system not in ("UTC", "Etc/UTC"):
        choices.append((system, f"This computer ({system})"))
    choices.extend((name, name) for name in names if not name.startswith(("Etc/", "SystemV/")))
    return choices


class OptionPages(QWidget):
    """Show one page of options at a time, sized by that page alone (unlike QStackedWidget)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        """Add a page, hidden until it is made current."""
        page.setParent(self)
        self._layout.addWidget(page)
        self._pages.append(page)
        page.setVisible(self._current is None)
        if self._current is None:
            self._current = page

    def setCurrentWidget(self, page: QWidget) -> None:
        """Show ``page`` and hide the others."""
        self._current = page
        for other in self._pages:
            other.setVisible(other is page)

    def currentWidget(self) -> QWidget | None:
        """Return the page on show."""
        return self._current


# --- The dialog ---------------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Import a Slack, PagerDuty, Alertmanager, CSV or chat file into the open timeline.

    Signals:
        imported(int): the import was written as this batch (and pushed onto the undo stack).
    """

    imported = Signal(int)

    def __init__(
        self,
        controller: PostmortemController,
        parent: QWidget | None = None,
        *,
        notify: Notify | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import a timeline")
        self.setMinimumSize(900, 620)
        self.resize(1180, 740)
        self.setAcceptDrops(True)
        self.controller = controller
        self.imports: ImportService = controller.services.imports
        self.postmortem_id = int(controller.postmortem_id)
        self.pool: QThreadPool | None = None
        """The thread pool the work runs on; None means Qt's global pool."""
        self._notify = notify
        postmortem = controller.bundle.postmortem
        self.zone: tzinfo = zone_of(postmortem.incident_utc_offset_minutes)
        self.zone_label = offset_label(postmortem.incident_utc_offset_minutes)
        self.look: FileLook | None = None
        self.preview: ImportPreview | None = None
        self.applied: Applied | None = None
        self.task: BackgroundTask | None = None
        self._task_kind = ""
        self._close_when_idle = False
        self._zone_needed = True

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("importPages")
        outer.addWidget(self.pages)
        self.source_page = self._build_source_page()
        self.working_page = self._build_working_page()
        self.preview_page = self._build_preview_page()
        self.done_page = self._build_done_page()
        for page in (self.source_page, self.working_page, self.preview_page, self.done_page):
            self.pages.addWidget(page)
        self._reset_window(None)
        self._show_options()
        self._show_page(self.source_page)
        self.path_edit.setFocus()

    # --- building: the file and its options ---------------------------------------------------

    def _build_source_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importSourcePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(6)
        layout.addWidget(_label("Import a timeline", page, "sectionTitle"))
        title = self.controller.bundle.postmortem.title
        subject = _label(
            f"Into “{title}”. Nothing is written until you have seen the preview.", page, "muted"
        )
        subject.setWordWrap(True)
        layout.addWidget(subject)
        layout.addSpacing(12)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnMinimumWidth(0, 96)
        grid.setColumnStretch(1, 1)
        file_label = _label("&File", page)
        grid.addWidget(file_label, 0, 0)
        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.setAccessibleName("File or folder to import")
        self.path_edit.setPlaceholderText("Choose a file, or drop it here")
        self.path_edit.returnPressed.connect(self._on_path_edit_return_pressed)
        file_label.setBuddy(self.path_edit)
        file_row.addWidget(self.path_edit, 1)
        self.choose_file_button = _button(
            "Choose f&ile…", "chooseFileButton", "Choose the file to import", page
        )
        self.choose_file_button.clicked.connect(self._on_choose_file_button_clicked)
        file_row.addWidget(self.choose_file_button)
        self.choose_folder_button = _button(
            "Unpacked Slack f&older…",
            "chooseFolderButton",
            "Choose an unpacked Slack export folder",
            page,
        )
        self.choose_folder_button.clicked.connect(self._on_choose_folder_button_clicked)
        file_row.addWidget(self.choose_folder_button)
        self.path_edit.setMinimumHeight(self.choose_file_button.sizeHint().height())
        grid.addLayout(file_row, 0, 1)
        grid.addWidget(
            _label(
                "A Slack export (ZIP or folder), PagerDuty or Alertmanager JSON, a CSV sheet, or "
                "chat text saved as .txt.",
                page,
                "hint",
            ),
            1,
            1,
        )

        format_label = _label("Fo&rmat", page)
        grid.addWidget(format_label, 2, 0)
        format_row = QHBoxLayout()
        format_row.setSpacing(12)
        self.format_combo = QComboBox(page)
        self.format_combo.setObjectName("importFormatCombo")
        self.format_combo.setAccessibleName("Format of the file")
        self.format_combo.setPlaceholderText("Choose the format")
        for fmt in ImportFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
        self.format_combo.setCurrentIndex(-1)
        self.format_combo.setMinimumWidth(320)
        self.format_combo.activated.connect(self._on_format_combo_activated)
        format_label.setBuddy(self.format_combo)
        format_row.addWidget(self.format_combo)
        self.format_hint = _label("", page, "hint")
        self.format_hint.setObjectName("importFormatHint")
        format_row.addWidget(self.format_hint, 1)
        grid.addLayout(format_row, 2, 1)
        layout.addLayout(grid)
        layout.addSpacing(10)

        self.options_card = QFrame(page)
        self.options_card.setObjectName("importOptionsCard")
        self.options_card.setProperty("role", "card")
        card = QVBoxLayout(self.options_card)
        card.setContentsMargins(18, 14, 18, 14)
        card.setSpacing(8)
        self.options_stack = OptionPages(self.options_card)
        self.options_stack.setObjectName("importOptionsStack")
        self.empty_options = self._build_empty_options()
        self.slack_options = self._build_slack_options()
        self.csv_options = self._build_csv_options()
        self.text_options = self._build_text_options()
        self.plain_options = self._build_plain_options()
        for widget in (
            self.empty_options,
            self.slack_options,
            self.csv_options,
            self.text_options,
            self.plain_options,
        ):
            self.options_stack.addWidget(widget)
        card.addWidget(self.options_stack, 1)
        card.addWidget(self._build_zone_row(self.options_card))
        card.addWidget(self._build_window_row(self.options_card))
        lead = max(self.zone_lead.sizeHint().width(), self.window_check.sizeHint().width())
        self.zone_lead.setFixedWidth(lead)
        self.window_check.setFixedWidth(lead)
        layout.addWidget(self.options_card, 1)
        self.source_layout = layout
        layout.addStretch(0)

        self.source_message = _label("", page)
        self.source_message.setObjectName("importSourceMessage")
        self.source_message.setWordWrap(True)
        self.source_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_message.hide()
        layout.addSpacing(4)
        layout.addWidget(self.source_message)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        self.source_cancel_button = _button(
            "Cancel", "importSourceCancelButton", "Close without importing", page
        )
        self.source_cancel_button.clicked.connect(self.reject)
        self.preview_button = _button(
            "&Preview", "importPreviewButton", "Read the file and preview the import", page
        )
        _primary(self.preview_button)
        self.preview_button.clicked.connect(self.start_preview)
        buttons.addWidget(self.source_cancel_button)
        buttons.addWidget(self.preview_button)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    def _build_empty_options(self) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        self.empty_label = _label(
            "Choose a file above, or drop one here, to see what it holds.", widget, "muted"
        )
        self.empty_label.setObjectName("importEmptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        return widget

    def _build_slack_options(self) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(_label("Channels", widget, "sectionTitle"))
        self.channel_hint = _label("", widget, "hint")
        head.addWidget(self.channel_hint, 1)
        self.all_channels_button = _button(
            "Select &all", "allChannelsButton", "Select every channel", widget
        )
        self.all_channels_button.clicked.connect(self._on_all_channels_button_clicked)
        self.no_channels_button = _button(
            "Select &none", "noChannelsButton", "Select no channel", widget
        )
        self.no_channels_button.clicked.connect(self._on_no_channels_button_clicked)
        head.addWidget(self.all_channels_button)
        head.addWidget(self.no_channels_button)
        layout.addLayout(head)
        self.channel_model = SlackChannelModel()
        self.channel_model.dataChanged.connect(self._on_channel_model_data_changed)
        self.channel_table = _table("slackChannelTable", "Slack channels to import", widget)
        self.channel_table.setModel(self.channel_model)
        header = self.channel_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 130), (3, 130)):
            self.channel_table.setColumnWidth(column, width)
        layout.addWidget(self.channel_table, 1)
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.channel_table)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self._on_channel_space_activated)
        return widget

    def _build_csv_options(self) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(_label("Columns", widget, "sectionTitle"))
        self.delimiter_label = _label("", widget, "hint")
        self.delimiter_label.setObjectName("csvDelimiterLabel")
        head.addWidget(self.delimiter_label, 1)
        layout.addLayout(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.field_combos: dict[str, QComboBox] = {}
        for column, field in enumerate(MAPPED_FIELDS):
            mark = " (required)" if field in REQUIRED else ""
            label = _label(f"{FIELD_LABELS[field]}{mark}", widget, "hint")
            combo = QComboBox(widget)
            combo.setObjectName(f"csv{field.capitalize()}Combo")
            combo.setAccessibleName(f"Column that holds {FIELD_LABELS[field].lower()}")
            combo.activated.connect(self._on_field_combo_activated)
            label.setBuddy(combo)
            grid.addWidget(label, 0, column)
            grid.addWidget(combo, 1, column)
            grid.setColumnStretch(column, 1)
            self.field_combos[field] = combo
        layout.addLayout(grid)
        layout.addSpacing(4)
        layout.addWidget(_label("The first rows of the file", widget, "hint"))
        self.sample_model = CsvSampleModel()
        self.sample_table = _table("csvSampleTable", "The first rows of the file", widget)
        self.sample_table.setModel(self.sample_model)
        self.sample_table.horizontalHeader().setStretchLastSection(True)
        self.sample_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.sample_table, 1)
        return widget

    def _build_text_options(self) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(_label("Chat lines", widget, "sectionTitle"))
        row = QHBoxLayout()
        row.setSpacing(12)
        label = _label("Lines with only a time are on", widget)
        self.incident_date_edit = QDateEdit(widget)
        self.incident_date_edit.setObjectName("incidentDateEdit")
        self.incident_date_edit.setAccessibleName("Date of lines that carry only a time")
        self.incident_date_edit.setCalendarPopup(True)
        self.incident_date_edit.setDisplayFormat("yyyy-MM-dd (ddd)")
        self.incident_date_edit.setMinimumWidth(180)
        label.setBuddy(self.incident_date_edit)
        row.addWidget(label)
        row.addWidget(self.incident_date_edit)
        row.addStretch(1)
        layout.addLayout(row)
        hint = _label(
            "Lines such as “14:02 alice: restarted db”, “[2024-03-01 14:02:11] alice: …” or "
            "“alice [2:02 PM]: …”. A line without a time continues the message above it; "
            "when the clock passes midnight the next day begins.",
            widget,
            "hint",
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addSpacing(4)
        layout.addWidget(_label("The first lines of the file", widget, "hint"))
        self.text_head = QPlainTextEdit(widget)
        self.text_head.setObjectName("chatHeadView")
        self.text_head.setAccessibleName("The first lines of the file")
        self.text_head.setReadOnly(True)
        self.text_head.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_head.setTabChangesFocus(True)
        layout.addWidget(self.text_head, 1)
        return widget

    def _build_plain_options(self) -> QWidget:
        widget = QWidget(self)
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.plain_title = _label("", widget, "sectionTitle")
        layout.addWidget(self.plain_title)
        self.plain_hint = _label("", widget, "muted")
        self.plain_hint.setWordWrap(True)
        layout.addWidget(self.plain_hint)
        layout.addStretch(1)
        return widget

    def _build_zone_row(self, parent: QWidget) -> QWidget:
        self.zone_row = QWidget(parent)
        row = QHBoxLayout(self.zone_row)
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(12)
        label = _label("Times without a UTC offset are in", self.zone_row)
        self.zone_lead = label
        self.zone_combo = QComboBox(self.zone_row)
        self.zone_combo.setObjectName("importZoneCombo")
        self.zone_combo.setAccessibleName("Time zone of times without an offset")
        self.zone_combo.setMaxVisibleItems(16)
        self.zone_combo.setMinimumWidth(280)
        offset = self.controller.bundle.postmortem.incident_utc_offset_minutes
        for key, text in zone_choices(offset):
            self.zone_combo.addItem(text, key)
        label.setBuddy(self.zone_combo)
        row.addWidget(label)
        row.addWidget(self.zone_combo)
        self.zone_hint = _label("", self.zone_row, "hint")
        row.addWidget(self.zone_hint, 1)
        return self.zone_row

    def _build_window_row(self, parent: QWidget) -> QWidget:
        self.window_row = QWidget(parent)
        layout = QVBoxLayout(self.window_row)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.window_check = QCheckBox("Only &events between", self.window_row)
        self.window_check.setObjectName("timeWindowCheck")
        self.window_check.setAccessibleName("Import only events inside a time window")
        self.window_check.toggled.connect(self._on_window_check_toggled)
        row.addWidget(self.window_check)
        self.since_edit = self._moment_edit("sinceEdit", "Start of the time window")
        self.until_edit = self._moment_edit("untilEdit", "End of the time window")
        row.addWidget(self.since_edit)
        row.addWidget(_label("and", self.window_row))
        row.addWidget(self.until_edit)
        row.addWidget(_label(f"({self.zone_label}, the incident's zone)", self.window_row, "hint"))
        row.addStretch(1)
        layout.addLayout(row)
        self.window_hint = _label("", self.window_row, "hint")
        self.window_hint.setObjectName("timeWindowHint")
        self.window_hint.setWordWrap(True)
        layout.addWidget(self.window_hint)
        return self.window_row

    def _moment_edit(self, name: str, accessible: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(self.window_row)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setTimeZone(QTimeZone.utc())
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(170)
        return edit

    # --- building: progress, preview, done ----------------------------------------------------

    def _build_working_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importWorkingPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(10)
        layout.addStretch(2)
        self.working_title = _label("", page, "sectionTitle")
        self.working_title.setObjectName("importWorkingTitle")
        self.working_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.working_title)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setObjectName("importProgressBar")
        self.progress_bar.setAccessibleName("Progress")
        self.progress_bar.setRange(0, STEPS)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)
        self.progress_bar.setStyleSheet(
            f"QProgressBar {{ background: {colour('border').name()}; border: none;"
            " border-radius: 4px; }"
            f"QProgressBar::chunk {{ background: {colour('accent').name()};"
            " border-radius: 4px; }"
        )
        bar_row = QHBoxLayout()
        bar_row.addStretch(1)
        bar_row.addWidget(self.progress_bar, 4)
        bar_row.addStretch(1)
        layout.addSpacing(6)
        layout.addLayout(bar_row)
        self.working_status = _label("", page, "muted")
        self.working_status.setObjectName("importWorkingStatus")
        self.working_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.working_status)
        layout.addSpacing(8)
        cancel_row = QHBoxLayout()
        cancel_row.addStretch(1)
        self.working_cancel_button = _button(
            "Cancel", "importWorkingCancelButton", "Stop; nothing is written", page
        )
        self.working_cancel_button.clicked.connect(self.cancel_task)
        cancel_row.addWidget(self.working_cancel_button)
        cancel_row.addStretch(1)
        layout.addLayout(cancel_row)
        layout.addStretch(3)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importPreviewPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(6)
        self.preview_title = _label("", page, "sectionTitle")
        self.preview_title.setObjectName("importPreviewTitle")
        layout.addWidget(self.preview_title)
        self.preview_summary = _label("", page, "muted")
        self.preview_summary.setObjectName("importPreviewSummary")
        self.preview_summary.setWordWrap(True)
        layout.addWidget(self.preview_summary)
        self.kind_row = QHBoxLayout()
        self.kind_row.setSpacing(6)
        self.kind_row.setContentsMargins(0, 4, 0, 2)
        layout.addLayout(self.kind_row)
        self.key_times_label = _label("", page)
        self.key_times_label.setObjectName("importKeyTimesLabel")
        self.key_times_label.setWordWrap(True)
        layout.addWidget(self.key_times_label)
        layout.addSpacing(4)

        self.preview_splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.preview_splitter.setObjectName("importPreviewSplitter")
        self.preview_splitter.setChildrenCollapsible(False)
        events_box = QWidget(self.preview_splitter)
        events_layout = QVBoxLayout(events_box)
        events_layout.setContentsMargins(0, 0, 0, 0)
        events_layout.setSpacing(4)
        events_head = QHBoxLayout()
        self.events_heading = _label("Events", events_box, "sectionTitle")
        events_head.addWidget(self.events_heading)
        events_head.addStretch(1)
        self.hide_duplicates_check = QCheckBox("&Hide events already in the timeline", events_box)
        self.hide_duplicates_check.setObjectName("hideDuplicatesCheck")
        self.hide_duplicates_check.setAccessibleName("Hide events already in the timeline")
        self.hide_duplicates_check.toggled.connect(self._on_hide_duplicates_check_toggled)
        events_head.addWidget(self.hide_duplicates_check)
        events_layout.addLayout(events_head)
        self.event_model = PreviewEventModel()
        self.event_proxy = PreviewFilterModel()
        self.event_proxy.setSourceModel(self.event_model)
        self.event_table = _table("importEventTable", "Events in the file", events_box)
        self.event_table.setModel(self.event_proxy)
        self.event_table.setSortingEnabled(True)
        self.event_table.sortByColumn(TIME, Qt.SortOrder.AscendingOrder)
        header = self.event_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((KIND, 166), (SOURCE, 150), (ACTOR, 140), (STATUS, 180)):
            self.event_table.setColumnWidth(column, width)
        events_layout.addWidget(self.event_table, 1)
        self.preview_splitter.addWidget(events_box)

        issues_box = QWidget(self.preview_splitter)
        issues_layout = QVBoxLayout(issues_box)
        issues_layout.setContentsMargins(0, 6, 0, 0)
        issues_layout.setSpacing(4)
        self.issues_heading = _label("Not imported", issues_box, "sectionTitle")
        issues_layout.addWidget(self.issues_heading)
        self.issue_model = IssueModel()
        self.issue_table = _table("importIssueTable", "Problems and records left out", issues_box)
        self.issue_table.setModel(self.issue_model)
        self.issue_table.setWordWrap(True)
        issue_header = self.issue_table.horizontalHeader()
        issue_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        issue_header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.issue_table.setColumnWidth(LEVEL, 96)
        self.issue_table.setColumnWidth(1, 200)
        self.issue_table.setColumnWidth(WHERE, 230)
        issue_header.sectionResized.connect(self._on_issue_header_section_resized)
        issues_layout.addWidget(self.issue_table, 1)
        self.preview_splitter.addWidget(issues_box)
        self.preview_splitter.setStretchFactor(0, 3)
        self.preview_splitter.setStretchFactor(1, 1)
        layout.addWidget(self.preview_splitter, 1)

        self.problems_frame = QFrame(page)
        self.problems_frame.setObjectName("importProblemsFrame")
        self.problems_frame.setStyleSheet(
            f"#importProblemsFrame {{ background: {colour('danger_soft').name()}; "
            "border-radius: 6px; }"
            f"#importProblemsFrame QLabel {{ color: {colour('danger').name()}; }}"
        )
        problems_layout = QHBoxLayout(self.problems_frame)
        problems_layout.setContentsMargins(12, 8, 12, 8)
        problems_layout.setSpacing(16)
        self.problems_label = _label("", self.problems_frame)
        self.problems_label.setObjectName("importProblemsLabel")
        self.problems_label.setWordWrap(True)
        problems_layout.addWidget(self.problems_label, 1)
        self.problems_check = QCheckBox("I&mport the rest anyway", self.problems_frame)
        self.problems_check.setObjectName("importAnywayCheck")
        self.problems_check.setAccessibleName("Import the readable records anyway")
        self.problems_check.toggled.connect(self._on_problems_check_toggled)
        problems_layout.addWidget(self.problems_check)
        layout.addSpacing(4)
        layout.addWidget(self.problems_frame)
        self.preview_message = _label("", page)
        self.preview_message.setObjectName("importPreviewMessage")
        self.preview_message.setWordWrap(True)
        self.preview_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_message.hide()
        layout.addWidget(self.preview_message)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.back_button = _button(
            "&Back", "importBackButton", "Back to the file and options", page
        )
        self.back_button.clicked.connect(self._on_back_button_clicked)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        self.preview_cancel_button = _button(
            "Cancel", "importPreviewCancelButton", "Close without importing", page
        )
        self.preview_cancel_button.clicked.connect(self.reject)
        self.import_button = _button("&Import", "importButton", "Import the new events", page)
        _primary(self.import_button)
        self.import_button.clicked.connect(self.start_import)
        buttons.addWidget(self.preview_cancel_button)
        buttons.addWidget(self.import_button)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("importDonePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(8)
        layout.addStretch(2)
        card = QFrame(page)
        card.setObjectName("importDoneCard")
        card.setProperty("role", "card")
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        self.done_title = _label("", card, "sectionTitle")
        self.done_title.setObjectName("importDoneTitle")
        self.done_title.setWordWrap(True)
        inner.addWidget(self.done_title)
        self.done_label = _label("", card, "success")
        self.done_label.setObjectName("importDoneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(self.done_label)
        self.done_details = _label("", card, "muted")
        self.done_details.setObjectName("importDoneDetails")
        self.done_details.setWordWrap(True)
        inner.addWidget(self.done_details)
        undo_key = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.undo_hint = _label(
            f"Changed your mind? Edit → Undo ({undo_key}) removes the whole import in one step.",
            card,
            "hint",
        )
        self.undo_hint.setWordWrap(True)
        inner.addSpacing(4)
        inner.addWidget(self.undo_hint)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 3)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addStretch(3)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.again_button = _button(
            "Import &another file", "importAgainButton", "Import another file", page
        )
        self.again_button.clicked.connect(self._on_again_button_clicked)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        self.close_button = _button("&Close", "importCloseButton", "Close", page)
        _primary(self.close_button)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    # --- state --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Tell whether work runs off the GUI thread (reading, previewing or writing)."""
        return self.task is not None

    @property
    def step(self) -> str:
        """Name the page on screen: ``source``, ``working``, ``preview`` or ``done``."""
        current = self.pages.currentWidget()
        assert current is not None
        return {
            self.source_page: "source",
            self.working_page: "working",
            self.preview_page: "preview",
            self.done_page: "done",
        }[current]

    def path(self) -> Path | None:
        """Return the chosen file or folder."""
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def import_format(self) -> ImportFormat | None:
        """Return the chosen format."""
        value = self.format_combo.currentData()
        return ImportFormat(value) if isinstance(value, str) else None

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        defaults = {
            self.source_page: self.preview_button,
            self.preview_page: self.import_button,
            self.done_page: self.close_button,
        }
        for button in (self.preview_button, self.import_button, self.close_button):
            button.setDefault(button is defaults.get(page))

    # --- choosing a file ------------------------------------------------------------------------

    def set_path(self, path: Path, fmt: ImportFormat | None = None) -> BackgroundTask | None:
        """Choose ``path`` and look at it off the GUI thread (detecting the format if None)."""
        self.path_edit.setText(str(path))
        return self._look(path, fmt)

    def _look(self, path: Path, fmt: ImportFormat | None) -> BackgroundTask | None:
        if self.busy:
            return None
        self._show_source_message("", "")
        self.look = None
        self._show_options()
        self.empty_label.setText(f"Looking at {path.name}…")
        self.options_stack.setCurrentWidget(self.empty_options)
        self.preview_button.setEnabled(False)
        return self._run(
            "look", lambda report, cancelled: look_at_file(path, fmt), self._on_look_done
        )

    def _on_look_done(self, result: object) -> None:
        assert isinstance(result, FileLook)
        if self.path() != result.path:
            return
        self.look = result
        if result.fmt is None:
            self.format_combo.setCurrentIndex(-1)
        else:
            self.format_combo.setCurrentIndex(self.format_combo.findData(result.fmt.value))
        if result.error:
            self.format_hint.setText("")
            self._show_source_message(result.error, "danger")
        else:
            self.format_hint.setText(
                "Recognised from what the file holds." if result.detected else "Chosen by hand."
            )
        self._fill_options(result)
        self._show_options()

    def _fill_options(self, look: FileLook) -> None:
        postmortem = self.controller.bundle.postmortem
        if look.fmt is ImportFormat.SLACK and not look.error:
            self.channel_model.set_channels(look.channels)
            days = sum(c.day_files for c in look.channels)
            self.channel_hint.setText(
                f"{len(look.channels)} channel{'s' if len(look.channels) != 1 else ''}, "
                f"{days} day file{'s' if days != 1 else ''}. Uncheck the ones that did not "
                "take part."
            )
            first = min((c.first_day for c in look.channels if c.first_day), default=None)
            last = max((c.last_day for c in look.channels if c.last_day), default=None)
            self._reset_window((first, last) if first and last else None)
        else:
            self._reset_window(None)
        if look.fmt is ImportFormat.CSV and look.csv_layout is not None:
            self._fill_csv(look.csv_layout)
        self.text_head.setPlainText(look.head)
        started = next(
            (
                m
                for m in (postmortem.started_at, postmortem.detected_at, postmortem.resolved_at)
                if m is not None
            ),
            None,
        )
        day = started.astimezone(self.zone).date() if started else date.today()
        self.incident_date_edit.setDate(QDate(day.year, day.month, day.day))

    def _fill_csv(self, layout: CsvLayout) -> None:
        self.delimiter_label.setText(
            f"Separated by {DELIMITER_NAMES.get(layout.delimiter, repr(layout.delimiter))}. "
            "Columns recognised by their headers are chosen for you."
        )
        for field, combo in self.field_combos.items():
            combo.clear()
            recognised = layout.mapping.get(field)
            if recognised is None:
                combo.addItem("Choose a column" if field in REQUIRED else "Not in the file", None)
            for index, header in enumerate(layout.headers):
                combo.addItem(header or f"Column {index + 1}", index)
            combo.setCurrentIndex(combo.findData(recognised) if recognised is not None else 0)
        self.sample_model.set_layout(layout)
        self._update_mapping()
        sample_header = self.sample_table.horizontalHeader()
        sample_header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        for column in range(self.sample_model.columnCount() - 1):
            width = min(max(sample_header.sectionSize(column), 110), 360)
            self.sample_table.setColumnWidth(column, width)
        sample_header.setStretchLastSection(False)
        sample_header.setStretchLastSection(True)

    def csv_mapping(self) -> dict[str, int]:
        """Return the chosen column (0-based) of each mapped field."""
        mapping: dict[str, int] = {}
        for field, combo in self.field_combos.items():
            value = combo.currentData()
            if isinstance(value, int):
                mapping[field] = value
        return mapping

    def set_csv_column(self, field: str, header: str) -> None:
        """Choose the column named ``header`` for ``field`` (as picking it in the combo does)."""
        combo = self.field_combos[field]
        index = combo.findText(header)
        if index < 0:
            raise ValueError(f"no column {header!r}")
        combo.setCurrentIndex(index)
        self._update_mapping()

    def _update_mapping(self) -> None:
        look = self.look
        layout = look.csv_layout if look is not None else None
        if layout is None:
            return
        chosen = self.csv_mapping()
        combined = {f: i for f, i in layout.mapping.items() if i not in chosen.values()}
        combined.update(chosen)
        self.sample_model.set_mapping(combined)
        time_column = chosen.get("time")
        self._zone_needed = time_column is None or needs_zone(
            [row[time_column] for row in layout.sample_rows if time_column < len(row)]
        )
        self._show_options()

    def _show_options(self) -> None:
        look = self.look
        fmt = look.fmt if look is not None and not look.error else None
        if look is None or fmt is None:
            if look is None and not self.path_edit.text().strip():
                self.empty_label.setText(
                    "Choose a file above, or drop one here, to see what it holds."
                )
            elif look is not None and look.error:
                self.empty_label.setText(
                    "This file cannot be read as it is. Choose another file, or pick its "
                    "format by hand above."
                )
            self.options_stack.setCurrentWidget(self.empty_options)
            self._let_options_fill(True)
            self.zone_row.hide()
            self.window_row.setVisible(False)
            self.preview_button.setEnabled(False)
            return
        if fmt is ImportFormat.SLACK:
            self.options_stack.setCurrentWidget(self.slack_options)
        elif fmt is ImportFormat.CSV:
            self.options_stack.setCurrentWidget(self.csv_options)
        elif fmt is ImportFormat.TEXT:
            self.options_stack.setCurrentWidget(self.text_options)
        else:
            source = "PagerDuty" if fmt is ImportFormat.PAGERDUTY else "Alertmanager"
            self.plain_title.setText(fmt.label)
            self.plain_hint.setText(
                f"{source} writes every time with its UTC offset, so there is nothing to set. "
                "Triggers, acknowledgements and resolutions fill the key times that are still "
                "empty."
                if fmt is ImportFormat.PAGERDUTY
                else f"{source} writes every time with its UTC offset, so there is nothing to "
                "set. Each alert becomes an event when it starts firing and another when it "
                "resolves."
            )
            self.options_stack.setCurrentWidget(self.plain_options)
        self._let_options_fill(
            fmt is not ImportFormat.PAGERDUTY and fmt is not ImportFormat.ALERTMANAGER
        )
        zone_needed = fmt is ImportFormat.TEXT or (fmt is ImportFormat.CSV and self._zone_needed)
        self.zone_row.setVisible(fmt in (ImportFormat.CSV, ImportFormat.TEXT))
        self.zone_combo.setEnabled(zone_needed)
        self.zone_hint.setText(
            "" if zone_needed else "Not needed: every sample time carries its UTC offset."
        )
        self.window_row.setVisible(True)
        self.preview_button.setEnabled(not self.busy and not self._options_problem())

    def _let_options_fill(self, fill: bool) -> None:
        """Let the options card take the free height, or keep it compact (nothing to set)."""
        layout = self.source_layout
        card = layout.indexOf(self.options_card)
        layout.setStretch(card, 1 if fill else 0)
        layout.setStretch(card + 1, 0 if fill else 1)

    def _options_problem(self) -> str:
        look = self.look
        if look is None or look.fmt is None or look.error:
            return "Choose a file that can be imported."
        if look.fmt is ImportFormat.SLACK and not self.channel_model.checked_names():
            return "Choose at least one channel."
        if look.fmt is ImportFormat.CSV:
            mapping = self.csv_mapping()
            for field in REQUIRED:
                if field not in mapping:
                    return f"Choose the column that holds {FIELD_LABELS[field].lower()}."
            seen: dict[int, str] = {}
            for field, column in mapping.items():
                if column in seen:
                    return (
                        f"{FIELD_LABELS[seen[column]]} and {FIELD_LABELS[field]} both read the "
                        "same column; choose a different one for one of them."
                    )
                seen[column] = field
        if self.window_check.isChecked() and self._window()[0] > self._window()[1]:
            return "The time window ends before it begins."
        return ""

    # --- the time window ----------------------------------------------------------------------

    def _reset_window(self, export_days: tuple[date, date] | None) -> None:
        postmortem = self.controller.bundle.postmortem
        window = default_window(postmortem)
        checked = False
        hint = ""
        if window is not None:
            since, until = window
            if export_days is not None:
                first, last = export_days
                overlaps = (
                    first <= until.astimezone(self.zone).date()
                    and last >= since.astimezone(self.zone).date()
                )
                checked = overlaps
                if not overlaps:
                    hint = (
                        f"The export covers {first:%Y-%m-%d} to {last:%Y-%m-%d}, away from the "
                        "incident's key times, so every message is read."
                    )
            if checked:
                hint = "From an hour before the first key time to an hour after the last one."
        elif export_days is not None:
            first, last = export_days
            since = datetime.combine(first, time(0, 0), self.zone)
            until = datetime.combine(last, time(23, 59), self.zone)
            hint = "Set the incident's key times to narrow the window to them."
        else:
            now = datetime.now(UTC).replace(second=0, microsecond=0)
            since, until = now - timedelta(hours=6), now
        self._set_moment(self.since_edit, since)
        self._set_moment(self.until_edit, until)
        self.window_check.setChecked(checked)
        self._on_window_check_toggled(checked)
        self.window_hint.setText(hint)
        self.window_hint.setVisible(bool(hint))

    def _set_moment(self, edit: QDateTimeEdit, moment: datetime) -> None:
        local = moment.astimezone(self.zone)
        edit.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute),
                QTimeZone.utc(),
            )
        )

    def _moment(self, edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime()
        day, clock = value.date(), value.time()
        return datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=self.zone
        )

    def _window(self) -> tuple[datetime, datetime]:
        return self._moment(self.since_edit), self._moment(self.until_edit)

    def set_window(self, since: datetime | None, until: datetime | None) -> None:
        """Limit the import to ``since``..``until`` (both None: no window)."""
        if since is None or until is None:
            self.window_check.setChecked(False)
            return
        self._set_moment(self.since_edit, since)
        self._set_moment(self.until_edit, until)
        self.window_check.setChecked(True)

    # --- options ------------------------------------------------------------------------------

    def _zone_choice(self) -> tzinfo:
        key = self.zone_combo.currentData()
        if key == INCIDENT_ZONE or not isinstance(key, str):
            return self.zone
        if key == "UTC":
            return UTC
        return zoneinfo.ZoneInfo(key)

    def set_zone(self, key: str) -> None:
        """Choose the zone for times without an offset: ``incident``, ``UTC`` or an IANA name."""
        index = self.zone_combo.findData(key)
        if index < 0:
            raise ValueError(f"no zone {key!r}")
        self.zone_combo.setCurrentIndex(index)

    def options(self) -> ImportOptions:
        """Return the options as chosen on the first page."""
        look = self.look
        fmt = look.fmt if look is not None else None
        since, until = self._window() if self.window_check.isChecked() else (None, None)
        channels: frozenset[str] = frozenset()
        if fmt is ImportFormat.SLACK:
            checked = self.channel_model.checked_names()
            if len(checked) < len(self.channel_model.channels()):
                channels = frozenset(checked)
        mapping: dict[str, str] = {}
        if fmt is ImportFormat.CSV:
            mapping = {field: str(index + 1) for field, index in self.csv_mapping().items()}
        day = self.incident_date_edit.date()
        return ImportOptions(
            channels=channels,
            since=since,
            until=until,
            zone=self._zone_choice(),
            incident_date=date(day.year(), day.month(), day.day()),
            mapping=mapping,
        )

    # --- reading and previewing ---------------------------------------------------------------

    def start_preview(self) -> BackgroundTask | None:
        """Read the file with the chosen options off the GUI thread, then show the preview."""
        if self.busy:
            return None
        problem = self._options_problem()
        look = self.look
        if problem or look is None or look.fmt is None:
            self._show_source_message(problem or "Choose a file first.", "danger")
            return None
        path, fmt, options = look.path, look.fmt, self.options()
        imports, postmortem_id = self.imports, self.postmortem_id
        self._show_source_message("", "")
        self._start_working(f"Reading {path.name}", "Reading the file…")
        return self._run(
            "preview",
            lambda report, cancelled: read_and_preview(
                imports, postmortem_id, path, fmt, options, report, cancelled
            ),
            self._on_preview_ready,
        )

    def _on_preview_ready(self, result: object) -> None:
        assert isinstance(result, ImportPreview)
        self.show_preview(result)

    def show_preview(self, preview: ImportPreview) -> None:
        """Show what importing ``preview`` would do."""
        self.preview = preview
        new, dupes = len(preview.to_add), len(preview.duplicates)
        self.preview_title.setText(f"Preview of {preview.file_name}")
        parts = [
            f"{new} new event{'s' if new != 1 else ''} will be added to the timeline"
            if new
            else "Nothing new to add: every event is already in the timeline or left out"
        ]
        if dupes:
            parts.append(f"{dupes} already there will be skipped")
        if preview.skipped:
            parts.append(f"{len(preview.skipped)} record(s) left out on purpose")
        if preview.problems:
            parts.append(f"{len(preview.problems)} could not be read")
        self.preview_summary.setText("; ".join(parts) + ".")
        self._fill_kind_chips(preview.counts_by_kind)
        self._fill_key_times(preview)
        self.event_model.set_preview(preview, self.zone, self.zone_label)
        self.hide_duplicates_check.setChecked(False)
        self.hide_duplicates_check.setVisible(dupes > 0)
        marks_milestones = any(event.milestone is not None for event in preview.to_add)
        self.event_table.setColumnHidden(STATUS, not dupes and not marks_milestones)
        self.event_table.setColumnWidth(TIME, 184 if self.event_model.with_date else 162)
        self.events_heading.setText(
            f"Events ({new + dupes})" if not dupes else f"Events ({new} new, {dupes} already there)"
        )
        issues = preview_issues(preview)
        self.issue_model.set_issues(issues)
        self.issue_table.resizeColumnToContents(1)
        self.issue_table.setColumnWidth(1, min(max(self.issue_table.columnWidth(1), 140), 280))
        self.issue_table.resizeRowsToContents()
        problems = len(preview.problems)
        self.issues_heading.setText(
            f"Not imported ({len(issues)})"
            if not problems
            else f"Not imported — {problems} problem{'s' if problems != 1 else ''} to look at"
        )
        self.issue_table.parentWidget().setVisible(bool(issues))  # type: ignore[union-attr]
        self.problems_frame.setVisible(bool(problems))
        self.problems_check.setChecked(False)
        self.problems_label.setText(
            f"{problems} record{'s' if problems != 1 else ''} could not be read; "
            f"{'they are' if problems != 1 else 'it is'} listed under Not imported. Fix the "
            "file and preview again, or import the rest without "
            f"{'them' if problems != 1 else 'it'}."
        )
        self._show_preview_message("", "")
        if not new:
            self._show_preview_message("There is nothing new to import from this file.", "warning")
        self._update_import_button()
        self._show_page(self.preview_page)
        self.event_table.setFocus()
        self._fit_issue_pane()

    def _fit_issue_pane(self) -> None:
        """Give the Not imported list the height of its rows, up to half the splitter."""
        table = self.issue_table
        if not self.issue_model.rowCount():
            return
        rows = sum(table.rowHeight(row) for row in range(self.issue_model.rowCount()))
        heading = self.issues_heading.sizeHint().height() + 10
        wanted = heading + table.horizontalHeader().height() + rows + 2 * table.frameWidth() + 8
        total = sum(self.preview_splitter.sizes())
        lower = min(max(wanted, 110), total // 2)
        self.preview_splitter.setSizes([total - lower, lower])

    def _fill_kind_chips(self, counts: dict[EventKind, int]) -> None:
        while self.kind_row.count():
            item = self.kind_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for kind, count in counts.items():
            chip = QLabel(self.preview_page)
            chip.setObjectName(f"{_camel(kind.value)}KindChip")
            chip.setTextFormat(Qt.TextFormat.RichText)
            dot = kind_colour(kind).name()
            chip.setText(
                f"<span style='color:{dot}'>●</span>&nbsp;{kind.label}&nbsp;<b>{count}</b>"
            )
            chip.setAccessibleName(f"{count} {kind.label}")
            chip.setStyleSheet(
                f"QLabel {{ background: {colour('surface').name()}; border: 1px solid "
                f"{colour('border').name()}; border-radius: 11px; padding: 2px 10px; }}"
            )
            self.kind_row.addWidget(chip)
        self.kind_row.addStretch(1)

    def _fill_key_times(self, preview: ImportPreview) -> None:
        parts = [
            f"{milestone.label} {moment.astimezone(self.zone):%H:%M}"
            if not self.event_model.with_date
            else f"{milestone.label} {moment.astimezone(self.zone):%Y-%m-%d %H:%M}"
            for milestone, moment in sorted(
                preview.key_time_updates.items(), key=lambda pair: list(Milestone).index(pair[0])
            )
        ]
        lines = []
        if parts:
            lines.append(f"Key times it fills ({self.zone_label}): " + " · ".join(parts) + ".")
        for milestone, reason in preview.key_time_refusals.items():
            lines.append(f"{milestone.label} is left empty: {reason}")
        self.key_times_label.setText("\n".join(lines))
        self.key_times_label.setVisible(bool(lines))
        _set_role(
            self.key_times_label,
            "success" if parts and not preview.key_time_refusals else "warning",
        )

    def _update_import_button(self) -> None:
        preview = self.preview
        if preview is None:
            self.import_button.setEnabled(False)
            return
        count = len(preview.to_add)
        self.import_button.setText(
            f"&Import {count} event{'s' if count != 1 else ''}" if count else "&Import"
        )
        allowed = bool(count) and (not preview.problems or self.problems_check.isChecked())
        self.import_button.setEnabled(allowed and not self.busy)
        if preview.problems and count and not self.problems_check.isChecked():
            self.import_button.setToolTip("Tick “Import the rest anyway” first")
        else:
            self.import_button.setToolTip("")

    # --- writing ------------------------------------------------------------------------------

    def start_import(self) -> BackgroundTask | None:
        """Write the previewed events off the GUI thread in one transaction."""
        preview = self.preview
        if self.busy or preview is None or not self.import_button.isEnabled():
            return None
        accept = self.problems_check.isChecked()
        imports = self.imports
        count = len(preview.to_add)
        self._start_working(
            f"Importing {count} event{'s' if count != 1 else ''}",
            "Writing to the timeline…",
        )
        return self._run(
            "import",
            lambda report, cancelled: apply_preview(imports, preview, accept, report, cancelled),
            self._on_import_done,
        )

    def _on_import_done(self, result: object) -> None:
        assert isinstance(result, Applied)
        preview = self.preview
        assert preview is not None
        self.applied = result
        command = ImportCommand(
            self.imports,
            preview,
            result.batch_id,
            result.event_count,
            file_name=preview.file_name,
            accept_problems=self.problems_check.isChecked(),
            notify=self._notify,
        )
        self.controller.undo_stack.push(command)
        count = result.event_count
        self.done_title.setText(f"Imported {preview.file_name}")
        self.done_label.setText(
            f"{count} event{'s' if count != 1 else ''} added to the timeline"
            f"{' as one import' if count > 1 else ''}."
        )
        details = []
        if preview.duplicates:
            details.append(f"{len(preview.duplicates)} already in the timeline were skipped.")
        if preview.skipped:
            details.append(f"{len(preview.skipped)} record(s) were left out on purpose.")
        if preview.problems:
            details.append(
                f"{len(preview.problems)} record(s) could not be read and were left out."
            )
        for milestone, moment in preview.key_time_updates.items():
            details.append(
                f"{milestone.label} time set to {moment.astimezone(self.zone):%Y-%m-%d %H:%M} "
                f"({self.zone_label})."
            )
        self.done_details.setText("\n".join(details))
        self.done_details.setVisible(bool(details))
        self._show_page(self.done_page)
        self.close_button.setFocus()
        self.imported.emit(result.batch_id)

    # --- running work -------------------------------------------------------------------------

    def _run(
        self,
        kind: str,
        work: Callable[[Report, Cancelled], Any],
        on_success: Callable[[object], None],
    ) -> BackgroundTask:
        task = BackgroundTask(work, self)
        task.progressed.connect(self._on_task_progressed)
        task.succeeded.connect(on_success)
        task.failed.connect(self._on_task_failed)
        task.finished.connect(self._on_task_finished)
        self.task = task
        self._task_kind = kind
        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        task.start(self.pool)
        return task

    def _start_working(self, title: str, status: str) -> None:
        self.working_title.setText(title)
        self.working_status.setText(status)
        self.progress_bar.setValue(0)
        self.working_cancel_button.setEnabled(True)
        self._show_page(self.working_page)
        self.working_cancel_button.setFocus()

    def cancel_task(self) -> None:
        """Ask the running work to stop; nothing is written."""
        if self.task is None:
            return
        self.task.cancel()
        self.working_cancel_button.setEnabled(False)
        self.working_status.setText("Cancelling — stopping at the next safe point…")

    def _on_task_progressed(self, done: int, total: int) -> None:
        if self.task is None:
            return
        if self._task_kind == "preview":
            self.progress_bar.setValue(done)
            if not self.working_cancel_button.isEnabled():
                return
            self.working_status.setText(
                "Reading the file…" if done < PARSE_SHARE else "Comparing with the timeline…"
            )
        elif self._task_kind == "import":
            self.progress_bar.setValue(STEPS * done // total if total else 0)
            if self.working_cancel_button.isEnabled() and total:
                self.working_status.setText(f"Writing to the timeline… {done} of {total}")

    def _on_task_failed(self, error: object) -> None:
        kind = self._task_kind
        cancelled = isinstance(error, ImportCancelled)
        if isinstance(error, UserFacingError):
            text = str(error)
        else:
            log.error("The import failed unexpectedly", exc_info=error)  # type: ignore[arg-type]
            text = f"Something unexpected went wrong ({type(error).__name__}). Nothing was written."
        if kind == "look":
            self.look = FileLook(self.path() or Path(), self.import_format(), False, error=text)
            self._show_source_message(text, "danger")
            self._show_options()
        elif kind == "preview":
            self._show_page(self.source_page)
            if cancelled:
                self._show_source_message("Reading cancelled. Nothing was written.", "warning")
            else:
                self._show_source_message(f"{text}\nNothing was written.", "danger")
            self.preview_button.setFocus()
        else:
            self._show_page(self.preview_page)
            if cancelled:
                self._show_preview_message("Import cancelled. Nothing was written.", "warning")
            else:
                self._show_preview_message(text, "danger")
            self.import_button.setFocus()

    def _on_task_finished(self) -> None:
        self.task = None
        self._task_kind = ""
        if self._close_when_idle:
            self._close_when_idle = False
            super().reject()
            return
        if self.step == "source":
            self._show_options()
        self._update_import_button()

    # --- messages -----------------------------------------------------------------------------

    def _show_source_message(self, text: str, role: str) -> None:
        self.source_message.setText(text)
        _set_role(self.source_message, role or "muted")
        self.source_message.setVisible(bool(text))

    def _show_preview_message(self, text: str, role: str) -> None:
        self.preview_message.setText(text)
        _set_role(self.preview_message, role or "muted")
        self.preview_message.setVisible(bool(text))

    # --- slots --------------------------------------------------------------------------------

    def _on_path_edit_return_pressed(self) -> None:
        path = self.path()
        if path is not None:
            self._look(path, None)

    def _on_choose_file_button_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose the file to import", self._start_folder(), FILE_FILTER
        )
        if chosen:
            QSettings().setValue(FOLDER_SETTING, str(Path(chosen).parent))
            self.set_path(Path(chosen))

    def _on_choose_folder_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Choose the unpacked Slack export", self._start_folder()
        )
        if chosen:
            QSettings().setValue(FOLDER_SETTING, str(Path(chosen).parent))
            self.set_path(Path(chosen), ImportFormat.SLACK)

    def _start_folder(self) -> str:
        current = self.path()
        if current is not None and current.parent.is_dir():
            return str(current.parent)
        remembered = QSettings().value(FOLDER_SETTING)
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return remembered
        return str(Path.home())

    def _on_format_combo_activated(self, index: int) -> None:
        path = self.path()
        fmt = self.import_format()
        if path is not None and fmt is not None:
            self._look(path, fmt)
            self.format_hint.setText("Chosen by hand.")

    def _on_field_combo_activated(self, index: int) -> None:
        self._update_mapping()

    def _on_channel_model_data_changed(self) -> None:
        self._show_options()

    def _on_channel_space_activated(self) -> None:
        index = self.channel_table.currentIndex()
        if not index.isValid():
            return
        check = self.channel_model.index(index.row(), 0)
        state = check.data(Qt.ItemDataRole.CheckStateRole)
        checked = state == Qt.CheckState.Checked
        self.channel_model.setData(
            check,
            Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def _on_all_channels_button_clicked(self) -> None:
        self.channel_model.set_all_checked(True)

    def _on_no_channels_button_clicked(self) -> None:
        self.channel_model.set_all_checked(False)

    def _on_window_check_toggled(self, checked: bool) -> None:
        self.since_edit.setEnabled(checked)
        self.until_edit.setEnabled(checked)
        if self.look is not None:
            self.preview_button.setEnabled(not self.busy and not self._options_problem())

    def _on_hide_duplicates_check_toggled(self, checked: bool) -> None:
        self.event_proxy.set_hide_duplicates(checked)

    def _on_issue_header_section_resized(self) -> None:
        self.issue_table.resizeRowsToContents()

    def _on_problems_check_toggled(self, checked: bool) -> None:
        self._update_import_button()

    def _on_back_button_clicked(self) -> None:
        self._show_page(self.source_page)
        self._show_options()
        self.preview_button.setFocus()

    def _on_again_button_clicked(self) -> None:
        self.preview = None
        self.applied = None
        self.look = None
        self.path_edit.clear()
        self.format_combo.setCurrentIndex(-1)
        self.format_hint.setText("")
        self._reset_window(None)
        self._show_options()
        self._show_page(self.source_page)
        self.path_edit.setFocus()

    # --- drag and drop, closing -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one local file or folder dropped on the first page."""
        urls = event.mimeData().urls()
        if self.step == "source" and len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Choose the dropped file or folder."""
        urls = event.mimeData().urls()
        if self.step == "source" and len(urls) == 1 and urls[0].isLocalFile():
            self.set_path(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    def reject(self) -> None:
        """Close; while work runs, cancel it first and close when it has stopped."""
        if self.task is not None:
            self._close_when_idle = True
            self.cancel_task()
            return
        super().reject()
