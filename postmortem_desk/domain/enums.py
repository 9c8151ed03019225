"""The vocabulary of a postmortem: every closed set of choices the facilitator picks from."""

from enum import StrEnum


class Severity(StrEnum):
    """How bad the incident was; SEV1 is the worst."""

    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"

    @property
    def description(self) -> str:
        """Explain the level in one line, as shown beside the choice."""
        return SEVERITY_DESCRIPTIONS[self]


SEVERITY_DESCRIPTIONS: dict[Severity, str] = {
    Severity.SEV1: "Critical: full outage or data loss for many customers",
    Severity.SEV2: "Major: a core feature down or badly degraded",
    Severity.SEV3: "Minor: partial degradation with a workaround",
    Severity.SEV4: "Low: little customer impact, worth learning from",
}


class PostmortemStatus(StrEnum):
    """Where the postmortem is in its life."""

    DRAFT = "draft"
    READY_FOR_REVIEW = "ready_for_review"
    MEETING_HELD = "meeting_held"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        """Say the status in the facilitator's words."""
        return self.value.replace("_", " ").capitalize()


class MeetingStep(StrEnum):
    """The six steps of the meeting, in order."""

    PREPARE = "prepare"
    ROLES = "roles"
    REVIEW = "review"
    WHYS = "whys"
    RECOMMENDATIONS = "recommendations"
    FOLLOW_UP = "follow_up"

    @property
    def label(self) -> str:
        """Name the step as the step rail shows it."""
        return STEP_LABELS[self]

    @property
    def number(self) -> int:
        """Give the step's 1-based position in the meeting."""
        return list(MeetingStep).index(self) + 1


STEP_LABELS: dict[MeetingStep, str] = {
    MeetingStep.PREPARE: "Prepare",
    MeetingStep.ROLES: "Roles",
    MeetingStep.REVIEW: "Review timeline",
    MeetingStep.WHYS: "Five whys",
    MeetingStep.RECOMMENDATIONS: "Recommendations",
    MeetingStep.FOLLOW_UP: "Follow-up",
}


class RoleKind(StrEnum):
    """A role someone holds in the meeting or held during the incident."""

    FACILITATOR = "facilitator"
    NOTE_TAKER = "note_taker"
    ACTION_TRACKER = "action_tracker"
    OWNER = "owner"
    INCIDENT_COMMANDER = "incident_commander"
    TECHNICAL_LEAD = "technical_lead"
    COMMUNICATIONS_LEAD = "communications_lead"
    ATTENDEE = "attendee"

    @property
    def label(self) -> str:
        """Name the role as people say it."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[RoleKind, str] = {
    RoleKind.FACILITATOR: "Facilitator",
    RoleKind.NOTE_TAKER: "Note-taker",
    RoleKind.ACTION_TRACKER: "Action-item tracker",
    RoleKind.OWNER: "Postmortem owner",
    RoleKind.INCIDENT_COMMANDER: "Incident commander",
    RoleKind.TECHNICAL_LEAD: "Technical lead",
    RoleKind.COMMUNICATIONS_LEAD: "Communications lead",
    RoleKind.ATTENDEE: "Attendee",
}


class EventKind(StrEnum):
    """What kind of thing happened at a point of the timeline."""

    ALERT = "alert"
    PAGE = "page"
    ACKNOWLEDGEMENT = "acknowledgement"
    CHAT = "chat"
    CHANGE = "change"
    ACTION = "action"
    MITIGATION = "mitigation"
    RESOLUTION = "resolution"
    CUSTOMER_IMPACT = "customer_impact"
    NOTE = "note"

    @property
    def label(self) -> str:
        """Name the kind for tables and filters."""
        return EVENT_KIND_LABELS[self]


EVENT_KIND_LABELS: dict[EventKind, str] = {
    EventKind.ALERT: "Alert",
    EventKind.PAGE: "Page",
    EventKind.ACKNOWLEDGEMENT: "Acknowledgement",
    EventKind.CHAT: "Chat",
    EventKind.CHANGE: "Deploy / change",
    EventKind.ACTION: "Action",
    EventKind.MITIGATION: "Mitigation",
    EventKind.RESOLUTION: "Resolution",
    EventKind.CUSTOMER_IMPACT: "Customer impact",
    EventKind.NOTE: "Note",
}


class EventSource(StrEnum):
    """Where a timeline event came from."""

    MANUAL = "manual"
    SLACK = "slack"
    PAGERDUTY = "pagerduty"
    ALERTMANAGER = "alertmanager"
    CSV = "csv"
    TEXT = "text"

    @property
    def label(self) -> str:
        """Name the source for tables and filters."""
        return {"pagerduty": "PagerDuty", "alertmanager": "Alertmanager", "csv": "CSV"}.get(
            self.value, self.value.capitalize()
        )


class Milestone(StrEnum):
    """A key moment of the incident that durations are measured between."""

    STARTED = "started"
    DETECTED = "detected"
    ACKNOWLEDGED = "acknowledged"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"

    @property
    def label(self) -> str:
        """Name the milestone as the timeline shows it."""
        return self.value.capitalize()


class FactorCategory(StrEnum):
    """The kind of systemic contributing factor a why leaf names."""

    TECHNICAL = "technical"
    PROCESS = "process"
    TOOLING = "tooling"
    MONITORING = "monitoring"
    COMMUNICATION = "communication"
    ORGANISATIONAL = "organisational"

    @property
    def label(self) -> str:
        """Name the category in the facilitator's words."""
        return FACTOR_CATEGORY_LABELS[self]


