"""Hostile archives (zip-slip, zip bombs, lying sizes) and recognising what a file is."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from importer_helpers import zip_folder

from postmortem_desk.importers import ImportFailed, ImportFormat, ImportOptions, detect_format
from postmortem_desk.importers.slack import parse_slack


def test_zip_slip_entry_refuses_the_archive(data: Path, tmp_path: Path) -> None:
    archive = zip_folder(data / "slack_modern", tmp_path / "evil.zip")
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr("../../outside.json", "[]")
    with pytest.raises(ImportFailed, match=r"evil\.zip contains the entry '\.\./\.\./outside"):
        parse_slack(archive)
    assert not (tmp_path.parent / "outside.json").exists()


@pytest.mark.parametrize("name", ["/etc/passwd", "C:\\windows\\x.json", "a\\..\\..\\b.json"])
def test_absolute_and_backslash_paths_are_refused(tmp_path: Path, name: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr(name, "[]")
    with pytest.raises(ImportFailed, match="points outside the export folder"):
        parse_slack(archive)


def test_declared_expanded_size_over_the_limit_is_refused(data: Path, tmp_path: Path) -> None:
    archive = zip_folder(data / "slack_modern", tmp_path / "export.zip")
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("random/2024-03-02.json", b" " * 5_000_000)
    assert archive.stat().st_size < 100_000
    with pytest.raises(ImportFailed, match="would expand to more than 4 MB"):
        parse_slack(archive, ImportOptions(max_expanded_bytes=4 * 1024 * 1024))


def _lie_about_size(archive: Path, member: str, declared: int) -> None:
    """Rewrite the uncompressed size of ``member`` in both zip headers, like a crafted bomb."""
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as handle:
        info = handle.getinfo(member)
    struct.pack_into("<I", raw, info.header_offset + 22, declared)
    position = raw.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", raw, position + 28)[0]
        name = bytes(raw[position + 46 : position + 46 + name_length]).decode()
        if name == member:
            struct.pack_into("<I", raw, position + 24, declared)
        position = raw.find(b"PK\x01\x02", position + 4)
    archive.write_bytes(bytes(raw))


def test_entry_larger_than_it_declares_is_refused(data: Path, tmp_path: Path) -> None:
    archive = zip_folder(data / "slack_modern", tmp_path / "liar.zip")
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as handle:
        handle.writestr("random/2024-03-02.json", b"[" + b" " * 3_000_000 + b"]")
    _lie_about_size(archive, "random/2024-03-02.json", 100)
    with pytest.raises(ImportFailed, match=r"liar\.zip.*(expands to more|damaged)"):
        parse_slack(archive)


def test_damaged_and_non_zip_files_are_named(tmp_path: Path, data: Path) -> None:
    archive = zip_folder(data / "slack_modern", tmp_path / "cut.zip")
    archive.write_bytes(archive.read_bytes()[:300])
    with pytest.raises(ImportFailed, match=r"cut\.zip is neither a ZIP archive nor a folder"):
        parse_slack(archive)
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"")
    with pytest.raises(ImportFailed, match=r"empty\.zip is empty"):
        parse_slack(empty)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="does not exist"):
        parse_slack(tmp_path / "nope.zip")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("slack_modern", ImportFormat.SLACK),
        ("pagerduty_log_entries.json", ImportFormat.PAGERDUTY),
        ("pagerduty_webhooks.json", ImportFormat.PAGERDUTY),
        ("alertmanager_resolved.json", ImportFormat.ALERTMANAGER),
        ("spreadsheet_bom_semicolon.csv", ImportFormat.CSV),
        ("pasted_chat.txt", ImportFormat.TEXT),
    ],
)
def test_detect_format_from_contents(data: Path, name: str, expected: ImportFormat) -> None:
    assert detect_format(data / name) is expected


def test_detect_format_on_the_real_files(shared: Path) -> None:
    assert detect_format(shared / "slack" / "slack-export-viewer-testarchive.zip") is (
        ImportFormat.SLACK
    )
    assert detect_format(shared / "pagerduty" / "zulip_triggered_v3.json") is (
        ImportFormat.PAGERDUTY
    )
    for name in ("zulip_alert.json", "prom_post_request.json"):
        assert detect_format(shared / "alertmanager" / name) is ImportFormat.ALERTMANAGER


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b'{"hello": 1}', "JSON but not a file"),
        (b"\x00\x01binary", "recognises"),
    ],
)
def test_detect_format_refuses_what_it_cannot_place(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "mystery.bin"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        detect_format(path)
