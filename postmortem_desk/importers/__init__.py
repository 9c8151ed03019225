"""Slack, PagerDuty, Alertmanager, CSV and pasted chat -> validated events and a report. No Qt."""

from postmortem_desk.importers.base import (
    ImportCancelled,
    ImportedEvent,
    ImportFailed,
    ImportFormat,
    ImportOptions,
    ImportReport,
    Problem,
    Skipped,
)
from postmortem_desk.importers.csv_import import CsvLayout, inspect_csv
from postmortem_desk.importers.formats import detect_format, parse_file
from postmortem_desk.importers.slack import SlackChannel, slack_channels

__all__ = [
    "CsvLayout",
    "ImportCancelled",
    "ImportFailed",
    "ImportFormat",
    "ImportOptions",
    "ImportReport",
    "ImportedEvent",
    "Problem",
    "Skipped",
    "SlackChannel",
    "detect_format",
    "inspect_csv",
    "parse_file",
    "slack_channels",
]
