"""Participants and roles: unique names, several roles per person, roles go with the person."""

from __future__ import annotations

import pytest

from postmortem_desk.domain.enums import RoleKind
from postmortem_desk.domain.models import Postmortem
from postmortem_desk.services.base import Change, ChangeKind, Entity, NotFoundError, ValidationError
from postmortem_desk.services.registry import Services


@pytest.fixture
def pm(services: Services) -> Postmortem:
    """Return a new postmortem to add people to."""
    return services.postmortems.create(title="People")


def test_add_participant_trims_and_strips_the_handle(services: Services, pm: Postmortem) -> None:
    """Store a trimmed name and team and a handle without its @."""
    assert pm.id is not None
    person = services.people.add_participant(
        pm.id, name=" Ada Lovelace ", team=" Analytics ", handle=" @ada "
    )
    assert (person.name, person.team, person.handle) == ("Ada Lovelace", "Analytics", "ada")
    assert services.postmortems.load(pm.id).participant_names() == ["Ada Lovelace"]


def test_names_are_unique_within_a_postmortem(services: Services, pm: Postmortem) -> None:
    """Refuse a second person with the same name, in the same postmortem only."""
    other = services.postmortems.create(title="Other")
    assert pm.id
    assert other.id
    services.people.add_participant(pm.id, name="Ada")
    with pytest.raises(ValidationError, match="Ada is already a participant"):
        services.people.add_participant(pm.id, name=" Ada ")
    services.people.add_participant(other.id, name="Ada")
    with pytest.raises(ValidationError, match="needs a name"):
        services.people.add_participant(pm.id, name="  ")


def test_renaming_onto_another_name_is_refused(services: Services, pm: Postmortem) -> None:
    """Keep names unique when a participant is renamed too."""
    assert pm.id is not None
    services.people.add_participant(pm.id, name="Ada")
    grace = services.people.add_participant(pm.id, name="Grace")
    assert grace.id is not None
    with pytest.raises(ValidationError, match="Ada is already a participant"):
        services.people.update_participant(grace.id, name=" Ada ")
    services.people.update_participant(grace.id, name="Grace")
    services.people.update_participant(grace.id, name=" Grace Hopper ", team="Navy")
    assert services.postmortems.load(pm.id).participant_names() == ["Ada", "Grace Hopper"]


def test_update_participant_refuses_unknown_fields(services: Services, pm: Postmortem) -> None:
    """Refuse fields a participant does not have, an empty name, and unknown ids."""
    assert pm.id is not None
    person = services.people.add_participant(pm.id, name="Ada")
    assert person.id is not None
    with pytest.raises(ValidationError, match="postmortem_id"):
        services.people.update_participant(person.id, postmortem_id=99)
    with pytest.raises(ValidationError, match="needs a name"):
        services.people.update_participant(person.id, name=" ")
    with pytest.raises(NotFoundError):
        services.people.update_participant(999, team="x")


def test_roles_assign_unassign_and_set(services: Services, pm: Postmortem) -> None:
    """Let a person hold several roles, ignore double assignment, and replace role holders."""
    assert pm.id is not None
    ada = services.people.add_participant(pm.id, name="Ada")
    grace = services.people.add_participant(pm.id, name="Grace")
    assert ada.id
    assert grace.id
    services.people.assign_role(pm.id, participant_id=ada.id, role=RoleKind.FACILITATOR)
    services.people.assign_role(pm.id, participant_id=ada.id, role=RoleKind.FACILITATOR)
    services.people.assign_role(pm.id, participant_id=ada.id, role=RoleKind.NOTE_TAKER)
    bundle = services.postmortems.load(pm.id)
    assert bundle.roles_of(ada.id) == [RoleKind.FACILITATOR, RoleKind.NOTE_TAKER]
    assert len(bundle.roles) == 2

    services.people.unassign_role(pm.id, participant_id=ada.id, role=RoleKind.NOTE_TAKER)
    services.people.set_role_holders(
        pm.id, role=RoleKind.FACILITATOR, participant_ids=[grace.id, grace.id]
    )
    bundle = services.postmortems.load(pm.id)
    assert bundle.people_in_role(RoleKind.FACILITATOR) == [
        p for p in bundle.participants if p.id == grace.id
    ]
    assert bundle.roles_of(ada.id) == []


def test_role_for_someone_of_another_postmortem_is_refused(
    services: Services, pm: Postmortem
) -> None:
    """Refuse to give a role in one postmortem to a participant of another."""
    other = services.postmortems.create(title="Other")
    assert pm.id
    assert other.id
    stranger = services.people.add_participant(other.id, name="Stranger")
    with pytest.raises(NotFoundError):
        services.people.assign_role(pm.id, participant_id=stranger.id or 0, role=RoleKind.OWNER)


