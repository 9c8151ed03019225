"""The lock file: a second instance is told who holds the file; stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from postmortem_desk.storage.database import open_database
from postmortem_desk.storage.errors import DatabaseLockedError
from postmortem_desk.storage.lock import DatabaseLock

HoldDatabase = Callable[[Path], subprocess.Popen[str]]
HOLDER_USER = "holder-of-the-lock"  # set by the ``hold_in_other_process`` fixture


def _lock_file(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _dead_pid() -> int:
    """Return the pid of a process that has already exited."""
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(finished.stdout)


def _write_lock(database: Path, *, pid: int, host: str, user: str = "someone") -> None:
    _lock_file(database).write_text(
        json.dumps({"pid": pid, "host": host, "user": user, "since": "2026-11-24 09:00 UTC"}),
        encoding="utf-8",
    )


def test_lock_file_names_this_process_and_goes_on_close(existing_library: Path) -> None:
    """Write pid, host and user into the lock file while open; remove it on close."""
    database = open_database(existing_library)
    try:
        holder = json.loads(_lock_file(existing_library).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid()
        assert holder["host"] == socket.gethostname()
    finally:
        database.close()
    assert not _lock_file(existing_library).exists()


def test_second_instance_is_told_who_holds_the_file(
    existing_library: Path, hold_in_other_process: HoldDatabase
) -> None:
    """Refuse a second open while another process holds the file, naming user, host and pid."""
    holder = hold_in_other_process(existing_library)
    with pytest.raises(DatabaseLockedError) as caught:
        open_database(existing_library)
    message = str(caught.value)
    assert str(existing_library) in message
    assert HOLDER_USER in message
    assert socket.gethostname() in message
    assert f"process {holder.pid}" in message
    assert "--db" in message


def test_lock_is_free_again_after_the_holder_closes(
    existing_library: Path, hold_in_other_process: HoldDatabase
) -> None:
    """Open the file once the other instance has closed it."""
    holder = hold_in_other_process(existing_library)
    holder.communicate(input="", timeout=30)
    assert holder.returncode == 0
    database = open_database(existing_library)
    database.close()


def test_stale_lock_of_a_dead_process_is_taken_over(existing_library: Path) -> None:
    """Take over a lock left on this host by a process that no longer runs."""
    _write_lock(existing_library, pid=_dead_pid(), host=socket.gethostname())
    database = open_database(existing_library)
    try:
        holder = json.loads(_lock_file(existing_library).read_text(encoding="utf-8"))
        assert holder["pid"] == os.getpid()
    finally:
        database.close()
    assert not _lock_file(existing_library).exists()


def test_unreadable_lock_file_is_taken_over(existing_library: Path) -> None:
    """Take over a lock file that is empty or garbled (a crash while writing it)."""
    _lock_file(existing_library).write_text("{not json", encoding="utf-8")
    database = open_database(existing_library)
    database.close()


def test_lock_from_another_host_is_respected(existing_library: Path) -> None:
    """Keep a lock held on another machine: its process cannot be checked from here."""
    _write_lock(existing_library, pid=_dead_pid(), host="other-laptop.example", user="kim")
    with pytest.raises(DatabaseLockedError, match=r"kim on other-laptop\.example"):
        open_database(existing_library)
    assert _lock_file(existing_library).exists()


def test_release_is_safe_twice(tmp_path: Path) -> None:
    """Release a lock twice without error, and leave a lock held by someone else alone."""
    lock = DatabaseLock(tmp_path / "x.sqlite")
    lock.acquire()
    lock.release()
    lock.release()
    _write_lock(tmp_path / "x.sqlite", pid=1, host="elsewhere")
    DatabaseLock(tmp_path / "x.sqlite").release()
    assert _lock_file(tmp_path / "x.sqlite").exists()
