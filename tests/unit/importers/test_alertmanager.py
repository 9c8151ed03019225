"""Alertmanager webhooks: start and end events, not-ended alerts, nanoseconds and offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postmortem_desk.domain.enums import EventKind, EventSource
from postmortem_desk.importers import ImportFailed, parse_file
from postmortem_desk.importers.alertmanager import parse_alertmanager, parse_alertmanager_data


def test_resolved_alert_gives_start_and_end_with_its_offset(data: Path) -> None:
    report = parse_alertmanager(data / "alertmanager_resolved.json")
    starts = [e for e in report.events if e.kind is EventKind.ALERT]
    ends = [e for e in report.events if e.kind is EventKind.RESOLUTION]
    assert len(starts) == 2
    (end,) = ends
    assert end.external_id == "5f1e3b2a9c0d7e61:end"
    assert end.utc_offset_minutes == 120
    assert end.occurred_at.isoformat() == "2024-03-01T12:40:00.987654+02:00"
    assert end.text.startswith("Resolved: CheckoutErrors (instance=checkout-1, service=checkout)")
    assert end.channel == "oncall-pager"
    assert end.link.startswith("http://prometheus.example.com/graph")
    assert all(e.source is EventSource.ALERTMANAGER for e in report.events)


def test_firing_alert_with_a_future_ends_at_is_not_ended(data: Path) -> None:
    report = parse_alertmanager(data / "alertmanager_resolved.json")
    assert not any(e.external_id == "77aa00bb11cc22dd:end" for e in report.events)


def test_real_zulip_payload_nanoseconds_and_not_ended(shared: Path) -> None:
    report = parse_file(shared / "alertmanager" / "zulip_alert.json")
    assert [e.kind for e in report.events] == [EventKind.ALERT, EventKind.ALERT]
    assert all(e.occurred_at.microsecond == 432911 for e in report.events)
    assert {e.text.rsplit(" ", 1)[-1] for e in report.events} == {"34.75C", "17.625C"}


def test_real_payload_keeps_the_negative_offset(shared: Path) -> None:
    report = parse_file(shared / "alertmanager" / "prom_post_request.json")
    (event,) = report.events
    assert event.utc_offset_minutes == -300
    assert event.occurred_at.isoformat() == "2018-03-07T06:33:21.873077-05:00"
    assert "Server High Memory usage" in event.text


def test_repeated_notifications_yield_identical_events(data: Path) -> None:
    payload = json.loads((data / "alertmanager_resolved.json").read_text())
    report = parse_alertmanager_data(json.dumps([payload, payload]).encode(), "two.json")
    assert len(report.events) == 6
    assert len({e.dedup_key for e in report.events}) == 3


def test_impossible_and_backwards_times_are_problems() -> None:
    payload = {
        "version": "4",
        "status": "resolved",
        "alerts": [
            {"status": "firing", "labels": {"alertname": "A"}, "startsAt": "2024-13-01T00:00:00Z"},
            {
                "status": "resolved",
                "labels": {"alertname": "B"},
                "startsAt": "2024-03-01T10:00:00Z",
                "endsAt": "2024-03-01T09:00:00Z",
            },
        ],
    }
    report = parse_alertmanager_data(json.dumps(payload).encode(), "am.json")
    assert [str(p) for p in report.problems] == [
        "am.json, alert 1: startsAt: '2024-13-01T00:00:00Z' is an impossible time "
        "(month must be in 1..12); it was left out",
        "am.json, alert 2: ends before it starts; its end was left out",
    ]
    assert len(report.events) == 1


def test_other_version_is_read_with_a_warning() -> None:
    payload = {"version": "3", "alerts": [{"startsAt": "2024-03-01T10:00:00Z", "labels": {}}]}
    report = parse_alertmanager_data(json.dumps(payload).encode(), "v3.json")
    assert len(report.events) == 1
    assert "version 3" in report.warnings[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"   \n", "is empty"),
        (b'{"version": "4", "alerts": [}', "is not valid JSON"),
        (b'{"log_entries": []}', "looks like a PagerDuty file"),
        (b'{"version": "4", "alerts": []}', "holds no alerts"),
        (b"[" * 100_000 + b"]" * 100_000, "nests its JSON too deeply"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "am.json"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        parse_alertmanager(path)
