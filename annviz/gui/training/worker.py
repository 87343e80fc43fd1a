"""The training worker: run/loop.py's ``RunLoop`` in a background thread of the app.

``TrainingWorker`` is a ``threads.Worker``: created in the GUI thread, its ``work`` runs in the
thread of a ``threads.WorkerThread`` (the controller's). Pause, resume, single steps, holds and
stop go through ``self.control`` (threads.Control, run/pacing.py's ``Gate``); what the GUI sees
comes as the signals below, one for each of the loop's ``Sent`` kinds, when its ``pace``
(run/pacing.py's ``Pace``) says so and one last time at the end; ``finished`` once at the end
with the trainer (its network and history), ``failed`` with a message if anything raised.

The app trains in its own process (remote.py's ``RemoteTrainingWorker``, the same signals): the
loop's Python then never waits for the GUI's. This one, in a thread, is what the tests of the loop
use, and what the app falls back on when no process can be started.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal

from annviz.gui.threads import Worker
from annviz.gui.training.blas_threads import WORKER_BLAS_THREADS
from annviz.nn.trainer import Trainer
from annviz.run.loop import Progress, RunLoop, Sent
from annviz.run.pacing import Pace

__all__ = ["Progress", "TrainingWorker"]


class TrainingWorker(Worker):
    """Trains one ``Trainer`` made by ``make_trainer`` (called in the worker thread)."""

    progress = Signal(object)          # Progress
    snapshot = Signal(object, object)  # weights, biases: tuples of read-only arrays
    epoch_metrics = Signal(object)     # EpochRecord (a copy)
    recording_started = Signal(object) # Recording: the run's film, empty; the GUI owns it from here
    moment = Signal(object)            # Moment (copies) for that recording
    inexact = Signal()                 # η, μ or λ changed mid-run: no exact replay
    diagnosed = Signal(object)         # Diagnosis (a copy): the doctor named a fault
    # finished(Trainer): .network, .history (status, stop_reason); failed(str); paused; resumed

    SHARES_INTERPRETER = True          # runs in the app's own interpreter (scheduler.py's rule 3)

    SIGNALS = {Sent.PROGRESS: progress, Sent.SNAPSHOT: snapshot, Sent.EPOCH_METRICS: epoch_metrics,
               Sent.RECORDING_STARTED: recording_started, Sent.MOMENT: moment,
               Sent.INEXACT: inexact, Sent.DIAGNOSED: diagnosed}

    def __init__(self, make_trainer: Callable[[], Trainer] | None, paused: bool = False,
                 class_names=(), record: bool = True, blas_threads: int = WORKER_BLAS_THREADS,
                 pace: Pace | None = None):
        super().__init__(paused)
        self.pace = pace if pace is not None else Pace()
        self._make_trainer = make_trainer
        self.loop = RunLoop(self.control, self.pace, self.send_sent, class_names, record, blas_threads)

    def send_sent(self, kind: Sent, *payload) -> None:
        """What the loop reports, as this worker's signal of that kind (in the GUI thread)."""
        self.send(TrainingWorker.SIGNALS[kind], *payload)

    # --- commands (called from the GUI thread) -----------------------------------------------

    def add_epochs(self, n: int = 1) -> None:
        self.loop.add_epochs(n)

    def set_hyperparameters(self, **changes: float) -> None:
        """lr=, momentum=, weight_decay= for the following batches."""
        self.loop.set_hyperparameters(**changes)

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self.loop.set_pause_at_epoch_end(on)

    # --- the work (in the worker thread) -----------------------------------------------------

    def work(self) -> Trainer:
        return self.loop.run(self._make_trainer)
