"""Test-set evaluation in a worker thread, so the window never freezes.

Done the way Qt documents it (STYLE.md): a worker ``QObject`` without parent, moved to a
``QThread`` that lives as long as the page; requests travel to it as queued signals. A newer
request makes the worker drop the one it is running (checked between chunks), and results of an
outdated request are ignored. ``shutdown()`` must be called before the application quits.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from annviz.data.datasets import load_named_dataset, to_inputs
from annviz.nn.network import Network

from annviz.gui.insight.results import TestResults

CHUNK = 1000  # test images per forward pass between two progress reports


class _EvaluationWorker(QObject):
    progress = Signal(int, int, int)     # request, done, total
    finished = Signal(int, object)       # request, TestResults
    failed = Signal(int, str)            # request, message

    def __init__(self):
        super().__init__()
        self.latest = 0  # the newest request id; set from the GUI thread (a plain int is safe)

    @Slot(int, object, object)
    def run(self, request: int, network: Network, source) -> None:
        """Evaluate ``network`` on ``source``: a dataset name (never a folder) or a pair (images, labels)."""
        try:
            if request != self.latest:
                return
            if isinstance(source, str):
                dataset = load_named_dataset(source)
                images, labels = dataset.test_images, dataset.test_labels
            else:
                images, labels = source
            outputs = []
            for start in range(0, len(images), CHUNK):
                if request != self.latest or QThread.currentThread().isInterruptionRequested():
                    return
                outputs.append(network.predict_proba(to_inputs(images[start:start + CHUNK])))
                self.progress.emit(request, min(start + CHUNK, len(images)), len(images))
            probabilities = np.concatenate(outputs) if outputs else np.zeros((0, network.sizes[-1]))
            self.finished.emit(request, TestResults(images, labels, probabilities))
        except Exception as exc:  # noqa: BLE001 — any failure becomes a message to the user
            self.failed.emit(request, f"{type(exc).__name__}: {exc}")


class Evaluator(QObject):
    """Evaluates a copy of a network on a test set in the background; emits progress and results."""

    progress = Signal(int, int)          # done, total
    finished = Signal(object)            # TestResults
    failed = Signal(str)

    _requested = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._request = 0
        self._thread = QThread()
        self._worker = _EvaluationWorker()
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.run)
        self._worker.progress.connect(self._on_worker_progress)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def evaluate(self, network: Network, source) -> None:
        """Start evaluating (dropping any evaluation still running)."""
        self._request += 1
        self._worker.latest = self._request
        self._requested.emit(self._request, network.copy(), source)

    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (safe to call twice)."""
        if self._thread.isRunning():
            self._worker.latest = -1
            self._thread.requestInterruption()
            self._thread.quit()
            self._thread.wait()

    @Slot(int, int, int)
    def _on_worker_progress(self, request: int, done: int, total: int) -> None:
        if request == self._request:
            self.progress.emit(done, total)

    @Slot(int, object)
    def _on_worker_finished(self, request: int, results: TestResults) -> None:
        if request == self._request:
            self.finished.emit(results)

    @Slot(int, str)
    def _on_worker_failed(self, request: int, message: str) -> None:
        if request == self._request:
            self.failed.emit(message)
