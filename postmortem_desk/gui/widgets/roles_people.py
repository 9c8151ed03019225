"""Undoable edits of the people in a postmortem, shared by the Prepare and Roles steps.

The pages name people; each edit looks the person's id up once, when it is pushed. Undo and redo
replay by id, which stays the same because a removed person is restored under their old id.
"""

from __future__ import annotations

from postmortem_desk.domain.enums import RoleKind
from postmortem_desk.domain.models import Participant
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.services.base import NotFoundError, ValidationError
from postmortem_desk.services.readiness import participant_id_named


class UndoablePeople:
    """Add, remove, invite and give roles to people through the controller's undo stack."""

    def __init__(self, controller: PostmortemController) -> None:
        self.controller = controller

    def id_of(self, name: str) -> int:
        """Return the id of the participant called ``name``."""
        found = participant_id_named(self.controller.bundle.participants, name)
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
        people = self.controller.services.people
        pm_id = self.controller.postmortem_id

        def create() -> Participant:
            person = people.add_participant(pm_id, name=name, team=team)
            if invited and person.id is not None:
                person = people.update_participant(person.id, invited=True)
            return person

        return self.controller.push_create(
            f"Add {name}", create, people.delete_participant, people.restore_participant
        )

    def remove(self, name: str) -> None:
        """Remove a person, and the roles they hold, as one undoable edit."""
        people = self.controller.services.people
        self.controller.push_delete(
            f"Remove {name}",
            self.id_of(name),
            people.delete_participant,
            people.restore_participant,
        )

    def set_invited(self, name: str, invited: bool) -> None:
        """Tick or clear a person's Invited box as one undoable edit."""
        person_id = self.id_of(name)
        self.controller.push_update(
            f"Invite {name}" if invited else f"Mark {name} as not invited",
            lambda values: self.controller.services.people.update_participant(
                person_id, invited=values["invited"]
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
        before = [person.id or 0 for person in self.controller.bundle.people_in_role(role)]
        self.controller.push_update(
            f"Make {who} {role.label.lower()}",
            lambda values: self.controller.services.people.set_role_holders(
                self.controller.postmortem_id, role=role, participant_ids=values["ids"]
            ),
            {"ids": before},
            {"ids": [self.id_of(name) for name in names]},
        )
