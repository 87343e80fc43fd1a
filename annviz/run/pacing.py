"""The training loop's side of the one pacing design (gui/training/scheduler.py has the rules and
the GUI thread's side): ``Gate`` says when the loop may run its next batch, ``Pace`` when it sends
what it has. Plain Python, thread-safe, no Qt — so the same two run in the app's worker thread and
in the training process (run/process.py), where the GUI's commands reach them as messages.

Each command a GUI thread gives (pause, a hold, new intervals…) may also be passed on as it is
given: ``listen(callback)`` calls ``callback(command, *args)`` after it took effect here. The
training process's relay forwards them so to its own ``Gate`` and ``Pace`` (``Command``), which
then behave as these do.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from enum import Enum

MAX_FRAMES_PER_S = 30
SLOW_WAIT_S = 2.0         # slow motion: how long the worker waits at most for a batch to be shown


class Frame(Enum):
    PROGRESS = "progress"
    WEIGHTS = "weights"


class Command(Enum):
    """What the GUI thread tells a loop: ``Gate``'s and ``Pace``'s commands, one each."""

    STOP = "stop"
    PAUSE = "pause"
    RESUME = "resume"
    STEP = "step"                 # n
    HOLD = "hold"                 # reason, on
    WAKE = "wake"
    INTERVALS = "intervals"       # progress, weights (seconds)
    SPEED = "speed"               # batches a second, or None
    TAKEN = "taken"


Listener = Callable[..., None]


def _nobody(*_args) -> None:
    pass


class Gate:
    """Commands from the GUI thread to a work loop, and the loop's side of them. Thread-safe.

    GUI thread: ``request_stop``, ``pause``, ``resume``, ``step``, ``hold``, ``wake``.
    Loop: ``wait_for_turn`` between two units of work; ``nap``; ``stop_requested``.
    """

    def __init__(self, paused: bool = False):
        self._cond = threading.Condition()
        self._stop = False
        self._paused = paused
        self._steps = 0                 # units of work allowed while paused
        self._holds: set[str] = set()   # reasons to wait that are not a pause (not reported)
        self._waiting_paused = False    # the loop is waiting because of a pause (reported)
        self._woken = False             # wake() was called during a nap
        self._on_paused: Callable[[], None] = lambda: None
        self._on_resumed: Callable[[], None] = lambda: None
        self._listener: Listener = _nobody

    def on_pause_change(self, paused: Callable[[], None], resumed: Callable[[], None]) -> None:
        """Called by the loop's thread when it starts waiting for a pause and when it goes on."""
        self._on_paused, self._on_resumed = paused, resumed

    def listen(self, listener: Listener | None) -> None:
        """``listener(command, *args)`` after each command of the GUI thread's side (None: none)."""
        self._listener = listener or _nobody

    # --- the GUI thread's side -------------------------------------------------------------------

    def request_stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        self._listener(Command.STOP)

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._steps = 0
        self._listener(Command.PAUSE)

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._steps = 0
            self._cond.notify_all()
        self._listener(Command.RESUME)

    def step(self, n: int = 1) -> None:
        """Pause, but let exactly ``n`` more units of work through."""
        with self._cond:
            self._paused = True
            self._steps += n
            self._cond.notify_all()
        self._listener(Command.STEP, n)

    def hold(self, reason: str, on: bool) -> None:
        """Wait between two units while any reason is on (e.g. a mouse button is down). A hold is
        not a pause: nothing is reported."""
        with self._cond:
            if on:
                self._holds.add(reason)
            else:
                self._holds.discard(reason)
                self._cond.notify_all()
        self._listener(Command.HOLD, reason, on)

    def wake(self) -> None:
        """Wake a loop that naps, so it looks at what changed (e.g. a new speed)."""
        with self._cond:
            self._woken = True
            self._cond.notify_all()
        self._listener(Command.WAKE)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def held(self) -> bool:
        return bool(self._holds)

    @property
    def stop_requested(self) -> bool:
        return self._stop

    # --- the loop's side -------------------------------------------------------------------------

    def wait_for_turn(self, on_pause: Callable[[], None] | None = None) -> bool:
        """Block while paused (with no step left) or held; False when the loop must stop.

        ``on_pause`` runs each time the loop begins to wait for a pause, just after ``paused`` is
        reported (e.g. to show exactly where it paused).
        """
        with self._cond:
            while self._must_wait() and not self.stop_requested:
                if self._paused and not self._steps and not self._waiting_paused:
                    self._waiting_paused = True
                    self._on_paused()
                    if on_pause is not None:
                        on_pause()
                # The timeout lets the loop notice a stop that does not notify this condition
                # (a QThread's interruption: threads.Control).
                self._cond.wait(0.25)
            if self.stop_requested:
                return False
            if self._waiting_paused and not self._paused:
                self._waiting_paused = False
                self._on_resumed()
            if self._paused and self._steps:
                self._steps -= 1
            return True

    def nap(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; a stop, a pause or ``wake`` cuts it short. False when the loop
        must stop."""
        deadline = time.monotonic() + seconds
        with self._cond:
            self._woken = False
            while not (self.stop_requested or self._paused or self._woken):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(min(remaining, 0.25))   # slices: a QThread's interruption is noticed
        return not self.stop_requested

    def _must_wait(self) -> bool:
        return bool(self._holds) or (self._paused and not self._steps)


class Pace:
    """The worker's side of the schedule (scheduler.py's rules 5 and 6). The GUI thread sets; the
    worker asks, between two batches, what is due, and naps in slow motion. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._every = {Frame.PROGRESS: 1 / MAX_FRAMES_PER_S, Frame.WEIGHTS: 1 / MAX_FRAMES_PER_S}
        self._last = {Frame.PROGRESS: -math.inf, Frame.WEIGHTS: -math.inf}   # the worker's own
        self._taken = threading.Event()
        self._taken.set()
        self._speed: float | None = None
        self._slot: float | None = None   # slow motion: when the last batch's slot was (the worker's)
        self._listener: Listener = _nobody

    def listen(self, listener: Listener | None) -> None:
        """``listener(command, *args)`` after each command of the GUI thread's side (None: none)."""
        self._listener = listener or _nobody

    # --- the GUI thread's side -------------------------------------------------------------------

    def set_intervals(self, progress: float, weights: float) -> None:
        with self._lock:
            self._every = {Frame.PROGRESS: max(0.0, progress), Frame.WEIGHTS: max(0.0, weights)}
        self._listener(Command.INTERVALS, progress, weights)

    def set_speed(self, batches_per_s: float | None) -> None:
        """Slow motion: at most ``batches_per_s`` batches a second (None: full speed)."""
        with self._lock:
            self._speed = batches_per_s if batches_per_s and batches_per_s > 0 else None
        self._listener(Command.SPEED, batches_per_s)

    def taken(self) -> None:
        """The GUI has taken the last weights; the next may be sent."""
        self._taken.set()
        self._listener(Command.TAKEN)

    @property
    def speed(self) -> float | None:
        return self._speed

    # --- the worker's side -----------------------------------------------------------------------

    def due(self, every_batch: bool = False) -> tuple[bool, bool]:
        """(progress, weights): what to send after this batch. ``every_batch``: paused or
        stepped by hand — everything, every batch (rule 7); slow motion too (rule 6)."""
        now = time.monotonic()
        with self._lock:
            every_batch = every_batch or self._speed is not None
            progress = every_batch or now - self._last[Frame.PROGRESS] >= self._every[Frame.PROGRESS]
            weights = every_batch or (now - self._last[Frame.WEIGHTS] >= self._every[Frame.WEIGHTS]
                                      and self._taken.is_set())
        return progress, weights

    def sent(self, progress: bool, weights: bool) -> None:
        now = time.monotonic()
        if progress:
            self._last[Frame.PROGRESS] = now
        if weights:
            self._last[Frame.WEIGHTS] = now
            self._taken.clear()

    def wait_for_slot(self, gate: Gate) -> None:
        """Slow motion: nap until this batch's slot (a stop, a pause or a new speed cuts it short;
        no catching up after a hold or a pause)."""
        speed, now = self._speed, time.monotonic()
        if speed is None or self._slot is None:
            self._slot = now
            return
        self._slot = max(self._slot + 1 / speed, now - 1.0)
        gate.nap(self._slot - now)
        # Every batch on screen: views slower than the pace (a busy machine) slow the pace down,
        # the worker waiting until the last batch's weights were shown — at most SLOW_WAIT_S, in
        # short naps that a stop or a pause cuts short.
        deadline = time.monotonic() + SLOW_WAIT_S
        while (self._speed is not None and not self._taken.is_set() and not gate.paused
               and time.monotonic() < deadline and gate.nap(0.005)):
            pass


_GATE = {Command.STOP: "request_stop", Command.PAUSE: "pause", Command.RESUME: "resume",
         Command.STEP: "step", Command.HOLD: "hold", Command.WAKE: "wake"}
_PACE = {Command.INTERVALS: "set_intervals", Command.SPEED: "set_speed", Command.TAKEN: "taken"}


def obey(gate: Gate, pace: Pace, command: Command, *args) -> None:
    """Carry out on ``gate`` or ``pace`` a command given to another pair (the training process
    does so with what its relay forwards)."""
    if command in _GATE:
        getattr(gate, _GATE[command])(*args)
    elif command in _PACE:
        getattr(pace, _PACE[command])(*args)
    else:
        raise ValueError(f"not a command: {command!r}")
