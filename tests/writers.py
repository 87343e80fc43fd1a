"""Synthetic writers for teaching tests and the benchmark: people whose handwriting is not MNIST's.

Each writer has a consistent personal style and draws as many examples of each digit as asked,
as the pad would hold them: uint8 canvases, white ink on black, any size (``canvas_to_mnist``
prepares them like a real drawing).

- ``slanted``: MNIST test digits rewritten with a strong slant, wide proportions, a heavy pen and
  a 1 with a flag and a foot (the shapes of many MNIST writers, in one other hand).
- ``drawn``: digits drawn stroke by stroke by code in a continental style — a 1 with a long flag
  and a foot, an open 4, a crossed 7, a 9 with a straight stem, flat-topped 3 and 5 — with
  the wobble of a real hand (each stroke's points jitter, the pen's width and the slant vary).
"""

from __future__ import annotations

import numpy as np

from annviz.data.datasets import load_dataset

WRITERS = ("slanted", "drawn")

# --- slanted: MNIST digits in another hand ---------------------------------------------------------

UP = 4  # MNIST pixels to canvas pixels


def _slanted(image: np.ndarray, rng: np.random.Generator, label: int) -> np.ndarray:
    """One MNIST digit (28, 28) rewritten: slanted, wider, thicker strokes, a 1 with a flag and
    a foot."""
    side = 28 * UP
    big = np.kron(image.astype(np.float32) / 255, np.ones((UP, UP), np.float32))   # (112, 112)
    if label == 1:
        big = _flag_and_foot(big)
    shear = -0.45 + rng.uniform(-0.05, 0.05)    # backward slant: the top leans left
    widen = 1.45 + rng.uniform(-0.05, 0.05)
    out_w = 200
    y, x = np.mgrid[0:side, 0:out_w].astype(np.float32)
    cy, cx = side / 2, out_w / 2
    src_x = (x - cx - shear * (y - cy)) / widen + side / 2   # inverse map: output -> source
    src_y = y
    xi, yi = np.clip(np.rint(src_x).astype(int), 0, side - 1), np.clip(src_y.astype(int), 0, side - 1)
    inside = (src_x >= 0) & (src_x < side)
    canvas = np.where(inside, big[yi, xi], 0.0)
    canvas = _dilate(canvas, 4)                  # a heavy pen
    return np.round(canvas * 255).astype(np.uint8)


def _flag_and_foot(big: np.ndarray) -> np.ndarray:
    """Add this writer's flag (down-left from the top) and foot (a bar under it) to a 1."""
    rows, cols = np.nonzero(big > 0.5)
    top, bottom = rows.min(), rows.max()
    height = bottom - top
    top_col = cols[rows <= top + 2 * UP].mean()
    bottom_col = cols[rows >= bottom - 2 * UP].mean()
    strokes = [((top_col, top), (top_col - 0.3 * height, top + 0.3 * height)),
               ((bottom_col - 0.25 * height, bottom), (bottom_col + 0.25 * height, bottom))]
    y, x = np.mgrid[0:big.shape[0], 0:big.shape[1]] + 0.5
    ink = big.copy()
    for (x0, y0), (x1, y1) in strokes:
        dx, dy = x1 - x0, y1 - y0
        t = np.clip(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0.0, 1.0)
        distance = np.hypot(x - x0 - t * dx, y - y0 - t * dy)
        np.maximum(ink, np.clip(1.5 * UP - distance, 0.0, 1.0), out=ink)
    return ink


def _dilate(image: np.ndarray, radius: int) -> np.ndarray:
    """Grey dilation by a disc of ``radius`` pixels (the maximum over the disc)."""
    padded = np.pad(image, radius)
    out = image.copy()
    h, w = image.shape
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            if dy * dy + dx * dx <= radius * radius:
                np.maximum(out, padded[radius + dy:radius + dy + h, radius + dx:radius + dx + w], out=out)
    return out


# --- drawn: strokes by code ------------------------------------------------------------------------

def _arc(cx, cy, rx, ry, start_deg, end_deg, n=14):
    t = np.deg2rad(np.linspace(start_deg, end_deg, n))
    return list(zip(cx + rx * np.cos(t), cy + ry * np.sin(t)))   # y downwards: 90° is the bottom


