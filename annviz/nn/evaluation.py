"""What the test set says about a model: predictions, confusion matrix, mistakes, confidence.

Pure NumPy (no Qt): the GUI's evaluator (``gui/common/evaluator.py``) computes the output
activations in a worker thread, this class turns them into what the insight page shows. Every list of examples is sorted most confident first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from annviz.nn.metrics import confusion_matrix, per_class_accuracy


@dataclass
class TestResults:
    """A model's output on every test image, and the summaries the insight page shows."""

    images: np.ndarray          # uint8 (n, 28, 28), the test images
    labels: np.ndarray          # (n,) true classes
    probabilities: np.ndarray   # (n, n_classes) output activations
    predictions: np.ndarray = field(init=False)   # (n,) argmax of the output
    confidences: np.ndarray = field(init=False)   # (n,) the output of the predicted class
    confusion: np.ndarray = field(init=False)     # counts[true, predicted]

    def __post_init__(self) -> None:
        self.labels = np.asarray(self.labels, dtype=np.int64)
        self.predictions = self.probabilities.argmax(axis=1)
        self.confidences = self.probabilities.max(axis=1)
        self.confusion = confusion_matrix(self.labels, self.predictions, self.n_classes)

    @property
    def n(self) -> int:
        return len(self.labels)

    @property
    def n_classes(self) -> int:
        return self.probabilities.shape[1]

    @property
    def accuracy(self) -> float:
        return float((self.predictions == self.labels).mean()) if self.n else float("nan")

    @property
    def per_class_accuracy(self) -> np.ndarray:
        return per_class_accuracy(self.confusion)

    def _most_confident_first(self, mask: np.ndarray) -> np.ndarray:
        indices = np.flatnonzero(mask)
        return indices[np.argsort(-self.confidences[indices], kind="stable")]

    def cell(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the test images of class ``true`` predicted as ``predicted``."""
        return self._most_confident_first((self.labels == true) & (self.predictions == predicted))

    def mistakes(self) -> np.ndarray:
        """Indices of every wrongly predicted test image."""
        return self._most_confident_first(self.labels != self.predictions)

    def answered(self, threshold: float) -> tuple[int, float]:
        """(how many images the model answers, their accuracy) when it says "not sure" below
        ``threshold`` confidence; the accuracy is NaN when it answers none."""
        sure = self.confidences >= threshold
        count = int(sure.sum())
        accuracy = float((self.predictions[sure] == self.labels[sure]).mean()) if count else float("nan")
        return count, accuracy
