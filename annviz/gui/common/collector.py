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

About a second *while objects are being made*: the collector counts objects, not bytes. A
closed window lets go of few objects holding much memory (its pages, runs and data: 80–110 MB),
and a quiet app makes too few new objects to reach a full collection for many seconds: 200 run
ends of every kind (``tests/benchmarks/bench_run_ends.py``) peaked 210 MB above the resident
memory after their tenth — closed windows, and trainers with their data that a run end left in
cycles (none now: ``gui/threads.py``, ``gui/training/controller.py``). So whoever lets go of
something large that a cycle may hold says so — ``collect_soon()``: a thread's end
(``gui/threads.py``), a closed main window — and the next tick collects everything, as soon as
the cost bound allows; the request waits till then. That bound is 20 × what a full collection
costs the GUI thread to look (``_cost``): not the time it waited for the processor on a busy
machine, nor what it spent freeing what it found (a window's widgets: up to 0.6 s, and 20 × that
held the next collection back for 12 s: 25 run ends, 3 closed windows waiting).
"""

from __future__ import annotations

import gc
import time
from collections import deque

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 50
FULL_EVERY_S = 1.0       # a full collection at least this often while objects are being made,
FULL_COST_RATIO = 20     # unless one costs more than 1/20 of that: then 20 × its cost (_cost)
COST_OF_LAST = 8         # a full collection's cost: the least of the last few (see _cost)


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
        self._full_seconds: deque[float] = deque(maxlen=COST_OF_LAST)   # the last ones' processor time
        self._asked = False                 # collect_soon(): a full collection is wanted
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)
        gc.disable()

    def ask(self) -> None:
        """A full collection at the next tick the cost bound allows (``collect_soon``)."""
        self._asked = True

    def collect_due(self) -> int:
        """One check: collect what is due; the number of unreachable objects found."""
        t0, t1, t2 = self._thresholds
        new = gc.get_count()[0]
        waited = time.monotonic() - self._last_full
        cost = self._cost()
        if self._asked and waited >= FULL_COST_RATIO * cost:
            self._young = self._middle = 0
            return self._collect_all()
        if new <= t0:
            return 0
        self._young += max(1, new // max(t0, 1))
        generation = 0
        if self._young > t1:
            self._middle += max(1, self._young // (t1 + 1))
            self._young, generation = 0, 1
            if self._middle > t2:
                self._middle, generation = 0, 2
        if waited >= max(FULL_EVERY_S, FULL_COST_RATIO * cost):
            generation = 2
        elif generation == 2 and waited < FULL_COST_RATIO * cost:
            generation = 1                  # a full one is due by count but would cost too much yet
        if generation != 2:
            return gc.collect(generation)
        return self._collect_all()

    def _cost(self) -> float:
        """What a full collection costs the GUI thread to look through the heap: the least
        processor time of the last ``COST_OF_LAST``. Processor time, not the time that passed: on
        a busy machine the thread waits for the processor too (the app's 83,000 objects after a
        few run ends, finding nothing: 45–63 ms of processor time, 55–125 ms passed, at a load of
        2.4). The least of the last few: one also counts freeing what it found — a closed
        window's widgets, up to 0.6 s — work that reference counting would have done anyway; the
        least is mostly a look alone, and follows a heap that grows within as many collections."""
        return min(self._full_seconds, default=0.0)

    def _collect_all(self) -> int:
        self._asked = False
        cpu = time.thread_time()
        found = gc.collect(2)
        self._full_seconds.append(time.thread_time() - cpu)
        self._last_full = time.monotonic()
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


def collect_soon() -> None:
    """Ask the installed collector for a full collection at its next tick (in the GUI thread, as
    soon as its cost bound allows): call it after letting go of something large that a cycle may
    hold. Without an installed collector (automatic collection on), nothing to do."""
    if _installed is not None and shiboken6.isValid(_installed):
        _installed.ask()
