"""2-D convolution and 2×2 max pooling, forward and backward, vectorised with NumPy.

Feature maps are kept **channels first, then the batch**: ``(channels, batch, height, width)``.
With that order a convolution is one matrix product whose result *is* the next layer's maps, no
transpose, and the kernels are PyTorch's own ``(filters, channels, k, k)`` read as a
``(filters, channels·k·k)`` matrix, no reordering. (Measured against batch-first NHWC and NCHW on
the reference net: the products are wide — thousands of columns, not 8 or 16 — which the BLAS
runs faster, and pooling reads contiguous rows.)

A convolution with stride 1 and ``padding`` p computes, for filter f and output pixel (y, x),

    z[f, n, y, x] = Σ_c Σ_i Σ_j  w[f, c, i, j] · x_padded[c, n, y + i, x + j]  +  b[f]

Unrolled (im2col): for every (c, i, j) the shifted copy ``x_padded[c, :, i:i+ho, j:j+wo]``
becomes one row of ``cols`` (c·k·k rows, batch·ho·wo columns; a strided view of the padded maps
copied in one go), and the sum is the product ``W @ cols``. Backward is two more products:
dL/dW = δ · colsᵀ and dL/dcols = Wᵀ · δ, whose rows are added back to the shifted windows they
came from (col2im: k² slice additions; no Python loop over pixels or images).

Max pooling 2×2 (stride 2; a last odd row or column is dropped, as PyTorch does) compares the
two pixels of each row of a window, then the two rows. Its gradient goes to **the first largest**
pixel of each window (row by row, PyTorch's choice), ``maxpool_backward``. A mask ``x == max``
gives it to every tied pixel instead — over MNIST's flat background, four times:
``maxpool_backward_mask`` keeps that mistake for the lesson that shows it; nothing trains with it.

``Workspace`` lends the large scratch arrays (padded maps, ``cols``) from one batch to the next,
so that a training step does not allocate, and page-fault, megabytes each time.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from numpy.typing import DTypeLike


class Workspace:
    """Scratch arrays by name and shape, lent and given back: a step reuses the last step's.

    An array is lent to one borrower until it is given back, so two forward passes whose results
    are both still held never share one."""

    KEEP = 2       # spare arrays per name and shape: a batch's, and an epoch's last, smaller one

    def __init__(self) -> None:
        self._free: dict[tuple, list[np.ndarray]] = {}

    def take(self, name: str, shape: tuple[int, ...], dtype: DTypeLike, zero: bool = False,
             new_zero: bool = False) -> np.ndarray:
        """An array of ``shape``: zeros if ``zero``; otherwise whatever its last borrower left in
        it — zeros if it is new and ``new_zero`` (a padded buffer, whose border nobody writes)."""
        spare = self._free.get((name, tuple(shape), np.dtype(dtype).str))
        if spare:
            array = spare.pop()
            if zero:
                array.fill(0)
            return array
        return (np.zeros if zero or new_zero else np.empty)(shape, dtype)

    def give(self, name: str, array: np.ndarray | None) -> None:
        if array is not None:
            spare = self._free.setdefault((name, array.shape, array.dtype.str), [])
            if len(spare) < self.KEEP:
                spare.append(array)


def _take(workspace: Workspace | None, name: str, shape: tuple[int, ...], dtype: DTypeLike, **kwargs: bool) -> np.ndarray:
    if workspace is not None:
        return workspace.take(name, shape, dtype, **kwargs)
    zero = kwargs.get("zero") or kwargs.get("new_zero")
    return (np.zeros if zero else np.empty)(shape, dtype)


# --- convolution ---------------------------------------------------------------------------

def output_size(size: int, kernel: int, padding: int) -> int:
    """A side of the maps after a convolution with stride 1: size + 2·padding − kernel + 1."""
    return size + 2 * padding - kernel + 1


def conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray, padding: int,
                 workspace: Workspace | None = None) -> tuple[np.ndarray, np.ndarray]:
    """z = w ⋆ x + b for maps x (c, n, h, w) and kernels w (f, c, k, k): (z (f, n, ho, wo), cols).

    ``cols`` (c·k·k, n·ho·wo) is what backward needs; give it back to the workspace after."""
    c, n, h, wd = x.shape
    f, c_w, k, _ = w.shape
    if c_w != c:
        raise ValueError(f"kernels of {c_w} channels cannot slide over {c} maps")
    ho, wo = output_size(h, k, padding), output_size(wd, k, padding)
    if ho < 1 or wo < 1:
        raise ValueError(f"a {k}×{k} kernel does not fit maps of {h}×{wd} padded by {padding}")
    if padding:
        xp = _take(workspace, "padded", (c, n, h + 2 * padding, wd + 2 * padding), x.dtype, new_zero=True)
        xp[:, :, padding:padding + h, padding:padding + wd] = x        # the border stays zero
    else:
        xp = x
    cols = _take(workspace, "cols", (c * k * k, n * ho * wo), x.dtype)
    windows = sliding_window_view(xp, (k, k), axis=(2, 3))             # (c, n, ho, wo, i, j), a view
    np.copyto(cols.reshape(c, k, k, n, ho, wo), windows.transpose(0, 4, 5, 1, 2, 3))
    if padding and workspace is not None:
        workspace.give("padded", xp)
    z = w.reshape(f, c * k * k) @ cols                                 # (f, n·ho·wo)
    z += b[:, None]
    return z.reshape(f, n, ho, wo), cols


def conv_backward(delta: np.ndarray, cols: np.ndarray, w: np.ndarray, padding: int,
                  input_grad: bool = True, workspace: Workspace | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """From δ = dL/dz (f, n, ho, wo): (dL/dw (f, c, k, k), dL/db (f,), dL/dx (c, n, h, w) or None).

    The first layer needs no dL/dx (``input_grad=False``): its col2im is skipped."""
    f, n, ho, wo = delta.shape
    _, c, k, _ = w.shape
    d = delta.reshape(f, n * ho * wo)
    grad_w = (d @ cols.T).reshape(w.shape)                             # (f, c, k, k)
    grad_b = d.sum(axis=1)                                             # (f,)
    if not input_grad:
        return grad_w, grad_b, None
    # dL/dcols: each row's share, added back to the window it was copied from (col2im)
    dcols = _take(workspace, "cols", cols.shape, cols.dtype)
    np.matmul(w.reshape(f, c * k * k).T, d, out=dcols)                  # (c·k·k, n·ho·wo)
    shifted = dcols.reshape(c, k, k, n, ho, wo)
    hp, wp = ho + k - 1, wo + k - 1
    grad_xp = _take(workspace, "grad_padded", (c, n, hp, wp), delta.dtype, zero=True)
    for i in range(k):                                                 # k² slices, not pixels
        for j in range(k):
            grad_xp[:, :, i:i + ho, j:j + wo] += shifted[:, i, j]
    if workspace is not None:
        workspace.give("cols", dcols)
    if not padding:
        return grad_w, grad_b, grad_xp
    grad_x = grad_xp[:, :, padding:hp - padding, padding:wp - padding].copy()
    if workspace is not None:
        workspace.give("grad_padded", grad_xp)
    return grad_w, grad_b, grad_x


# --- max pooling 2×2 ----------------------------------------------------------------------

def _windows(x: np.ndarray) -> np.ndarray:
    """x (c, n, h, w) as (c, n, h/2, 2, w/2, 2): window row, row in it, window column, column in
    it; a last odd row or column belongs to no window."""
    c, n, h, w = x.shape
    if h % 2 or w % 2:
        x = x[:, :, :h - h % 2, :w - w % 2]
        if not x.flags.c_contiguous:
            x = np.ascontiguousarray(x)
    return x.reshape(c, n, h // 2, 2, w // 2, 2)


def pooled_size(size: int) -> int:
    return size // 2


def maxpool_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The largest pixel of each 2×2 window of x (c, n, h, w), (c, n, h/2, w/2), and which one it
    was, uint8: 0 top left, 1 top right, 2 bottom left, 3 bottom right — the first largest, row by
    row, where several are equal."""
    if x.shape[2] < 2 or x.shape[3] < 2:
        raise ValueError(f"maps of {x.shape[2]}×{x.shape[3]} are too small for a 2×2 pool")
    q = _windows(x)
    top_left, top_right = q[:, :, :, 0, :, 0], q[:, :, :, 0, :, 1]
    bottom_left, bottom_right = q[:, :, :, 1, :, 0], q[:, :, :, 1, :, 1]
    top = np.maximum(top_left, top_right)
    bottom = np.maximum(bottom_left, bottom_right)
    lower = bottom > top                                               # the bottom row wins
    which = np.greater(top_right, top_left).view(np.uint8)             # 1 where top right wins
    np.copyto(which, np.greater(bottom_right, bottom_left).view(np.uint8), where=lower)
    which += lower.view(np.uint8) * np.uint8(2)
    return np.maximum(top, bottom, out=top), which


