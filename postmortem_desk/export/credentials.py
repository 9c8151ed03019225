"""Keep the Confluence token in the OS keyring, or in memory for this session when there is none.

The token never goes to the database, settings, logs, exports or error messages. Call these
functions off the GUI thread: a keyring may block while it asks the user to unlock it.
"""

from __future__ import annotations

import logging
import os

import keyring
import keyring.errors
from keyring.backends import fail

SERVICE_NAME = "postmortem-desk"
TOKEN_ENV_VAR = "POSTMORTEM_DESK_CONFLUENCE_TOKEN"

log = logging.getLogger(__name__)


def credential_key(base_url: str, user: str) -> str:
    """Return the keyring user name for one server and account."""
    return f"{base_url.rstrip('/').lower()}|{user.strip().lower()}"


class CredentialStore:
    """Read and write Confluence tokens; remember them in memory when no keyring works.

    ``session_only`` turns True once a token had to be kept in memory; the GUI says so, because
    the token is gone when the app closes.
    """

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self.session_only = False

    @staticmethod
    def keyring_available() -> bool:
        """Tell whether a real keyring backend is installed."""
        try:
            backend = keyring.get_keyring()
        except Exception:
            return False
        return not isinstance(backend, fail.Keyring)

    def get_token(self, base_url: str, user: str) -> str | None:
        """Return the token: the environment variable first, then the keyring, then memory."""
        from_env = os.environ.get(TOKEN_ENV_VAR, "").strip()
        if from_env:
            return from_env
        key = credential_key(base_url, user)
        if key in self._memory:
            return self._memory[key]
        if not self.keyring_available():
            return None
        try:
            token = keyring.get_password(SERVICE_NAME, key)
        except keyring.errors.KeyringError as error:
            log.warning("The keyring could not be read (%s).", type(error).__name__)
            return None
        return token or None

    def set_token(self, base_url: str, user: str, token: str) -> bool:
        """Store the token; return False when it is only kept in memory for this session."""
        key = credential_key(base_url, user)
        token = token.strip()
        if self.keyring_available():
            try:
                keyring.set_password(SERVICE_NAME, key, token)
            except keyring.errors.KeyringError as error:
                log.warning("The keyring refused the token (%s).", type(error).__name__)
            else:
                self._memory.pop(key, None)
                return True
        self._memory[key] = token
        self.session_only = True
        return False

    def delete_token(self, base_url: str, user: str) -> None:
        """Forget the token everywhere this store put it."""
        key = credential_key(base_url, user)
        self._memory.pop(key, None)
        if self.keyring_available():
            try:
                keyring.delete_password(SERVICE_NAME, key)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as error:
                log.warning("The keyring could not forget the token (%s).", type(error).__name__)
