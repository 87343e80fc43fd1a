"""Where the network diagram draws each neuron: its geometry, in view units, without Qt.

The input layer is a 28×28 grid of pixels (``INPUT_SIDE`` wide, its top at ``INPUT_TOP``); every
other layer is a column of circles, ``COLUMN_GAP`` apart from ``FIRST_COLUMN`` on, centred on the
same height. A column of more than ``MAX_SHOWN`` neurons shows the first and last ones around a gap
(``gaps``: where the diagram writes "⋮"). ``ColumnLayout`` is made once per architecture and
answers where a neuron is and which neuron is at a point; ``NetworkDiagram`` draws it.
"""

from __future__ import annotations

import numpy as np

MAX_SHOWN = 32                  # circles per column at most
INPUT_SIDE, INPUT_TOP = 0.62, 0.19
FIRST_COLUMN, COLUMN_GAP = 1.05, 0.62
SPACING, OUTPUT_SPACING = 0.06, 0.09   # between two circles' centres, at most


def shown_neurons(n: int) -> tuple[np.ndarray, int]:
    """Which neurons of an n-neuron layer get a circle, and how many are left out."""
    if n <= MAX_SHOWN:
        return np.arange(n), 0
    half = (MAX_SHOWN - 2) // 2
    return np.concatenate([np.arange(half), np.arange(n - half, n)]), n - 2 * half


class ColumnLayout:
    """The position of every drawn neuron of a network of layer ``sizes``.

    Per layer: ``shown[l]`` the neurons drawn (column order), ``x[l]``, ``y[l]`` their centres and
    ``radius[l]`` their radius (half a pixel for the input grid); ``gaps``: (x, y) of each column's
    "⋮"; ``width``: the right edge of the last column's room.
    """

    def __init__(self, sizes: list[int]):
        self.sizes = list(sizes)
        self.shown: list[np.ndarray] = []
        self.x: list[np.ndarray] = []
        self.y: list[np.ndarray] = []
        self.radius: list[float] = []
        self.gaps: list[tuple[float, float]] = []
        pixel = INPUT_SIDE / 28                            # the input layer: pixel centres
        rows, cols = np.divmod(np.arange(784), 28)
        self.shown.append(np.arange(784))
        self.x.append((cols + 0.5) * pixel)
        self.y.append(INPUT_TOP + (rows + 0.5) * pixel)
        self.radius.append(pixel / 2)
        for layer, n in enumerate(self.sizes[1:], start=1):
            self._add_column(layer, n)
        self.width = FIRST_COLUMN + COLUMN_GAP * max(len(self.sizes) - 2, 0) + 0.25

    def _add_column(self, layer: int, n: int) -> None:
        shown, left_out = shown_neurons(n)
        slots = len(shown) + (1 if left_out else 0)
        # The output column is written beside (its class names): a few neurons get more room.
        widest = OUTPUT_SPACING if layer == len(self.sizes) - 1 else SPACING
        spacing = min(widest, 0.9 / max(slots - 1, 1))
        top = 0.55 - spacing * (slots - 1) / 2
        slot = np.arange(len(shown), dtype=float)
        x = FIRST_COLUMN + COLUMN_GAP * (layer - 1)
        if left_out:
            slot[len(shown) // 2:] += 1
            self.gaps.append((x, top + spacing * (len(shown) // 2)))
        self.shown.append(shown)
        self.x.append(np.full(len(shown), x))
        self.y.append(top + slot * spacing)
        self.radius.append(0.4 * min(spacing, SPACING))

    def position(self, layer: int, index: int) -> tuple[float, float, float] | None:
        """(x, y, radius) of neuron (layer, index), or None if it is not drawn."""
        if not 0 <= layer < len(self.shown):
            return None
        where = np.flatnonzero(self.shown[layer] == index)
        if where.size == 0:
            return None
        i = int(where[0])
        return float(self.x[layer][i]), float(self.y[layer][i]), self.radius[layer]

    def neuron_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The neuron (layer, index) drawn at (x, y), if any."""
        if not self.sizes:
            return None
        pixel = INPUT_SIDE / 28
        col, row = int(np.floor(x / pixel)), int(np.floor((y - INPUT_TOP) / pixel))
        if 0 <= row < 28 and 0 <= col < 28:
            return 0, row * 28 + col
        for layer in range(1, len(self.sizes)):
            d2 = (self.x[layer] - x) ** 2 + (self.y[layer] - y) ** 2
            i = int(np.argmin(d2))
            if d2[i] <= (1.25 * self.radius[layer]) ** 2:
                return layer, int(self.shown[layer][i])
        return None
