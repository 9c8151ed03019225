"""The Prepare step: incident facts, key times, evidence, attendees and readiness."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QIcon,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from postmortem_desk.domain.enums import EvidenceKind, MeetingStep, Milestone, Severity
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.rules import (
    KeyTimes,
    format_duration,
    incident_durations,
    milestone_order_problems,
)
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.forms.ui_prepare_page import Ui_PreparePage
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.style import colour, severity_colour
from postmortem_desk.gui.widgets.prepare_autosave import EditorAutosave
from postmortem_desk.gui.widgets.prepare_key_time import KeyTimeField
from postmortem_desk.gui.widgets.prepare_look import page_style_sheet, repolish_roles, set_role
from postmortem_desk.gui.widgets.prepare_models import (
    ID_ROLE,
    NAME_ROLE,
    URL_ROLE,
    AttendeeModel,
    EvidenceLinkModel,
)
from postmortem_desk.gui.widgets.roles_people import UndoablePeople
from postmortem_desk.services.notes import ALLOWED_LINK_SCHEMES
from postmortem_desk.services.readiness import (
    ReadinessItem,
    format_services,
    incident_zone,
    meeting_timing,
    offset_choices,
    parse_services,
    readiness_items,
    reference_day,
    timeline_actor_suggestions,
)

NO_NUMBER = -1
MAX_NUMBER = 2_000_000_000
MAX_SUGGESTIONS = 6
DURATION_STYLE = "font-size: 14pt; font-weight: 600;"
TABLE_ROW_HEIGHT = 34
TABLE_VISIBLE_ROWS = (3, 10)


def fit_table_to_rows(table: QTableView, rows: int) -> None:
    """Make a table tall enough for its rows, so the page scrolls instead of the table."""
    shown = max(TABLE_VISIBLE_ROWS[0], min(rows, TABLE_VISIBLE_ROWS[1]))
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + shown * TABLE_ROW_HEIGHT + 2 * table.frameWidth() + 2)


TEXT_FACTS = {
    "summary": "Edit the summary",
    "impact": "Edit the impact",
    "facilitator_notes": "Edit your private notes",
}


def severity_dot(severity: Severity) -> QIcon:
    """Return a small dot in the severity's colour for the severity list."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(severity_colour(severity))
    painter.drawEllipse(QRectF(1, 1, 10, 10))
    painter.end()
    return QIcon(pixmap)


