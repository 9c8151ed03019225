"""What each meeting step still misses, in the facilitator's words, for the step rail."""

from __future__ import annotations

from dataclasses import dataclass, field

from postmortem_desk.domain.enums import ActionStatus, LessonKind, MeetingStep, RoleKind
from postmortem_desk.services.bundle import PostmortemBundle

REQUIRED_ROLES = (RoleKind.FACILITATOR, RoleKind.NOTE_TAKER, RoleKind.OWNER)


@dataclass(frozen=True)
class StepCompletion:
    """Whether a step is complete and, if not, what is missing."""

    step: MeetingStep
    missing: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Tell whether nothing is missing."""
        return not self.missing


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def prepare_missing(bundle: PostmortemBundle) -> list[str]:
    """List what the Prepare step lacks."""
    pm = bundle.postmortem
    missing: list[str] = []
    if not pm.summary.strip():
        missing.append("No summary yet")
    if pm.started_at is None or pm.resolved_at is None:
        missing.append("Start and resolution times not set")
    if len(bundle.events) < 3:
        missing.append("Timeline not drafted")
    if not bundle.people_in_role(RoleKind.OWNER):
        missing.append("No postmortem owner named")
    if not bundle.participants or not all(p.invited for p in bundle.participants):
        missing.append("Attendees not all invited")
    if not pm.checklist.get("pre_read_shared"):
        missing.append("Pre-read not shared")
    return missing


def roles_missing(bundle: PostmortemBundle) -> list[str]:
    """List the meeting roles nobody holds yet."""
    return [
        f"No {role.label.lower()}" for role in REQUIRED_ROLES if not bundle.people_in_role(role)
    ]


def review_missing(bundle: PostmortemBundle) -> list[str]:
    """List what the timeline review lacks."""
    missing: list[str] = []
    if not bundle.events:
        missing.append("The timeline is empty")
    held = {e.milestone for e in bundle.events if e.milestone is not None}
    pm = bundle.postmortem
    if pm.detected_at is None and not held:
        missing.append("No milestones marked")
    return missing


def whys_missing(bundle: PostmortemBundle) -> list[str]:
    """List what the five-whys analysis lacks."""
    if not bundle.why_nodes:
        return ["No problem statement yet"]
    factors = [n for n in bundle.why_nodes if n.is_factor]
    missing: list[str] = []
    if not factors:
        missing.append("No contributing factor marked")
    uncategorised = [n for n in factors if n.category is None]
    if uncategorised:
        missing.append(_plural(len(uncategorised), "factor has", "factors have") + " no category")
    return missing


def recommendations_missing(bundle: PostmortemBundle) -> list[str]:
    """List what the action items lack."""
    items = [a for a in bundle.actions if a.status != ActionStatus.WONT_DO]
    if not items:
        return ["No action items yet"]
    missing: list[str] = []
    no_owner = sum(1 for a in items if not a.owner.strip())
    if no_owner:
        missing.append(_plural(no_owner, "action item has", "action items have") + " no owner")
    no_due = sum(1 for a in items if a.due_date is None)
    if no_due:
        missing.append(_plural(no_due, "action item has", "action items have") + " no due date")
    addressed = {a.why_node_id for a in bundle.actions}
    unaddressed = [n for n in bundle.why_nodes if n.is_factor and n.id not in addressed]
    if unaddressed:
        missing.append(_plural(len(unaddressed), "factor has", "factors have") + " no action item")
    return missing


def follow_up_missing(bundle: PostmortemBundle) -> list[str]:
    """List what the wrap-up lacks."""
    missing = [
        f"Nothing under “{kind.label}”" for kind in LessonKind if not bundle.lessons_of(kind)
    ]
    if bundle.postmortem.follow_up_review_date is None:
        missing.append("No follow-up review date")
    return missing


CHECKS = {
    MeetingStep.PREPARE: prepare_missing,
    MeetingStep.ROLES: roles_missing,
    MeetingStep.REVIEW: review_missing,
    MeetingStep.WHYS: whys_missing,
    MeetingStep.RECOMMENDATIONS: recommendations_missing,
    MeetingStep.FOLLOW_UP: follow_up_missing,
}


def step_completion(bundle: PostmortemBundle) -> dict[MeetingStep, StepCompletion]:
    """Return the completion of every step."""
    return {step: StepCompletion(step, check(bundle)) for step, check in CHECKS.items()}


def finish_checklist(bundle: PostmortemBundle) -> list[str]:
    """List everything still missing before the meeting can be marked as held."""
    return [
        f"{step.label}: {item}"
        for step, completion in step_completion(bundle).items()
        for item in completion.missing
    ]
