"""Make edits through the services for ever, printing one line per committed edit.

Run by ``test_crash_safety.py`` as ``python crash_writer.py DB RUN``, and killed with SIGKILL at a
random moment. Each line is JSON written only after the service call returned, so it lists what
the store has reported as committed. ``seq`` grows across runs, so later values win.
"""

from __future__ import annotations

import itertools
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from postmortem_desk.domain.enums import ActionStatus, LessonKind
from postmortem_desk.services.registry import Services
from postmortem_desk.storage.database import open_database

TITLE = "Crash test"
START = datetime(2026, 11, 18, 12, 0, tzinfo=UTC)


def report(**fields: Any) -> None:
    """Print one committed edit and push it out of the buffer at once."""
    print(json.dumps(fields), flush=True)


def main() -> None:
    """Open the library (taking over a dead writer's lock) and edit until killed."""
    path, run = Path(sys.argv[1]), int(sys.argv[2])
    database = open_database(path)
    services = Services.for_engine(database.engine)
    existing = [s for s in services.postmortems.list_summaries() if s.title == TITLE]
    if existing:
        pm_id = int(existing[0].id)
    else:
        pm_id = services.postmortems.create(title=TITLE).id or 0
        report(op="postmortem", id=pm_id)
    last_event: int | None = None
    last_action: int | None = None
    last_why: int | None = None
    for step in itertools.count():
        seq = run * 1_000_000 + step
        choice = step % 8
        if choice == 0 or (choice == 5 and last_event is None):
            event = services.timeline.add_event(
                pm_id, occurred_at=START + timedelta(seconds=seq % 86_400), text=f"event {seq}"
            )
            last_event = event.id
            report(op="event", id=event.id, seq=seq)
        elif choice == 1:
            services.postmortems.update(pm_id, users_affected=seq, summary=f"summary {seq}")
            report(op="facts", seq=seq)
        elif choice == 2 or (choice == 6 and last_action is None):
            action = services.actions.add(pm_id, title=f"action {seq}")
            last_action = action.id
            report(op="action", id=action.id, seq=seq)
        elif choice == 3:
            lesson = services.notes.add_lesson(
                pm_id, kind=list(LessonKind)[seq % 3], text=f"lesson {seq}"
            )
            report(op="lesson", id=lesson.id, seq=seq)
        elif choice == 4:
            node = services.whys.add_node(pm_id, text=f"why {seq}", parent_id=last_why)
            last_why = node.id
            report(op="why", id=node.id, parent=node.parent_id, seq=seq)
        elif choice == 5:
            assert last_event is not None
            services.timeline.update_event(last_event, actor=f"actor {seq}")
            report(op="event_update", id=last_event, seq=seq)
        elif choice == 6:
            assert last_action is not None
            services.actions.set_status(last_action, status=ActionStatus.DONE)
            report(op="action_done", id=last_action)
        else:
            parked = services.notes.add_parking_item(pm_id, text=f"parked {seq}")
            services.notes.delete_parking_item(parked.id or 0)
            report(op="parking_deleted", id=parked.id, seq=seq)


if __name__ == "__main__":
    main()
