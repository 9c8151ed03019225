"""The Slack importer on a modern export (threads, files, blocks) and the real 2016 archive."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from importer_helpers import only, zip_folder

from postmortem_desk.domain.enums import EventKind, EventSource
from postmortem_desk.importers import ImportFailed, ImportOptions, parse_file, slack_channels
from postmortem_desk.importers.base import ImportCancelled
from postmortem_desk.importers.slack import parse_slack


def test_modern_export_keeps_threads_together_and_marks_replies(data: Path) -> None:
    report = parse_slack(data / "slack_modern", ImportOptions(channels=frozenset({"incident"})))
    parent = only(report.events, "checkout is failing")
    reply = only(report.events, "rolling it back")
    broadcast = only(report.events, "rollback done")
    assert not parent.is_reply
    assert reply.is_reply
    assert broadcast.is_reply
    assert (
        parent.thread_key
        == reply.thread_key
        == broadcast.thread_key
        == ("incident/1709301720.000400")
    )
    assert only(report.events, "who is this").thread_key == ""


def test_mrkdwn_becomes_readable_text_with_the_link_kept(data: Path) -> None:
    report = parse_slack(data / "slack_modern")
    parent = only(report.events, "checkout is failing")
    assert parent.text == (
        "@here checkout is failing for some customers, I'm looking at #random and the dashboard"
    )
    assert parent.link == "https://grafana.example.com/d/checkout"
    assert only(report.events, "rolling it back").text.startswith("Alice Ng deploy 4711")
    assert "&" in only(report.events, "rollback done").text
    assert only(report.events, "moving to").text.endswith("#incident")


def test_noise_is_dropped_and_bots_and_files_are_kept_with_their_source(data: Path) -> None:
    report = parse_slack(data / "slack_modern", ImportOptions(channels=frozenset({"#incident"})))
    assert report.skipped_reasons() == {
        "channel join (noise)": 1,
        "channel leave (noise)": 1,
        "channel topic (noise)": 1,
    }
    bot = only(report.events, "Checkout error rate")
    assert bot.actor == "Grafana (bot)"
    assert bot.text == "[Alerting] Checkout error rate — error rate 12% > 5%"
    assert bot.link == "https://grafana.example.com/d/checkout"
    shared = only(report.events, "error graph")
    assert shared.text == "error graph during the outage\n[file: errors.png]"
    assert shared.link.endswith("/F01GRAPH/errors.png")
    assert all(e.source is EventSource.SLACK and e.kind is EventKind.CHAT for e in report.events)
    assert all(e.channel == "#incident" for e in report.events)


def test_blocks_are_read_when_text_is_empty_and_names_come_from_users(data: Path) -> None:
    report = parse_slack(data / "slack_modern")
    assert only(report.events, "thanks").text == "thanks Alice Ng:tada:"
    assert only(report.events, "customer tickets").actor == "carol.s"
    assert only(report.events, "who is this").actor == "Gus Host"
    assert {e.actor for e in report.events} >= {"Alice Ng", "Bob Diaz"}


def test_channel_and_time_window_choice(data: Path) -> None:
    options = ImportOptions(
        channels=frozenset({"random"}),
        since=datetime(2024, 3, 1, 12, 0, tzinfo=UTC),
        until=datetime(2024, 3, 1, 15, 0, tzinfo=UTC),
    )
    report = parse_slack(data / "slack_modern", options)
    assert [e.text for e in report.events] == ["checkout looks sad, moving to #incident"]
    assert report.skipped_reasons() == {"outside the time window": 1}


def test_unknown_channel_names_the_ones_that_exist(data: Path) -> None:
    with pytest.raises(ImportFailed, match=r"no channel named 'ops'.*#incident, #random"):
        parse_slack(data / "slack_modern", ImportOptions(channels=frozenset({"ops"})))


def test_zip_with_a_top_folder_reads_like_the_folder(data: Path, tmp_path: Path) -> None:
    archive = zip_folder(data / "slack_modern", tmp_path / "export.zip", prefix="Acme Slack/")
    from_zip = parse_file(archive)
    from_folder = parse_slack(data / "slack_modern")
    assert from_zip.events == from_folder.events
    assert from_zip.file_name == "export.zip"


def test_missing_users_json_falls_back_to_ids_with_a_warning(slack_folder: Path) -> None:
    (slack_folder / "users.json").unlink()
    report = parse_slack(slack_folder)
    assert any("no users.json" in warning for warning in report.warnings)
    assert only(report.events, "rolling it back").actor == "U02BOB"
    assert only(report.events, "who is this").actor == "Gus Host"


def test_malformed_day_file_names_the_file_and_line(slack_folder: Path) -> None:
    day = slack_folder / "incident" / "2024-03-01.json"
    day.write_text(day.read_text()[:500])
    with pytest.raises(ImportFailed, match=r"incident/2024-03-01\.json is not valid JSON.*line"):
        parse_slack(slack_folder)


def test_impossible_timestamp_is_a_problem_naming_the_message(slack_folder: Path) -> None:
    day = slack_folder / "random" / "2024-03-01.json"
    messages = json.loads(day.read_text())
    messages[0]["ts"] = "99999999999.000100"
    messages[1]["ts"] = "yesterday"
    day.write_text(json.dumps(messages))
    report = parse_slack(slack_folder, ImportOptions(channels=frozenset({"random"})))
    assert report.events == []
    assert [p.record for p in report.problems] == [
        "random/2024-03-01.json message 1",
        "random/2024-03-01.json message 2",
    ]
    assert "not a plausible" in report.problems[0].message


def test_a_folder_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ImportFailed, match="does not look like a Slack export"):
        parse_slack(tmp_path)


def test_day_file_of_the_wrong_shape_is_refused(slack_folder: Path) -> None:
    (slack_folder / "random" / "2024-03-01.json").write_text('{"ok": true}')
    with pytest.raises(ImportFailed, match="should be a list of messages"):
        parse_slack(slack_folder)


def test_channel_list_for_the_picker(data: Path) -> None:
    channels = slack_channels(data / "slack_modern")
    assert [(c.name, c.channel_id, c.day_files) for c in channels] == [
        ("incident", "C01INCIDENT", 1),
        ("random", "C02RANDOM", 1),
    ]


def test_progress_is_reported_and_cancel_stops(data: Path) -> None:
    seen: list[tuple[int, int]] = []
    parse_slack(data / "slack_modern", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)
    with pytest.raises(ImportCancelled, match="cancelled; nothing was written"):
        parse_slack(data / "slack_modern", cancel=lambda: True)


def test_real_2016_archive(shared: Path) -> None:
    archive = shared / "slack" / "slack-export-viewer-testarchive.zip"
    report = parse_file(archive)
    assert len(report.events) + len(report.skipped) == 158
    assert report.skipped_reasons() == {"channel join (noise)": 8, "bot add (noise)": 3}
    assert report.problems == []
    actors = {e.actor for e in report.events}
    assert "github (bot)" in actors
    assert "Harry Potter" in actors
    assert not any(a.startswith("U0") for a in actors)
    shared_file = only(report.events, "uploaded a file: 100 cities")
    assert shared_file.link.endswith("100_cities.js")
    assert not any("<@" in e.text or "<http" in e.text for e in report.events)
    assert report.events == sorted(report.events, key=lambda e: e.occurred_at)
