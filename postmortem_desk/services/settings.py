"""Organisation-wide settings kept in the database as JSON, with defaults in code."""

from __future__ import annotations

import copy
from typing import Any

from postmortem_desk.domain.models import Setting
from postmortem_desk.services.base import ChangeKind, Entity, Service

DEFAULT_GROUND_RULES: list[str] = [
    "This review is blameless: we look at how the system made each action reasonable at the "
    "time, not at who to blame.",
    "Ask what and how, not who and why.",
    "Everyone acted in good faith with what they knew then; hindsight is not evidence.",
    "Tangents go to the parking lot; we come back to them at the end.",
    "Anyone can say \u201cparking lot\u201d to move us on.",
]

DEFAULTS: dict[str, Any] = {
    "ground_rules": DEFAULT_GROUND_RULES,
    "due_policy": {"high_priority_severe_days": 14, "other_days": 30},
    "meeting_deadline_days": {"SEV1": 3, "SEV2": 5, "SEV3": 10, "SEV4": 14},
    "gap_threshold_minutes": 15,
    "confluence": {"base_url": "", "space_key": "", "parent_id": "", "user": "", "flavour": ""},
    "projector_theme": "dark",
}


class SettingsService(Service):
    """Read and write settings; an unset key returns its default."""

    def get(self, key: str) -> Any:
        """Return the stored value of ``key`` or its default (None when there is none)."""
        with self.store.session() as session:
            row = session.get(Setting, key)
        if row is None:
            # A copy, so a caller editing the list or dict it got cannot change the default.
            return copy.deepcopy(DEFAULTS.get(key))
        return row.value

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` (anything JSON can hold) under ``key``."""
        with self.store.session() as session:
            row = session.get(Setting, key)
            if row is None:
                row = Setting(key=key, value=value)
            else:
                row.value = value
            session.add(row)
        self._announce(Entity.SETTING, ChangeKind.UPDATED, None, fields=frozenset({key}))

    def reset(self, key: str) -> None:
        """Forget the stored value so the default applies again."""
        with self.store.session() as session:
            row = session.get(Setting, key)
            if row is not None:
                session.delete(row)
        self._announce(Entity.SETTING, ChangeKind.UPDATED, None, fields=frozenset({key}))
