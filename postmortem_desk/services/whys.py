"""The five-whys tree: nodes, their order, factors and evidence links."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from postmortem_desk.domain.enums import FactorCategory
from postmortem_desk.domain.models import ActionItem, WhyEvidence, WhyNode
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem, touch


@dataclass(frozen=True)
class DeletedBranch:
    """A deleted node with its descendants, evidence links and the actions that pointed at them."""

    nodes: list[dict[str, Any]]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    action_links: dict[int, int] = field(default_factory=dict)


def _require_node(session: Session, node_id: int) -> WhyNode:
    node = session.get(WhyNode, node_id)
    if node is None:
        raise NotFoundError(f"There is no why with id {node_id}.")
    return node


def _siblings(session: Session, postmortem_id: int, parent_id: int | None) -> list[WhyNode]:
    parent_clause = (
        col(WhyNode.parent_id).is_(None) if parent_id is None else WhyNode.parent_id == parent_id
    )
    return list(
        session.exec(
            select(WhyNode)
            .where(WhyNode.postmortem_id == postmortem_id, parent_clause)
            .order_by(col(WhyNode.position), col(WhyNode.id))
        ).all()
    )


def _renumber(session: Session, nodes: list[WhyNode]) -> None:
    for index, node in enumerate(nodes):
        if node.position != index:
            node.position = index
            session.add(node)


class WhyService(Service):
    """Grow, edit, move and prune the five-whys tree."""

    def add_node(
        self,
        postmortem_id: int,
        *,
        text: str,
        parent_id: int | None = None,
        after_id: int | None = None,
    ) -> WhyNode:
        """Add a node under ``parent_id`` (None: a new problem statement), after ``after_id``."""
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            if parent_id is not None:
                parent = _require_node(session, parent_id)
                if parent.postmortem_id != postmortem_id:
                    raise ValidationError("A why can only answer a why of the same postmortem.")
            siblings = _siblings(session, postmortem_id, parent_id)
            index = len(siblings)
            if after_id is not None:
                index = next((i + 1 for i, s in enumerate(siblings) if s.id == after_id), index)
            node = WhyNode(postmortem_id=postmortem_id, parent_id=parent_id, text=text.strip())
            siblings.insert(index, node)
            session.add(node)
            _renumber(session, siblings)
            session.flush()
            touch(session, postmortem_id)
        assert node.id is not None
        self._announce(Entity.WHY, ChangeKind.CREATED, postmortem_id, (node.id,))
        return node

    def update_node(
        self,
        node_id: int,
        *,
        text: str | None = None,
        is_factor: bool | None = None,
        category: FactorCategory | None = None,
        clear_category: bool = False,
    ) -> WhyNode:
        """Edit a node's text, or mark it as a contributing factor with a category."""
        changed: set[str] = set()
        with self.store.session() as session:
            node = _require_node(session, node_id)
            if text is not None:
                node.text = text.strip()
                changed.add("text")
            if is_factor is not None:
                node.is_factor = is_factor
                changed.add("is_factor")
            if category is not None or clear_category:
                node.category = category
                changed.add("category")
            session.add(node)
            touch(session, node.postmortem_id)
        self._announce(
            Entity.WHY, ChangeKind.UPDATED, node.postmortem_id, (node_id,), frozenset(changed)
        )
        return node

    def move_node(self, node_id: int, *, parent_id: int | None, position: int) -> WhyNode:
        """Move a node (with its branch) under another parent at ``position``."""
        with self.store.session() as session:
            node = _require_node(session, node_id)
            if (
                parent_id is not None
                and _require_node(session, parent_id).postmortem_id != node.postmortem_id
            ):
                raise ValidationError("A why can only answer a why of the same postmortem.")
            ancestor = parent_id
            while ancestor is not None:
                if ancestor == node_id:
                    raise ValidationError("A why cannot be moved under its own answers.")
                ancestor = _require_node(session, ancestor).parent_id
            old = [
                n for n in _siblings(session, node.postmortem_id, node.parent_id) if n is not node
            ]
            _renumber(session, old)
            node.parent_id = parent_id
            new = [n for n in _siblings(session, node.postmortem_id, parent_id) if n is not node]
            new.insert(max(0, min(position, len(new))), node)
            _renumber(session, new)
            session.add(node)
            touch(session, node.postmortem_id)
        self._announce(Entity.WHY, ChangeKind.UPDATED, node.postmortem_id, (node_id,))
        return node

    def delete_node(self, node_id: int) -> DeletedBranch:
        """Delete a node and its answers; return what ``restore_branch`` needs to undo it."""
        with self.store.session() as session:
            node = _require_node(session, node_id)
            postmortem_id = node.postmortem_id
            branch = [node]
            frontier = [node_id]
            while frontier:
                children = list(
                    session.exec(select(WhyNode).where(col(WhyNode.parent_id).in_(frontier))).all()
                )
                branch.extend(children)
                frontier = [child.id for child in children if child.id is not None]
            ids = [n.id for n in branch]
            evidence = session.exec(
                select(WhyEvidence).where(col(WhyEvidence.why_node_id).in_(ids))
            ).all()
            actions = session.exec(
                select(ActionItem).where(col(ActionItem.why_node_id).in_(ids))
            ).all()
            snapshot = DeletedBranch(
                nodes=[n.model_dump() for n in branch],
                evidence=[e.model_dump() for e in evidence],
                action_links={a.id or 0: a.why_node_id or 0 for a in actions},
            )
            session.delete(node)
            session.flush()
            _renumber(session, _siblings(session, postmortem_id, node.parent_id))
            touch(session, postmortem_id)
        self._announce(Entity.WHY, ChangeKind.DELETED, postmortem_id, tuple(i or 0 for i in ids))
        if snapshot.action_links:
            self._announce(
                Entity.ACTION, ChangeKind.UPDATED, postmortem_id, tuple(snapshot.action_links)
            )
        return snapshot

    def restore_branch(self, snapshot: DeletedBranch) -> None:
        """Put a deleted branch back with the same ids, evidence and action links."""
        nodes = [WhyNode.model_validate(data) for data in snapshot.nodes]
        postmortem_id = nodes[0].postmortem_id
        with self.store.session() as session:
            for node in nodes:
                session.add(node)
                session.flush()
            for data in snapshot.evidence:
                session.add(WhyEvidence.model_validate(data))
            for action_id, why_id in snapshot.action_links.items():
                action = session.get(ActionItem, action_id)
                if action is not None:
                    action.why_node_id = why_id
                    session.add(action)
            siblings = _siblings(session, postmortem_id, nodes[0].parent_id)
            siblings.sort(key=lambda n: (n.position, n is not nodes[0]))
            _renumber(session, siblings)
            touch(session, postmortem_id)
        self._announce(
            Entity.WHY, ChangeKind.CREATED, postmortem_id, tuple(n.id or 0 for n in nodes)
        )

    def link_evidence(self, node_id: int, *, event_id: int) -> None:
        """Link a why to the timeline event that supports it."""
        with self.store.session() as session:
            node = _require_node(session, node_id)
            exists = session.exec(
                select(WhyEvidence).where(
                    WhyEvidence.why_node_id == node_id, WhyEvidence.event_id == event_id
                )
            ).first()
            if exists is None:
                session.add(WhyEvidence(why_node_id=node_id, event_id=event_id))
        self._announce(Entity.WHY, ChangeKind.UPDATED, node.postmortem_id, (node_id,))

    def unlink_evidence(self, node_id: int, *, event_id: int) -> None:
        """Remove the link between a why and a timeline event."""
        with self.store.session() as session:
            node = _require_node(session, node_id)
            for link in session.exec(
                select(WhyEvidence).where(
                    WhyEvidence.why_node_id == node_id, WhyEvidence.event_id == event_id
                )
            ).all():
                session.delete(link)
        self._announce(Entity.WHY, ChangeKind.UPDATED, node.postmortem_id, (node_id,))
