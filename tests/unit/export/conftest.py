"""Export test fixtures: a realistic postmortem on a real SQLite file, an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from postmortem_desk.domain.enums import (
    ActionStatus,
    ActionType,
    EventKind,
    EventSource,
    FactorCategory,
    LessonKind,
    MeetingStep,
    Milestone,
    PostmortemStatus,
    Priority,
    RoleKind,
    Severity,
)
from postmortem_desk.domain.models import (
    ActionItem,
    LessonLearned,
    MeetingStepLog,
    Participant,
    Postmortem,
    RoleAssignment,
    TimelineEvent,
    WhyNode,
)
from postmortem_desk.domain.rules import default_agenda
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.storage.database import Database, open_database

START = datetime(2024, 3, 14, 9, 2, tzinfo=UTC)


@dataclass
class Library:
    """An open database with its store and bus, as the app would hold them."""

    database: Database
    store: Store
    bus: ChangeBus

    @property
    def path(self) -> Path:
        """Return the SQLite file."""
        return self.database.path

    def load(self, postmortem_id: int) -> PostmortemBundle:
        """Load a postmortem through the real service."""
        return PostmortemService(self.store, self.bus).load(postmortem_id)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """Open a fresh database file in the test's folder."""
    database = open_database(tmp_path / "library.sqlite", lock=False)
    yield Library(database, Store(database.engine), ChangeBus())
    database.close()


