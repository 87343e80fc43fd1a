"""``python -m annviz.run FD APP_PID``: the training process (run/process.py) on the inherited
socket FD, for the app's process APP_PID.

Its own entry, so that the process's classes are those of ``annviz.run.process`` — as the app
pickles them — and not of a ``__main__``. It does not outlive the app: besides the socket's end
(which another process may hold open: a program the app started), a watchdog thread looks every
``WATCH_S`` whether the app is still its parent, and ends the process at once when not. (Not
Linux's ``PR_SET_PDEATHSIG``: that follows the app's *thread* that started the process, and a
process started from a run's relay thread was ended with that thread.)
"""

import os
import sys
import threading
import time

WATCH_S = 0.5


def end_with_the_app(app_pid: int) -> None:
    def watch() -> None:
        while os.getppid() == app_pid:
            time.sleep(WATCH_S)
        os._exit(0)

    if os.getppid() != app_pid:      # the app ended while this one was starting
        sys.exit(0)
    threading.Thread(target=watch, name="annviz-training-watch", daemon=True).start()


if len(sys.argv) > 2:
    end_with_the_app(int(sys.argv[2]))

from annviz.run.process import main  # noqa: E402 — after the line above, whatever it costs

sys.exit(main(sys.argv[1:2]))
