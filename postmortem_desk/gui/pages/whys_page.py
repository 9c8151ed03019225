"""The whys step page (being built in the meeting issue)."""

from __future__ import annotations

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.pages.base import StepPage


class WhysPage(StepPage):
    """Page of the whys step."""

    step = MeetingStep.WHYS
