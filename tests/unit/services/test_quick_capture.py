"""The quick-capture bar's parser: times, days, kinds from tags, actors, and clear refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.services.quick_capture import (
    KIND_ALIASES,
    CapturedEvent,
    CaptureError,
    parse_capture,
    people_aliases,
    zone_of,
)

CET = timezone(timedelta(hours=1))
DAY = date(2026, 11, 18)
SELECTED = datetime(2026, 11, 18, 12, 52, tzinfo=UTC)
PEOPLE = people_aliases([("Dana Kowalski", "dana.k"), ("Marcus Lee", "marcus")])


def capture(line: str, **kwargs: Any) -> CapturedEvent:
    options: dict[str, Any] = {"day": DAY, "zone": CET, "default_time": SELECTED}
    options.update(kwargs)
    return parse_capture(line, **options)


def test_the_issue_example_makes_a_mitigation_at_14_02_incident_time() -> None:
    event = parse_capture("14:02 rolled back the deploy #mitigation", day=DAY, zone=CET)
    assert event.occurred_at == datetime(2026, 11, 18, 14, 2, tzinfo=CET)
    assert event.occurred_at.astimezone(UTC).hour == 13
    assert event.kind == EventKind.MITIGATION
    assert event.text == "rolled back the deploy"
    assert event.actor == ""
    assert event.time_given


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("9:05 restarted", (9, 5, 0)),
        ("09:05 restarted", (9, 5, 0)),
        ("23:59 restarted", (23, 59, 0)),
        ("0:00 restarted", (0, 0, 0)),
        ("14:02:11 restarted", (14, 2, 11)),
        ("[14:02] restarted", (14, 2, 0)),
        ("2:02 pm restarted", (14, 2, 0)),
        ("2:02pm restarted", (14, 2, 0)),
        ("2:02 PM restarted", (14, 2, 0)),
        ("2:02 p.m. restarted", (14, 2, 0)),
        ("12:05 am restarted", (0, 5, 0)),
        ("12:05 pm restarted", (12, 5, 0)),
        ("11:59 AM restarted", (11, 59, 0)),
        ("14:02 - restarted", (14, 2, 0)),
        ("14:02, restarted", (14, 2, 0)),
    ],
)
def test_times_in_24_hour_and_am_pm_forms(line: str, expected: tuple[int, int, int]) -> None:
    event = parse_capture(line, day=DAY, zone=CET)
    assert (event.occurred_at.hour, event.occurred_at.minute, event.occurred_at.second) == expected
    assert event.occurred_at.date() == DAY
    assert event.text == "restarted"


def test_a_time_without_a_space_is_text_not_a_time() -> None:
    event = capture("14:02abc restarted")
    assert not event.time_given


def test_a_leading_date_picks_the_day() -> None:
    event = parse_capture("2026-11-19 09:15 queue drained #resolved", day=DAY, zone=CET)
    assert event.occurred_at == datetime(2026, 11, 19, 9, 15, tzinfo=CET)
    assert event.kind == EventKind.RESOLUTION


def test_times_are_read_in_the_zone_given() -> None:
    event = parse_capture("14:02 restarted", day=DAY, zone=UTC)
    assert event.occurred_at == datetime(2026, 11, 18, 14, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    "line",
    ["25:00 restarted", "14:60 restarted", "13:00 pm restarted", "0:30 am restarted", "1:02:61 x"],
)
def test_impossible_times_are_refused_with_the_reason(line: str) -> None:
    with pytest.raises(CaptureError, match="is not a time"):
        capture(line)


def test_an_impossible_date_is_refused() -> None:
    with pytest.raises(CaptureError, match="is not a date"):
        capture("2026-02-30 10:00 restarted")


def test_a_date_without_a_time_is_refused() -> None:
    with pytest.raises(CaptureError, match="needs a time"):
        capture("2026-11-18 restarted")


def test_a_line_without_a_time_takes_the_selected_events_time() -> None:
    event = capture("support says EU customers are fine #impact")
    assert event.occurred_at == SELECTED
    assert not event.time_given
    assert event.kind == EventKind.CUSTOMER_IMPACT


def test_no_time_and_nothing_selected_says_what_to_do() -> None:
    with pytest.raises(CaptureError, match="select an event"):
        parse_capture("restarted the pool", day=DAY, zone=CET)


@pytest.mark.parametrize("line", ["", "   ", "14:02", "14:02 #mitigation", "@dana"])
def test_a_line_without_text_is_refused(line: str) -> None:
    with pytest.raises(CaptureError, match="what happened"):
        capture(line)


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_kind_has_a_tag_of_its_own_value(kind: EventKind) -> None:
    event = capture(f"13:00 something #{kind.value}")
    assert event.kind == kind
    assert event.text == "something"


@pytest.mark.parametrize(
    ("tag", "kind"),
    [
        ("deploy", EventKind.CHANGE),
        ("Deploy", EventKind.CHANGE),
        ("ack", EventKind.ACKNOWLEDGEMENT),
        ("alert", EventKind.ALERT),
        ("paged", EventKind.PAGE),
        ("customer-impact", EventKind.CUSTOMER_IMPACT),
        ("impact", EventKind.CUSTOMER_IMPACT),
        ("resolved", EventKind.RESOLUTION),
        ("mitigated", EventKind.MITIGATION),
        ("chat", EventKind.CHAT),
        ("note", EventKind.NOTE),
    ],
)
def test_friendly_aliases(tag: str, kind: EventKind) -> None:
    assert capture(f"13:00 x #{tag}").kind == kind


def test_every_alias_names_a_real_kind_and_is_lower_case() -> None:
    assert set(KIND_ALIASES.values()) == set(EventKind)
    assert all(alias == alias.lower() for alias in KIND_ALIASES)


def test_unknown_tags_stay_in_the_text_and_the_default_kind_applies() -> None:
    event = capture("13:00 opened #inc-checkout for the team", default_kind=EventKind.CHAT)
    assert event.text == "opened #inc-checkout for the team"
    assert event.kind == EventKind.CHAT


def test_a_tag_in_the_middle_is_removed_and_the_last_kind_tag_wins() -> None:
    event = capture("13:00 #alert pool saturated #page again")
    assert event.kind == EventKind.PAGE
    assert event.text == "pool saturated again"


def test_an_at_mention_names_the_actor_and_resolves_aliases() -> None:
    event = capture("14:25 @dana sent pg_cancel_backend", people=PEOPLE)
    assert event.actor == "Dana Kowalski"
    assert event.text == "sent pg_cancel_backend"
    assert capture("14:25 @dana.k: x", people=PEOPLE).actor == "Dana Kowalski"


def test_an_unknown_mention_keeps_the_name_as_written() -> None:
    assert capture("14:25 @oncall-bot restarted").actor == "oncall-bot"


def test_the_at_sign_is_optional_for_known_people_followed_by_a_colon() -> None:
    event = capture("14:06 Marcus Lee: paging Orders too", people=PEOPLE)
    assert event.actor == "Marcus Lee"
    assert event.text == "paging Orders too"
    assert capture("14:06 marcus: x", people=PEOPLE).actor == "Marcus Lee"


def test_a_colon_after_an_unknown_word_is_text() -> None:
    event = capture("14:22 Decision: cancel the migration", people=PEOPLE)
    assert event.actor == ""
    assert event.text == "Decision: cancel the migration"


def test_shared_first_names_are_not_aliases() -> None:
    aliases = people_aliases([("Sam Okafor", "sam"), ("Sam Reed", ""), ("Ana", "")])
    assert "sam okafor" in aliases
    assert aliases["sam"] == "Sam Okafor"  # the handle, not the first name
    assert aliases.get("sam reed") == "Sam Reed"
    assert aliases["ana"] == "Ana"


def test_zone_of_names_the_offset() -> None:
    assert zone_of(0) is UTC
    assert zone_of(60).utcoffset(None) == timedelta(hours=1)
    assert zone_of(-330).tzname(None) == "UTC-05:30"
