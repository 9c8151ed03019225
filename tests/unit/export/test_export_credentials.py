"""Where the Confluence token is kept: keyring, memory for the session, or the environment."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
from conftest import MemoryKeyring
from keyring.backends import fail

from postmortem_desk.export.credentials import (
    SERVICE_NAME,
    TOKEN_ENV_VAR,
    CredentialStore,
    credential_key,
)

URL = "https://example.atlassian.net"


def test_the_token_goes_to_the_keyring_under_server_and_user(
    memory_keyring: MemoryKeyring,
) -> None:
    store = CredentialStore()

    assert store.set_token(URL + "/", "Ana@Example.com", "secret-1")

    assert memory_keyring.passwords == {
        (SERVICE_NAME, credential_key(URL, "ana@example.com")): "secret-1"
    }
    assert store.get_token(URL, "ana@example.com") == "secret-1"
    assert not store.session_only
    store.delete_token(URL, "ana@example.com")
    assert store.get_token(URL, "ana@example.com") is None


def test_the_environment_variable_overrides_the_keyring(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CredentialStore()
    store.set_token(URL, "ana", "from-keyring")
    monkeypatch.setenv(TOKEN_ENV_VAR, "from-env")

    assert store.get_token(URL, "ana") == "from-env"


def test_without_a_keyring_the_token_lives_in_memory_for_the_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(TOKEN_ENV_VAR, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = CredentialStore()
        assert not store.keyring_available()

        assert store.set_token(URL, "ana", "secret-2") is False

        assert store.session_only
        assert store.get_token(URL, "ana") == "secret-2"
        assert CredentialStore().get_token(URL, "ana") is None
    finally:
        keyring.set_keyring(previous)


class BrokenKeyring(MemoryKeyring):
    """A keyring whose storage is locked."""

    def set_password(self, service: str, username: str, password: str) -> None:
        """Refuse like a locked keychain."""
        raise keyring.errors.PasswordSetError("locked")


def test_a_keyring_that_refuses_falls_back_to_memory_without_logging_the_token(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(TOKEN_ENV_VAR, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        store = CredentialStore()
        assert store.set_token(URL, "ana", "secret-3") is False
        assert store.session_only
        assert store.get_token(URL, "ana") == "secret-3"
    finally:
        keyring.set_keyring(previous)
    assert "secret-3" not in caplog.text
