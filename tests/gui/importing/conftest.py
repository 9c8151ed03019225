"""Import dialog fixtures: the demo open at the Review step, the dialog opened from its button."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QThreadPool
from shiboken6 import isValid

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.importing.entry_points import (
    ImportActions,
    import_actions_of,
    install_import_action,
)
from postmortem_desk.gui.importing.import_dialog import ImportDialog
from postmortem_desk.gui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def actions(main_window: MainWindow, demo_id: PostmortemId, qtbot: QtBot) -> ImportActions:
    """Install the import action and open the demo at the Review step."""
    install_import_action(main_window)
    main_window.open_postmortem(demo_id)
    assert main_window.controller is not None
    main_window.controller.go_to_step(MeetingStep.REVIEW)
    installed = import_actions_of(main_window)
    assert installed is not None
    return installed


@pytest.fixture
def dialog(actions: ImportActions, qtbot: QtBot) -> Iterator[ImportDialog]:
    """Open the import dialog with the Review step's Import… button."""
    button = actions.review_import_button()
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    button.click()
    opened = actions.dialog
    assert opened is not None
    qtbot.waitUntil(opened.isVisible)
    yield opened
    if isValid(opened) and opened.busy:
        opened.cancel_task()
        qtbot.waitUntil(lambda: not opened.busy, timeout=20000)


@pytest.fixture
def gated_pool() -> Iterator[tuple[QThreadPool, threading.Event]]:
    """A one-thread pool held by a waiting task until the test opens the gate."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    gate = threading.Event()
    pool.start(lambda: gate.wait(30))
    yield pool, gate
    gate.set()
    pool.waitForDone(30000)
