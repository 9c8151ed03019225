"""What every service shares: short sessions, the change bus, and the errors a caller can show."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlmodel import Session

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.services.changes import Change, ChangeBus, ChangeKind, ChangeListener, Entity

__all__ = [
    "Change",
    "ChangeBus",
    "ChangeKind",
    "ChangeListener",
    "Entity",
    "NotFoundError",
    "Service",
    "Store",
    "ValidationError",
]


class NotFoundError(UserFacingError):
    """The record asked for does not exist (or was deleted)."""


class ValidationError(UserFacingError):
    """An input was refused; the message names the field and what is allowed."""


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
