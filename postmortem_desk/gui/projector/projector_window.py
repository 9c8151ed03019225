"""The shared screen: the current step for the room, in large high-contrast type.

It is a view of the same controller as the facilitator's window: it redraws on the controller's
signals and shows only committed, public data, never private notes, coach warnings, prompt cards,
private parking-lot items or text still being typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk import APP_NAME
from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.domain.meeting_clock import TimerLevel
from postmortem_desk.export.report_model import Anonymiser
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.projector.agenda_strip import AgendaStrip
from postmortem_desk.gui.projector.step_views import (
    FollowUpView,
    PrepareView,
    ProjectorView,
    RecommendationsView,
    ReviewView,
    RolesView,
    label,
)
from postmortem_desk.gui.projector.theme import (
    DARK,
    PALETTES,
    ProjectorPalette,
    ProjectorType,
)
from postmortem_desk.gui.projector.whys_view import WhysView

WINDOWED_SIZE = (1280, 720)


def projector_stylesheet(palette: ProjectorPalette, type_: ProjectorType) -> str:
    """Return the style of every projector label for one palette and screen height."""
    root = "#projectorWindow"
    return f"""
    {root}, {root} QWidget {{
        background: {palette.background}; color: {palette.text};
        font-family: "DejaVu Sans";
    }}
    {root} QLabel {{ font-size: {type_.body}px; background: transparent; }}
    {root} QLabel[projectorRole="heading"] {{ font-size: {type_.heading}px; font-weight: 700; }}
    {root} QLabel[projectorRole="subheading"] {{
        font-size: {round(type_.heading * 0.72)}px; font-weight: 700; padding-bottom: 6px;
    }}
    {root} QLabel[projectorRole="muted"] {{ color: {palette.muted}; font-size: {type_.small}px; }}
    {root} QLabel[projectorRole="strong"] {{ font-weight: 700; }}
    {root} QLabel[projectorRole="time"] {{ color: {palette.muted}; font-weight: 700; }}
    {root} QLabel[projectorRole="gap"] {{ color: {palette.warning}; font-size: {type_.small}px; }}
    {root} QLabel[projectorRole="timer"] {{ font-size: {type_.timer}px; font-weight: 700; }}
    {root} QLabel[projectorRole="timer"][level="warning"] {{ color: {palette.warning}; }}
    {root} QLabel[projectorRole="timer"][level="over"] {{ color: {palette.danger}; }}
    {root} QLabel[projectorRole="timerCaption"] {{
        color: {palette.muted}; font-size: {type_.small}px;
    }}
    {root} QFrame[projectorRole="row"] {{ background: transparent; border-radius: 12px; }}
    {root} QFrame[projectorRole="currentRow"] {{
        background: {palette.highlight}; border-radius: 12px;
    }}
    {root} QFrame[projectorRole="currentRow"] QLabel {{
        background: transparent; color: {palette.highlight_text}; font-weight: 700;
    }}
    {root} QFrame[projectorRole="card"] {{ background: {palette.surface}; border-radius: 16px; }}
    {root} #projectorBlank {{ background: #000000; }}
    """


class ProjectorWindow(QWidget):
    """Show the meeting to the room; B blanks, F freezes, Esc leaves full screen.

    Signals:
        closed(): the window was closed.
    """

    closed = Signal()

    def __init__(
        self,
        controller: PostmortemController,
        parent: QWidget | None = None,
        *,
        palette: ProjectorPalette = DARK,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setWindowTitle(f"{APP_NAME} — projector")
        self.setAccessibleName("Projector view")
        self.controller = controller
        self.palette_ = palette
        self.type_ = ProjectorType.for_height(WINDOWED_SIZE[1])
        self.anonymised = False
        self.blank = False
        self.frozen = False
        self.resize(*WINDOWED_SIZE)

        self.content = QWidget(self)
        self.content.setObjectName("projectorContent")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack_outer = QStackedWidget(self)
        outer.addWidget(self.stack_outer)
        self.stack_outer.addWidget(self.content)
        self.blank_page = QFrame(self)
        self.blank_page.setObjectName("projectorBlank")
        self.stack_outer.addWidget(self.blank_page)

        layout = QVBoxLayout(self.content)
        self._layout = layout
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.step_caption = label(role="muted")
        self.step_caption.setObjectName("projectorStepCaption")
        self.step_title = label(role="heading")
        self.step_title.setObjectName("projectorStepTitle")
        titles.addWidget(self.step_caption)
        titles.addWidget(self.step_title)
        header.addLayout(titles, 1)
        timer_box = QVBoxLayout()
        timer_box.setSpacing(0)
        self.timer_label = label(role="timer")
        self.timer_label.setObjectName("projectorTimer")
        self.timer_label.setWordWrap(False)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.timer_caption = label(role="timerCaption")
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.timer_caption.setWordWrap(False)
        timer_box.addWidget(self.timer_label)
        timer_box.addWidget(self.timer_caption)
        header.addLayout(timer_box)
        layout.addLayout(header)
        self.agenda = AgendaStrip(self.content)
        layout.addWidget(self.agenda)
        self.views: dict[MeetingStep, ProjectorView] = {
            MeetingStep.PREPARE: PrepareView(self.content),
            MeetingStep.ROLES: RolesView(self.content),
            MeetingStep.REVIEW: ReviewView(self.content),
            MeetingStep.WHYS: WhysView(self.content),
            MeetingStep.RECOMMENDATIONS: RecommendationsView(self.content),
            MeetingStep.FOLLOW_UP: FollowUpView(self.content),
        }
        self.view_stack = QStackedWidget(self.content)
        for view in self.views.values():
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            self.view_stack.addWidget(view)
        layout.addWidget(self.view_stack, 1)
        self.footer = label(role="muted")
        self.footer.setObjectName("projectorFooter")
        layout.addWidget(self.footer)

        controller.reloaded.connect(self._on_controller_reloaded)
        controller.current_event_changed.connect(self._on_controller_current_event_changed)
        controller.timer_ticked.connect(self._on_controller_timer_ticked)
        controller.step_changed.connect(self._on_controller_step_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_app_screens_changed)
            app.screenRemoved.connect(self._on_app_screens_changed)
        self._apply_type()
        self.refresh()

    # --- placement --------------------------------------------------------------------------

    def target_screen(self) -> QScreen | None:
        """Return the screen the room sees: one other than the facilitator's, if there is one."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return None
        parent = self.parentWidget()
        own = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        return next((s for s in screens if s is not own), None)

    def place(self) -> None:
        """Go full screen on a second screen when there is one, else be a normal window."""
        target = self.target_screen()
        if target is None:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.show()
            return
        self.setScreen(target)
        self.setGeometry(target.geometry())
        self.showFullScreen()

    def _on_app_screens_changed(self, screen: QScreen) -> None:
        del screen
        if self.isVisible():
            self.place()

    # --- state --------------------------------------------------------------------------------

    def set_palette(self, palette: ProjectorPalette) -> None:
        """Switch between the dark and light high-contrast themes."""
        self.palette_ = palette
        self._apply_type()
        self.refresh()

    def toggle_theme(self) -> None:
        """Switch to the other theme."""
        other = "light" if self.palette_.name == "dark" else "dark"
        self.set_palette(PALETTES[other])

    def set_anonymised(self, anonymised: bool) -> None:
        """Show role labels instead of names."""
        self.anonymised = anonymised
        self.refresh()

    def set_blank(self, blank: bool) -> None:
        """Black out the screen (B), as presentation software does."""
        self.blank = blank
        self.stack_outer.setCurrentWidget(self.blank_page if blank else self.content)

    def set_frozen(self, frozen: bool) -> None:
        """Keep the current picture while the facilitator moves on (F); unfreezing catches up."""
        self.frozen = frozen
        if not frozen:
            self.refresh()

    def refresh(self) -> None:
        """Redraw everything from the controller's snapshot."""
        if self.frozen:
            return
        bundle = self.controller.bundle
        step = self.controller.step
        names = Anonymiser(bundle, enabled=self.anonymised)
        self.step_caption.setText(
            f"{names.text(bundle.postmortem.title)}  ·  Step {step.number} of {len(MeetingStep)}"
        )
        self.step_title.setText(step.label)
        self.agenda.set_state(bundle.postmortem.agenda, step, self.palette_, self.type_)
        self._update_timer()
        view = self.views[step]
        if isinstance(view, RolesView):
            view.ground_rules = list(self.controller.services.settings.get("ground_rules") or [])
        if isinstance(view, ReviewView):
            from datetime import timedelta

            minutes = self.controller.services.settings.get("gap_threshold_minutes") or 15
            view.gap_threshold = timedelta(minutes=int(minutes))
        view.show_bundle(bundle, names, self.controller.current_event_id, self.palette_, self.type_)
        self.view_stack.setCurrentWidget(view)
        self.footer.setText("Names replaced by roles" if self.anonymised else "")

    def _update_timer(self) -> None:
        if self.frozen:
            return
        timer = self.controller.timer()
        if timer.planned.total_seconds() <= 0:
            self.timer_label.setText("")
            self.timer_caption.setText("")
            return
        self.timer_label.setText(timer.display())
        self.timer_label.setProperty("level", timer.level.value)
        self.timer_label.style().unpolish(self.timer_label)
        self.timer_label.style().polish(self.timer_label)
        minutes = int(timer.planned.total_seconds() // 60)
        caption = "over time" if timer.level == TimerLevel.OVER else f"left of {minutes} min"
        self.timer_caption.setText(caption + ("" if timer.running else " · paused"))

    def _apply_type(self) -> None:
        self.type_ = ProjectorType.for_height(self.height())
        margin = round(self.type_.body * 1.3)
        self._layout.setContentsMargins(margin, round(margin * 0.8), margin, round(margin * 0.6))
        self._layout.setSpacing(round(self.type_.body * 0.6))
        self.setStyleSheet(projector_stylesheet(self.palette_, self.type_))

    def visible_texts(self) -> list[str]:
        """Return every text the projector shows (labels, accessible names of painted parts)."""
        texts = [w.text() for w in self.findChildren(QLabel) if w.text()]
        texts.extend(w.accessibleName() for w in self.findChildren(QWidget) if w.accessibleName())
        return texts

    # --- events -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Scale type with the screen."""
        super().resizeEvent(event)
        old = self.type_
        self._apply_type()
        if self.type_ != old:
            self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """B blanks, F freezes, Esc leaves full screen."""
        key = event.key()
        if key == Qt.Key.Key_B:
            self.set_blank(not self.blank)
        elif key == Qt.Key.Key_F:
            self.set_frozen(not self.frozen)
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop following the controller."""
        self.controller.reloaded.disconnect(self._on_controller_reloaded)
        self.controller.current_event_changed.disconnect(self._on_controller_current_event_changed)
        self.controller.timer_ticked.disconnect(self._on_controller_timer_ticked)
        self.controller.step_changed.disconnect(self._on_controller_step_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self._on_app_screens_changed)
            app.screenRemoved.disconnect(self._on_app_screens_changed)
        self.closed.emit()
        super().closeEvent(event)

    def _on_controller_reloaded(self) -> None:
        self.refresh()

    def _on_controller_current_event_changed(self, event_id: int) -> None:
        del event_id
        self.refresh()

    def _on_controller_timer_ticked(self) -> None:
        self._update_timer()

    def _on_controller_step_changed(self, step: MeetingStep) -> None:
        del step
        self.refresh()
