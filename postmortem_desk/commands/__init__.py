"""Scriptable subcommands of ``postmortem-desk``: one module each, registered in ``cli.py``."""
