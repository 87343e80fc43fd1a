"""Test-set evaluation in a worker thread, so the window never freezes (the insight page's, and
the explorer's for a touched neuron: shared here, so that neither page imports the other).

Each request is one ``_Evaluation`` worker run by the evaluator's ``threads.WorkerThread``. A newer
request stops the one running (it checks between chunks) and starts once that thread has ended;
only the newest request's progress and results reach the page. ``shutdown()`` must be called
before the application quits.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from annviz.data.datasets import load_named_dataset, to_inputs
from annviz.gui.threads import Worker, WorkerThread
from annviz.nn.evaluation import TestResults
from annviz.nn.network import Network

CHUNK = 1000  # test images per forward pass between two progress reports


class _Evaluation(Worker):
    """Evaluate a copy of a network on a source: a dataset name (never a folder) or a pair
    (images, labels)."""

    progress = Signal(int, int, int)     # request, done, total
    # finished((request, TestResults)), or (request, None) when stopped

    def __init__(self, request: int, network: Network, source):
        super().__init__()
        self.request, self._network, self._source = request, network, source

    def work(self) -> tuple[int, TestResults | None]:
        network, source = self._network, self._source
        if isinstance(source, str):
            dataset = load_named_dataset(source)
            images, labels = dataset.test_images, dataset.test_labels
        else:
            images, labels = source
        outputs = []
        for start in range(0, len(images), CHUNK):
            if not self.control.wait_for_turn():
                return self.request, None
            outputs.append(network.predict_proba(to_inputs(images[start:start + CHUNK])))
            self.send(_Evaluation.progress, self.request, min(start + CHUNK, len(images)), len(images))
        probabilities = np.concatenate(outputs) if outputs else np.zeros((0, network.sizes[-1]))
        return self.request, TestResults(images, labels, probabilities)


class Evaluator(QObject):
    """Evaluates a copy of a network on a test set in the background; emits progress and results."""

    progress = Signal(int, int)          # done, total
    finished = Signal(object)            # TestResults
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._request = 0
        self._pending: _Evaluation | None = None
        self._thread = WorkerThread("evaluation", parent=self)
        self._thread.ended.connect(self._on_thread_ended)

    def evaluate(self, network: Network, source) -> None:
        """Start evaluating (dropping any evaluation still running)."""
        self._request += 1
        worker = _Evaluation(self._request, network.copy(), source)
        worker.progress.connect(self._on_worker_progress)
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self._pending = worker
        if self._thread.is_running():
            self._thread.request_stop()    # its end starts the pending one
        else:
            self._start_pending()

    def shutdown(self) -> bool:
        """Stop the worker thread and wait for it (safe to call twice); False if it did not stop."""
        self._pending = None
        return self._thread.stop()

    def _start_pending(self) -> None:
        worker, self._pending = self._pending, None
        if worker is not None:
            self._thread.start(worker)

    @Slot(object)
    def _on_thread_ended(self, _worker) -> None:
        self._start_pending()

    @Slot(int, int, int)
    def _on_worker_progress(self, request: int, done: int, total: int) -> None:
        if request == self._request:
            self.progress.emit(done, total)

    @Slot(object)
    def _on_worker_finished(self, outcome) -> None:
        request, results = outcome
        if request == self._request and results is not None:
            self.finished.emit(results)

    @Slot(str)
    def _on_worker_failed(self, message: str) -> None:
        if getattr(self.sender(), "request", None) == self._request:
            self.failed.emit(message)
