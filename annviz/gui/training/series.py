"""The smoothed loss of the live curves (the points themselves: ``annviz.nn.history.BoundedSeries``)."""

from __future__ import annotations

import numpy as np


def smooth(values: np.ndarray, start: float | None, alpha: float) -> np.ndarray:
    """Exponential moving average of ``values`` continuing from ``start`` (None: the first value)."""
    out = np.empty(len(values), dtype=np.float64)
    level = float(values[0]) if start is None and len(values) else start
    for i, v in enumerate(values):
        level += alpha * (float(v) - level)
        out[i] = level
    return out
