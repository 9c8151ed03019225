"""Everything recorded about one postmortem, loaded in one go for views and reports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from postmortem_desk.domain.enums import LessonKind, RoleKind
from postmortem_desk.domain.models import (
    ActionItem,
    EventAnnotation,
    EvidenceLink,
    ImportBatch,
    LessonLearned,
    MeetingStepLog,
    ParkingLotItem,
    Participant,
    Postmortem,
    RoleAssignment,
    TimelineEvent,
    WhyEvidence,
    WhyNode,
)


@dataclass
class PostmortemBundle:
    """A read-only snapshot of a postmortem and all its rows, timeline sorted by time."""

    postmortem: Postmortem
    participants: list[Participant] = field(default_factory=list)
    roles: list[RoleAssignment] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    annotations: list[EventAnnotation] = field(default_factory=list)
    why_nodes: list[WhyNode] = field(default_factory=list)
    why_evidence: list[WhyEvidence] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)
    lessons: list[LessonLearned] = field(default_factory=list)
    parking_lot: list[ParkingLotItem] = field(default_factory=list)
    evidence_links: list[EvidenceLink] = field(default_factory=list)
    step_logs: list[MeetingStepLog] = field(default_factory=list)
    import_batches: list[ImportBatch] = field(default_factory=list)
    ignored_findings: set[str] = field(default_factory=set)

    @property
    def id(self) -> int:
        """Return the postmortem's id."""
        assert self.postmortem.id is not None
        return self.postmortem.id

    def participant_names(self) -> list[str]:
        """Return every participant's name, in the order they were added."""
        return [person.name for person in self.participants]

    def people_in_role(self, role: RoleKind) -> list[Participant]:
        """Return the participants holding ``role``."""
        holders = {
            assignment.participant_id for assignment in self.roles if assignment.role == role
        }
        return [person for person in self.participants if person.id in holders]

    def roles_of(self, participant_id: int) -> list[RoleKind]:
        """Return the roles one participant holds, in the enum's order."""
        held = {a.role for a in self.roles if a.participant_id == participant_id}
        return [role for role in RoleKind if role in held]

    def lessons_of(self, kind: LessonKind) -> list[LessonLearned]:
        """Return the lessons in one of the three lists, in their order."""
        return sorted(
            (x for x in self.lessons if x.kind == kind), key=lambda x: (x.position, x.id or 0)
        )

    def why_children(self) -> dict[int | None, list[WhyNode]]:
        """Map each why node id (None for the roots) to its children in order."""
        children: dict[int | None, list[WhyNode]] = defaultdict(list)
        for node in sorted(self.why_nodes, key=lambda n: (n.position, n.id or 0)):
            children[node.parent_id].append(node)
        return children

    def annotations_of(self, event_id: int) -> list[EventAnnotation]:
        """Return the questions and notes attached to one event."""
        return [a for a in self.annotations if a.event_id == event_id]
