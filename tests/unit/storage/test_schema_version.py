"""The fast-path schema constant stays equal to Alembic's head revision."""

from __future__ import annotations

from postmortem_desk.storage.migrate import head_revision
from postmortem_desk.storage.schema_version import HEAD_REVISION


def test_head_revision_constant_matches_the_migrations() -> None:
    assert head_revision() == HEAD_REVISION, (
        "A migration was added: set HEAD_REVISION in storage/schema_version.py to its id"
    )
