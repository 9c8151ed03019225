"""The recommendations step page (being built in the meeting issue)."""

from __future__ import annotations

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.pages.base import StepPage


class RecommendationsPage(StepPage):
    """Page of the recommendations step."""

    step = MeetingStep.RECOMMENDATIONS
