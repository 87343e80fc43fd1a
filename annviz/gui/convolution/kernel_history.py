"""The time machine of the Convolution page's training: the first convolution's kernels, kept
batch by batch in bounded memory (no Qt).

``KernelHistory.add(step, kernels)`` keeps every ``stride``-th batch's kernels; when more than
``limit`` moments are kept, every other one goes and the stride doubles, so a run of any length
keeps between ``limit / 2`` and ``limit`` moments, evenly spaced, and the latest one always (the
live network). The reference net's 8 kernels of 5×5 floats: 1,000 moments hold 0.8 MB; 32
filters, 3.2 MB.
"""

from __future__ import annotations

import numpy as np

LIMIT = 1000


class KernelHistory:
    def __init__(self, limit: int = LIMIT):
        if limit < 4:
            raise ValueError(f"a history keeps 4 moments at least, not {limit}")
        self.limit = limit
        self.stride = 1
        self._steps: list[int] = []
        self._kernels: list[np.ndarray] = []
        self._latest: tuple[int, np.ndarray] | None = None

    def add(self, step: int, kernels: np.ndarray) -> None:
        """The kernels (filters, k, k) after batch ``step`` (counted from 1, increasing)."""
        kernels = np.array(kernels, dtype=np.float32)          # a copy of its own
        self._latest = (int(step), kernels)
        if step % self.stride:
            return
        self._steps.append(int(step))
        self._kernels.append(kernels)
        if len(self._steps) > self.limit:
            self.stride *= 2
            keep = [i for i, s in enumerate(self._steps) if s % self.stride == 0]
            self._steps = [self._steps[i] for i in keep]
            self._kernels = [self._kernels[i] for i in keep]

    def __len__(self) -> int:
        """Moments that can be shown: those kept, and the latest if it is not one of them."""
        extra = self._latest is not None and (not self._steps or self._steps[-1] != self._latest[0])
        return len(self._steps) + int(extra)

    def step(self, i: int) -> int:
        return self._moment(i)[0]

    def kernels(self, i: int) -> np.ndarray:
        """The kernels of moment ``i`` (0 the oldest kept, ``len - 1`` the latest), a copy."""
        return self._moment(i)[1].copy()

    def _moment(self, i: int) -> tuple[int, np.ndarray]:
        if not 0 <= i < len(self):
            raise IndexError(f"moment {i} of {len(self)}")
        if i < len(self._steps):
            return self._steps[i], self._kernels[i]
        return self._latest

    def nbytes(self) -> int:
        return sum(k.nbytes for k in self._kernels) + (self._latest[1].nbytes if self._latest else 0)
