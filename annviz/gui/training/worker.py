"""The training worker: the core ``Trainer`` driven batch by batch in a background thread.

``TrainingWorker`` is a ``threads.Worker``: created in the GUI thread, its ``work`` runs in the
thread of a ``threads.WorkerThread`` (the controller's). ``work`` prepares the data, then pulls one
mini-batch at a time from ``Trainer.steps()``. Between two batches it waits for its turn
(``control.wait_for_turn``: pause, single steps, holds, stop) and applies what the GUI thread asked
for — more epochs, a new learning rate / momentum / L2 — through methods that only set fields
under a lock; nothing else is shared.

What the GUI sees, at most ``MAX_UPDATES_PER_S`` times a second however fast the batches go,
no more often than the GUI asked for with ``set_update_interval``, and one last time at the end:
``progress`` (a ``Progress`` with the batch losses since the last one), ``snapshot`` (read-only
copies of the weights and biases). Back-pressure: a new update is
only emitted once the GUI has taken the previous one (``update_shown``), so a slow screen skips
frames instead of queueing them. ``epoch_metrics`` comes once per epoch, ``finished`` once at the
end with the trainer (its network and history), ``failed`` with a message if anything raised.
A run that finishes with a higher loss on a fixed subset than it began with (``LossBaseline``) is
marked diverged and goes back to its first weights, as the command line does.

Holds: the GUI thread can ask the worker to wait between two batches for a while (``control.hold``),
for as long as any reason for it lasts: a mouse button is down (input_priority.py), or the views
are being updated and repainted (pacer.py). A hold is not a pause; the phase does not change.

Recording (the time machine): a ``Recorder`` picks the moments of the run (recording.py); the
worker sends the empty ``Recording`` first (``recording_started``), then each ``moment``. A run
trains with one BLAS thread from start to end (blas_threads.py), so the same settings and seed give
the same bits. ``inexact`` says that η, μ or λ changed mid-run, which no replay reproduces.

The doctor (nn/doctor): on a multilayer perceptron a ``Doctor`` watches the run from the trainer
(the same one for "+1 epoch"); each diagnosis it names is sent as it appears (``diagnosed``, a
copy), and those ``finish`` adds at the end (a divergence, the last epoch). It never stops a run.

Slow motion: ``set_speed(batches_per_s)`` spaces the batches out (every one is then shown);
``set_pause_at_epoch_end`` pauses after each epoch's last batch.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Signal

from annviz.gui.threads import Worker
from annviz.gui.training.blas_threads import WORKER_BLAS_THREADS, worker_blas_threads
from annviz.nn import blas
from annviz.nn.baseline import LossBaseline
from annviz.nn.doctor import Doctor
from annviz.nn.recording import Recorder, Recording
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
    pace: float | None = None  # slow motion: batches a second at most (None: full speed)

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
    def speed(self) -> float:
        """Samples a second as the run goes: the computing speed, or slow motion's pace if slower."""
        if self.pace is None:
            return self.samples_per_s
        return min(self.samples_per_s, self.pace * self.batch_size)

    @property
    def seconds_left(self) -> float | None:
        """Training time left at the current speed — slow motion's pace included, evaluation
        excluded — or None if unknown."""
        if self.speed <= 0:
            return None
        batches_left = max(0, self.epochs * self.batches_per_epoch - self.step)
        return batches_left * self.batch_size / self.speed


