"""Undoable edits of the people in a postmortem, shared by the Prepare and Roles steps.

People are found by name when a command runs, not by the id they had when it was pushed: the
people service cannot put a removed participant back under the same id, so a person re-added by
undo or redo gets a new one. Names are unique within a postmortem, which keeps this exact.
"""

from __future__ import annotations

from typing import Any

from postmortem_desk.domain.enums import RoleKind
from postmortem_desk.domain.models import Participant
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.services.base import NotFoundError, ValidationError
from postmortem_desk.services.readiness import participant_id_named


class UndoablePeople:
    """Add, remove, invite and give roles to people through the controller's undo stack."""

    def __init__(self, controller: PostmortemController) -> None:
        self.controller = controller

    @property
    def _people(self) -> list[Participant]:
        return self.controller.services.postmortems.load(self.controller.postmortem_id).participants

    def id_of(self, name: str) -> int:
        """Return the current id of the participant called ``name``."""
        found = participant_id_named(self._people, name)
        if found is None:
            raise NotFoundError(f"{name} is not a participant of this postmortem.")
        return found

    def check_new_name(self, name: str) -> str:
        """Return the trimmed name, or raise ``ValidationError`` if it is empty or taken."""
        name = " ".join(name.split())
        if not name:
            raise ValidationError("Type the person's name first.")
        known = participant_id_named(self.controller.bundle.participants, name)
        if known is not None:
            raise ValidationError(f"{name} is already on the list of people.")
        return name

    def add(self, name: str, *, team: str = "", invited: bool = False) -> int:
        """Add a person as one undoable edit and return their id."""
        name = self.check_new_name(name)
        snapshot: dict[str, Any] = {
            "name": name,
            "team": team.strip(),
            "email": "",
            "handle": "",
            "invited": invited,
            "roles": [],
        }
        return self.controller.push_create(
            f"Add {name}",
            lambda: self.restore(snapshot),
            lambda _row_id: self.remove_named(name),
            self.restore,
        )

    def remove(self, name: str) -> None:
        """Remove a person, and the roles they hold, as one undoable edit."""
        self.controller.push_delete(
            f"Remove {name}",
            self.id_of(name),
            lambda _row_id: self.remove_named(name),
            self.restore,
        )

    def set_invited(self, name: str, invited: bool) -> None:
        """Tick or clear a person's Invited box as one undoable edit."""
        self.controller.push_update(
            f"Invite {name}" if invited else f"Mark {name} as not invited",
            lambda values: self.controller.services.people.update_participant(
                self.id_of(name), invited=values["invited"]
            ),
            {"invited": not invited},
            {"invited": invited},
        )

    def holders(self, role: RoleKind) -> list[str]:
        """Return the names of the people holding ``role`` now."""
        return [person.name for person in self.controller.bundle.people_in_role(role)]

    def set_holders(self, role: RoleKind, names: list[str]) -> None:
        """Make exactly these people hold ``role``, as one undoable edit."""
        who = ", ".join(names) if names else "nobody"
        self.controller.push_update(
            f"Make {who} {role.label.lower()}",
            lambda values: self.controller.services.people.set_role_holders(
                self.controller.postmortem_id,
                role=role,
                participant_ids=[self.id_of(name) for name in values["names"]],
            ),
            {"names": self.holders(role)},
            {"names": list(names)},
        )

    def remove_named(self, name: str) -> dict[str, Any]:
        """Remove a person now and return what ``restore`` needs to bring them back."""
        person_id = self.id_of(name)
        person = next(p for p in self._people if p.id == person_id)
        roles = self.controller.services.postmortems.load(self.controller.postmortem_id).roles_of(
            person_id
        )
        snapshot: dict[str, Any] = {
            "name": person.name,
            "team": person.team,
            "email": person.email,
            "handle": person.handle,
            "invited": person.invited,
            "roles": [role.value for role in roles],
        }
        self.controller.services.people.remove_participant(person_id)
        return snapshot

    def restore(self, snapshot: dict[str, Any]) -> Participant:
        """Add a person from a snapshot, with their invitation and roles."""
        people = self.controller.services.people
        pm_id = self.controller.postmortem_id
        person = people.add_participant(
            pm_id,
            name=snapshot["name"],
            team=snapshot["team"],
            email=snapshot["email"],
            handle=snapshot["handle"],
        )
        person_id = person.id
        assert person_id is not None
        if snapshot["invited"]:
            person = people.update_participant(person_id, invited=True)
        for role in snapshot["roles"]:
            people.assign_role(pm_id, participant_id=person_id, role=RoleKind(role))
        return person
