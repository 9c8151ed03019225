"""Create the demo postmortem: a SEV1 connection-pool exhaustion after a schema migration."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

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
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.services.registry import Services

DEMO_TITLE = "Checkout outage: database connection pool exhausted after orders migration"
INCIDENT_ZONE = timezone(timedelta(hours=1), "CET")
INCIDENT_DAY = datetime(2026, 11, 18, tzinfo=INCIDENT_ZONE)

PEOPLE: list[tuple[str, str, str, list[RoleKind]]] = [
    ("Priya Raman", "SRE", "priya", [RoleKind.FACILITATOR]),
    ("Marcus Lee", "Payments", "marcus", [RoleKind.INCIDENT_COMMANDER]),
    ("Dana Kowalski", "Orders", "dana", [RoleKind.TECHNICAL_LEAD, RoleKind.OWNER]),
    ("Jonas Weber", "Orders", "jonas", [RoleKind.ATTENDEE]),
    ("Aiko Tanaka", "Customer Support", "aiko", [RoleKind.COMMUNICATIONS_LEAD]),
    ("Sam Okafor", "SRE", "sam", [RoleKind.NOTE_TAKER]),
    ("Lena Fischer", "Platform", "lena", [RoleKind.ACTION_TRACKER]),
]

# fmt: off
EVENTS: list[tuple[str, EventKind, EventSource, str, str, Milestone | None]] = [
    ("13:38", EventKind.CHANGE, EventSource.SLACK, "deploy-bot",
     "orders-api v4.12 rollout started with migration 0187 (index on orders.customer_ref)", None),
    ("13:41", EventKind.CHANGE, EventSource.SLACK, "deploy-bot",
     "Migration 0187 running on orders-db primary; progress reported as 0 of 1", None),
    ("13:44", EventKind.CHANGE, EventSource.SLACK, "deploy-bot",
     "orders-api v4.12 live on 100% of pods", None),
    ("13:47", EventKind.CUSTOMER_IMPACT, EventSource.MANUAL, "",
     "First checkout requests time out after 30 s; error rate starts rising", Milestone.STARTED),
    ("13:52", EventKind.ALERT, EventSource.ALERTMANAGER, "Alertmanager",
     "CheckoutLatencyHigh firing: p99 latency 28.4 s (threshold 2 s)", Milestone.DETECTED),
    ("13:52", EventKind.PAGE, EventSource.PAGERDUTY, "PagerDuty",
     "Paged the Payments on-call: CheckoutLatencyHigh", None),
    ("13:55", EventKind.ALERT, EventSource.ALERTMANAGER, "Alertmanager",
     "OrdersDBConnectionsSaturated firing: 200 of 200 pool connections in use", None),
    ("13:58", EventKind.ACKNOWLEDGEMENT, EventSource.PAGERDUTY, "Marcus Lee",
     "Acknowledged the page and opened #inc-checkout", Milestone.ACKNOWLEDGED),
    ("14:00", EventKind.CHAT, EventSource.SLACK, "Marcus Lee",
     "Taking incident command. Checkout is timing out for most customers.", None),
    ("14:02", EventKind.CHAT, EventSource.SLACK, "Aiko Tanaka",
     "Support queue is filling up with failed-payment tickets, 40 in the last 10 minutes", None),
    ("14:04", EventKind.CHAT, EventSource.SLACK, "Jonas Weber",
     "Payments dashboard shows the gateway healthy; requests never reach it", None),
    ("14:06", EventKind.CHAT, EventSource.SLACK, "Marcus Lee",
     "Paging the Orders on-call as well, the pool alert points at orders-db", None),
    ("14:07", EventKind.PAGE, EventSource.PAGERDUTY, "PagerDuty",
     "Escalated to the Orders on-call (Dana Kowalski)", None),
    ("14:11", EventKind.ACKNOWLEDGEMENT, EventSource.PAGERDUTY, "Dana Kowalski",
     "Acknowledged the Orders page", None),
    ("14:14", EventKind.CHAT, EventSource.SLACK, "Dana Kowalski",
     "pg_stat_activity shows 180 sessions waiting on a lock held by the migration", None),
    ("14:17", EventKind.CHAT, EventSource.SLACK, "Dana Kowalski",
     "Dana should have checked the lock timeout before running the migration.", None),
    ("14:19", EventKind.CHAT, EventSource.SLACK, "Sam Okafor",
     "The deploy dashboard still shows the migration as 'running', no estimate", None),
    ("14:22", EventKind.ACTION, EventSource.SLACK, "Marcus Lee",
     "Decision: cancel the migration rather than wait; rollback plan in the runbook", None),
    ("14:25", EventKind.ACTION, EventSource.MANUAL, "Dana Kowalski",
     "Sent pg_cancel_backend to the migration session", None),
    ("14:27", EventKind.CHAT, EventSource.SLACK, "Dana Kowalski",
     "Cancel acknowledged but the session stays in 'idle in transaction'", None),
    ("14:31", EventKind.ACTION, EventSource.MANUAL, "Dana Kowalski",
     "Terminated the migration session with pg_terminate_backend", None),
    ("14:33", EventKind.CHAT, EventSource.SLACK, "Jonas Weber",
     "Pool usage dropping: 140 of 200", None),
    ("14:36", EventKind.CHAT, EventSource.SLACK, "Jonas Weber",
     "Pool back up to 200 of 200; new requests are queueing again", None),
    ("14:40", EventKind.CHAT, EventSource.SLACK, "Dana Kowalski",
     "orders-api v4.12 holds connections open while retrying the new customer_ref lookup", None),
    ("14:44", EventKind.ACTION, EventSource.SLACK, "Marcus Lee",
     "Decision: roll orders-api back to v4.11", None),
    ("14:46", EventKind.CHANGE, EventSource.SLACK, "deploy-bot",
     "Rollback of orders-api to v4.11 started", None),
    ("14:53", EventKind.CHANGE, EventSource.SLACK, "deploy-bot",
     "orders-api v4.11 live on 100% of pods", None),
    ("14:55", EventKind.MITIGATION, EventSource.MANUAL, "Jonas Weber",
     "Pool usage at 35 of 200; checkout p99 back under 1 s", Milestone.MITIGATED),
    ("14:58", EventKind.CHAT, EventSource.SLACK, "Aiko Tanaka",
     "Posted an all-clear draft on the status page, waiting for IC approval", None),
    ("15:02", EventKind.CHAT, EventSource.SLACK, "Marcus Lee",
     "Approved the status page update; keeping the incident open while we watch retries", None),
    ("15:10", EventKind.NOTE, EventSource.MANUAL, "Sam Okafor",
     "About 2,300 checkouts failed between 13:47 and 14:55 (from payment gateway logs)", None),
    ("15:18", EventKind.CHAT, EventSource.SLACK, "Lena Fischer",
     "Retry queue for failed payments is draining, 600 left", None),
    ("15:35", EventKind.ALERT, EventSource.ALERTMANAGER, "Alertmanager",
     "CheckoutLatencyHigh resolved", None),
    ("15:36", EventKind.ALERT, EventSource.ALERTMANAGER, "Alertmanager",
     "OrdersDBConnectionsSaturated resolved", None),
    ("15:52", EventKind.CHAT, EventSource.SLACK, "Jonas Weber",
     "Retry queue empty; all held payments processed", None),
    ("16:05", EventKind.CHAT, EventSource.SLACK, "Aiko Tanaka",
     "Replied to the 212 support tickets with the incident summary", None),
    ("16:20", EventKind.CHAT, EventSource.SLACK, "Dana Kowalski",
     "Confirmed migration 0187 left no partial index behind", None),
    ("16:31", EventKind.RESOLUTION, EventSource.PAGERDUTY, "Marcus Lee",
     "Resolved the incident in PagerDuty", Milestone.RESOLVED),
    ("16:35", EventKind.CHAT, EventSource.SLACK, "Marcus Lee",
     "Closing #inc-checkout. Postmortem owner: Dana. Thanks everyone.", None),
    ("16:42", EventKind.NOTE, EventSource.MANUAL, "Sam Okafor",
     "Timeline exported from Slack and PagerDuty for the postmortem", None),
]
# fmt: on


def _at(clock: str) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return INCIDENT_DAY.replace(hour=hours, minute=minutes)


def create_demo_postmortem(services: Services) -> PostmortemId:
    """Create the demo postmortem through the services and return its id."""
    pm = services.postmortems.create(
        title=DEMO_TITLE, severity=Severity.SEV1, incident_key="INC-2041"
    )
    pm_id = PostmortemId(pm.id or 0)
    services.postmortems.update(
        pm_id,
        services=["checkout", "orders-api", "orders-db"],
        summary=(
            "For 68 minutes most checkout requests timed out. A schema migration shipped with "
            "orders-api v4.12 held a lock on the orders table, requests queued for database "
            "connections, and the pool stayed exhausted until the release was rolled back."
        ),
        impact=(
            "About 2,300 checkouts failed and 212 customers contacted support. No orders or "
            "payments were lost: held payments were retried once the service recovered."
        ),
        users_affected=2300,
        impact_minutes=68,
        support_tickets=212,
        incident_utc_offset_minutes=60,
        status=PostmortemStatus.READY_FOR_REVIEW,
        meeting_date=_at("10:00") + timedelta(days=2),
        checklist={"pre_read_shared": True, "attendees_invited": True},
        facilitator_notes=(
            "Dana may feel singled out: the chat line at 14:17 names her. Open by thanking the "
            "Orders on-call and steer to how the migration tooling reports progress."
        ),
    )
    ids: dict[str, int] = {}
    for name, team, handle, roles in PEOPLE:
        person = services.people.add_participant(pm_id, name=name, team=team, handle=handle)
        assert person.id is not None
        ids[name] = person.id
        services.people.update_participant(person.id, invited=True)
        for role in roles:
            services.people.assign_role(pm_id, participant_id=person.id, role=role)

    event_ids: list[int] = []
    for clock, kind, source, actor, text, milestone in EVENTS:
        event = services.timeline.add_event(
            pm_id,
            occurred_at=_at(clock),
            text=text,
            kind=kind,
            source=source,
            actor=actor,
            milestone=milestone,
        )
        event_ids.append(event.id or 0)
    services.timeline.update_event(event_ids[16], known_at_time=False)
    services.timeline.add_annotation(
        event_ids[1], text="What did the migration tool show about lock waits while it ran?"
    )
    services.timeline.add_annotation(
        event_ids[26], text="How did we decide that rolling back was safe with the new index?"
    )

    _add_whys(services, pm_id, event_ids)
    _add_actions(services, pm_id)
    _add_notes(services, pm_id)
    return pm_id


def _add_whys(services: Services, pm_id: PostmortemId, event_ids: list[int]) -> None:
    whys = services.whys
    problem = whys.add_node(
        pm_id, text="Checkout requests timed out for 68 minutes after orders-api v4.12 shipped"
    )
    assert problem.id is not None
    pool = whys.add_node(
        pm_id,
        parent_id=problem.id,
        text="Every orders-db connection was taken by requests waiting on a table lock",
    )
    assert pool.id is not None
    whys.link_evidence(pool.id, event_id=event_ids[6])
    lock = whys.add_node(
        pm_id,
        parent_id=pool.id,
        text="Migration 0187 built its index without CONCURRENTLY and held the lock for minutes",
    )
    assert lock.id is not None
    whys.link_evidence(lock.id, event_id=event_ids[14])
    review = whys.add_node(
        pm_id,
        parent_id=lock.id,
        text="The migration review checklist has no item for lock duration on large tables",
    )
    assert review.id is not None
    whys.update_node(review.id, is_factor=True, category=FactorCategory.PROCESS)
    lint = whys.add_node(
        pm_id,
        parent_id=lock.id,
        text="The migration linter runs only on new tables, so it never saw this change",
    )
    assert lint.id is not None
    whys.update_node(lint.id, is_factor=True, category=FactorCategory.TOOLING)

    slow = whys.add_node(
        pm_id,
        parent_id=problem.id,
        text="Mitigation took 68 minutes although the lock was found after 27",
    )
    assert slow.id is not None
    progress = whys.add_node(
        pm_id,
        parent_id=slow.id,
        text="The deploy dashboard showed the migration as 'running' with no lock or progress data",
    )
    assert progress.id is not None
    whys.link_evidence(progress.id, event_id=event_ids[16])
    whys.update_node(progress.id, is_factor=True, category=FactorCategory.MONITORING)
    retries = whys.add_node(
        pm_id,
        parent_id=slow.id,
        text="v4.12 retried the new lookup while holding its connection, refilling the pool",
    )
    assert retries.id is not None
    whys.update_node(retries.id, is_factor=True, category=FactorCategory.TECHNICAL)


def _add_actions(services: Services, pm_id: PostmortemId) -> None:
    bundle = services.postmortems.load(pm_id)
    factors = {node.text[:20]: node.id for node in bundle.why_nodes if node.is_factor}

    def factor(prefix: str) -> int | None:
        return next((i for text, i in factors.items() if text.startswith(prefix)), None)

    items = [
        (
            "Add a lock-duration check to the migration review checklist",
            ActionType.PREVENT,
            Priority.P1,
            "Dana Kowalski",
            "Orders",
            "ORD-311",
            factor("The migration review"),
        ),
        (
            "Run the migration linter on every changed table, not only new ones",
            ActionType.PREVENT,
            Priority.P0,
            "Lena Fischer",
            "Platform",
            "PLAT-88",
            factor("The migration linter"),
        ),
        (
            "Show lock waits and progress of running migrations on the deploy dashboard",
            ActionType.DETECT,
            Priority.P1,
            "Sam Okafor",
            "SRE",
            "SRE-1204",
            factor("The deploy"),
        ),
        (
            "Release the connection before retrying the customer_ref lookup in orders-api",
            ActionType.MITIGATE,
            Priority.P0,
            "Jonas Weber",
            "Orders",
            "ORD-312",
            factor("v4.12"),
        ),
        (
            "Alert when the orders-db pool stays above 90 % for 3 minutes",
            ActionType.DETECT,
            Priority.P2,
            "Sam Okafor",
            "SRE",
            "",
            None,
        ),
        (
            "Investigate setting lock_timeout for all migration sessions",
            ActionType.INVESTIGATE,
            Priority.P2,
            "Dana Kowalski",
            "Orders",
            "",
            None,
        ),
    ]
    for title, action_type, priority, owner, team, ticket, why_id in items:
        item = services.actions.add(
            pm_id,
            title=title,
            action_type=action_type,
            priority=priority,
            owner=owner,
            team=team,
            why_node_id=why_id,
            ticket_key=ticket,
            ticket_url=f"https://tracker.example.com/browse/{ticket}" if ticket else "",
        )
        if ticket == "SRE-1204":
            services.actions.set_status(item.id or 0, status=ActionStatus.IN_PROGRESS)


def _add_notes(services: Services, pm_id: PostmortemId) -> None:
    notes = services.notes
    for kind, text in [
        (LessonKind.WENT_WELL, "Support had a customer update out within 15 minutes of the page"),
        (LessonKind.WENT_WELL, "The rollback runbook worked first time and took 7 minutes"),
        (LessonKind.WENT_POORLY, "The pool alert did not say which sessions held connections"),
        (LessonKind.WENT_POORLY, "Paging the Orders on-call waited until the pool alert fired"),
        (
            LessonKind.WENT_POORLY,
            "Any competent engineer would have tried the migration on a production-sized copy",
        ),
        (LessonKind.GOT_LUCKY, "The incident started after the lunchtime peak"),
        (LessonKind.GOT_LUCKY, "Held payments were retried automatically, so none were lost"),
    ]:
        notes.add_lesson(pm_id, kind=kind, text=text)
    notes.add_parking_item(
        pm_id,
        text="Should the status page show partial outages per payment method?",
        raised_at_step=MeetingStep.REVIEW,
    )
    notes.add_parking_item(
        pm_id,
        text="Check in with Dana after the meeting about on-call load this month",
        is_private=True,
        raised_at_step=MeetingStep.ROLES,
    )
    for title, url, link_kind in [
        (
            "Checkout latency dashboard",
            "https://grafana.example.com/d/checkout",
            EvidenceKind.DASHBOARD,
        ),
        (
            "orders-db connection pool",
            "https://grafana.example.com/d/orders-db",
            EvidenceKind.DASHBOARD,
        ),
        (
            "#inc-checkout channel",
            "https://example.slack.com/archives/C0INC2041",
            EvidenceKind.CHAT,
        ),
        (
            "Migration 0187 pull request",
            "https://git.example.com/orders/pull/1187",
            EvidenceKind.DOCUMENT,
        ),
    ]:
        notes.add_evidence_link(pm_id, title=title, url=url, kind=link_kind)
