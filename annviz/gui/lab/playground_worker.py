"""The playground's training thread: a worker QObject moved to a QThread (see STYLE.md).

The worker's ``run`` loop waits for something to do, trains ``epochs_per_update`` epochs at a
time, and emits a ``Snapshot`` (read-only copies) at most ``MAX_UPDATES_PER_S`` times a second.
The GUI thread commands it through a few thread-safe methods — ``load``, ``set_hyper``,
``play``, ``pause``, ``step_once``, ``stop`` — that only set fields under a lock and wake the
loop; nothing else is shared. Each Playground has a generation number carried by its snapshots,
so a snapshot of a playground that was replaced meanwhile can be recognised and dropped.

Back-pressure: after emitting, the worker waits (while still training) until the GUI has shown
the previous snapshot (``snapshot_shown``), so a slow screen never builds up a queue.
"""

from __future__ import annotations

import threading
import time
import traceback

from PySide6.QtCore import QObject, QThread, Signal, Slot

from annviz.gui.lab.playground_model import Hyper, Playground

MAX_UPDATES_PER_S = 30
#: Train at most this long between two snapshots, however many epochs were asked for. The GUI
#: thread needs the GIL for painting: a worker that trains for most of each frame slows the
#: painting down (and is slowed down by it) more than it gains, so it keeps to a third.
MAX_TRAIN_S_PER_UPDATE = 0.011


class PlaygroundWorker(QObject):
    """Trains one Playground at a time, off the GUI thread."""

    snapshot_ready = Signal(object)     # Snapshot
    failed = Signal(str)                # a message for the user; training is paused
    finished = Signal()

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._playground: Playground | None = None
        self._hyper = Hyper()
        self._epochs_per_update = 4
        self._playing = False
        self._steps_wanted = 0
        self._shown = threading.Event()
        self._shown.set()

    # --- commands (called from the GUI thread) -----------------------------------------------

    def load(self, playground: Playground) -> None:
        """Train this playground from now on (paused); the worker owns it from here."""
        with self._lock:
            self._playground = playground
            self._playing = False
            self._steps_wanted = 0
        self._wake.set()

    def set_hyper(self, hyper: Hyper, epochs_per_update: int) -> None:
        with self._lock:
            self._hyper = hyper
            self._epochs_per_update = max(1, epochs_per_update)

    def play(self) -> None:
        with self._lock:
            self._playing = True
        self._wake.set()

    def pause(self) -> None:
        with self._lock:
            self._playing = False

    def step_once(self) -> None:
        """Train one epoch and show it."""
        with self._lock:
            self._steps_wanted += 1
        self._wake.set()

    def stop(self) -> None:
        """Leave ``run`` at the next check (the thread's interruption flag works too)."""
        self._stopping.set()
        self._wake.set()
        self._shown.set()

    def snapshot_shown(self) -> None:
        """The GUI has painted the last snapshot: the worker may emit the next one."""
        self._shown.set()

    # --- the loop (runs in the worker thread) ------------------------------------------------

    def _should_stop(self) -> bool:
        return self._stopping.is_set() or QThread.currentThread().isInterruptionRequested()

    def _next_job(self) -> tuple[Playground | None, int]:
        """(playground, epochs to train now); 0 epochs means nothing to do."""
        with self._lock:
            playground = self._playground
            if playground is None:
                return None, 0
            playground.set_hyper(self._hyper)
            if self._playing:
                return playground, self._epochs_per_update
            if self._steps_wanted:
                self._steps_wanted -= 1
                return playground, 1
            return playground, 0

    @Slot()
    def run(self) -> None:
        last_emit = 0.0
        while not self._should_stop():
            playground, epochs = self._next_job()
            if epochs == 0:
                self._wake.wait(0.1)
                self._wake.clear()
                continue
            try:
                started = time.perf_counter()
                for _ in range(epochs):
                    playground.train_epoch()
                    if time.perf_counter() - started > MAX_TRAIN_S_PER_UPDATE or self._should_stop():
                        break
                snapshot = playground.snapshot()
            except Exception as exc:  # noqa: BLE001 — a failure becomes a message, never a crash
                traceback.print_exc()
                with self._lock:
                    self._playing = False
                    self._steps_wanted = 0
                self.failed.emit(str(exc))
                continue
            # Gate: no faster than MAX_UPDATES_PER_S, and not before the last one was shown.
            wait = last_emit + 1.0 / MAX_UPDATES_PER_S - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            self._shown.wait(0.5)
            if self._should_stop():
                break
            self._shown.clear()
            last_emit = time.perf_counter()
            self.snapshot_ready.emit(snapshot)
        self.finished.emit()
