"""Import PagerDuty incident log entries (REST API v2) or webhook v3 payloads.

Trigger, acknowledge and resolve set the detected, acknowledged and resolved milestones: a trigger
is the moment the system noticed, which is what "detected" measures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.importers.base import (
    BadTimestamp,
    CancelCheck,
    ImportedEvent,
    ImportFailed,
    ImportOptions,
    ImportReport,
    Progress,
    ProgressCallback,
    dict_of,
    first_text,
    load_json,
    parse_iso,
    read_limited,
    sort_events,
    text_of,
)

LOG_ENTRY_KINDS: dict[str, tuple[EventKind, Milestone | None]] = {
    "trigger_log_entry": (EventKind.ALERT, Milestone.DETECTED),
    "acknowledge_log_entry": (EventKind.ACKNOWLEDGEMENT, Milestone.ACKNOWLEDGED),
    "resolve_log_entry": (EventKind.RESOLUTION, Milestone.RESOLVED),
    "annotate_log_entry": (EventKind.NOTE, None),
    "escalate_log_entry": (EventKind.PAGE, None),
    "notify_log_entry": (EventKind.PAGE, None),
    "assign_log_entry": (EventKind.ACTION, None),
    "reassign_log_entry": (EventKind.ACTION, None),
    "delegate_log_entry": (EventKind.ACTION, None),
    "unacknowledge_log_entry": (EventKind.NOTE, None),
    "snooze_log_entry": (EventKind.ACTION, None),
    "exhaust_escalation_path_log_entry": (EventKind.PAGE, None),
    "repeat_escalation_path_log_entry": (EventKind.PAGE, None),
    "reach_trigger_limit_log_entry": (EventKind.NOTE, None),
    "reach_ack_limit_log_entry": (EventKind.NOTE, None),
    "urgency_change_log_entry": (EventKind.NOTE, None),
    "priority_change_log_entry": (EventKind.NOTE, None),
    "link_log_entry": (EventKind.NOTE, None),
    "responder_request_log_entry": (EventKind.PAGE, None),
    "status_update_log_entry": (EventKind.NOTE, None),
}
WEBHOOK_KINDS: dict[str, tuple[EventKind, Milestone | None, str]] = {
    "incident.triggered": (EventKind.ALERT, Milestone.DETECTED, "Triggered"),
    "incident.acknowledged": (EventKind.ACKNOWLEDGEMENT, Milestone.ACKNOWLEDGED, "Acknowledged"),
    "incident.resolved": (EventKind.RESOLUTION, Milestone.RESOLVED, "Resolved"),
    "incident.annotated": (EventKind.NOTE, None, "Note"),
    "incident.escalated": (EventKind.PAGE, None, "Escalated"),
    "incident.reassigned": (EventKind.ACTION, None, "Reassigned"),
    "incident.delegated": (EventKind.ACTION, None, "Delegated"),
    "incident.unacknowledged": (EventKind.NOTE, None, "Unacknowledged"),
    "incident.reopened": (EventKind.ALERT, None, "Reopened"),
    "incident.priority_updated": (EventKind.NOTE, None, "Priority changed"),
    "incident.responder.added": (EventKind.PAGE, None, "Responder added"),
    "incident.responder.replied": (EventKind.NOTE, None, "Responder replied"),
    "incident.status_update_published": (EventKind.NOTE, None, "Status update"),
    "incident.conference_bridge.updated": (EventKind.NOTE, None, "Conference bridge"),
}


def _moment(value: Any, record: str, report: ImportReport) -> tuple[Any, int | None] | None:
    if not isinstance(value, str):
        report.problem(record, "has no created_at/occurred_at time; it was left out")
        return None
    try:
        parsed = parse_iso(value)
    except BadTimestamp as error:
        report.problem(record, f"{error}; it was left out")
        return None
    return parsed.moment, parsed.written_offset_minutes


def _log_entry(entry: dict[str, Any], record: str, report: ImportReport) -> ImportedEvent | None:
    entry_type = text_of(entry.get("type"))
    when = _moment(entry.get("created_at"), record, report)
    if when is None:
        return None
    kind, milestone = LOG_ENTRY_KINDS.get(entry_type, (EventKind.NOTE, None))
    channel = dict_of(entry.get("channel"))
    incident = dict_of(entry.get("incident"))
    summary = first_text(entry.get("summary"), entry_type.replace("_", " "))
    note = first_text(entry.get("note"), channel.get("content"))
    if entry_type == "annotate_log_entry" and not note and channel.get("summary"):
        note = text_of(channel.get("summary"))
    text = summary
    if note and note not in summary:
        text = f"{summary.rstrip('.')}: {note}"
    if entry_type == "trigger_log_entry":
        title = first_text(incident.get("summary"), channel.get("summary"))
        if title and title not in text:
            text = f"{text.rstrip('.')}: {title}"
    elif entry_type == "notify_log_entry":
        who = first_text(dict_of(entry.get("user")).get("summary"))
        if who and who not in text:
            text = f"{text} ({who})"
    agent = dict_of(entry.get("agent"))
    return ImportedEvent(
        occurred_at=when[0],
        utc_offset_minutes=when[1],
        kind=kind,
        source=EventSource.PAGERDUTY,
        text=text,
        actor=first_text(agent.get("summary"), agent.get("name")),
        milestone=milestone,
        channel=first_text(incident.get("summary")),
        link=first_text(entry.get("html_url"), incident.get("html_url")),
        external_id=text_of(entry.get("id")),
    )


def _webhook_event(
    event: dict[str, Any], record: str, report: ImportReport
) -> ImportedEvent | None:
    event_type = text_of(event.get("event_type"))
    if not event_type.startswith("incident."):
        report.skip(record, f"{event_type or 'untyped'} event is not about an incident")
        return None
    when = _moment(event.get("occurred_at"), record, report)
    if when is None:
        return None
    kind, milestone, verb = WEBHOOK_KINDS.get(
        event_type,
        (EventKind.NOTE, None, event_type.removeprefix("incident.").replace("_", " ").capitalize()),
    )
    data = dict_of(event.get("data"))
    incident = dict_of(data.get("incident")) or data
    title = first_text(incident.get("title"), incident.get("summary"))
    number = incident.get("number")
    label = f"[#{number}] {title}" if isinstance(number, int) and title else title
    detail = first_text(data.get("content"), data.get("message"))
    if event_type == "incident.escalated":
        policy = first_text(dict_of(data.get("escalation_policy")).get("summary"))
        detail = detail or (f"escalation policy {policy}" if policy else "")
    text = f"{verb}: {label}" if label else verb
    if detail:
        text = f"{text} — {detail}"
    agent = dict_of(event.get("agent"))
    service = dict_of(incident.get("service"))
    return ImportedEvent(
        occurred_at=when[0],
        utc_offset_minutes=when[1],
        kind=kind,
        source=EventSource.PAGERDUTY,
        text=text,
        actor=first_text(agent.get("summary"), agent.get("name")),
        milestone=milestone,
        channel=first_text(service.get("summary")),
        link=first_text(incident.get("html_url")),
        external_id=text_of(event.get("id")),
    )


def _wrong_kind(file_name: str, data: Any) -> ImportFailed:
    guess = ""
    if isinstance(data, dict) and "alerts" in data:
        guess = " It looks like an Alertmanager webhook; import it as Alertmanager."
    elif isinstance(data, list) and data and isinstance(data[0], dict) and "ts" in data[0]:
        guess = " It looks like one day of a Slack channel; import the whole Slack export instead."
    return ImportFailed(
        f'{file_name} is not a PagerDuty file: expected log entries ({{"log_entries": [...]}}) '
        f'or webhook v3 events ({{"event": {{...}}}}).{guess}',
        file=file_name,
    )


def _collect(data: Any, file_name: str) -> tuple[str, list[Any]]:
    """Return whether the file holds log entries or webhook events, and the records."""
    if isinstance(data, dict) and isinstance(data.get("log_entries"), list):
        return "log", data["log_entries"]
    if isinstance(data, dict) and isinstance(data.get("log_entry"), dict):
        return "log", [data["log_entry"]]
    if isinstance(data, dict) and isinstance(data.get("event"), dict):
        return "webhook", [data["event"]]
    if isinstance(data, list) and data:
        first = data[0]
        if isinstance(first, dict) and isinstance(first.get("event"), dict):
            return "webhook", [dict_of(item).get("event") for item in data]
        if isinstance(first, dict) and "event_type" in first:
            return "webhook", data
        if isinstance(first, dict) and str(first.get("type", "")).endswith("_log_entry"):
            return "log", data
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        raise ImportFailed(
            f"{file_name} is a PagerDuty webhook v2 payload, which PagerDuty retired; export the "
            "incident's log entries (REST API v2) or use webhook v3 payloads.",
            file=file_name,
        )
    raise _wrong_kind(file_name, data)


def parse_pagerduty_data(
    data: bytes,
    file_name: str,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read PagerDuty JSON held in memory into events with milestones."""
    options = options or ImportOptions()
    report = ImportReport(source=EventSource.PAGERDUTY, file_name=file_name)
    shape, records = _collect(load_json(data, file_name), file_name)
    if not records:
        raise ImportFailed(f"{file_name} holds no log entries or events.", file=file_name)
    steps = Progress(len(records), progress, cancel, file_name=file_name)
    label = "log entry" if shape == "log" else "event"
    for index, item in enumerate(records, start=1):
        if index % 1000 == 0:
            steps.advance(1000)
        record = f"{label} {index}"
        if not isinstance(item, dict):
            report.problem(record, f"is not a {label} object; it was left out")
            continue
        ident = text_of(item.get("id"))
        if ident:
            record = f"{record} ({ident})"
        event = (
            _log_entry(item, record, report)
            if shape == "log"
            else _webhook_event(item, record, report)
        )
        if event is None:
            continue
        if not options.in_window(event.occurred_at):
            report.skip(record, "outside the time window")
            continue
        report.events.append(event)
    report.events = sort_events(report.events)
    return report


def parse_pagerduty(
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read a PagerDuty log-entries or webhook v3 file into events with milestones."""
    return parse_pagerduty_data(
        read_limited(path), path.name, options, progress=progress, cancel=cancel
    )
