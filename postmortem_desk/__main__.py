"""Allow ``python -m postmortem_desk``."""

import sys

from postmortem_desk.cli import main

sys.exit(main())
