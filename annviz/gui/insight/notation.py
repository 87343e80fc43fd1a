"""How the insight views write layers and weights: W⁽¹⁾, a⁽⁰⁾, δ⁽²⁾ — as the notes do.

On screen, weight layer l (0-based in the code) is W⁽ˡ⁺¹⁾: it maps a⁽ˡ⁾ to a⁽ˡ⁺¹⁾, so the input
is a⁽⁰⁾ and a⁽¹⁾ = σ(W⁽¹⁾ a⁽⁰⁾ + b⁽¹⁾).
"""

from __future__ import annotations

import math

import numpy as np

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sup(n: int) -> str:
    """⁽ⁿ⁾ for a layer number."""
    return "⁽" + str(n).translate(_SUPERSCRIPT) + "⁾"


def grid_columns(n: int) -> int:
    """Columns of a near-square mosaic of n tiles."""
    return max(1, math.ceil(math.sqrt(n)))


def weight_picture(w: np.ndarray, first_layer: bool):
    """How to draw a weight-shaped array (n_out, n_in): one 28×28 tile per neuron for the first
    layer of an image network, else the matrix itself. Returns (image, columns or None)."""
    from annviz.gui.insight.plots import mosaic

    if first_layer and w.shape[1] == 784:
        columns = grid_columns(w.shape[0])
        return mosaic(w.reshape(-1, 28, 28), columns), columns
    return np.asarray(w, dtype=np.float32), None
