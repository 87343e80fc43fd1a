"""Language and zoom switched many times while windows open and close, in the whole app.

Why: PySide6 crashed now and then in a language switch with closed windows alive. Closed main
windows never die — objects parented to them hold the window, out of the garbage collector's
sight — and the switch walked them too: every view of every closed window was retranslated and
rezoomed, with its threads and timers already shut down, and each switch got slower with every
closed window (5.8 s for the first, 110 s by the eighth in a 30-window stress). A closed window now
says so (``living.CLOSED``) and no language or zoom change walks it.

Used by tests/gui/test_language_stress.py (a few switches) and
tests/benchmarks/bench_language_switch.py (200). A faulthandler watchdog guards each switch.
"""

from __future__ import annotations

import faulthandler
import sys
import time
from pathlib import Path

from PySide6.QtTest import QTest

from annviz.gui.common.living import living_widgets
from run_ends import open_window

WATCHDOG_S = 60


def switches(folder: Path, n: int, every: int = 5) -> list[tuple[float, int]]:
    """``n`` language and zoom switches in a main window; every ``every`` switches a second
    window opens (in the other language), is used, and closes. Returns (seconds, widgets walked)
    of each switch."""
    main = open_window(folder / "main.ini")
    closed = []
    seen = []
    try:
        for i in range(n):
            if i % every == 0:
                other = open_window(folder / f"w{i}.ini")
                other.set_language("ko" if i % 2 else "en")
                QTest.qWait(5)
                other.training.controller.shutdown()
                other.close()
                closed.append(other)             # kept, as a test or a closure keeps one
            faulthandler.dump_traceback_later(WATCHDOG_S, exit=True, file=sys.stderr)
            try:
                t0 = time.perf_counter()
                main.set_language("ko" if i % 2 == 0 else "en")
                main.set_zoom(1.25 if i % 3 == 0 else 1.0)
                seen.append((time.perf_counter() - t0, sum(1 for _ in living_widgets())))
            finally:
                faulthandler.cancel_dump_traceback_later()
            QTest.qWait(1)
    finally:
        main.set_language("en")
        main.set_zoom(1.0)
        main.training.controller.shutdown()
        main.close()
    return seen
