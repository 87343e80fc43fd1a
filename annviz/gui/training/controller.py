"""The training controller: owns the worker thread's life and connects training to the app state.

The panel and the live views never touch the worker. They call ``start``, ``pause``, ``resume``,
``step``, ``stop``, ``add_epoch`` and ``set_hyperparameters`` here, and listen to the signals:

- ``phase_changed(str)``: "idle", "running", "paused" or "done" (a result waits for a decision).
- ``run_started(TrainConfig)``, ``progress(Progress)``, ``epoch_metrics(EpochRecord)``.
- ``run_ended(History)``: the worker finished; ``history.status`` says finished/stopped/diverged.
- ``failed(str)``: the worker raised; the message is for the user.
- ``films`` (films.py): what the runs recorded, for the time machine.

The time machine (time_machine.py) shows past moments through the app state; meanwhile
``hold_views(True)`` keeps the live weights off the state (they wait, and come back with
``hold_views(False)``), and a model it puts there is not taken for another model being loaded.

While a run goes on, the app state holds a copy of the network being trained and every weight
snapshot is copied into it, so every view shows the network as it is now. If someone else puts a
different model into the app state meanwhile, training stops (the result can still be saved).

A run trains in the training process (run/process.py): its worker (remote.py's
``RemoteTrainingWorker``) relays in the controller's ``threads.WorkerThread``. The phase follows
what the worker reports: "paused" once it has really stopped between two batches, "running" once it goes on.
``shutdown()`` stops the thread and returns within ``SHUTDOWN_MS``; what the worker still had on
its way is delivered before it returns, so no signal of an old run arrives after a new one began.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from annviz.data.datasets import Dataset, load_dataset
from annviz.gui.state import AppState
from annviz.gui.threads import STOP_TIMEOUT_MS, WorkerThread
from annviz.gui.training.blas_threads import WORKER_BLAS_THREADS
from annviz.gui.training.films import Films
from annviz.gui.training.remote import RemoteTrainingWorker, warm_up
from annviz.gui.training.scheduler import Frame, Scheduler
from annviz.gui.training.worker import Progress, TrainingWorker
from annviz.nn import blas
from annviz.nn.config import TrainConfig
from annviz.nn.modelfile import ModelInfo, save_model
from annviz.nn.network import Network
from annviz.nn.recording import Moment, Recording
from annviz.nn.runfile import EXTENSION as RUN_EXTENSION
from annviz.nn.runwriter import save_recording
from annviz.nn.trainer import Trainer
from annviz.recipes import build_network, model_info
from annviz.run.process import Job

log = logging.getLogger(__name__)

#: How long closing or a new run waits for the training thread to finish its batch: as long as the
#: other threads (a second was too short for a batch on a busy machine: the thread was left behind).
SHUTDOWN_MS = STOP_TIMEOUT_MS
#: What a run continued from a moment may change; the rest (architecture, data, optimizer, seed,
#: schedule, augmentation) is the moment's own run's. The batch size may change too: at an epoch's
#: end no batch is half-done, and the optimizers' running arrays do not depend on it.
CONTINUE_MAY_CHANGE = ("lr", "momentum", "weight_decay", "epochs", "batch_size")


def continue_config(run: Recording, settings: TrainConfig) -> TrainConfig:
    """The configuration of a run continued from ``run``: its own, with what may change taken from
    ``settings`` (the panel's)."""
    return run.config.replace(**{name: getattr(settings, name) for name in CONTINUE_MAY_CHANGE})


class TrainingController(QObject):
    phase_changed = Signal(str)
    run_started = Signal(object)       # TrainConfig
    progress = Signal(object)          # Progress
    epoch_metrics = Signal(object)     # EpochRecord
    run_ended = Signal(object)         # History
    failed = Signal(str)

    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.phase = "idle"
        self.config: TrainConfig | None = None
        self.dataset: Dataset | None = None
        self.trainer: Trainer | None = None   # the last run's, once its worker has finished
        self.saved_path: Path | None = None   # where the current result was saved, if it was
        self._live: Network | None = None     # the app state's copy of the network being trained
        self._previous: tuple | None = None   # the app state's model before training began
        self._thread = WorkerThread("training", parent=self)
        self._thread.ended.connect(self._on_thread_ended)
        self._pending_progress: list[Progress] = []
        self._last_progress: Progress | None = None
        self._pending_weights: tuple | None = None
        self.films = Films(self)                  # what the runs recorded (the time machine's)
        self._continued_from: Moment | None = None  # the moment the next run starts at, if any
        self._continuing = False                  # +1 epoch after the end: the same film goes on
        self._blas_threads = WORKER_BLAS_THREADS  # of the current run (+1 epoch keeps it)
        self._views_held = False
        self._speed: float | None = None
        self._pause_at_epoch_end = False
        self._gui_blas = None   # blas.limit(1) while a run trains
        self._scheduler = Scheduler({Frame.PROGRESS: self._show_progress,
                                     Frame.WEIGHTS: self._show_weights}, parent=self)
        state.model_changed.connect(self._on_model_changed)
        warm_up()   # a training process started ahead of the first run (remote.py)

    # --- commands ------------------------------------------------------------------------------

    def start(self, config: TrainConfig, paused: bool = False, start_from: Moment | None = None,
              blas_threads: int = WORKER_BLAS_THREADS) -> None:
        """Train a fresh network for ``config``; a run still going on is stopped first.

        ``paused``: prepare everything but wait for ``resume`` or ``step``. ``start_from``: see
        ``continue_from``. ``blas_threads``: the BLAS thread count of the whole run (blas_threads.py).

        Raises ValueError (bad configuration) or DatasetError (missing data) before anything starts.
        """
        config.validate()
        self.shutdown()
        self._scheduler.cancel()
        self._pending_progress, self._pending_weights, self._last_progress = [], None, None
        dataset = load_dataset(config.dataset)
        network = build_network(config, 784, dataset.n_classes)
        self._remember_previous()
        self._let_go_of_trainer()
        self.config, self.dataset, self.saved_path = config, dataset, None
        self._show_in_state(network.copy())
        self.run_started.emit(config)

        self._continued_from, self._continuing = start_from, False
        self._blas_threads = blas_threads
        self._launch(RemoteTrainingWorker(Job(
            config, network, start_from.state if start_from is not None else None, paused=paused,
            blas_threads=blas_threads, class_names=tuple(dataset.class_names))))

    def continue_from(self, run: Recording, moment: Moment, settings: TrainConfig,
                      paused: bool = False) -> None:
        """A new run from the exact state of ``moment`` (an epoch's end of ``run``, or an early
        state of its first epoch — continued in that epoch's batch size): ``run``'s own
        network, data and optimizer, with ``settings``' η, μ, λ, batch size and epochs
        (``CONTINUE_MAY_CHANGE``), and ``run``'s BLAS thread count; ``run`` is kept.

        Raises ValueError when the moment has no state, DatasetError when ``run``'s data is not here."""
        if moment.state is None:
            raise ValueError("only the end of an epoch can be continued from")
        if moment.state.mid_epoch:     # the epoch goes on in its own order: in its batch size
            settings = settings.replace(batch_size=run.config.batch_size)
        self.start(continue_config(run, settings), paused=paused, start_from=moment,
                   blas_threads=run.blas_threads)

    def continue_caveats(self, run: Recording) -> list[str]:
        """Why a run continued from ``run`` here would not be bit for bit the one it would have been
        where it was recorded (empty when it would be): another BLAS library, or fewer threads."""
        caveats = []
        here = blas.library()
        if run.blas_library and here and run.blas_library != here:
            caveats.append(self.tr("It was recorded with the BLAS library {then}; this computer "
                                   "has {now}.").format(then=run.blas_library, now=here))
        with blas.limited(run.blas_threads) as granted:
            if granted != run.blas_threads:
                caveats.append(self.tr("It was recorded with {then} BLAS threads; here only {now} "
                                       "can be used.").format(then=run.blas_threads, now=granted))
        return caveats

    def pause(self) -> None:
        """The phase becomes "paused" once the worker has stopped between two batches."""
        if self._worker is not None:
            self._worker.control.pause()

    def resume(self) -> None:
        if self._worker is not None:
            self._worker.control.resume()

    def step(self) -> None:
        """Exactly one mini-batch, then pause."""
        if self._worker is not None:
            self._worker.control.step()

    def stop(self) -> None:
        self._thread.request_stop()

    def add_epoch(self) -> None:
        """One more epoch: for the running run, or continuing a finished one."""
        if self._worker is not None:
            self._worker.add_epochs(1)
            if self._last_progress is not None:   # the new plan shows at once, even while paused
                last = self._last_progress
                self._show_progress_now(dataclasses.replace(
                    last, epochs=last.epochs + 1, new_losses=last.new_losses[:0]))
        elif self.can_continue():
            self.trainer.add_epochs(1)
            trainer = self.trainer
            self.trainer = None
            self._remember_previous()
            self._show_in_state(trainer.network.copy())
            self._continuing = True
            self._launch(RemoteTrainingWorker(Job(
                trainer.config, trainer=trainer, blas_threads=self._blas_threads,
                class_names=tuple(self.dataset.class_names))))

    def give_priority_to(self, widget) -> None:
        """A press on ``widget`` (e.g. the drawing pad) holds the worker at once (scheduler.py)."""
        self._scheduler.watch(widget)

    def set_speed(self, batches_per_s: float | None) -> None:
        """Slow motion: at most this many batches a second (None: full speed); also for later runs."""
        self._speed = batches_per_s
        self._scheduler.set_speed(batches_per_s)

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self._pause_at_epoch_end = on
        if self._worker is not None:
            self._worker.set_pause_at_epoch_end(on)

    def hold_views(self, held: bool) -> None:
        """While held, new weights wait instead of reaching the app state (the time machine shows
        a past moment); released, the newest are shown."""
        self._views_held = held
        if not held:
            self._on_model_changed()   # another model loaded meanwhile stops the run (see there)
            self._scheduler.flush()

    def latest_weights(self):
        """(weights, biases) of the network as it is now (the run's newest), or None."""
        if self._pending_weights is not None:
            return self._pending_weights
        if self._live is not None:
            return self._live.snapshot()
        return None

    def set_hyperparameters(self, **changes: float) -> None:
        """lr=, momentum=, weight_decay=, applied from the next mini-batch on."""
        if self._worker is not None:
            self._worker.set_hyperparameters(**changes)

    def is_live(self, network) -> bool:
        """Is ``network`` the app state's copy of the run training (or trained, not yet kept)?"""
        return network is not None and network is self._live

    def can_continue(self) -> bool:
        return (self._worker is None and self.trainer is not None
                and self.trainer.history.status == "finished")

    # --- the result ----------------------------------------------------------------------------

    def has_unsaved_model(self) -> bool:
        """True when a network was trained (or is training) and has not been saved since."""
        if self._worker is not None:
            return True
        return self.trainer is not None and self.saved_path is None and self.trainer.history.batches > 0

    def result_info(self) -> ModelInfo:
        return model_info(self.config, self.trainer.history, self.dataset)

    def save(self, path: str | Path) -> Path:
        """Write the trained network with its history; it becomes the app's current model."""
        info = self.result_info()
        self.saved_path = save_model(path, self.trainer.network, info)
        if self.films.current is not None:   # the film of the run, beside the model (runfile.py)
            save_recording(self.saved_path.with_suffix(RUN_EXTENSION), self.films.current)
        self._keep(info, self.saved_path)
        return self.saved_path

    def use(self) -> None:
        """Keep the trained network (unsaved) as the model the pad and every view use."""
        self._keep(self.result_info())

    def _keep(self, info: ModelInfo, path: Path | None = None) -> None:
        """The result becomes an ordinary model: the next run's Discard comes back to it."""
        self._show_in_state(self.trainer.network.copy(), info, path)
        self._live = self._previous = None
        self._set_phase("idle")

    def discard(self) -> None:
        """Forget the trained network; the model from before training comes back."""
        self.shutdown()
        self._let_go_of_trainer()
        if self._previous is not None and self.state.network is self._live:
            network, info, path = self._previous
            if network is not None:
                self.state.set_model(network, info, path)
        self._live = self._previous = None
        self._set_phase("idle")

    # --- the thread ----------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._thread.is_running()

    @property
    def _worker(self) -> TrainingWorker | None:
        return self._thread.worker

    def shutdown(self) -> bool:
        """Stop the worker and wait for its thread (``SHUTDOWN_MS`` at most); safe to repeat.

        False if the thread did not stop in time (logged and reported through ``failed``)."""
        return self._thread.stop(SHUTDOWN_MS)

    def _launch(self, worker: TrainingWorker) -> None:
        worker.set_pause_at_epoch_end(self._pause_at_epoch_end)
        self.films.follow(worker, self._continued_from, self._continuing)
        worker.progress.connect(self._on_progress)
        worker.snapshot.connect(self._on_snapshot)
        worker.epoch_metrics.connect(self._on_epoch_metrics)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.paused.connect(self._on_worker_paused)
        worker.resumed.connect(self._on_worker_resumed)
        self._scheduler.begin_run(worker.control, worker.pace, worker.SHARES_INTERPRETER)
        # This process's own BLAS calls (a view's forward pass) on one thread while a run trains:
        # two wait for each other whenever the run takes the other core (blas_threads.py) —
        # measured, the weights' frame then took seconds' worth of the GUI's share.
        if self._gui_blas is None:
            self._gui_blas = blas.limit(1)
        self._set_phase("paused" if worker.control.paused else "running")
        self._thread.start(worker)

    # --- handlers (GUI thread) -----------------------------------------------------------------

    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        self._pending_progress.append(progress)
        self._scheduler.request(Frame.PROGRESS)

    @Slot(object, object)
    def _on_snapshot(self, weights, biases) -> None:
        self._pending_weights = (weights, biases)
        if self.phase == "paused":  # a step by hand, or where it paused: show it at once
            self._scheduler.flush()
        else:
            self._scheduler.request(Frame.WEIGHTS)
        if not self._speed:     # slow motion: taken once shown (every batch on screen, rule 6)
            self._scheduler.taken()

    # What came since the last time, at the scheduler's pace: every loss; the newest weights.

    def _show_progress(self) -> None:
        pending, self._pending_progress = self._pending_progress, []
        if pending and self._speed:       # slow motion: every batch is shown, however late
            for progress in pending:
                self._show_progress_now(progress)
        elif pending:
            self._show_progress_now(Progress.merge(pending))

    def _show_progress_now(self, progress: Progress) -> None:
        self._last_progress = progress
        self.progress.emit(progress)

    def _show_weights(self) -> None:
        if self._pending_weights is not None and not self._views_held:
            if self._live is not None and self.state.network is self._live:
                self.state.set_weights(*self._pending_weights)
            self._pending_weights = None
        if self._speed:
            self._scheduler.taken()

    @Slot(object)
    def _on_epoch_metrics(self, record) -> None:
        self.epoch_metrics.emit(record)

    @Slot(object)
    def _on_finished(self, trainer: Trainer) -> None:
        self._scheduler.flush()  # the final update, whatever the pace
        self.trainer = trainer
        self.films.end(trainer.history)
        self.run_ended.emit(trainer.history)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    @Slot()
    def _on_worker_paused(self) -> None:
        self._set_phase("paused")

    @Slot()
    def _on_worker_resumed(self) -> None:
        self._set_phase("running")

    @Slot(object)
    def _on_thread_ended(self, _worker) -> None:
        self._scheduler.end_run()
        if self._gui_blas is not None:
            self._gui_blas.restore_original_limits()
            self._gui_blas = None
        if self.phase in ("running", "paused"):   # not if the result was decided on meanwhile
            self._set_phase("done" if self.trainer is not None else "idle")

    @Slot()
    def _on_model_changed(self) -> None:
        """Another model was loaded while training: stop; the result can still be saved."""
        if self._views_held:
            return   # the time machine showing a moment: not another model
        if self._live is not None and self.state.network is not self._live:
            self.shutdown()
            self._live = None

    # --- helpers -------------------------------------------------------------------------------

    def _let_go_of_trainer(self) -> None:
        """Forget the last run's trainer (its thread has ended). It and its doctor (nn/doctor)
        hold each other: the trainer forgets its doctor, so both go at once with the run's data
        (5–60 MB) — not at the cyclic collector's next full collection, runs later."""
        if self.trainer is not None:
            self.trainer.observer = None
        self.trainer = None

    def _remember_previous(self) -> None:
        """What Discard brings back: the model on the pad now, unless that is this run's own."""
        if self._live is None or self.state.network is not self._live:
            self._previous = (self.state.network, self.state.info, self.state.model_path)

    def _show_in_state(self, network: Network, info: ModelInfo | None = None, path=None) -> None:
        self._live = network
        if info is None:
            info = ModelInfo(loss=self.config.loss, dataset=self.dataset.name,
                             class_names=list(self.dataset.class_names), config=self.config.to_dict())
        self.state.set_model(network, info, path)

    def _set_phase(self, phase: str) -> None:
        if phase != self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)
