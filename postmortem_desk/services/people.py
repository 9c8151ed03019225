"""Participants and the roles they hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from postmortem_desk.domain.enums import RoleKind
from postmortem_desk.domain.models import Participant, RoleAssignment
from postmortem_desk.services.base import (
    ChangeKind,
    Entity,
    NotFoundError,
    Service,
    ValidationError,
)
from postmortem_desk.services.postmortems import require_postmortem, touch

PARTICIPANT_FIELDS = frozenset({"name", "team", "email", "handle", "invited"})


@dataclass(frozen=True)
class DeletedParticipant:
    """Everything needed to put a deleted participant back with the same id and roles."""

    participant: dict[str, Any]
    roles: list[RoleKind] = field(default_factory=list)


def _require_unique_name(
    session: Session, postmortem_id: int, name: str, participant_id: int | None = None
) -> None:
    """Refuse a name another participant of the postmortem already has."""
    existing = session.exec(
        select(Participant).where(
            Participant.postmortem_id == postmortem_id,
            Participant.name == name,
            Participant.id != participant_id,
        )
    ).first()
    if existing is not None:
        raise ValidationError(f"{name} is already a participant of this postmortem.")


class PeopleService(Service):
    """Add, edit and remove participants; assign and unassign roles."""

    def add_participant(
        self, postmortem_id: int, *, name: str, team: str = "", email: str = "", handle: str = ""
    ) -> Participant:
        """Add a person to the postmortem; names must be unique within it."""
        name = name.strip()
        if not name:
            raise ValidationError("A participant needs a name.")
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            _require_unique_name(session, postmortem_id, name)
            person = Participant(
                postmortem_id=postmortem_id,
                name=name,
                team=team.strip(),
                email=email.strip(),
                handle=handle.strip().lstrip("@"),
            )
            session.add(person)
            session.flush()
            touch(session, postmortem_id)
        assert person.id is not None
        self._announce(Entity.PARTICIPANT, ChangeKind.CREATED, postmortem_id, (person.id,))
        return person

    def update_participant(self, participant_id: int, **changes: Any) -> Participant:
        """Change a participant's name, team, e-mail, handle or invited flag."""
        unknown = set(changes) - PARTICIPANT_FIELDS
        if unknown:
            raise ValidationError(f"Unknown participant field(s): {', '.join(sorted(unknown))}.")
        if "name" in changes and not str(changes["name"]).strip():
            raise ValidationError("A participant needs a name.")
        with self.store.session() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise NotFoundError(f"There is no participant with id {participant_id}.")
            if "name" in changes:
                _require_unique_name(
                    session, person.postmortem_id, str(changes["name"]).strip(), participant_id
                )
            for key, value in changes.items():
                setattr(person, key, value.strip() if isinstance(value, str) else value)
            session.add(person)
            touch(session, person.postmortem_id)
        self._announce(
            Entity.PARTICIPANT,
            ChangeKind.UPDATED,
            person.postmortem_id,
            (participant_id,),
            frozenset(changes),
        )
        return person

    def remove_participant(self, participant_id: int) -> None:
        """Remove a participant and the roles they held."""
        self.delete_participant(participant_id)

    def delete_participant(self, participant_id: int) -> DeletedParticipant:
        """Remove a participant and their roles; return what ``restore_participant`` needs."""
        with self.store.session() as session:
            person = session.get(Participant, participant_id)
            if person is None:
                raise NotFoundError(f"There is no participant with id {participant_id}.")
            postmortem_id = person.postmortem_id
            snapshot = DeletedParticipant(
                participant=person.model_dump(),
                roles=[
                    assignment.role
                    for assignment in session.exec(
                        select(RoleAssignment)
                        .where(RoleAssignment.participant_id == participant_id)
                        .order_by(col(RoleAssignment.id))
                    ).all()
                ],
            )
            session.delete(person)
            touch(session, postmortem_id)
        self._announce(Entity.PARTICIPANT, ChangeKind.DELETED, postmortem_id, (participant_id,))
        return snapshot

    def restore_participant(self, snapshot: DeletedParticipant) -> Participant:
        """Put a deleted participant back with the same id, details and roles."""
        person = Participant.model_validate(snapshot.participant)
        if person.id is None:
            raise ValidationError("Only a participant that was saved can be restored.")
        with self.store.session() as session:
            require_postmortem(session, person.postmortem_id)
            _require_unique_name(session, person.postmortem_id, person.name)
            if session.get(Participant, person.id) is not None:
                raise ValidationError(
                    f"{person.name} cannot be put back: someone added since holds their place."
                )
            session.add(person)
            session.flush()
            for role in dict.fromkeys(snapshot.roles):
                session.add(
                    RoleAssignment(
                        postmortem_id=person.postmortem_id, participant_id=person.id, role=role
                    )
                )
            touch(session, person.postmortem_id)
        self._announce(Entity.PARTICIPANT, ChangeKind.CREATED, person.postmortem_id, (person.id,))
        if snapshot.roles:
            self._announce(Entity.ROLE, ChangeKind.UPDATED, person.postmortem_id, (person.id,))
        return person

    def assign_role(self, postmortem_id: int, *, participant_id: int, role: RoleKind) -> None:
        """Give a participant a role; assigning twice changes nothing."""
        with self.store.session() as session:
            person = session.get(Participant, participant_id)
            if person is None or person.postmortem_id != postmortem_id:
                raise NotFoundError(f"There is no participant with id {participant_id} here.")
            existing = session.exec(
                select(RoleAssignment).where(
                    RoleAssignment.participant_id == participant_id, RoleAssignment.role == role
                )
            ).first()
            if existing is None:
                session.add(
                    RoleAssignment(
                        postmortem_id=postmortem_id, participant_id=participant_id, role=role
                    )
                )
                touch(session, postmortem_id)
        self._announce(Entity.ROLE, ChangeKind.UPDATED, postmortem_id, (participant_id,))

    def unassign_role(self, postmortem_id: int, *, participant_id: int, role: RoleKind) -> None:
        """Take a role away from a participant."""
        with self.store.session() as session:
            for assignment in session.exec(
                select(RoleAssignment).where(
                    RoleAssignment.postmortem_id == postmortem_id,
                    RoleAssignment.participant_id == participant_id,
                    RoleAssignment.role == role,
                )
            ).all():
                session.delete(assignment)
            touch(session, postmortem_id)
        self._announce(Entity.ROLE, ChangeKind.UPDATED, postmortem_id, (participant_id,))

    def set_role_holders(
        self, postmortem_id: int, *, role: RoleKind, participant_ids: list[int]
    ) -> None:
        """Make exactly these participants hold ``role``; all must belong to the postmortem."""
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            wanted = list(dict.fromkeys(participant_ids))
            members = set(
                session.exec(
                    select(Participant.id).where(
                        Participant.postmortem_id == postmortem_id,
                        col(Participant.id).in_(wanted),
                    )
                ).all()
            )
            strangers = [str(pid) for pid in wanted if pid not in members]
            if strangers:
                raise ValidationError(
                    f"Only participants of this postmortem can be {role.label.lower()}; "
                    f"participant id(s) {', '.join(strangers)} are not on its list of people."
                )
            for assignment in session.exec(
                select(RoleAssignment).where(
                    RoleAssignment.postmortem_id == postmortem_id, RoleAssignment.role == role
                )
            ).all():
                session.delete(assignment)
            for participant_id in wanted:
                session.add(
                    RoleAssignment(
                        postmortem_id=postmortem_id, participant_id=participant_id, role=role
                    )
                )
            touch(session, postmortem_id)
        self._announce(Entity.ROLE, ChangeKind.UPDATED, postmortem_id, tuple(participant_ids))
