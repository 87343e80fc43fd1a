"""One scheduler paces the training worker against the views: when the worker may run a batch,
when it sends what it has, and when each view may update.

Python runs one thread at a time. Every millisecond the GUI thread spends in Python (a view
recomputing, a pad stroke's forward pass) the worker waits for the interpreter lock, and the
other way round; a stroke that waits behind a repaint feels slow. So the two sides take turns by
these rules, each in one place below (and each with its test in ``tests/gui/test_scheduler.py``):

1. **Frame budget.** An update is a sequence of *frames* of two kinds: the progress (counters,
   curves, timeline: cheap) and the weights (every view of the network: tens of milliseconds for
   a large one). Each kind runs at most ``MAX_FRAMES_PER_S`` times a second, and no more often
   than its own measured cost allows: the weights may take ``WEIGHTS_SHARE`` of the GUI's time
   (``WEIGHTS_SHARE_APART`` for a run in the training process, which does not wait for them:
   the views of the network then move several times a second, not once a second), the progress
   ``PROGRESS_SHARE`` — but the progress is shown at least ``MIN_PROGRESS_PER_S`` times a second
   whatever it costs, so the curves move. A frame's cost is measured up to the
   next pass of the event loop after it: its repaints included — and whatever else that pass
   ran (a run in the training process goes on during a frame and sends the recorder's moments),
   so a kind's cost is the least of its last ``COSTS_KEPT``, and the first frame of each kind in
   a run is not measured (it pays for the run's start: the new network's views, the first
   moments). Measured: the first weights frame of a run cost ~200 ms, the next ~25 ms; taken as
   its cost, the weights were shown once in a 3-epoch run.
2. **One frame per pass.** The frames of one update run in separate passes of the event loop,
   so a stroke that begins meanwhile waits for one frame, not for the whole update.
3. **A worker in the app's own interpreter holds while the weights are shown** (both ran
   slower side by side than one after the other: measured, the update ~40 ms instead of ~25,
   and training lost about twice the update's time). Progress frames are short and do not hold
   it. A run in the training process (run/process.py) shares no interpreter lock with the views
   and does not hold (``begin_run(…, shares_interpreter=False)``): holding it only lost its time.
4. **The user's hand first.** While a mouse button is down anywhere in the app (looked at every
   ``POLL_MS``; at once for a press on a ``watch``-ed widget, e.g. the drawing pad), the worker
   holds between two batches and no frame begins; after a release, frames wait ``QUIET_S`` (a
   hand drawing a digit lifts the pen between strokes). A run in the training process holds
   too, though it shares no interpreter lock with the views: measured with it going on, strokes
   while training had p99 60–90 ms instead of 41–43 (the processor's two cores and the relay's
   messages are shared).
5. **The worker sends no faster than the views show.** It sends the progress and the weights
   each no more often than their frame interval (``Pace``, read by the worker), and new weights
   only once the GUI has taken the last ones, so a slow screen skips frames instead of queueing
   them.
6. **Slow motion** (``set_speed``): the worker naps until each batch's slot, every batch is sent
   and shown — while showing one takes at most half the time between two.
7. **Paused or stepped by hand**: every batch is sent, and shown at once (``flush``).

``Pace`` is the worker's side (plain Python, thread-safe); ``Scheduler`` the GUI thread's (it
owns the timers). The controller connects them: ``begin_run(control, pace, shares_interpreter)``
when a worker starts,
``end_run()`` when its thread has ended.
"""

from __future__ import annotations

import collections
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from annviz.run.pacing import MAX_FRAMES_PER_S, Frame, Gate, Pace

MIN_PROGRESS_PER_S = 10
WEIGHTS_SHARE = 0.04      # of the GUI thread's time, for showing new weights
WEIGHTS_SHARE_APART = 0.2 # ... when the run is in the training process
PROGRESS_SHARE = 0.02     # ... for the counters and the curves
COSTS_KEPT = 3            # a frame's cost: the least of the last this many of its kind
POLL_MS = 40              # how often the buttons are looked at while a run goes on
HOLD_MS = 30              # how often to look again while a frame waits for a button
QUIET_S = 0.25            # after a release, how long no button must be down before a frame

PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TabletPress)
RELEASES = (QEvent.Type.MouseButtonRelease, QEvent.Type.TabletRelease)


HOLDING = frozenset({Frame.WEIGHTS})   # the frames during which the worker holds (rule 3)


def buttons_down() -> bool:
    return QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton


def frame_interval(frame: Frame, cost: float, slow_interval: float | None = None,
                   apart: bool = False) -> float:
    """Seconds from one frame of this kind to the next (rules 1 and 6); ``apart``: the run is in
    the training process."""
    share = (WEIGHTS_SHARE_APART if apart else WEIGHTS_SHARE) if frame is Frame.WEIGHTS else PROGRESS_SHARE
    paced = cost / share
    if frame is Frame.PROGRESS:
        paced = min(paced, 1 / MIN_PROGRESS_PER_S)
    if slow_interval is not None:
        paced = min(paced, max(slow_interval, 2 * cost))
    return max(1 / MAX_FRAMES_PER_S, paced)


