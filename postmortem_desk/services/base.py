"""What every service shares: short sessions, the change bus, and the errors a caller can show."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Engine
from sqlmodel import Session

from postmortem_desk.domain.errors import UserFacingError


class NotFoundError(UserFacingError):
    """The record asked for does not exist (or was deleted)."""


class ValidationError(UserFacingError):
    """An input was refused; the message names the field and what is allowed."""


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


class Store:
    """Hand out short sessions that commit on success; objects stay readable after the session."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Open a session, commit when the block ends cleanly, roll back otherwise."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise


class Service:
    """Base of every service: a store to open sessions and a bus to announce changes."""

    def __init__(self, store: Store, bus: ChangeBus) -> None:
        self.store = store
        self.bus = bus

    def _announce(
        self,
        entity: Entity,
        kind: ChangeKind,
        postmortem_id: int | None,
        ids: tuple[int, ...] = (),
        fields: frozenset[str] = frozenset(),
    ) -> Change:
        change = Change(
            entity=entity, kind=kind, postmortem_id=postmortem_id, ids=ids, fields=fields
        )
        self.bus.publish(change)
        return change
