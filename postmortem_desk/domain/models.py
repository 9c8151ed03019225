"""SQLModel tables: the postmortem and everything the meeting records about it.

Grouped by entity. Times are aware UTC datetimes (``UTCDateTime`` refuses naive ones); enums are
stored by value so the file reads well in any SQLite browser.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Integer, MetaData
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from postmortem_desk.domain.enums import (
    ActionStatus,
    ActionType,
    EventKind,
    EventSource,
    EvidenceKind,
    FactorCategory,
    LessonKind,
    MeetingStep,
    Milestone,
    PostmortemStatus,
    Priority,
    RoleKind,
    Severity,
)
from postmortem_desk.domain.types import UTCDateTime, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(enum_class: type[StrEnum]) -> SAEnum:
    """Map a StrEnum to a VARCHAR column holding its values."""
    return SAEnum(
        enum_class,
        values_callable=lambda members: [member.value for member in members],
        native_enum=False,
        length=32,
        validate_strings=True,
        create_constraint=False,
    )


def _utc(*, nullable: bool = True, index: bool = False) -> Any:
    """Declare an aware-UTC datetime column."""
    return Column(UTCDateTime(), nullable=nullable, index=index)


def _parent(table: str, *, nullable: bool = False) -> Any:
    """Declare a foreign key that disappears with its parent row."""
    return Column(
        Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable, index=True
    )


def _optional_ref(table: str) -> Any:
    """Declare a foreign key that is cleared when its target row goes."""
    return Column(
        Integer, ForeignKey(f"{table}.id", ondelete="SET NULL"), nullable=True, index=True
    )


# --- Postmortem -----------------------------------------------------------------------------


class Postmortem(SQLModel, table=True):
    """One incident's postmortem: facts, key times, meeting state and status."""

    id: int | None = Field(default=None, primary_key=True)
    title: str
    incident_key: str = ""
    severity: Severity = Field(default=Severity.SEV2, sa_type=_enum(Severity))
    status: PostmortemStatus = Field(
        default=PostmortemStatus.DRAFT, sa_type=_enum(PostmortemStatus)
    )
    services: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    summary: str = ""
    impact: str = ""
    users_affected: int | None = None
    impact_minutes: int | None = None
    support_tickets: int | None = None
    started_at: datetime | None = Field(default=None, sa_column=_utc())
    detected_at: datetime | None = Field(default=None, sa_column=_utc())
    acknowledged_at: datetime | None = Field(default=None, sa_column=_utc())
    mitigated_at: datetime | None = Field(default=None, sa_column=_utc())
    resolved_at: datetime | None = Field(default=None, sa_column=_utc())
    incident_utc_offset_minutes: int = 0
    current_step: MeetingStep = Field(default=MeetingStep.PREPARE, sa_type=_enum(MeetingStep))
    meeting_date: datetime | None = Field(default=None, sa_column=_utc())
    agenda: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    checklist: dict[str, bool] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    facilitator_notes: str = ""
    follow_up_review_date: date | None = None
    feedback_learned_something: bool | None = None
    feedback_would_return: bool | None = None
    finish_override_reason: str = ""
    created_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))
    updated_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))
    deleted_at: datetime | None = Field(default=None, sa_column=_utc(index=True))


# --- People ---------------------------------------------------------------------------------


class Participant(SQLModel, table=True):
    """A person who took part in the incident or attends the meeting."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    name: str
    team: str = ""
    email: str = ""
    handle: str = ""
    invited: bool = False


class RoleAssignment(SQLModel, table=True):
    """Who holds which role; a person may hold several, a role may be held by several."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    participant_id: int = Field(sa_column=_parent("participant"))
    role: RoleKind = Field(sa_type=_enum(RoleKind))


# --- Timeline -------------------------------------------------------------------------------


class ImportBatch(SQLModel, table=True):
    """One import of a file into the timeline, so it can be listed and undone as a whole."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    source: EventSource = Field(sa_type=_enum(EventSource))
    file_name: str = ""
    event_count: int = 0
    skipped_count: int = 0
    imported_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))


class TimelineEvent(SQLModel, table=True):
    """Something that happened during the incident, at an instant stored in UTC."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    occurred_at: datetime = Field(sa_column=_utc(nullable=False, index=True))
    utc_offset_minutes: int | None = None
    kind: EventKind = Field(default=EventKind.NOTE, sa_type=_enum(EventKind))
    source: EventSource = Field(default=EventSource.MANUAL, sa_type=_enum(EventSource))
    actor: str = ""
    text: str = ""
    milestone: Milestone | None = Field(default=None, sa_type=_enum(Milestone))
    known_at_time: bool = True
    in_report: bool = True
    is_reply: bool = False
    thread_key: str = ""
    channel: str = ""
    link: str = ""
    external_id: str = ""
    import_batch_id: int | None = Field(
        default=None, sa_column=_parent("importbatch", nullable=True)
    )


