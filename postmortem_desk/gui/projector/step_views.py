"""What the room sees for each step: built from the controller's snapshot, never from drafts."""

from __future__ import annotations

from datetime import timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from postmortem_desk.domain.enums import LessonKind, RoleKind
from postmortem_desk.domain.models import TimelineEvent
from postmortem_desk.domain.rules import KeyTimes, format_duration, incident_durations
from postmortem_desk.export.report_model import Anonymiser
from postmortem_desk.gui.projector.theme import ProjectorPalette, ProjectorType
from postmortem_desk.gui.projector.timeline_axis import AxisState, TimelineAxis
from postmortem_desk.services.bundle import PostmortemBundle

ROLES_SHOWN = (
    RoleKind.FACILITATOR,
    RoleKind.NOTE_TAKER,
    RoleKind.ACTION_TRACKER,
    RoleKind.OWNER,
    RoleKind.INCIDENT_COMMANDER,
    RoleKind.TECHNICAL_LEAD,
    RoleKind.COMMUNICATIONS_LEAD,
)
EVENTS_BEFORE_CURRENT = 3
EVENTS_AFTER_CURRENT = 4


def label(text: str = "", role: str = "body", parent: QWidget | None = None) -> QLabel:
    """Return a word-wrapped projector label with a style role."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setProperty("projectorRole", role)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def clear_layout(layout: QVBoxLayout | QGridLayout | QHBoxLayout) -> None:
    """Remove and delete every widget of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def incident_zone(bundle: PostmortemBundle) -> timezone:
    """Return the zone the incident happened in, for showing times."""
    return timezone(timedelta(minutes=bundle.postmortem.incident_utc_offset_minutes))


