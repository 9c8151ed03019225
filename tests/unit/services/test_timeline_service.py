"""Timeline events: add, edit, delete and restore exactly; milestones drive the key times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.services.base import Change, ChangeKind, Entity, NotFoundError, ValidationError
from postmortem_desk.services.registry import Services

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 11, 18, 14, 0, tzinfo=CET)


@pytest.fixture
def pm(services: Services) -> Postmortem:
    """Return a new postmortem to build a timeline in."""
    return services.postmortems.create(title="Timeline")


def _minutes(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_add_event_stores_utc_and_keeps_the_offset(services: Services, pm: Postmortem) -> None:
    """Store the instant in UTC and remember the offset it was written in."""
    assert pm.id is not None
    event = services.timeline.add_event(
        pm.id,
        occurred_at=T0,
        text="  Pool alert  ",
        kind=EventKind.ALERT,
        source=EventSource.ALERTMANAGER,
        actor=" Alertmanager ",
    )
    stored = services.timeline.list_events(pm.id)[0]
    assert stored.id == event.id
    assert stored.occurred_at == T0
    assert stored.occurred_at.tzinfo is UTC
    assert stored.utc_offset_minutes == 60
    assert (stored.text, stored.actor) == ("Pool alert", "Alertmanager")
    assert (stored.kind, stored.source) == (EventKind.ALERT, EventSource.ALERTMANAGER)


def test_naive_times_are_refused(services: Services, pm: Postmortem) -> None:
    """Refuse a time without a zone, on add and on edit."""
    assert pm.id is not None
    with pytest.raises(ValidationError, match="time zone"):
        services.timeline.add_event(pm.id, occurred_at=datetime(2026, 1, 1, 12), text="x")
    event = services.timeline.add_event(pm.id, occurred_at=T0, text="x")
    with pytest.raises(ValidationError, match="time zone"):
        services.timeline.update_event(event.id or 0, occurred_at=datetime(2026, 1, 1, 12))


def test_events_list_in_time_order(services: Services, pm: Postmortem) -> None:
    """List events by instant, whatever order they were added in."""
    assert pm.id is not None
    for minute in (30, 5, 17):
        services.timeline.add_event(pm.id, occurred_at=_minutes(minute), text=f"at {minute}")
    texts = [e.text for e in services.timeline.list_events(pm.id)]
    assert texts == ["at 5", "at 17", "at 30"]


def test_update_event_and_unknown_fields(
    services: Services, pm: Postmortem, changes: list[Change]
) -> None:
    """Change fields of an event; refuse fields an event does not have."""
    assert pm.id is not None
    event = services.timeline.add_event(pm.id, occurred_at=T0, text="x")
    assert event.id is not None
    services.timeline.update_event(event.id, text="y", known_at_time=False, in_report=False)
    stored = services.timeline.list_events(pm.id)[0]
    assert (stored.text, stored.known_at_time, stored.in_report) == ("y", False, False)
    with pytest.raises(ValidationError, match="postmortem_id"):
        services.timeline.update_event(event.id, postmortem_id=2)
    with pytest.raises(NotFoundError):
        services.timeline.update_event(999, text="z")
    assert changes[-1] == Change(
        Entity.EVENT,
        ChangeKind.UPDATED,
        pm.id,
        (event.id,),
        frozenset({"text", "known_at_time", "in_report"}),
    )


def test_milestones_set_key_times_and_stay_unique(services: Services, pm: Postmortem) -> None:
    """Copy a milestone's time to the key times; a milestone moves rather than duplicates."""
    assert pm.id is not None
    first = services.timeline.add_event(
        pm.id, occurred_at=_minutes(5), text="first alert", milestone=Milestone.DETECTED
    )
    assert services.postmortems.get(pm.id).detected_at == _minutes(5)
    second = services.timeline.add_event(
        pm.id, occurred_at=_minutes(9), text="the real alert", milestone=Milestone.DETECTED
    )
    events = {e.id: e for e in services.timeline.list_events(pm.id)}
    assert events[first.id].milestone is None
    assert events[second.id].milestone == Milestone.DETECTED
    assert services.postmortems.get(pm.id).detected_at == _minutes(9)

    services.timeline.update_event(second.id or 0, occurred_at=_minutes(11))
    assert services.postmortems.get(pm.id).detected_at == _minutes(11)

    services.timeline.update_event(first.id or 0, milestone=Milestone.DETECTED)
    events = {e.id: e for e in services.timeline.list_events(pm.id)}
    assert [e.id for e in events.values() if e.milestone == Milestone.DETECTED] == [first.id]
    assert services.postmortems.get(pm.id).detected_at == _minutes(5)

    services.timeline.update_event(first.id or 0, milestone=None)
    assert services.postmortems.get(pm.id).detected_at is None


