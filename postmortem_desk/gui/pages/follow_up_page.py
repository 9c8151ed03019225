"""The follow_up step page (being built in the meeting issue)."""

from __future__ import annotations

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.pages.base import StepPage


class FollowUpPage(StepPage):
    """Page of the follow_up step."""

    step = MeetingStep.FOLLOW_UP
