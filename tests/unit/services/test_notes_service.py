"""Lessons, parking-lot items, evidence links and ignored findings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from postmortem_desk.domain.enums import EvidenceKind, LessonKind, MeetingStep
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.services.base import Change, ChangeKind, Entity, NotFoundError, ValidationError
from postmortem_desk.services.registry import Services


@pytest.fixture
def pm_id(services: Services) -> int:
    """Return the id of a new postmortem."""
    pm: Postmortem = services.postmortems.create(title="Notes")
    assert pm.id is not None
    return pm.id


def test_lessons_in_three_lists(services: Services, pm_id: int) -> None:
    """Number lessons within their own list and move one to another list."""
    for kind, text in [
        (LessonKind.WENT_WELL, "Runbook worked"),
        (LessonKind.WENT_POORLY, "Late page"),
        (LessonKind.WENT_WELL, "Fast comms"),
        (LessonKind.GOT_LUCKY, "Low traffic"),
    ]:
        services.notes.add_lesson(pm_id, kind=kind, text=text)
    bundle = services.postmortems.load(pm_id)
    well = bundle.lessons_of(LessonKind.WENT_WELL)
    assert [(x.text, x.position) for x in well] == [("Runbook worked", 0), ("Fast comms", 1)]
    services.notes.update_lesson(well[1].id or 0, kind=LessonKind.GOT_LUCKY, text=" Comms ")
    lucky = services.postmortems.load(pm_id).lessons_of(LessonKind.GOT_LUCKY)
    assert {x.text for x in lucky} == {"Low traffic", "Comms"}
    with pytest.raises(ValidationError, match="A lesson needs some text"):
        services.notes.add_lesson(pm_id, kind=LessonKind.WENT_WELL, text=" ")
    with pytest.raises(ValidationError):
        services.notes.update_lesson(well[0].id or 0, text="")
    with pytest.raises(NotFoundError):
        services.notes.update_lesson(999, text="x")


def test_lesson_delete_and_restore(services: Services, pm_id: int, changes: list[Change]) -> None:
    """Put a deleted lesson back with its id and announce both edits."""
    lesson = services.notes.add_lesson(pm_id, kind=LessonKind.WENT_POORLY, text="Slow")
    assert lesson.id is not None
    data = services.notes.delete_lesson(lesson.id)
    assert services.postmortems.load(pm_id).lessons == []
    restored = services.notes.restore_lesson(data)
    assert restored.id == lesson.id
    assert services.postmortems.load(pm_id).lessons[0].text == "Slow"
    assert [(c.entity, c.kind, c.ids) for c in changes] == [
        (Entity.LESSON, ChangeKind.CREATED, (lesson.id,)),
        (Entity.LESSON, ChangeKind.DELETED, (lesson.id,)),
        (Entity.LESSON, ChangeKind.CREATED, (lesson.id,)),
    ]
    with pytest.raises(NotFoundError):
        services.notes.delete_lesson(999)


def test_parking_lot_items(services: Services, pm_id: int) -> None:
    """Park tangents, keep private ones flagged, edit, delete and restore them."""
    public = services.notes.add_parking_item(
        pm_id, text=" Status page ", raised_at_step=MeetingStep.REVIEW
    )
    private = services.notes.add_parking_item(pm_id, text="Check in with Dana", is_private=True)
    assert public.id is not None
    assert private.id is not None
    items = services.postmortems.load(pm_id).parking_lot
    assert [(i.text, i.is_private, i.raised_at_step) for i in items] == [
        ("Status page", False, MeetingStep.REVIEW),
        ("Check in with Dana", True, None),
    ]
    services.notes.update_parking_item(public.id, is_private=True, text="Status page v2")
    data = services.notes.delete_parking_item(private.id)
    items = services.postmortems.load(pm_id).parking_lot
    assert [(i.text, i.is_private) for i in items] == [("Status page v2", True)]
    services.notes.restore_parking_item(data)
    assert len(services.postmortems.load(pm_id).parking_lot) == 2
    with pytest.raises(ValidationError, match="parking-lot item needs some text"):
        services.notes.add_parking_item(pm_id, text="")


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "grafana.example.com", ""],
)
def test_evidence_links_must_open_in_a_browser(services: Services, pm_id: int, url: str) -> None:
    """Refuse links that are not http, https or mailto."""
    with pytest.raises(ValidationError, match="must start with"):
        services.notes.add_evidence_link(pm_id, title="x", url=url)


def test_evidence_links_add_delete_restore(services: Services, pm_id: int) -> None:
    """Store a link (title defaults to the URL), delete and restore it."""
    link = services.notes.add_evidence_link(
        pm_id, title=" ", url=" HTTPS://grafana.example.com/d/x ", kind=EvidenceKind.DASHBOARD
    )
    assert (link.title, link.url) == (
        "HTTPS://grafana.example.com/d/x",
        "HTTPS://grafana.example.com/d/x",
    )
    data = services.notes.delete_evidence_link(link.id or 0)
    assert services.postmortems.load(pm_id).evidence_links == []
    services.notes.restore_evidence_link(data)
    assert services.postmortems.load(pm_id).evidence_links[0].kind == EvidenceKind.DASHBOARD


def test_ignored_findings(services: Services, pm_id: int, changes: list[Change]) -> None:
    """Remember a dismissed finding once and forget it again."""
    services.notes.ignore_finding(pm_id, finding_key="hindsight:12")
    services.notes.ignore_finding(pm_id, finding_key="hindsight:12")
    assert services.postmortems.load(pm_id).ignored_findings == {"hindsight:12"}
    services.notes.unignore_finding(pm_id, finding_key="hindsight:12")
    assert services.postmortems.load(pm_id).ignored_findings == set()
    assert {(c.entity, c.kind, c.postmortem_id) for c in changes} == {
        (Entity.COACH, ChangeKind.UPDATED, pm_id)
    }


def test_editing_a_parking_item_marks_the_postmortem_edited(
    services: Services, pm_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Move the postmortem's ``updated_at`` when a parking-lot item changes."""
    item = services.notes.add_parking_item(pm_id, text="Status page")
    assert item.id is not None
    later = services.postmortems.get(pm_id).updated_at + timedelta(hours=1)
    monkeypatch.setattr("postmortem_desk.services.postmortems.utc_now", lambda: later)
    services.notes.update_parking_item(item.id, is_private=True)
    assert services.postmortems.get(pm_id).updated_at == later
