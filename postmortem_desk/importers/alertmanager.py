"""Import Prometheus Alertmanager webhook payloads (version 4): one event per alert start and end.

An ``endsAt`` of ``0001-01-01T00:00:00Z`` means the alert had not ended. A firing alert's future
``endsAt`` is only Alertmanager's resolve timeout, so only resolved alerts get an end event.
Repeated notifications of one alert yield the same events; the preview skips them as duplicates.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from postmortem_desk.domain.enums import EventKind, EventSource
from postmortem_desk.importers.base import (
    BadTimestamp,
    CancelCheck,
    ImportedEvent,
    ImportFailed,
    ImportOptions,
    ImportReport,
    ParsedTime,
    Progress,
    ProgressCallback,
    dict_of,
    first_text,
    list_of,
    load_json,
    parse_iso,
    read_limited,
    sort_events,
    text_of,
)

NOT_ENDED_PREFIX = "0001-01-01"
CONTEXT_LABELS = ("instance", "host", "service", "job", "namespace", "pod", "cluster")


def _payloads(data: Any, file_name: str) -> list[Any]:
    if isinstance(data, dict) and "alerts" in data:
        return [data]
    if isinstance(data, list) and data and all(isinstance(p, dict) and "alerts" in p for p in data):
        return data
    guess = ""
    if isinstance(data, dict) and ("log_entries" in data or "event" in data):
        guess = " It looks like a PagerDuty file; import it as PagerDuty."
    raise ImportFailed(
        f"{file_name} is not an Alertmanager webhook payload: expected an object with "
        f'"version": "4" and a list of "alerts".{guess}',
        file=file_name,
    )


def _describe(alert: dict[str, Any], common: dict[str, Any]) -> str:
    labels = {k: text_of(v) for k, v in dict_of(alert.get("labels")).items()}
    annotations = {**dict_of(common), **dict_of(alert.get("annotations"))}
    name = labels.get("alertname") or "alert"
    context = ", ".join(f"{key}={labels[key]}" for key in CONTEXT_LABELS if labels.get(key))
    severity = labels.get("severity", "")
    head = name + (f" ({context})" if context else "") + (f" [{severity}]" if severity else "")
    summary = first_text(annotations.get("summary"), annotations.get("message"))
    description = text_of(annotations.get("description"))
    details = [part for part in (summary, description) if part]
    return head + (": " + " — ".join(details) if details else "")


def _identity(alert: dict[str, Any]) -> str:
    fingerprint = text_of(alert.get("fingerprint"))
    if fingerprint:
        return fingerprint
    labels = sorted((str(k), text_of(v)) for k, v in dict_of(alert.get("labels")).items())
    return hashlib.sha1(repr(labels).encode(), usedforsecurity=False).hexdigest()[:16]


def _time(value: Any, field: str, record: str, report: ImportReport) -> ParsedTime | None:
    if not isinstance(value, str):
        report.problem(record, f"has no {field} time; it was left out")
        return None
    try:
        return parse_iso(value)
    except BadTimestamp as error:
        report.problem(record, f"{field}: {error}; it was left out")
        return None


def _alert_events(
    alert: dict[str, Any], payload: dict[str, Any], record: str, report: ImportReport
) -> list[ImportedEvent]:
    starts = _time(alert.get("startsAt"), "startsAt", record, report)
    if starts is None:
        return []
    text = _describe(alert, dict_of(payload.get("commonAnnotations")))
    ident = _identity(alert)
    receiver = text_of(payload.get("receiver"))
    link = first_text(alert.get("generatorURL"), payload.get("externalURL"))

    def event(when: ParsedTime, kind: EventKind, verb: str, suffix: str) -> ImportedEvent:
        return ImportedEvent(
            occurred_at=when.moment,
            utc_offset_minutes=when.written_offset_minutes,
            kind=kind,
            source=EventSource.ALERTMANAGER,
            text=f"{verb}: {text}",
            actor="Alertmanager",
            channel=receiver,
            link=link,
            external_id=f"{ident}:{suffix}",
        )

    events = [event(starts, EventKind.ALERT, "Firing", "start")]
    ends_raw = alert.get("endsAt")
    status = text_of(alert.get("status")) or text_of(payload.get("status"))
    ended = isinstance(ends_raw, str) and not ends_raw.startswith(NOT_ENDED_PREFIX)
    if ended and status == "resolved":
        ends = _time(ends_raw, "endsAt", record, report)
        if ends is None:
            return events
        if ends.moment < starts.moment:
            report.problem(record, "ends before it starts; its end was left out")
            return events
        events.append(event(ends, EventKind.RESOLUTION, "Resolved", "end"))
    return events


def parse_alertmanager_data(
    data: bytes,
    file_name: str,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read Alertmanager webhook JSON held in memory into alert start and end events."""
    options = options or ImportOptions()
    report = ImportReport(source=EventSource.ALERTMANAGER, file_name=file_name)
    payloads = _payloads(load_json(data, file_name), file_name)
    steps = Progress(len(payloads), progress, cancel, file_name=file_name)
    for number, payload in enumerate(payloads, start=1):
        version = text_of(payload.get("version"))
        if version and version != "4":
            report.warnings.append(
                f"{file_name}: payload {number} is webhook version {version}; it was read as "
                "version 4, check its events."
            )
        alerts = payload.get("alerts")
        if not isinstance(alerts, list):
            report.problem(f"payload {number}", '"alerts" is not a list; it was left out')
            continue
        for index, alert in enumerate(list_of(alerts), start=1):
            record = f"alert {index}" if len(payloads) == 1 else f"payload {number} alert {index}"
            if not isinstance(alert, dict):
                report.problem(record, "is not an alert object; it was left out")
                continue
            for event in _alert_events(alert, payload, record, report):
                if options.in_window(event.occurred_at):
                    report.events.append(event)
                else:
                    report.skip(record, "outside the time window")
        steps.advance()
    if not report.events and not report.problems and not report.skipped:
        raise ImportFailed(f"{file_name} holds no alerts.", file=file_name)
    report.events = sort_events(report.events)
    return report


def parse_alertmanager(
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read an Alertmanager webhook JSON file into alert start and end events."""
    return parse_alertmanager_data(
        read_limited(path), path.name, options, progress=progress, cancel=cancel
    )
