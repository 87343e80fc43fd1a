"""The weight pictures' shared measures: one 28×28 tile per first-hidden-layer neuron, 2 pixels
apart, on one symmetric colour scale that the rarest largest weights do not set.

Shared by the explorer's weight view (``explorer/heatmaps.py``) and the training page's pictures
and comparison (``training/pictures.py``, ``training/compare.py``), so that neither page imports
the other.
"""

from __future__ import annotations

import numpy as np

from annviz.gui.common.colors import symmetric_level

TILE, GAP = 28, 2
CLIP_SHARE = 0.002   # the share of the largest |weights| that saturate the colour scale


def robust_level(w: np.ndarray, sample: int = 20_000) -> float:
    """m for the shared levels (−m, m): the largest |w| once the top 0.2 % are left out.

    Wide ReLU layers have a few large weights; scaled by the very largest, all other tiles would
    be a uniform neutral colour. A strided sample keeps this cheap for streamed weights.
    """
    flat = np.abs(w).ravel()[:: max(1, w.size // sample)]
    k = int(len(flat) * (1 - CLIP_SHARE))
    return symmetric_level(np.partition(flat, k)[k:k + 1] if k < len(flat) else flat)
