"""Errors of the export and publishing layer, each worded for the person who has to act."""

from __future__ import annotations

from postmortem_desk.domain.errors import UserFacingError


class ExportError(UserFacingError):
    """A report could not be written; the message names the file and what to do."""


class ExportCancelledError(Exception):
    """The user pressed Cancel; nothing was written."""


class StorageFormatError(ExportError):
    """The Confluence page body failed local validation and was not sent."""


class ConfluenceError(UserFacingError):
    """Confluence refused or could not be reached; the message never contains the token."""

    retryable = False


class ConfluenceUnreachableError(ConfluenceError):
    """The server could not be reached (offline, DNS, timeout); the outbox tries again later."""

    retryable = True


class ConfluenceRateLimitedError(ConfluenceError):
    """The server kept answering 429 after the allowed retries; try again later."""

    retryable = True


class ConfluenceAuthError(ConfluenceError):
    """The server did not accept the credentials (401, or an anonymous identity)."""


class ConfluencePermissionError(ConfluenceError):
    """The account may not do this (403)."""


class ConfluenceNotFoundError(ConfluenceError):
    """The space, parent page or published page does not exist or is hidden (404)."""


class ConfluenceConflictError(ConfluenceError):
    """Someone changed the page since we last published it (409); overwrite or cancel."""

    def __init__(self, message: str, *, page_id: str, server_version: int) -> None:
        super().__init__(message)
        self.page_id = page_id
        self.server_version = server_version


class CredentialError(UserFacingError):
    """The token could not be read or stored; the message says where to set it instead."""
