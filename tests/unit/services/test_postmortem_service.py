"""Postmortems: create, rename, edit facts, delete to the trash and restore, list, load."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import (
    ActionStatus,
    EventKind,
    MeetingStep,
    PostmortemStatus,
    Severity,
)
from postmortem_desk.domain.rules import default_agenda
from postmortem_desk.services.base import Change, ChangeKind, Entity, NotFoundError, ValidationError
from postmortem_desk.services.registry import Services

T0 = datetime(2026, 11, 18, 13, 0, tzinfo=UTC)


def test_create_makes_a_draft_with_the_severity_agenda(services: Services) -> None:
    """Create a draft with a trimmed title and the default agenda of its severity."""
    created = services.postmortems.create(
        title="  Login outage ", severity=Severity.SEV3, incident_key=" INC-7 "
    )
    assert created.id is not None
    stored = services.postmortems.get(created.id)
    assert stored.title == "Login outage"
    assert stored.incident_key == "INC-7"
    assert stored.status == PostmortemStatus.DRAFT
    assert stored.current_step == MeetingStep.PREPARE
    assert stored.agenda == default_agenda(Severity.SEV3)
    assert stored.created_at.tzinfo is UTC


def test_create_needs_a_title(services: Services) -> None:
    """Refuse an empty title."""
    with pytest.raises(ValidationError, match="needs a title"):
        services.postmortems.create(title="   ")
    assert services.postmortems.list_summaries() == []


def test_rename_and_update_facts(services: Services, changes: list[Change]) -> None:
    """Rename and set facts; each edit is one change naming the fields it touched."""
    pm = services.postmortems.create(title="Old")
    assert pm.id is not None
    before = services.postmortems.get(pm.id).updated_at
    services.postmortems.rename(pm.id, title=" New name ")
    services.postmortems.update(
        pm.id, summary="Short", users_affected=12, services=["api"], started_at=T0
    )
    stored = services.postmortems.get(pm.id)
    assert (stored.title, stored.summary, stored.users_affected) == ("New name", "Short", 12)
    assert stored.services == ["api"]
    assert stored.started_at == T0
    assert stored.updated_at >= before
    assert changes == [
        Change(Entity.POSTMORTEM, ChangeKind.CREATED, pm.id, (pm.id,)),
        Change(Entity.POSTMORTEM, ChangeKind.UPDATED, pm.id, (pm.id,), frozenset({"title"})),
        Change(
            Entity.POSTMORTEM,
            ChangeKind.UPDATED,
            pm.id,
            (pm.id,),
            frozenset({"summary", "users_affected", "services", "started_at"}),
        ),
    ]


def test_update_refuses_unknown_fields_and_empty_titles(services: Services) -> None:
    """Refuse a field that is not a fact, and a blank title, without changing anything."""
    pm = services.postmortems.create(title="Kept")
    assert pm.id is not None
    with pytest.raises(ValidationError, match="deleted_at"):
        services.postmortems.update(pm.id, deleted_at=T0)
    with pytest.raises(ValidationError, match="needs a title"):
        services.postmortems.rename(pm.id, title=" ")
    assert services.postmortems.get(pm.id).title == "Kept"


def test_delete_moves_to_trash_and_restore_brings_back(
    services: Services, demo_id: int, changes: list[Change]
) -> None:
    """Hide a deleted postmortem everywhere; restore it with everything it held."""
    events_before = len(services.postmortems.load(demo_id).events)
    services.postmortems.delete(demo_id)
    assert services.postmortems.list_summaries() == []
    with pytest.raises(NotFoundError, match=str(demo_id)):
        services.postmortems.get(demo_id)
    with pytest.raises(NotFoundError):
        services.postmortems.load(demo_id)
    with pytest.raises(NotFoundError):
        services.postmortems.delete(demo_id)
    services.postmortems.restore(demo_id)
    assert [s.id for s in services.postmortems.list_summaries()] == [demo_id]
    assert len(services.postmortems.load(demo_id).events) == events_before
    assert [(c.entity, c.kind, c.ids) for c in changes] == [
        (Entity.POSTMORTEM, ChangeKind.DELETED, (demo_id,)),
        (Entity.POSTMORTEM, ChangeKind.CREATED, (demo_id,)),
    ]


def test_restore_of_unknown_postmortem(services: Services) -> None:
    """Say clearly that there is nothing to restore."""
    with pytest.raises(NotFoundError, match="to restore"):
        services.postmortems.restore(999)


def test_purge_removes_only_old_trash(services: Services) -> None:
    """Remove trashed postmortems older than the cut-off, with their rows; keep the rest."""
    old = services.postmortems.create(title="Old trash")
    fresh = services.postmortems.create(title="Fresh trash")
    live = services.postmortems.create(title="Live")
    assert old.id
    assert fresh.id
    assert live.id
    services.timeline.add_event(old.id, occurred_at=T0, text="gone with it")
    services.postmortems.delete(old.id)
    cut_off = datetime.now(UTC) + timedelta(seconds=1)
    assert services.postmortems.purge_deleted(older_than=cut_off - timedelta(days=1)) == 0
    assert services.postmortems.purge_deleted(older_than=cut_off) == 1
    services.postmortems.delete(fresh.id)
    services.postmortems.restore(fresh.id)
    with pytest.raises(NotFoundError):
        services.postmortems.restore(old.id)
    assert services.timeline.list_events(old.id) == []
    assert {s.title for s in services.postmortems.list_summaries()} == {"Fresh trash", "Live"}


def test_list_summaries_counts(services: Services) -> None:
    """Count events, action items and open action items per postmortem."""
    busy = services.postmortems.create(title="Busy", severity=Severity.SEV1)
    quiet = services.postmortems.create(title="Quiet")
    assert busy.id
    assert quiet.id
    for minute in range(3):
        services.timeline.add_event(
            busy.id, occurred_at=T0 + timedelta(minutes=minute), text=f"e{minute}"
        )
    first = services.actions.add(busy.id, title="One")
    services.actions.add(busy.id, title="Two")
    third = services.actions.add(busy.id, title="Three")
    services.actions.set_status(first.id or 0, status=ActionStatus.DONE)
    services.actions.set_status(third.id or 0, status=ActionStatus.IN_PROGRESS)
    summaries = {s.title: s for s in services.postmortems.list_summaries()}
    assert (summaries["Busy"].event_count, summaries["Busy"].action_count) == (3, 3)
    assert summaries["Busy"].open_action_count == 2
    assert summaries["Busy"].severity == Severity.SEV1
    assert (summaries["Quiet"].event_count, summaries["Quiet"].action_count) == (0, 0)
    assert summaries["Quiet"].open_action_count == 0


def test_list_summaries_newest_incident_first(services: Services) -> None:
    """Sort by when the incident started, falling back to the last edit."""
    older = services.postmortems.create(title="Older")
    newer = services.postmortems.create(title="Newer")
    undated = services.postmortems.create(title="Undated")
    assert older.id
    assert newer.id
    assert undated.id
    services.postmortems.update(older.id, started_at=T0 - timedelta(days=30))
    services.postmortems.update(newer.id, started_at=T0)
    titles = [s.title for s in services.postmortems.list_summaries()]
    assert titles == ["Undated", "Newer", "Older"]


def test_load_returns_everything_in_order(services: Services, demo_id: int) -> None:
    """Load the demo with its events in time order and all its lists filled."""
    bundle = services.postmortems.load(demo_id)
    assert bundle.id == demo_id
    times = [event.occurred_at for event in bundle.events]
    assert times == sorted(times)
    assert bundle.participants
    assert bundle.roles
    assert bundle.why_nodes
    assert bundle.why_evidence
    assert bundle.actions
    assert bundle.lessons
    assert bundle.parking_lot
    assert bundle.evidence_links
    assert len(bundle.annotations) == 2
    assert [a.position for a in bundle.actions] == list(range(len(bundle.actions)))


def test_set_step_checklist_and_review_date(services: Services) -> None:
    """Remember the meeting step, checklist ticks and the follow-up review date."""
    pm = services.postmortems.create(title="Steps")
    assert pm.id is not None
    services.postmortems.set_step(pm.id, step=MeetingStep.WHYS)
    services.postmortems.mark_checklist(pm.id, item="pre_read_shared", done=True)
    services.postmortems.mark_checklist(pm.id, item="attendees_invited", done=False)
    services.postmortems.set_follow_up_review(pm.id, when=date(2026, 12, 15))
    stored = services.postmortems.get(pm.id)
    assert stored.current_step == MeetingStep.WHYS
    assert stored.checklist == {"pre_read_shared": True, "attendees_invited": False}
    assert stored.follow_up_review_date == date(2026, 12, 15)


def test_edits_to_children_touch_the_postmortem(services: Services) -> None:
    """Move ``updated_at`` when a child row changes, so the library sorts by activity."""
    pm = services.postmortems.create(title="Touched")
    assert pm.id is not None
    before = services.postmortems.get(pm.id).updated_at
    services.timeline.add_event(pm.id, occurred_at=T0, text="x", kind=EventKind.ALERT)
    assert services.postmortems.get(pm.id).updated_at > before