class Scheduler(QObject):
    """The GUI thread's side: runs the frames of the views and holds the worker (rules 1–4, 7).

    ``show`` maps each kind of frame to what shows it (e.g. the controller's "every loss since
    the last time" and "the newest weights").
    """

    def __init__(self, show: dict[Frame, Callable[[], None]], parent: QObject | None = None):
        super().__init__(parent)
        self._show = show
        self.cost = {frame: 0.0 for frame in Frame}     # of each kind: the least of the last few
        self._costs = {frame: collections.deque(maxlen=COSTS_KEPT) for frame in Frame}
        self._unmeasured: set[Frame] = set()            # kinds whose next frame is not measured
        self._pending: set[Frame] = set()
        self._next = {frame: 0.0 for frame in Frame}    # perf_counter time each kind is due
        self._running: Frame | None = None              # the frame whose repaints are under way
        self._started = 0.0
        self._released = -math.inf                       # when a button was last released
        self._slow_interval: float | None = None
        self._control: Gate | None = None                # the worker's, while a run goes on
        self._apart = False                              # the run is in the training process
        self._pace: Pace | None = None
        self._input_held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look_at_buttons)

    # --- the run -----------------------------------------------------------------------------------

    def begin_run(self, control: Gate, pace: Pace, shares_interpreter: bool = True) -> None:
        """A worker starts: hold it by these rules, and tell it the pace. ``shares_interpreter``:
        it runs in this process (rule 3 holds it), not in the training process."""
        self._control, self._pace, self._input_held = control, pace, False
        self._apart = not shares_interpreter
        self._unmeasured = set(Frame)
        pace.set_speed(1 / self._slow_interval if self._slow_interval else None)
        self._tell_pace()
        self._poll.start()

    def end_run(self) -> None:
        """The worker's thread has ended: stop looking at the buttons, forget its holds."""
        self._poll.stop()
        self._control = self._pace = None
        self._input_held = self._apart = False

    def set_speed(self, batches_per_s: float | None) -> None:
        """Slow motion for this run and the next (None: full speed)."""
        self._slow_interval = 1 / batches_per_s if batches_per_s and batches_per_s > 0 else None
        if self._pace is not None and self._control is not None:
            self._pace.set_speed(batches_per_s)
            self._tell_pace()
            self._control.wake()

    def interval(self, frame: Frame) -> float:
        return frame_interval(frame, self.cost[frame], self._slow_interval, self._apart)

    # --- frames ------------------------------------------------------------------------------------

    def request(self, frame: Frame) -> None:
        """Something new waits to be shown by ``frame``: as soon as the rules allow."""
        self._pending.add(frame)
        if self._running is None:
            due = self._ms_until_due()
            # A frame due sooner than the one the timer waits for (the progress behind the
            # weights' long interval) restarts it.
            if not self._timer.isActive() or self._timer.remainingTime() > due:
                self._timer.start(due)

    def taken(self) -> None:
        """The weights that came are taken (kept for their frame): the worker may send more."""
        if self._pace is not None:
            self._pace.taken()

    def flush(self) -> None:
        """Every frame at once, whatever the pace (the end of a run, a step by hand, the time
        machine letting go of the views): each shows what it has, if anything."""
        self._timer.stop()
        if self._running is not None:
            self._end_frame()
        self._pending.clear()
        for frame in Frame:
            self._show[frame]()

    def cancel(self) -> None:
        """Drop what is pending (a new run begins)."""
        self._timer.stop()
        if self._running is not None:
            self._end_frame(measure=False)
        self._pending.clear()

    # --- the user's hand (rule 4) ----------------------------------------------------------------

    def watch(self, widget: QObject) -> None:
        """A press on ``widget`` while a run goes on holds the worker at once."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if getattr(self, "_control", None) is not None:     # gone while the window is torn down
            if event.type() in PRESSES and not self._input_held:
                self._hold_for_input(True)
            elif event.type() in RELEASES and self._input_held:
                QTimer.singleShot(0, self, self._look_at_buttons)   # once the buttons are updated
        return False

    def _look_at_buttons(self) -> None:
        down = buttons_down()
        if down != self._input_held:
            self._hold_for_input(down)

    def _hold_for_input(self, down: bool) -> None:
        self._input_held = down
        if not down:
            self._released = time.perf_counter()
        if self._control is not None:
            self._control.hold("input", down)

    # --- the loop of frames (rules 1–3) ------------------------------------------------------------

    def _ms_until_due(self) -> int:
        now = time.perf_counter()
        due = min((self._next[frame] for frame in self._pending), default=now)
        return max(0, round((due - now) * 1000))

    def _on_timer(self) -> None:
        if self._running is not None:
            self._end_frame()            # its repaints are done: this is the next pass
        if not self._pending:
            return
        now = time.perf_counter()
        quiet_left = self._released + QUIET_S - now
        if buttons_down() or quiet_left > 0:
            self._timer.start(HOLD_MS if buttons_down() else max(1, round(quiet_left * 1000)))
            return
        ready = [frame for frame in Frame if frame in self._pending and self._next[frame] <= now]
        if not ready:
            self._timer.start(self._ms_until_due())
            return
        frame = ready[0]
        self._pending.discard(frame)
        self._running, self._started = frame, now
        if self._holds(frame):
            self._hold_worker(True)
        self._show[frame]()
        self._timer.start(0)             # the next pass, once this frame has repainted

    def _end_frame(self, measure: bool = True) -> None:
        frame, self._running = self._running, None
        if frame is None:
            return
        if measure and frame in self._unmeasured:
            self._unmeasured.discard(frame)
        elif measure:
            self._costs[frame].append(max(0.0, time.perf_counter() - self._started))
            self.cost[frame] = min(self._costs[frame])
        self._next[frame] = self._started + self.interval(frame)
        if self._holds(frame):
            self._hold_worker(False)
        self._tell_pace()

    def _holds(self, frame: Frame) -> bool:
        """Rule 3: a weights frame holds a worker in this interpreter."""
        return frame in HOLDING and not self._apart

    def _hold_worker(self, on: bool) -> None:
        if self._control is not None:
            self._control.hold("update", on)

    def _tell_pace(self) -> None:
        if self._pace is not None:
            self._pace.set_intervals(self.interval(Frame.PROGRESS), self.interval(Frame.WEIGHTS))
