"""Did training make the network better? The loss on a fixed subset, before and after the run.

The trainer stops a run whose loss turns NaN or climbs for many batches. A short run with an
absurd learning rate does neither: four batches at η = 10⁹ throw the weights far away and end.
``LossBaseline`` measures the loss on the same training examples before the first batch and after
the last. A run that ends more than ``MARGIN`` above where it started made the network worse and
counts as diverged; the margin keeps a tiny learning rate, whose loss barely moves, from being
flagged. Anyone who trains (the command line, the GUI) can ask; the trainer stays a loop.
"""

from __future__ import annotations

import numpy as np

from annviz.nn.losses import Loss
from annviz.nn.metrics import evaluate
from annviz.nn.network import Network

SUBSET_SIZE = 2000  # examples measured; a forward pass over them takes milliseconds
MARGIN = 0.02       # a final loss above (1 + MARGIN) × the first one counts as worse

WORSE_MESSAGE = ("the network ended worse than it started: its loss on {n:,} training examples rose "
                 "from {before:.4g} to {after:.4g}; the learning rate is probably too high")


def fixed_subset(x: np.ndarray, y: np.ndarray, size: int = SUBSET_SIZE,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The same ``size`` examples of (x, y) on every call: a seeded sample, kept in order."""
    if len(x) <= size:
        return x, y
    idx = np.sort(np.random.default_rng(seed).choice(len(x), size, replace=False))
    return x[idx], y[idx]


class LossBaseline:
    """The loss of ``network`` on a fixed subset of ``train`` = (x, y), measured now."""

    def __init__(self, network: Network, loss: Loss, train: tuple[np.ndarray, np.ndarray],
                 size: int = SUBSET_SIZE):
        self.x, self.y = fixed_subset(*train, size)
        self.loss = loss
        self.before = self.measure(network)

    def measure(self, network: Network) -> float:
        return float(evaluate(network, self.x, self.y, self.loss)[0])

    def ended_worse(self, network: Network) -> str | None:
        """Why ``network`` is now worse than when measured first, or None if it is not."""
        after = self.measure(network)
        if after <= (1 + MARGIN) * self.before:  # False when after is NaN
            return None
        return WORSE_MESSAGE.format(n=len(self.x), before=self.before, after=after)
