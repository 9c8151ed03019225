"""The roles step page (being built in the meeting issue)."""

from __future__ import annotations

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.pages.base import StepPage


class RolesPage(StepPage):
    """Page of the roles step."""

    step = MeetingStep.ROLES
