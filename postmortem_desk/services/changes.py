"""Changes the services announce after each commit, and the bus that carries them.

Kept apart from the services so views can listen without loading the database layer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Entity(StrEnum):
    """What a change touched, so views refresh only what they show."""

    POSTMORTEM = "postmortem"
    PARTICIPANT = "participant"
    ROLE = "role"
    EVENT = "event"
    ANNOTATION = "annotation"
    WHY = "why"
    ACTION = "action"
    LESSON = "lesson"
    PARKING = "parking"
    EVIDENCE = "evidence"
    MEETING = "meeting"
    SETTING = "setting"
    COACH = "coach"
    PUBLISH = "publish"


class ChangeKind(StrEnum):
    """Whether rows were created, updated or deleted."""

    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True)
class Change:
    """One committed edit, broadcast after the transaction so every view can follow."""

    entity: Entity
    kind: ChangeKind
    postmortem_id: int | None
    ids: tuple[int, ...] = ()
    fields: frozenset[str] = field(default_factory=frozenset)


ChangeListener = Callable[[Change], None]


class ChangeBus:
    """Deliver each committed change to every listener, in the order they subscribed."""

    def __init__(self) -> None:
        self._listeners: list[ChangeListener] = []

    def subscribe(self, listener: ChangeListener) -> None:
        """Call ``listener`` with every change from now on."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: ChangeListener) -> None:
        """Stop calling ``listener``; unknown listeners are ignored."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        """Tell every listener about ``change``."""
        for listener in list(self._listeners):
            listener(change)
