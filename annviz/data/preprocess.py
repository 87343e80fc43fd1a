"""Turn a drawing into the 28x28 input that MNIST's own preparation would have produced.

LeCun et al. prepared MNIST like this: the digit's bounding box was scaled, keeping its aspect
ratio, so that its longer side is 20 px, with anti-aliasing (hence the grey levels); then it was
placed in a 28x28 field so that its centre of mass sits at the centre of the field. Measured on
the training set, that centre is at pixel index (14, 14) (mean 14.00, spread +-0.29, because the
original shift was by whole pixels), where pixel i's centre has coordinate i.

:func:`canvas_to_mnist` does the same for any grey or colour image, dark ink on light paper or
light ink on dark, in five small steps: ``_to_grey``, ``_ink``, ``_crop``, ``_resize_area``,
``_centre``. Resizing and centring are separable linear maps, each applied to the rows, then
the columns: shrinking a large drawing by running sums, enlarging a small one and centring by two
small matrix products. No Python loop touches a pixel, and a 280x280 canvas takes a few hundred
microseconds. We shift by sub-pixels (bilinear) rather than whole pixels, so the result
changes continuously with the drawing and the centre of mass lands exactly on (14, 14).
"""

from __future__ import annotations

import numpy as np

FIELD = 28  # side of the MNIST image
BOX = 20  # the longer side of the digit's bounding box after scaling
CENTRE = 14.0  # where MNIST puts the centre of mass, in pixel-index coordinates
MIN_CONTRAST = 0.1  # below this much ink (0..1) anywhere, the image is blank
NOISE = 0.05  # ink fainter than this share of the darkest stroke does not count for the box
LUMA = np.array([0.299, 0.587, 0.114], np.float32)  # ITU-R 601 grey from RGB


def canvas_to_mnist(image: np.ndarray) -> np.ndarray | None:
    """A drawn digit -> float32 (28, 28) in [0, 1], white ink on black; None if blank."""
    ink = _ink(_to_grey(image))  # (h, w), 0 = background, 1 = the strongest stroke
    if ink is None:
        return None
    digit = _crop(ink, NOISE)  # (bh, bw), the ink's bounding box
    digit = _resize_area(digit, BOX / max(digit.shape))  # longer side 20 px
    return _centre(digit)  # (28, 28), centre of mass at (14, 14)


def canvas_as_drawn(image: np.ndarray) -> np.ndarray | None:
    """A drawing -> float32 (28, 28) in [0, 1] as it lies on the pad, not centred: the whole canvas
    shrunk to 28×28 (area averaging), the strongest stroke 1; None if blank. A digit drawn in a
    corner stays in the corner (the Convolution page's "don't centre")."""
    ink = _ink(_to_grey(image))  # (h, w)
    if ink is None:
        return None
    side = max(ink.shape)
    square = np.zeros((side, side), np.float32)
    square[: ink.shape[0], : ink.shape[1]] = ink
    small = _resize_area(square, FIELD / side)[:FIELD, :FIELD]  # (28, 28)
    top = float(small.max())
    return (small / top).astype(np.float32) if top > 0 else None


#: Stroke widths (``stroke_width``) of 98 % of the MNIST test digits lie in 1.07 … 3.76 px (median
#: 2.0): a prepared drawing outside these limits does not look like what the network learnt from.
THINNEST, THICKEST = 1.0, 4.0
#: A drawing whose bounding box's longer side is under this share of the pad is blown up to 20 px.
SMALLEST = 0.2
#: Height over width of the ink's box: every MNIST test digit is at least 0.5 (a 1 stands upright);
#: a drawing flatter than this (a dash) is no digit, whatever the network answers.
FLATTEST = 0.3
#: Fat strokes on a drawing under this share of the pad: drawn small for the brush ("small");
#: on a larger one, the drawing itself is dense (a scribble: "blob").
LARGE = 0.4


def stroke_width(image: np.ndarray) -> float:
    """How wide the strokes of a (28, 28) image in [0, 1] are, in pixels: 2 · area / perimeter of
    the ink (pixels over 0.5). For a stroke of length L and width w, area ≈ L·w, perimeter ≈ 2L."""
    ink = np.asarray(image) > 0.5
    area = int(ink.sum())
    if area == 0:
        return 0.0
    padded = np.pad(ink, 1)
    perimeter = int((padded[1:, :] != padded[:-1, :]).sum() + (padded[:, 1:] != padded[:, :-1]).sum())
    return 2.0 * area / perimeter