def test_milestone_on_add_announces_the_key_time(
    services: Services, pm: Postmortem, changes: list[Change]
) -> None:
    """Tell views showing key times that adding a milestone event moved one."""
    assert pm.id is not None
    event = services.timeline.add_event(
        pm.id, occurred_at=T0, text="resolved", milestone=Milestone.RESOLVED
    )
    assert changes[0] == Change(Entity.EVENT, ChangeKind.CREATED, pm.id, (event.id or 0,))
    assert changes[1] == Change(
        Entity.POSTMORTEM, ChangeKind.UPDATED, pm.id, (pm.id,), frozenset({"resolved_at"})
    )
    assert len(changes) == 2


def test_delete_and_restore_event_exactly(
    services: Services, demo_id: int, changes: list[Change]
) -> None:
    """Restore a deleted event with its id, fields, annotations and why links."""
    bundle = services.postmortems.load(demo_id)
    annotated = next(e for e in bundle.events if bundle.annotations_of(e.id or 0))
    assert annotated.id is not None
    services.timeline.add_annotation(annotated.id, text="A note, not a question", is_question=False)
    services.whys.link_evidence(bundle.why_nodes[0].id or 0, event_id=annotated.id)
    before = services.postmortems.load(demo_id)
    event_before = next(e for e in before.events if e.id == annotated.id)
    notes_before = before.annotations_of(annotated.id)
    links_before = sorted(
        link.why_node_id for link in before.why_evidence if link.event_id == annotated.id
    )
    assert len(notes_before) == 2
    assert links_before
    changes.clear()

    snapshot = services.timeline.delete_event(annotated.id)
    gone = services.postmortems.load(demo_id)
    assert annotated.id not in {e.id for e in gone.events}
    assert gone.annotations_of(annotated.id) == []
    assert annotated.id not in {link.event_id for link in gone.why_evidence}

    restored = services.timeline.restore_event(snapshot)
    assert restored.id == annotated.id
    after = services.postmortems.load(demo_id)
    event_after = next(e for e in after.events if e.id == annotated.id)
    assert event_after.model_dump() == event_before.model_dump()
    assert [a.model_dump() for a in after.annotations_of(annotated.id)] == [
        a.model_dump() for a in notes_before
    ]
    assert sorted(
        link.why_node_id for link in after.why_evidence if link.event_id == annotated.id
    ) == (links_before)
    assert [(c.entity, c.kind, c.ids) for c in changes] == [
        (Entity.EVENT, ChangeKind.DELETED, (annotated.id,)),
        (Entity.EVENT, ChangeKind.CREATED, (annotated.id,)),
    ]


def test_annotations_add_update_delete(services: Services, pm: Postmortem) -> None:
    """Attach, edit and remove questions; refuse empty text."""
    assert pm.id is not None
    event = services.timeline.add_event(pm.id, occurred_at=T0, text="x")
    assert event.id is not None
    question = services.timeline.add_annotation(event.id, text=" Why did the page wait? ")
    assert (question.text, question.is_question) == ("Why did the page wait?", True)
    with pytest.raises(ValidationError, match="needs some text"):
        services.timeline.add_annotation(event.id, text="  ")
    services.timeline.update_annotation(question.id or 0, text="What delayed the page?")
    assert services.postmortems.load(pm.id).annotations[0].text == "What delayed the page?"
    services.timeline.delete_annotation(question.id or 0)
    assert services.postmortems.load(pm.id).annotations == []
    with pytest.raises(NotFoundError):
        services.timeline.delete_annotation(question.id or 0)


@pytest.mark.parametrize("as_dict", [False, True])
def test_restore_annotation_keeps_its_id(
    services: Services, pm: Postmortem, changes: list[Change], as_dict: bool
) -> None:
    """Put a deleted question back with the same id and text, from the row or its data."""
    assert pm.id is not None
    event = services.timeline.add_event(pm.id, occurred_at=T0, text="x")
    assert event.id is not None
    first = services.timeline.add_annotation(event.id, text="Why did the page wait?")
    second = services.timeline.add_annotation(event.id, text="Noted", is_question=False)
    deleted = services.timeline.delete_annotation(first.id or 0)
    del changes[:]

    restored = services.timeline.restore_annotation(deleted.model_dump() if as_dict else deleted)
    assert restored.id == first.id
    annotations = services.postmortems.load(pm.id).annotations
    assert sorted((a.id or 0, a.text, a.is_question) for a in annotations) == [
        (first.id or 0, "Why did the page wait?", True),
        (second.id or 0, "Noted", False),
    ]
    assert changes[-1] == Change(Entity.ANNOTATION, ChangeKind.CREATED, pm.id, (first.id or 0,))
    with pytest.raises(ValidationError, match="already on the timeline"):
        services.timeline.restore_annotation(deleted)


def test_restore_annotation_refuses_a_deleted_event(services: Services, pm: Postmortem) -> None:
    """Refuse to put a note back on an event that is gone."""
    assert pm.id is not None
    event = services.timeline.add_event(pm.id, occurred_at=T0, text="x")
    assert event.id is not None
    note = services.timeline.add_annotation(event.id, text="Noted")
    deleted = services.timeline.delete_annotation(note.id or 0)
    services.timeline.delete_event(event.id)
    with pytest.raises(NotFoundError):
        services.timeline.restore_annotation(deleted)
