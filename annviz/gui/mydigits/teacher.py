"""Teaching in the background: the fine-tune of annviz/teach.py, watched live.

``TeachWorker`` (a ``threads.Worker``) runs the lesson one mini-batch at a time in the thread of the
``Teacher``'s ``threads.WorkerThread``, and sends copies: ``started(before Scores, counts)`` once
the lesson is ready, ``snapshot(weights, biases)`` at most ``UPDATES_PER_S`` times a second and
once at the end, ``epoch(EpochRecord)`` after each epoch (``val_accuracy``: my held-out digits,
``test_accuracy``: MNIST), ``progress(done, total)`` in batches, and ``finished(TeachResult)``.

The ``Teacher`` connects that to the app state, as the training controller does: while a lesson
runs, the state holds a copy of the network being taught and every snapshot becomes its weights,
so the diagram, the weights and the prediction on the pad follow it. The model from before is
kept: ``discard`` brings it back, ``use`` and ``save`` keep the taught one as a new model (never
written over the original's file). Loading another model meanwhile stops the lesson.

Signals (facts): ``phase_changed(str)`` "idle", "teaching", "done"; ``started(Scores, dict)``,
``epoch(EpochRecord)``, ``progress(int, int)``, ``finished(TeachResult)``, ``failed(str)``.
``shutdown()`` stops the thread (the window's shutdown hook).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from annviz.gui.state import AppState
from annviz.gui.threads import Worker, WorkerThread
from annviz.nn.modelfile import ModelInfo, save_model
from annviz.nn.network import Network
from annviz.teach import TeachConfig, TeachResult, make_trainer, prepare_lesson, score, taught_info, teaching_threads

UPDATES_PER_S = 15
SHUTDOWN_MS = 2000
SOURCE = "my digits"   # what the model's history says it was taught from


class TeachWorker(Worker):
    started = Signal(object, object)     # Scores before, counts {"train": [10], "held_out": [10]}
    snapshot = Signal(object, object)    # weights, biases (read-only copies)
    epoch = Signal(object)               # EpochRecord (a copy)
    progress = Signal(int, int)          # batches done, batches in all

    def __init__(self, network: Network, mine, held_out, config: TeachConfig, loss: str):
        super().__init__()
        self._network, self._mine, self._held = network, mine, held_out
        self._config, self._loss = config, loss

    def work(self) -> TeachResult | None:
        with teaching_threads():   # one BLAS thread, as training: two collapse on a busy machine
            return self._teach()

    def _teach(self) -> TeachResult:
        start = time.perf_counter()
        lesson = prepare_lesson(self._mine, self._held, self._config)
        before = score(self._network, lesson)
        self.send(TeachWorker.started, before, lesson.counts)
        taught = self._network.copy()
        trainer = make_trainer(taught, lesson, self._loss)
        total = trainer.batches_per_epoch * trainer.epochs
        steps, last = trainer.steps(), -np.inf
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while True:
                if not self.control.wait_for_turn():
                    trainer.request_stop()
                try:
                    event = next(steps)
                except StopIteration:
                    break
                if event.epoch_record is not None:
                    self.send(TeachWorker.epoch, dataclasses.replace(event.epoch_record))
                if time.monotonic() - last >= 1 / UPDATES_PER_S:
                    last = time.monotonic()
                    self.send(TeachWorker.snapshot, *taught.snapshot())
                    self.send(TeachWorker.progress, event.step, total)
        self.send(TeachWorker.snapshot, *taught.snapshot())
        history = trainer.history
        self.send(TeachWorker.progress, history.batches, total)
        return TeachResult(taught, before, score(taught, lesson), lesson, time.perf_counter() - start,
                           history.status, history.stop_reason, list(history.epochs))


class Teacher(QObject):
    phase_changed = Signal(str)
    started = Signal(object, object)
    epoch = Signal(object)
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.phase = "idle"
        self.result: TeachResult | None = None
        self.original: Network | None = None      # the network the lesson started from (a copy)
        self._previous: tuple | None = None       # (network, info, path) of the state before
        self._live: Network | None = None         # the state's copy being taught
        self._thread = WorkerThread("teaching", parent=self)
        self._thread.ended.connect(self._on_thread_ended)
        state.model_changed.connect(self._on_model_changed)

    # --- commands ------------------------------------------------------------------------------

    def teach(self, mine, held_out, config: TeachConfig) -> None:
        """Teach the app's current model (a copy of it) my digits; a lesson running is stopped."""
        if self.state.network is None:
            return
        self.shutdown()
        if self._live is None or self.state.network is not self._live:
            self._previous = (self.state.network, self.state.info, self.state.model_path)
        network, info, _ = self._previous
        self.original, self.result = network.copy(), None
        worker = TeachWorker(network.copy(), mine, held_out, config, info.loss)
        worker.started.connect(self.started)
        worker.epoch.connect(self.epoch)
        worker.progress.connect(self.progress)
        worker.snapshot.connect(self._on_snapshot)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self.failed)
        self._live = network.copy()
        self.state.set_model(self._live, info, None)
        self._set_phase("teaching")
        self._thread.start(worker)

    def stop(self) -> None:
        self._thread.request_stop()

    def is_running(self) -> bool:
        return self._thread.is_running()

    def shutdown(self) -> bool:
        """Stop the lesson and wait for its thread; False if it did not stop in time."""
        return self._thread.stop(SHUTDOWN_MS)

    # --- the result ----------------------------------------------------------------------------

    def result_info(self) -> ModelInfo:
        return taught_info(self._previous[1], self.result, SOURCE)

    def use(self) -> None:
        """The taught network becomes the model of every view (unsaved)."""
        self._keep(self.result_info(), None)

    def save(self, path: str | Path) -> Path:
        """Write the taught model (never over the original's file) and use it."""
        path = Path(path)
        original = self._previous[2]
        if original is not None and path.resolve() == Path(original).resolve():
            raise ValueError(f"{path} is the original model, which is never overwritten: "
                             "choose another name")
        info = self.result_info()
        saved = save_model(path, self.result.network, info)
        self._keep(info, saved)
        return saved

    def discard(self) -> None:
        """Forget the lesson; the model from before comes back."""
        self.shutdown()
        if self._previous is not None and self.state.network is self._live:
            self.state.set_model(*self._previous)
        self._live = self._previous = self.result = None
        self._set_phase("idle")

    def _keep(self, info: ModelInfo, path: Path | None) -> None:
        self._live = None
        self.state.set_model(self.result.network.copy(), info, path)
        self._previous = self.result = None
        self._set_phase("idle")

    # --- handlers ------------------------------------------------------------------------------

    @Slot(object, object)
    def _on_snapshot(self, weights, biases) -> None:
        if self._live is not None and self.state.network is self._live:
            self.state.set_weights(weights, biases)

    @Slot(object)
    def _on_finished(self, result: TeachResult) -> None:
        self.result = result
        self.finished.emit(result)

    @Slot(object)
    def _on_thread_ended(self, _worker) -> None:
        if self.result is None and self._previous is not None and self.state.network is self._live:
            self.state.set_model(*self._previous)   # it failed: back to the model from before
        if self.result is None:
            self._live = self._previous = None
        self._set_phase("done" if self.result is not None else "idle")

    @Slot()
    def _on_model_changed(self) -> None:
        """Another model was loaded meanwhile: the lesson stops, and its result goes."""
        if self._live is not None and self.state.network is not self._live:
            self.shutdown()
            self._live = self._previous = self.result = None
            self._set_phase("idle")

    def _set_phase(self, phase: str) -> None:
        if phase != self.phase:
            self.phase = phase
            self.phase_changed.emit(phase)
