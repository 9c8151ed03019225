"""Bad files and places: a clear message naming the file and what to do, and the file untouched.

Covers issue 2 item 12: a file that is not SQLite, a damaged database, one written by a newer
version, a read-only folder, and a database another instance holds.
"""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from postmortem_desk.cli import main
from postmortem_desk.storage.backup import backup_dir
from postmortem_desk.storage.database import open_database
from postmortem_desk.storage.errors import DatabaseLockedError, StorageError

HoldDatabase = Callable[[Path], subprocess.Popen[str]]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_refused_untouched(
    path: Path, *, says: str, error_type: type[StorageError] = StorageError
) -> str:
    """Open ``path``, expect a refusal naming it, and find the file byte-for-byte as before."""
    before = _digest(path)
    with pytest.raises(error_type) as caught:
        open_database(path)
    message = str(caught.value)
    assert str(path.resolve()) in message
    assert says in message
    assert _digest(path) == before
    assert not backup_dir(path).exists()
    return message


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    """Refuse a file that is not SQLite at all."""
    path = tmp_path / "notes.sqlite"
    path.write_text("These are meeting notes, not a database.\n" * 50, encoding="utf-8")
    message = _assert_refused_untouched(path, says="not an SQLite file")
    assert "--db" in message
    assert not path.with_name(path.name + ".lock").exists()


def test_sqlite_file_of_another_program(tmp_path: Path) -> None:
    """Refuse an SQLite file that was not made by this app."""
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.commit()
    connection.close()
    _assert_refused_untouched(path, says="not a Postmortem Desk database")


def test_valid_header_then_garbage(tmp_path: Path) -> None:
    """Refuse a file whose SQLite header is followed by garbage."""
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    message = _assert_refused_untouched(path, says="damaged")
    assert "backups" in message


def test_truncated_database(existing_library: Path) -> None:
    """Refuse a real library cut in half (a copy that stopped midway)."""
    data = existing_library.read_bytes()
    existing_library.write_bytes(data[: len(data) // 2])
    message = _assert_refused_untouched(existing_library, says="damaged")
    assert "Restore it from the backups folder" in message


def test_database_from_a_newer_version(existing_library: Path) -> None:
    """Refuse a library whose schema revision this version does not know, and say to update."""
    connection = sqlite3.connect(existing_library)
    connection.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    connection.commit()
    connection.close()
    message = _assert_refused_untouched(existing_library, says="newer version")
    assert "9001_from_the_future" in message
    assert "Update the app" in message


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    """Refuse a folder given as the database."""
    with pytest.raises(StorageError, match="is a folder") as caught:
        open_database(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_database_held_by_another_instance(
    existing_library: Path, hold_in_other_process: HoldDatabase
) -> None:
    """Refuse a library a running instance holds, and leave its file and lock alone."""
    holder = hold_in_other_process(existing_library)
    lock_file = existing_library.with_name(existing_library.name + ".lock")
    lock_before = lock_file.read_bytes()
    message = _assert_refused_untouched(
        existing_library, says="open in another Postmortem Desk", error_type=DatabaseLockedError
    )
    assert f"process {holder.pid}" in message
    assert lock_file.read_bytes() == lock_before


@pytest.mark.parametrize(
    ("prepare", "says"),
    [
        (lambda p: p.write_text("plain text", encoding="utf-8"), "not an SQLite file"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000), "damaged"),
    ],
    ids=["not-sqlite", "damaged"],
)
def test_cli_reports_bad_file_without_a_traceback(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    prepare: Callable[[Path], object],
    says: str,
) -> None:
    """Exit 2 with one sentence on stderr naming the file, not a traceback."""
    path = tmp_path / "bad.sqlite"
    prepare(path)
    before = _digest(path)
    assert main(["list", "--db", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(path) in captured.err
    assert says in captured.err
    assert "Traceback" not in captured.err
    assert _digest(path) == before


# --- Read-only places -------------------------------------------------------------------------
# Root ignores file permissions, so when the tests run as root the check runs in a child process
# that drops to the ``nobody`` user after importing everything it needs.

OPEN_AS_NOBODY = """
import json, os, sys
from pathlib import Path
from postmortem_desk.storage.database import open_database
from postmortem_desk.storage.errors import StorageError

os.setgid(int(sys.argv[3]))
os.setuid(int(sys.argv[2]))
try:
    open_database(Path(sys.argv[1])).close()
except StorageError as error:
    print(json.dumps({"error": str(error)}))
else:
    print(json.dumps({"opened": True}))
"""


def _open_as_unprivileged(path: Path) -> str:
    """Try to open ``path`` as a user the permissions apply to; return the refusal message."""
    if os.geteuid() != 0:
        with pytest.raises(StorageError) as caught:
            open_database(path)
        return str(caught.value)
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no 'nobody' user to drop to")
    finished = subprocess.run(
        [sys.executable, "-c", OPEN_AS_NOBODY, str(path), str(nobody.pw_uid), str(nobody.pw_gid)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    outcome = json.loads(finished.stdout)
    assert "error" in outcome, "the read-only file was opened for editing"
    return str(outcome["error"])


@pytest.fixture
def readable_folder(existing_library: Path) -> Iterator[Path]:
    """Return a folder every user can reach, holding a copy of a library."""
    folder = Path(tempfile.mkdtemp(prefix="pmd-readonly-"))
    folder.chmod(0o755)
    shutil.copy(existing_library, folder / "library.sqlite")
    (folder / "library.sqlite").chmod(0o644)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_read_only_folder(readable_folder: Path) -> None:
    """Refuse to edit a library in a folder nobody may write to, and say to copy it."""
    path = readable_folder / "library.sqlite"
    before = _digest(path)
    readable_folder.chmod(0o555)
    message = _open_as_unprivileged(path)
    readable_folder.chmod(0o755)
    assert "read-only" in message
    assert str(readable_folder) in message
    assert "Copy the file" in message
    assert _digest(path) == before
    assert sorted(p.name for p in readable_folder.iterdir()) == ["library.sqlite"]


def test_read_only_file(readable_folder: Path) -> None:
    """Refuse to edit a library file that is read-only, and say what to do."""
    path = readable_folder / "library.sqlite"
    before = _digest(path)
    readable_folder.chmod(0o777)
    path.chmod(0o444)
    message = _open_as_unprivileged(path)
    readable_folder.chmod(0o755)
    assert f"{path} is read-only" in message
    assert "--db" in message
    assert _digest(path) == before
    assert not path.with_name(path.name + ".lock").exists()