def maxpool_backward(grad: np.ndarray, which: np.ndarray, input_shape: tuple[int, ...],
                     out: np.ndarray | None = None) -> np.ndarray:
    """dL/dx (input_shape) from dL/d(pooled) (c, n, h/2, w/2): each window's gradient goes to the
    one pixel that was its maximum."""
    grad_x = np.zeros(input_shape, grad.dtype) if out is None else out
    if out is not None:
        out.fill(0)
    q = _windows(grad_x) if input_shape[2] % 2 == 0 and input_shape[3] % 2 == 0 else None
    if q is None:   # odd sides: the kept part is not a view of grad_x
        c, n, h, w = input_shape
        inner = np.zeros((c, n, h - h % 2, w - w % 2), grad.dtype)
        maxpool_backward(grad, which, inner.shape, inner)
        grad_x[:, :, :h - h % 2, :w - w % 2] = inner
        return grad_x
    for k, part in enumerate((q[:, :, :, 0, :, 0], q[:, :, :, 0, :, 1], q[:, :, :, 1, :, 0], q[:, :, :, 1, :, 1])):
        np.multiply(grad, which == k, out=part)
    return grad_x


def maxpool_backward_mask(grad: np.ndarray, x: np.ndarray, pooled: np.ndarray) -> np.ndarray:
    """**Wrong on purpose**, for the lesson on ties: dL/dx through a mask ``x == max``, which gives
    a window's gradient to *every* pixel equal to its maximum — four times over a flat background.
    The numeric slope exposes it (a gradient check fails where values tie); training never uses
    it. ``maxpool_backward`` is the right one."""
    c, n, h, w = x.shape
    grad_x = np.zeros(x.shape, grad.dtype)
    kept = np.zeros((c, n, h - h % 2, w - w % 2), grad.dtype)
    qx, qg = _windows(x), _windows(kept)
    for r in (0, 1):
        for s in (0, 1):
            np.multiply(grad, qx[:, :, :, r, :, s] == pooled, out=qg[:, :, :, r, :, s])
    grad_x[:, :, :h - h % 2, :w - w % 2] = kept
    return grad_x
