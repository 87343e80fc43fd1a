"""First-layer weight pictures as plain arrays: for comparing runs side by side and for export.

``weight_mosaic`` lays each first-hidden-layer neuron's 784 weights out as a 28×28 tile in a
square-ish grid (NaN in the gaps), as the explorer's weight view does; ``mosaic_rgb`` colours it
with the app's sign palette on a symmetric scale, for PNG files. ``write_gif`` writes an animated
GIF one frame at a time (gif_export.py makes the frames of a run's moments, in the background),
with Pillow (imported only when one is written).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from annviz.gui.common.colors import weight_colormap
from annviz.gui.common.weight_tiles import GAP, TILE, robust_level
from annviz.nn.recording import Recording
from annviz.safeio import open_atomic

GIF_SCALE = 3          # screen pixels per weight in exported pictures (at most)
GIF_MAX_WIDTH = 800    # a GIF's frames no wider (a wide layer gets fewer pixels per weight)
MAX_GIF_FRAMES = 240


def gif_scale(n: int) -> int:
    """Pixels per weight in a GIF of ``n`` tiles: GIF_SCALE, fewer for a wide layer (at least 1)."""
    return max(1, min(GIF_SCALE, GIF_MAX_WIDTH // mosaic_size(n)[1]))


def mosaic_size(n: int) -> tuple[int, int]:
    """(height, width) of the mosaic of ``n`` tiles."""
    columns = math.ceil(math.sqrt(n))
    rows = math.ceil(n / columns)
    return rows * (TILE + GAP) - GAP, columns * (TILE + GAP) - GAP


def weight_mosaic(w: np.ndarray) -> np.ndarray:
    """(n, 784) weights → one image of n 28×28 tiles, NaN between them."""
    n = len(w)
    columns = math.ceil(math.sqrt(n))
    step = TILE + GAP
    out = np.full(mosaic_size(n), np.nan, np.float32)
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


def pick_moments(run: Recording, most: int = MAX_GIF_FRAMES) -> list:
    """The run's moments, at most ``most`` of them, evenly picked (the first and last kept)."""
    moments = list(run.moments)
    if len(moments) > most:
        picks = np.linspace(0, len(moments) - 1, most).round().astype(int)
        moments = [moments[i] for i in picks]
    return moments


# --- GIF, one frame at a time -------------------------------------------------------------------
#
# A GIF frame is palette indices: GIF_LEVELS steps of the sign colour map, then white (the gaps and
# the caption's paper) and CAPTION_GREYS greys for the caption's anti-aliased letters. One palette
# for every frame, so no frame is quantized and each is written as soon as it is made: memory is
# one frame, whatever the number of frames (Pillow's own save_all keeps them all).

GIF_LEVELS = 64
WHITE = GIF_LEVELS
CAPTION_GREYS = 16


def gif_palette() -> list[int]:
    """256 RGB entries: the colour map's levels, white, greys from black up, then black."""
    lut = weight_colormap().getLookupTable(nPts=GIF_LEVELS, alpha=False)        # (GIF_LEVELS, 3)
    greys = np.linspace(0, 255, CAPTION_GREYS + 1)[:-1].round()
    entries = [*map(tuple, lut), (255, 255, 255), *((g, g, g) for g in greys)]
    entries += [(0, 0, 0)] * (256 - len(entries))
    return [int(c) for entry in entries for c in entry]


def mosaic_indices(mosaic: np.ndarray, level: float, scale: int = GIF_SCALE) -> np.ndarray:
    """The mosaic as palette indices on (−level, level), white gaps, ``scale``× larger."""
    t = np.clip((np.nan_to_num(mosaic) / level + 1) / 2, 0, 1)
    indices = np.round(t * (GIF_LEVELS - 1)).astype(np.uint8)
    indices[np.isnan(mosaic)] = WHITE
    return np.repeat(np.repeat(indices, scale, axis=0), scale, axis=1)


def caption_indices(grey: np.ndarray) -> np.ndarray:
    """A caption drawn in greys (0 black ink … 255 white paper) as palette indices."""
    steps = np.round(grey.astype(np.float32) / 255 * CAPTION_GREYS).astype(np.int32)
    return np.where(steps >= CAPTION_GREYS, WHITE, WHITE + 1 + np.minimum(steps, CAPTION_GREYS - 1)).astype(np.uint8)


def frame_level(weights: np.ndarray) -> float:
    """The colour scale of one frame: its own weights' robust level. A scale for the whole run
    (its largest level) leaves the first epochs grey, when the weights are still small; each
    frame on its own scale shows what changes then (the caption says the scale)."""
    flat = np.asarray(weights).ravel()
    sample = flat[:: max(1, flat.size // 20_000)]      # sampled before converting: cheap for 400,000
    return robust_level(sample.astype(np.float32))


class GifCancelled(Exception):
    """``write_gif`` was told to stop; no file was written."""


def write_gif(path: str | Path, frames, frame_ms: int = 100, last_ms: int = 2000) -> Path:
    """Write an animated GIF of ``frames`` (an iterable of 2-D uint8 palette-index arrays of one
    size, see ``gif_palette``) one frame at a time, atomically: an exception while iterating — say
    ``GifCancelled`` — leaves no file. The last frame is held ``last_ms``."""
    from PIL import GifImagePlugin

    path = Path(path)
    palette = gif_palette()
    with open_atomic(path) as out:
        previous = None
        for indices in frames:
            if previous is None:
                first = _image(indices, palette)
                header, _ = GifImagePlugin.getheader(first, None, {"loop": 0, "duration": frame_ms})
                out.writelines(header)
            else:
                _write_frame(out, _image(previous, palette), frame_ms)
            previous = indices
        if previous is None:
            raise ValueError("a GIF needs at least one frame")
        _write_frame(out, _image(previous, palette), last_ms)
        out.write(b";")   # the GIF trailer
    return path


def _write_frame(out, image, duration_ms: int) -> None:
    from PIL import GifImagePlugin

    chunks = GifImagePlugin.getdata(image, duration=duration_ms)
    out.writelines(chunks)
    # getdata collects into a list held by a class it makes for each call; such a class lives
    # until the cyclic garbage collector runs, and would keep every frame's bytes until then.
    chunks.clear()


def _image(indices: np.ndarray, palette: list[int]):
    from PIL import Image

    image = Image.frombytes("P", (indices.shape[1], indices.shape[0]), np.ascontiguousarray(indices).tobytes())
    image.putpalette(palette)
    return image


def save_png(w: np.ndarray, path: str | Path) -> Path:
    """One moment's first-layer weight pictures as PNG."""
    from PIL import Image

    path = Path(path)
    Image.fromarray(mosaic_rgb(weight_mosaic(w), robust_level(np.asarray(w, np.float32)))).save(path)
    return path
