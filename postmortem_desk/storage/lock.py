"""A lock file beside the database so a second instance is told who holds it."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from postmortem_desk.storage.errors import DatabaseLockedError, StorageError


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database: process id, host and user, and since when."""

    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        """Say who holds the lock in one phrase."""
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


def _lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_holder(lock_file: Path) -> LockHolder | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockHolder(
            pid=int(data["pid"]),
            host=str(data["host"]),
            user=str(data["user"]),
            since=str(data["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class DatabaseLock:
    """Hold the lock file for one database while the app has it open."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = _lock_path(database)
        self._held = False

    def acquire(self) -> None:
        """Take the lock or raise ``DatabaseLockedError`` naming the holder.

        A lock left by a process on this host that no longer runs is taken over.
        """
        me = LockHolder(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=os.environ.get("USER") or os.environ.get("USERNAME") or "unknown user",
            since=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        )
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _read_holder(self.path)
                stale = holder is None or (
                    holder.host == me.host and not _process_alive(holder.pid)
                )
                if holder is not None and holder.pid == me.pid and holder.host == me.host:
                    stale = True
                if not stale:
                    assert holder is not None
                    raise DatabaseLockedError(
                        f"{self.database} is open in another Postmortem Desk: {holder.describe()}. "
                        "Close it there, or open a different file with --db."
                    ) from None
                self.path.unlink(missing_ok=True)
                continue
            except OSError as error:
                raise StorageError(
                    f"Cannot create the lock file {self.path}: {error.strerror}. "
                    "Choose a folder you can write to with --db."
                ) from error
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me.__dict__, handle)
            self._held = True
            return
        raise DatabaseLockedError(f"Could not take the lock on {self.database}; try again.")

    def release(self) -> None:
        """Give the lock back; safe to call twice."""
        if self._held:
            self.path.unlink(missing_ok=True)
            self._held = False
