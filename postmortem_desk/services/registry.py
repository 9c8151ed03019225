"""All services of one open database, built once by the composition root."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from postmortem_desk.services.actions import ActionService
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.meeting import MeetingService
from postmortem_desk.services.notes import NotesService
from postmortem_desk.services.people import PeopleService
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.services.settings import SettingsService
from postmortem_desk.services.timeline import TimelineService
from postmortem_desk.services.whys import WhyService

if TYPE_CHECKING:
    from postmortem_desk.services.coaching import CoachingService
    from postmortem_desk.services.publishing import PublishingService
    from postmortem_desk.services.timeline_import import ImportService
    from postmortem_desk.services.tracker import TrackerService


class Services:
    """The use cases the GUI and the CLI call, sharing one store and one change bus.

    Importing, publishing and the tracker are built on first use: they pull in the importers,
    the report writers and the follow-through rules, which a start-up does not need.
    """

    def __init__(self, store: Store, bus: ChangeBus) -> None:
        self.store = store
        self.bus = bus
        self.postmortems = PostmortemService(store, bus)
        self.people = PeopleService(store, bus)
        self.timeline = TimelineService(store, bus)
        self.whys = WhyService(store, bus)
        self.actions = ActionService(store, bus)
        self.notes = NotesService(store, bus)
        self.meeting = MeetingService(store, bus)
        self.settings = SettingsService(store, bus)

    @classmethod
    def for_engine(cls, engine: Engine) -> Services:
        """Build every service over ``engine``."""
        return cls(Store(engine), ChangeBus())

    @cached_property
    def coaching(self) -> CoachingService:
        """Return the language coach service."""
        from postmortem_desk.services.coaching import CoachingService

        return CoachingService()

    @cached_property
    def imports(self) -> ImportService:
        """Return the timeline import service."""
        from postmortem_desk.services.timeline_import import ImportService

        return ImportService(self.store, self.bus)

    @cached_property
    def publishing(self) -> PublishingService:
        """Return the publishing service (Confluence settings, published pages, outbox)."""
        from postmortem_desk.services.publishing import PublishingService

        return PublishingService(self.store, self.bus)

    @cached_property
    def tracker(self) -> TrackerService:
        """Return the follow-through tracker over every postmortem."""
        from postmortem_desk.services.tracker import TrackerService

        return TrackerService(self.store, self.bus)
