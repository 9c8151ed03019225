"""Undo commands that replay service calls, so every edit in the meeting can be undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtGui import QUndoCommand

Snapshot = TypeVar("Snapshot")


class CallCommand(QUndoCommand):
    """Run ``do`` now and on redo, ``undo`` on undo."""

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        """Apply the edit."""
        self._do()

    def undo(self) -> None:
        """Revert the edit."""
        self._undo()


class CreateCommand(QUndoCommand, Generic[Snapshot]):
    """Create a row; undo deletes it and keeps a snapshot; redo restores the same row."""

    def __init__(
        self,
        text: str,
        create: Callable[[], Any],
        delete: Callable[[int], Snapshot],
        restore: Callable[[Snapshot], Any],
    ) -> None:
        super().__init__(text)
        self._create = create
        self._delete = delete
        self._restore = restore
        self._snapshot: Snapshot | None = None
        self.row_id: int | None = None

    def redo(self) -> None:
        """Create the row, or bring the undone one back."""
        if self._snapshot is None:
            row = self._create()
            self.row_id = int(row.id)
        else:
            self._restore(self._snapshot)

    def undo(self) -> None:
        """Delete the row, remembering it."""
        assert self.row_id is not None
        self._snapshot = self._delete(self.row_id)


class DeleteCommand(QUndoCommand, Generic[Snapshot]):
    """Delete a row keeping a snapshot; undo restores it with the same id."""

    def __init__(
        self,
        text: str,
        row_id: int,
        delete: Callable[[int], Snapshot],
        restore: Callable[[Snapshot], Any],
    ) -> None:
        super().__init__(text)
        self._row_id = row_id
        self._delete = delete
        self._restore = restore
        self._snapshot: Snapshot | None = None

    def redo(self) -> None:
        """Delete the row."""
        self._snapshot = self._delete(self._row_id)

    def undo(self) -> None:
        """Put the row back."""
        assert self._snapshot is not None
        self._restore(self._snapshot)
