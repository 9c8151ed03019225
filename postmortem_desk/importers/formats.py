"""Recognise which kind of export a file is, and read any supported file with one call."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

from postmortem_desk.importers.alertmanager import parse_alertmanager
from postmortem_desk.importers.base import (
    CancelCheck,
    ImportFailed,
    ImportFormat,
    ImportOptions,
    ImportReport,
    ProgressCallback,
)
from postmortem_desk.importers.chat_text import match_line, parse_chat_text_file
from postmortem_desk.importers.csv_import import parse_csv, recognise_headers, sniff_delimiter
from postmortem_desk.importers.pagerduty import parse_pagerduty
from postmortem_desk.importers.slack import parse_slack

SNIFF_BYTES = 64 * 1024


def _json_format(head: str) -> ImportFormat | None:
    """Guess the JSON format from the first bytes, parsing the whole head when it is complete."""
    try:
        data = json.loads(head)
    except (json.JSONDecodeError, RecursionError):
        data = None
    probe = data if data is not None else head
    if isinstance(probe, dict):
        if "log_entries" in probe or "event" in probe:
            return ImportFormat.PAGERDUTY
        if "alerts" in probe:
            return ImportFormat.ALERTMANAGER
        return None
    if isinstance(probe, list):
        first = probe[0] if probe else None
        if isinstance(first, dict) and ("event" in first or "event_type" in first):
            return ImportFormat.PAGERDUTY
        if isinstance(first, dict) and "alerts" in first:
            return ImportFormat.ALERTMANAGER
        return None
    for marker, fmt in (
        ('"log_entries"', ImportFormat.PAGERDUTY),
        ('"event_type"', ImportFormat.PAGERDUTY),
        ('"alerts"', ImportFormat.ALERTMANAGER),
    ):
        if marker in head:
            return fmt
    return None


def detect_format(path: Path) -> ImportFormat:
    """Tell which importer reads ``path``, from its contents rather than its name."""
    if path.is_dir():
        return ImportFormat.SLACK
    if not path.exists():
        raise ImportFailed(f"{path} does not exist.", file=path.name)
    if zipfile.is_zipfile(path):
        return ImportFormat.SLACK
    with path.open("rb") as handle:
        raw = handle.read(SNIFF_BYTES)
    if not raw.strip():
        raise ImportFailed(f"{path.name} is empty; there is nothing to import.", file=path.name)
    head = raw.decode("utf-8-sig", errors="replace")
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        fmt = _json_format(stripped)
        if fmt is not None:
            return fmt
        raise ImportFailed(
            f"{path.name} is JSON but not a file this app imports (PagerDuty log entries or "
            "webhook v3, Alertmanager webhook, or a Slack export ZIP).",
            file=path.name,
        )
    lines = [line for line in stripped.splitlines()[:20] if line.strip()]
    if sum(1 for line in lines if match_line(line) is not None) * 2 >= len(lines):
        return ImportFormat.TEXT
    header = next(iter(csv.reader([lines[0]], delimiter=sniff_delimiter(stripped))))
    if "time" in recognise_headers(header) or path.suffix.lower() in (".csv", ".tsv"):
        return ImportFormat.CSV
    if lines and match_line(lines[0]) is not None:
        return ImportFormat.TEXT
    raise ImportFailed(
        f"{path.name} is not a kind of file this app recognises. Choose its format by hand: "
        "Slack, PagerDuty, Alertmanager, CSV or pasted chat text.",
        file=path.name,
    )


def parse_file(
    path: Path,
    fmt: ImportFormat | None = None,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read ``path`` with the importer for ``fmt`` (detected when None) without writing anything."""
    fmt = fmt or detect_format(path)
    options = options or ImportOptions()
    if fmt is ImportFormat.SLACK:
        return parse_slack(path, options, progress=progress, cancel=cancel)
    if fmt is ImportFormat.PAGERDUTY:
        return parse_pagerduty(path, options, progress=progress, cancel=cancel)
    if fmt is ImportFormat.ALERTMANAGER:
        return parse_alertmanager(path, options, progress=progress, cancel=cancel)
    if fmt is ImportFormat.CSV:
        return parse_csv(path, options, progress=progress, cancel=cancel)
    return parse_chat_text_file(path, options, progress=progress, cancel=cancel)
