"""The training worker: the core ``Trainer`` driven batch by batch in a QThread (see STYLE.md).

``TrainingWorker`` is a QObject with no parent; the controller moves it to a QThread and connects
``thread.started → run``. ``run`` prepares the data, then pulls one mini-batch at a time from
``Trainer.steps()``. Between two batches it applies what the GUI thread asked for — pause, one
step, stop, more epochs, a new learning rate / momentum / L2 — through a few thread-safe methods
that only set fields under a ``threading.Condition``; nothing else is shared. A paused worker waits
on that condition (no spinning) until it is resumed, stepped or stopped: ``request_stop`` wakes it,
and the thread's interruption flag is checked before every batch as well.

What the GUI sees, at most ``MAX_UPDATES_PER_S`` times a second however fast the batches go,
no more often than the GUI asked for with ``set_update_interval``, and one last time at the end:
``progress`` (a ``Progress`` with the batch losses since the last one), ``snapshot`` (read-only
copies of the weights and biases). Back-pressure: a new update is
only emitted once the GUI has taken the previous one (``update_shown``), so a slow screen skips
frames instead of queueing them. ``epoch_metrics`` comes once per epoch, ``finished`` once at the
end with the trainer (its network and history), ``failed`` with a message if anything raised.

Holds: the GUI thread can ask the worker to wait between two batches for a while (``hold``),
for as long as any reason for it lasts: a mouse button is down (input_priority.py), or the views
are being updated and repainted (pacer.py). A hold is not a pause; the phase does not change.

BLAS threads: ``blas_threads.ThreadChooser`` times one and more OpenBLAS threads every few
seconds and the worker trains with the faster; the library's own limit comes back at the end.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from annviz.gui.training.blas_threads import ThreadChooser, chosen_blas_threads
from annviz.nn.trainer import Trainer

log = logging.getLogger(__name__)

MAX_UPDATES_PER_S = 30


@dataclass(frozen=True)
class Progress:
    """Where training is, for the progress bar and the loss curve."""

    epoch: int                 # 0-based epoch of the latest batch
    batch: int                 # batches done in that epoch (1-based)
    batches_per_epoch: int
    epochs: int                # epochs planned (grows with +1 epoch)
    step: int                  # batches done in all
    loss: float                # loss of the latest batch
    lr: float
    samples_per_s: float
    batch_size: int
    new_losses: np.ndarray     # read-only: every batch loss since the previous Progress

    @classmethod
    def merge(cls, reports: list[Progress]) -> Progress:
        """The latest report, carrying the batch losses of all of them."""
        if len(reports) == 1:
            return reports[0]
        losses = np.concatenate([r.new_losses for r in reports])
        losses.flags.writeable = False
        return dataclasses.replace(reports[-1], new_losses=losses)

    @property
    def done_fraction(self) -> float:
        total = self.epochs * self.batches_per_epoch
        return min(1.0, self.step / total) if total else 1.0

    @property
    def seconds_left(self) -> float | None:
        """Training time left at the current speed (evaluation excluded), or None if unknown."""
        if self.samples_per_s <= 0:
            return None
        batches_left = max(0, self.epochs * self.batches_per_epoch - self.step)
        return batches_left * self.batch_size / self.samples_per_s


class TrainingWorker(QObject):
    """Trains one ``Trainer`` made by ``make_trainer`` (called in the worker thread)."""

    progress = Signal(object)          # Progress
    snapshot = Signal(object, object)  # weights, biases: tuples of read-only arrays
    epoch_metrics = Signal(object)     # EpochRecord (a copy)
    finished = Signal(object)          # the Trainer: .network, .history (status, stop_reason)
    failed = Signal(str)               # a message for the user

    def __init__(self, make_trainer: Callable[[], Trainer], paused: bool = False, steps: int = 0):
        super().__init__()
        self._make_trainer = make_trainer
        self._cond = threading.Condition()
        self._paused = paused
        self._stopping = False
        self._steps_wanted = steps
        self._extra_epochs = 0
        self._hyper: dict[str, float] = {}
        self._holds: set[str] = set()          # reasons to wait between batches (see hold)
        self._shown = threading.Event()
        self._shown.set()
        self._interval = 0.0                   # seconds between updates the GUI asked for
        self._trainer: Trainer | None = None   # the rest is the loop's own, in the worker thread
        self._event = None                     # the latest BatchEvent
        self._reported = 0                     # batch losses already sent with a Progress

    # --- commands (called from the GUI thread) -----------------------------------------------

    def is_paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        with self._cond:
            self._paused = True

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def step(self) -> None:
        """Train exactly one more mini-batch, then stay paused."""
        with self._cond:
            self._paused = True
            self._steps_wanted += 1
            self._cond.notify_all()

    def hold(self, reason: str, on: bool) -> None:
        """Wait between batches while any ``reason`` is on (e.g. "input", "update"); not a pause."""
        with self._cond:
            if on:
                self._holds.add(reason)
            else:
                self._holds.discard(reason)
                self._cond.notify_all()

    def is_held(self) -> bool:
        return bool(self._holds)

    def request_stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()

    def add_epochs(self, n: int = 1) -> None:
        with self._cond:
            self._extra_epochs += n

    def set_hyperparameters(self, **changes: float) -> None:
        """lr=, momentum=, weight_decay= for the following batches."""
        with self._cond:
            self._hyper.update(changes)

    def set_update_interval(self, seconds: float) -> None:
        """Send updates no more often than every ``seconds`` (the GUI's pace; see pacer.py)."""
        self._interval = max(0.0, seconds)

    @Slot()
    def update_shown(self) -> None:
        """The GUI has taken the last progress/snapshot; the next one may be sent."""
        self._shown.set()

    # --- the loop (in the worker thread) -----------------------------------------------------

    @Slot()
    def run(self) -> None:
        try:
            with chosen_blas_threads() as threads:
                trainer = self._make_trainer()
                self._train(trainer, threads)
        except Exception as error:  # anything at all becomes a message, never a dead thread
            log.exception("training failed")
            self.failed.emit(f"{type(error).__name__}: {error}")
            return
        self.finished.emit(trainer)

    def _train(self, trainer: Trainer, threads: ThreadChooser) -> None:
        self._trainer, self._event = trainer, None
        self._reported = len(trainer.history.batch_loss)
        steps = trainer.steps()
        last_emit = 0.0
        while True:
            self._wait_for_turn()
            start = time.perf_counter()
            try:
                self._event = next(steps)  # after a stop request: ends at once, status "stopped"
            except StopIteration:
                break
            threads.batch_done(time.perf_counter() - start)
            if self._event.epoch_record is not None:
                self.epoch_metrics.emit(dataclasses.replace(self._event.epoch_record))
            now = time.monotonic()
            due = (now - last_emit >= max(1.0 / MAX_UPDATES_PER_S, self._interval)
                   and self._shown.is_set())
            if due or self._paused:  # while stepping by hand every batch is shown
                self._emit_update()
                last_emit = now
        self._emit_update()  # the final one, whatever the pace

    def _wait_for_turn(self) -> None:
        """Block while paused; pass pending commands (stop included) on to the trainer."""
        trainer = self._trainer
        with self._cond:
            while (self._holds or (self._paused and not self._steps_wanted)) and not self._must_stop():
                if self._paused and not self._steps_wanted and self._unreported():
                    self._emit_update()  # show exactly where it paused
                self._cond.wait()
            if self._must_stop():
                trainer.request_stop()
                return
            if self._paused:
                self._steps_wanted -= 1
            if self._hyper:
                trainer.set_hyperparameters(**self._hyper)
                self._hyper.clear()
            if self._extra_epochs:
                trainer.add_epochs(self._extra_epochs)
                self._extra_epochs = 0

    def _must_stop(self) -> bool:
        return self._stopping or QThread.currentThread().isInterruptionRequested()

    def _unreported(self) -> bool:
        return len(self._trainer.history.batch_loss) > self._reported

    def _emit_update(self) -> None:
        """Progress since the last update (if any batch ran) and a snapshot of the weights."""
        trainer, event = self._trainer, self._event
        if event is not None:
            losses = np.array(trainer.history.batch_loss[self._reported:], dtype=np.float32)
            losses.flags.writeable = False
            self._reported += len(losses)
            self.progress.emit(Progress(
                event.epoch, event.batch, event.batches_per_epoch, trainer.epochs, event.step,
                event.loss, event.lr, event.samples_per_s, trainer.config.batch_size, losses))
        self._shown.clear()
        self.snapshot.emit(*trainer.network.snapshot())
