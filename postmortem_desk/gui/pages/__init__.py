"""One page per meeting step."""

from __future__ import annotations

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.gui.pages.base import StepPage


def page_types() -> dict[MeetingStep, type[StepPage]]:
    """Return the page class of every step."""
    from postmortem_desk.gui.pages.follow_up_page import FollowUpPage
    from postmortem_desk.gui.pages.prepare_page import PreparePage
    from postmortem_desk.gui.pages.recommendations_page import RecommendationsPage
    from postmortem_desk.gui.pages.review_page import ReviewPage
    from postmortem_desk.gui.pages.roles_page import RolesPage
    from postmortem_desk.gui.pages.whys_page import WhysPage

    return {
        MeetingStep.PREPARE: PreparePage,
        MeetingStep.ROLES: RolesPage,
        MeetingStep.REVIEW: ReviewPage,
        MeetingStep.WHYS: WhysPage,
        MeetingStep.RECOMMENDATIONS: RecommendationsPage,
        MeetingStep.FOLLOW_UP: FollowUpPage,
    }
