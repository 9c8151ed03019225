"""Export and publish GUI fixtures: an in-memory keyring, a fake Confluence, a fast client."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "export"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_gui_support import TOKEN
from fake_confluence import FakeConfluence


class MemoryKeyring(KeyringBackend):
    """Keep passwords in a dict for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """Return the stored password or None."""
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a password."""
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Forget a password."""
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Install an in-memory keyring for the test and restore the previous one afterwards."""
    monkeypatch.delenv("POSTMORTEM_DESK_CONFLUENCE_TOKEN", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Install the keyring package's own "no backend" keyring, as on a bare Linux box."""
    from keyring.backends import fail

    monkeypatch.delenv("POSTMORTEM_DESK_CONFLUENCE_TOKEN", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def fake() -> Iterator[FakeConfluence]:
    """Run a fake Confluence on 127.0.0.1 for one test."""
    server = FakeConfluence(token=TOKEN).start()
    yield server
    server.stop()
