"""One list of lessons learned as an editable list model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from postmortem_desk.coach import Coach, Finding
from postmortem_desk.domain.models import LessonLearned
from postmortem_desk.gui.recommendations.action_model import status_dot

ID_ROLE = Qt.ItemDataRole.UserRole + 20
ModelIndex = QModelIndex | QPersistentModelIndex
TextEdited = Callable[[int, str], None]


class LessonsModel(QAbstractListModel):
    """The lessons of one kind; editing a row calls ``on_text_edited(lesson_id, text)``."""

    def __init__(self, on_text_edited: TextEdited) -> None:
        super().__init__()
        self._lessons: list[LessonLearned] = []
        self._findings: list[list[Finding]] = []
        self._on_text_edited = on_text_edited

    def set_lessons(
        self,
        lessons: list[LessonLearned],
        coach: Coach | None = None,
        ignored: frozenset[str] = frozenset(),
    ) -> None:
        """Replace the rows; with a coach, lessons worded as blame are marked."""
        self.beginResetModel()
        self._lessons = list(lessons)
        self._findings = [
            [f for f in coach.check(lesson.text) if f.key not in ignored] if coach else []
            for lesson in self._lessons
        ]
        self.endResetModel()

    def findings_at(self, row: int) -> list[Finding]:
        """Return the coach's findings for one lesson."""
        return self._findings[row] if 0 <= row < len(self._findings) else []

    def lesson_at(self, row: int) -> LessonLearned:
        """Return the lesson of ``row``."""
        return self._lessons[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of lessons."""
        return 0 if parent.isValid() else len(self._lessons)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a lesson's text or id."""
        if not index.isValid() or not 0 <= index.row() < len(self._lessons):
            return None
        lesson = self._lessons[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return lesson.text
        findings = self._findings[index.row()] if index.row() < len(self._findings) else []
        if role == Qt.ItemDataRole.ToolTipRole:
            advice = "".join(
                f"\n\n“{f.matched}”: {f.message}\nTry: {f.suggestion}" for f in findings
            )
            return f"{lesson.text}\n(F2 edits, Delete removes){advice}"
        if role == Qt.ItemDataRole.DecorationRole and findings:
            return status_dot("warning")
        if role == ID_ROLE:
            return lesson.id
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Let lessons be selected and edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edited lesson through the callback."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        lesson = self._lessons[index.row()]
        if not text or text == lesson.text or lesson.id is None:
            return False
        self._on_text_edited(lesson.id, text)
        return True
