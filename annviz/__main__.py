"""``python -m annviz`` does what the ``annviz`` command does."""

import sys

from annviz.cli import main

sys.exit(main())
