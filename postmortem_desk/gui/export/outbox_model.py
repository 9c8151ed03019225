"""The Confluence outbox as a table: publishes that wait, failed, or need a decision."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from postmortem_desk.domain.models import OutboxJob
from postmortem_desk.gui.style import colour

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Postmortem", "Confluence", "Status", "Tries", "Last message")
STATUS_LABELS = {
    "pending": "Waiting",
    "sending": "Sending",
    "conflict": "Needs a decision",
    "failed": "Failed",
}
STATUS_COLOURS = {
    "pending": "warning",
    "sending": "accent",
    "conflict": "danger",
    "failed": "danger",
}
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class OutboxRow:
    """One job as the table shows it."""

    job_id: int
    postmortem: str
    server: str
    status: str
    attempts: int
    message: str


def outbox_rows(jobs: list[OutboxJob], titles: dict[int, str]) -> list[OutboxRow]:
    """Describe jobs for the table; the payload's target never holds a token."""
    rows = []
    for job in jobs:
        target = job.payload.get("target", {}) if isinstance(job.payload, dict) else {}
        space = str(target.get("space_key", ""))
        server = str(target.get("base_url", "")).removeprefix("https://").removeprefix("http://")
        rows.append(
            OutboxRow(
                job_id=int(job.id or 0),
                postmortem=titles.get(job.postmortem_id, f"Postmortem {job.postmortem_id}"),
                server=f"{server.rstrip('/')} · {space}" if space else server,
                status=job.status,
                attempts=job.attempts,
                message=job.last_error,
            )
        )
    return rows


class OutboxModel(QAbstractTableModel):
    """One row per publish job that still needs sending or a decision."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[OutboxRow] = []

    def set_rows(self, rows: list[OutboxRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OutboxRow:
        """Return the job shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of jobs (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (no children)."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Name the columns."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, tooltip, colour or the job's id and status."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == JOB_ID_ROLE:
            return row.job_id
        if role == STATUS_ROLE:
            return row.status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                row.postmortem,
                row.server,
                STATUS_LABELS.get(row.status, row.status),
                str(row.attempts),
                row.message or "—",
            )
            if role == Qt.ItemDataRole.ToolTipRole and column not in (0, 4):
                return None
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return colour(STATUS_COLOURS.get(row.status, "text"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return Qt.AlignmentFlag.AlignCenter
        return None
