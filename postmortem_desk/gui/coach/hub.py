"""Coach every free-text editor of one open postmortem, with its people and its ignore list."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from postmortem_desk.coach import Coach
from postmortem_desk.gui.coach.editor_support import CoachEditorSupport, Editor
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.services.coaching import people_of


def editor_label(editor: QWidget) -> str:
    """Name an editor for the findings panel, from its accessible name."""
    return editor.accessibleName() or editor.objectName() or "Text"


class CoachHub(QObject):
    """Attach the coach to editors and keep it in step with the postmortem.

    Participant names feed the coach so "Dana restarted the wrong node" is flagged; findings
    the facilitator ignores are stored with the postmortem and stop showing everywhere.

    Signals:
        attached(CoachEditorSupport): an editor is now coached.
    """

    attached = Signal(object)

    def __init__(self, controller: PostmortemController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.supports: dict[int, CoachEditorSupport] = {}
        self._names = tuple(people_of(controller.bundle))
        self._ignored = frozenset(controller.bundle.ignored_findings)
        self.coach: Coach = controller.services.coaching.coach_for(self._names)
        controller.reloaded.connect(self._on_controller_reloaded)

    def current_coach(self) -> Coach:
        """Return the coach for the postmortem as it is now."""
        return self.coach

    def attach(self, editor: Editor) -> CoachEditorSupport:
        """Coach ``editor``; attaching the same editor twice returns its existing support."""
        key = id(editor)
        existing = self.supports.get(key)
        if existing is not None:
            return existing
        support = CoachEditorSupport(editor, self.current_coach, self._ignored)
        support.finding_ignored.connect(self._on_support_finding_ignored)
        editor.destroyed.connect(lambda _obj=None, k=key: self.supports.pop(k, None))
        self.supports[key] = support
        self.attached.emit(support)
        return support

    def support_for(self, editor: QWidget) -> CoachEditorSupport | None:
        """Return the support of an attached editor."""
        return self.supports.get(id(editor))

    def _on_support_finding_ignored(self, key: str) -> None:
        if key not in self._ignored:
            self.controller.services.notes.ignore_finding(
                self.controller.postmortem_id, finding_key=key
            )

    def _on_controller_reloaded(self) -> None:
        bundle = self.controller.bundle
        names = tuple(people_of(bundle))
        if names != self._names:
            self._names = names
            self.coach = self.controller.services.coaching.coach_for(names)
            for support in list(self.supports.values()):
                support.set_coach(self.current_coach)
        ignored = frozenset(bundle.ignored_findings)
        if ignored != self._ignored:
            self._ignored = ignored
            for support in list(self.supports.values()):
                support.set_ignored_keys(ignored)
