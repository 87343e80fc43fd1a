"""First-layer weight pictures as plain arrays: for comparing runs side by side and for export.

``weight_mosaic`` lays each first-hidden-layer neuron's 784 weights out as a 28×28 tile in a
square-ish grid (NaN in the gaps), as the explorer's weight view does; ``mosaic_rgb`` colours it
with the app's sign palette on a symmetric scale, for PNG and GIF files. ``save_gif`` writes the
pictures of a run's moments as an animated GIF with Pillow (imported only when one is written).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from annviz.gui.common.colors import weight_colormap
from annviz.gui.explorer.heatmaps import GAP, TILE, robust_level
from annviz.nn.recording import Recording

GIF_SCALE = 3          # screen pixels per weight in exported pictures
MAX_GIF_FRAMES = 240
GIF_COLOURS = 48


def weight_mosaic(w: np.ndarray) -> np.ndarray:
    """(n, 784) weights → one image of n 28×28 tiles, NaN between them."""
    n = len(w)
    columns = math.ceil(math.sqrt(n))
    rows = math.ceil(n / columns)
    step = TILE + GAP
    out = np.full((rows * step - GAP, columns * step - GAP), np.nan, np.float32)
    for i, tile in enumerate(np.asarray(w, np.float32).reshape(n, TILE, TILE)):
        r, c = divmod(i, columns)
        out[r * step:r * step + TILE, c * step:c * step + TILE] = tile
    return out


def mosaic_rgb(mosaic: np.ndarray, level: float, scale: int = GIF_SCALE) -> np.ndarray:
    """The mosaic coloured on (−level, level), white gaps, each weight ``scale``×``scale`` pixels."""
    lut = weight_colormap().getLookupTable(nPts=256, alpha=False)        # (256, 3) uint8
    t = np.clip((np.nan_to_num(mosaic) / level + 1) / 2, 0, 1)
    rgb = lut[np.round(t * 255).astype(np.intp)]
    rgb[np.isnan(mosaic)] = 255
    return np.repeat(np.repeat(rgb, scale, axis=0), scale, axis=1)


def run_frames(run: Recording, most: int = MAX_GIF_FRAMES) -> list[np.ndarray]:
    """RGB pictures of the run's moments (at most ``most``, evenly picked), one colour scale."""
    moments = run.moments
    if len(moments) > most:
        picks = np.linspace(0, len(moments) - 1, most).round().astype(int)
        moments = [moments[i] for i in picks]
    level = max(robust_level(m.weights[0].astype(np.float32)) for m in moments)
    return [mosaic_rgb(weight_mosaic(m.weights[0]), level) for m in moments]


def save_gif(run: Recording, path: str | Path, frame_ms: int = 100, most: int = MAX_GIF_FRAMES) -> Path:
    """The run's first-layer weight pictures as an animated GIF (the last frame held longer)."""
    from PIL import Image

    frames = [Image.fromarray(f) for f in run_frames(run, most)]
    # One palette of the colours the map actually uses, taken from the last (most varied) frame,
    # and no dithering: weight noise then compresses ~5× better than with a palette per frame.
    palette = frames[-1].quantize(colors=GIF_COLOURS)
    frames = [f.quantize(palette=palette, dither=Image.Dither.NONE) for f in frames]
    durations = [frame_ms] * (len(frames) - 1) + [frame_ms * 20]
    path = Path(path)
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=durations, loop=0)
    return path


def save_png(w: np.ndarray, path: str | Path) -> Path:
    """One moment's first-layer weight pictures as PNG."""
    from PIL import Image

    path = Path(path)
    Image.fromarray(mosaic_rgb(weight_mosaic(w), robust_level(np.asarray(w, np.float32)))).save(path)
    return path
