"""Plain functions the GUI runs off its thread: export to a file, with progress and Cancel."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any

from postmortem_desk.export.confluence_storage import render_storage
from postmortem_desk.export.errors import ExportCancelledError
from postmortem_desk.export.markdown_export import render_markdown
from postmortem_desk.export.pdf import render_pdf_bytes, write_atomically
from postmortem_desk.export.report_model import (
    Audience,
    Report,
    ReportOptions,
    Section,
    build_report,
)
from postmortem_desk.services.bundle import PostmortemBundle

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]


class ExportFormat(StrEnum):
    """The file formats a report can be exported to."""

    PDF = "pdf"
    MARKDOWN = "markdown"
    CONFLUENCE_XML = "confluence_xml"

    @property
    def suffix(self) -> str:
        """Return the usual file-name suffix."""
        return {"pdf": ".pdf", "markdown": ".md", "confluence_xml": ".xml"}[self.value]


def _noop(fraction: float, text: str) -> None:
    return None


def _not_cancelled() -> bool:
    return False


def report_file_name(report: Report, suffix: str) -> str:
    """Suggest a file name from the incident key and title, safe on every file system."""
    stem = f"{report.incident_key} {report.title}" if report.incident_key else report.title
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-.")[:80] or "postmortem"
    return f"{stem}{suffix}"


def export_report(
    bundle: PostmortemBundle,
    destination: Path,
    *,
    fmt: ExportFormat,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the report to ``destination``; on Cancel or error no file is left behind."""
    say = progress or _noop
    stop = cancelled or _not_cancelled
    say(0.02, "Assembling the report")
    report = build_report(bundle, options or ReportOptions())
    if stop():
        raise ExportCancelledError("The export was cancelled.")
    data: bytes
    if fmt is ExportFormat.PDF:
        data = render_pdf_bytes(
            report, progress=lambda f, text: say(0.05 + 0.9 * f, text), cancelled=stop
        )
    elif fmt is ExportFormat.MARKDOWN:
        data = render_markdown(report).encode("utf-8")
    else:
        data = render_storage(report).encode("utf-8")
    if stop():
        raise ExportCancelledError("The export was cancelled.")
    say(0.97, f"Writing {destination.name}")
    path = write_atomically(destination, data)
    say(1.0, "Done")
    return path


def options_to_json(options: ReportOptions) -> dict[str, Any]:
    """Return the options as JSON for an outbox job."""
    return {
        "sections": [s.value for s in Section if s in options.sections],
        "anonymise": options.anonymise,
        "audience": options.audience.value,
        "all_events": options.all_events,
    }


def options_from_json(value: dict[str, Any]) -> ReportOptions:
    """Rebuild options stored by :func:`options_to_json`, ignoring unknown names."""
    sections = frozenset(
        Section(name) for name in value.get("sections", []) if name in Section._value2member_map_
    )
    audience = value.get("audience", "internal")
    return ReportOptions(
        sections=sections or frozenset(Section),
        anonymise=bool(value.get("anonymise", False)),
        audience=Audience(audience)
        if audience in Audience._value2member_map_
        else Audience.INTERNAL,
        all_events=bool(value.get("all_events", False)),
    )
