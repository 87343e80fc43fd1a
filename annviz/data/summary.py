"""What a dataset looks like, in numbers: how many images of each class, the average image of
each class, and how bright its pixels are — the insight page's data view shows these.

Everything is computed from the training images (uint8 (n, 28, 28), white ink on black) in
chunks, so that memory stays small: a histogram of MNIST's 47 million pixels in one
``np.bincount`` call would first copy them all into 8-byte integers (376 MB). About 0.2–0.5 s for
MNIST, so the GUI computes it in a worker thread, once per dataset. ``go_on`` is called between
chunks; when it returns False the work stops and ``summarize`` returns None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from annviz.data.datasets import Dataset

CHUNK = 4096  # images per step: 3 MB of pixels


@dataclass(frozen=True, eq=False)
class DatasetSummary:
    """The numbers of ``dataset``'s training images."""

    dataset: Dataset = field(repr=False)
    counts: np.ndarray            # (n_classes,) training images of each class
    averages: np.ndarray          # (n_classes, 28, 28) float32 mean brightness in [0, 1]
    brightness: np.ndarray        # (256,) how many training pixels have each value 0…255

    @property
    def class_names(self) -> tuple[str, ...]:
        return self.dataset.class_names

    def samples(self, k: int, seed: int = 0) -> np.ndarray:
        """(n_classes, k) indices of training images: k of each class, drawn with ``seed``
        (fewer classes' images than k: the row is filled with -1)."""
        rng = np.random.default_rng(seed)
        labels = self.dataset.train_labels
        out = np.full((self.dataset.n_classes, k), -1, dtype=np.int64)
        for c in range(self.dataset.n_classes):
            members = np.flatnonzero(labels == c)
            chosen = rng.choice(members, size=min(k, len(members)), replace=False)
            out[c, :len(chosen)] = chosen
        return out


def summarize(dataset: Dataset, go_on: Callable[[], bool] = lambda: True) -> DatasetSummary | None:
    """Count, average and histogram ``dataset``'s training images (None if ``go_on`` said stop)."""
    images, labels = dataset.train_images, dataset.train_labels
    n_classes = dataset.n_classes
    counts = np.bincount(labels, minlength=n_classes)[:n_classes].astype(np.int64)
    sums = np.zeros((n_classes, 28 * 28), np.int64)
    brightness = np.zeros(256, np.int64)
    for start in range(0, len(images), CHUNK):
        if not go_on():
            return None
        chunk = images[start:start + CHUNK].reshape(-1, 28 * 28)                # (m, 784) uint8
        chunk_labels = labels[start:start + CHUNK]
        brightness += np.bincount(chunk.reshape(-1), minlength=256)
        for c in range(n_classes):
            sums[c] += chunk[chunk_labels == c].sum(axis=0, dtype=np.int64)      # Σ of class c, (784,)
    with np.errstate(invalid="ignore", divide="ignore"):
        averages = np.where(counts[:, None] > 0, sums / (255.0 * counts[:, None]), 0.0)
    return DatasetSummary(dataset, counts, averages.reshape(n_classes, 28, 28).astype(np.float32),
                          brightness)
