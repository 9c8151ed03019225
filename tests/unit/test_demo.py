"""The demo postmortem has everything the issue promises to show off."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from postmortem_desk.domain.enums import (
    ActionType,
    EventKind,
    EventSource,
    LessonKind,
    Milestone,
    Priority,
    RoleKind,
    Severity,
)
from postmortem_desk.domain.models import WhyNode
from postmortem_desk.domain.rules import KeyTimes, milestone_order_problems
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.registry import Services


def _load(services: Services, demo_id: int) -> PostmortemBundle:
    return services.postmortems.load(demo_id)


def test_facts(services: Services, demo_id: int) -> None:
    """Describe a SEV1 with services, summary, impact numbers and a meeting date."""
    pm = _load(services, demo_id).postmortem
    assert pm.severity == Severity.SEV1
    assert pm.services
    assert pm.summary
    assert pm.impact
    assert pm.users_affected
    assert pm.support_tickets
    assert pm.meeting_date is not None


def test_about_forty_events_over_three_hours_from_several_sources(
    services: Services, demo_id: int
) -> None:
    """Tell the story in ~40 events over ~3 hours, from several sources and of every main kind."""
    events = _load(services, demo_id).events
    assert 35 <= len(events) <= 45
    span = events[-1].occurred_at - events[0].occurred_at
    assert timedelta(hours=2, minutes=30) <= span <= timedelta(hours=3, minutes=30)
    sources = Counter(event.source for event in events)
    assert {EventSource.SLACK, EventSource.PAGERDUTY, EventSource.ALERTMANAGER} <= set(sources)
    kinds = {event.kind for event in events}
    assert {
        EventKind.ALERT,
        EventKind.PAGE,
        EventKind.ACKNOWLEDGEMENT,
        EventKind.CHAT,
        EventKind.CHANGE,
        EventKind.MITIGATION,
        EventKind.RESOLUTION,
    } <= kinds
    assert all(event.utc_offset_minutes == 60 for event in events)


def test_milestones_are_complete_unique_and_in_order(services: Services, demo_id: int) -> None:
    """Mark each milestone on exactly one event and copy it to the key times, in order."""
    bundle = _load(services, demo_id)
    marked = Counter(event.milestone for event in bundle.events if event.milestone)
    assert marked == Counter(set(Milestone))
    pm = bundle.postmortem
    times = KeyTimes(
        started=pm.started_at,
        detected=pm.detected_at,
        acknowledged=pm.acknowledged_at,
        mitigated=pm.mitigated_at,
        resolved=pm.resolved_at,
    )
    for event in bundle.events:
        if event.milestone:
            assert times.at(event.milestone) == event.occurred_at
    assert milestone_order_problems(times) == []


def test_participants_with_roles(services: Services, demo_id: int) -> None:
    """Seat several people, each with a role, covering the meeting's key roles."""
    bundle = _load(services, demo_id)
    assert len(bundle.participants) >= 5
    assert all(bundle.roles_of(person.id or 0) for person in bundle.participants)
    for role in (
        RoleKind.FACILITATOR,
        RoleKind.NOTE_TAKER,
        RoleKind.ACTION_TRACKER,
        RoleKind.OWNER,
        RoleKind.INCIDENT_COMMANDER,
    ):
        assert bundle.people_in_role(role), role


def _leaves(children: dict[int | None, list[WhyNode]], node: WhyNode) -> list[WhyNode]:
    below = children.get(node.id, [])
    if not below:
        return [node]
    return [leaf for child in below for leaf in _leaves(children, child)]


def test_whys_tree_has_two_branches_ending_in_factors(services: Services, demo_id: int) -> None:
    """Grow one problem into two branches whose leaves are categorised contributing factors."""
    bundle = _load(services, demo_id)
    children = bundle.why_children()
    roots = children[None]
    assert len(roots) == 1
    branches = children[roots[0].id]
    assert len(branches) == 2
    for branch in branches:
        leaves = _leaves(children, branch)
        assert leaves
        assert all(leaf.is_factor and leaf.category is not None for leaf in leaves)
    assert len({n.category for n in bundle.why_nodes if n.is_factor}) >= 3
    assert bundle.why_evidence


def test_six_actions_of_different_types_and_priorities(services: Services, demo_id: int) -> None:
    """Commit to six items with owners, several types and all three priorities."""
    bundle = _load(services, demo_id)
    actions = bundle.actions
    assert len(actions) == 6
    assert len({a.action_type for a in actions}) >= 3
    assert {a.priority for a in actions} == set(Priority)
    assert ActionType.PREVENT in {a.action_type for a in actions}
    assert all(a.owner and a.due_date for a in actions)
    factor_ids = {n.id for n in bundle.why_nodes if n.is_factor}
    assert sum(1 for a in actions if a.why_node_id in factor_ids) >= 3


def test_lessons_in_all_three_lists_and_a_parking_lot_item(
    services: Services, demo_id: int
) -> None:
    """Fill every lessons list and park at least one public tangent."""
    bundle = _load(services, demo_id)
    for kind in LessonKind:
        assert bundle.lessons_of(kind), kind
    assert any(not item.is_private for item in bundle.parking_lot)
    assert bundle.evidence_links
