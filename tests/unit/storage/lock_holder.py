"""Hold a database open in a second process until stdin closes (used by the lock tests)."""

from __future__ import annotations

import sys
from pathlib import Path

from postmortem_desk.storage.database import open_database


def main() -> None:
    """Open the file given as the first argument, say so, and wait for stdin to close."""
    database = open_database(Path(sys.argv[1]))
    print("ready", flush=True)
    sys.stdin.read()
    database.close()


if __name__ == "__main__":
    main()