def drawing_problem(image: np.ndarray, prepared: np.ndarray | None) -> str | None:
    """Why a drawing may not be prepared like an MNIST digit, or None. ``prepared`` is
    ``canvas_to_mnist(image)``.

    - "small": tiny on the pad (blown up to 20 px, its strokes become fat blobs);
    - "flat": much wider than tall, a dash (no MNIST digit is);
    - "blob": large, but so dense or thick-stroked that at 20 px it is a blob (a scribble);
    - "thin": strokes thinner than MNIST's, which shrink to almost nothing.
    """
    if prepared is None:
        return None
    ink = _ink(_to_grey(image))
    if ink is None:     # blank: canvas_to_mnist gave None already
        return None
    box = _crop(ink, NOISE).shape
    width = stroke_width(prepared)
    if max(box) < SMALLEST * min(ink.shape):
        return "small"
    if box[0] < FLATTEST * box[1]:
        return "flat"
    if width > THICKEST:
        return "small" if max(box) < LARGE * min(ink.shape) else "blob"
    if width < THINNEST:
        return "thin"
    return None


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of the centre of mass, in pixel-index coordinates (pixel i is at i)."""
    image = np.asarray(image, dtype=np.float64)
    mass = image.sum()
    if not mass > 0:
        raise ValueError("the image has no mass (all zero), so no centre of mass")
    rows = np.arange(image.shape[0]) @ image.sum(axis=1)
    cols = image.sum(axis=0) @ np.arange(image.shape[1])
    return float(rows / mass), float(cols / mass)


def _to_grey(image: np.ndarray) -> np.ndarray:
    """uint8 0..255 or float 0..1, grey (h, w) or RGB(A) (h, w, 3|4) -> float32 (h, w) in 0..1.

    Transparent pixels are composited on white paper.
    """
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 3 and image.shape[2] in (3, 4):
        return _colour_to_grey(image)
    if image.ndim != 2 or min(image.shape) == 0:
        raise ValueError(f"expected a grey (h, w) or colour (h, w, 3|4) image, got {image.shape}")
    return _unit_range(image)


def _unit_range(image: np.ndarray) -> np.ndarray:
    """Pixel values as float32 in 0..1: integers by their type's range, floats over 1 as 0..255."""
    if image.dtype == np.bool_ or image.dtype == np.uint8 or image.dtype == np.uint16:
        full_scale = 1.0 if image.dtype == np.bool_ else float(np.iinfo(image.dtype).max)
        return image.astype(np.float32) * np.float32(1.0 / full_scale)
    grey = image.astype(np.float32)
    if grey.max(initial=0.0) > 1.0:  # float or wide integer images holding 0..255
        grey *= np.float32(1.0 / 255.0)
    return grey


def _colour_to_grey(image: np.ndarray) -> np.ndarray:
    rgba = _unit_range(image)  # (h, w, 3|4)
    grey = rgba[:, :, 0] * LUMA[0] + rgba[:, :, 1] * LUMA[1] + rgba[:, :, 2] * LUMA[2]  # (h, w), no BLAS
    if rgba.shape[2] == 4:
        alpha = rgba[:, :, 3]
        grey = grey * alpha + (1.0 - alpha)  # over white
    return grey


