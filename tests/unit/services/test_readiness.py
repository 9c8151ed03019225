"""Readiness helpers: key times in the incident's zone, the checklist, lateness, suggestions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from postmortem_desk.domain.enums import RoleKind, Severity
from postmortem_desk.domain.models import Participant, Postmortem, TimelineEvent
from postmortem_desk.domain.types import PostmortemId
from postmortem_desk.services.readiness import (
    deadline_days,
    facilitator_conflicts,
    format_key_time,
    format_services,
    ground_rules_from_setting,
    ground_rules_from_text,
    is_tool,
    meeting_timing,
    offset_choices,
    offset_label,
    parse_key_time,
    parse_services,
    participant_id_named,
    readiness_items,
    reference_day,
    timeline_actor_suggestions,
)
from postmortem_desk.services.registry import Services
from postmortem_desk.services.settings import DEFAULT_GROUND_RULES
from postmortem_desk.services.step_status import prepare_missing

UTC_MIDDAY = datetime(2026, 11, 18, 12, 47, tzinfo=UTC)


def _event(actor: str, minute: int = 0) -> TimelineEvent:
    return TimelineEvent(
        postmortem_id=1, occurred_at=UTC_MIDDAY + timedelta(minutes=minute), actor=actor
    )


# --- key times -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "label"),
    [(0, "UTC+00:00"), (60, "UTC+01:00"), (330, "UTC+05:30"), (-210, "UTC\u221203:30")],
)
def test_offset_label(minutes: int, label: str) -> None:
    assert offset_label(minutes) == label


def test_offset_choices_are_sorted_and_keep_an_unusual_current_offset() -> None:
    choices = offset_choices(current=95)
    minutes = [m for m, _ in choices]
    assert minutes == sorted(minutes)
    assert (95, "UTC+01:35") in choices
    assert any(m == 60 and "Berlin" in label for m, label in choices)


def test_a_local_time_is_stored_in_utc() -> None:
    parsed = parse_key_time("2026-11-18 13:47", offset_minutes=60, reference_day=None)
    assert parsed == UTC_MIDDAY
    assert parsed is not None
    assert parsed.tzinfo is UTC
    assert format_key_time(parsed, 60) == "2026-11-18 13:47"
    assert format_key_time(parsed, -300) == "2026-11-18 07:47"


def test_a_time_without_a_date_falls_on_the_reference_day() -> None:
    parsed = parse_key_time(" 13:47 ", offset_minutes=60, reference_day=date(2026, 11, 18))
    assert parsed == UTC_MIDDAY
    with_t = parse_key_time("2026-11-18T13:47:30", offset_minutes=60, reference_day=None)
    assert with_t == UTC_MIDDAY + timedelta(seconds=30)


def test_local_midnight_crossing_changes_the_utc_day() -> None:
    parsed = parse_key_time("2026-11-18 00:30", offset_minutes=120, reference_day=None)
    assert parsed == datetime(2026, 11, 17, 22, 30, tzinfo=UTC)


def test_empty_text_clears_the_time() -> None:
    assert parse_key_time("   ", offset_minutes=0, reference_day=None) is None
    assert format_key_time(None, 0) == ""


@pytest.mark.parametrize(
    ("text", "reference", "message"),
    [
        ("13:47", None, "has no date"),
        ("yesterday", None, "is not a time"),
        ("2026-02-30 10:00", None, "not a real date"),
        ("2026-11-18 25:00", None, "not a real date"),
    ],
)
def test_bad_times_say_what_to_type(text: str, reference: date | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_key_time(text, offset_minutes=0, reference_day=reference)


def test_reference_day_is_the_incidents_first_local_day() -> None:
    pm = Postmortem(title="x", incident_utc_offset_minutes=120)
    assert reference_day(pm, []) is None
    late_evening_utc = datetime(2026, 11, 17, 23, 10, tzinfo=UTC)
    assert reference_day(pm, [TimelineEvent(postmortem_id=1, occurred_at=late_evening_utc)]) == (
        date(2026, 11, 18)
    )
    pm.resolved_at = UTC_MIDDAY
    pm.started_at = UTC_MIDDAY - timedelta(days=1)
    assert reference_day(pm, []) == date(2026, 11, 17)


def test_services_split_on_commas_and_drop_duplicates() -> None:
    assert parse_services(" checkout, orders-api;#orders-db ,, Checkout ") == [
        "checkout",
        "orders-api",
        "orders-db",
    ]
    assert format_services(["a", "b"]) == "a, b"
    assert parse_services(format_services(["a", "b"])) == ["a", "b"]


# --- readiness -------------------------------------------------------------------------------


def test_demo_is_ready_and_agrees_with_the_step_rail(
    services: Services, demo_id: PostmortemId
) -> None:
    bundle = services.postmortems.load(demo_id)
    items = {item.key: item for item in readiness_items(bundle)}
    assert all(item.done for item in items.values())
    assert items["timeline_drafted"].detail == "40 events"
    assert items["owner_named"].detail == "Dana Kowalski"
    assert items["attendees_invited"].detail == "7 of 7 invited"
    assert [item.key for item in items.values() if item.manual] == ["pre_read_shared"]
    assert prepare_missing(bundle) == []


def test_new_postmortem_is_not_ready_for_the_same_reasons_the_rail_gives(
    services: Services,
) -> None:
    pm = services.postmortems.create(title="Fresh")
    assert pm.id is not None
    bundle = services.postmortems.load(pm.id)
    items = readiness_items(bundle)
    assert not any(item.done for item in items)
    assert len(prepare_missing(bundle)) == len(items)


def test_each_item_follows_its_source(services: Services) -> None:
    pm = services.postmortems.create(title="Fresh")
    pm_id = pm.id
    assert pm_id is not None
    ada = services.people.add_participant(pm_id, name="Ada")
    assert ada.id is not None
    services.people.assign_role(pm_id, participant_id=ada.id, role=RoleKind.OWNER)
    services.postmortems.mark_checklist(pm_id, item="pre_read_shared", done=True)
    for minute in range(2):
        services.timeline.add_event(
            pm_id, occurred_at=UTC_MIDDAY + timedelta(minutes=minute), text="Something happened"
        )
    items = {item.key: item for item in readiness_items(services.postmortems.load(pm_id))}
    assert items["owner_named"].done
    assert items["pre_read_shared"].done
    assert not items["timeline_drafted"].done
    assert items["timeline_drafted"].detail == "2 events"
    assert not items["attendees_invited"].done
    assert items["attendees_invited"].detail == "0 of 1 invited"
    services.people.update_participant(ada.id, invited=True)
    items = {item.key: item for item in readiness_items(services.postmortems.load(pm_id))}
    assert items["attendees_invited"].done


# --- meeting deadline ------------------------------------------------------------------------


def _resolved_then_meeting(severity: Severity, days: int, offset: int = 0) -> Postmortem:
    return Postmortem(
        title="x",
        severity=severity,
        incident_utc_offset_minutes=offset,
        resolved_at=UTC_MIDDAY,
        meeting_date=UTC_MIDDAY + timedelta(days=days),
    )


def test_sev1_meeting_four_days_later_is_one_day_late() -> None:
    timing = meeting_timing(_resolved_then_meeting(Severity.SEV1, 4), None)
    assert timing is not None
    assert timing.is_late
    assert timing.late_by == 1
    assert timing.allowed_days == 3
    assert "1 day later than usual" in timing.message()
    assert "within 3 calendar days" in timing.message()


def test_meeting_on_the_deadline_is_on_time() -> None:
    timing = meeting_timing(_resolved_then_meeting(Severity.SEV1, 3), None)
    assert timing is not None
    assert not timing.is_late
    assert timing.message().startswith("On time: 3 days after resolution")


def test_deadline_comes_from_the_setting_per_severity() -> None:
    pm = _resolved_then_meeting(Severity.SEV3, 8)
    assert meeting_timing(pm, None) is not None
    assert not meeting_timing(pm, {"SEV3": 10}).is_late  # type: ignore[union-attr]
    timing = meeting_timing(pm, {"SEV3": 5, "SEV1": "three"})
    assert timing is not None
    assert timing.late_by == 3
    assert deadline_days({"SEV1": "three", "SEV2": -1, "SEV4": 20})[Severity.SEV1] == 3
    assert deadline_days({"SEV4": 20})[Severity.SEV4] == 20
    assert deadline_days(["not", "a", "dict"])[Severity.SEV2] == 5


def test_days_are_counted_in_the_incidents_zone() -> None:
    resolved = datetime(2026, 11, 18, 23, 30, tzinfo=UTC)  # 19 Nov 01:30 at UTC+2
    pm = Postmortem(
        title="x",
        severity=Severity.SEV1,
        resolved_at=resolved,
        meeting_date=datetime(2026, 11, 22, 9, 0, tzinfo=UTC),
        incident_utc_offset_minutes=0,
    )
    timing = meeting_timing(pm, None)
    assert timing is not None
    assert timing.late_by == 1
    pm.incident_utc_offset_minutes = 120
    timing = meeting_timing(pm, None)
    assert timing is not None
    assert timing.late_by is None
    assert timing.days_after_resolution == 3


def test_no_timing_without_both_dates() -> None:
    assert meeting_timing(Postmortem(title="x", resolved_at=UTC_MIDDAY), None) is None
    assert meeting_timing(Postmortem(title="x", meeting_date=UTC_MIDDAY), None) is None


def test_meeting_before_resolution_is_named() -> None:
    timing = meeting_timing(_resolved_then_meeting(Severity.SEV2, -1), None)
    assert timing is not None
    assert "before the resolution" in timing.message()


# --- people ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "tool"),
    [
        ("deploy-bot", True),
        ("DeployBot", True),
        ("dependabot[bot]", True),
        ("Alertmanager", True),
        ("PagerDuty", True),
        ("Talbot Jones", False),
        ("Abbot", False),
        ("Marcus Lee", False),
    ],
)
def test_bots_and_tools_are_not_people(actor: str, tool: bool) -> None:
    assert is_tool(actor) is tool


def test_suggestions_skip_participants_handles_and_tools() -> None:
    people = [
        Participant(id=1, postmortem_id=1, name="Marcus Lee"),
        Participant(id=2, postmortem_id=1, name="Dana Kowalski", handle="dana"),
    ]
    events = [
        _event("deploy-bot"),
        _event("Alertmanager"),
        _event("marcus lee"),
        _event("@dana"),
        _event("Kim Novak", 1),
        _event("Rui Costa", 2),
        _event("Rui  Costa", 3),
        _event("", 4),
    ]
    suggestions = timeline_actor_suggestions(events, people)
    assert [(s.name, s.event_count) for s in suggestions] == [("Rui Costa", 2), ("Kim Novak", 1)]


def test_demo_timeline_has_nobody_missing(services: Services, demo_id: PostmortemId) -> None:
    bundle = services.postmortems.load(demo_id)
    assert timeline_actor_suggestions(bundle.events, bundle.participants) == []


def test_participant_id_named_ignores_case_and_spaces() -> None:
    people = [Participant(id=7, postmortem_id=1, name="Ada Lovelace")]
    assert participant_id_named(people, " ada lovelace ") == 7
    assert participant_id_named(people, "Grace") is None


def test_facilitator_who_led_the_incident_is_flagged(
    services: Services, demo_id: PostmortemId
) -> None:
    bundle = services.postmortems.load(demo_id)
    assert facilitator_conflicts(bundle) == []
    marcus = participant_id_named(bundle.participants, "Marcus Lee")
    dana = participant_id_named(bundle.participants, "Dana Kowalski")
    assert marcus is not None
    assert dana is not None
    services.people.set_role_holders(demo_id, role=RoleKind.FACILITATOR, participant_ids=[marcus])
    (message,) = facilitator_conflicts(services.postmortems.load(demo_id))
    assert message.startswith("Marcus Lee is the facilitator and also the incident commander.")
    services.people.set_role_holders(demo_id, role=RoleKind.OWNER, participant_ids=[marcus])
    (message,) = facilitator_conflicts(services.postmortems.load(demo_id))
    assert "incident commander and the postmortem owner" in message
    services.people.set_role_holders(demo_id, role=RoleKind.FACILITATOR, participant_ids=[dana])
    services.people.set_role_holders(demo_id, role=RoleKind.OWNER, participant_ids=[dana])
    (message,) = facilitator_conflicts(services.postmortems.load(demo_id))
    assert message.startswith("Dana Kowalski is the facilitator and also the postmortem owner.")


# --- ground rules ----------------------------------------------------------------------------


def test_ground_rules_fall_back_to_the_defaults() -> None:
    assert ground_rules_from_setting(None, DEFAULT_GROUND_RULES) == DEFAULT_GROUND_RULES
    assert ground_rules_from_setting([], DEFAULT_GROUND_RULES) == DEFAULT_GROUND_RULES
    assert ground_rules_from_setting(["  ", ""], DEFAULT_GROUND_RULES) == DEFAULT_GROUND_RULES
    assert ground_rules_from_setting(["Be  kind"], DEFAULT_GROUND_RULES) == ["Be kind"]


def test_edited_script_becomes_one_rule_per_line() -> None:
    text = "1. Be blameless\n\n- Ask what and how\n• Park tangents\n  Say pineapple to move on  \n"
    assert ground_rules_from_text(text) == [
        "Be blameless",
        "Ask what and how",
        "Park tangents",
        "Say pineapple to move on",
    ]
