"""Publish a postmortem's report to Confluence, and manage the outbox of waiting publishes.

Settings (server, space, parent page, account) are saved in the library; the token goes to the
system keyring through :class:`CredentialStore`, always off the GUI thread, and never into a
widget's text once it has been taken: the password field is cleared as soon as it is read.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.export.confluence_client import ConfluenceClient, ConfluenceTarget, Flavour
from postmortem_desk.export.credentials import CredentialStore
from postmortem_desk.export.outbox import JobOutcome, SendReport, publish_now, send_pending
from postmortem_desk.export.report_model import Audience, ReportOptions
from postmortem_desk.gui.export.outbox_model import (
    JOB_ID_ROLE,
    STATUS_ROLE,
    OutboxModel,
    outbox_rows,
)
from postmortem_desk.gui.export.tasks import (
    CancelCheck,
    Progress,
    TaskProgressDialog,
    WordedTask,
    WordedWork,
    error_text,
)
from postmortem_desk.services.registry import Services

log = logging.getLogger(__name__)

ClientFactory = Callable[[ConfluenceTarget, str], ConfluenceClient]
TOKEN_LABELS = {Flavour.CLOUD: "API token", Flavour.DATA_CENTER: "Personal access token"}
TOKEN_PLACEHOLDERS = {
    Flavour.CLOUD: "Paste the API token",
    Flavour.DATA_CENTER: "Paste the personal access token",
}
SESSION_ONLY_TEXT = (
    "This computer has no system keyring, so the token is kept in memory only until you close "
    "Postmortem Desk. You will be asked for it again next time."
)


def page_url(target: ConfluenceTarget, page_id: str) -> str:
    """Return the address of a published page in the browser."""
    prefix = "/wiki" if target.resolved_flavour is Flavour.CLOUD else ""
    return f"{target.normalised_url}{prefix}/pages/viewpage.action?pageId={page_id}"


@dataclass(frozen=True)
class TokenState:
    """What the keyring said: whether it works and whether a token is stored for the target."""

    keyring_available: bool
    has_token: bool
    stored_in_keyring: bool = True


@dataclass(frozen=True)
class TokenUse:
    """What a background call returned, and whether the keyring kept the token it was given."""

    value: object
    kept: bool


def _take_token(
    credentials: CredentialStore, target: ConfluenceTarget, typed: str
) -> tuple[str, bool]:
    """Store a typed token (if any) and return the token to use and whether the keyring kept it."""
    kept = True
    if typed:
        kept = credentials.set_token(target.normalised_url, target.user, typed)
    token = typed or credentials.get_token(target.normalised_url, target.user) or ""
    return token, kept


class PublishDialog(QDialog):
    """Confluence settings, the token, Test connection, Publish now, and the outbox.

    Signals:
        published(str): the page is published; the argument is its address.
    """

    published = Signal(str)

    def __init__(
        self,
        services: Services,
        postmortem_id: int,
        credentials: CredentialStore,
        *,
        client_factory: ClientFactory = ConfluenceClient,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle("Publish to Confluence")
        self.setMinimumWidth(760)
        self.services = services
        self.publishing = services.publishing
        self.postmortem_id = postmortem_id
        self.credentials = credentials
        self.client_factory = client_factory
        self.task: WordedTask | None = None
        self.probe_task: WordedTask | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        self.conflict_box: QMessageBox | None = None
        self.last_outcome: JobOutcome | None = None
        self.last_page_url = ""
        self.token_state = TokenState(keyring_available=True, has_token=False)
        self._loading = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(6)
        title = QLabel("Publish to Confluence", self)
        title.setProperty("role", "sectionTitle")
        layout.addWidget(title)
        postmortem = services.postmortems.get(postmortem_id)
        key = f"{postmortem.incident_key} · " if postmortem.incident_key else ""
        self.subject_label = QLabel(f"{key}{postmortem.title}", self)
        self.subject_label.setObjectName("publishSubjectLabel")
        self.subject_label.setProperty("role", "muted")
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setWordWrap(True)
        layout.addWidget(self.subject_label)
        layout.addSpacing(8)

        self.session_banner = QLabel(SESSION_ONLY_TEXT, self)
        self.session_banner.setObjectName("sessionOnlyBanner")
        self.session_banner.setProperty("role", "warning")
        self.session_banner.setWordWrap(True)
        self.session_banner.hide()
        layout.addWidget(self.session_banner)
        layout.addSpacing(6)

        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.flavour_combo = QComboBox(self)
        self.flavour_combo.setObjectName("flavourCombo")
        self.flavour_combo.setAccessibleName("Kind of Confluence")
        for flavour in Flavour:
            self.flavour_combo.addItem(flavour.label, flavour.value)
        form.addRow(self._form_label("&Confluence:", self.flavour_combo), self.flavour_combo)
        self.url_edit = self._line_edit(
            "urlEdit", "Confluence address", "https://example.atlassian.net"
        )
        form.addRow(self._form_label("&Address:", self.url_edit), self.url_edit)
        place = QHBoxLayout()
        place.setSpacing(10)
        self.space_edit = self._line_edit("spaceEdit", "Space key", "OPS")
        self.space_edit.setMaximumWidth(140)
        self.parent_edit = self._line_edit("parentEdit", "Parent page id", "Page id (optional)")
        place.addWidget(self.space_edit)
        parent_label = QLabel("&Under page:", self)
        parent_label.setBuddy(self.parent_edit)
        place.addSpacing(8)
        place.addWidget(parent_label)
        place.addWidget(self.parent_edit, 1)
        form.addRow(self._form_label("&Space key:", self.space_edit), place)
        self.user_edit = self._line_edit("userEdit", "Account e-mail", "you@example.com")
        self.user_label = self._form_label("&E-mail:", self.user_edit)
        form.addRow(self.user_label, self.user_edit)
        self.token_edit = self._line_edit("tokenEdit", "Token", "")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_label = self._form_label("&Token:", self.token_edit)
        token_row = QHBoxLayout()
        token_row.setSpacing(8)
        token_row.addWidget(self.token_edit, 1)
        self.forget_button = QPushButton("&Forget", self)
        self.forget_button.setObjectName("forgetTokenButton")
        self.forget_button.setAccessibleName("Forget the saved token")
        self.forget_button.setAutoDefault(False)
        self.forget_button.setProperty("role", "flat")
        self.forget_button.setEnabled(False)
        self.forget_button.clicked.connect(self._on_forget_button_clicked)
        token_row.addWidget(self.forget_button)
        self.token_label.setMinimumHeight(
            max(self.token_edit.sizeHint().height(), self.forget_button.sizeHint().height())
        )
        token_field = QVBoxLayout()
        token_field.setSpacing(4)
        token_field.addLayout(token_row)
        self.token_hint = QLabel(self)
        self.token_hint.setObjectName("tokenHint")
        self.token_hint.setProperty("role", "hint")
        self.token_hint.setWordWrap(True)
        token_field.addWidget(self.token_hint)
        token_field.addSpacing(6)
        test_row = QHBoxLayout()
        test_row.setSpacing(10)
        self.test_button = QPushButton("Test co&nnection", self)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.setAccessibleName("Test the connection to Confluence")
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        self.test_label = QLabel(self)
        self.test_label.setObjectName("testConnectionLabel")
        self.test_label.setWordWrap(True)
        self.test_label.setTextFormat(Qt.TextFormat.PlainText)
        test_row.addWidget(self.test_label, 1)
        token_field.addLayout(test_row)
        form.addRow(self.token_label, token_field)

        options = QHBoxLayout()
        options.setSpacing(18)
        self.anonymise_check = QCheckBox("Name people by their &role", self)
        self.anonymise_check.setObjectName("publishAnonymiseCheck")
        self.anonymise_check.setAccessibleName("Anonymise people")
        self.external_check = QCheckBox("Short e&xternal summary", self)
        self.external_check.setObjectName("publishExternalCheck")
        self.external_check.setAccessibleName("Publish the short external summary")
        self.external_check.toggled.connect(self._on_external_check_toggled)
        options.addWidget(self.anonymise_check)
        options.addWidget(self.external_check)
        options.addStretch(1)
        report_label = QLabel("Report:", self)
        report_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        report_label.setMinimumHeight(self.anonymise_check.sizeHint().height())
        form.addRow(report_label, options)
        layout.addLayout(form)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("publishResultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setOpenExternalLinks(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.result_label.hide()
        layout.addSpacing(4)
        layout.addWidget(self.result_label)
        layout.addSpacing(10)

        outbox_title = QLabel("Outbox", self)
        outbox_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(outbox_title)
        self.outbox_hint = QLabel(self)
        self.outbox_hint.setObjectName("outboxHint")
        self.outbox_hint.setProperty("role", "hint")
        self.outbox_hint.setWordWrap(True)
        layout.addWidget(self.outbox_hint)
        self.outbox_model = OutboxModel()
        self.outbox_view = QTableView(self)
        self.outbox_view.setObjectName("outboxView")
        self.outbox_view.setAccessibleName("Publishes waiting in the outbox")
        self.outbox_view.setModel(self.outbox_model)
        self.outbox_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outbox_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outbox_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outbox_view.setWordWrap(False)
        self.outbox_view.verticalHeader().setVisible(False)
        self.outbox_view.verticalHeader().setDefaultSectionSize(30)
        header = self.outbox_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (1, 150), (2, 130), (3, 50)):
            self.outbox_view.setColumnWidth(column, width)
        self.outbox_view.setFixedHeight(30 * 3 + 34)
        self.outbox_view.selectionModel().selectionChanged.connect(
            self._on_outbox_selection_changed
        )
        layout.addWidget(self.outbox_view)
        outbox_buttons = QHBoxLayout()
        outbox_buttons.setSpacing(8)
        self.send_button = QPushButton("Send &waiting now", self)
        self.send_button.setObjectName("sendNowButton")
        self.send_button.setAccessibleName("Send every waiting publish now")
        self.send_button.setAutoDefault(False)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.retry_button = QPushButton("Re&try", self)
        self.retry_button.setObjectName("retryJobButton")
        self.retry_button.setAccessibleName("Try the selected publish again")
        self.retry_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.overwrite_button = QPushButton("&Overwrite page…", self)
        self.overwrite_button.setObjectName("overwriteJobButton")
        self.overwrite_button.setAccessibleName("Overwrite the Confluence page with this report")
        self.overwrite_button.setAutoDefault(False)
        self.overwrite_button.clicked.connect(self._on_overwrite_button_clicked)
        self.discard_button = QPushButton("&Discard", self)
        self.discard_button.setObjectName("discardJobButton")
        self.discard_button.setAccessibleName("Discard the selected publish")
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        outbox_buttons.addWidget(self.send_button)
        outbox_buttons.addStretch(1)
        outbox_buttons.addWidget(self.retry_button)
        outbox_buttons.addWidget(self.overwrite_button)
        outbox_buttons.addWidget(self.discard_button)
        layout.addLayout(outbox_buttons)
        layout.addStretch(1)
        layout.addSpacing(10)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("publishCloseButton")
        self.close_button.setAccessibleName("Close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.publish_button = QPushButton("&Publish now", self)
        self.publish_button.setObjectName("publishNowButton")
        self.publish_button.setAccessibleName("Publish the report to Confluence now")
        self.publish_button.setProperty("role", "primary")
        self.publish_button.setDefault(True)
        self.publish_button.clicked.connect(self.publish)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.publish_button)
        layout.addLayout(bottom)

        self._load_settings()
        self.flavour_combo.currentIndexChanged.connect(self._on_flavour_combo_current_index_changed)
        for edit in (self.url_edit, self.space_edit, self.parent_edit, self.user_edit):
            edit.editingFinished.connect(self._on_setting_edit_editing_finished)
        self._loading = False
        self.refresh_outbox()
        self.probe_token()
        (self.url_edit if not self.url_edit.text() else self.publish_button).setFocus()

    # --- building ---------------------------------------------------------------------------

    def _form_label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumHeight(buddy.sizeHint().height())
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return label

    def _line_edit(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(edit.sizeHint().height())
        return edit

    def _load_settings(self) -> None:
        saved = self.publishing.confluence_settings()
        target = ConfluenceTarget.from_settings(saved)
        self.url_edit.setText(target.base_url)
        self.space_edit.setText(target.space_key)
        self.parent_edit.setText(target.parent_id)
        self.user_edit.setText(target.user)
        flavour = target.resolved_flavour if target.base_url else Flavour.CLOUD
        self.flavour_combo.setCurrentIndex(self.flavour_combo.findData(flavour.value))
        self._update_flavour_fields()

    # --- state ------------------------------------------------------------------------------

    def target(self) -> ConfluenceTarget:
        """Return the target as the fields describe it."""
        flavour = Flavour(str(self.flavour_combo.currentData()))
        return ConfluenceTarget(
            base_url=self.url_edit.text().strip(),
            space_key=self.space_edit.text().strip(),
            parent_id=self.parent_edit.text().strip(),
            user=self.user_edit.text().strip() if flavour is Flavour.CLOUD else "",
            flavour=flavour,
        )

    def options(self) -> ReportOptions:
        """Return the report options chosen for the page."""
        return ReportOptions(
            anonymise=self.anonymise_check.isChecked(),
            audience=Audience.EXTERNAL if self.external_check.isChecked() else Audience.INTERNAL,
        )

    @property
    def busy(self) -> bool:
        """Tell whether a publish, a send, a connection test or a keyring question is running."""
        return self.task is not None or self.probe_task is not None

    def save_settings(self) -> None:
        """Store the server, space, parent page and account (never the token)."""
        value = self.target().to_settings()
        if value != self.publishing.confluence_settings():
            self.publishing.save_confluence_settings(value)

    def _update_flavour_fields(self) -> None:
        flavour = Flavour(str(self.flavour_combo.currentData()))
        cloud = flavour is Flavour.CLOUD
        self.user_label.setVisible(cloud)
        self.user_edit.setVisible(cloud)
        self.token_label.setText(f"&{TOKEN_LABELS[flavour]}:")
        self.token_edit.setAccessibleName(TOKEN_LABELS[flavour])
        self._update_token_hint()

    def _update_token_hint(self) -> None:
        flavour = Flavour(str(self.flavour_combo.currentData()))
        state = self.token_state
        where = "the system keyring" if state.keyring_available else "memory for this session"
        if state.has_token:
            self.token_edit.setPlaceholderText("Saved — type a new one only to replace it")
            self.token_hint.setText(f"A token for this account is kept in {where}.")
        else:
            self.token_edit.setPlaceholderText(TOKEN_PLACEHOLDERS[flavour])
            if flavour is Flavour.CLOUD:
                hint = "Create one under Atlassian account settings → Security → API tokens."
            else:
                hint = "Create one in Confluence under your profile → Personal access tokens."
            self.token_hint.setText(f"{hint} It is kept in {where}, never in the library file.")
        self.forget_button.setEnabled(state.has_token and self.task is None)
        self.session_banner.setVisible(not state.keyring_available or not state.stored_in_keyring)

    def _show_result(self, html_text: str, role: str) -> None:
        self.result_label.setText(html_text)
        self.result_label.setProperty("role", role)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.setVisible(bool(html_text))
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _set_test_text(self, text: str, role: str) -> None:
        self.test_label.setText(text)
        self.test_label.setProperty("role", role)
        self.test_label.style().unpolish(self.test_label)
        self.test_label.style().polish(self.test_label)

    def refresh_outbox(self) -> None:
        """Reload the waiting jobs of every postmortem."""
        jobs = self.publishing.jobs()
        titles: dict[int, str] = {}
        for job in jobs:
            if job.postmortem_id not in titles:
                try:
                    titles[job.postmortem_id] = self.services.postmortems.get(
                        job.postmortem_id
                    ).title
                except UserFacingError:
                    titles[job.postmortem_id] = f"Postmortem {job.postmortem_id} (deleted)"
        self.outbox_model.set_rows(outbox_rows(jobs, titles))
        waiting = sum(1 for job in jobs if job.status in ("pending", "sending"))
        if not jobs:
            self.outbox_hint.setText(
                "Empty. When Confluence cannot be reached, a publish waits here and is sent "
                "when the server answers."
            )
        else:
            self.outbox_hint.setText(
                f"{len(jobs)} publish{'es' if len(jobs) != 1 else ''} here; {waiting} waiting "
                "to be sent. They are sent when the server answers, or now with Send."
            )
        self.send_button.setEnabled(waiting > 0 and self.task is None)
        self._on_outbox_selection_changed()

    def selected_job(self) -> tuple[int, str] | None:
        """Return the selected outbox job's id and status."""
        rows = self.outbox_view.selectionModel().selectedRows()
        if not rows:
            return None
        return int(rows[0].data(JOB_ID_ROLE)), str(rows[0].data(STATUS_ROLE))

    # --- background work --------------------------------------------------------------------

    def probe_token(self) -> None:
        """Ask the keyring, off the GUI thread, whether it works and holds a token."""
        target = self.target()
        credentials = self.credentials

        def work(progress: Progress, cancelled: CancelCheck) -> TokenState:
            available = credentials.keyring_available()
            has = bool(target.base_url) and (
                credentials.get_token(target.normalised_url, target.user) is not None
            )
            return TokenState(available, has, not credentials.session_only)

        probe = WordedTask(work, self)
        probe.succeeded.connect(self._on_probe_succeeded)
        probe.failed.connect(self._on_probe_failed)
        probe.finished.connect(self._on_probe_finished)
        self.probe_task = probe
        probe.start()

    def _run(
        self, work: WordedWork, title: str, headline: str, done: Callable[[object], None]
    ) -> WordedTask:
        self.task = WordedTask(work, self)
        self.progress_dialog = TaskProgressDialog(title, headline, self.target().base_url, self)
        self.progress_dialog.follow(self.task)
        self.task.succeeded.connect(done)
        self.task.failed.connect(self._on_task_failed)
        self.task.finished.connect(self._on_task_finished)
        for button in (self.publish_button, self.test_button, self.send_button):
            button.setEnabled(False)
        self.forget_button.setEnabled(False)
        self.progress_dialog.open()
        self.task.start()
        return self.task

    def _checked_target(self) -> ConfluenceTarget | None:
        target = self.target()
        try:
            target.check()
        except UserFacingError as error:
            self._show_result(html.escape(str(error)), "danger")
            return None
        self.save_settings()
        return target

    def _take_typed_token(self) -> str:
        typed = self.token_edit.text().strip()
        self.token_edit.clear()
        return typed

    def test_connection(self) -> WordedTask | None:
        """Store a typed token and check who Confluence says we are, off the GUI thread."""
        if self.task is not None:
            return None
        target = self._checked_target()
        if target is None:
            return None
        typed = self._take_typed_token()
        credentials = self.credentials
        factory = self.client_factory

        def work(progress: Progress, cancelled: CancelCheck) -> TokenUse:
            progress(0.2, "Reading the token")
            token, kept = _take_token(credentials, target, typed)
            progress(0.5, f"Asking {target.normalised_url} who is signed in")
            return TokenUse(factory(target, token).whoami(), kept)

        self._set_test_text("", "muted")
        return self._run(
            work, "Test connection", "Connecting to Confluence", self._on_test_succeeded
        )

    def publish(self) -> WordedTask | None:
        """Publish the report now, off the GUI thread; offline it waits in the outbox."""
        if self.task is not None:
            return None
        target = self._checked_target()
        if target is None:
            return None
        typed = self._take_typed_token()
        credentials = self.credentials
        factory = self.client_factory
        publishing = self.publishing
        load = self.services.postmortems.load
        postmortem_id = self.postmortem_id
        options = self.options()

        def work(progress: Progress, cancelled: CancelCheck) -> TokenUse:
            _, kept = _take_token(credentials, target, typed)
            outcome = publish_now(
                publishing,
                load,
                credentials,
                postmortem_id,
                target,
                options,
                client_factory=factory,
                progress=progress,
                cancelled=cancelled,
            )
            return TokenUse(outcome, kept)

        self._show_result("", "muted")
        return self._run(
            work, "Publish to Confluence", "Publishing the report", self._on_publish_succeeded
        )

    def send_now(self, only_job: int | None = None) -> WordedTask | None:
        """Send the waiting publishes (or one of them) now, off the GUI thread."""
        if self.task is not None:
            return None
        credentials = self.credentials
        factory = self.client_factory
        publishing = self.publishing
        load = self.services.postmortems.load

        def work(progress: Progress, cancelled: CancelCheck) -> SendReport:
            return send_pending(
                publishing,
                load,
                credentials,
                client_factory=factory,
                only_job=only_job,
                progress=progress,
                cancelled=cancelled,
            )

        self._show_result("", "muted")
        return self._run(
            work, "Send the outbox", "Sending waiting publishes", self._on_send_succeeded
        )

    def forget_token(self) -> WordedTask | None:
        """Remove the token of this server and account from the keyring, off the GUI thread."""
        if self.task is not None:
            return None
        target = self.target()
        credentials = self.credentials

        def work(progress: Progress, cancelled: CancelCheck) -> None:
            credentials.delete_token(target.normalised_url, target.user)

        return self._run(work, "Forget the token", "Forgetting the token", self._on_forgot)

    # --- results ----------------------------------------------------------------------------

    def _on_probe_succeeded(self, result: object) -> None:
        assert isinstance(result, TokenState)
        self.token_state = result
        self._update_token_hint()

    def _on_probe_failed(self, error: object) -> None:
        log.warning("The keyring could not be asked (%s).", type(error).__name__)
        self.token_state = TokenState(keyring_available=False, has_token=False)
        self._update_token_hint()

    def _on_probe_finished(self) -> None:
        self.probe_task = None

    def _note_kept(self, kept: bool) -> None:
        self.token_state = TokenState(
            keyring_available=self.token_state.keyring_available and kept,
            has_token=True,
            stored_in_keyring=kept,
        )
        self._update_token_hint()

    def _on_test_succeeded(self, result: object) -> None:
        assert isinstance(result, TokenUse)
        self._note_kept(result.kept)
        self._set_test_text(f"Connected as {result.value or 'the account'}.", "success")

    def _on_publish_succeeded(self, result: object) -> None:
        assert isinstance(result, TokenUse)
        assert isinstance(result.value, JobOutcome)
        self._note_kept(result.kept)
        self.show_outcome(result.value)

    def _on_send_succeeded(self, result: object) -> None:
        assert isinstance(result, SendReport)
        if len(result.outcomes) == 1:
            self.show_outcome(result.outcomes[0])
            return
        parts = []
        if result.sent:
            parts.append(f"{len(result.sent)} sent")
        if result.waiting:
            parts.append(f"{len(result.waiting)} still waiting for the server")
        if result.needs_attention:
            parts.append(f"{len(result.needs_attention)} need a decision below")
        role = "success" if result.sent and not result.needs_attention else "warning"
        self._show_result(html.escape("; ".join(parts) or "Nothing was waiting.") + ".", role)
        self.last_outcome = result.outcomes[-1] if result.outcomes else None

    def _on_forgot(self, result: object) -> None:
        self.token_state = TokenState(self.token_state.keyring_available, has_token=False)
        self._update_token_hint()
        self._set_test_text("The token is forgotten.", "muted")

    def show_outcome(self, outcome: JobOutcome) -> None:
        """Say what happened to a publish; ask about a conflict."""
        self.last_outcome = outcome
        message = html.escape(outcome.message)
        if outcome.status == "sent":
            job = self.publishing.job(outcome.job_id)
            target = ConfluenceTarget.from_settings(job.payload.get("target", {}))
            self.last_page_url = page_url(target, outcome.page_id)
            link = html.escape(self.last_page_url, quote=True)
            self._show_result(
                f'<b>Published.</b> {message}<br><a href="{link}">Open the page in Confluence</a>',
                "success",
            )
            self.published.emit(self.last_page_url)
        elif outcome.status == "pending":
            self._show_result(
                "<b>Queued in the outbox.</b> Confluence could not be reached right now, so the "
                "report waits below and is sent when the server is reachable — press Send "
                f"waiting now to try again.<br><small>{message}</small>",
                "warning",
            )
        elif outcome.status == "conflict":
            self._show_result(f"<b>Someone changed the page.</b> {message}", "warning")
            self.ask_about_conflict(outcome)
        else:
            self._show_result(f"<b>Not published.</b> {message}", "danger")

    def ask_about_conflict(self, outcome: JobOutcome) -> QMessageBox:
        """Ask whether to overwrite the changed page or cancel this publish."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Overwrite the page or cancel?",
            outcome.message,
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("conflictBox")
        box.setInformativeText(
            "Overwrite replaces their changes with this report (Confluence keeps the old "
            "version in the page history). Cancel leaves the page as it is."
        )
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        overwrite.setObjectName("conflictOverwriteButton")
        cancel = box.addButton("Cancel publish", QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("conflictCancelButton")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        job_id = outcome.job_id

        def answered() -> None:
            self.conflict_box = None
            self.resolve(job_id, overwrite=box.clickedButton() is overwrite)

        box.finished.connect(answered)
        self.conflict_box = box
        box.open()
        return box

    def resolve(self, job_id: int, *, overwrite: bool) -> WordedTask | None:
        """Answer a conflict: overwrite and send at once, or cancel the publish."""
        self.publishing.resolve(job_id, overwrite=overwrite)
        self.refresh_outbox()
        if overwrite:
            return self.send_now(only_job=job_id)
        self._show_result("Publish cancelled. The Confluence page was left as it is.", "muted")
        return None

    def _on_task_failed(self, error: object) -> None:
        if not isinstance(error, UserFacingError):
            log.error("Publishing failed unexpectedly (%s).", type(error).__name__)
        self._show_result(html.escape(error_text(error)), "danger")

    def _on_task_finished(self) -> None:
        self.task = None
        self.publish_button.setEnabled(True)
        self.test_button.setEnabled(True)
        self._update_token_hint()
        self.refresh_outbox()

    # --- slots ------------------------------------------------------------------------------

    def _on_flavour_combo_current_index_changed(self, index: int) -> None:
        self._update_flavour_fields()
        self.save_settings()
        self.probe_token()

    def _on_setting_edit_editing_finished(self) -> None:
        self.save_settings()
        self.probe_token()

    def _on_external_check_toggled(self, checked: bool) -> None:
        self.anonymise_check.setEnabled(not checked)
        if checked:
            self.anonymise_check.setChecked(True)

    def _on_forget_button_clicked(self) -> None:
        self.forget_token()

    def _on_outbox_selection_changed(
        self, selected: QItemSelection | None = None, deselected: QItemSelection | None = None
    ) -> None:
        job = self.selected_job()
        status = job[1] if job else ""
        idle = self.task is None
        self.retry_button.setEnabled(idle and status == "failed")
        self.overwrite_button.setEnabled(idle and status == "conflict")
        self.discard_button.setEnabled(idle and job is not None and status != "sending")

    def _on_send_button_clicked(self) -> None:
        self.send_now()

    def _on_retry_button_clicked(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.publishing.mark_waiting(job[0], "Retry requested.")
            self.send_now(only_job=job[0])

    def _on_overwrite_button_clicked(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.ask_about_conflict(
                JobOutcome(job[0], 0, "conflict", self.publishing.job(job[0]).last_error)
            )

    def _on_discard_button_clicked(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.publishing.resolve(job[0], overwrite=False)
            self.refresh_outbox()

    def showEvent(self, event: QShowEvent) -> None:
        """Make room for the wrapped hints at the dialog's real width."""
        super().showEvent(event)
        self._grow_to_fit()

    def reject(self) -> None:
        """Close, unless work is running (its progress dialog owns Cancel)."""
        if self.task is not None:
            if self.progress_dialog is not None:
                self.progress_dialog.cancel_button.click()
            return
        self.save_settings()
        super().reject()
