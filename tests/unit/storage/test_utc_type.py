"""The UTC column type refuses naive datetimes and gives back aware UTC at the same instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import StatementError
from sqlmodel import Session, col, select

from postmortem_desk.domain.models import Postmortem, TimelineEvent
from postmortem_desk.domain.types import NaiveDatetimeError, UTCDateTime, utc_now
from postmortem_desk.storage.database import Database

DIALECT = sqlite.dialect()
KOLKATA = timezone(timedelta(hours=5, minutes=30))
LOS_ANGELES_WINTER = timezone(timedelta(hours=-8))


def test_bind_refuses_naive_datetime() -> None:
    """Refuse a datetime without a time zone before it reaches SQLite."""
    with pytest.raises(NaiveDatetimeError, match="without a time zone"):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1, 12, 0), DIALECT)


def test_bind_converts_to_utc() -> None:
    """Store the UTC wall time of an aware datetime."""
    stored = UTCDateTime().process_bind_param(datetime(2026, 1, 1, 12, 0, tzinfo=KOLKATA), DIALECT)
    assert stored == datetime(2026, 1, 1, 6, 30)


def test_none_passes_through() -> None:
    """Leave missing values missing both ways."""
    column = UTCDateTime()
    assert column.process_bind_param(None, DIALECT) is None
    assert column.process_result_value(None, DIALECT) is None


def test_utc_now_is_aware() -> None:
    """Return an aware UTC time."""
    assert utc_now().tzinfo is UTC


def _postmortem(session: Session) -> int:
    postmortem = Postmortem(title="Offsets")
    session.add(postmortem)
    session.flush()
    assert postmortem.id is not None
    return postmortem.id


def test_round_trip_keeps_the_instant(database: Database) -> None:
    """Store times from several offsets and read back aware UTC times at the same instants."""
    moments = [
        datetime(2026, 3, 29, 1, 59, 30, 123456, tzinfo=UTC),
        datetime(2026, 3, 29, 9, 15, tzinfo=KOLKATA),
        datetime(2026, 12, 31, 23, 30, tzinfo=LOS_ANGELES_WINTER),
    ]
    with Session(database.engine) as session:
        postmortem_id = _postmortem(session)
        for moment in moments:
            session.add(TimelineEvent(postmortem_id=postmortem_id, occurred_at=moment))
        session.commit()
    with Session(database.engine) as session:
        stored = session.exec(select(TimelineEvent).order_by(col(TimelineEvent.id))).all()
        for event, moment in zip(stored, moments, strict=True):
            assert event.occurred_at.tzinfo is UTC
            assert event.occurred_at == moment
            assert event.occurred_at.utcoffset() == timedelta(0)
    assert datetime(2027, 1, 1, 7, 30, tzinfo=UTC) == moments[2]


def test_ordering_follows_instants_not_wall_times(database: Database) -> None:
    """Sort by the instant: 10:00 in Kolkata is before 05:00 UTC the same day."""
    early = datetime(2026, 5, 1, 10, 0, tzinfo=KOLKATA)
    late = datetime(2026, 5, 1, 5, 0, tzinfo=UTC)
    with Session(database.engine) as session:
        postmortem_id = _postmortem(session)
        session.add(TimelineEvent(postmortem_id=postmortem_id, occurred_at=late, text="late"))
        session.add(TimelineEvent(postmortem_id=postmortem_id, occurred_at=early, text="early"))
        session.commit()
        ordered = session.exec(select(TimelineEvent).order_by(col(TimelineEvent.occurred_at))).all()
        assert [event.text for event in ordered] == ["early", "late"]


def test_naive_datetime_is_refused_by_the_database_layer(database: Database) -> None:
    """Refuse to write a row with a naive time, and write nothing."""
    with Session(database.engine) as session:
        postmortem_id = _postmortem(session)
        session.commit()
        session.add(
            TimelineEvent(postmortem_id=postmortem_id, occurred_at=datetime(2026, 1, 1, 12, 0))
        )
        with pytest.raises(StatementError) as caught:
            session.commit()
        assert isinstance(caught.value.orig, NaiveDatetimeError)
        session.rollback()
        assert session.exec(select(TimelineEvent)).all() == []
