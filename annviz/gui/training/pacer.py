"""Update the views no faster than the GUI thread can afford while training runs.

Every update (new weights, new points on the curves) makes views recompute and repaint; for a
large network that costs tens of milliseconds. Python runs one thread at a time, so GUI time
spent in Python is time the training worker waits for the GIL — and while the GUI is busy, pad
strokes wait too. ``Pacer`` runs an update at most every ``min_interval`` seconds, and no sooner
than the last update's cost allows: if updating (and repainting) took ``c`` seconds, the next
waits until the GUI has spent no more than ``duty`` of its time on updates. Small networks
therefore update at the full rate, large ones less often.

An update is a sequence of ``steps`` (e.g. the curves, then the new weights), each run in its
own pass of the event loop so that its repaints happen before the next step: a stroke that
begins meanwhile waits for one step, not for the whole update. While a mouse button is held
(someone is drawing on the pad, or dragging a slider) no step runs: the stroke's own prediction
comes first, the views catch up when the button is up — and has stayed up for ``QUIET_S``
(``note_release`` tells of releases): a hand drawing a digit lifts the pen between
strokes, and an update started in that gap would delay the next stroke's first moves. The cost
is measured up to a zero-timeout timer after the last step, which Qt runs once the repaints are
handled.

``busy(True)`` is called before an update and ``busy(False)`` once its repaints are done: the
controller holds the worker meanwhile, and then tells it how soon the next update is wanted
(``interval``), so that it sends no more than the views can show. Competing for the GIL and the
cores, an update and the batches both ran slower than one after the other (measured: the update
~40 ms instead of ~25, and the training lost about twice the update's time).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from annviz.gui.training.input_priority import buttons_down

MIN_INTERVAL = 1 / 30
DUTY = 0.04
HOLD_MS = 30  # how often to look again while a mouse button is held
QUIET_S = 0.25  # after a release, how long no button must be down before an update begins


class Pacer(QObject):
    def __init__(self, steps: Sequence[Callable[[], None]], min_interval: float = MIN_INTERVAL,
                 duty: float = DUTY, busy: Callable[[bool], None] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._steps = tuple(steps)
        self._busy = busy or (lambda on: None)
        self.min_interval, self.duty = min_interval, duty
        self.slow_interval: float | None = None   # slow motion's seconds between two batches
        self._next = 0.0
        self.last_cost = 0.0
        self._step = -1          # the next step of the update under way; -1: none under way
        self._start = 0.0
        self._waited = 0.0       # of the update under way: time spent waiting for the buttons
        self._again = False      # something new came while an update was under way
        self._released = float("-inf")   # when a button was last released (note_release)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def request(self) -> None:
        """Something new is waiting: update now if it is time, else as soon as it is."""
        if self._step >= 0:          # an update is under way: another one after it
            self._again = True
        elif not self._timer.isActive():
            wait_ms = max(0, round((self._next - time.perf_counter()) * 1000))
            self._timer.start(wait_ms)

    def note_release(self) -> None:
        """A mouse button was just released where the user works (see input_priority.py)."""
        self._released = time.perf_counter()

    def flush(self) -> None:
        """Every step at once, whatever the pace (e.g. the last update of a run)."""
        self.cancel()
        self._begin()
        while self._step < len(self._steps):
            self._run_step()
        self._finish()

    def cancel(self) -> None:
        """Drop the update that is due or under way (its remaining steps do not run)."""
        self._timer.stop()
        if self._step >= 0:
            self._step = -1
            self._busy(False)

    def _on_timer_timeout(self) -> None:
        if self._step < 0:
            down = buttons_down()
            quiet_left = self._released + QUIET_S - time.perf_counter()
            if down or quiet_left > 0:
                self._timer.start(HOLD_MS if down else max(1, round(quiet_left * 1000)))
                return
            self._begin()
        elif buttons_down():
            self._waited += HOLD_MS / 1000
            self._timer.start(HOLD_MS)
            return
        if self._step < len(self._steps):
            self._run_step()
            self._timer.start(0)   # the next step (or the end) once this one has repainted
        else:
            self._finish()

    def _begin(self) -> None:
        self._start, self._waited, self._step, self._again = time.perf_counter(), 0.0, 0, False
        self._next = self._start + self.min_interval
        self._busy(True)

    def _run_step(self) -> None:
        step = self._steps[self._step]
        self._step += 1
        step()

    def set_slow_motion(self, batch_interval: float | None) -> None:
        """Slow motion, one batch every ``batch_interval`` seconds (None: full speed): the worker
        naps between batches, so the GUI may spend more of its time on updates — every batch is
        shown as long as updating takes at most half the time between two."""
        self.slow_interval = batch_interval

    @property
    def interval(self) -> float:
        """Seconds from one update to the next at the current pace."""
        paced = self.last_cost / self.duty
        if self.slow_interval is not None:
            paced = min(paced, max(self.slow_interval, 2 * self.last_cost))
        return max(self.min_interval, paced)

    def _finish(self) -> None:
        self._step = -1
        self.last_cost = max(0.0, time.perf_counter() - self._start - self._waited)
        self._next = self._start + self._waited + self.interval
        self._busy(False)
        if self._again:
            self.request()