FLAT = 0.6  # the writer's digits are wide and low

# Strokes (polylines in the unit square, x right, y down) of each digit in the writer's style.
STYLE: dict[int, list[list[tuple[float, float]]]] = {
    0: [_arc(0.5, 0.5, 0.28, 0.45, -90, 270, 24)],
    1: [[(0.22, 0.32), (0.58, 0.05), (0.58, 0.95)], [(0.3, 0.95), (0.85, 0.95)]],
    2: [_arc(0.5, 0.3, 0.3, 0.25, 200, 360, 10) + [(0.75, 0.45), (0.15, 0.95), (0.88, 0.95)]],
    3: [[(0.15, 0.05), (0.8, 0.05), (0.45, 0.42)] + _arc(0.5, 0.68, 0.32, 0.27, -100, 150, 14)],
    4: [[(0.45, 0.05), (0.12, 0.62), (0.9, 0.62)], [(0.7, 0.3), (0.7, 0.95)]],
    5: [[(0.82, 0.05), (0.25, 0.05), (0.2, 0.45)] + _arc(0.5, 0.67, 0.32, 0.28, -120, 150, 14)],
    6: [[(0.7, 0.05), (0.3, 0.45)] + _arc(0.5, 0.7, 0.28, 0.25, 200, 560, 20)],
    7: [[(0.12, 0.12), (0.88, 0.05), (0.4, 0.95)], [(0.3, 0.5), (0.8, 0.5)]],
    8: [_arc(0.5, 0.27, 0.22, 0.22, 90, 450, 16), _arc(0.5, 0.72, 0.3, 0.23, -90, 270, 18)],
    9: [_arc(0.45, 0.28, 0.27, 0.23, 0, 360, 18), [(0.72, 0.28), (0.72, 0.95)]],
}


def _draw(digit: int, rng: np.random.Generator, side: int = 140) -> np.ndarray:
    """One digit in the ``drawn`` style, with a hand's variation."""
    slant = -0.3 + rng.uniform(-0.05, 0.05)          # backward slant
    flat = FLAT + rng.uniform(-0.05, 0.05)           # height / width
    pen = 0.045 + rng.uniform(-0.005, 0.01)
    size = side * 0.7
    strokes = []
    for stroke in STYLE[digit]:
        points = np.asarray(stroke) + rng.normal(0, 0.02, (len(stroke), 2))
        points[:, 0] += slant * (0.5 - points[:, 1])
        points[:, 1] = 0.5 + (points[:, 1] - 0.5) * flat
        strokes.append(points * size + side * 0.15)
    y, x = np.mgrid[0:side, 0:side] + 0.5
    distance = np.full((side, side), np.inf)
    for points in strokes:
        for (x0, y0), (x1, y1) in zip(points[:-1], points[1:]):
            dx, dy = x1 - x0, y1 - y0
            t = np.clip(((x - x0) * dx + (y - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0.0, 1.0)
            distance = np.minimum(distance, np.hypot(x - x0 - t * dx, y - y0 - t * dy))
    ink = np.clip(pen * size - distance + 0.5, 0.0, 1.0)
    return np.round(ink * 255).astype(np.uint8)


# --- the writers -------------------------------------------------------------------------------------

def write(writer: str, per_digit: int, seed: int = 0, skip: int = 0) -> tuple[list[np.ndarray], list[int]]:
    """``per_digit`` drawings of each digit 0–9 by ``writer`` (canvases, labels), label-major.

    ``skip``: for ``slanted``, leave out the first ``skip`` MNIST test digits of each label (so that
    two calls give different digits); for ``drawn``, another seed does the same.
    """
    rng = np.random.default_rng(seed)
    canvases, labels = [], []
    if writer == "slanted":
        ds = load_dataset("mnist")
        for digit in range(10):
            for i in np.flatnonzero(ds.test_labels == digit)[skip:skip + per_digit]:
                canvases.append(_slanted(ds.test_images[i], rng, digit))
                labels.append(digit)
    elif writer == "drawn":
        for digit in range(10):
            for _ in range(per_digit):
                canvases.append(_draw(digit, rng))
                labels.append(digit)
    else:
        raise ValueError(f"unknown writer {writer!r} (known: {', '.join(WRITERS)})")
    return canvases, labels
