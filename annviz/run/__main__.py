"""``python -m annviz.run FD APP_PID``: the training process (run/process.py) on the inherited
socket FD, for the app's process APP_PID.

Its own entry, so that the process's classes are those of ``annviz.run.process`` — as the app
pickles them — and not of a ``__main__``. Before anything is imported, it asks Linux to end it
when the app's process ends (``prctl(PR_SET_PDEATHSIG)``: an app killed while its socket is held
elsewhere), and ends at once if the app has already gone; elsewhere the socket's end is all.
"""

import os
import signal
import sys


def end_with_the_app(app_pid: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != app_pid:      # the app ended before the line above
        sys.exit(0)


if len(sys.argv) > 2:
    end_with_the_app(int(sys.argv[2]))

from annviz.run.process import main  # noqa: E402 — after the line above, whatever it costs

sys.exit(main(sys.argv[1:2]))
