"""Render every window, meeting step and dialog to PNG with the demo data.

Other parts of the GUI add their own pictures by listing a module in ``SHOT_PROVIDERS``; each
such module has ``tour_shots(tour: Tour) -> list[Shot]``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.main_window import MainWindow
from postmortem_desk.gui.projector.theme import PALETTES
from postmortem_desk.services.registry import Services

LAPTOP = QSize(1280, 800)
PROJECTOR = QSize(1920, 1080)
PROJECTOR_SMALL = QSize(1280, 720)
SHOT_PROVIDERS: tuple[str, ...] = ()


@dataclass(frozen=True)
class Shot:
    """One picture: its file name stem, the size, and how to put it on screen.

    ``show`` returns the widget to grab; ``size`` None keeps the widget's own size (dialogs).
    """

    name: str
    show: Callable[[], QWidget]
    size: QSize | None = None
    cleanup: Callable[[], None] | None = None


def settle() -> None:
    """Let Qt lay out and paint everything that is pending."""
    for _ in range(3):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QApplication.sendPostedEvents()


def size_suffix(size: QSize) -> str:
    """Write a size the way file names show it."""
    return f"{size.width()}x{size.height()}"


class Tour:
    """Walk the app over one database with the demo postmortem open."""

    def __init__(self, services: Services, demo_id: int, out_dir: Path) -> None:
        self.services = services
        self.demo_id = demo_id
        self.out_dir = out_dir
        self.window = MainWindow(services)
        self.window.show()
        self.written: list[Path] = []

    def save(self, widget: QWidget, name: str) -> Path:
        """Grab ``widget`` to ``name``.png."""
        settle()
        path = self.out_dir / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"Could not write {path}")
        self.written.append(path)
        return path

    def at_size(self, size: QSize) -> MainWindow:
        """Resize the main window and return it."""
        self.window.resize(size)
        settle()
        return self.window

    def library(self, size: QSize) -> QWidget:
        """Show the library."""
        self.window.show_library()
        return self.at_size(size)

    def step(self, step: MeetingStep, size: QSize) -> QWidget:
        """Show one step of the demo meeting."""
        if self.window.controller is None or self.window.controller.postmortem_id != self.demo_id:
            self.window.open_postmortem(self.demo_id)
        controller = self.window.controller
        assert controller is not None
        controller.go_to_step(step)
        if step == MeetingStep.REVIEW and controller.bundle.events:
            controller.set_current_event(controller.bundle.events[5].id or 0)
        return self.at_size(size)

    def shots(self) -> list[Shot]:
        """List every picture of the core windows, then those of the providers."""
        shots: list[Shot] = []
        for size in (LAPTOP, PROJECTOR):
            shots.append(Shot(f"library-{size_suffix(size)}", partial(self.library, size)))
        for size in (LAPTOP, PROJECTOR):
            for step in MeetingStep:
                name = f"step-{step.number}-{step.value.replace('_', '-')}-{size_suffix(size)}"
                shots.append(Shot(name, partial(self.step, step, size)))
        shots.append(
            Shot(
                f"step-3-review-language-coach-{size_suffix(LAPTOP)}",
                self.review_with_coach,
                cleanup=self._close_coach,
            )
        )
        shots.extend(self._projector_shots())
        shots.extend(self._tracker_shots())
        shots.extend(self._dialog_shots())
        for module_name in SHOT_PROVIDERS:
            module = importlib.import_module(module_name)
            shots.extend(module.tour_shots(self))
        return shots

    def review_with_coach(self) -> QWidget:
        """Show the review step on the chat line the coach flags, with the coach panel open."""
        window = self.step(MeetingStep.REVIEW, LAPTOP)
        controller = self.window.controller
        view = self.window.meeting_view
        assert controller is not None
        assert view is not None
        flagged = next((e for e in controller.bundle.events if "should have" in e.text), None)
        if flagged is not None:
            controller.set_current_event(flagged.id or 0)
        view.coach_button.setChecked(True)
        for _ in range(10):
            settle()
        return window

    def _close_coach(self) -> None:
        if self.window.meeting_view is not None:
            self.window.meeting_view.coach_button.setChecked(False)

    def projector(self, step: MeetingStep, size: QSize, theme: str = "dark") -> QWidget:
        """Show the projector for one step of the demo at ``size``."""
        self.step(step, LAPTOP)
        projector = self.window.open_projector()
        assert projector is not None
        projector.set_palette(PALETTES[theme])
        projector.resize(size)
        settle()
        return projector

    def _projector_shots(self) -> list[Shot]:
        shots: list[Shot] = []
        for size in (PROJECTOR, PROJECTOR_SMALL):
            for step in MeetingStep:
                name = f"projector-{step.value.replace('_', '-')}-{size_suffix(size)}"
                shots.append(Shot(name, partial(self.projector, step, size)))
        shots.append(
            Shot(
                f"projector-review-light-{size_suffix(PROJECTOR)}",
                lambda: self.projector(MeetingStep.REVIEW, PROJECTOR, "light"),
                cleanup=self.window.close_projector,
            )
        )
        return shots

    def tracker(self, tab: int) -> QWidget:
        """Show the follow-through window on one tab."""
        window = self.window.open_tracker()
        window.tabs.setCurrentIndex(tab)
        window.resize(LAPTOP)
        return window

    def reminders(self) -> QWidget:
        """Show the library with the reminder banner as it looks the day before items fall due."""
        demo = self.services.postmortems.get(self.demo_id)
        day_before = min(
            (a.due_date for a in self.services.actions.list_for(self.demo_id) if a.due_date),
            default=demo.created_at.date(),
        ) - timedelta(days=1)
        self.window.start_reminders()
        banner = self.window.reminder_banner
        assert banner is not None
        banner.show_reminders(self.services.tracker.due_reminders(today=day_before))
        return self.library(LAPTOP)

    def _hide_reminders(self) -> None:
        if self.window.reminder_banner is not None:
            self.window.reminder_banner.hide()

    def _tracker_shots(self) -> list[Shot]:
        def hide_tracker() -> None:
            if self.window.tracker_window is not None:
                self.window.tracker_window.hide()

        return [
            Shot(f"tracker-action-items-{size_suffix(LAPTOP)}", partial(self.tracker, 0)),
            Shot(
                f"tracker-debt-{size_suffix(LAPTOP)}",
                partial(self.tracker, 1),
                cleanup=hide_tracker,
            ),
            Shot(
                f"library-reminders-{size_suffix(LAPTOP)}",
                self.reminders,
                cleanup=self._hide_reminders,
            ),
        ]

    def _dialog_shots(self) -> list[Shot]:
        def about() -> QWidget:
            return self.window.show_about()

        def new_postmortem() -> QWidget:
            dialog = QInputDialog(self.window)
            dialog.setWindowTitle("New postmortem")
            dialog.setLabelText("What happened? (a short title)")
            dialog.setTextValue("Search indexing lag after a node replacement")
            dialog.resize(480, 140)
            dialog.open()
            return dialog

        def delete_question() -> QWidget:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Delete postmortem",
                f"Move “{self.services.postmortems.get(self.demo_id).title}” to the trash?\n\n"
                "You can undo this with Ctrl+Z.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self.window,
            )
            box.open()
            return box

        return [
            Shot("dialog-about", about),
            Shot("dialog-new-postmortem", new_postmortem),
            Shot("dialog-delete-postmortem", delete_question),
        ]

    def run(self) -> list[Path]:
        """Take every picture and return the files written."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for shot in self.shots():
            widget = shot.show()
            if shot.size is not None and widget is not self.window:
                widget.resize(shot.size)
            self.save(widget, shot.name)
            if isinstance(widget, QDialog):
                widget.close()
            if shot.cleanup is not None:
                shot.cleanup()
        self.window.close()
        return self.written
