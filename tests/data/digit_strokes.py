"""Test helper: render the same pen strokes at any size and place, anti-aliased.

The strokes are polylines in a unit square; the pen's radius scales with the drawing, so two
renderings differ only in where the pixel grid falls, as when a digit is drawn small or large.
"""

from __future__ import annotations

import numpy as np

# Polylines (x, y) in the unit square, y downwards.
DIGITS: dict[str, list[tuple[float, float]]] = {
    "2": [(0.15, 0.3), (0.3, 0.08), (0.6, 0.05), (0.8, 0.25), (0.7, 0.5), (0.1, 0.95),
          (0.9, 0.95)],
    "4": [(0.7, 0.95), (0.7, 0.05), (0.1, 0.65), (0.95, 0.65)],
    "7": [(0.1, 0.05), (0.9, 0.05), (0.4, 0.95)],
}


def render(
    digit: str,
    canvas: tuple[int, int] = (280, 280),
    size: float = 200.0,
    top: float = 40.0,
    left: float = 40.0,
    pen: float = 0.08,
    light_on_dark: bool = False,
) -> np.ndarray:
    """uint8 (h, w) canvas with ``digit`` drawn in a size x size square at (top, left)."""
    height, width = canvas
    points = np.asarray(DIGITS[digit]) * size + [left, top]  # (n, 2) as (x, y)
    y, x = np.mgrid[0:height, 0:width] + 0.5  # pixel centres
    distance = np.full((height, width), np.inf)
    for (x0, y0), (x1, y1) in zip(points[:-1], points[1:]):
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
        distance = np.minimum(distance, np.hypot(x - x0 - t * dx, y - y0 - t * dy))
    ink = np.clip(pen * size - distance + 0.5, 0.0, 1.0)  # one pixel of anti-aliasing
    grey = ink if light_on_dark else 1.0 - ink
    return np.round(grey * 255).astype(np.uint8)
