"""GUI test setup: offscreen Qt, the app's style, and a real controller over a temp database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest

from PySide6.QtWidgets import QApplication

from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.change_relay import ChangeRelay
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.style import apply_style
from postmortem_desk.services.registry import Services


@pytest.fixture(autouse=True)
def _styled_app(qapp: QApplication) -> QApplication:
    """Give every GUI test the app's fonts and style sheet, as users see them."""
    qapp.setOrganizationName("Postmortem Desk Tests")
    apply_style(qapp)
    return qapp


@pytest.fixture
def relay(services: Services) -> Iterator[ChangeRelay]:
    """Relay the services' changes as Qt signals."""
    change_relay = ChangeRelay(services.bus)
    yield change_relay
    change_relay.detach()


@pytest.fixture
def controller(
    services: Services, relay: ChangeRelay, demo_id: PostmortemId
) -> Iterator[PostmortemController]:
    """A real controller over the demo postmortem."""
    meeting = PostmortemController(services, relay, demo_id)
    yield meeting
    meeting.close()


@pytest.fixture
def main_window(qtbot, services: Services) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The facilitator's window over the test database, shown at laptop size."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()