class TrainingWorker(Worker):
    """Trains one ``Trainer`` made by ``make_trainer`` (called in the worker thread).

    Pause, resume, single steps, holds and stop go through ``self.control`` (threads.Control).
    """

    progress = Signal(object)          # Progress
    snapshot = Signal(object, object)  # weights, biases: tuples of read-only arrays
    epoch_metrics = Signal(object)     # EpochRecord (a copy)
    recording_started = Signal(object) # Recording: the run's film, empty; the GUI owns it from here
    moment = Signal(object)            # Moment (copies) for that recording
    inexact = Signal()                 # η, μ or λ changed mid-run: no exact replay
    diagnosed = Signal(object)         # Diagnosis (a copy): the doctor named a fault
    # finished(Trainer): .network, .history (status, stop_reason); failed(str); paused; resumed

    def __init__(self, make_trainer: Callable[[], Trainer], paused: bool = False,
                 class_names=(), record: bool = True, blas_threads: int = WORKER_BLAS_THREADS):
        super().__init__(paused)
        self._make_trainer = make_trainer
        self._blas_threads = blas_threads
        self._class_names = list(class_names)
        self._record = record
        self._lock = threading.Lock()
        self._extra_epochs = 0
        self._hyper: dict[str, float] = {}
        self._shown = threading.Event()
        self._shown.set()
        self._interval = 0.0                   # seconds between updates the GUI asked for
        self._speed: float | None = None       # batches a second (None: as fast as it goes)
        self._pause_at_epoch_end = False
        self._trainer: Trainer | None = None   # the rest is the loop's own, in the worker thread
        self._event = None                     # the latest BatchEvent
        self._unreported: list[float] = []     # batch losses not yet sent with a Progress
        self._doctor: Doctor | None = None
        self._diagnosed = 0                    # the doctor's diagnoses sent so far

    # --- commands (called from the GUI thread) -----------------------------------------------

    def add_epochs(self, n: int = 1) -> None:
        with self._lock:
            self._extra_epochs += n

    def set_hyperparameters(self, **changes: float) -> None:
        """lr=, momentum=, weight_decay= for the following batches."""
        with self._lock:
            self._hyper.update(changes)

    def set_speed(self, batches_per_s: float | None) -> None:
        """Slow motion: at most ``batches_per_s`` batches a second (None: full speed)."""
        self._speed = batches_per_s if batches_per_s and batches_per_s > 0 else None
        self.control.wake()

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self._pause_at_epoch_end = bool(on)

    def set_update_interval(self, seconds: float) -> None:
        """Send updates no more often than every ``seconds`` (the GUI's pace; see pacer.py)."""
        self._interval = max(0.0, seconds)

    def update_shown(self) -> None:
        """The GUI has taken the last progress/snapshot; the next one may be sent."""
        self._shown.set()

    # --- the loop (in the worker thread) -----------------------------------------------------

    def work(self) -> Trainer:
        with worker_blas_threads(self._blas_threads) as threads:
            trainer = self._make_trainer()
            self._watch(trainer)
            recorder = self._start_recording(trainer, threads) if self._record else None
            # A short run with an absurd η can end worse than it began without ever turning NaN.
            baseline = LossBaseline(trainer.network, trainer.loss, (trainer.train_x, trainer.train_y))
            start = trainer.network.snapshot()
            self._train(trainer, recorder)
            if trainer.history.status == "finished":
                worse = baseline.ended_worse(trainer.network)
                if worse is not None:
                    trainer.mark_diverged(worse, start)
                    self.send("snapshot", *trainer.network.snapshot())
            if self._doctor is not None:
                self._doctor.finish()
                self._send_diagnoses()
        return trainer

    def _watch(self, trainer: Trainer) -> None:
        """The doctor of this trainer's run (an MLP's): its own from before when it goes on."""
        if not getattr(trainer.network, "is_mlp", False):
            return
        doctor = trainer.observer if isinstance(trainer.observer, Doctor) else Doctor(trainer)
        self._doctor, self._diagnosed = doctor, len(doctor.named)

    def _send_diagnoses(self) -> None:
        named = self._doctor.diagnoses
        for diagnosis in named[self._diagnosed:]:
            self.send("diagnosed", copy.deepcopy(diagnosis))
        self._diagnosed = len(named)

    def _start_recording(self, trainer: Trainer, threads: int) -> Recorder:
        recorder = Recorder(trainer)
        self.send("recording_started", Recording.of(trainer, self._class_names, threads, blas.library()))
        first = recorder.start()
        if first is not None:
            self.send("moment", first)
        return recorder

    def _train(self, trainer: Trainer, recorder: Recorder | None) -> None:
        self._trainer, self._event = trainer, None
        self._unreported = []
        steps = trainer.steps()
        last_emit = -math.inf   # the first batch is always shown
        next_slot = time.monotonic()
        while True:
            if not self.control.wait_for_turn(on_pause=self._show_where_it_paused):
                trainer.request_stop()   # the next step ends at once, status "stopped"
            self._apply_commands(trainer)
            try:
                self._event = event = next(steps)
            except StopIteration:
                break
            self._unreported.append(event.loss)
            if self._doctor is not None and len(self._doctor.named) > self._diagnosed:
                self._send_diagnoses()
            if recorder is not None and (moment := recorder.observe(event)) is not None:
                self.send("moment", moment)
            if event.epoch_record is not None:
                self.send("epoch_metrics", dataclasses.replace(event.epoch_record))
                if self._pause_at_epoch_end:
                    self.control.pause()
            now = time.monotonic()
            due = (now - last_emit >= max(1.0 / MAX_UPDATES_PER_S, self._interval)
                   and self._shown.is_set())
            if due or self.control.paused or self._speed is not None:
                # while stepping by hand, or in slow motion, every batch is shown
                self._emit_update()
                last_emit = now
            next_slot = self._slow_down(next_slot)
        self._emit_update()  # the final one, whatever the pace

    def _slow_down(self, next_slot: float) -> float:
        """In slow motion, wait for this batch's slot (a stop, pause or speed change cuts it short)."""
        speed = self._speed
        if speed is None:
            return time.monotonic()
        next_slot = max(next_slot + 1.0 / speed, time.monotonic() - 1.0)   # no catching up later
        self.control.nap(next_slot - time.monotonic())
        return next_slot

    def _apply_commands(self, trainer: Trainer) -> None:
        with self._lock:
            if self._hyper:
                trainer.set_hyperparameters(**self._hyper)
                self._hyper.clear()
                self.send("inexact")
            if self._extra_epochs:
                trainer.add_epochs(self._extra_epochs)
                self._extra_epochs = 0

    def _show_where_it_paused(self) -> None:
        if self._unreported:
            self._emit_update()

    def _emit_update(self) -> None:
        """Progress since the last update (if any batch ran) and a snapshot of the weights."""
        trainer, event = self._trainer, self._event
        if event is not None:
            losses = np.array(self._unreported, dtype=np.float32)
            losses.flags.writeable = False
            self._unreported = []
            self.send("progress", Progress(
                event.epoch, event.batch, event.batches_per_epoch, trainer.epochs, event.step,
                event.loss, event.lr, event.samples_per_s, trainer.config.batch_size, losses,
                self._speed))
        self._shown.clear()
        self.send("snapshot", *trainer.network.snapshot())
