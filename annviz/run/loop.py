"""One training run, batch by batch, as the app runs it: the loop that the training worker drives
in a thread of the app, or the training process in its own (run/process.py). No Qt.

``RunLoop.run(make_trainer)`` prepares the trainer, then pulls one mini-batch at a time from
``Trainer.steps()``. Between two batches it waits for its turn (``gate.wait_for_turn``: pause,
single steps, holds, stop) and applies what the GUI asked for — more epochs, a new learning
rate / momentum / L2 — through methods that only set fields under a lock.

What it reports goes through ``send(Sent.X, *payload)`` (copies), when its ``pace`` says so and
once at the end: ``PROGRESS`` (a ``Progress`` with the batch losses since the last one),
``SNAPSHOT`` (read-only copies of the weights and biases), ``EPOCH_METRICS`` once per epoch.
A run that finishes with a higher loss on a fixed subset than it began with (``LossBaseline``) is
marked diverged and goes back to its first weights, as the command line does.

Recording (the time machine): a ``Recorder`` picks the moments of the run (recording.py); the loop
sends the empty ``Recording`` first (``RECORDING_STARTED``), then each ``MOMENT``. A run trains
with one BLAS thread from start to end (nn/blas.py), so the same settings and seed give the same
bits. ``INEXACT`` says that η, μ or λ changed mid-run, which no replay reproduces.

The doctor (nn/doctor): on a multilayer perceptron a ``Doctor`` watches the run from the trainer
(the same one for "+1 epoch"); each diagnosis it names is sent as it appears (``DIAGNOSED``, a
copy), and those ``finish`` adds at the end (a divergence, the last epoch). It never stops a run.

Slow motion: ``pace.set_speed(batches_per_s)`` spaces the batches out (every one is then shown);
``set_pause_at_epoch_end`` pauses after each epoch's last batch.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import numpy as np

from annviz.nn import blas
from annviz.nn.baseline import LossBaseline
from annviz.nn.doctor import Doctor
from annviz.nn.recording import Recorder, Recording
from annviz.nn.trainer import Trainer
from annviz.run.pacing import Gate, Pace


class Sent(Enum):
    """What a run reports, each with its payload."""

    PROGRESS = "progress"                    # Progress
    SNAPSHOT = "snapshot"                    # weights, biases: tuples of read-only arrays
    EPOCH_METRICS = "epoch_metrics"          # EpochRecord (a copy)
    RECORDING_STARTED = "recording_started"  # Recording: the run's film, empty
    MOMENT = "moment"                        # Moment (copies) for that recording
    INEXACT = "inexact"                      # η, μ or λ changed mid-run: no exact replay
    DIAGNOSED = "diagnosed"                  # Diagnosis (a copy): the doctor named a fault


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
    at: float | None = None    # time.monotonic() when it was sent (the same clock in every process)

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


Send = Callable[..., None]    # send(Sent.X, *payload)


class RunLoop:
    """Trains one ``Trainer``; ``gate`` and ``pace`` are the GUI's (or their copies in the training
    process), ``send`` reports. The commands may come from any thread."""

    def __init__(self, gate: Gate, pace: Pace, send: Send, class_names=(), record: bool = True,
                 blas_threads: int = 1):
        self.gate, self.pace, self._send = gate, pace, send
        self._blas_threads = blas_threads
        self._class_names = list(class_names)
        self._record = record
        self._lock = threading.Lock()
        self._extra_epochs = 0
        self._hyper: dict[str, float] = {}
        self._pause_at_epoch_end = False
        self._trainer: Trainer | None = None   # the rest is the loop's own, in its thread
        self._event = None                     # the latest BatchEvent
        self._unreported: list[float] = []     # batch losses not yet sent with a Progress
        self._weights_behind = False           # a batch ran since the last snapshot sent
        self._doctor: Doctor | None = None
        self._diagnosed = 0                    # the doctor's diagnoses sent so far

    # --- commands (from any thread) ----------------------------------------------------------

    def add_epochs(self, n: int = 1) -> None:
        with self._lock:
            self._extra_epochs += n

    def set_hyperparameters(self, **changes: float) -> None:
        """lr=, momentum=, weight_decay= for the following batches."""
        with self._lock:
            self._hyper.update(changes)

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self._pause_at_epoch_end = bool(on)

    # --- the loop ----------------------------------------------------------------------------

    def run(self, make_trainer: Callable[[], Trainer]) -> Trainer:
        with blas.limited(self._blas_threads) as threads:
            trainer = make_trainer()
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
                    self._send(Sent.SNAPSHOT, *trainer.network.snapshot())
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
            self._send(Sent.DIAGNOSED, copy.deepcopy(diagnosis))
        self._diagnosed = len(named)

    def _start_recording(self, trainer: Trainer, threads: int) -> Recorder:
        recorder = Recorder(trainer)
        self._send(Sent.RECORDING_STARTED,
                   Recording.of(trainer, self._class_names, threads, blas.library()))
        first = recorder.start()
        if first is not None:
            self._send(Sent.MOMENT, first)
        return recorder

    def _train(self, trainer: Trainer, recorder: Recorder | None) -> None:
        self._trainer, self._event = trainer, None
        self._unreported = []
        steps = trainer.steps()
        gate, pace = self.gate, self.pace
        while True:
            if not gate.wait_for_turn(on_pause=self._show_where_it_paused):
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
                self._send(Sent.MOMENT, moment)
            if event.epoch_record is not None:
                self._send(Sent.EPOCH_METRICS, dataclasses.replace(event.epoch_record))
                if self._pause_at_epoch_end:
                    gate.pause()
            progress, weights = pace.due(every_batch=gate.paused)
            if progress or weights:
                self._emit_update(progress, weights)
            pace.wait_for_slot(gate)
        self._emit_update()  # the final one, whatever the pace

    def _apply_commands(self, trainer: Trainer) -> None:
        with self._lock:
            if self._hyper:
                trainer.set_hyperparameters(**self._hyper)
                self._hyper.clear()
                self._send(Sent.INEXACT)
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
            self._send(Sent.PROGRESS, Progress(
                event.epoch, event.batch, event.batches_per_epoch, trainer.epochs, event.step,
                event.loss, event.lr, event.samples_per_s, trainer.config.batch_size, losses,
                self.pace.speed, time.monotonic()))
        if weights:
            self._weights_behind = False
            self._send(Sent.SNAPSHOT, *trainer.network.snapshot())