class ProjectorView(QFrame):
    """Base of the step views: redraw from a snapshot with a palette and type sizes."""

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Redraw from ``bundle``; views override this."""


class PrepareView(ProjectorView):
    """The incident in a few lines: what happened, impact, key times and durations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorPrepare")
        layout = QVBoxLayout(self)
        layout.setSpacing(18)
        self.summary = label(role="body")
        self.impact = label(role="muted")
        self.times = QGridLayout()
        self.times.setHorizontalSpacing(40)
        self.times.setVerticalSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.impact)
        layout.addLayout(self.times)
        layout.addStretch(1)

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Show summary, impact and durations."""
        pm = bundle.postmortem
        self.summary.setText(names.text(pm.summary) or "No summary yet.")
        figures = []
        if pm.users_affected:
            figures.append(f"{pm.users_affected:,} users affected")
        if pm.impact_minutes:
            figures.append(f"{pm.impact_minutes} minutes of impact")
        if pm.support_tickets:
            figures.append(f"{pm.support_tickets} support tickets")
        self.impact.setText(" · ".join(figures))
        clear_layout(self.times)
        durations = incident_durations(
            KeyTimes(
                pm.started_at, pm.detected_at, pm.acknowledged_at, pm.mitigated_at, pm.resolved_at
            )
        )
        for row, (title, value) in enumerate(durations.items()):
            self.times.addWidget(label(title, "muted"), row, 0)
            self.times.addWidget(label(format_duration(value), "strong"), row, 1)


class RolesView(ProjectorView):
    """Ground rules on the left, who holds which role on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorRoles")
        layout = QHBoxLayout(self)
        layout.setSpacing(48)
        rules_column = QVBoxLayout()
        rules_column.addWidget(label("Ground rules", "subheading"))
        self.rules = QVBoxLayout()
        self.rules.setSpacing(14)
        rules_column.addLayout(self.rules)
        rules_column.addStretch(1)
        roles_column = QVBoxLayout()
        roles_column.addWidget(label("Roles", "subheading"))
        self.roles = QGridLayout()
        self.roles.setHorizontalSpacing(28)
        self.roles.setVerticalSpacing(10)
        roles_column.addLayout(self.roles)
        roles_column.addStretch(1)
        layout.addLayout(rules_column, 3)
        layout.addLayout(roles_column, 2)
        self.ground_rules: list[str] = []

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Show the ground rules and role holders."""
        clear_layout(self.rules)
        for number, rule in enumerate(self.ground_rules, start=1):
            self.rules.addWidget(label(f"{number}.  {rule}", "body"))
        clear_layout(self.roles)
        row = 0
        for role in ROLES_SHOWN:
            holders = bundle.people_in_role(role)
            if not holders:
                continue
            self.roles.addWidget(label(role.label, "muted"), row, 0)
            shown = ", ".join(names.person(p.name) for p in holders)
            self.roles.addWidget(label(shown, "strong"), row, 1)
            row += 1


class ReviewView(ProjectorView):
    """The time axis across the top; the events around the current one below, in large type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorReview")
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        self.durations = label(role="muted")
        self.axis = TimelineAxis(self)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(10)
        layout.addWidget(self.durations)
        layout.addWidget(self.axis)
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self.gap_threshold = timedelta(minutes=15)

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Show durations, the axis and the events around the current one."""
        pm = bundle.postmortem
        durations = incident_durations(
            KeyTimes(
                pm.started_at, pm.detected_at, pm.acknowledged_at, pm.mitigated_at, pm.resolved_at
            )
        )
        self.durations.setText(
            "   ·   ".join(
                f"{title.replace('Time to ', 'To ')} {format_duration(value)}"
                for title, value in durations.items()
                if value is not None
            )
        )
        zone = incident_zone(bundle)
        events = bundle.events
        self.axis.set_state(
            AxisState(events, current_event_id, zone, self.gap_threshold), palette, type_
        )
        clear_layout(self.rows)
        if not events:
            self.rows.addWidget(label("The timeline is empty.", "muted"))
            return
        ids = [e.id for e in events]
        index = ids.index(current_event_id) if current_event_id in ids else 0
        first = max(0, index - EVENTS_BEFORE_CURRENT)
        window = events[first : index + EVENTS_AFTER_CURRENT + 1]
        multi_day = (
            events[0].occurred_at.astimezone(zone).date()
            != events[-1].occurred_at.astimezone(zone).date()
        )
        previous = events[first - 1] if first > 0 else None
        for item in window:
            if (
                previous is not None
                and item.occurred_at - previous.occurred_at > self.gap_threshold
            ):
                gap = int((item.occurred_at - previous.occurred_at).total_seconds() // 60)
                self.rows.addWidget(label(f"\u2026 {gap} minutes with no events \u2026", "gap"))
            previous = item
            self.rows.addWidget(self._row(item, names, zone, multi_day, item.id == ids[index]))

    def _row(
        self,
        item: TimelineEvent,
        names: Anonymiser,
        zone: timezone,
        multi_day: bool,
        current: bool,
    ) -> QFrame:
        row = QFrame(self)
        row.setProperty("projectorRole", "currentRow" if current else "row")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(18, 8, 18, 8)
        layout.setSpacing(24)
        moment = item.occurred_at.astimezone(zone)
        time_text = moment.strftime("%a %H:%M" if multi_day else "%H:%M")
        time_label = label(time_text, "currentTime" if current else "time", row)
        time_label.setWordWrap(False)
        layout.addWidget(time_label, 0, Qt.AlignmentFlag.AlignTop)
        actor = names.person(item.actor)
        text = names.text(item.text)
        body = f"{actor}: {text}" if actor else text
        if item.milestone is not None:
            body = f"[{item.milestone.label}]  {body}"
        layout.addWidget(label(body, "currentText" if current else "body", row), 1)
        return row


class RecommendationsView(ProjectorView):
    """The action items: priority, title, owner and due date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorRecommendations")
        layout = QVBoxLayout(self)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """List the action items that are not closed."""
        clear_layout(self.grid)
        for column, heading in enumerate(("Priority", "Action", "Owner", "Due")):
            self.grid.addWidget(label(heading, "muted"), 0, column)
        items = [a for a in bundle.actions if not a.status.is_closed]
        if not items:
            self.grid.addWidget(label("No action items yet.", "muted"), 1, 1)
        for row, item in enumerate(items, start=1):
            self.grid.addWidget(
                label(item.priority.value, "strong"), row, 0, Qt.AlignmentFlag.AlignTop
            )
            self.grid.addWidget(label(names.text(item.title), "body"), row, 1)
            self.grid.addWidget(
                label(names.person(item.owner) or "—", "body"), row, 2, Qt.AlignmentFlag.AlignTop
            )
            due = f"{item.due_date.day} {item.due_date:%b}" if item.due_date else "—"
            self.grid.addWidget(label(due, "body"), row, 3, Qt.AlignmentFlag.AlignTop)


class FollowUpView(ProjectorView):
    """Lessons learned in three columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorFollowUp")
        layout = QHBoxLayout(self)
        layout.setSpacing(36)
        self.columns: dict[LessonKind, QVBoxLayout] = {}
        for kind in LessonKind:
            column = QVBoxLayout()
            column.setSpacing(14)
            column.addWidget(label(kind.label, "subheading"))
            items = QVBoxLayout()
            items.setSpacing(14)
            column.addLayout(items)
            column.addStretch(1)
            layout.addLayout(column, 1)
            self.columns[kind] = items

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Fill the three columns."""
        for kind, items in self.columns.items():
            clear_layout(items)
            lessons = bundle.lessons_of(kind)
            for lesson in lessons:
                items.addWidget(label(f"\u2022  {names.text(lesson.text)}", "body"))
            if not lessons:
                items.addWidget(label("—", "muted"))
