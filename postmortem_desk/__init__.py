"""Postmortem Desk: run a blameless postmortem meeting from a laptop and a projector."""

__version__ = "0.1.0"
APP_NAME = "Postmortem Desk"
APP_ID = "postmortem-desk"
