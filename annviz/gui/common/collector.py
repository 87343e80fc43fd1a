"""Python's cyclic garbage collector runs in the GUI thread, never in a worker.

A widget that Python made is freed, when only a reference cycle still holds it (a window whose
slot is a lambda over itself, a page's closed window), by the cyclic collector — on whichever
thread's allocation happened to start a collection. A training worker allocates all the time, so
that was usually the worker: the widget's C++ destructor ran there, taking it out of Qt's set of
all widgets while the GUI thread read that set. Measured: a worker allocating beside a GUI
thread that drops such widgets freed 404 of 405 of them. In the test suite the same race crashed
PySide6 6.11 inside ``QApplication.topLevelWidgets()`` (a language switch walking the windows)
in 5 of 8 full runs. It breaks the rule of ``gui/threads.py``: no QObject that Python touches
dies in a worker thread.

So automatic collection is switched off and a timer of the GUI thread collects instead, by the
thresholds the collector would have used itself, and everything at least every ``FULL_EVERY_S``
while objects are being made (pyqtgraph's ``GarbageCollector`` moves collection to the GUI thread
too, for the same reason). Reference counting still frees everything that is not in a cycle at
once, in the thread that drops it; only cycles wait — about a second at most.
"""

from __future__ import annotations

import gc
import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 50
FULL_EVERY_S = 1.0       # a full collection at least this often while objects are being made,
FULL_COST_RATIO = 20     # unless the last one took more than 1/20 of that: then 20 × its time


class GuiThreadCollector(QObject):
    """Collects, on a timer of the thread it lives in (the GUI thread), as often as automatic
    collection would have: a tick that finds k × the young generation's threshold of new objects
    counts as k young collections, every ``t1`` of those make one of the middle generation, every
    ``t2`` of those a full one. (One young collection a tick, whatever had come, let a closed
    window's cycle wait half a minute for a full one: 200 run ends peaked at 2.4 GB.)"""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._young = self._middle = 0      # young collections since the last middle one, …
        self._last_full = time.monotonic()
        self._full_seconds = 0.0            # what the last full collection took
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)
        gc.disable()

    def collect_due(self) -> int:
        """One check: collect what is due; the number of unreachable objects found."""
        t0, t1, t2 = self._thresholds
        new = gc.get_count()[0]
        if new <= t0:
            return 0
        self._young += max(1, new // max(t0, 1))
        generation = 0
        if self._young > t1:
            self._middle += max(1, self._young // (t1 + 1))
            self._young, generation = 0, 1
            if self._middle > t2:
                self._middle, generation = 0, 2
        now = time.monotonic()
        waited = now - self._last_full
        if waited >= max(FULL_EVERY_S, FULL_COST_RATIO * self._full_seconds):
            generation = 2
        elif generation == 2 and waited < FULL_COST_RATIO * self._full_seconds:
            generation = 1                  # a full one is due by count but would cost too much yet
        if generation != 2:
            return gc.collect(generation)
        found = gc.collect(2)
        self._last_full = time.monotonic()
        self._full_seconds = self._last_full - now
        return found


_installed: GuiThreadCollector | None = None


def install(app: QCoreApplication) -> GuiThreadCollector:
    """The collector of ``app``: made once, a child of the application, from the GUI thread (the
    thread that made the application)."""
    global _installed
    if _installed is None or not shiboken6.isValid(_installed):
        _installed = GuiThreadCollector(app)
    return _installed


def collect_due() -> int:
    """What the installed collector's next tick would collect, now (for a caller of the GUI
    thread that runs no event loop for a while: a test between two others)."""
    return _installed.collect_due() if _installed is not None and shiboken6.isValid(_installed) else 0