def test_removing_a_person_removes_their_roles(
    services: Services, pm: Postmortem, changes: list[Change]
) -> None:
    """Delete the person's role assignments with them (foreign keys cascade)."""
    assert pm.id is not None
    ada = services.people.add_participant(pm.id, name="Ada")
    assert ada.id is not None
    services.people.assign_role(pm.id, participant_id=ada.id, role=RoleKind.OWNER)
    services.people.remove_participant(ada.id)
    bundle = services.postmortems.load(pm.id)
    assert bundle.participants == []
    assert bundle.roles == []
    assert [(c.entity, c.kind, c.ids) for c in changes] == [
        (Entity.PARTICIPANT, ChangeKind.CREATED, (ada.id,)),
        (Entity.ROLE, ChangeKind.UPDATED, (ada.id,)),
        (Entity.PARTICIPANT, ChangeKind.DELETED, (ada.id,)),
    ]
    with pytest.raises(NotFoundError):
        services.people.remove_participant(ada.id)


def test_delete_and_restore_a_participant_keeps_the_id_and_roles(
    services: Services, pm: Postmortem, changes: list[Change]
) -> None:
    """Bring a deleted person back with the same id, details, invitation and roles."""
    assert pm.id is not None
    ada = services.people.add_participant(pm.id, name="Ada", team="Analytics", handle="ada")
    services.people.add_participant(pm.id, name="Grace")
    assert ada.id is not None
    services.people.update_participant(ada.id, invited=True)
    services.people.assign_role(pm.id, participant_id=ada.id, role=RoleKind.OWNER)
    services.people.assign_role(pm.id, participant_id=ada.id, role=RoleKind.NOTE_TAKER)
    del changes[:]

    snapshot = services.people.delete_participant(ada.id)
    bundle = services.postmortems.load(pm.id)
    assert bundle.participant_names() == ["Grace"]
    assert bundle.roles == []
    assert snapshot.roles == [RoleKind.OWNER, RoleKind.NOTE_TAKER]

    restored = services.people.restore_participant(snapshot)
    assert restored.id == ada.id
    bundle = services.postmortems.load(pm.id)
    back = next(p for p in bundle.participants if p.id == ada.id)
    assert (back.name, back.team, back.handle, back.invited) == ("Ada", "Analytics", "ada", True)
    assert set(bundle.roles_of(ada.id)) == {RoleKind.OWNER, RoleKind.NOTE_TAKER}
    assert [(c.entity, c.kind, c.ids) for c in changes] == [
        (Entity.PARTICIPANT, ChangeKind.DELETED, (ada.id,)),
        (Entity.PARTICIPANT, ChangeKind.CREATED, (ada.id,)),
        (Entity.ROLE, ChangeKind.UPDATED, (ada.id,)),
    ]
    with pytest.raises(NotFoundError):
        services.people.delete_participant(999)


def test_restore_refuses_a_participant_already_back_or_a_name_now_taken(
    services: Services, pm: Postmortem
) -> None:
    """Refuse a second restore, a restore onto a name now taken and onto an id now taken."""
    assert pm.id is not None
    ada = services.people.add_participant(pm.id, name="Ada")
    assert ada.id is not None
    snapshot = services.people.delete_participant(ada.id)
    services.people.restore_participant(snapshot)
    with pytest.raises(ValidationError, match="Ada is already a participant"):
        services.people.restore_participant(snapshot)

    snapshot = services.people.delete_participant(ada.id)
    services.people.add_participant(pm.id, name="Ada")
    with pytest.raises(ValidationError, match="Ada is already a participant"):
        services.people.restore_participant(snapshot)
    assert services.postmortems.load(pm.id).participant_names() == ["Ada"]

    newcomer = services.people.update_participant(snapshot.participant["id"], name="Grace")
    assert newcomer.id == ada.id
    with pytest.raises(ValidationError, match="Ada cannot be put back"):
        services.people.restore_participant(snapshot)
    assert services.postmortems.load(pm.id).participant_names() == ["Grace"]


def test_role_holders_must_belong_to_the_postmortem(services: Services, pm: Postmortem) -> None:
    """Refuse role holders from another postmortem or unknown ids and keep the old holders."""
    other = services.postmortems.create(title="Other")
    assert pm.id is not None
    assert other.id is not None
    ada = services.people.add_participant(pm.id, name="Ada")
    stranger = services.people.add_participant(other.id, name="Stranger")
    assert ada.id is not None
    assert stranger.id is not None
    services.people.set_role_holders(pm.id, role=RoleKind.OWNER, participant_ids=[ada.id])
    for ids in ([ada.id, stranger.id], [999]):
        with pytest.raises(ValidationError, match=r"Only participants of this postmortem .* owner"):
            services.people.set_role_holders(pm.id, role=RoleKind.OWNER, participant_ids=ids)
    bundle = services.postmortems.load(pm.id)
    assert [p.id for p in bundle.people_in_role(RoleKind.OWNER)] == [ada.id]
    assert services.postmortems.load(other.id).roles == []
