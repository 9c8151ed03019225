"""One controller per open postmortem: the single source both windows draw from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.meeting_clock import StepTimer, is_running, step_timer
from postmortem_desk.domain.types import utc_now
from postmortem_desk.gui.change_relay import ChangeRelay
from postmortem_desk.gui.undo import CallCommand, CreateCommand, DeleteCommand
from postmortem_desk.services.base import Change, Entity
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.registry import Services

Clock = Callable[[], datetime]


class PostmortemController(QObject):
    """Call the services for one postmortem, keep its loaded snapshot, and announce changes.

    Signals:
        reloaded(): the snapshot was reloaded after a committed change.
        changed(Change): one committed change to this postmortem (after the reload).
        step_changed(MeetingStep): the meeting moved to another step.
        current_event_changed(int): the event under discussion changed (0 for none).
        timer_ticked(): a second passed while a step timer runs.
    """

    reloaded = Signal()
    changed = Signal(object)
    step_changed = Signal(object)
    current_event_changed = Signal(int)
    timer_ticked = Signal()

    def __init__(
        self,
        services: Services,
        relay: ChangeRelay,
        postmortem_id: int,
        *,
        clock: Clock = utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.postmortem_id = postmortem_id
        self.clock = clock
        self.undo_stack = QUndoStack(self)
        self.bundle: PostmortemBundle = services.postmortems.load(postmortem_id)
        self.current_event_id = 0
        self._relay = relay
        relay.changed.connect(self._on_relay_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        self._update_ticker()

    @property
    def step(self) -> MeetingStep:
        """Return the step the meeting is at."""
        return self.bundle.postmortem.current_step

    def close(self) -> None:
        """Stop listening; the controller is about to be dropped."""
        self._ticker.stop()
        self._relay.changed.disconnect(self._on_relay_changed)

    def reload(self) -> None:
        """Load the postmortem again from the database."""
        self.bundle = self.services.postmortems.load(self.postmortem_id)
        if self.current_event_id and not any(
            e.id == self.current_event_id for e in self.bundle.events
        ):
            self.current_event_id = 0
            self.current_event_changed.emit(0)
        self._update_ticker()
        self.reloaded.emit()

    def _on_relay_changed(self, change: Change) -> None:
        if change.postmortem_id != self.postmortem_id and change.entity != Entity.SETTING:
            return
        old_step = self.step
        self.reload()
        self.changed.emit(change)
        if self.step != old_step:
            self.step_changed.emit(self.step)

    def _on_ticker_timeout(self) -> None:
        self.timer_ticked.emit()

    def _update_ticker(self) -> None:
        running = is_running(self.bundle.step_logs)
        if running and not self._ticker.isActive():
            self._ticker.start()
        elif not running and self._ticker.isActive():
            self._ticker.stop()

    def go_to_step(self, step: MeetingStep) -> None:
        """Move the meeting to ``step``; its timer starts by itself."""
        if step == self.step and is_running(self.bundle.step_logs):
            return
        self.services.meeting.enter_step(self.postmortem_id, step=step, now=self.clock())

    def timer(self, step: MeetingStep | None = None) -> StepTimer:
        """Return the time box of ``step`` (default: the current one) now."""
        return step_timer(
            self.bundle.step_logs,
            self.bundle.postmortem.agenda,
            step or self.step,
            self.clock(),
        )

    def pause_timer(self) -> None:
        """Pause the running step timer."""
        self.services.meeting.pause(self.postmortem_id, now=self.clock())

    def resume_timer(self) -> None:
        """Resume the current step's timer."""
        self.services.meeting.resume(self.postmortem_id, now=self.clock())

    def extend_step(self, minutes: int = 5) -> None:
        """Give the current step more time (undoable)."""
        step = self.step
        before = int(self.bundle.postmortem.agenda.get(step.value, 0))
        self.undo_stack.push(
            CallCommand(
                f"Add {minutes} min to {step.label}",
                lambda: self.services.meeting.set_planned_minutes(
                    self.postmortem_id, step=step, minutes=before + minutes
                ),
                lambda: self.services.meeting.set_planned_minutes(
                    self.postmortem_id, step=step, minutes=before
                ),
            )
        )

    def set_current_event(self, event_id: int) -> None:
        """Make ``event_id`` the event under discussion (0 for none)."""
        if event_id != self.current_event_id:
            self.current_event_id = event_id
            self.current_event_changed.emit(event_id)

    def move_current_event(self, delta: int) -> None:
        """Move the event under discussion ``delta`` places along the timeline."""
        events = self.bundle.events
        if not events:
            return
        ids = [e.id or 0 for e in events]
        index = ids.index(self.current_event_id) if self.current_event_id in ids else -1
        if index < 0:
            index = 0 if delta >= 0 else len(ids) - 1
        else:
            index = max(0, min(len(ids) - 1, index + delta))
        self.set_current_event(ids[index])

    def update_postmortem(self, text: str, **changes: Any) -> None:
        """Change postmortem facts as one undoable edit."""
        postmortem = self.bundle.postmortem
        before = {name: getattr(postmortem, name) for name in changes}
        if before == changes:
            return
        self.undo_stack.push(
            CallCommand(
                text,
                lambda: self.services.postmortems.update(self.postmortem_id, **changes),
                lambda: self.services.postmortems.update(self.postmortem_id, **before),
            )
        )

    def push_update(
        self,
        text: str,
        apply: Callable[[dict[str, Any]], Any],
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        """Push an undoable field edit of any row: ``apply`` writes a dict of fields."""
        if before == after:
            return
        self.undo_stack.push(CallCommand(text, lambda: apply(after), lambda: apply(before)))

    def push_create(
        self,
        text: str,
        create: Callable[[], Any],
        delete: Callable[[int], Any],
        restore: Callable[[Any], Any],
    ) -> int:
        """Create a row as an undoable edit and return its id."""
        command: CreateCommand[Any] = CreateCommand(text, create, delete, restore)
        self.undo_stack.push(command)
        assert command.row_id is not None
        return command.row_id

    def push_delete(
        self,
        text: str,
        row_id: int,
        delete: Callable[[int], Any],
        restore: Callable[[Any], Any],
    ) -> None:
        """Delete a row as an undoable edit."""
        self.undo_stack.push(DeleteCommand(text, row_id, delete, restore))
