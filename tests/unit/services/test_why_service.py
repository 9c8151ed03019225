"""The five-whys tree: sibling order, moves without cycles, deleting and restoring a branch."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from postmortem_desk.domain.enums import FactorCategory
from postmortem_desk.domain.models import Postmortem, WhyNode
from postmortem_desk.services.base import Change, ChangeKind, Entity, NotFoundError, ValidationError
from postmortem_desk.services.registry import Services


@pytest.fixture
def pm(services: Services) -> Postmortem:
    """Return a new postmortem to grow a tree in."""
    return services.postmortems.create(title="Whys")


def _children(services: Services, pm_id: int, parent_id: int | None) -> list[str]:
    tree = services.postmortems.load(pm_id).why_children()
    return [node.text for node in tree.get(parent_id, [])]


def _positions(services: Services, pm_id: int, parent_id: int | None) -> list[int]:
    tree = services.postmortems.load(pm_id).why_children()
    return [node.position for node in tree.get(parent_id, [])]


def _node(services: Services, pm_id: int, text: str) -> WhyNode:
    return next(n for n in services.postmortems.load(pm_id).why_nodes if n.text == text)


def test_siblings_keep_their_order(services: Services, pm: Postmortem) -> None:
    """Append answers in order and insert after a given sibling, renumbering positions."""
    assert pm.id is not None
    root = services.whys.add_node(pm.id, text=" Problem ")
    assert root.id is not None
    assert root.text == "Problem"
    a = services.whys.add_node(pm.id, text="A", parent_id=root.id)
    services.whys.add_node(pm.id, text="C", parent_id=root.id)
    services.whys.add_node(pm.id, text="B", parent_id=root.id, after_id=a.id)
    services.whys.add_node(pm.id, text="D", parent_id=root.id, after_id=12345)
    assert _children(services, pm.id, root.id) == ["A", "B", "C", "D"]
    assert _positions(services, pm.id, root.id) == [0, 1, 2, 3]
    assert _children(services, pm.id, None) == ["Problem"]


def test_parent_must_belong_to_the_same_postmortem(services: Services, pm: Postmortem) -> None:
    """Refuse an answer to a why of another postmortem, or to a why that does not exist."""
    other = services.postmortems.create(title="Other")
    assert pm.id is not None
    assert other.id is not None
    foreign = services.whys.add_node(other.id, text="Elsewhere")
    with pytest.raises(ValidationError, match="same postmortem"):
        services.whys.add_node(pm.id, text="x", parent_id=foreign.id)
    with pytest.raises(NotFoundError):
        services.whys.add_node(pm.id, text="x", parent_id=999)


def test_factor_and_category(services: Services, pm: Postmortem, changes: list[Change]) -> None:
    """Mark a leaf as a contributing factor with a category, then clear the category."""
    assert pm.id is not None
    node = services.whys.add_node(pm.id, text="No lock timeout")
    assert node.id is not None
    services.whys.update_node(node.id, is_factor=True, category=FactorCategory.TOOLING)
    stored = _node(services, pm.id, "No lock timeout")
    assert (stored.is_factor, stored.category) == (True, FactorCategory.TOOLING)
    services.whys.update_node(node.id, text="No lock timeout set", clear_category=True)
    stored = _node(services, pm.id, "No lock timeout set")
    assert (stored.is_factor, stored.category) == (True, None)
    assert changes[-1] == Change(
        Entity.WHY, ChangeKind.UPDATED, pm.id, (node.id,), frozenset({"text", "category"})
    )


def test_move_reorders_and_reparents(services: Services, pm: Postmortem) -> None:
    """Move within the siblings and under another parent, renumbering both lists."""
    assert pm.id is not None
    root = services.whys.add_node(pm.id, text="Root")
    a = services.whys.add_node(pm.id, text="A", parent_id=root.id)
    b = services.whys.add_node(pm.id, text="B", parent_id=root.id)
    c = services.whys.add_node(pm.id, text="C", parent_id=root.id)
    services.whys.add_node(pm.id, text="A1", parent_id=a.id)
    services.whys.move_node(c.id or 0, parent_id=root.id, position=0)
    assert _children(services, pm.id, root.id) == ["C", "A", "B"]
    services.whys.move_node(b.id or 0, parent_id=a.id, position=99)
    assert _children(services, pm.id, root.id) == ["C", "A"]
    assert _positions(services, pm.id, root.id) == [0, 1]
    assert _children(services, pm.id, a.id) == ["A1", "B"]
    services.whys.move_node(b.id or 0, parent_id=None, position=-3)
    assert _children(services, pm.id, None) == ["B", "Root"]


def test_move_refuses_cycles(services: Services, pm: Postmortem) -> None:
    """Refuse to move a why under itself or under one of its own answers."""
    assert pm.id is not None
    root = services.whys.add_node(pm.id, text="Root")
    child = services.whys.add_node(pm.id, text="Child", parent_id=root.id)
    grandchild = services.whys.add_node(pm.id, text="Grandchild", parent_id=child.id)
    for target in (root.id, child.id, grandchild.id):
        with pytest.raises(ValidationError, match="its own answers"):
            services.whys.move_node(root.id or 0, parent_id=target, position=0)
    assert _children(services, pm.id, None) == ["Root"]
    assert _children(services, pm.id, child.id) == ["Grandchild"]


def test_delete_and_restore_branch_exactly(
    services: Services, pm: Postmortem, changes: list[Change]
) -> None:
    """Restore a deleted branch with its ids, positions, evidence and action links."""
    assert pm.id is not None
    event = services.timeline.add_event(
        pm.id, occurred_at=datetime(2026, 11, 18, 13, 0, tzinfo=UTC), text="lock wait"
    )
    root = services.whys.add_node(pm.id, text="Root")
    first = services.whys.add_node(pm.id, text="First", parent_id=root.id)
    doomed = services.whys.add_node(pm.id, text="Doomed", parent_id=root.id)
    services.whys.add_node(pm.id, text="Last", parent_id=root.id)
    leaf = services.whys.add_node(pm.id, text="Leaf", parent_id=doomed.id)
    deeper = services.whys.add_node(pm.id, text="Deeper", parent_id=leaf.id)
    assert first.id
    assert doomed.id
    assert leaf.id
    assert deeper.id
    assert event.id
    services.whys.update_node(deeper.id, is_factor=True, category=FactorCategory.PROCESS)
    services.whys.link_evidence(leaf.id, event_id=event.id)
    services.whys.link_evidence(leaf.id, event_id=event.id)
    action = services.actions.add(pm.id, title="Fix it", why_node_id=deeper.id)
    before = services.postmortems.load(pm.id)
    assert len(before.why_evidence) == 1
    changes.clear()

    snapshot = services.whys.delete_node(doomed.id)
    gone = services.postmortems.load(pm.id)
    assert {n.text for n in gone.why_nodes} == {"Root", "First", "Last"}
    assert _positions(services, pm.id, root.id) == [0, 1]
    assert gone.why_evidence == []
    assert gone.actions[0].why_node_id is None
    assert [(c.entity, c.kind, set(c.ids)) for c in changes] == [
        (Entity.WHY, ChangeKind.DELETED, {doomed.id, leaf.id, deeper.id}),
        (Entity.ACTION, ChangeKind.UPDATED, {action.id}),
    ]

    services.whys.restore_branch(snapshot)
    after = services.postmortems.load(pm.id)
    dump = sorted((n.model_dump() for n in after.why_nodes), key=lambda d: d["id"])
    assert dump == sorted((n.model_dump() for n in before.why_nodes), key=lambda d: d["id"])
    assert _children(services, pm.id, root.id) == ["First", "Doomed", "Last"]
    assert [e.model_dump() for e in after.why_evidence] == [
        e.model_dump() for e in before.why_evidence
    ]
    assert after.actions[0].why_node_id == deeper.id


def test_evidence_links_are_unique_and_removable(services: Services, pm: Postmortem) -> None:
    """Link an event once however often asked, and unlink it again."""
    assert pm.id is not None
    event = services.timeline.add_event(
        pm.id, occurred_at=datetime(2026, 11, 18, 13, 0, tzinfo=UTC), text="e"
    )
    node = services.whys.add_node(pm.id, text="n")
    for _ in range(3):
        services.whys.link_evidence(node.id or 0, event_id=event.id or 0)
    assert len(services.postmortems.load(pm.id).why_evidence) == 1
    services.whys.unlink_evidence(node.id or 0, event_id=event.id or 0)
    assert services.postmortems.load(pm.id).why_evidence == []


def test_move_refuses_a_parent_of_another_postmortem(services: Services, pm: Postmortem) -> None:
    """Refuse to move a why under a why of another postmortem, or under one that does not exist."""
    other = services.postmortems.create(title="Other")
    assert pm.id is not None
    assert other.id is not None
    node = services.whys.add_node(pm.id, text="Mine")
    foreign = services.whys.add_node(other.id, text="Elsewhere")
    with pytest.raises(ValidationError, match="same postmortem"):
        services.whys.move_node(node.id or 0, parent_id=foreign.id, position=0)
    with pytest.raises(NotFoundError):
        services.whys.move_node(node.id or 0, parent_id=999, position=0)
    assert _children(services, pm.id, None) == ["Mine"]
    assert _children(services, other.id, foreign.id) == []
