"""Read an export that is either a ZIP archive or an unpacked folder, safely.

Archives are checked before anything is read: no entry may point outside the export folder
(zip-slip), and the declared expanded size must stay under a limit. While reading, the actual
bytes are counted too, so an archive that lies about its sizes is stopped as soon as it overflows.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from postmortem_desk.importers.base import ImportFailed

MAX_ENTRIES = 200_000
CHUNK = 1024 * 1024


class ExportTree:
    """The files of an export, by path relative to the export's top folder."""

    def __init__(self, display_name: str) -> None:
        self.display_name = display_name

    def names(self) -> list[str]:
        """Return every file path in the export, with ``/`` separators."""
        raise NotImplementedError

    def read(self, name: str) -> bytes:
        """Return the bytes of one file of the export."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the archive or folder."""

    def __enter__(self) -> ExportTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _unsafe(name: str) -> bool:
    """Tell whether an archive entry name could land outside the folder it is unpacked into."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        return True
    return any(part == ".." for part in PurePosixPath(cleaned).parts)


class ZipTree(ExportTree):
    """An export still inside its ZIP archive, read entry by entry with size limits."""

    def __init__(self, path: Path, *, max_expanded_bytes: int) -> None:
        super().__init__(path.name)
        self._limit = max_expanded_bytes
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(path)
        except FileNotFoundError as error:
            raise ImportFailed(f"{path} does not exist.", file=path.name) from error
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise ImportFailed(
                f"{path.name} is not a readable ZIP archive ({error}). Download the export again.",
                file=path.name,
            ) from error
        try:
            self._entries = self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise
        self._prefix = _common_root(list(self._entries))

    def _check(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        name = self.display_name
        if len(infos) > MAX_ENTRIES:
            raise ImportFailed(
                f"{name} holds {len(infos)} entries, more than the {MAX_ENTRIES} an export "
                "import accepts. Export a shorter time range.",
                file=name,
            )
        declared = 0
        entries: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if _unsafe(info.filename):
                raise ImportFailed(
                    f"{name} contains the entry {info.filename!r}, which points outside the "
                    "export folder. The archive was refused without unpacking anything; "
                    "ask for a fresh export.",
                    file=name,
                    record=info.filename,
                )
            if info.flag_bits & 0x1:
                raise ImportFailed(
                    f"{name} is encrypted ({info.filename}). Export it again without a password.",
                    file=name,
                    record=info.filename,
                )
            declared += info.file_size
            if declared > self._limit:
                raise ImportFailed(
                    f"{name} would expand to more than {_size(self._limit)}; an export that large "
                    "is refused to protect the disk and memory. Export a shorter time range.",
                    file=name,
                )
            if not info.is_dir():
                entries[info.filename.replace("\\", "/")] = info
        return entries

    def names(self) -> list[str]:
        """Return every file path below the export's top folder."""
        cut = len(self._prefix)
        return [entry[cut:] for entry in self._entries if entry.startswith(self._prefix)]

    def read(self, name: str) -> bytes:
        """Return one entry's bytes, stopping as soon as the actual expanded size overflows."""
        info = self._entries[self._prefix + name]
        parts: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > info.file_size or self._read_total > self._limit:
                        raise ImportFailed(
                            f"{self.display_name} expands to more than it declares "
                            f"({info.filename}); the archive was refused. Ask for a fresh export.",
                            file=self.display_name,
                            record=info.filename,
                        )
                    parts.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise ImportFailed(
                f"{info.filename} in {self.display_name} is damaged ({error}). "
                "Download the export again.",
                file=self.display_name,
                record=info.filename,
            ) from error
        except NotImplementedError as error:
            raise ImportFailed(
                f"{info.filename} in {self.display_name} uses a compression this app cannot "
                f"read ({error}). Re-zip the export with ordinary ZIP compression.",
                file=self.display_name,
                record=info.filename,
            ) from error
        return b"".join(parts)

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()


class FolderTree(ExportTree):
    """An export unpacked into a folder; files outside it (through links) are refused."""

    def __init__(self, path: Path, *, max_expanded_bytes: int) -> None:
        super().__init__(path.name)
        self._root = path.resolve()
        self._limit = max_expanded_bytes
        self._read_total = 0
        self._names: list[str] = []
        for file in sorted(self._root.rglob("*")):
            if file.is_file():
                self._names.append(file.relative_to(self._root).as_posix())
                if len(self._names) > MAX_ENTRIES:
                    raise ImportFailed(
                        f"{path.name} holds more than {MAX_ENTRIES} files; choose the export "
                        "folder itself, not a folder above it.",
                        file=path.name,
                    )
        self._prefix = _common_root(self._names)

    def names(self) -> list[str]:
        """Return every file path below the export's top folder."""
        cut = len(self._prefix)
        return [name[cut:] for name in self._names if name.startswith(self._prefix)]

    def read(self, name: str) -> bytes:
        """Return one file's bytes, refusing files that resolve outside the folder."""
        target = (self._root / (self._prefix + name)).resolve()
        if not target.is_relative_to(self._root):
            raise ImportFailed(
                f"{name} in {self.display_name} links to a file outside the export folder; "
                "it was not read. Remove the link and import again.",
                file=self.display_name,
                record=name,
            )
        try:
            data = target.read_bytes()
        except OSError as error:
            raise ImportFailed(
                f"{name} in {self.display_name} cannot be read: {error.strerror}.",
                file=self.display_name,
                record=name,
            ) from error
        self._read_total += len(data)
        if self._read_total > self._limit:
            raise ImportFailed(
                f"{self.display_name} holds more than {_size(self._limit)} of files; "
                "export a shorter time range.",
                file=self.display_name,
            )
        return data


def _common_root(names: list[str]) -> str:
    """Find the folder inside the export that holds ``channels.json``/``users.json``."""
    markers = [n for n in names if PurePosixPath(n).name in ("channels.json", "users.json")]
    if markers:
        shallowest = min(markers, key=lambda n: n.count("/"))
        parent = str(PurePosixPath(shallowest).parent)
        return "" if parent == "." else parent + "/"
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) == 1 and all(n.count("/") >= 2 for n in names):
        return next(iter(tops)) + "/"
    return ""


def open_export(path: Path, *, max_expanded_bytes: int) -> ExportTree:
    """Open a ZIP archive or an unpacked export folder."""
    if path.is_dir():
        return FolderTree(path, max_expanded_bytes=max_expanded_bytes)
    if not path.exists():
        raise ImportFailed(f"{path} does not exist.", file=path.name)
    if path.stat().st_size == 0:
        raise ImportFailed(f"{path.name} is empty; there is nothing to import.", file=path.name)
    if not zipfile.is_zipfile(path):
        raise ImportFailed(
            f"{path.name} is neither a ZIP archive nor a folder. A Slack export is the ZIP file "
            "Slack sends, or the folder it unpacks to.",
            file=path.name,
        )
    return ZipTree(path, max_expanded_bytes=max_expanded_bytes)


def _size(limit: int) -> str:
    """Write a byte count the way people read it."""
    if limit >= 1024**3:
        return f"{limit / 1024**3:.0f} GB"
    if limit >= 1024**2:
        return f"{limit / 1024**2:.0f} MB"
    return f"{limit} bytes"
