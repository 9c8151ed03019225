"""Export a report through the app: Follow-up buttons, File menu, dialog, progress, Cancel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.export.jobs import ExportFormat
from postmortem_desk.gui.export.entry_points import (
    ExportActions,
    export_actions_of,
    install_export_actions,
)
from postmortem_desk.gui.export.export_dialog import ExportDialog
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.pages.follow_up_page import FollowUpPage
from postmortem_desk.services.demo import DEMO_TITLE
from postmortem_desk.services.registry import Services


class UrlRecorder(QObject):
    """Receive the URLs the app asks the desktop to open, instead of launching a viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        """Remember one URL."""
        self.urls.append(url)


@pytest.fixture
def opened_urls() -> Iterator[list[QUrl]]:
    """Route file:// URLs opened through QDesktopServices to a list."""
    recorder = UrlRecorder()
    QDesktopServices.setUrlHandler("file", recorder, "handle")
    yield recorder.urls
    QDesktopServices.unsetUrlHandler("file")


def _actions(main_window: MainWindow) -> ExportActions:
    install_export_actions(main_window)
    actions = export_actions_of(main_window)
    assert actions is not None
    return actions


def _export_from_follow_up(
    main_window: MainWindow, demo_id: PostmortemId, button: str = "exportPdfButton"
) -> ExportDialog:
    actions = _actions(main_window)
    main_window.open_postmortem(demo_id)
    assert main_window.controller is not None
    assert main_window.meeting_view is not None
    main_window.controller.go_to_step(MeetingStep.FOLLOW_UP)
    page = main_window.meeting_view.page_by_step[MeetingStep.FOLLOW_UP]
    assert isinstance(page, FollowUpPage)
    getattr(page.ui, button).click()
    dialog = actions.dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.isVisible()
    return dialog


