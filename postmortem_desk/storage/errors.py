"""Errors a user can act on when the database file cannot be used."""

from postmortem_desk.domain.errors import UserFacingError


class StorageError(UserFacingError):
    """The database cannot be opened, migrated or written; the message says why and what to do."""


class DatabaseLockedError(StorageError):
    """Another running instance holds the database file."""
