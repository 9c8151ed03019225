"""Review timeline: walk the incident event by event, ask what people saw, capture what is said.

The table is the bundle's timeline through a model and a filter; the current event is the
controller's, so the projector follows the facilitator's arrow keys. The side panel shows the
prompt card for the event's kind and the event's questions, notes and fields; the capture bar under
the table turns typed lines into events.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from postmortem_desk.domain.enums import EventKind, EventSource, MeetingStep
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.domain.timeline_analysis import key_times_of
from postmortem_desk.domain.types import utc_now
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.forms.ui_review_page import Ui_ReviewPage
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.timeline.add_event_dialog import AddEventDialog, NewEvent
from postmortem_desk.gui.timeline.timeline_model import (
    ACTOR,
    ID_ROLE,
    KIND,
    KNOWN,
    MILESTONE,
    SOURCE,
    TEXT,
    TIME,
    TimelineDelegate,
    TimelineFilterModel,
    TimelineModel,
    annotation_counts,
)
from postmortem_desk.services.base import Change, Entity
from postmortem_desk.services.quick_capture import parse_capture, people_aliases, zone_of

GAP_SETTING = "gap_threshold_minutes"
ROW_HEIGHT = 32
COLUMN_WIDTHS = {KIND: 114, SOURCE: 92, ACTOR: 118, MILESTONE: 106, KNOWN: 64}
TIME_WIDTH = {False: 100, True: 150}
"""Time column width without and with the date (a multi-day incident)."""
MIN_TEXT_WIDTH = 300
"""Below this the narrow Source column steps aside for the text (it stays in the tooltips)."""
ALL = None


def zone_label(offset_minutes: int) -> str:
    """Name a fixed offset the way the time column's header shows it."""
    if offset_minutes == 0:
        return "UTC"
    sign = "+" if offset_minutes > 0 else "-"
    hours, minutes = divmod(abs(offset_minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


class ReviewPage(StepPage):
    """The review step: the timeline table, its filters, the side panel and the capture bar."""

    step = MeetingStep.REVIEW

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_ReviewPage()
        self.ui.setupUi(self)
        self.model = TimelineModel()
        self.proxy = TimelineFilterModel()
        self.proxy.setSourceModel(self.model)
        self._show_utc = False
        self._syncing = False
        self._gap_minutes = self._read_gap_threshold()
        self.model.set_gap_threshold(timedelta(minutes=self._gap_minutes))
        self._setup_table()
        self._setup_filters()
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 0)
        self.ui.splitter.setSizes([660, 290])
        self.ui.filterLayout.setStretch(0, 1)
        self.ui.tableView.installEventFilter(self)

        panel = self.ui.detailPanel
        panel.attach(controller, self.register_text_editor)
        panel.delete_requested.connect(self._on_detail_panel_delete_requested)
        self.ui.promptCards.question_picked.connect(self._on_prompt_cards_question_picked)
        capture = self.ui.captureBar
        self.register_text_editor(capture.edit)
        capture.submitted.connect(self._on_capture_bar_submitted)
        capture.move_requested.connect(self._on_capture_bar_move_requested)
        self.add_dialog = AddEventDialog(self)
        self.register_text_editor(self.add_dialog.text_edit)
        self.add_dialog.accepted.connect(self._on_add_dialog_accepted)
        # Hidden until gui/importing wires it to the import dialog: no button that does nothing.
        self.ui.importButton.setVisible(False)

        self.ui.addButton.clicked.connect(self.open_add_dialog)
        self.ui.localTimeButton.toggled.connect(self._on_local_time_button_toggled)
        self.ui.searchEdit.textChanged.connect(self._on_search_edit_text_changed)
        self.ui.kindFilterCombo.activated.connect(self._on_filter_combo_activated)
        self.ui.sourceFilterCombo.activated.connect(self._on_filter_combo_activated)
        self.ui.actorFilterCombo.activated.connect(self._on_filter_combo_activated)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        controller.current_event_changed.connect(self._on_controller_current_event_changed)
        controller.changed.connect(self._on_controller_changed)
        self.refresh()

    # --- Setup --------------------------------------------------------------------------------

    def _setup_table(self) -> None:
        table = self.ui.tableView
        table.setModel(self.proxy)
        self.delegate = TimelineDelegate(table)
        table.setItemDelegate(self.delegate)
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.setMinimumSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.setColumnWidth(TIME, TIME_WIDTH[False])
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current_event)
        for key, edge in ((Qt.Key.Key_Home, -1), (Qt.Key.Key_End, 1)):
            jump = QShortcut(QKeySequence(key), table)
            jump.setContext(Qt.ShortcutContext.WidgetShortcut)
            jump.activated.connect(lambda e=edge: self.move_current(e * len(self.model.events())))

    def _setup_filters(self) -> None:
        kinds = self.ui.kindFilterCombo
        kinds.addItem("All kinds", ALL)
        for kind in EventKind:
            kinds.addItem(kind.label, kind)
        sources = self.ui.sourceFilterCombo
        sources.addItem("All sources", ALL)
        for source in EventSource:
            sources.addItem(source.label, source)
        self.ui.actorFilterCombo.addItem("Everyone", ALL)

    def _read_gap_threshold(self) -> int:
        value = self.controller.services.settings.get(GAP_SETTING)
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            return 15
        return minutes if minutes > 0 else 15

    # --- Zone ---------------------------------------------------------------------------------

    @property
    def zone(self) -> timezone:
        """Return the zone the timeline is shown and typed in."""
        if self._show_utc:
            return UTC
        return zone_of(self.controller.bundle.postmortem.incident_utc_offset_minutes)

    @property
    def zone_name(self) -> str:
        """Name the zone shown."""
        if self._show_utc:
            return "UTC"
        return zone_label(self.controller.bundle.postmortem.incident_utc_offset_minutes)

    def set_show_utc(self, show_utc: bool) -> None:
        """Show times in UTC (True) or the incident's zone (False)."""
        self._show_utc = show_utc
        self.ui.utcTimeButton.setChecked(show_utc)
        self.ui.localTimeButton.setChecked(not show_utc)
        self._apply_zone()

    def _apply_zone(self) -> None:
        zone, name = self.zone, self.zone_name
        self.model.set_zone(zone, name)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, TIME, TIME)
        self.ui.detailPanel.set_zone(zone, name)
        self.ui.captureBar.set_zone_label(name)
        offset = self.controller.bundle.postmortem.incident_utc_offset_minutes
        self.ui.localTimeButton.setText(f"Incident time ({zone_label(offset)})")
        self.ui.tableView.setColumnWidth(TIME, TIME_WIDTH[self.model.spans_days])
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Keep the text readable: narrow columns step aside, in order, when room runs out.

        Source goes first (it stays in the kind's tooltip and the side panel); then milestone
        and known-at-the-time become small tags at the start of the text.
        """
        table = self.ui.tableView
        room = table.width() - 2 - table.verticalScrollBar().sizeHint().width()
        room -= table.columnWidth(TIME) + COLUMN_WIDTHS[KIND] + COLUMN_WIDTHS[ACTOR]
        tags = (COLUMN_WIDTHS[MILESTONE], COLUMN_WIDTHS[KNOWN])
        show_source = room - COLUMN_WIDTHS[SOURCE] - sum(tags) >= MIN_TEXT_WIDTH
        show_tags = room - sum(tags) >= MIN_TEXT_WIDTH
        table.setColumnHidden(SOURCE, not show_source)
        table.setColumnHidden(MILESTONE, not show_tags)
        table.setColumnHidden(KNOWN, not show_tags)
        self.delegate.inline_tags = not show_tags
        table.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the columns when the table changes size (window or splitter)."""
        if watched is self.ui.tableView and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # --- Refresh ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw everything from the controller's snapshot, keeping the current event."""
        bundle = self.controller.bundle
        self._syncing = True
        try:
            self.model.set_events(
                bundle.events, annotation_counts=annotation_counts(bundle.annotations)
            )
            self._apply_zone()
            self._refresh_actor_filter(bundle.events)
            self.ui.durationStrip.set_key_times(key_times_of(bundle.postmortem))
            people = bundle.participant_names()
            self.ui.detailPanel.set_people(people)
            has_events = bool(bundle.events)
            self.ui.tableView.setVisible(has_events)
            self.ui.emptyLabel.setVisible(not has_events)
            self._select_event(self.controller.current_event_id)
        finally:
            self._syncing = False
        self._show_current()
        self._update_count()

    def _refresh_actor_filter(self, events: list[TimelineEvent]) -> None:
        combo = self.ui.actorFilterCombo
        chosen = combo.currentData()
        actors = sorted({e.actor for e in events if e.actor}, key=str.casefold)
        shown = [combo.itemData(i) for i in range(1, combo.count())]
        if actors == shown:
            return
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Everyone", ALL)
        for actor in actors:
            combo.addItem(actor, actor)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        if chosen is not None and index < 0:
            self.proxy.set_actor(None)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        parts = [f"{shown} of {total} events" if self.proxy.is_filtering else f"{total} events"]
        gaps = self.model.gap_count
        if gaps:
            parts.append(f"{gaps} gap{'s' if gaps != 1 else ''} over {self._gap_minutes} min")
        self.ui.countLabel.setText(" · ".join(parts))

    # --- Current event ------------------------------------------------------------------------

    def current_event(self) -> TimelineEvent | None:
        """Return the event under discussion, if any."""
        row = self.model.row_of(self.controller.current_event_id)
        return self.model.event_at(row) if row >= 0 else None

    def _proxy_index_of(self, event_id: int) -> QModelIndex:
        row = self.model.row_of(event_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, TIME))

    def _select_event(self, event_id: int) -> None:
        table = self.ui.tableView
        selection = table.selectionModel()
        index = self._proxy_index_of(event_id)
        if not index.isValid():
            selection.clearSelection()
            return
        if table.currentIndex().row() != index.row() or not selection.isRowSelected(index.row()):
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _show_current(self) -> None:
        event = self.current_event()
        self.model.set_current_event((event.id or 0) if event else 0)
        annotations = self.controller.bundle.annotations_of(event.id or 0) if event else []
        self.ui.detailPanel.show_event(event, annotations)
        self.ui.promptCards.set_kind(event.kind if event else None)

    def move_current(self, delta: int) -> None:
        """Move the current event ``delta`` places among the events shown."""
        if not self.proxy.is_filtering:
            self.controller.move_current_event(delta)
            return
        count = self.proxy.rowCount()
        if not count:
            return
        index = self._proxy_index_of(self.controller.current_event_id)
        row = index.row() if index.isValid() else (-1 if delta > 0 else count)
        row = max(0, min(count - 1, row + delta))
        self.controller.set_current_event(int(self.proxy.index(row, TIME).data(ID_ROLE)))

    def entered(self) -> None:
        """Put the keyboard on the timeline and make sure an event is under discussion."""
        if not self.controller.current_event_id and self.controller.bundle.events:
            self.controller.set_current_event(self.controller.bundle.events[0].id or 0)
        self.ui.tableView.setFocus()

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.controller.set_current_event(int(current.data(ID_ROLE)))

    def _on_controller_current_event_changed(self, event_id: int) -> None:
        self._syncing = True
        try:
            self._select_event(event_id)
        finally:
            self._syncing = False
        self._show_current()

    def _on_controller_changed(self, change: Change) -> None:
        if change.entity == Entity.SETTING and GAP_SETTING in change.fields:
            self._gap_minutes = self._read_gap_threshold()
            self.model.set_gap_threshold(timedelta(minutes=self._gap_minutes))
            self._update_count()

    # --- Adding, capturing, deleting ----------------------------------------------------------

    def _incident_day(self) -> date:
        """Return the day bare typed times fall on: the current event's, else the incident's."""
        zone = self.zone
        event = self.current_event()
        if event is not None:
            return event.occurred_at.astimezone(zone).date()
        postmortem = self.controller.bundle.postmortem
        events = self.controller.bundle.events
        start = postmortem.started_at or (events[0].occurred_at if events else None)
        return (start or utc_now()).astimezone(zone).date()

    def _create_event(self, text: str, **fields: Any) -> int:
        """Add an event as one undoable edit and return its id."""
        timeline = self.controller.services.timeline
        pm_id = self.controller.postmortem_id
        when: datetime = fields["occurred_at"]
        label = f"Add the {when.astimezone(self.zone):%H:%M} event"
        return self.controller.push_create(
            label,
            lambda: timeline.add_event(pm_id, text=text, **fields),
            timeline.delete_event,
            timeline.restore_event,
        )

    def open_add_dialog(self) -> None:
        """Ask for a new event, starting a minute after the current one."""
        current = self.current_event()
        postmortem = self.controller.bundle.postmortem
        if current is not None:
            moment = current.occurred_at + timedelta(minutes=1)
        else:
            moment = postmortem.started_at or self.controller.clock()
        self.add_dialog.prepare(
            moment=moment,
            zone=self.zone,
            zone_label=self.zone_name,
            kind=EventKind.NOTE,
            people=self.controller.bundle.participant_names(),
        )
        self.add_dialog.open()

    def add_event(self, new: NewEvent) -> int:
        """Add the event described by ``new``, make it current, and return its id."""
        event_id = self._create_event(
            new.text,
            occurred_at=new.occurred_at,
            kind=new.kind,
            actor=new.actor,
        )
        self.controller.set_current_event(event_id)
        return event_id

    def _on_add_dialog_accepted(self) -> None:
        values = self.add_dialog.values()
        if values.text:
            self.add_event(values)
        self.ui.tableView.setFocus()

    def capture(self, line: str) -> int | None:
        """Turn a typed line into an event; return its id, or None when the line was refused."""
        bundle = self.controller.bundle
        current = self.current_event()
        people = people_aliases([(p.name, p.handle) for p in bundle.participants])
        zone = self.zone
        try:
            captured = parse_capture(
                line,
                day=self._incident_day(),
                zone=zone,
                default_time=current.occurred_at if current else None,
                people=people,
            )
            event_id = self._create_event(
                captured.text,
                occurred_at=captured.occurred_at,
                kind=captured.kind,
                actor=captured.actor,
                source=EventSource.MANUAL,
            )
        except UserFacingError as error:
            self.ui.captureBar.show_problem(str(error))
            return None
        when = captured.occurred_at.astimezone(zone)
        who = f" · {captured.actor}" if captured.actor else ""
        self.ui.captureBar.accept_line(
            f"Added {when:%H:%M} · {captured.kind.label}{who}: {captured.text}  (Ctrl+Z undoes)"
        )
        return event_id

    def _on_capture_bar_submitted(self, line: str) -> None:
        self.capture(line)

    def _on_capture_bar_move_requested(self, delta: int) -> None:
        self.move_current(delta)

    def delete_current_event(self) -> None:
        """Delete the event under discussion (undoable) and move on to its neighbour."""
        event = self.current_event()
        if event is None or event.id is None:
            return
        self._delete_event(event.id)

    def _delete_event(self, event_id: int) -> None:
        index = self._proxy_index_of(event_id)
        row = index.row() if index.isValid() else 0
        timeline = self.controller.services.timeline
        event = self.model.event_at(self.model.row_of(event_id))
        when = event.occurred_at.astimezone(self.zone)
        self.ui.detailPanel.flush()
        self.controller.push_delete(
            f"Delete the {when:%H:%M} event",
            event_id,
            timeline.delete_event,
            timeline.restore_event,
        )
        count = self.proxy.rowCount()
        if count:
            neighbour = self.proxy.index(min(row, count - 1), TIME)
            self.controller.set_current_event(int(neighbour.data(ID_ROLE)))
        self.ui.captureBar.accept_line(
            f"Deleted the {when:%H:%M} event. Ctrl+Z brings it back with its notes."
        )

    def _on_detail_panel_delete_requested(self, event_id: int) -> None:
        self._delete_event(event_id)
        self.ui.tableView.setFocus()

    def _on_prompt_cards_question_picked(self, question: str) -> None:
        self.ui.detailPanel.add_annotation(question, is_question=True)

    # --- Filters and zone ---------------------------------------------------------------------

    def _on_search_edit_text_changed(self, text: str) -> None:
        self._syncing = True
        try:
            self.proxy.set_text(text)
        finally:
            self._syncing = False
        self._after_filter()

    def _on_filter_combo_activated(self, _index: int) -> None:
        # The table moves its cursor while rows disappear; that is not the facilitator moving on.
        self._syncing = True
        try:
            self.proxy.set_kind(self.ui.kindFilterCombo.currentData())
            self.proxy.set_source(self.ui.sourceFilterCombo.currentData())
            self.proxy.set_actor(self.ui.actorFilterCombo.currentData())
        finally:
            self._syncing = False
        self._after_filter()

    def _after_filter(self) -> None:
        """Keep the current event if it is still shown, else move to the first one shown."""
        current = self._proxy_index_of(self.controller.current_event_id)
        if not current.isValid() and self.proxy.rowCount():
            self.controller.set_current_event(int(self.proxy.index(0, TIME).data(ID_ROLE)))
        else:
            self._syncing = True
            try:
                self._select_event(self.controller.current_event_id)
            finally:
                self._syncing = False
        self._update_count()

    def _on_local_time_button_toggled(self, checked: bool) -> None:
        if checked == self._show_utc:
            self.set_show_utc(not checked)

    # --- Keyboard -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+N inside the page for a new event rather than a new postmortem."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.New)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Open the add-event dialog on Ctrl+N."""
        if event.matches(QKeySequence.StandardKey.New):
            event.accept()
            QTimer.singleShot(0, self.open_add_dialog)
            return
        super().keyPressEvent(event)
