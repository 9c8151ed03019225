"""GUI test setup: offscreen Qt, the app's style, and a real controller over a temp database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from postmortem_desk.domain.types import PostmortemId  # noqa: E402
from postmortem_desk.gui.change_relay import ChangeRelay  # noqa: E402
from postmortem_desk.gui.controller import PostmortemController  # noqa: E402
from postmortem_desk.gui.main_window import MainWindow  # noqa: E402
from postmortem_desk.gui.style import apply_style  # noqa: E402
from postmortem_desk.services.registry import Services  # noqa: E402


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
