"""Settings: defaults from code, stored values, reset, and one change per edit."""

from __future__ import annotations

from postmortem_desk.services.base import Change, ChangeKind, Entity
from postmortem_desk.services.registry import Services
from postmortem_desk.services.settings import DEFAULT_GROUND_RULES, DEFAULTS


def test_unset_keys_give_their_defaults(services: Services) -> None:
    """Return the default of a known key and None for an unknown one."""
    assert services.settings.get("ground_rules") == DEFAULT_GROUND_RULES
    assert services.settings.get("due_policy") == {
        "high_priority_severe_days": 14,
        "other_days": 30,
    }
    assert services.settings.get("no such key") is None


def test_set_and_reset(services: Services, changes: list[Change]) -> None:
    """Store any JSON value, overwrite it, then forget it so the default is back."""
    services.settings.set("gap_threshold_minutes", 20)
    assert services.settings.get("gap_threshold_minutes") == 20
    services.settings.set("confluence", {"base_url": "https://wiki.example.com", "user": "pm"})
    services.settings.set("confluence", {"base_url": "https://wiki2.example.com"})
    assert services.settings.get("confluence") == {"base_url": "https://wiki2.example.com"}
    services.settings.reset("gap_threshold_minutes")
    services.settings.reset("never set")
    assert services.settings.get("gap_threshold_minutes") == DEFAULTS["gap_threshold_minutes"]
    assert [(c.entity, c.kind, c.postmortem_id, c.fields) for c in changes] == [
        (Entity.SETTING, ChangeKind.UPDATED, None, frozenset({key}))
        for key in (
            "gap_threshold_minutes",
            "confluence",
            "confluence",
            "gap_threshold_minutes",
            "never set",
        )
    ]


def test_values_survive_reopening(services: Services) -> None:
    """Keep a stored value in the file, not in memory."""
    services.settings.set("projector_theme", "light")
    fresh = Services.for_engine(services.postmortems.store.engine)
    assert fresh.settings.get("projector_theme") == "light"


def test_changing_a_returned_default_does_not_change_the_default(services: Services) -> None:
    """Hand out copies of defaults, so a caller editing one cannot alter them for everyone."""
    rules = services.settings.get("ground_rules")
    rules.append("A rule added by a careless caller")
    services.settings.get("due_policy")["other_days"] = 1
    assert services.settings.get("ground_rules") == DEFAULT_GROUND_RULES
    assert "A rule added by a careless caller" not in DEFAULT_GROUND_RULES
    assert services.settings.get("due_policy")["other_days"] == 30
