"""``python -m annviz.run FD``: the training process (run/process.py), on the inherited socket FD.

Its own entry, so that the process's classes are those of ``annviz.run.process`` — as the app
pickles them — and not of a ``__main__``."""

import sys

from annviz.run.process import main

sys.exit(main())
