"""The playground's training loop, run by a ``threads.WorkerThread`` (see threads.py).

The worker's ``work`` loop waits for its turn (paused until Run or Step), trains
``epochs_per_update`` epochs at a time (one for a Step), and sends a ``Snapshot`` (read-only
copies) at most ``MAX_UPDATES_PER_S`` times a second. The GUI thread commands it through
``control`` (play = resume, pause, step) and a few methods — ``load``, ``set_hyper`` — that only
set fields under a lock; nothing else is shared. Each Playground has a generation number carried
by its snapshots, so a snapshot of a playground that was replaced meanwhile can be recognised and
dropped. A failure while training is reported with ``failed`` and pauses; the loop goes on.

Back-pressure: after sending, the worker waits (while still training) until the GUI has shown
the previous snapshot (``snapshot_shown``), so a slow screen never builds up a queue.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import Signal

from annviz.gui.lab.playground_model import Hyper, Playground
from annviz.gui.threads import Worker

log = logging.getLogger(__name__)

MAX_UPDATES_PER_S = 30
#: Train at most this long between two snapshots, however many epochs were asked for. The GUI
#: thread needs the GIL for painting: a worker that trains for most of each frame slows the
#: painting down (and is slowed down by it) more than it gains, so it keeps to a third.
MAX_TRAIN_S_PER_UPDATE = 0.011


class PlaygroundWorker(Worker):
    """Trains one Playground at a time, off the GUI thread. Starts paused."""

    snapshot_ready = Signal(object)     # Snapshot
    # failed(str): a message for the user; training is paused (the loop goes on)

    def __init__(self, playground: Playground, hyper: Hyper, epochs_per_update: int):
        super().__init__(paused=True)
        self._lock = threading.Lock()
        self._playground = playground
        self._hyper = hyper
        self._epochs_per_update = max(1, epochs_per_update)
        self._shown = threading.Event()
        self._shown.set()

    # --- commands (called from the GUI thread) -----------------------------------------------

    def load(self, playground: Playground) -> None:
        """Train this playground from now on (paused); the worker owns it from here."""
        with self._lock:
            self._playground = playground
        self.control.pause()

    def set_hyper(self, hyper: Hyper, epochs_per_update: int) -> None:
        with self._lock:
            self._hyper = hyper
            self._epochs_per_update = max(1, epochs_per_update)

    def snapshot_shown(self) -> None:
        """The GUI has painted the last snapshot: the worker may send the next one."""
        self._shown.set()

    # --- the loop (runs in the worker thread) ------------------------------------------------

    def _next_job(self) -> tuple[Playground, int]:
        """(playground, epochs to train now): a step trains one epoch."""
        with self._lock:
            self._playground.set_hyper(self._hyper)
            return self._playground, 1 if self.control.paused else self._epochs_per_update

    def work(self) -> None:
        last_emit = 0.0
        while self.control.wait_for_turn():
            playground, epochs = self._next_job()
            try:
                started = time.perf_counter()
                for _ in range(epochs):
                    playground.train_epoch()
                    if time.perf_counter() - started > MAX_TRAIN_S_PER_UPDATE:
                        break
                snapshot = playground.snapshot()
            except Exception as exc:  # noqa: BLE001 — a failure becomes a message, never a crash
                log.exception("the playground failed to train")
                self.control.pause()
                self.send(PlaygroundWorker.failed, str(exc))
                continue
            # Gate: no faster than MAX_UPDATES_PER_S, and not before the last one was shown.
            wait = last_emit + 1.0 / MAX_UPDATES_PER_S - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            while not self._shown.wait(0.05):
                if self.control.stop_requested:
                    return
            self._shown.clear()
            last_emit = time.perf_counter()
            self.send(PlaygroundWorker.snapshot_ready, snapshot)
