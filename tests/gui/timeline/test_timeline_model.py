"""The timeline table model, its filter and the annotation list, checked with the model tester."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt

from postmortem_desk.domain.enums import EventKind, EventSource, Milestone
from postmortem_desk.domain.models import EventAnnotation, TimelineEvent
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.gui.timeline.event_detail_panel import AnnotationModel
from postmortem_desk.gui.timeline.timeline_model import (
    ACTOR,
    CURRENT_ROLE,
    GAP_ROLE,
    ID_ROLE,
    KIND,
    KNOWN,
    KNOWN_ROLE,
    MILESTONE,
    TEXT,
    TIME,
    TimelineFilterModel,
    TimelineModel,
    annotation_counts,
    compact_duration,
)
from postmortem_desk.services.registry import Services

CET = timezone(timedelta(hours=1))


def _event(event_id: int, minute: int, **values: object) -> TimelineEvent:
    base = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)
    return TimelineEvent(
        id=event_id,
        postmortem_id=1,
        occurred_at=base + timedelta(minutes=minute),
        **values,  # type: ignore[arg-type]
    )


def _model(events: list[TimelineEvent]) -> TimelineModel:
    model = TimelineModel()
    model.set_zone(CET, "UTC+01:00")
    model.set_events(events)
    return model


def test_model_over_the_demo_passes_the_model_tester(
    services: Services, demo_id: PostmortemId, qtmodeltester: ModelTester
) -> None:
    bundle = services.postmortems.load(demo_id)
    model = TimelineModel()
    model.set_events(bundle.events, annotation_counts=annotation_counts(bundle.annotations))
    qtmodeltester.check(model)
    assert model.rowCount() == 40
    assert model.columnCount() == 7


def test_proxy_passes_the_model_tester_while_filtering(
    services: Services, demo_id: PostmortemId, qtmodeltester: ModelTester
) -> None:
    model = TimelineModel()
    proxy = TimelineFilterModel()
    proxy.setSourceModel(model)
    model.set_events(services.postmortems.load(demo_id).events)
    qtmodeltester.check(proxy)
    proxy.set_kind(EventKind.ALERT)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 4
    proxy.set_kind(None)
    proxy.set_source(EventSource.PAGERDUTY)
    assert {proxy.index(r, KIND).data() for r in range(proxy.rowCount())} <= {
        "Page",
        "Ack",
        "Resolution",
    }
    proxy.set_source(None)
    proxy.set_actor("Dana Kowalski")
    assert all(proxy.index(r, ACTOR).data() == "Dana Kowalski" for r in range(proxy.rowCount()))
    assert proxy.rowCount() == 8
    proxy.set_actor(None)
    proxy.set_text("MIGRATION")
    assert proxy.rowCount() > 0
    assert all("migration" in proxy.index(r, TEXT).data().lower() for r in range(proxy.rowCount()))
    assert proxy.is_filtering
    proxy.clear_filters()
    assert proxy.rowCount() == 40
    assert not proxy.is_filtering


def test_cells_show_time_in_the_zone_and_kind_milestone_known() -> None:
    model = _model(
        [
            _event(1, 0, kind=EventKind.ALERT, text="p99 up", milestone=Milestone.DETECTED),
            _event(2, 5, kind=EventKind.CHAT, actor="Ana", text="a\nb", known_at_time=False),
        ]
    )
    assert model.index(0, TIME).data() == "13:00"
    assert model.index(0, KIND).data() == "Alert"
    assert model.index(0, KIND).data(Qt.ItemDataRole.ToolTipRole).startswith("Alert")
    assert model.index(0, MILESTONE).data() == "Detected"
    assert model.index(0, KNOWN).data() == "\u2713"
    assert model.index(1, KNOWN).data() == "Later"
    assert model.index(1, KNOWN).data(KNOWN_ROLE) is False
    assert model.index(1, TEXT).data() == "a b"
    assert model.index(1, TEXT).data(Qt.ItemDataRole.ToolTipRole) == "a\nb"
    assert model.index(1, TIME).data(ID_ROLE) == 2
    model.set_zone(UTC, "UTC")
    assert model.index(0, TIME).data() == "12:00"
    assert "UTC" in model.headerData(TIME, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_the_date_shows_when_the_incident_spans_days_in_the_shown_zone() -> None:
    # 22:30 and 23:10 UTC fall on one day in UTC, on two in CET (23:30 and 00:10).
    late = datetime(2026, 11, 18, 22, 30, tzinfo=UTC)
    model = TimelineModel()
    model.set_events(
        [
            TimelineEvent(id=1, postmortem_id=1, occurred_at=late),
            TimelineEvent(id=2, postmortem_id=1, occurred_at=late + timedelta(minutes=40)),
        ]
    )
    model.set_zone(UTC, "UTC")
    assert not model.spans_days
    assert model.index(0, TIME).data() == "22:30"
    model.set_zone(CET, "UTC+01:00")
    assert model.spans_days
    assert model.index(0, TIME).data() == "18 Nov 23:30"
    assert model.index(1, TIME).data() == "19 Nov 00:10"


def test_gaps_longer_than_the_threshold_are_marked_on_the_later_row() -> None:
    model = _model([_event(1, 0), _event(2, 10), _event(3, 40), _event(4, 56)])
    assert model.gap_count == 2
    assert model.index(2, TIME).data(GAP_ROLE) == timedelta(minutes=30)
    assert model.index(3, TIME).data(GAP_ROLE) == timedelta(minutes=16)
    assert model.index(1, TIME).data(GAP_ROLE) is None
    assert model.index(2, TEXT).data(GAP_ROLE) == timedelta(minutes=30)  # the band spans the row
    assert "30 min with nothing" in model.index(2, TIME).data(Qt.ItemDataRole.ToolTipRole)
    model.set_gap_threshold(timedelta(minutes=20))
    assert model.gap_count == 1
    assert compact_duration(timedelta(minutes=65)) == "1h05"
    assert compact_duration(timedelta(days=2, hours=3)) == "2d 3h"


def test_same_rows_repaint_without_a_reset_and_new_rows_reset(qtbot: QtBot) -> None:
    model = _model([_event(1, 0, text="old"), _event(2, 5)])
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_events([_event(1, 0, text="new"), _event(2, 5)])
    assert model.index(0, TEXT).data() == "new"
    with qtbot.waitSignal(model.modelReset):
        model.set_events([_event(1, 0), _event(2, 5), _event(3, 9)])
    assert model.row_of(3) == 2
    assert model.row_of(99) == -1


def test_current_event_and_note_counts() -> None:
    model = _model([_event(1, 0, text="x"), _event(2, 5, text="y")])
    model.set_current_event(2)
    assert model.index(1, TIME).data(CURRENT_ROLE) is True
    assert model.index(0, TIME).data(CURRENT_ROLE) is False
    notes = [
        EventAnnotation(id=1, event_id=2, text="q"),
        EventAnnotation(id=2, event_id=2, text="r"),
    ]
    model.set_events(model.events(), annotation_counts=annotation_counts(notes))
    assert model.index(1, TEXT).data() == "y  \u2022 2 notes"


def test_annotation_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AnnotationModel()
    model.set_annotations(
        [
            EventAnnotation(id=2, event_id=1, text="later note", is_question=False),
            EventAnnotation(
                id=1,
                event_id=1,
                text="What did the dashboard show?",
                created_at=datetime(2020, 1, 1, tzinfo=UTC),
            ),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Q: What did the dashboard show?"
    assert model.index(1, 0).data() == "Note: later note"
    assert model.index(0, 0, QModelIndex()).data(Qt.ItemDataRole.UserRole + 30) == 1
