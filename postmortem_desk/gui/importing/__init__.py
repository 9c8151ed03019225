"""Import a timeline from Slack, PagerDuty, Alertmanager, CSV or chat files."""
