"""The language coach in the GUI: squiggles, tooltips, rewrites and the facilitator's panel.

Wire one ``CoachEditorSupport`` per free-text editor and register it with the
``CoachFindingsPanel`` of the facilitator window; never attach either to the projector.
"""

from postmortem_desk.gui.coach.editor_support import CoachEditorSupport, tooltip_html
from postmortem_desk.gui.coach.findings_panel import CoachFindingsModel, CoachFindingsPanel
from postmortem_desk.gui.coach.highlighter import CoachHighlighter, FindingCache

__all__ = [
    "CoachEditorSupport",
    "CoachFindingsModel",
    "CoachFindingsPanel",
    "CoachHighlighter",
    "FindingCache",
    "tooltip_html",
]
