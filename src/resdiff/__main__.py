"""``python -m resdiff``."""

import sys

from resdiff.cli import main

sys.exit(main())
