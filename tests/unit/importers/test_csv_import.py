"""CSV from spreadsheets: BOM, sniffed delimiters, header recognition, mapping, zones, bad rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from importer_helpers import only

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.importers import ImportFailed, ImportOptions, inspect_csv
from postmortem_desk.importers.csv_import import parse_csv, parse_csv_data

BERLIN = ZoneInfo("Europe/Berlin")


def test_spreadsheet_export_with_bom_semicolons_and_quoted_newlines(data: Path) -> None:
    path = data / "spreadsheet_bom_semicolon.csv"
    report = parse_csv(path, ImportOptions(zone=BERLIN))
    assert [e.kind for e in report.events] == [
        EventKind.CHANGE,
        EventKind.ALERT,
        EventKind.ACKNOWLEDGEMENT,
        EventKind.MITIGATION,
        EventKind.RESOLUTION,
    ]
    first = report.events[0]
    assert first.occurred_at.isoformat() == "2024-03-01T10:58:00+01:00"
    assert first.utc_offset_minutes == 60
    assert first.channel == "spinnaker"
    assert only(report.events, "Rollback").text == "Rollback of 4711\nstarted by Bob"
    assert only(report.events, "acknowledged").text == "Alice acknowledged; started looking"
    assert only(report.events, "Checkout error").source is EventSource.PAGERDUTY
    assert report.skipped_reasons() == {"no text": 1}
    assert "read as Europe/Berlin time" in report.warnings[0]


def test_layout_for_the_mapping_step(data: Path) -> None:
    layout = inspect_csv(data / "spreadsheet_bom_semicolon.csv")
    assert layout.delimiter == ";"
    assert layout.headers[0] == "Timestamp"
    assert layout.column_for("time") == "Timestamp"
    assert layout.column_for("text") == "Description"
    assert layout.column_for("actor") == "Who"
    assert layout.column_for("kind") == "Category"
    assert layout.column_for("source") == "Source"
    assert len(layout.sample_rows) == 5


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_are_sniffed(delimiter: str) -> None:
    rows = [["time", "message", "author"], ["2024-03-01T10:00:00Z", "db restarted", "alice"]]
    data = "\n".join(delimiter.join(row) for row in rows).encode()
    (event,) = parse_csv_data(data, "t.csv").events
    assert (event.text, event.actor) == ("db restarted", "alice")


@pytest.mark.parametrize(
    "headers",
    [
        ("Time", "Text", "Actor", "Kind"),
        ("timestamp", "what", "who", "type"),
        ("Date", "Description", "User", "Category"),
        ("Timestamp (UTC)", "Message", "Author", "Type"),
    ],
)
def test_common_headers_are_recognised(headers: tuple[str, ...]) -> None:
    data = (",".join(headers) + "\n2024-03-01 10:00:00Z,restarted db,alice,action\n").encode()
    (event,) = parse_csv_data(data, "t.csv").events
    assert (event.text, event.actor, event.kind) == ("restarted db", "alice", EventKind.ACTION)


def test_explicit_mapping_by_name_and_number_overrides_recognition() -> None:
    data = b"When,Notes,Text\n2024-03-01 10:00Z,the real text,not this\n"
    options = ImportOptions(mapping={"time": "1", "text": "notes"})
    (event,) = parse_csv_data(data, "t.csv", options).events
    assert event.text == "the real text"


def test_mapping_mistakes_name_the_columns() -> None:
    data = b"When,Notes\n2024-03-01 10:00Z,x\n"
    with pytest.raises(ImportFailed, match=r"no column 'Whatever' for text.*'When', 'Notes'"):
        parse_csv_data(data, "t.csv", ImportOptions(mapping={"text": "Whatever"}))
    with pytest.raises(ImportFailed, match="the field 'colour'"):
        parse_csv_data(data, "t.csv", ImportOptions(mapping={"colour": "When"}))


def test_missing_time_column_says_how_to_map_it() -> None:
    with pytest.raises(ImportFailed, match=r"no time column.*--map time=COLUMN"):
        parse_csv_data(b"foo,message\n1,x\n", "t.csv")


def test_separate_date_and_time_columns_are_combined_in_the_zone() -> None:
    data = b"Date,Time,What\n2024-03-31,01:30,before the switch\n2024-03-31,03:30,after it\n"
    report = parse_csv_data(data, "t.csv", ImportOptions(zone=BERLIN))
    assert [e.utc_offset_minutes for e in report.events] == [60, 120]


def test_time_that_the_zone_skips_is_a_problem_on_its_line() -> None:
    data = b"time,text\n2024-03-31 02:30,never happened\n2024-03-31 04:00,fine\n"
    report = parse_csv_data(data, "t.csv", ImportOptions(zone=BERLIN))
    (problem,) = report.problems
    assert problem.line == 2
    assert "does not exist in Europe/Berlin" in problem.message
    assert len(report.events) == 1


def test_impossible_dates_name_the_line() -> None:
    data = b"time,text\n2024-03-01 10:00Z,ok\n2024-02-30 10:00Z,bad day\n31.13.2024 10:00,bad\n"
    report = parse_csv_data(data, "t.csv")
    assert [
        (p.line, "impossible" in p.message or "not a possible" in p.message)
        for p in report.problems
    ] == [
        (3, True),
        (4, True),
    ]


def test_slashed_dates_use_the_order_the_column_proves() -> None:
    data = b"time,text\n03/04/2024 10:00,a\n25/04/2024 10:00,b\n"
    report = parse_csv_data(data, "t.csv")
    assert [e.occurred_at.date() for e in report.events] == [date(2024, 4, 3), date(2024, 4, 25)]
    ambiguous = parse_csv_data(b"time,text\n03/04/2024 2:05 PM,a\n", "t.csv")
    assert ambiguous.events[0].occurred_at.isoformat() == "2024-03-04T14:05:00+00:00"
    assert "month/day" in ambiguous.warnings[0]


def test_time_only_rows_use_the_incident_date_and_epochs_work() -> None:
    data = b"time,text,milestone\n14:02,restarted db,mitigated\n1709301720,epoch,\n"
    report = parse_csv_data(data, "t.csv", ImportOptions(incident_date=date(2024, 3, 1)))
    assert [e.occurred_at.isoformat() for e in report.events] == [
        "2024-03-01T14:02:00+00:00",
        "2024-03-01T14:02:00+00:00",
    ]
    assert report.events[0].milestone is Milestone.MITIGATED


def test_unknown_kinds_become_notes_with_a_warning() -> None:
    data = b"time,text,kind\n2024-03-01 10:00Z,x,weird\n2024-03-01 10:01Z,y,weird\n"
    report = parse_csv_data(data, "t.csv")
    assert {e.kind for e in report.events} == {EventKind.NOTE}
    assert "'weird' (2 row(s))" in report.warnings[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "is empty"),
        (b"time,text\n", "no events below it"),
        (b'time,text\n2024-03-01 10:00Z,"unterminated\n', "not valid CSV at line 2"),
        (b'time,text\n2024-03-01,"a"b"\n', "not valid CSV at line 2"),
        (b"time,text\n2024-03-01,caf\xe9\n", "not UTF-8 text \\(bad byte at line 2\\)"),
        (b'{"alerts": []}', "holds JSON, not CSV"),
        (b"PK\x03\x04rest", "is a ZIP archive"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message) as caught:
        parse_csv(path)
    assert "sheet.csv" in str(caught.value)
