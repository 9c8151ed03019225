"""The prepare step page (being built in the meeting issue)."""

from __future__ import annotations

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.pages.base import StepPage


class PreparePage(StepPage):
    """Page of the prepare step."""

    step = MeetingStep.PREPARE
