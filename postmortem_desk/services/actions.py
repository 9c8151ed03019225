"""Action items of one postmortem: create with a policy due date, edit, close, delete, restore."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import col, select

from postmortem_desk.domain.enums import ActionStatus, ActionType, Priority
from postmortem_desk.domain.models import ActionItem, ParkingLotItem, Postmortem
from postmortem_desk.domain.rules import DueDatePolicy
from postmortem_desk.domain.types import utc_now
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem, touch

ACTION_FIELDS = frozenset(
    {
        "title", "description", "action_type", "priority", "owner", "team", "due_date",
        "status", "wont_do_reason", "ticket_key", "ticket_url", "why_node_id", "position",
        "snoozed_until",
    }
)  # fmt: skip


def meeting_day(postmortem: Postmortem, today: date | None = None) -> date:
    """Return the day due dates count from: the meeting date, else today."""
    if postmortem.meeting_date is not None:
        return postmortem.meeting_date.date()
    return today or date.today()


def _apply_status(item: ActionItem, status: ActionStatus, reason: str) -> None:
    if status == ActionStatus.WONT_DO and not reason.strip():
        raise ValidationError(
            f"“{item.title}” is marked won't do: write the reason so the team knows why."
        )
    item.status = status
    item.wont_do_reason = reason.strip() if status == ActionStatus.WONT_DO else ""
    if status == ActionStatus.DONE:
        item.completed_at = item.completed_at or utc_now()
    else:
        item.completed_at = None


class ActionService(Service):
    """Use cases on the action items of a postmortem."""

    def __init__(self, *args: Any, policy: DueDatePolicy | None = None) -> None:
        super().__init__(*args)
        self.policy = policy or DueDatePolicy()

    def default_due_date(
        self, postmortem_id: int, priority: Priority, today: date | None = None
    ) -> date:
        """Return the due date the policy gives a new item of ``priority``."""
        with self.store.session() as session:
            postmortem = require_postmortem(session, postmortem_id)
        return self.policy.due_date(
            severity=postmortem.severity,
            priority=priority,
            meeting_day=meeting_day(postmortem, today),
        )

    def add(
        self,
        postmortem_id: int,
        *,
        title: str,
        action_type: ActionType = ActionType.PREVENT,
        priority: Priority = Priority.P1,
        owner: str = "",
        team: str = "",
        due_date: date | None = None,
        why_node_id: int | None = None,
        description: str = "",
        ticket_key: str = "",
        ticket_url: str = "",
    ) -> ActionItem:
        """Add an action item; without a due date the policy picks one."""
        title = title.strip()
        if not title:
            raise ValidationError("An action item needs a title.")
        if due_date is None:
            due_date = self.default_due_date(postmortem_id, priority)
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            count = len(
                session.exec(
                    select(ActionItem.id).where(ActionItem.postmortem_id == postmortem_id)
                ).all()
            )
            item = ActionItem(
                postmortem_id=postmortem_id,
                title=title,
                action_type=action_type,
                priority=priority,
                owner=owner.strip(),
                team=team.strip(),
                due_date=due_date,
                why_node_id=why_node_id,
                description=description,
                ticket_key=ticket_key.strip(),
                ticket_url=ticket_url.strip(),
                position=count,
            )
            session.add(item)
            session.flush()
            touch(session, postmortem_id)
        assert item.id is not None
        self._announce(Entity.ACTION, ChangeKind.CREATED, postmortem_id, (item.id,))
        return item

    def update(self, action_id: int, **changes: Any) -> ActionItem:
        """Change fields of an item; a status change keeps completion and reason consistent."""
        unknown = set(changes) - ACTION_FIELDS
        if unknown:
            raise ValidationError(f"Unknown action item field(s): {', '.join(sorted(unknown))}.")
        if "title" in changes and not str(changes["title"]).strip():
            raise ValidationError("An action item needs a title.")
        with self.store.session() as session:
            item = session.get(ActionItem, action_id)
            if item is None:
                raise NotFoundError(f"There is no action item with id {action_id}.")
            status = changes.pop("status", None)
            reason = changes.pop("wont_do_reason", item.wont_do_reason)
            for key, value in changes.items():
                setattr(item, key, value.strip() if isinstance(value, str) else value)
            if status is not None:
                _apply_status(item, ActionStatus(status), str(reason))
            elif item.status == ActionStatus.WONT_DO:
                _apply_status(item, item.status, str(reason))
            session.add(item)
            touch(session, item.postmortem_id)
        self._announce(Entity.ACTION, ChangeKind.UPDATED, item.postmortem_id, (action_id,))
        return item

    def set_status(self, action_id: int, *, status: ActionStatus, reason: str = "") -> ActionItem:
        """Move an item to ``status``; won't do needs a reason."""
        return self.update(action_id, status=status, wont_do_reason=reason)

    def delete(self, action_id: int) -> dict[str, Any]:
        """Delete an item and return its data so ``restore`` can undo it."""
        with self.store.session() as session:
            item = session.get(ActionItem, action_id)
            if item is None:
                raise NotFoundError(f"There is no action item with id {action_id}.")
            data = item.model_dump()
            session.delete(item)
            touch(session, item.postmortem_id)
        self._announce(Entity.ACTION, ChangeKind.DELETED, item.postmortem_id, (action_id,))
        return data

    def restore(self, data: dict[str, Any]) -> ActionItem:
        """Put a deleted action item back with the same id."""
        item = ActionItem.model_validate(data)
        with self.store.session() as session:
            session.add(item)
            touch(session, item.postmortem_id)
        assert item.id is not None
        self._announce(Entity.ACTION, ChangeKind.CREATED, item.postmortem_id, (item.id,))
        return item

    def from_parking_lot(self, parking_item_id: int) -> ActionItem:
        """Turn a parking-lot item into an action item and link the two."""
        with self.store.session() as session:
            parked = session.get(ParkingLotItem, parking_item_id)
            if parked is None:
                raise NotFoundError(f"There is no parking-lot item with id {parking_item_id}.")
            if parked.action_item_id is not None:
                existing = session.get(ActionItem, parked.action_item_id)
                if existing is not None:
                    return existing
        item = self.add(parked.postmortem_id, title=parked.text)
        with self.store.session() as session:
            parked_row = session.get(ParkingLotItem, parking_item_id)
            assert parked_row is not None
            parked_row.action_item_id = item.id
            session.add(parked_row)
        self._announce(Entity.PARKING, ChangeKind.UPDATED, item.postmortem_id, (parking_item_id,))
        return item

    def list_for(self, postmortem_id: int) -> list[ActionItem]:
        """Return a postmortem's action items in their order."""
        with self.store.session() as session:
            return list(
                session.exec(
                    select(ActionItem)
                    .where(ActionItem.postmortem_id == postmortem_id)
                    .order_by(col(ActionItem.position), col(ActionItem.id))
                ).all()
            )
