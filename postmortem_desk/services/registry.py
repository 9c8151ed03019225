"""All services of one open database, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from postmortem_desk.services.actions import ActionService
from postmortem_desk.services.base import ChangeBus, Store
from postmortem_desk.services.meeting import MeetingService
from postmortem_desk.services.notes import NotesService
from postmortem_desk.services.people import PeopleService
from postmortem_desk.services.postmortems import PostmortemService
from postmortem_desk.services.publishing import PublishingService
from postmortem_desk.services.settings import SettingsService
from postmortem_desk.services.timeline import TimelineService
from postmortem_desk.services.timeline_import import ImportService
from postmortem_desk.services.tracker import TrackerService
from postmortem_desk.services.whys import WhyService


@dataclass
class Services:
    """The use cases the GUI and the CLI call, sharing one store and one change bus."""

    bus: ChangeBus
    postmortems: PostmortemService
    people: PeopleService
    timeline: TimelineService
    whys: WhyService
    actions: ActionService
    notes: NotesService
    meeting: MeetingService
    settings: SettingsService
    imports: ImportService
    publishing: PublishingService
    tracker: TrackerService

    @classmethod
    def for_engine(cls, engine: Engine) -> Services:
        """Build every service over ``engine``."""
        store = Store(engine)
        bus = ChangeBus()
        return cls(
            bus=bus,
            postmortems=PostmortemService(store, bus),
            people=PeopleService(store, bus),
            timeline=TimelineService(store, bus),
            whys=WhyService(store, bus),
            actions=ActionService(store, bus),
            notes=NotesService(store, bus),
            meeting=MeetingService(store, bus),
            settings=SettingsService(store, bus),
            imports=ImportService(store, bus),
            publishing=PublishingService(store, bus),
            tracker=TrackerService(store, bus),
        )