def _type_destination(qtbot, dialog: ExportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.destination_edit.selectAll()
    qtbot.keyClicks(dialog.destination_edit, str(path))


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_follow_up_pdf_button_exports_a_real_pdf_and_opens_it(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, tmp_path: Path, opened_urls: list[QUrl]
) -> None:  # type: ignore[no-untyped-def]
    dialog = _export_from_follow_up(main_window, demo_id)
    assert dialog.export_format() is ExportFormat.PDF
    assert dialog.destination().name.startswith("INC-")
    assert dialog.destination().suffix == ".pdf"
    dialog.open_check.setChecked(True)
    dialog.section_checks[list(dialog.section_checks)[-1]].setChecked(False)  # meeting statistics
    target = tmp_path / "checkout report.pdf"
    _type_destination(qtbot, dialog, target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.busy
    assert dialog.progress_dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)

    assert dialog.pages.currentWidget() is dialog.done_page
    assert target.name in dialog.done_label.text()
    reader = PdfReader(target)
    assert reader.metadata is not None
    assert reader.metadata.title is not None
    assert "Checkout outage" in reader.metadata.title
    text = _pdf_text(target)
    assert "Action items" in text
    assert "Meeting statistics" not in text
    assert [url.toLocalFile() for url in opened_urls] == [str(target)]

    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert opened_urls[-1].toLocalFile() == str(tmp_path)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened_urls[-1].toLocalFile() == str(target)
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [target.name]


def test_anonymised_external_markdown_names_no_one(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _export_from_follow_up(main_window, demo_id, "exportMarkdownButton")
    assert dialog.export_format() is ExportFormat.MARKDOWN
    assert dialog.destination().suffix == ".md"
    dialog.open_check.setChecked(False)
    qtbot.mouseClick(dialog.external_radio, Qt.MouseButton.LeftButton)
    assert dialog.anonymise_check.isChecked()
    assert not dialog.anonymise_check.isEnabled()
    assert not dialog.section_checks[list(dialog.section_checks)[3]].isEnabled()  # timeline
    target = tmp_path / "external.md"
    _type_destination(qtbot, dialog, target)
    qtbot.keyClick(dialog.destination_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    text = target.read_text("utf-8")
    assert DEMO_TITLE in text or "Checkout outage" in text
    for person in services.postmortems.load(demo_id).participants:
        assert person.name not in text


def test_switching_format_changes_the_suggested_suffix(
    main_window: MainWindow, demo_id: PostmortemId
) -> None:
    dialog = _export_from_follow_up(main_window, demo_id)
    dialog.format_buttons[ExportFormat.CONFLUENCE_XML].click()
    assert dialog.destination().suffix == ".xml"
    dialog.format_buttons[ExportFormat.MARKDOWN].click()
    assert dialog.destination().suffix == ".md"


def test_cancel_mid_way_leaves_no_file(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, tmp_path: Path, opened_urls: list[QUrl]
) -> None:  # type: ignore[no-untyped-def]
    dialog = _export_from_follow_up(main_window, demo_id)
    target = tmp_path / "cancelled.pdf"
    _type_destination(qtbot, dialog, target)
    task = dialog.start_export()
    assert task is not None
    progress = dialog.progress_dialog
    assert progress is not None
    assert progress.isVisible()
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    assert "Cancelling" in progress.status_label.text()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)

    assert not target.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "library.sqlite"] or all(
        p.name.startswith("library.sqlite") for p in tmp_path.iterdir()
    )
    assert dialog.pages.currentWidget() is dialog.form_page
    assert "cancelled" in dialog.message_label.text().lower()
    assert "Nothing was written" in dialog.message_label.text()
    assert opened_urls == []


def test_escape_in_the_progress_dialog_cancels(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _export_from_follow_up(main_window, demo_id)
    _type_destination(qtbot, dialog, tmp_path / "escaped.pdf")
    dialog.start_export()
    assert dialog.progress_dialog is not None
    qtbot.keyClick(dialog.progress_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert not (tmp_path / "escaped.pdf").exists()


def test_a_missing_folder_is_explained_before_anything_runs(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _export_from_follow_up(main_window, demo_id)
    _type_destination(qtbot, dialog, tmp_path / "no such folder" / "report.pdf")
    assert dialog.start_export() is None
    assert not dialog.message_label.isHidden()
    assert "does not exist" in dialog.message_label.text()
    _type_destination(qtbot, dialog, tmp_path)
    assert dialog.start_export() is None
    assert "is a folder" in dialog.message_label.text()


def test_a_write_error_shows_the_message_and_leaves_nothing(
    qtbot, main_window: MainWindow, demo_id: PostmortemId, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = _export_from_follow_up(main_window, demo_id)
    target = tmp_path / "report.pdf"
    _type_destination(qtbot, dialog, target)
    # The folder exists when Export is pressed and is gone when the file is written.
    folder = tmp_path / "vanishing"
    folder.mkdir()
    _type_destination(qtbot, dialog, folder / "report.pdf")
    task = dialog.start_export()
    assert task is not None
    folder.rmdir()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.pages.currentWidget() is dialog.form_page
    text = dialog.message_label.text()
    assert "was not written" in text
    assert str(folder) in text
    assert not folder.exists()


def test_file_menu_and_ctrl_e_follow_the_library_selection(
    qtbot, main_window: MainWindow, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    actions = _actions(main_window)
    assert actions.export_action.shortcut() == QKeySequence("Ctrl+E")
    file_menu = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert "&Export report…" in texts
    assert "&Publish to Confluence…" in texts
    assert texts.index("&Export report…") < texts.index("&Quit")

    main_window.library_page.ui.tableView.clearSelection()
    assert not actions.export_action.isEnabled()
    assert not actions.publish_action.isEnabled()
    main_window.library_page.select(demo_id)
    assert actions.export_action.isEnabled()
    assert actions.publish_action.isEnabled()

    actions.export_action.trigger()
    dialog = actions.dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.postmortem_id == demo_id
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_export_shortcut_reaches_the_action_from_the_meeting(
    qtbot, main_window: MainWindow, demo_id: PostmortemId
) -> None:  # type: ignore[no-untyped-def]
    actions = _actions(main_window)
    main_window.open_postmortem(demo_id)
    main_window.activateWindow()
    assert actions.export_action.isEnabled()
    with qtbot.waitSignal(actions.export_action.triggered, timeout=2000):
        qtbot.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(actions.dialog, ExportDialog)
    actions.dialog.reject()
