"""A growing (x, y) series for live curves: amortised appends, views for ``setData``.

A Python list turned into an array on every update costs O(n) each time; this keeps two NumPy
buffers that double when full, and hands out views of the filled part. A view stays valid after
the buffer grows (the old buffer lives on as long as the view does), and appends only write
beyond every view handed out, so a plot never sees its data change under it.
"""

from __future__ import annotations

import numpy as np


class Series:
    def __init__(self, capacity: int = 1024):
        self.capacity = capacity
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def append(self, x, y) -> None:
        x, y = np.atleast_1d(np.asarray(x, np.float64)), np.atleast_1d(np.asarray(y, np.float64))
        end = self.n + len(x)
        if end > len(self._x):
            size = max(end, 2 * len(self._x))
            self._x = np.concatenate([self._x[:self.n], np.empty(size - self.n)])
            self._y = np.concatenate([self._y[:self.n], np.empty(size - self.n)])
        self._x[self.n:end] = x
        self._y[self.n:end] = y
        self.n = end

    def clear(self) -> None:
        """Start again in fresh buffers (views handed out keep the old ones)."""
        self.__init__(self.capacity)

    @property
    def x(self) -> np.ndarray:
        return self._x[:self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self.n]

    def nearest(self, x: float) -> tuple[float, float] | None:
        """The point whose x is nearest to ``x`` (x must be increasing), or None if empty."""
        if self.n == 0:
            return None
        i = int(np.searchsorted(self.x, x))
        if i == self.n or (i > 0 and x - self._x[i - 1] < self._x[i] - x):
            i -= 1
        return float(self._x[i]), float(self._y[i])


def smooth(values: np.ndarray, start: float | None, alpha: float) -> np.ndarray:
    """Exponential moving average of ``values`` continuing from ``start`` (None: the first value)."""
    out = np.empty(len(values), dtype=np.float64)
    level = float(values[0]) if start is None and len(values) else start
    for i, v in enumerate(values):
        level += alpha * (float(v) - level)
        out[i] = level
    return out
