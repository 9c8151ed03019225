"""Undo a whole import in one step, and bring the same events back on redo."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.services.timeline_import import ImportPreview, ImportService

log = logging.getLogger(__name__)

Notify = Callable[[str], None]


def import_text(count: int, file_name: str) -> str:
    """Name an import in the Edit menu: ``Import 147 events from export.zip``."""
    return f"Import {count} event{'s' if count != 1 else ''} from {file_name}"


class ImportCommand(QUndoCommand):
    """An import that has already been written, as one entry of the undo history.

    The dialog writes the events off the GUI thread and then pushes this command, so the first
    redo (which ``QUndoStack.push`` calls) does nothing. Undo removes the batch and the key times
    it set; redo after an undo applies the same preview again as a new batch.
    """

    def __init__(
        self,
        imports: ImportService,
        preview: ImportPreview,
        batch_id: int,
        event_count: int,
        *,
        file_name: str,
        accept_problems: bool,
        notify: Notify | None = None,
    ) -> None:
        super().__init__(import_text(event_count, file_name))
        self._imports = imports
        self._preview = preview
        self._file_name = file_name
        self._accept_problems = accept_problems
        self._notify = notify
        self.batch_id: int | None = batch_id
        self._written = True

    def redo(self) -> None:
        """Write the events again after an undo (the first call finds them written)."""
        if self._written:
            return
        try:
            batch = self._imports.apply(
                int(self._preview.postmortem_id),
                self._preview,
                self._file_name,
                accept_problems=self._accept_problems,
            )
        except UserFacingError as error:
            self._fail(f"The import could not be redone. {error}")
            return
        self.batch_id = batch.id
        self._written = True

    def undo(self) -> None:
        """Remove every event of the import and the key times it filled."""
        if not self._written or self.batch_id is None:
            return
        try:
            self._imports.undo(self.batch_id)
        except UserFacingError as error:
            self._fail(f"The import could not be undone. {error}")
            return
        self._written = False
        self.batch_id = None

    def _fail(self, text: str) -> None:
        log.warning("%s", text)
        self.setObsolete(True)
        if self._notify is not None:
            self._notify(text)
