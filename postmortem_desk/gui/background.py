"""Run slow work (imports, exports, publishing, keyring calls) off the GUI thread.

The work is a plain function taking a ``report(done, total)`` callback and a ``cancelled()``
check; the result or the error comes back on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class BackgroundTask(QObject):
    """One piece of work on the thread pool, with progress, cancel and a result.

    Signals:
        progressed(int, int): work done and total so far.
        succeeded(object): the function's return value.
        failed(object): the exception it raised.
        finished(): emitted after succeeded or failed.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progressed.connect(self.progressed)
        self._signals.succeeded.connect(self._on_signals_succeeded)
        self._signals.failed.connect(self._on_signals_failed)
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        """Start the work on ``pool`` (the global pool by default)."""
        signals = self._signals
        work = self._work
        cancel = self._cancel

        def run() -> None:
            try:
                result = work(
                    lambda done, total: signals.progressed.emit(done, total), cancel.is_set
                )
            except BaseException as error:
                signals.failed.emit(error)
            else:
                signals.succeeded.emit(result)

        self.running = True
        (pool or QThreadPool.globalInstance()).start(QRunnable.create(run))

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def _on_signals_succeeded(self, result: object) -> None:
        self.running = False
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_signals_failed(self, error: object) -> None:
        self.running = False
        self.failed.emit(error)
        self.finished.emit()