FACTOR_CATEGORY_LABELS: dict[FactorCategory, str] = {
    FactorCategory.TECHNICAL: "Technical",
    FactorCategory.PROCESS: "Process",
    FactorCategory.TOOLING: "Tooling",
    FactorCategory.MONITORING: "Monitoring / detection",
    FactorCategory.COMMUNICATION: "Communication",
    FactorCategory.ORGANISATIONAL: "Organisational / knowledge",
}


class ActionType(StrEnum):
    """What an action item is meant to achieve."""

    PREVENT = "prevent"
    DETECT = "detect"
    MITIGATE = "mitigate"
    REPAIR = "repair"
    INVESTIGATE = "investigate"
    PROCESS = "process"

    @property
    def label(self) -> str:
        """Name the type for tables."""
        return self.value.capitalize()


class Priority(StrEnum):
    """How urgent an action item is; P0 is the most urgent."""

    P0 = "P0"
    P1 = "P1"
    P2 = "P2"

    @property
    def is_high(self) -> bool:
        """Tell whether the due-date policy treats this priority as high."""
        return self in (Priority.P0, Priority.P1)


class ActionStatus(StrEnum):
    """Where an action item stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    WONT_DO = "wont_do"

    @property
    def label(self) -> str:
        """Name the status for tables."""
        return {"in_progress": "In progress", "wont_do": "Won't do"}.get(
            self.value, self.value.capitalize()
        )

    @property
    def is_closed(self) -> bool:
        """Tell whether the item no longer counts as postmortem debt."""
        return self in (ActionStatus.DONE, ActionStatus.WONT_DO)


class LessonKind(StrEnum):
    """The three lists of lessons learned."""

    WENT_WELL = "went_well"
    WENT_POORLY = "went_poorly"
    GOT_LUCKY = "got_lucky"

    @property
    def label(self) -> str:
        """Name the list as its heading shows it."""
        return {
            "went_well": "What went well",
            "went_poorly": "What went poorly",
            "got_lucky": "Where we got lucky",
        }[self.value]


class EvidenceKind(StrEnum):
    """What an evidence link points at."""

    DASHBOARD = "dashboard"
    LOGS = "logs"
    CHAT = "chat"
    TICKET = "ticket"
    DOCUMENT = "document"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Name the kind for lists."""
        return self.value.capitalize()
