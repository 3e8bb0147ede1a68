"""``python -m newsfuse`` is the ``newsfuse`` command."""

import sys

from newsfuse.cli import main

sys.exit(main())
