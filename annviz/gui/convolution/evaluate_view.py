"""The Convolution page's fifth tab: how good the page's CNN is on the test images.

*Evaluate* runs the CNN on MNIST's 10,000 test images in the background (``gui/common/evaluator``,
the insight page's evaluator, on the thread helper) and shows what the insight page shows for an
MLP: the accuracy, the confusion matrix (rows the true digit, columns the answer) and the mistakes,
the most confident first; a click on one puts it on the pad. The numbers are
``annviz.nn.evaluation.TestResults``, the same as the insight page's and ``annviz evaluate``'s.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common.evaluator import Evaluator
from annviz.gui.convolution.compare_view import Gallery
from annviz.gui.convolution.map_pictures import NumberGrid
from annviz.nn.evaluation import TestResults

N_TEST: int | None = None        # test images evaluated: all (tests take fewer)
MISTAKES = 12                    # shown, the most confident first


class EvaluateView(QWidget):
    digit_picked = Signal(object)          # a 28×28 test digit, float32 in [0, 1]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._intro = QLabel()
        self._intro.setWordWrap(True)
        self.evaluate_button = QPushButton()
        self.evaluate_button.setObjectName("convolution-evaluate")
        self.evaluate_button.clicked.connect(self.evaluate)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("convolution-accuracy")
        self.confusion = NumberGrid(cell=34, digits=0)
        self.confusion.setObjectName("convolution-confusion")
        self._confusion_title = QLabel()
        self._mistakes_title = QLabel()
        self._mistakes_title.setWordWrap(True)
        self.mistakes = Gallery()
        self.mistakes.setObjectName("convolution-mistakes")
        self.mistakes.picked.connect(self._on_picked)
        top = QHBoxLayout()
        top.addWidget(self.evaluate_button, 0)
        top.addWidget(self.status, 1)
        matrix = QVBoxLayout()
        matrix.addWidget(self._confusion_title)
        matrix.addWidget(self.confusion, 0)
        matrix.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._intro)
        layout.addLayout(top)
        layout.addLayout(matrix, 1)
        layout.addWidget(self._mistakes_title)
        layout.addWidget(self.mistakes)
        self._evaluator = Evaluator(self)
        self._evaluator.progress.connect(self._on_progress)
        self._evaluator.finished.connect(self._on_finished)
        self._evaluator.failed.connect(self._on_failed)
        self._cnn = None
        self._results: TestResults | None = None
        self._running = False
        self._message = ""
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._intro.setText(self.tr("How good is this CNN? Every one of MNIST's test images, as the "
                                    "insight page does it for a multilayer perceptron."))
        self.evaluate_button.setText(self.tr("Evaluate"))
        self.evaluate_button.setToolTip(self.tr("Run the CNN on the test images (a few seconds, in the background)"))
        self._confusion_title.setText(self.tr("Confusion matrix: a row per true digit (0 at the top), a column "
                                              "per answer (0 at the left); off the diagonal, the mistakes"))
        self._mistakes_title.setText(self.tr("Its mistakes, the most confident first (click one to put it "
                                             "on the pad):"))
        self._show()

    def set_network(self, net) -> None:
        """The CNN to evaluate (or the same one changed by training): what was measured is forgotten."""
        self._cnn = net
        self._results, self._running, self._message = None, False, ""
        self._show()

    def evaluate(self) -> None:
        if self._cnn is None:
            return
        from annviz.data.datasets import load_named_dataset

        source = "mnist"
        if N_TEST is not None:
            ds = load_named_dataset("mnist")
            source = (ds.test_images[:N_TEST], ds.test_labels[:N_TEST])
        self._results, self._running, self._message = None, True, self.tr("Evaluating…")
        self._evaluator.evaluate(self._cnn, source)
        self._show()

    def is_evaluating(self) -> bool:
        return self._running

    def results(self) -> TestResults | None:
        return self._results

    def shutdown(self) -> bool:
        return self._evaluator.shutdown()

    # --- inside ------------------------------------------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        self._message = self.tr("Evaluating: {d:,} of {n:,} test images…").format(d=done, n=total)
        self._show()

    def _on_finished(self, results: TestResults) -> None:
        self._results, self._running, self._message = results, False, ""
        self._show()

    def _on_failed(self, message: str) -> None:
        self._running, self._message = False, self.tr("The evaluation stopped: {m}").format(m=message)
        self._show()

    def _on_picked(self, index: int) -> None:
        if self._results is not None:
            self.digit_picked.emit(np.asarray(self._results.images[index], np.float32) / 255)

    def _show(self) -> None:
        r = self._results
        self.evaluate_button.setEnabled(self._cnn is not None and not self._running)
        if r is None:
            self.status.setText(self._message or self.tr("Press Evaluate."))
            self.confusion.set_values(np.zeros((10, 10)), signed=False)
            self.confusion.setVisible(False)
            self.mistakes.set_items([])
            return
        self.confusion.setVisible(True)
        right = int((r.predictions == r.labels).sum())
        self.status.setText(self.tr("Accuracy {a:.2%}: {r:,} of {n:,} test images right, {m:,} mistakes.").format(
            a=r.accuracy, r=right, n=r.n, m=r.n - right))
        self.confusion.set_values(r.confusion.astype(float), signed=False)
        self.mistakes.set_items([
            (int(i), np.asarray(r.images[i], np.float32) / 255,
             self.tr("{t} → {p}\n{c:.0%}").format(t=int(r.labels[i]), p=int(r.predictions[i]), c=float(r.confidences[i])))
            for i in r.mistakes()[:MISTAKES]])