def add_postmortem(
    store: Store,
    *,
    title: str = "Checkout latency after the payment-gateway TLS rotation",
    summary: str | None = None,
    event_count: int = 0,
    action_count: int = 0,
    extra_text: str = "",
) -> int:
    """Write a realistic postmortem with people, timeline, whys, actions and meeting logs."""
    with store.session() as session:
        pm = Postmortem(
            title=title,
            incident_key="INC-4711",
            severity=Severity.SEV1,
            status=PostmortemStatus.MEETING_HELD,
            services=["checkout", "payment-gateway"],
            summary=summary
            if summary is not None
            else (
                "Between 09:02 and 10:47 **checkout** failed for about 38 % of requests after "
                "the TLS certificate of the payment gateway was rotated. Zoë noticed the "
                "alert first; see the [dashboard](https://grafana.example.com/d/checkout).\n\n"
                "- Κλειδί: πιστοποιητικό\n- Ключ: сертификат\n\n" + extra_text
            ),
            impact="Customers in the EU could not pay. Ιωάννης confirmed the numbers.",
            users_affected=12840,
            impact_minutes=105,
            support_tickets=312,
            started_at=START,
            detected_at=START + timedelta(minutes=6),
            acknowledged_at=START + timedelta(minutes=9),
            mitigated_at=START + timedelta(minutes=71),
            resolved_at=START + timedelta(minutes=105),
            incident_utc_offset_minutes=60,
            meeting_date=START + timedelta(days=2),
            agenda=default_agenda(Severity.SEV1),
        )
        session.add(pm)
        session.flush()
        assert pm.id is not None
        pid = pm.id
        people = [
            ("Zoë Müller", "SRE", "zoe@example.com", "zoe", [RoleKind.INCIDENT_COMMANDER]),
            ("Ιωάννης Παπαδόπουλος", "Payments", "", "ioannis", [RoleKind.TECHNICAL_LEAD]),
            ("Анна Смирнова", "Support", "", "anna", [RoleKind.COMMUNICATIONS_LEAD]),
            ("José Álvarez", "Platform", "jose@example.com", "jalvarez", []),
            ("Priya Natarajan", "Reliability", "", "priya", [RoleKind.FACILITATOR, RoleKind.OWNER]),
        ]
        for name, team, email, handle, roles in people:
            person = Participant(
                postmortem_id=pid, name=name, team=team, email=email, handle=handle
            )
            session.add(person)
            session.flush()
            assert person.id is not None
            for role in roles:
                session.add(RoleAssignment(postmortem_id=pid, participant_id=person.id, role=role))
        script = [
            (0, EventKind.CHANGE, "José Álvarez", "Rotated the gateway cert (CHG-88).", None),
            (6, EventKind.ALERT, "Alertmanager", "CheckoutErrorRate > 5 % for 5 min", None),
            (6, EventKind.PAGE, "PagerDuty", "Paged the SRE on-call", Milestone.DETECTED),
            (9, EventKind.ACKNOWLEDGEMENT, "Zoë Müller", "Acknowledged; opened #inc-4711", None),
            (
                14,
                EventKind.CHAT,
                "Ιωάννης Παπαδόπουλος",
                "Handshake failures from gw-2 & gw-3",
                None,
            ),
            (22, EventKind.CHAT, "Анна Смирнова", "Status page updated: «оплата недоступна»", None),
            (40, EventKind.ACTION, "José Álvarez", "Rolled back the certificate on gw-2", None),
            (
                71,
                EventKind.MITIGATION,
                "Zoë Müller",
                "Error rate back under 1 %",
                Milestone.MITIGATED,
            ),
            (
                105,
                EventKind.RESOLUTION,
                "Zoë Müller",
                "All gateways on the old chain; closed",
                Milestone.RESOLVED,
            ),
        ]
        for minute, kind, actor, text, milestone in script:
            session.add(
                TimelineEvent(
                    postmortem_id=pid,
                    occurred_at=START + timedelta(minutes=minute),
                    kind=kind,
                    source=EventSource.PAGERDUTY if actor == "PagerDuty" else EventSource.SLACK,
                    actor=actor,
                    text=text,
                    milestone=milestone,
                )
            )
        for index in range(event_count):
            session.add(
                TimelineEvent(
                    postmortem_id=pid,
                    occurred_at=START + timedelta(seconds=6 * index),
                    kind=list(EventKind)[index % len(EventKind)],
                    source=EventSource.SLACK,
                    actor=["Zoë Müller", "José Álvarez", "Анна Смирнова"][index % 3],
                    text=f"Message {index}: checked gw-{index % 7} & retried <{index}>",
                )
            )
        session.add(
            TimelineEvent(
                postmortem_id=pid,
                occurred_at=START + timedelta(minutes=30),
                kind=EventKind.NOTE,
                actor="Priya Natarajan",
                text="Left out of the report",
                in_report=False,
            )
        )
        root = WhyNode(postmortem_id=pid, text="Checkout failed for 38 % of requests")
        session.add(root)
        session.flush()
        chain = [
            ("The gateway presented a chain the clients did not trust", None),
            ("The new intermediate certificate was missing from the bundle", None),
            ("The rotation runbook does not verify the full chain", FactorCategory.PROCESS),
        ]
        parent = root.id
        for text, category in chain:
            node = WhyNode(
                postmortem_id=pid,
                parent_id=parent,
                text=text,
                is_factor=category is not None,
                category=category,
            )
            session.add(node)
            session.flush()
            parent = node.id
        side = WhyNode(
            postmortem_id=pid,
            parent_id=root.id,
            position=1,
            text="Detection took 6 minutes",
            is_factor=True,
            category=FactorCategory.MONITORING,
        )
        session.add(side)
        actions = [
            (
                "Verify the full chain in the rotation runbook",
                "Priya Natarajan",
                Priority.P0,
                ActionStatus.IN_PROGRESS,
                "OPS-101",
            ),
            (
                "Alert on TLS handshake failures per gateway",
                "Zoë Müller",
                Priority.P1,
                ActionStatus.OPEN,
                "OPS-102",
            ),
            (
                "Stage certificate rotations on one gateway first",
                "José Álvarez",
                Priority.P1,
                ActionStatus.DONE,
                "OPS-103",
            ),
            (
                "Обновить шаблон статус-страницы",
                "Анна Смирнова",
                Priority.P2,
                ActionStatus.WONT_DO,
                "",
            ),
        ]
        for index, (text, owner, priority, status, ticket) in enumerate(actions):
            session.add(
                ActionItem(
                    postmortem_id=pid,
                    title=text,
                    description="Follow the **new** checklist; ask José if unsure.",
                    action_type=list(ActionType)[index % len(ActionType)],
                    priority=priority,
                    owner=owner,
                    team="SRE",
                    due_date=date(2024, 3, 28) + timedelta(days=7 * index),
                    status=status,
                    wont_do_reason="Covered by OPS-101" if status is ActionStatus.WONT_DO else "",
                    ticket_key=ticket,
                    ticket_url=f"https://jira.example.com/browse/{ticket}" if ticket else "",
                    position=index,
                )
            )
        for index in range(action_count):
            session.add(
                ActionItem(
                    postmortem_id=pid,
                    title=f"Follow-up task {index} for gw-{index % 7}",
                    owner=["Zoë Müller", "José Álvarez"][index % 2],
                    priority=list(Priority)[index % 3],
                    due_date=date(2024, 4, 1) + timedelta(days=index),
                    ticket_key=f"OPS-{200 + index}",
                    ticket_url=f"https://jira.example.com/browse/OPS-{200 + index}",
                    position=10 + index,
                )
            )
        lessons = [
            (LessonKind.WENT_WELL, "Rollback took *minutes*, not hours"),
            (LessonKind.WENT_POORLY, "The alert fired 6 minutes after the change"),
            (LessonKind.GOT_LUCKY, "Traffic was low: it was a public holiday in Ελλάδα"),
        ]
        for kind, text in lessons:
            session.add(LessonLearned(postmortem_id=pid, kind=kind, text=text))
        meeting = START + timedelta(days=2)
        spent = [
            (MeetingStep.ROLES, 4),
            (MeetingStep.REVIEW, 31),
            (MeetingStep.REVIEW, 7),
            (MeetingStep.WHYS, 12),
            (MeetingStep.RECOMMENDATIONS, 8),
            (MeetingStep.FOLLOW_UP, 2),
        ]
        for step, minutes in spent:
            session.add(
                MeetingStepLog(
                    postmortem_id=pid,
                    step=step,
                    started_at=meeting,
                    ended_at=meeting + timedelta(minutes=minutes),
                )
            )
            meeting += timedelta(minutes=minutes + 1)
    return pid


class MemoryKeyring(KeyringBackend):
    """Keep passwords in a dict for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """Return the stored password or None."""
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a password."""
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Forget a password."""
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Install an in-memory keyring for the test and restore the previous one afterwards."""
    monkeypatch.delenv("POSTMORTEM_DESK_CONFLUENCE_TOKEN", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
