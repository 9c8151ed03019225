"""PagerDuty log entries and webhook v3 payloads: milestones, kinds, offsets, wrong files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from importer_helpers import only

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.importers import ImportFailed, parse_file
from postmortem_desk.importers.pagerduty import parse_pagerduty, parse_pagerduty_data


def test_every_log_entry_type_becomes_an_event_with_its_milestone(data: Path) -> None:
    report = parse_pagerduty(data / "pagerduty_log_entries.json")
    kinds = {e.external_id: (e.kind, e.milestone) for e in report.events}
    assert kinds == {
        "R1TRIGGER": (EventKind.ALERT, Milestone.DETECTED),
        "R2NOTIFY": (EventKind.PAGE, None),
        "R3ESCALATE": (EventKind.PAGE, None),
        "R4ACK": (EventKind.ACKNOWLEDGEMENT, Milestone.ACKNOWLEDGED),
        "R5ASSIGN": (EventKind.ACTION, None),
        "R6NOTE": (EventKind.NOTE, None),
        "R7UNACK": (EventKind.NOTE, None),
        "R8RESOLVE": (EventKind.RESOLUTION, Milestone.RESOLVED),
    }
    assert only(report.events, "Triggered").text == (
        "Triggered through the API: [#42] Checkout error rate above 5%"
    )
    assert only(report.events, "Rolling back").text == "Note added: Rolling back deploy 4711"
    assert only(report.events, "Acknowledged").actor == "Alice Ng"
    assert all(e.source is EventSource.PAGERDUTY for e in report.events)


def test_offsets_are_kept_and_order_is_by_instant(data: Path) -> None:
    report = parse_pagerduty(data / "pagerduty_log_entries.json")
    ack = only(report.events, "Acknowledged")
    assert ack.utc_offset_minutes == 60
    assert ack.occurred_at.isoformat() == "2024-03-01T11:05:10+01:00"
    instants = [e.occurred_at for e in report.events]
    assert instants == sorted(instants)
    assert [e.external_id for e in report.events].index("R4ACK") == 3
    resolved = only(report.events, "Resolved")
    assert resolved.occurred_at.microsecond == 123456


def test_webhook_v3_list(data: Path) -> None:
    report = parse_pagerduty(data / "pagerduty_webhooks.json")
    assert [e.milestone for e in report.events] == [
        None,
        Milestone.ACKNOWLEDGED,
        None,
        Milestone.RESOLVED,
    ]
    assert only(report.events, "Escalated").text == (
        "Escalated: [#42] Checkout error rate above 5% — escalation policy Checkout on-call"
    )
    assert only(report.events, "Note").text.endswith("Rolling back deploy 4711")
    assert report.skipped_reasons() == {"service.updated event is not about an incident": 1}


def test_real_webhook_v3_triggered(shared: Path) -> None:
    report = parse_file(shared / "pagerduty" / "zulip_triggered_v3.json")
    (event,) = report.events
    assert event.milestone is Milestone.DETECTED
    assert event.kind is EventKind.ALERT
    assert event.text == "Triggered: [#9] Test Incident 3"
    assert event.actor == "PIG 208"
    assert event.link == "https://pig208.pagerduty.com/incidents/PFQZPSY"
    assert event.occurred_at.isoformat() == "2021-06-04T13:35:29.781000+00:00"


def test_bad_entries_are_problems_naming_the_record() -> None:
    data = json.dumps(
        {
            "log_entries": [
                {"id": "A", "type": "trigger_log_entry", "created_at": "2024-02-30T10:00:00Z"},
                {"id": "B", "type": "notify_log_entry"},
                "text",
                {"id": "C", "type": "resolve_log_entry", "created_at": "2024-03-01T10:00:00Z"},
            ]
        }
    ).encode()
    report = parse_pagerduty_data(data, "log.json")
    assert [str(p) for p in report.problems] == [
        "log.json, log entry 1 (A): '2024-02-30T10:00:00Z' is an impossible time "
        "(day is out of range for month); it was left out",
        "log.json, log entry 2 (B): has no created_at/occurred_at time; it was left out",
        "log.json, log entry 3: is not a log entry object; it was left out",
    ]
    assert [e.external_id for e in report.events] == ["C"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b'{"log_entries": [', "is not valid JSON: Expecting value at line 1, column 18"),
        (b'{"alerts": []}', "looks like an Alertmanager webhook"),
        (b'{"messages": []}', "webhook v2"),
        (b"[1, 2]", "is not a PagerDuty file"),
        (b'{"log_entries": []}', "holds no log entries"),
        (b"\xff\xfe{}", "is not UTF-8"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "pd.json"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message) as caught:
        parse_pagerduty(path)
    assert "pd.json" in str(caught.value)
