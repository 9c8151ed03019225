"""The meeting area: step rail, header with the step timer, and the page of the current step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.meeting_clock import actual_minutes
from postmortem_desk.gui.coach.findings_panel import CoachFindingsPanel
from postmortem_desk.gui.coach.hub import CoachHub, editor_label
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.dialogs.parking_lot_dialog import ParkingLotDialog
from postmortem_desk.gui.meeting.step_rail import StepRail
from postmortem_desk.gui.meeting.timer_widget import StepTimerWidget
from postmortem_desk.gui.pages import page_types
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.widgets.severity import SeverityBadge
from postmortem_desk.services.step_status import step_completion

COACH_PANEL_WIDTH = 360
STEP_SUBTITLES = {
    MeetingStep.PREPARE: "Facts, evidence and attendees, before the room gathers.",
    MeetingStep.ROLES: "Who does what in this meeting, and the ground rules we read aloud.",
    MeetingStep.REVIEW: "Walk the timeline event by event. Ask what people saw and knew then.",
    MeetingStep.WHYS: "Each answer asks: what made that possible? End at systemic factors.",
    MeetingStep.RECOMMENDATIONS: "Concrete actions with an owner, a priority and a due date.",
    MeetingStep.FOLLOW_UP: "Lessons learned, feedback, the report and the follow-up date.",
}


class MeetingView(QWidget):
    """Show one postmortem's meeting: rail, header, timer and step pages.

    Signals:
        back_requested(): the user wants the library again.
    """

    back_requested = Signal()

    def __init__(
        self,
        controller: PostmortemController,
        parent: QWidget | None = None,
        *,
        page_factory: Callable[[MeetingStep], type[StepPage]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingView")
        self.controller = controller
        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        rail_frame = QFrame(self)
        rail_frame.setObjectName("stepRail")
        rail_frame.setFixedWidth(272)
        rail_layout = QVBoxLayout(rail_frame)
        rail_layout.setContentsMargins(8, 16, 8, 16)
        rail_layout.setSpacing(6)
        self.back_button = QPushButton("\u2190  All postmortems", rail_frame)
        self.back_button.setObjectName("backToLibraryButton")
        self.back_button.setAccessibleName("Back to the library of postmortems")
        self.back_button.setProperty("role", "back")
        self.back_button.clicked.connect(self.back_requested)
        rail_layout.addWidget(self.back_button)
        rail_layout.addSpacing(10)
        self.title_label = QLabel(rail_frame)
        self.title_label.setObjectName("railTitle")
        self.title_label.setProperty("role", "railTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setContentsMargins(8, 0, 8, 0)
        rail_layout.addWidget(self.title_label)
        badge_row = QHBoxLayout()
        badge_row.setContentsMargins(8, 2, 8, 0)
        self.severity_badge = SeverityBadge(rail_frame)
        self.key_label = QLabel(rail_frame)
        self.key_label.setProperty("role", "railHint")
        badge_row.addWidget(self.severity_badge)
        badge_row.addWidget(self.key_label)
        badge_row.addStretch(1)
        rail_layout.addLayout(badge_row)
        rail_layout.addSpacing(16)
        self.rail = StepRail(rail_frame)
        self.rail.setObjectName("stepRailSteps")
        rail_layout.addWidget(self.rail)
        rail_layout.addStretch(1)
        self.parking_button = QPushButton(rail_frame)
        self.parking_button.setObjectName("parkingLotButton")
        self.parking_button.setAccessibleName("Open the parking lot")
        self.parking_button.setToolTip("Park a tangent from any step (Ctrl+L)")
        self.parking_button.setProperty("role", "back")
        self.parking_button.clicked.connect(self.open_parking_lot)
        rail_layout.addWidget(self.parking_button)
        self.agenda_label = QLabel(rail_frame)
        self.agenda_label.setObjectName("agendaSummary")
        self.agenda_label.setProperty("role", "railHint")
        self.agenda_label.setContentsMargins(8, 0, 8, 0)
        self.agenda_label.setWordWrap(True)
        rail_layout.addWidget(self.agenda_label)
        root.addWidget(rail_frame)

        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        header = QFrame(self)
        header.setObjectName("meetingHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(32, 16, 24, 16)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.step_label = QLabel(header)
        self.step_label.setObjectName("stepTitle")
        self.step_label.setProperty("role", "pageTitle")
        self.subtitle_label = QLabel(header)
        self.subtitle_label.setObjectName("stepSubtitle")
        self.subtitle_label.setProperty("role", "muted")
        for label in (self.step_label, self.subtitle_label):
            label.setMinimumWidth(200)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        titles.addWidget(self.step_label)
        titles.addWidget(self.subtitle_label)
        header_layout.addLayout(titles, 1)
        self.coach_button = QPushButton(header)
        self.coach_button.setObjectName("coachPanelButton")
        self.coach_button.setAccessibleName("Show or hide the language coach (only you see it)")
        self.coach_button.setToolTip("Wording that blames people, with blameless rewrites (Ctrl+K)")
        self.coach_button.setCheckable(True)
        header_layout.addWidget(self.coach_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addSpacing(16)
        self.timer_widget = StepTimerWidget(header)
        self.timer_widget.setObjectName("stepTimer")
        header_layout.addWidget(self.timer_widget, 0, Qt.AlignmentFlag.AlignVCenter)
        main.addWidget(header)

        self.pages = QStackedWidget(self)
        self.pages.setObjectName("meetingPages")
        self.page_by_step: dict[MeetingStep, StepPage] = {}
        factory = page_factory or page_types().__getitem__
        for step in MeetingStep:
            page = factory(step)(controller, self.pages)
            self.pages.addWidget(page)
            self.page_by_step[step] = page
        main.addWidget(self.pages, 1)
        self.coach_panel = CoachFindingsPanel(self)
        self.coach_panel.setVisible(False)
        self.coach_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.coach_panel.setStyleSheet(
            "#coachFindingsPanel { background: #FFFFFF; border-left: 1px solid #C5CBD8; }"
        )
        panel_layout = self.coach_panel.layout()
        if panel_layout is not None:
            panel_layout.setContentsMargins(16, 14, 16, 14)
        root.addLayout(main, 1)
        self.coach_hub = CoachHub(controller, self)
        for page in self.page_by_step.values():
            for editor in page.text_editors:
                self.coach_hub.attach(editor)
            page.text_editor_registered.connect(self._on_page_text_editor_registered)
        self.coach_button.toggled.connect(self._on_coach_button_toggled)
        self.coach_panel.model.modelReset.connect(self._update_coach_button)
        coach_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        coach_shortcut.activated.connect(self.coach_button.toggle)

        self.rail.step_requested.connect(self._on_rail_step_requested)
        self.timer_widget.pause_toggled.connect(self._on_timer_pause_toggled)
        self.timer_widget.extend_requested.connect(self._on_timer_extend_requested)
        controller.reloaded.connect(self._on_controller_reloaded)
        controller.timer_ticked.connect(self._on_controller_timer_ticked)
        controller.step_changed.connect(self._on_controller_step_changed)
        self._install_shortcuts()
        self._show_step(controller.step)
        self._on_controller_reloaded()

    def current_page(self) -> StepPage:
        """Return the page of the current step."""
        return self.page_by_step[self.controller.step]

    def _install_shortcuts(self) -> None:
        for step in MeetingStep:
            shortcut = QShortcut(QKeySequence(f"Ctrl+{step.number}"), self)
            shortcut.activated.connect(lambda s=step: self.controller.go_to_step(s))
        next_step = QShortcut(QKeySequence("Ctrl+PgDown"), self)
        next_step.activated.connect(lambda: self._go_relative(1))
        previous_step = QShortcut(QKeySequence("Ctrl+PgUp"), self)
        previous_step.activated.connect(lambda: self._go_relative(-1))
        pause = QShortcut(QKeySequence("Ctrl+P"), self)
        pause.activated.connect(self._on_timer_pause_toggled)
        parking = QShortcut(QKeySequence("Ctrl+L"), self)
        parking.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        parking.activated.connect(self.open_parking_lot)
        extend = QShortcut(QKeySequence("Ctrl+Shift+="), self)
        extend.activated.connect(self._on_timer_extend_requested)

    def open_parking_lot(self) -> ParkingLotDialog:
        """Open the parking lot with the cursor in its text field."""
        dialog = ParkingLotDialog(self.controller, self)
        dialog.open()
        dialog.text_edit.setFocus()
        return dialog

    def _go_relative(self, delta: int) -> None:
        steps = list(MeetingStep)
        index = steps.index(self.controller.step) + delta
        if 0 <= index < len(steps):
            self.controller.go_to_step(steps[index])

    def _on_page_text_editor_registered(self, editor: QWidget) -> None:
        support = self.coach_hub.attach(editor)  # type: ignore[arg-type]
        if self.current_page().text_editors and editor in self.current_page().text_editors:
            self.coach_panel.register(support, editor_label(editor))

    def _show_coach_findings(self, step: MeetingStep) -> None:
        self.coach_panel.clear()
        for editor in self.page_by_step[step].text_editors:
            support = self.coach_hub.support_for(editor)
            if support is not None:
                self.coach_panel.register(support, editor_label(editor))
        self._update_coach_button()

    def _on_coach_button_toggled(self, checked: bool) -> None:
        self._place_coach_panel()
        self.coach_panel.setVisible(checked)
        if checked:
            self.coach_panel.raise_()

    def _place_coach_panel(self) -> None:
        """Lay the coach panel over the right edge of the page, as a drawer."""
        area = self.pages.geometry()
        width = min(COACH_PANEL_WIDTH, area.width() // 2)
        self.coach_panel.setGeometry(area.right() - width + 1, area.top(), width, area.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the coach drawer on the right edge."""
        super().resizeEvent(event)
        self._place_coach_panel()

    def _update_coach_button(self) -> None:
        count = self.coach_panel.model.rowCount()
        self.coach_button.setText(f"Language coach ({count})" if count else "Language coach")
        self.coach_button.setProperty("role", "warningButton" if count else "")
        self.coach_button.style().unpolish(self.coach_button)
        self.coach_button.style().polish(self.coach_button)

    def _show_step(self, step: MeetingStep) -> None:
        self.rail.set_current(step)
        self._show_coach_findings(step)
        self.step_label.setText(f"{step.number}. {step.label}")
        self.subtitle_label.setText(STEP_SUBTITLES[step])
        page = self.page_by_step[step]
        self.pages.setCurrentWidget(page)
        page.entered()
        self._update_timer()

    def _update_timer(self) -> None:
        self.timer_widget.set_timer(self.controller.timer())

    def _on_rail_step_requested(self, step: MeetingStep) -> None:
        self.controller.go_to_step(step)

    def _on_timer_pause_toggled(self) -> None:
        if self.controller.timer().running:
            self.controller.pause_timer()
        else:
            self.controller.resume_timer()

    def _on_timer_extend_requested(self) -> None:
        self.controller.extend_step(5)

    def _on_controller_step_changed(self, step: MeetingStep) -> None:
        self._show_step(step)

    def _on_controller_timer_ticked(self) -> None:
        self._update_timer()

    def _on_controller_reloaded(self) -> None:
        bundle = self.controller.bundle
        postmortem = bundle.postmortem
        self.title_label.setText(postmortem.title)
        self.severity_badge.set_severity(postmortem.severity)
        self.key_label.setText(postmortem.incident_key)
        self.rail.set_completion(step_completion(bundle), postmortem.agenda)
        planned = sum(int(v) for v in postmortem.agenda.values())
        spent = sum(actual_minutes(bundle.step_logs, self.controller.clock()).values())
        self.agenda_label.setText(f"Agenda: {planned} min planned · {spent:.0f} min used")
        parked = sum(1 for item in bundle.parking_lot if item.action_item_id is None)
        self.parking_button.setText(f"Parking lot ({parked})   Ctrl+L")
        self._update_timer()
