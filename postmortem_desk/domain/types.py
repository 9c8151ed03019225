"""Column types and typed ids shared by every table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, NewType

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

PostmortemId = NewType("PostmortemId", int)
ParticipantId = NewType("ParticipantId", int)
EventId = NewType("EventId", int)
WhyNodeId = NewType("WhyNodeId", int)
ActionItemId = NewType("ActionItemId", int)
LessonId = NewType("LessonId", int)
ParkingLotItemId = NewType("ParkingLotItemId", int)
EvidenceLinkId = NewType("EvidenceLinkId", int)
ImportBatchId = NewType("ImportBatchId", int)
AnnotationId = NewType("AnnotationId", int)


class NaiveDatetimeError(ValueError):
    """A datetime without a time zone reached the database; its instant would be a guess."""


class UTCDateTime(TypeDecorator[datetime]):
    """Store aware datetimes as UTC and give them back aware; refuse naive ones.

    SQLite's ``DateTime(timezone=True)`` silently drops the offset, so the conversion happens here.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert to naive UTC for storage, refusing values without a time zone."""
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(f"refusing to store {value.isoformat()} without a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Attach UTC to what the database returns."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)
