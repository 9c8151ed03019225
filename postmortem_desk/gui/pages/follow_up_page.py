"""Follow-up: lessons learned, meeting feedback, the follow-up date, the report, and finishing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit, QListView, QWidget

from postmortem_desk.domain.enums import LessonKind, MeetingStep, PostmortemStatus
from postmortem_desk.domain.meeting_clock import actual_minutes
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.dialogs.finish_dialog import FinishMeetingDialog
from postmortem_desk.gui.follow_up.lessons_model import ID_ROLE, LessonsModel
from postmortem_desk.gui.forms.ui_follow_up_page import Ui_FollowUpPage
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.style import colour
from postmortem_desk.services.coaching import people_of
from postmortem_desk.services.step_status import finish_checklist

ANSWERS: list[tuple[str, bool | None]] = [("Not asked yet", None), ("Yes", True), ("No", False)]
NO_DATE = QDate(2000, 1, 1)


class FollowUpPage(StepPage):
    """Wrap up the meeting.

    Signals:
        export_requested(str): the user asked for a report: "pdf", "markdown" or "confluence".
    """

    step = MeetingStep.FOLLOW_UP
    export_requested = Signal(str)

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_FollowUpPage()
        self.ui.setupUi(self)
        self.lesson_models: dict[LessonKind, LessonsModel] = {}
        self.lesson_views: dict[LessonKind, QListView] = {}
        self.lesson_edits: dict[LessonKind, QLineEdit] = {}
        widgets = {
            LessonKind.WENT_WELL: (self.ui.wentWellList, self.ui.wentWellEdit),
            LessonKind.WENT_POORLY: (self.ui.wentPoorlyList, self.ui.wentPoorlyEdit),
            LessonKind.GOT_LUCKY: (self.ui.gotLuckyList, self.ui.gotLuckyEdit),
        }
        for kind, (view, edit) in widgets.items():
            model = LessonsModel(self._on_lesson_text_edited)
            view.setModel(model)
            view.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setSpacing(2)
            self.lesson_models[kind] = model
            self.lesson_views[kind] = view
            self.lesson_edits[kind] = edit
            self.register_text_editor(edit)
            edit.returnPressed.connect(lambda k=kind: self._on_lesson_edit_return_pressed(k))
            delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete.activated.connect(lambda k=kind: self.delete_selected_lesson(k))
        for combo in (self.ui.learnedCombo, self.ui.returnCombo):
            for label, value in ANSWERS:
                combo.addItem(label, value)
        self.ui.reviewDateEdit.setMinimumDate(NO_DATE)
        self.ui.reviewDateEdit.setSpecialValueText("Not set")
        self.ui.learnedCombo.activated.connect(self._on_feedback_combo_activated)
        self.ui.returnCombo.activated.connect(self._on_feedback_combo_activated)
        self.ui.reviewDateEdit.editingFinished.connect(self._on_review_date_edit_editing_finished)
        self.ui.clearReviewDateButton.clicked.connect(self._on_clear_review_date_clicked)
        self.ui.finishButton.clicked.connect(self.finish_meeting)
        self.ui.exportPdfButton.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.ui.exportMarkdownButton.clicked.connect(lambda: self.export_requested.emit("markdown"))
        self.ui.publishButton.clicked.connect(lambda: self.export_requested.emit("confluence"))
        self._populating = False
        self.refresh()

    def refresh(self) -> None:
        """Redraw lessons, feedback, the follow-up date, time per step and the status."""
        bundle = self.controller.bundle
        postmortem = bundle.postmortem
        coach = self.controller.services.coaching.coach_for(people_of(bundle))
        ignored = frozenset(bundle.ignored_findings)
        for kind, model in self.lesson_models.items():
            model.set_lessons(bundle.lessons_of(kind), coach, ignored)
        self._populating = True
        try:
            self._set_answer(self.ui.learnedCombo, postmortem.feedback_learned_something)
            self._set_answer(self.ui.returnCombo, postmortem.feedback_would_return)
            if not self.ui.reviewDateEdit.hasFocus():
                review = postmortem.follow_up_review_date
                self.ui.reviewDateEdit.setDate(
                    QDate(review.year, review.month, review.day) if review else NO_DATE
                )
        finally:
            self._populating = False
        self.ui.timeTable.setText(self._time_table())
        if postmortem.status in (PostmortemStatus.MEETING_HELD, PostmortemStatus.PUBLISHED):
            text = f"Status: {postmortem.status.label}."
            if postmortem.finish_override_reason:
                text += f" Finished with gaps: {postmortem.finish_override_reason}"
        else:
            missing = finish_checklist(bundle)
            if not missing:
                text = "Everything is in place to finish the meeting."
            else:
                shown = "\n".join(f"• {item}" for item in missing[:3])
                more = f"\n…and {len(missing) - 3} more" if len(missing) > 3 else ""
                text = f"Still missing:\n{shown}{more}"
        self.ui.statusLabel.setText(text)

    def _time_table(self) -> str:
        bundle = self.controller.bundle
        actual = actual_minutes(bundle.step_logs, self.controller.clock())
        muted = colour("muted").name()
        danger = colour("danger").name()
        rows = [
            f"<tr><th align='left' style='color:{muted};padding-right:14px'>Step</th>"
            f"<th align='right' style='color:{muted};padding-right:14px'>Planned</th>"
            f"<th align='right' style='color:{muted}'>Actual</th></tr>"
        ]
        for step in MeetingStep:
            planned = int(bundle.postmortem.agenda.get(step.value, 0))
            spent = actual[step]
            if not planned and not spent:
                continue
            style = f"color:{danger};font-weight:600" if planned and spent > planned else ""
            rows.append(
                f"<tr><td style='padding-right:14px'>{step.label}</td>"
                f"<td align='right' style='padding-right:14px'>{planned} min</td>"
                f"<td align='right' style='{style}'>{spent:.0f} min</td></tr>"
            )
        return "<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"

    @staticmethod
    def _set_answer(combo: Any, value: bool | None) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def add_lesson(self, kind: LessonKind, text: str) -> None:
        """Add a lesson to one list (undoable)."""
        services = self.controller.services
        pm_id = self.controller.postmortem_id
        self.controller.push_create(
            f"Add lesson “{text}”",
            lambda: services.notes.add_lesson(pm_id, kind=kind, text=text),
            services.notes.delete_lesson,
            services.notes.restore_lesson,
        )

    def delete_selected_lesson(self, kind: LessonKind) -> None:
        """Delete the lesson selected in one list (undoable)."""
        view = self.lesson_views[kind]
        index = view.currentIndex()
        if not index.isValid():
            return
        lesson_id = int(index.data(ID_ROLE))
        services = self.controller.services
        self.controller.push_delete(
            "Delete lesson", lesson_id, services.notes.delete_lesson, services.notes.restore_lesson
        )

    def finish_meeting(self) -> bool:
        """Ask, then mark the meeting as held; return whether it was finished."""
        dialog = FinishMeetingDialog(finish_checklist(self.controller.bundle), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.controller.services.meeting.finish(
            self.controller.postmortem_id,
            override_reason=dialog.reason(),
            now=self.controller.clock(),
        )
        return True

    def _on_lesson_edit_return_pressed(self, kind: LessonKind) -> None:
        edit = self.lesson_edits[kind]
        text = edit.text().strip()
        if text:
            self.add_lesson(kind, text)
            edit.clear()

    def _on_lesson_text_edited(self, lesson_id: int, text: str) -> None:
        lesson = next(x for x in self.controller.bundle.lessons if x.id == lesson_id)
        notes = self.controller.services.notes
        self.controller.push_update(
            "Edit lesson",
            lambda fields: notes.update_lesson(lesson_id, text=fields["text"]),
            {"text": lesson.text},
            {"text": text},
        )

    def _on_feedback_combo_activated(self) -> None:
        if self._populating:
            return
        self.controller.update_postmortem(
            "Record meeting feedback",
            feedback_learned_something=self.ui.learnedCombo.currentData(),
            feedback_would_return=self.ui.returnCombo.currentData(),
        )

    def _on_review_date_edit_editing_finished(self) -> None:
        chosen = self.ui.reviewDateEdit.date()
        when: date | None = None
        if chosen != NO_DATE:
            when = date(chosen.year(), chosen.month(), chosen.day())
        self.controller.update_postmortem("Set follow-up review date", follow_up_review_date=when)

    def _on_clear_review_date_clicked(self) -> None:
        self.controller.update_postmortem("Clear follow-up review date", follow_up_review_date=None)

    def entered(self) -> None:
        """Put the cursor where the first lesson goes."""
        self.ui.wentWellEdit.setFocus()
