"""Fuzz every parser: whatever the bytes, only the importers' own error type may escape."""

from __future__ import annotations

import contextlib
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem_desk.importers import ImportFailed, ImportOptions
from postmortem_desk.importers.alertmanager import parse_alertmanager_data
from postmortem_desk.importers.chat_text import parse_chat_text
from postmortem_desk.importers.csv_import import inspect_csv_data, parse_csv_data
from postmortem_desk.importers.pagerduty import parse_pagerduty_data
from postmortem_desk.importers.slack import parse_slack

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = ImportOptions(incident_date=date(2024, 3, 1))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "2024-03-01T10:00:00Z",
            "2024-02-30T10:00:00Z",
            "0001-01-01T00:00:00Z",
            "1709301720.000100",
            "9999999999999",
            "2024-03-01T10:00:00.123456789+25:00",
            "resolved",
            "trigger_log_entry",
            "incident.triggered",
            "<@U1> <#C1|x> <https://a|b> <!here> &amp;",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "log_entries",
                    "event",
                    "event_type",
                    "type",
                    "created_at",
                    "occurred_at",
                    "alerts",
                    "version",
                    "status",
                    "startsAt",
                    "endsAt",
                    "labels",
                    "annotations",
                    "ts",
                    "text",
                    "user",
                    "subtype",
                    "thread_ts",
                    "files",
                    "file",
                    "blocks",
                    "attachments",
                    "elements",
                    "data",
                    "agent",
                    "summary",
                    "id",
                    "fingerprint",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        ),
    ),
    max_leaves=25,
)


def _quietly(parse: Any, *args: Any, **kwargs: Any) -> None:
    with contextlib.suppress(ImportFailed):
        parse(*args, **kwargs)


@FUZZ
@given(st.binary(max_size=400) | json_values.map(lambda v: json.dumps(v).encode()))
def test_pagerduty_parser(data: bytes) -> None:
    _quietly(parse_pagerduty_data, data, "fuzz.json", OPTIONS)


@FUZZ
@given(st.binary(max_size=400) | json_values.map(lambda v: json.dumps(v).encode()))
def test_alertmanager_parser(data: bytes) -> None:
    _quietly(parse_alertmanager_data, data, "fuzz.json", OPTIONS)


csv_cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["2024-03-01 10:00", "31.12.2024 23:59", "03/04/2024 2:05 PM", "14:02", "1709301720", '"']
)


@FUZZ
@given(
    st.binary(max_size=300)
    | st.lists(st.lists(csv_cells, max_size=5), max_size=6).map(
        lambda rows: "\n".join(
            [",".join(["time", "text", "kind", "milestone"])] + [",".join(r) for r in rows]
        ).encode()
    )
)
def test_csv_parser(data: bytes) -> None:
    _quietly(parse_csv_data, data, "fuzz.csv", OPTIONS)
    _quietly(inspect_csv_data, data, "fuzz.csv")


chat_lines = st.text(max_size=40) | st.builds(
    lambda stamp, name, text: f"{stamp} {name}: {text}",
    st.sampled_from(["14:02", "[2024-03-01 14:02:11]", "25:99", "[2024-13-45 00:00]", "12:00 PM"]),
    st.text(max_size=8),
    st.text(max_size=10),
)


@FUZZ
@given(st.lists(chat_lines, max_size=8).map("\n".join), st.booleans())
def test_chat_text_parser(text: str, with_date: bool) -> None:
    _quietly(parse_chat_text, text, "fuzz.txt", OPTIONS if with_date else ImportOptions())


@FUZZ
@given(
    users=json_values,
    channels=json_values,
    day=json_values,
    raw=st.binary(max_size=200),
)
def test_slack_parser(users: Any, channels: Any, day: Any, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "users.json").write_text(json.dumps(users))
        (root / "channels.json").write_text(json.dumps(channels))
        (root / "general").mkdir()
        (root / "general" / "2024-03-01.json").write_text(json.dumps(day))
        (root / "general" / "2024-03-02.json").write_bytes(raw)
        _quietly(parse_slack, root, OPTIONS)
        messages = day if isinstance(day, list) else [day]
        (root / "general" / "2024-03-02.json").write_text(json.dumps(messages))
        _quietly(parse_slack, root, OPTIONS)
