"""Helpers shared by the export and publish GUI tests."""

from __future__ import annotations

from postmortem_desk.export.confluence_client import ConfluenceClient, ConfluenceTarget

TOKEN = "pat-Zq81-GUI-SECRET-7vKx"


def _no_wait(seconds: float) -> None:
    return None


def fast_client(target: ConfluenceTarget, token: str) -> ConfluenceClient:
    """Build a real client that gives up quickly (an unanswering server times out in 0.5 s)."""
    return ConfluenceClient(target, token, timeout=0.5, sleep=_no_wait)
