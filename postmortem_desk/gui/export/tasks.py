"""Run export and publish work off the GUI thread with a worded progress dialog and Cancel.

:class:`~postmortem_desk.gui.background.BackgroundTask` reports progress as two integers; the
export layer reports a fraction and a sentence. :class:`WordedTask` carries both.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.gui.background import BackgroundTask
from postmortem_desk.gui.style import colour

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]
WordedWork = Callable[[Progress, CancelCheck], Any]
STEPS = 1000


class WordedTask(QObject):
    """Run ``work(progress, cancelled)`` on the thread pool; progress says what it is doing.

    Signals:
        progressed(float, str): the fraction done (0 to 1) and a sentence about it.
        succeeded(object): the work's return value.
        failed(object): the exception it raised.
        finished(): emitted after succeeded or failed.
    """

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: WordedWork, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._text = ""

        def run(report: Callable[[int, int], None], cancelled: CancelCheck) -> Any:
            def progress(fraction: float, text: str) -> None:
                with self._lock:
                    self._text = text
                report(round(max(0.0, min(fraction, 1.0)) * STEPS), STEPS)

            return work(progress, cancelled)

        self._task = BackgroundTask(run, self)
        self._task.progressed.connect(self._on_task_progressed)
        self._task.succeeded.connect(self.succeeded)
        self._task.failed.connect(self.failed)
        self._task.finished.connect(self.finished)

    @property
    def running(self) -> bool:
        """Tell whether the work has started and not yet finished."""
        return self._task.running

    def start(self) -> None:
        """Start the work on the global thread pool."""
        self._task.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._task.cancel()

    def _on_task_progressed(self, done: int, total: int) -> None:
        with self._lock:
            text = self._text
        self.progressed.emit(done / total if total else 0.0, text)


class TaskProgressDialog(QDialog):
    """Show what a running task is doing, with a Cancel button that asks it to stop.

    Escape and the window's close button cancel too. The dialog closes itself when the task
    finishes; the caller shows the result.

    Signals:
        cancel_requested(): the user asked to stop the work.
    """

    cancel_requested = Signal()

    def __init__(
        self, title: str, headline: str, detail: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgressDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        self.headline_label = QLabel(headline, self)
        self.headline_label.setObjectName("progressHeadline")
        self.headline_label.setProperty("role", "sectionTitle")
        self.headline_label.setWordWrap(True)
        layout.addWidget(self.headline_label)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("progressDetail")
        self.detail_label.setProperty("role", "muted")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setToolTip(detail)
        self.detail_label.setText(
            self.detail_label.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideMiddle, 420)
        )
        self.detail_label.setVisible(bool(detail))
        layout.addWidget(self.detail_label)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progressBar")
        self.bar.setAccessibleName("Progress")
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setStyleSheet(
            f"QProgressBar {{ background: {colour('border').name()}; border: none;"
            " border-radius: 4px; }"
            f"QProgressBar::chunk {{ background: {colour('accent').name()};"
            " border-radius: 4px; }"
        )
        layout.addSpacing(4)
        layout.addWidget(self.bar)
        self.status_label = QLabel("Starting…", self)
        self.status_label.setObjectName("progressStatus")
        self.status_label.setProperty("role", "muted")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addSpacing(6)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("progressCancelButton")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.cancelling = False
        self._finished = False

    def show_progress(self, fraction: float, text: str) -> None:
        """Move the bar to ``fraction`` (0 to 1) and say what is happening."""
        self.bar.setValue(round(max(0.0, min(fraction, 1.0)) * STEPS))
        if text and not self.cancelling:
            self.status_label.setText(f"{text}…" if not text.endswith((".", "…")) else text)

    def follow(self, task: WordedTask) -> None:
        """Show ``task``'s progress, cancel it on request, and close when it is done."""
        task.progressed.connect(self.show_progress)
        self.cancel_requested.connect(task.cancel)
        task.finished.connect(self.finish)

    def finish(self) -> None:
        """Close the dialog because the work is over."""
        self._finished = True
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Treat Escape as Cancel; the dialog stays until the work has stopped."""
        if self._finished:
            super().reject()
            return
        self._on_cancel_button_clicked()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Treat the window's close button as Cancel while the work runs."""
        if self._finished:
            super().closeEvent(event)
            return
        event.ignore()
        self._on_cancel_button_clicked()

    def _on_cancel_button_clicked(self) -> None:
        if self.cancelling:
            return
        self.cancelling = True
        self.cancel_button.setEnabled(False)
        self.status_label.setText("Cancelling — stopping at the next safe point…")
        self.cancel_requested.emit()


def error_text(error: object) -> str:
    """Return the sentence to show for an error raised by export or publish work."""
    from postmortem_desk.domain.errors import UserFacingError

    if isinstance(error, UserFacingError):
        return str(error)
    if isinstance(error, OSError):
        name = f" {error.filename}" if error.filename else ""
        return f"The file{name} could not be written: {error.strerror or error}."
    return f"Something unexpected went wrong ({type(error).__name__})."
