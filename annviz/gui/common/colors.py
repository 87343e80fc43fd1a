"""Colours with meaning: one diverging map for weights, one pair of sign colours for edges.

Weights are shown with a colour-blind-safe diverging map (CET-D1: blue for negative, white-ish
grey for zero, red for positive) and symmetric levels (−m, m), so zero is always the neutral
colour and signs compare across neurons. Edges use the same pair: blue for negative, orange-red
for positive (distinguishable with the common red-green colour blindnesses); on the dark diagram,
signed values of neurons fade from those two colours into the dark (``contribution_colormap``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

#: The diverging map for weights and gradients.
WEIGHT_COLORMAP_NAME = "CET-D1"

POSITIVE = QColor(214, 96, 30)    # orange-red: a positive weight / push towards
NEGATIVE = QColor(33, 102, 172)   # blue: a negative weight / push against
NEUTRAL = QColor(200, 200, 200)
DARK_NEUTRAL = (44, 44, 50)       # zero on a dark background: just lighter than the background


def weight_colormap() -> pg.ColorMap:
    """The diverging colour map for weights (pass symmetric levels (−m, m) with it)."""
    return pg.colormap.get(WEIGHT_COLORMAP_NAME)


def activation_colormap() -> pg.ColorMap:
    """Black → white, as MNIST shows ink: for activations in [0, 1]."""
    return pg.ColorMap([0.0, 1.0], [(0, 0, 0), (255, 255, 255)])


def symmetric_level(values, floor: float = 1e-6) -> float:
    """m for the levels (−m, m): the largest |value| (at least ``floor`` so a zero array works)."""
    values = np.asarray(values)
    return max(float(np.abs(values).max()) if values.size else 0.0, floor)


def sign_color(value: float, alpha: int = 255) -> QColor:
    """POSITIVE or NEGATIVE for the sign of ``value``, with the given opacity."""
    c = QColor(POSITIVE if value >= 0 else NEGATIVE)
    c.setAlpha(int(alpha))
    return c


def activation_grey(a: float) -> QColor:
    """A neuron's fill: black (0) … white (1), clipped."""
    v = int(round(255 * min(max(float(a), 0.0), 1.0)))
    return QColor(v, v, v)


def contribution_colormap() -> pg.ColorMap:
    """NEGATIVE … dark … POSITIVE, for signed values on the diagram's dark background: the edges'
    sign colours, with zero fading into the dark (pass symmetric levels (−m, m) with it)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [NEGATIVE.getRgb()[:3], DARK_NEUTRAL, POSITIVE.getRgb()[:3]])
