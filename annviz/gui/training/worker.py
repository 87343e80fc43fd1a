"""The training worker: the core ``Trainer`` driven batch by batch in a background thread.

``TrainingWorker`` is a ``threads.Worker``: created in the GUI thread, its ``work`` runs in the
thread of a ``threads.WorkerThread`` (the controller's). ``work`` prepares the data, then pulls one
mini-batch at a time from ``Trainer.steps()``. Between two batches it waits for its turn
(``control.wait_for_turn``: pause, single steps, holds, stop) and applies what the GUI thread asked
for — more epochs, a new learning rate / momentum / L2 — through methods that only set fields
under a lock; nothing else is shared.

What the GUI sees, when its ``pace`` (scheduler.py's ``Pace``) says so, and one last time at
the end: ``progress`` (a ``Progress`` with the batch losses since the last one), ``snapshot``
(read-only copies of the weights and biases). ``epoch_metrics`` comes once per epoch,
``finished`` once at the end with the trainer (its network and history), ``failed`` with a
message if anything raised.
A run that finishes with a higher loss on a fixed subset than it began with (``LossBaseline``) is
marked diverged and goes back to its first weights, as the command line does.

Holds: the GUI thread can ask the worker to wait between two batches for a while (``control.hold``),
for as long as any reason for it lasts: a mouse button is down, or the weights are being shown
(scheduler.py). A hold is not a pause; the phase does not change.

Recording (the time machine): a ``Recorder`` picks the moments of the run (recording.py); the
worker sends the empty ``Recording`` first (``recording_started``), then each ``moment``. A run
trains with one BLAS thread from start to end (blas_threads.py), so the same settings and seed give
the same bits. ``inexact`` says that η, μ or λ changed mid-run, which no replay reproduces.

The doctor (nn/doctor): on a multilayer perceptron a ``Doctor`` watches the run from the trainer
(the same one for "+1 epoch"); each diagnosis it names is sent as it appears (``diagnosed``, a
copy), and those ``finish`` adds at the end (a divergence, the last epoch). It never stops a run.

Slow motion: ``pace.set_speed(batches_per_s)`` spaces the batches out (every one is then shown);
``set_pause_at_epoch_end`` pauses after each epoch's last batch.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Signal

from annviz.gui.threads import Worker
from annviz.gui.training.blas_threads import WORKER_BLAS_THREADS, worker_blas_threads
from annviz.gui.training.scheduler import Pace
from annviz.nn import blas
from annviz.nn.baseline import LossBaseline
from annviz.nn.doctor import Doctor
from annviz.nn.recording import Recorder, Recording
from annviz.nn.trainer import Trainer

log = logging.getLogger(__name__)


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
                 class_names=(), record: bool = True, blas_threads: int = WORKER_BLAS_THREADS,
                 pace: Pace | None = None):
        super().__init__(paused)
        self.pace = pace if pace is not None else Pace()
        self._make_trainer = make_trainer
        self._blas_threads = blas_threads
        self._class_names = list(class_names)
        self._record = record
        self._lock = threading.Lock()
        self._extra_epochs = 0
        self._hyper: dict[str, float] = {}
        self._pause_at_epoch_end = False
        self._trainer: Trainer | None = None   # the rest is the loop's own, in the worker thread
        self._event = None                     # the latest BatchEvent
        self._unreported: list[float] = []     # batch losses not yet sent with a Progress
        self._weights_behind = False           # a batch ran since the last snapshot sent
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

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self._pause_at_epoch_end = bool(on)

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
                    self.send(TrainingWorker.snapshot, *trainer.network.snapshot())
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
            self.send(TrainingWorker.diagnosed, copy.deepcopy(diagnosis))
        self._diagnosed = len(named)

    def _start_recording(self, trainer: Trainer, threads: int) -> Recorder:
        recorder = Recorder(trainer)
        self.send(TrainingWorker.recording_started, Recording.of(trainer, self._class_names, threads, blas.library()))
        first = recorder.start()
        if first is not None:
            self.send(TrainingWorker.moment, first)
        return recorder

    def _train(self, trainer: Trainer, recorder: Recorder | None) -> None:
        self._trainer, self._event = trainer, None
        self._unreported = []
        steps = trainer.steps()
        pace = self.pace
        while True:
            if not self.control.wait_for_turn(on_pause=self._show_where_it_paused):
                trainer.request_stop()   # the next step ends at once, status "stopped"
            self._apply_commands(trainer)
            try:
                self._event = event = next(steps)
            except StopIteration:
                break
            self._unreported.append(event.loss)
            self._weights_behind = True
            if self._doctor is not None and len(self._doctor.named) > self._diagnosed:
                self._send_diagnoses()
            if recorder is not None and (moment := recorder.observe(event)) is not None:
                self.send(TrainingWorker.moment, moment)
            if event.epoch_record is not None:
                self.send(TrainingWorker.epoch_metrics, dataclasses.replace(event.epoch_record))
                if self._pause_at_epoch_end:
                    self.control.pause()
            progress, weights = pace.due(every_batch=self.control.paused)
            if progress or weights:
                self._emit_update(progress, weights)
            pace.wait_for_slot(self.control)
        self._emit_update()  # the final one, whatever the pace

    def _apply_commands(self, trainer: Trainer) -> None:
        with self._lock:
            if self._hyper:
                trainer.set_hyperparameters(**self._hyper)
                self._hyper.clear()
                self.send(TrainingWorker.inexact)
            if self._extra_epochs:
                trainer.add_epochs(self._extra_epochs)
                self._extra_epochs = 0

    def _show_where_it_paused(self) -> None:
        if self._unreported or self._weights_behind:
            self._emit_update()

    def _emit_update(self, progress: bool = True, weights: bool = True) -> None:
        """The progress since the last one (if any batch ran), and a snapshot of the weights."""
        trainer, event = self._trainer, self._event
        self.pace.sent(progress, weights)
        if progress and event is not None:
            losses = np.array(self._unreported, dtype=np.float32)
            losses.flags.writeable = False
            self._unreported = []
            self.send(TrainingWorker.progress, Progress(
                event.epoch, event.batch, event.batches_per_epoch, trainer.epochs, event.step,
                event.loss, event.lr, event.samples_per_s, trainer.config.batch_size, losses,
                self.pace.speed))
        if weights:
            self._weights_behind = False
            self.send(TrainingWorker.snapshot, *trainer.network.snapshot())