class ReadinessToggle(QAbstractButton):
    """A round tick box that matches the checklist's marks: hollow until ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        """Take the size of the checklist's marks."""
        return QSize(24, 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw a filled circle with a tick, or a hollow one; a ring shows focus."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        circle = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.isChecked():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour("success"))
            painter.drawEllipse(circle)
            font = self.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, "\u2713")
        else:
            active = self.hasFocus() or self.underMouse()
            painter.setPen(QPen(colour("accent" if active else "border_strong"), 2))
            painter.setBrush(colour("surface"))
            painter.drawEllipse(circle)
        if self.hasFocus() and self.isChecked():
            painter.setPen(QPen(colour("accent"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle.adjusted(-0.5, -0.5, 0.5, 0.5))


class ReadinessRow:
    """One line of the readiness checklist: a mark (or a box to tick), label, detail, a fix."""

    def __init__(self, item: ReadinessItem, parent: QWidget) -> None:
        self.key = item.key
        self.manual = item.manual
        self.mark = QLabel(parent)
        self.mark.setObjectName(f"readinessMark_{item.key}")
        self.mark.setFixedSize(24, 24)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.check = ReadinessToggle(parent)
        self.check.setObjectName(f"readinessCheck_{item.key}")
        self.check.setAccessibleName(item.label)
        self.check.setToolTip("Space or a click ticks it")
        self.check.setVisible(item.manual)
        self.mark.setVisible(not item.manual)
        self.label = QLabel(item.label, parent)
        self.label.setObjectName(f"readinessLabel_{item.key}")
        self.detail = QLabel(parent)
        self.detail.setObjectName(f"readinessDetail_{item.key}")
        set_role(self.detail, "hint")
        self.fix_button = QPushButton(parent)
        self.fix_button.setObjectName(f"readinessFix_{item.key}")
        set_role(self.fix_button, "flat")
        if item.manual:
            self.label.setBuddy(self.check)

    def show_item(self, item: ReadinessItem) -> None:
        """Show whether the item is done and why."""
        if self.manual:
            self.check.blockSignals(True)
            self.check.setChecked(item.done)
            self.check.blockSignals(False)
        else:
            tone = colour("success") if item.done else colour("border_strong")
            self.mark.setText("\u2713" if item.done else "")
            self.mark.setStyleSheet(
                f"background: {tone.name()}; color: #FFFFFF; border-radius: 12px; font-weight: 700;"
                if item.done
                else f"border: 2px solid {tone.name()}; border-radius: 12px;"
            )
            self.mark.setAccessibleName(f"{item.label}: {'done' if item.done else 'not yet'}")
        self.detail.setText(item.detail)
        self.fix_button.setVisible(not item.done and bool(self.fix_button.text()))


class PreparePage(StepPage):
    """Get the facts, times, evidence and people ready before the room gathers."""

    step = MeetingStep.PREPARE

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_PreparePage()
        self.ui.setupUi(self)
        self.setStyleSheet(page_style_sheet())
        repolish_roles(self)
        self.people = UndoablePeople(controller)
        self._evidence_signature: tuple[Any, ...] = ()
        self._attendee_signature: tuple[Any, ...] = ()
        self._suggestion_buttons: list[QPushButton] = []
        self._setup_facts()
        self._setup_times()
        self._setup_evidence()
        self._setup_attendees()
        self._setup_readiness()
        self._setup_notes()
        self.ui.showChecklistButton.clicked.connect(self._on_show_checklist_button_clicked)
        self.ui.messageLabel.hide()
        self.refresh()

    # --- set-up ----------------------------------------------------------------------------

    def _setup_facts(self) -> None:
        ui = self.ui
        for editor in (ui.titleEdit, ui.summaryEdit, ui.impactEdit):
            self.register_text_editor(editor)
        self.title_saver = EditorAutosave(ui.titleEdit)
        self.title_saver.committed.connect(self._on_title_saver_committed)
        self.key_saver = EditorAutosave(ui.keyEdit)
        self.key_saver.committed.connect(self._on_key_saver_committed)
        self.services_saver = EditorAutosave(ui.servicesEdit)
        self.services_saver.committed.connect(self._on_services_saver_committed)
        self.text_savers: dict[str, EditorAutosave] = {
            "summary": EditorAutosave(ui.summaryEdit),
            "impact": EditorAutosave(ui.impactEdit),
            "facilitator_notes": EditorAutosave(ui.notesEdit),
        }
        for name, saver in self.text_savers.items():
            saver.committed.connect(lambda text, field=name: self._save_text_fact(field, text))
        for severity in Severity:
            ui.severityCombo.addItem(
                severity_dot(severity),
                f"{severity.value} · {severity.description.split(':')[0]}",
                severity.value,
            )
        ui.severityCombo.activated.connect(self._on_severity_combo_activated)
        self.number_fields: dict[str, QSpinBox] = {
            "users_affected": ui.usersSpin,
            "impact_minutes": ui.minutesSpin,
            "support_tickets": ui.ticketsSpin,
        }
        for field, spin in self.number_fields.items():
            spin.setRange(NO_NUMBER, MAX_NUMBER)
            spin.setSpecialValueText("Unknown")
            spin.setGroupSeparatorShown(True)
            spin.setKeyboardTracking(False)
            spin.setMinimumWidth(96)  # its size hint fits two billion, more than the card has
            spin.valueChanged.connect(lambda value, name=field: self._save_number(name, value))

    def _setup_times(self) -> None:
        ui = self.ui
        clock = self.controller.clock
        self.time_fields: dict[Milestone, KeyTimeField] = {}
        for milestone in Milestone:
            edit: QLineEdit = getattr(ui, f"{milestone.value}Edit")
            field = KeyTimeField(
                edit,
                getattr(ui, f"{milestone.value}UtcLabel"),
                getattr(ui, f"{milestone.value}NowButton"),
                clock=clock,
                name=milestone.label,
            )
            getattr(ui, f"{milestone.value}NowButton").setProperty("compact", True)
            field.committed.connect(lambda value, m=milestone: self._save_key_time(m, value))
            field.rejected.connect(self._show_message)
            field.previewed.connect(self._update_durations)
            self.time_fields[milestone] = field
        self.meeting_field = KeyTimeField(
            ui.meetingEdit, ui.meetingUtcLabel, None, clock=clock, name="Meeting"
        )
        self.meeting_field.committed.connect(self._on_meeting_field_committed)
        self.meeting_field.rejected.connect(self._show_message)
        ui.zoneCombo.activated.connect(self._on_zone_combo_activated)
        for value in (ui.detectValue, ui.acknowledgeValue, ui.mitigateValue, ui.resolveValue):
            value.setStyleSheet(DURATION_STYLE)
        self.duration_labels = {
            "Time to detect": ui.detectValue,
            "Time to acknowledge": ui.acknowledgeValue,
            "Time to mitigate": ui.mitigateValue,
            "Time to resolve": ui.resolveValue,
        }

    def _setup_evidence(self) -> None:
        ui = self.ui
        self.evidence_model = EvidenceLinkModel()
        table = ui.evidenceTable
        table.setModel(self.evidence_model)
        self._style_table(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 320)
        table.setColumnWidth(1, 130)
        table.activated.connect(self._on_evidence_table_activated)
        table.selectionModel().currentRowChanged.connect(self._update_evidence_buttons)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._on_remove_link_button_clicked)
        for kind in EvidenceKind:
            ui.linkKindCombo.addItem(kind.label, kind.value)
        ui.linkKindCombo.setCurrentIndex(list(EvidenceKind).index(EvidenceKind.DASHBOARD))
        ui.addLinkButton.clicked.connect(self._on_add_link_button_clicked)
        ui.linkUrlEdit.returnPressed.connect(self._on_add_link_button_clicked)
        ui.linkTitleEdit.returnPressed.connect(self._on_link_title_edit_return_pressed)
        ui.openLinkButton.clicked.connect(self._on_open_link_button_clicked)
        ui.removeLinkButton.clicked.connect(self._on_remove_link_button_clicked)

    def _setup_attendees(self) -> None:
        ui = self.ui
        self.attendee_model = AttendeeModel()
        self.attendee_model.invited_toggled.connect(self._on_attendee_model_invited_toggled)
        table = ui.attendeesTable
        table.setModel(self.attendee_model)
        self._style_table(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 84)
        table.setColumnWidth(1, 240)
        table.setColumnWidth(2, 200)
        table.selectionModel().currentRowChanged.connect(self._update_attendee_buttons)
        toggle = QShortcut(QKeySequence(Qt.Key.Key_Space), table)
        toggle.setContext(Qt.ShortcutContext.WidgetShortcut)
        toggle.activated.connect(self._on_invite_shortcut_activated)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._on_remove_person_button_clicked)
        ui.addPersonButton.clicked.connect(self._on_add_person_button_clicked)
        ui.personNameEdit.returnPressed.connect(self._on_add_person_button_clicked)
        ui.personTeamEdit.returnPressed.connect(self._on_add_person_button_clicked)
        ui.removePersonButton.clicked.connect(self._on_remove_person_button_clicked)
        ui.suggestButton.toggled.connect(self._on_suggest_button_toggled)
        ui.suggestionsFrame.hide()

    def _setup_readiness(self) -> None:
        grid = self.ui.readinessGrid
        fixes: dict[str, tuple[str, Callable[[], None]]] = {
            "summary_written": ("Write it", self._focus(self.ui.summaryEdit)),
            "key_times_set": ("Set the times", self._focus(self.ui.startedEdit)),
            "timeline_drafted": ("Open the timeline", self._go_to(MeetingStep.REVIEW)),
            "owner_named": ("Open Roles", self._go_to(MeetingStep.ROLES)),
            "attendees_invited": ("Invite people", self._focus(self.ui.attendeesTable)),
        }
        self.readiness_rows: dict[str, ReadinessRow] = {}
        for row, item in enumerate(readiness_items(self.controller.bundle)):
            line = ReadinessRow(item, self.ui.readinessCard)
            if item.manual:
                grid.addWidget(line.check, row, 0)
                line.check.toggled.connect(
                    lambda done, key=item.key: self._save_checklist(key, done)
                )
            else:
                grid.addWidget(line.mark, row, 0)
            text = QWidget(self.ui.readinessCard)
            text_layout = QHBoxLayout(text)
            text_layout.setContentsMargins(0, 0, 0, 0)
            text_layout.setSpacing(10)
            text_layout.addWidget(line.label)
            text_layout.addWidget(line.detail, 1)
            grid.addWidget(text, row, 1)
            fix = fixes.get(item.key)
            if fix is not None:
                line.fix_button.setText(fix[0])
                line.fix_button.setAccessibleName(f"{fix[0]}: {item.label.lower()}")
                line.fix_button.clicked.connect(fix[1])
            grid.addWidget(line.fix_button, row, 2)
            self.readiness_rows[item.key] = line

    def _setup_notes(self) -> None:
        self.register_text_editor(self.ui.notesEdit)
        warning = colour("warning")
        self.ui.notesCard.setStyleSheet(
            "QFrame#notesCard { background: #FFFDF6; border-radius: 10px; "
            f"border: 1px solid rgba({warning.red()}, {warning.green()}, {warning.blue()}, 90); }}"
        )
        self.ui.privateBadge.setStyleSheet(
            f"background: {colour('warning_soft').name()}; color: {warning.name()}; "
            "border-radius: 10px; padding: 2px 10px; font-weight: 600; font-size: 9pt;"
        )
        self.ui.privateBadge.setAccessibleName("Only you see these notes")

    def _style_table(self, table: QTableView) -> None:
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(TABLE_ROW_HEIGHT)
        table.horizontalHeader().setHighlightSections(False)
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTabKeyNavigation(False)

    def _focus(self, widget: QWidget) -> Callable[[], None]:
        def focus() -> None:
            self.ui.scrollArea.ensureWidgetVisible(widget, 0, 80)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

        return focus

    def _go_to(self, step: MeetingStep) -> Callable[[], None]:
        return lambda: self.controller.go_to_step(step)

    # --- redraw ----------------------------------------------------------------------------

    def entered(self) -> None:
        """Put the cursor in the title when the meeting arrives here."""
        self.ui.titleEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Redraw every card from the controller's snapshot."""
        bundle = self.controller.bundle
        pm = bundle.postmortem
        ui = self.ui
        self.title_saver.show_value(pm.title)
        self.key_saver.show_value(pm.incident_key)
        self.services_saver.show_value(format_services(pm.services))
        self.text_savers["summary"].show_value(pm.summary)
        self.text_savers["impact"].show_value(pm.impact)
        self.text_savers["facilitator_notes"].show_value(pm.facilitator_notes)
        ui.severityCombo.setCurrentIndex(list(Severity).index(pm.severity))
        ui.severityHint.setText(pm.severity.description.split(":", 1)[1].strip())
        for name, spin in self.number_fields.items():
            value = getattr(pm, name)
            if not spin.hasFocus():
                spin.blockSignals(True)
                spin.setValue(NO_NUMBER if value is None else int(value))
                spin.blockSignals(False)

        offset = pm.incident_utc_offset_minutes
        ui.zoneCombo.blockSignals(True)
        ui.zoneCombo.clear()
        for minutes, label in offset_choices(offset):
            ui.zoneCombo.addItem(label, minutes)
        ui.zoneCombo.setCurrentIndex(ui.zoneCombo.findData(offset))
        ui.zoneCombo.blockSignals(False)
        day = reference_day(pm, bundle.events)
        for milestone, field in self.time_fields.items():
            field.set_context(offset_minutes=offset, reference_day=day)
            field.show_value(getattr(pm, f"{milestone.value}_at"))
        self.meeting_field.set_context(offset_minutes=offset, reference_day=None)
        self.meeting_field.show_value(pm.meeting_date)
        self._update_durations()
        self._update_lateness()
        planned = sum(int(minutes) for minutes in pm.agenda.values())
        ui.lengthValue.setText(f"{planned} min, planned across the six steps")
        self._refresh_evidence()
        self._refresh_attendees()
        self._refresh_readiness()

    def _update_durations(self) -> None:
        previews = {m: field.preview() for m, field in self.time_fields.items()}
        times = KeyTimes(
            started=previews[Milestone.STARTED],
            detected=previews[Milestone.DETECTED],
            acknowledged=previews[Milestone.ACKNOWLEDGED],
            mitigated=previews[Milestone.MITIGATED],
            resolved=previews[Milestone.RESOLVED],
        )
        for label, value in incident_durations(times).items():
            self.duration_labels[label].setText(format_duration(value))
            self.duration_labels[label].setAccessibleName(f"{label}: {format_duration(value)}")
        zone = incident_zone(self.controller.bundle.postmortem.incident_utc_offset_minutes)
        local = KeyTimes(
            **{m.value: (None if v is None else v.astimezone(zone)) for m, v in previews.items()}
        )
        problems = milestone_order_problems(local)
        self.ui.orderWarningLabel.setText("Out of order: " + " ".join(problems) if problems else "")
        self.ui.orderWarningLabel.setVisible(bool(problems))

    def _update_lateness(self) -> None:
        pm = self.controller.bundle.postmortem
        timing = meeting_timing(pm, self.controller.services.settings.get("meeting_deadline_days"))
        label = self.ui.lateLabel
        if timing is None:
            label.setText("Set the resolution time and the meeting date to check the deadline.")
            set_role(label, "hint")
        else:
            label.setText(timing.message())
            set_role(label, "warning" if timing.is_late else "success")

    def _refresh_evidence(self) -> None:
        links = self.controller.bundle.evidence_links
        signature = tuple((link.id, link.title, link.url, link.kind) for link in links)
        if signature != self._evidence_signature:
            self._evidence_signature = signature
            table = self.ui.evidenceTable
            current = table.currentIndex()
            current_id = current.data(ID_ROLE) if current.isValid() else None
            self.evidence_model.set_links(links)
            row = self.evidence_model.row_of(int(current_id)) if current_id else -1
            if row < 0 and links:
                row = min(current.row(), len(links) - 1) if current.isValid() else -1
            if row >= 0:
                table.setCurrentIndex(self.evidence_model.index(row, 0))
            fit_table_to_rows(table, len(links))
        self._update_evidence_buttons()

    def _refresh_attendees(self) -> None:
        bundle = self.controller.bundle
        people = bundle.participants
        roles = {p.id or 0: bundle.roles_of(p.id or 0) for p in people}
        signature = tuple(
            (p.id, p.name, p.team, p.invited, tuple(roles[p.id or 0])) for p in people
        )
        if signature != self._attendee_signature:
            self._attendee_signature = signature
            table = self.ui.attendeesTable
            current = table.currentIndex()
            name = current.data(NAME_ROLE) if current.isValid() else None
            column = current.column() if current.isValid() else 0
            self.attendee_model.set_people(people, roles)
            row = self.attendee_model.row_of(str(name)) if name else -1
            if row < 0 and current.isValid() and people:
                row = min(current.row(), len(people) - 1)
            if row >= 0:
                table.setCurrentIndex(self.attendee_model.index(row, column))
            fit_table_to_rows(table, len(people))
        invited = sum(1 for p in people if p.invited)
        self.ui.attendeesHint.setText(
            f"{len(people)} people · {invited} invited. Space ticks the Invited box."
            if people
            else "Nobody yet. Add people below, or let the timeline suggest them."
        )
        self._update_attendee_buttons()
        if self.ui.suggestButton.isChecked():
            self._rebuild_suggestions()

    def _refresh_readiness(self) -> None:
        bundle = self.controller.bundle
        items = readiness_items(bundle)
        for item in items:
            self.readiness_rows[item.key].show_item(item)
        open_items = [item.label for item in items if not item.done]
        timing = meeting_timing(
            bundle.postmortem, self.controller.services.settings.get("meeting_deadline_days")
        )
        late = f" The meeting is {timing.late_by} days late." if timing and timing.late_by else ""
        summary = self.ui.readinessSummaryLabel
        if not open_items:
            summary.setText(f"Ready for the meeting: all {len(items)} checks are done.{late}")
            set_role(summary, "warning" if late else "success")
        else:
            summary.setText(
                f"{len(items) - len(open_items)} of {len(items)} readiness checks done. "
                f"Still open: {', '.join(open_items)}.{late}"
            )
            set_role(summary, "warning")

    def _rebuild_suggestions(self) -> None:
        frame = self.ui.suggestionsFrame
        layout = self.ui.suggestionsLayout
        had_focus = any(button.hasFocus() for button in self._suggestion_buttons)
        while layout.count() > 1:
            item = layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._suggestion_buttons = []
        bundle = self.controller.bundle
        suggestions = timeline_actor_suggestions(bundle.events, bundle.participants)
        if not suggestions:
            self.ui.suggestionsLabel.setText(
                "Everyone who acts in the timeline is already on the list "
                "(bots and tools such as Alertmanager are left out)."
            )
        else:
            self.ui.suggestionsLabel.setText(
                "In the timeline but not on the list (bots and tools left out):"
            )
        for index, suggestion in enumerate(suggestions[:MAX_SUGGESTIONS]):
            row = QWidget(frame)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            name = QLabel(suggestion.name, row)
            count = QLabel(
                f"{suggestion.event_count} event{'s' if suggestion.event_count != 1 else ''}",
                row,
            )
            set_role(count, "hint")
            button = QPushButton("Add", row)
            button.setObjectName(f"suggestionAddButton_{index}")
            button.setAccessibleName(f"Add {suggestion.name} as an attendee")
            button.clicked.connect(lambda _=False, who=suggestion.name: self._add_person(who, ""))
            button.setProperty("compact", True)
            row_layout.setSpacing(12)
            row_layout.addWidget(button)
            row_layout.addWidget(name)
            row_layout.addWidget(count)
            row_layout.addStretch(1)
            layout.addWidget(row)
            self._suggestion_buttons.append(button)
        if had_focus:
            target = self._suggestion_buttons[0] if self._suggestion_buttons else None
            (target or self.ui.suggestButton).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving ----------------------------------------------------------------------------

    def _show_message(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))
        if text:
            self.ui.scrollArea.ensureWidgetVisible(self.ui.messageLabel, 0, 40)

    def _save(self, text: str, **changes: Any) -> None:
        """Change postmortem facts as one undoable edit and clear any old message."""
        self._show_message("")
        self.controller.update_postmortem(text, **changes)

    def _on_title_saver_committed(self, text: str) -> None:
        title = " ".join(text.split())
        if not title:
            self._show_message("A postmortem needs a title; the old one is back.")
            self.title_saver.show_value(self.controller.bundle.postmortem.title, force=True)
            return
        self._save("Edit the title", title=title)
        self.title_saver.show_value(self.controller.bundle.postmortem.title, force=True)

    def _on_key_saver_committed(self, text: str) -> None:
        self._save("Edit the incident key", incident_key=text.strip())

    def _on_services_saver_committed(self, text: str) -> None:
        self._save("Edit the services", services=parse_services(text))
        self.services_saver.show_value(
            format_services(self.controller.bundle.postmortem.services), force=True
        )

    def _save_text_fact(self, field: str, text: str) -> None:
        self._save(TEXT_FACTS[field], **{field: text})

    def _save_number(self, field: str, value: int) -> None:
        label = self.number_fields[field].accessibleName().lower()
        self._save(f"Edit {label}", **{field: None if value == NO_NUMBER else value})

    def _on_severity_combo_activated(self, index: int) -> None:
        severity = Severity(self.ui.severityCombo.itemData(index))
        self._save(f"Change the severity to {severity.value}", severity=severity)

    def _on_zone_combo_activated(self, index: int) -> None:
        minutes = int(self.ui.zoneCombo.itemData(index))
        self._save("Change the incident's time zone", incident_utc_offset_minutes=minutes)

    def _save_key_time(self, milestone: Milestone, value: datetime | None) -> None:
        self._save(f"Set the {milestone.label.lower()} time", **{f"{milestone.value}_at": value})

    def _on_meeting_field_committed(self, value: datetime | None) -> None:
        self._save("Set the meeting date", meeting_date=value)

    def _save_checklist(self, key: str, done: bool) -> None:
        label = self.readiness_rows[key].label.text()
        postmortems = self.controller.services.postmortems
        pm_id = self.controller.postmortem_id
        self.controller.push_update(
            f"Tick “{label}”" if done else f"Clear “{label}”",
            lambda values: postmortems.mark_checklist(pm_id, item=key, done=values["done"]),
            {"done": bool(self.controller.bundle.postmortem.checklist.get(key))},
            {"done": done},
        )

    # --- evidence --------------------------------------------------------------------------

    def _selected_link(self) -> QModelIndex | None:
        index = self.ui.evidenceTable.currentIndex()
        return index if index.isValid() else None

    def _update_evidence_buttons(self) -> None:
        has_link = self._selected_link() is not None
        self.ui.openLinkButton.setEnabled(has_link)
        self.ui.removeLinkButton.setEnabled(has_link)

    def open_link(self, index: QModelIndex) -> bool:
        """Open the link of a row in the browser."""
        url = index.siblingAtColumn(0).data(URL_ROLE)
        if not url:
            return False
        return QDesktopServices.openUrl(QUrl(str(url)))

    def _on_evidence_table_activated(self, index: QModelIndex) -> None:
        self.open_link(index)

    def _on_open_link_button_clicked(self) -> None:
        index = self._selected_link()
        if index is not None:
            self.open_link(index)

    def _on_link_title_edit_return_pressed(self) -> None:
        if self.ui.linkUrlEdit.text().strip():
            self._on_add_link_button_clicked()
        else:
            self.ui.linkUrlEdit.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_add_link_button_clicked(self) -> None:
        ui = self.ui
        url = ui.linkUrlEdit.text().strip()
        title = " ".join(ui.linkTitleEdit.text().split())
        if not url:
            self._show_message("Paste the link's address first.")
            ui.linkUrlEdit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if "://" not in url and not url.lower().startswith("mailto:"):
            url = f"https://{url}"
        if not url.lower().startswith(ALLOWED_LINK_SCHEMES):
            self._show_message(
                f"The link “{url}” must start with http://, https:// or mailto: "
                "so it opens in the browser."
            )
            ui.linkUrlEdit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        kind = EvidenceKind(ui.linkKindCombo.currentData())
        notes = self.controller.services.notes
        pm_id = self.controller.postmortem_id
        self._show_message("")
        link_id = self.controller.push_create(
            f"Add the link “{title or url}”",
            lambda: notes.add_evidence_link(pm_id, title=title, url=url, kind=kind),
            notes.delete_evidence_link,
            notes.restore_evidence_link,
        )
        ui.linkTitleEdit.clear()
        ui.linkUrlEdit.clear()
        row = self.evidence_model.row_of(link_id)
        if row >= 0:
            ui.evidenceTable.setCurrentIndex(self.evidence_model.index(row, 0))
        ui.linkTitleEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_link_button_clicked(self) -> None:
        index = self._selected_link()
        if index is None:
            return
        link = self.evidence_model.link_at(index.row())
        notes = self.controller.services.notes
        self.controller.push_delete(
            f"Remove the link “{link.title}”",
            link.id or 0,
            notes.delete_evidence_link,
            notes.restore_evidence_link,
        )
        self.ui.evidenceTable.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- attendees -------------------------------------------------------------------------

    def _update_attendee_buttons(self) -> None:
        self.ui.removePersonButton.setEnabled(self.ui.attendeesTable.currentIndex().isValid())

    def _add_person(self, name: str, team: str) -> bool:
        try:
            self.people.add(name, team=team)
        except UserFacingError as error:
            self._show_message(str(error))
            return False
        self._show_message("")
        row = self.attendee_model.row_of(" ".join(name.split()))
        if row >= 0:
            self.ui.attendeesTable.setCurrentIndex(self.attendee_model.index(row, 0))
        return True

    def _on_add_person_button_clicked(self) -> None:
        ui = self.ui
        if self._add_person(ui.personNameEdit.text(), ui.personTeamEdit.text()):
            ui.personNameEdit.clear()
            ui.personTeamEdit.clear()
        ui.personNameEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_person_button_clicked(self) -> None:
        index = self.ui.attendeesTable.currentIndex()
        if not index.isValid():
            return
        name = str(index.data(NAME_ROLE))
        self.people.remove(name)
        self.ui.attendeesTable.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_attendee_model_invited_toggled(self, name: str, invited: bool) -> None:
        self.people.set_invited(name, invited)

    def _on_invite_shortcut_activated(self) -> None:
        index = self.ui.attendeesTable.currentIndex()
        if index.isValid():
            person = self.attendee_model.person_at(index.row())
            self.people.set_invited(person.name, not person.invited)

    def _on_suggest_button_toggled(self, checked: bool) -> None:
        self.ui.suggestionsFrame.setVisible(checked)
        if checked:
            self._rebuild_suggestions()

    def _on_show_checklist_button_clicked(self) -> None:
        self.ui.scrollArea.ensureWidgetVisible(self.ui.readinessCard, 0, 0)
        first = self.readiness_rows.get("pre_read_shared")
        if first is not None:
            first.check.setFocus(Qt.FocusReason.OtherFocusReason)
