"""The selected event in the side panel: its questions and notes, and every field to edit.

Every edit is saved at once (text after a short pause or on leaving the field) and is one step on
the controller's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.enums import EventKind, Milestone
from postmortem_desk.domain.models import EventAnnotation, TimelineEvent
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.style import colour
from postmortem_desk.gui.timeline.timeline_model import kind_colour

ModelIndex = QModelIndex | QPersistentModelIndex
TEXT_SAVE_DELAY_MS = 600
ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 30
NO_MILESTONE = "\u2014 none \u2014"


class AnnotationModel(QAbstractListModel):
    """The questions and notes of one event, oldest first."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[EventAnnotation] = []

    def set_annotations(self, annotations: Sequence[EventAnnotation]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = sorted(annotations, key=lambda a: (a.created_at, a.id or 0))
        self.endResetModel()

    def annotation_at(self, row: int) -> EventAnnotation:
        """Return the annotation in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of annotations (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return an annotation's text, prefixed with what it is."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        annotation = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = "Q" if annotation.is_question else "Note"
            return f"{prefix}: {annotation.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return annotation.text
        if role == ANNOTATION_ID_ROLE:
            return annotation.id or 0
        if role == Qt.ItemDataRole.AccessibleTextRole:
            what = "Question" if annotation.is_question else "Note"
            return f"{what}: {annotation.text}"
        return None


def to_qdatetime(moment: datetime, zone: tzinfo) -> QDateTime:
    """Return ``moment`` in ``zone`` as the wall-clock time a QDateTimeEdit shows."""
    local = moment.astimezone(zone)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def from_qdatetime(value: QDateTime, zone: tzinfo) -> datetime:
    """Return the wall-clock time of an editor, read in ``zone``, as an aware datetime."""
    date, clock = value.date(), value.time()
    return datetime(
        date.year(),
        date.month(),
        date.day(),
        clock.hour(),
        clock.minute(),
        clock.second(),
        tzinfo=zone,
    )


class EventDetailPanel(QFrame):
    """Show and edit the selected event; list, add, edit and delete its questions and notes.

    Signals:
        delete_requested(int): the user asked to delete the event with this id.
    """

    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDetailPanel")
        self.setAccessibleName("Selected event")
        self.controller: PostmortemController | None = None
        self._event: TimelineEvent | None = None
        self._zone: tzinfo | None = None
        self._zone_label = "UTC"
        self._editing: int | None = None
        self._populating = False
        self._build()
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._text_timer.timeout.connect(self._on_text_timer_timeout)
        self.show_event(None, [])

    # --- Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("eventMetaLabel")
        self.meta_label.setTextFormat(Qt.TextFormat.RichText)
        self.meta_label.setWordWrap(True)
        layout.addWidget(self.meta_label)
        self.text_label = QLabel(self)
        self.text_label.setObjectName("eventTextLabel")
        self.text_label.setWordWrap(True)
        self.text_label.setStyleSheet("font-size: 11pt;")
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("eventTabs")
        self.tabs.setAccessibleName("Questions, notes and details of the event")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_notes_tab(), "Questions && notes")
        scroller = QScrollArea(self)
        scroller.setObjectName("editScroller")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self._build_edit_tab())
        self.tabs.addTab(scroller, "Edit event")
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    def _build_notes_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("notesTab")
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        self.annotation_model = AnnotationModel()
        self.annotations_view = QListView(tab)
        self.annotations_view.setObjectName("annotationsView")
        self.annotations_view.setAccessibleName("Questions and notes on this event")
        self.annotations_view.setModel(self.annotation_model)
        self.annotations_view.setWordWrap(True)
        self.annotations_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.annotations_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.annotations_view.setUniformItemSizes(False)
        self.annotations_view.doubleClicked.connect(self._on_annotations_view_double_clicked)
        layout.addWidget(self.annotations_view, 1)
        self.notes_empty_label = QLabel(
            "No questions yet. Pick a prompt above or type one below.", tab
        )
        self.notes_empty_label.setObjectName("notesEmptyLabel")
        self.notes_empty_label.setProperty("role", "hint")
        self.notes_empty_label.setWordWrap(True)
        layout.addWidget(self.notes_empty_label)
        layout.addStretch(0)

        row = QHBoxLayout()
        row.setSpacing(6)
        self.annotation_edit = QLineEdit(tab)
        self.annotation_edit.setObjectName("annotationEdit")
        self.annotation_edit.setAccessibleName("Question or note text")
        self.annotation_edit.setToolTip("Type a question or note; Enter adds it, Escape cancels")
        self.annotation_edit.setPlaceholderText("Question or note\u2026")
        self.annotation_edit.returnPressed.connect(self._on_annotation_edit_return_pressed)
        row.addWidget(self.annotation_edit, 1)
        self.annotation_kind_combo = QComboBox(tab)
        self.annotation_kind_combo.setObjectName("annotationKindCombo")
        self.annotation_kind_combo.setAccessibleName("Question or note")
        self.annotation_kind_combo.addItem("Question", True)
        self.annotation_kind_combo.addItem("Note", False)
        row.addWidget(self.annotation_kind_combo)
        layout.addLayout(row)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.annotation_add_button = QPushButton("Add", tab)
        self.annotation_add_button.setObjectName("annotationAddButton")
        self.annotation_add_button.setAccessibleName("Add the question or note")
        self.annotation_add_button.clicked.connect(self._on_annotation_edit_return_pressed)
        self.annotation_edit_button = QPushButton("Edit", tab)
        self.annotation_edit_button.setObjectName("annotationEditButton")
        self.annotation_edit_button.setAccessibleName("Edit the selected question or note")
        self.annotation_edit_button.setToolTip("Edit the selected question or note (F2)")
        self.annotation_edit_button.clicked.connect(self.start_editing_annotation)
        self.annotation_delete_button = QPushButton("Delete", tab)
        self.annotation_delete_button.setObjectName("annotationDeleteButton")
        self.annotation_delete_button.setAccessibleName("Delete the selected question or note")
        self.annotation_delete_button.setToolTip("Delete the selected question or note (Delete)")
        self.annotation_delete_button.clicked.connect(self.delete_selected_annotation)
        buttons.addWidget(self.annotation_add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.annotation_edit_button)
        buttons.addWidget(self.annotation_delete_button)
        layout.addLayout(buttons)

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.annotations_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected_annotation)
        rename = QShortcut(QKeySequence("F2"), self.annotations_view)
        rename.setContext(Qt.ShortcutContext.WidgetShortcut)
        rename.activated.connect(self.start_editing_annotation)
        cancel = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self.annotation_edit)
        cancel.setContext(Qt.ShortcutContext.WidgetShortcut)
        cancel.activated.connect(self.cancel_editing_annotation)
        self.annotations_view.selectionModel().currentChanged.connect(
            self._on_annotations_current_changed
        )
        return tab

    def _build_edit_tab(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("editTab")
        form = QFormLayout(tab)
        form.setContentsMargins(0, 10, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.time_edit = QDateTimeEdit(tab)
        self.time_edit.setObjectName("eventTimeEdit")
        self.time_edit.setAccessibleName("Time of the event")
        self.time_edit.setDisplayFormat("yyyy-MM-dd  HH:mm:ss")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.editingFinished.connect(self._on_time_edit_editing_finished)
        form.addRow("Time", self.time_edit)

        self.kind_combo = QComboBox(tab)
        self.kind_combo.setObjectName("eventKindCombo")
        self.kind_combo.setAccessibleName("Kind of event")
        for kind in EventKind:
            self.kind_combo.addItem(kind.label, kind)
        self.kind_combo.activated.connect(self._on_kind_combo_activated)
        form.addRow("Kind", self.kind_combo)

        self.actor_combo = QComboBox(tab)
        self.actor_combo.setObjectName("eventActorCombo")
        self.actor_combo.setAccessibleName("Who or what acted")
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        actor_edit = self.actor_combo.lineEdit()
        assert actor_edit is not None
        actor_edit.setObjectName("eventActorEdit")
        actor_edit.setAccessibleName("Who or what acted")
        actor_edit.editingFinished.connect(self._on_actor_editing_finished)
        self.actor_combo.activated.connect(self._on_actor_editing_finished)
        form.addRow("Actor", self.actor_combo)

        self.milestone_combo = QComboBox(tab)
        self.milestone_combo.setObjectName("eventMilestoneCombo")
        self.milestone_combo.setAccessibleName("Milestone this event marks")
        self.milestone_combo.addItem(NO_MILESTONE, None)
        for milestone in Milestone:
            self.milestone_combo.addItem(milestone.label, milestone)
        self.milestone_combo.activated.connect(self._on_milestone_combo_activated)
        form.addRow("Milestone", self.milestone_combo)

        self.known_check = QCheckBox("Known at the time", tab)
        self.known_check.setToolTip(
            "Untick when people only learned this later: hindsight, not what they saw then"
        )
        self.known_check.setObjectName("eventKnownCheck")
        self.known_check.setAccessibleName("Known at the time")
        self.known_check.clicked.connect(self._on_known_check_clicked)
        form.addRow("", self.known_check)

        self.text_edit = QPlainTextEdit(tab)
        self.text_edit.setObjectName("eventTextEdit")
        self.text_edit.setAccessibleName("What happened")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(72)
        self.text_edit.textChanged.connect(self._on_text_edit_text_changed)
        self.text_edit.installEventFilter(self)
        form.addRow("What", self.text_edit)

        self.delete_button = QPushButton("Delete event", tab)
        self.delete_button.setObjectName("deleteEventButton")
        self.delete_button.setAccessibleName("Delete the selected event")
        self.delete_button.setToolTip("Delete the event (Delete in the table; Ctrl+Z undoes)")
        self.delete_button.setProperty("role", "danger")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        form.addRow("", self.delete_button)
        return tab

    # --- Binding and showing ------------------------------------------------------------------

    def _on_tabs_current_changed(self, index: int) -> None:
        # The edit tab has the text in its own editor; give the form the room instead.
        self.text_label.setVisible(index == 0)

    def attach(
        self,
        controller: PostmortemController,
        register_text_editor: Callable[[Any], Any],
    ) -> None:
        """Edit through ``controller``; declare the free-text editors to the language coach."""
        self.controller = controller
        register_text_editor(self.text_edit)
        register_text_editor(self.annotation_edit)

    def set_zone(self, zone: tzinfo, label: str) -> None:
        """Show and read the event's time in ``zone``."""
        self._zone = zone
        self._zone_label = label
        self.time_edit.setToolTip(f"Time in {label}")
        if self._event is not None:
            self._show_time(self._event)
            self._show_meta(self._event)

    def set_people(self, names: Sequence[str]) -> None:
        """Offer these names in the actor field."""
        current = self.actor_combo.currentText()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItems(list(names))
        self.actor_combo.setEditText(current)
        self.actor_combo.blockSignals(False)

    @property
    def shown_event(self) -> TimelineEvent | None:
        """Return the event shown."""
        return self._event

    def show_event(
        self, event: TimelineEvent | None, annotations: Sequence[EventAnnotation]
    ) -> None:
        """Show ``event`` and its questions and notes (None: nothing selected)."""
        switching = (event.id if event else 0) != (self._event.id if self._event else 0)
        if switching:
            self.flush()
            self.cancel_editing_annotation()
        self._event = event
        self._populating = True
        try:
            enabled = event is not None
            self.tabs.setEnabled(enabled)
            if event is None:
                self.meta_label.setText(
                    f"<span style='color:{colour('muted').name()}'>No event selected</span>"
                )
                self.text_label.setText(
                    "Pick an event in the table, or add one with Ctrl+N or the capture bar."
                )
                self.annotation_model.set_annotations([])
                self.notes_empty_label.setVisible(False)
                self.text_edit.setPlainText("")
                self.time_edit.setDateTime(QDateTime.currentDateTime())
                return
            self._show_meta(event)
            self.text_label.setText(event.text or "(no text yet)")
            self.annotation_model.set_annotations(annotations)
            self.notes_empty_label.setVisible(not annotations)
            self.annotations_view.setVisible(bool(annotations))
            self.tabs.setTabText(
                0,
                f"Questions && notes ({len(annotations)})" if annotations else "Questions && notes",
            )
            if switching or not self.time_edit.hasFocus():
                self._show_time(event)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(event.kind))
            if switching or not self.actor_combo.hasFocus():
                self.actor_combo.setEditText(event.actor)
            self.milestone_combo.setCurrentIndex(
                self.milestone_combo.findData(event.milestone) if event.milestone else 0
            )
            self.known_check.setChecked(event.known_at_time)
            typing = self.text_edit.hasFocus() or self._text_timer.isActive()
            if (switching or not typing) and self.text_edit.toPlainText() != event.text:
                self.text_edit.setPlainText(event.text)
        finally:
            self._populating = False
        self._update_annotation_buttons()

    def _show_meta(self, event: TimelineEvent) -> None:
        zone = self._zone or event.occurred_at.tzinfo
        local = event.occurred_at.astimezone(zone)
        dot = kind_colour(event.kind).name()
        parts = [
            f"<b>{local:%H:%M}</b> <span style='color:{colour('muted').name()}'>"
            f"{local:%a %d %b} · {self._zone_label}</span>",
            f"<span style='color:{dot}'>\u25cf</span>&nbsp;"
            + _escape(event.kind.label).replace(" ", "&nbsp;"),
        ]
        if event.actor:
            parts.append(_escape(event.actor))
        parts.append(f"<span style='color:{colour('muted').name()}'>{event.source.label}</span>")
        if event.milestone is not None:
            parts.append(
                f"<span style='color:{colour('success').name()}'><b>"
                f"{event.milestone.label}</b></span>"
            )
        if not event.known_at_time:
            parts.append(f"<span style='color:{colour('warning').name()}'>learned later</span>")
        self.meta_label.setText(" &nbsp;·&nbsp; ".join(parts))

    def _show_time(self, event: TimelineEvent) -> None:
        zone = self._zone or event.occurred_at.tzinfo
        assert zone is not None
        self.time_edit.setDateTime(to_qdatetime(event.occurred_at, zone))

    def flush(self) -> None:
        """Save a text edit still waiting for its pause."""
        if self._text_timer.isActive():
            self._text_timer.stop()
            self._save_text()

    # --- Event edits --------------------------------------------------------------------------

    def _key_times(self) -> dict[str, Any]:
        assert self.controller is not None
        postmortem = self.controller.bundle.postmortem
        return {f"{m.value}_at": getattr(postmortem, f"{m.value}_at") for m in Milestone}

    def _label(self) -> str:
        event = self._event
        if event is None:
            return "event"
        zone = self._zone or event.occurred_at.tzinfo
        return f"the {event.occurred_at.astimezone(zone):%H:%M} event"

    def _push_event_fields(self, text: str, after: dict[str, Any]) -> None:
        """Change fields of the shown event as one undoable edit that restores key times too."""
        event, controller = self._event, self.controller
        if event is None or controller is None or event.id is None:
            return
        before = {name: getattr(event, name) for name in after}
        if before == after:
            return
        event_id = event.id
        timeline = controller.services.timeline
        postmortems = controller.services.postmortems
        touches_key_times = "milestone" in after or (
            "occurred_at" in after and event.milestone is not None
        )
        if not touches_key_times:
            controller.push_update(
                text, lambda fields: timeline.update_event(event_id, **fields), before, after
            )
            return
        # A milestone moves key times and may take the milestone from another event:
        # undo gives it back and puts every key time as it was.
        holder = 0
        milestone = after.get("milestone")
        if milestone is not None:
            holder = next(
                (
                    e.id or 0
                    for e in controller.bundle.events
                    if e.milestone == milestone and e.id != event_id
                ),
                0,
            )
        before_state = {"event": before, "holder": holder, "key_times": self._key_times()}
        after_state = {"event": after}
        pm_id = controller.postmortem_id

        def apply(state: dict[str, Any]) -> None:
            timeline.update_event(event_id, **state["event"])
            if state.get("holder"):
                timeline.update_event(state["holder"], milestone=milestone)
            if "key_times" in state:
                postmortems.update(pm_id, **state["key_times"])

        controller.push_update(text, apply, before_state, after_state)

    def _on_time_edit_editing_finished(self) -> None:
        if self._populating or self._event is None or self._zone is None:
            return
        moment = from_qdatetime(self.time_edit.dateTime(), self._zone)
        if moment == self._event.occurred_at:
            return
        self._push_event_fields(f"Move {self._label()}", {"occurred_at": moment})

    def _on_kind_combo_activated(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        if self._populating or self._event is None or kind is None:
            return
        self._push_event_fields(f"Change the kind of {self._label()}", {"kind": EventKind(kind)})

    def _on_actor_editing_finished(self) -> None:
        if self._populating or self._event is None:
            return
        actor = self.actor_combo.currentText().strip()
        self._push_event_fields(f"Change who acted in {self._label()}", {"actor": actor})

    def _on_milestone_combo_activated(self, _index: int) -> None:
        if self._populating or self._event is None:
            return
        value = self.milestone_combo.currentData()
        milestone = Milestone(value) if value is not None else None
        verb = f"Mark {self._label()} as {milestone.label.lower()}" if milestone else "Clear"
        text = verb if milestone else f"Clear the milestone of {self._label()}"
        self._push_event_fields(text, {"milestone": milestone})

    def set_milestone(self, milestone: Milestone | None) -> None:
        """Mark the shown event as ``milestone`` (None clears it), undoably."""
        index = self.milestone_combo.findData(milestone) if milestone else 0
        self.milestone_combo.setCurrentIndex(index)
        self._on_milestone_combo_activated(index)

    def _on_known_check_clicked(self, checked: bool) -> None:
        if self._populating or self._event is None:
            return
        what = "known at the time" if checked else "learned later"
        self._push_event_fields(f"Mark {self._label()} as {what}", {"known_at_time": checked})

    def _on_text_edit_text_changed(self) -> None:
        if not self._populating and self._event is not None:
            self._text_timer.start()

    def _on_text_timer_timeout(self) -> None:
        self._save_text()

    def _save_text(self) -> None:
        text = self.text_edit.toPlainText().strip()
        if self._event is None or not text:
            return
        self._push_event_fields(f"Edit the text of {self._label()}", {"text": text})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the event's text the moment its editor loses focus."""
        if watched is self.text_edit and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    def _on_delete_button_clicked(self) -> None:
        if self._event is not None and self._event.id is not None:
            self.delete_requested.emit(self._event.id)

    # --- Questions and notes ------------------------------------------------------------------

    def _selected_annotation(self) -> EventAnnotation | None:
        index = self.annotations_view.currentIndex()
        if not index.isValid():
            return None
        return self.annotation_model.annotation_at(index.row())

    def _update_annotation_buttons(self) -> None:
        has = self._selected_annotation() is not None and self._event is not None
        self.annotation_edit_button.setEnabled(has)
        self.annotation_delete_button.setEnabled(has)
        self.annotation_add_button.setText("Save" if self._editing is not None else "Add")

    def _on_annotations_current_changed(self) -> None:
        self._update_annotation_buttons()

    def _on_annotations_view_double_clicked(self) -> None:
        self.start_editing_annotation()

    def add_annotation(self, text: str, *, is_question: bool = True) -> None:
        """Attach a question or note to the shown event, undoably."""
        event, controller = self._event, self.controller
        text = text.strip()
        if event is None or event.id is None or controller is None or not text:
            return
        event_id = event.id
        timeline = controller.services.timeline
        what = "question" if is_question else "note"
        controller.push_create(
            f"Add a {what} to {self._label()}",
            lambda: timeline.add_annotation(event_id, text=text, is_question=is_question),
            timeline.delete_annotation,
            timeline.restore_annotation,
        )

    def start_editing_annotation(self) -> None:
        """Load the selected question or note into the field below to change it."""
        annotation = self._selected_annotation()
        if annotation is None:
            return
        self._editing = annotation.id
        self.annotation_edit.setText(annotation.text)
        self.annotation_kind_combo.setEnabled(False)
        self.annotation_edit.setFocus()
        self.annotation_edit.selectAll()
        self._update_annotation_buttons()

    def cancel_editing_annotation(self) -> None:
        """Leave the field for a new question or note."""
        if self._editing is None:
            return
        self._editing = None
        self.annotation_edit.clear()
        self.annotation_kind_combo.setEnabled(True)
        self._update_annotation_buttons()

    def _on_annotation_edit_return_pressed(self) -> None:
        text = self.annotation_edit.text().strip()
        if not text or self.controller is None:
            return
        annotation_id = self._editing
        if annotation_id is None:
            self.add_annotation(text, is_question=bool(self.annotation_kind_combo.currentData()))
            self.annotation_edit.clear()
            return
        old = next(
            (a.text for a in self.controller.bundle.annotations if a.id == annotation_id), None
        )
        self.cancel_editing_annotation()
        if old is None or old == text:
            return
        timeline = self.controller.services.timeline
        self.controller.push_update(
            f"Edit a question on {self._label()}",
            lambda fields: timeline.update_annotation(annotation_id, text=fields["text"]),
            {"text": old},
            {"text": text},
        )

    def delete_selected_annotation(self) -> None:
        """Delete the selected question or note, undoably."""
        annotation = self._selected_annotation()
        if annotation is None or annotation.id is None or self.controller is None:
            return
        timeline = self.controller.services.timeline
        what = "question" if annotation.is_question else "note"
        self.controller.push_delete(
            f"Delete a {what} on {self._label()}",
            annotation.id,
            timeline.delete_annotation,
            timeline.restore_annotation,
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
