"""What a training run leaves behind: per-epoch records, and per-batch losses in bounded memory.

A run can go on for hours (a window left training in a classroom); one float per batch would grow
without end. ``BoundedSeries`` keeps at most ``capacity`` points: when it is full, neighbouring
pairs are averaged into one, and from then on each stored point is the mean of twice as many
appended values (``stride``). The curve keeps its shape at a coarser grain; the memory stays
fixed (two float64 arrays of ``capacity``). The same class holds the live curves in the GUI.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import numpy as np
from numpy.typing import ArrayLike

#: Points a series keeps at most (two float64 arrays of this length: 1 MB).
CAPACITY = 2**16


class BoundedSeries:
    """(x, y) values appended in order; at most ``capacity`` points kept, each the mean of
    ``stride`` consecutive appends.

    ``x`` and ``y`` are views of the kept points. Appends write only beyond every view handed out,
    and thinning builds new arrays, so a plot holding a view never sees it change.
    """

    def __init__(self, capacity: int = CAPACITY, start: int = 0) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError(f"capacity must be an even number ≥ 2, got {capacity}")
        self.capacity = capacity
        self._reset(start)

    def _reset(self, start: int) -> None:
        self.start = start         # appends counted before this series kept any (a continued run)
        self.stride = 1            # appends per kept point
        self.count = start         # appends in all
        self.n = 0                 # kept points
        self._x = np.empty(min(self.capacity, 1024))
        self._y = np.empty(min(self.capacity, 1024))
        self._part_x = self._part_y = 0.0   # sums of the appends not yet a whole point
        self._part_n = 0

    @property
    def x(self) -> np.ndarray:
        return self._x[:self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[:self.n]

    @property
    def nbytes(self) -> int:
        """Memory the kept points take (at most 16 × capacity bytes)."""
        return self._x.nbytes + self._y.nbytes

    def append(self, x: ArrayLike, y: ArrayLike) -> None:
        """Append one value or arrays of values (x increasing)."""
        x = np.atleast_1d(np.asarray(x, np.float64))
        y = np.atleast_1d(np.asarray(y, np.float64))
        if x.shape != y.shape:
            raise ValueError(f"x and y differ in length: {x.shape} vs {y.shape}")
        self.count += len(x)
        while len(x):
            if self.n == self.capacity:
                self._thin()
            # Complete the partial point first, then whole points, then start a new partial one.
            take = min(len(x), self.stride - self._part_n)
            if self._part_n or take < self.stride:
                self._part_x += float(x[:take].sum())
                self._part_y += float(y[:take].sum())
                self._part_n += take
                x, y = x[take:], y[take:]
                if self._part_n == self.stride:
                    self._put(np.array([self._part_x / self.stride]), np.array([self._part_y / self.stride]))
                    self._part_x = self._part_y = 0.0
                    self._part_n = 0
                continue
            whole = min(len(x) // self.stride, self.capacity - self.n)
            used = whole * self.stride
            self._put(x[:used].reshape(whole, self.stride).mean(axis=1),
                      y[:used].reshape(whole, self.stride).mean(axis=1))
            x, y = x[used:], y[used:]

    def _put(self, x: np.ndarray, y: np.ndarray) -> None:
        end = self.n + len(x)
        if end > len(self._x):   # grow (up to capacity) into new arrays: views keep the old ones
            size = min(self.capacity, max(end, 2 * len(self._x)))
            self._x = np.concatenate([self._x[:self.n], np.empty(size - self.n)])
            self._y = np.concatenate([self._y[:self.n], np.empty(size - self.n)])
        self._x[self.n:end] = x
        self._y[self.n:end] = y
        self.n = end

    def _thin(self) -> None:
        """Average neighbouring pairs into new arrays; each point now stands for twice as many."""
        half = self.n // 2
        x = np.empty(len(self._x))
        y = np.empty(len(self._y))
        x[:half] = self._x[:self.n].reshape(half, 2).mean(axis=1)
        y[:half] = self._y[:self.n].reshape(half, 2).mean(axis=1)
        self._x, self._y, self.n = x, y, half
        self.stride *= 2

    def export(self) -> tuple[dict, np.ndarray, np.ndarray]:
        """(scalars, x, y): all it takes to rebuild this series with ``restored``."""
        scalars = {"capacity": self.capacity, "start": self.start, "stride": self.stride, "count": self.count,
                   "part_x": self._part_x, "part_y": self._part_y, "part_n": self._part_n}
        return scalars, self.x.copy(), self.y.copy()

    @classmethod
    def restored(cls, scalars: dict, x: np.ndarray, y: np.ndarray) -> BoundedSeries:
        """The series ``export`` described; ValueError if the parts do not fit together."""
        series = cls(int(scalars["capacity"]), int(scalars.get("start", 0)))
        stride, count, part_n = int(scalars["stride"]), int(scalars["count"]), int(scalars["part_n"])
        if (x.shape != y.shape or x.ndim != 1 or len(x) > series.capacity or stride < 1
                or stride & (stride - 1) or not 0 <= part_n < stride or series.start < 0
                or count != series.start + len(x) * stride + part_n):
            raise ValueError("the batch losses do not fit together")
        series.stride, series.count = stride, count
        series._part_x, series._part_y, series._part_n = float(scalars["part_x"]), float(scalars["part_y"]), part_n
        series._put(np.asarray(x, np.float64), np.asarray(y, np.float64))
        return series

    def clear(self) -> None:
        """Start again in fresh arrays (views handed out keep the old ones)."""
        self._reset(0)

    def nearest(self, x: float) -> tuple[float, float] | None:
        """The kept point whose x is nearest to ``x``, or None if empty."""
        if self.n == 0:
            return None
        i = int(np.searchsorted(self.x, x))
        if i == self.n or (i > 0 and x - self._x[i - 1] < self._x[i] - x):
            i -= 1
        return float(self._x[i]), float(self._y[i])


@dataclass
class EpochRecord:
    epoch: int                         # 1-based
    train_loss: float                  # mean batch loss during the epoch
    train_accuracy: float              # share of training examples right while they were seen
    val_loss: float | None = None
    val_accuracy: float | None = None
    test_loss: float | None = None
    test_accuracy: float | None = None
    samples_per_s: float = 0.0         # training speed, evaluation excluded
    seconds: float = 0.0               # training wall time since the start, evaluation excluded


@dataclass
class History:
    """A run's record. ``batch_loss.y`` are the batch losses (x: the batch number, from 1), each
    kept point the mean of ``batch_loss.stride`` batches; ``batch_loss.count`` batches in all."""

    batch_loss: BoundedSeries = field(default_factory=BoundedSeries)
    epochs: list[EpochRecord] = field(default_factory=list)
    status: str = "new"                # new, running, finished, stopped, diverged
    stop_reason: str | None = None

    @property
    def batches(self) -> int:
        return self.batch_loss.count

    def to_dict(self, max_batch_points: int = 2000) -> dict:
        """A JSON-ready dict; the batch losses are averaged down to at most ``max_batch_points``."""
        losses, stride = self.batch_loss.y, self.batch_loss.stride
        if len(losses) > max_batch_points:
            factor = math.ceil(len(losses) / max_batch_points)
            usable = len(losses) // factor * factor
            losses = losses[:usable].reshape(-1, factor).mean(axis=1)
            stride *= factor
        return {
            "batch_loss": [float(v) for v in losses],
            "batch_loss_stride": stride,
            "epochs": [asdict(e) for e in self.epochs],
            "status": self.status,
            "stop_reason": self.stop_reason,
        }