def _ink(grey: np.ndarray) -> np.ndarray | None:
    """How much ink each pixel holds, 0..1, whatever the paper's colour; None if blank.

    The background is the median grey level of the image's edges (the paper around the writing).
    Ink is the deviation from it towards the other end of the scale, scaled so that the strongest
    stroke is 1.
    """
    # The paper is what the edges show: a page or a pad is written in its middle. (The median of
    # the whole image took a dense scribble, more ink than paper, for its own negative.)
    h, w = grey.shape
    band = max(1, min(h, w) // 20)
    edges = np.concatenate([grey[:band].ravel(), grey[-band:].ravel(), grey[:, :band].ravel(),
                            grey[:, -band:].ravel()])
    step = max(1, edges.size // 4096)               # the median of ~4096 samples is plenty
    background = float(np.median(edges[::step]))
    ink = grey - background if background <= 0.5 else background - grey  # (h, w)
    strongest = float(ink.max())
    if strongest < MIN_CONTRAST:
        return None
    np.clip(ink, 0.0, None, out=ink)
    ink *= np.float32(1.0 / strongest)
    return ink


def _crop(ink: np.ndarray, threshold: float) -> np.ndarray:
    """The bounding box of the pixels with more ink than ``threshold``."""
    mask = ink > threshold
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _resize_area(image: np.ndarray, scale: float) -> np.ndarray:
    """Scale both sides by ``scale``: area averaging to shrink, bilinear to enlarge."""
    if scale <= 1.0:
        return _shrink(_shrink(image, scale).T, scale).T  # rows, then columns
    rows = _enlarging_matrix(image.shape[0], scale)  # (out_h, h)
    cols = _enlarging_matrix(image.shape[1], scale)  # (out_w, w)
    return rows @ image @ cols.T  # (out_h, out_w), small: the input is under 20 px


def _out_size(n_in: int, scale: float) -> int:
    return max(1, int(np.ceil(n_in * scale - 1e-6)))


def _shrink(image: np.ndarray, scale: float) -> np.ndarray:
    """Area averaging along the first axis: n_in rows -> n_out = ceil(n_in * scale) rows.

    Output row i covers the input interval [i/scale, (i+1)/scale) and takes the area-weighted
    mean of the input rows it overlaps (a box filter: anti-aliasing). Those are at most
    ceil(1/scale) + 1 rows from row floor(i/scale) on: each output row is a weighted sum of one
    such band, gathered and summed with array operations. No matrix product: a large drawing
    costs no BLAS call, whose threads made it many times slower on a busy machine.
    """
    n_in = image.shape[0]
    n_out = _out_size(n_in, scale)
    start = np.arange(n_out)[:, None] / scale  # (n_out, 1): output row i's span in input rows
    stop = start + 1 / scale
    j = np.floor(start).astype(np.intp) + np.arange(int(np.ceil(1 / scale)) + 1)  # (n_out, band)
    overlap = np.clip(np.minimum(stop, j + 1) - np.maximum(start, j), 0.0, None) * scale
    overlap[j >= n_in] = 0.0  # past the last row
    band = image[np.minimum(j, n_in - 1)]  # (n_out, band, ...)
    return np.einsum("ib,ib...->i...", overlap.astype(np.float32), band)


def _enlarging_matrix(n_in: int, scale: float) -> np.ndarray:
    """(n_out, n_in) weights taking n_in samples to n_out = ceil(n_in * scale) samples, scale > 1:
    output pixel i's centre lies at (i + 0.5)/scale - 0.5 in input coordinates and interpolates
    linearly between its two neighbours (zero beyond the edges)."""
    i = np.arange(_out_size(n_in, scale), dtype=np.float32)[:, None]  # (n_out, 1)
    j = np.arange(n_in, dtype=np.float32)[None, :]  # (1, n_in)
    centre = (i + 0.5) / scale - 0.5
    return np.clip(1.0 - np.abs(centre - j), 0.0, None)  # (n_out, n_in) tent weights


def _centre(digit: np.ndarray) -> np.ndarray:
    """Place ``digit`` in a 28x28 field with its centre of mass at (14, 14), sub-pixel exact."""
    row, col = centre_of_mass(digit)
    rows = _shift_matrix(digit.shape[0], CENTRE - row)  # (28, h)
    cols = _shift_matrix(digit.shape[1], CENTRE - col)  # (28, w)
    field = rows @ digit @ cols.T  # (28, 28)
    return np.clip(field, 0.0, 1.0, out=field).astype(np.float32, copy=False)


def _shift_matrix(n_in: int, shift: float) -> np.ndarray:
    """(28, n_in) bilinear weights moving sample j to position j + shift (zero outside)."""
    i = np.arange(FIELD, dtype=np.float32)[:, None]  # (28, 1)
    j = np.arange(n_in, dtype=np.float32)[None, :]  # (1, n_in)
    return np.clip(1.0 - np.abs(i - (j + np.float32(shift))), 0.0, None)
