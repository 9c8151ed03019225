"""The import dialog's table models over real parsed files, checked with the model tester."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from import_gui_support import DATA, shared_fixture
from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QPersistentModelIndex, Qt

from postmortem_desk.domain.enums import EventKind, EventSource
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.importing.models import (
    ACTOR,
    ALREADY_THERE,
    DUPLICATE_ROLE,
    STATUS,
    TEXT,
    TIME,
    CsvSampleModel,
    IssueLevel,
    IssueModel,
    PreviewEventModel,
    PreviewFilterModel,
    SlackChannelModel,
    preview_issues,
    split_warning,
)
from postmortem_desk.importers import (
    ImportedEvent,
    ImportReport,
    inspect_csv,
    parse_file,
    slack_channels,
)
from postmortem_desk.services.registry import Services

CET = timezone(timedelta(hours=1))


def test_preview_model_and_its_filter_pass_the_model_tester(
    services: Services, demo_id: PostmortemId, qtmodeltester: ModelTester
) -> None:
    parsed = parse_file(shared_fixture("slack/slack-export-viewer-testarchive.zip"))
    preview = services.imports.preview(demo_id, parsed)
    model = PreviewEventModel()
    model.set_preview(preview, CET, "UTC+01:00")
    qtmodeltester.check(model)
    assert model.rowCount() == 147
    assert model.with_date
    proxy = PreviewFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(TIME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert proxy.index(0, TIME).data() > proxy.index(146, TIME).data()
    proxy.set_hide_duplicates(True)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 147
    model.set_preview(None, CET, "UTC+01:00")
    assert proxy.rowCount() == 0


def test_duplicates_are_marked_in_the_preview_model(
    services: Services, demo_id: PostmortemId, qtmodeltester: ModelTester
) -> None:
    path = DATA / "pagerduty_log_entries.json"
    first = services.imports.preview(demo_id, parse_file(path))
    services.imports.apply(demo_id, first, path.name)
    again = services.imports.preview(demo_id, parse_file(path))
    model = PreviewEventModel()
    model.set_preview(again, CET, "UTC+01:00")
    qtmodeltester.check(model)
    assert model.rowCount() == len(first.to_add)
    for row in range(model.rowCount()):
        assert model.index(row, 0).data(DUPLICATE_ROLE) is True
        assert model.index(row, STATUS).data() == ALREADY_THERE
        assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    proxy = PreviewFilterModel()
    proxy.setSourceModel(model)
    proxy.set_hide_duplicates(True)
    assert proxy.rowCount() == 0
    issues = preview_issues(again)
    assert [issue.level for issue in issues].count(IssueLevel.DUPLICATE) == 1


def test_issue_model_lists_problems_warnings_and_skipped(
    services: Services, demo_id: PostmortemId, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "time,text,kind\n2024-03-01 10:00,ok,alert\n2024-02-30 10:00,bad,note\n"
        "2024-03-01 10:05,,note\n2024-03-01 10:06,odd,sandwich\n",
        "utf-8",
    )
    preview = services.imports.preview(demo_id, parse_file(sheet))
    model = IssueModel()
    model.set_issues(preview_issues(preview))
    qtmodeltester.check(model)
    levels = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert levels[0] == "Problem"
    assert "Warning" in levels
    assert "Skipped" in levels
    assert model.count(IssueLevel.PROBLEM) == 1
    problem = [model.index(0, column).data() for column in range(4)]
    assert problem[1:3] == ["sheet.csv", "line 3, time"]
    kind_warning = next(
        model.index(row, 3).data()
        for row in range(model.rowCount())
        if "sandwich" in model.index(row, 3).data()
    )
    assert kind_warning.startswith("the kind 'sandwich'")


def test_warnings_are_split_into_file_place_and_message() -> None:
    assert split_warning("a.csv, line 7: 'x' is not a milestone", "a.csv") == (
        "a.csv",
        "line 7",
        "'x' is not a milestone",
    )
    assert split_warning("a.csv: 3 time(s) had no offset", "a.csv") == (
        "a.csv",
        "",
        "3 time(s) had no offset",
    )
    assert split_warning("Something general happened", "b.json") == (
        "b.json",
        "",
        "Something general happened",
    )


def test_channel_model_checks_channels_and_passes_the_model_tester(
    qtmodeltester: ModelTester,
) -> None:
    model = SlackChannelModel()
    model.set_channels(slack_channels(DATA / "slack_modern"))
    qtmodeltester.check(model)
    assert model.checked_names() == ["incident", "random"]
    assert model.index(0, 0).data() == "#incident"
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(1, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.checked_names() == ["incident"]
    model.set_all_checked(False)
    assert model.checked_names() == []
    model.set_all_checked(True)
    qtmodeltester.check(model)
    assert model.checked_names() == ["incident", "random"]


def test_csv_sample_model_names_mapped_columns(qtmodeltester: ModelTester) -> None:
    layout = inspect_csv(DATA / "spreadsheet_bom_semicolon.csv")
    model = CsvSampleModel()
    model.set_layout(layout)
    model.set_mapping(layout.mapping)
    qtmodeltester.check(model)
    assert model.columnCount() == 5
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Description → text"
    assert model.index(3, 1).data() == "Rollback of 4711 started by Bob"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    model.set_mapping({"time": 0, "text": 1})
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Who"
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    model.set_layout(None)
    qtmodeltester.check(model)


def test_a_hundred_thousand_events_preview_and_sort_quickly(
    services: Services, demo_id: PostmortemId
) -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    report = ImportReport(
        EventSource.SLACK,
        "big.zip",
        events=[
            ImportedEvent(
                start + timedelta(seconds=i),
                EventKind.CHAT,
                EventSource.SLACK,
                f"message {i}",
                f"person {i % 7}",
            )
            for i in range(100_000)
        ],
    )
    preview = services.imports.preview(demo_id, report)
    model = PreviewEventModel()
    proxy = PreviewFilterModel()
    proxy.setSourceModel(model)
    began = time.perf_counter()
    model.set_preview(preview, CET, "UTC+01:00")
    proxy.sort(ACTOR, Qt.SortOrder.DescendingOrder)
    proxy.set_hide_duplicates(True)
    elapsed = time.perf_counter() - began
    assert proxy.rowCount() == 100_000
    assert proxy.index(0, ACTOR).data() == "person 6"
    assert elapsed < 5, f"{elapsed:.1f} s"
    persistent = QPersistentModelIndex(proxy.index(5, TEXT))
    text = persistent.data()
    proxy.sort(TIME, Qt.SortOrder.AscendingOrder)
    assert persistent.data() == text
    assert proxy.index(0, TEXT).data() == "message 0"