class EventAnnotation(SQLModel, table=True):
    """A question or note the room attached to a timeline event."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_parent("timelineevent"))
    text: str
    is_question: bool = True
    created_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))


# --- Analysis -------------------------------------------------------------------------------


class WhyNode(SQLModel, table=True):
    """One answer in the five-whys tree; leaves flagged as factors name systemic causes."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    parent_id: int | None = Field(default=None, sa_column=_parent("whynode", nullable=True))
    position: int = 0
    text: str = ""
    is_factor: bool = False
    category: FactorCategory | None = Field(default=None, sa_type=_enum(FactorCategory))


class WhyEvidence(SQLModel, table=True):
    """A link from a why node to the timeline event that supports it."""

    id: int | None = Field(default=None, primary_key=True)
    why_node_id: int = Field(sa_column=_parent("whynode"))
    event_id: int = Field(sa_column=_parent("timelineevent"))


# --- Follow-through -------------------------------------------------------------------------


class ActionItem(SQLModel, table=True):
    """A concrete change the team commits to, with an owner and a due date."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    title: str
    description: str = ""
    action_type: ActionType = Field(default=ActionType.PREVENT, sa_type=_enum(ActionType))
    priority: Priority = Field(default=Priority.P1, sa_type=_enum(Priority))
    owner: str = ""
    team: str = ""
    due_date: date | None = None
    status: ActionStatus = Field(default=ActionStatus.OPEN, sa_type=_enum(ActionStatus))
    wont_do_reason: str = ""
    ticket_key: str = ""
    ticket_url: str = ""
    why_node_id: int | None = Field(default=None, sa_column=_optional_ref("whynode"))
    position: int = 0
    snoozed_until: date | None = None
    created_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))
    completed_at: datetime | None = Field(default=None, sa_column=_utc())


class LessonLearned(SQLModel, table=True):
    """A lesson in one of the three lists: went well, went poorly, where we got lucky."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    kind: LessonKind = Field(sa_type=_enum(LessonKind))
    text: str
    position: int = 0


class ParkingLotItem(SQLModel, table=True):
    """A tangent set aside during the meeting; private items never reach the projector."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    text: str
    is_private: bool = False
    raised_at_step: MeetingStep | None = Field(default=None, sa_type=_enum(MeetingStep))
    action_item_id: int | None = Field(default=None, sa_column=_optional_ref("actionitem"))
    created_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))


class EvidenceLink(SQLModel, table=True):
    """A link to a dashboard, log search, chat thread or document."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    title: str
    url: str
    kind: EvidenceKind = Field(default=EvidenceKind.OTHER, sa_type=_enum(EvidenceKind))


class MeetingStepLog(SQLModel, table=True):
    """A stretch of time spent on one step; a pause ends it and resuming starts another."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    step: MeetingStep = Field(sa_type=_enum(MeetingStep))
    started_at: datetime = Field(sa_column=_utc(nullable=False))
    ended_at: datetime | None = Field(default=None, sa_column=_utc())


# --- Settings, coach and publishing ---------------------------------------------------------


class Setting(SQLModel, table=True):
    """An organisation-wide setting stored as JSON (ground rules, due-date policy, Confluence)."""

    key: str = Field(primary_key=True)
    value: Any = Field(default=None, sa_column=Column(JSON, nullable=True))


class IgnoredFinding(SQLModel, table=True):
    """A language-coach finding the facilitator chose to ignore for one postmortem."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    finding_key: str


class PublishedPage(SQLModel, table=True):
    """Where a postmortem was published, so publishing again updates the same page."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    base_url: str
    page_id: str
    version: int
    space_key: str = ""
    title: str = ""
    published_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))


class OutboxJob(SQLModel, table=True):
    """A publish that waits until the server can be reached; sent once, never lost."""

    id: int | None = Field(default=None, primary_key=True)
    postmortem_id: int = Field(sa_column=_parent("postmortem"))
    kind: str = "confluence_publish"
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = "pending"
    attempts: int = 0
    last_error: str = ""
    created_at: datetime = Field(default_factory=utc_now, sa_column=_utc(nullable=False))
    sent_at: datetime | None = Field(default=None, sa_column=_utc())
