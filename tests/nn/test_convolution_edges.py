"""Convolution and pooling at their edges: the smallest maps a kernel or a pool fits (and one
pixel less, with the sentence that says so), odd sides, the network's float32 kept through every
step (a float64 scratch array would double the memory the limits were set for), and a workspace
whose lent arrays hold a previous pass's numbers giving the same results as fresh ones."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn.convolution import (
    Workspace,
    conv_backward,
    conv_forward,
    maxpool_backward,
    maxpool_backward_mask,
    maxpool_forward,
    pooled_size,
)


def loop_conv(x, w, b, p):
    c, n, h, wd = x.shape
    f, _, k, _ = w.shape
    xp = np.zeros((c, n, h + 2 * p, wd + 2 * p))
    xp[:, :, p:p + h, p:p + wd] = x
    ho, wo = h + 2 * p - k + 1, wd + 2 * p - k + 1
    z = np.zeros((f, n, ho, wo))
    for fi in range(f):
        z[fi] = b[fi]
        for ci in range(c):
            for i in range(k):
                for j in range(k):
                    z[fi] += w[fi, ci, i, j] * xp[ci, :, i:i + ho, j:j + wo]
    return z


@pytest.mark.parametrize("h, w, k, p", [(3, 3, 3, 0), (1, 1, 3, 1), (3, 5, 5, 1), (5, 3, 3, 0)])
def test_a_kernel_fits_maps_that_give_one_pixel(h, w, k, p):
    rng = np.random.default_rng(h * 10 + w)
    x = rng.normal(size=(2, 3, h, w)).astype(np.float32)
    wt = rng.normal(size=(4, 2, k, k)).astype(np.float32)
    b = rng.normal(size=4).astype(np.float32)
    z, cols = conv_forward(x, wt, b, p)
    assert z.dtype == np.float32 and cols.dtype == np.float32
    np.testing.assert_allclose(z, loop_conv(x, wt, b, p), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("h, w, k, p", [(2, 3, 3, 0), (3, 2, 3, 0), (2, 2, 3, 0), (3, 4, 5, 0)])
def test_a_kernel_one_pixel_too_big_is_refused_with_the_sizes(h, w, k, p):
    with pytest.raises(ValueError) as caught:
        conv_forward(np.zeros((1, 1, h, w), np.float32), np.zeros((1, 1, k, k), np.float32), np.zeros(1), p)
    assert str(caught.value) == f"a {k}×{k} kernel does not fit maps of {h}×{w} padded by {p}"


@pytest.mark.parametrize("padding", [0, 2])
def test_float32_stays_float32_forward_and_back_with_or_without_a_workspace(padding):
    rng = np.random.default_rng(padding)
    x = rng.normal(size=(2, 3, 6, 7)).astype(np.float32)
    w = rng.normal(size=(4, 2, 3, 3)).astype(np.float32)
    b = np.zeros(4, np.float32)
    for workspace in (None, Workspace()):
        z, cols = conv_forward(x, w, b, padding, workspace)
        grad_w, grad_b, grad_x = conv_backward(np.ones_like(z), cols, w, padding, True, workspace)
        assert {a.dtype for a in (z, grad_w, grad_b, grad_x)} == {np.dtype(np.float32)}
        assert grad_x.shape == x.shape


def test_a_workspace_full_of_old_numbers_gives_the_same_sums_and_gradients():
    rng = np.random.default_rng(7)
    w = rng.normal(size=(3, 2, 3, 3))
    b = rng.normal(size=3)
    workspace = Workspace()
    for step in range(3):                   # the second and third passes reuse the first's arrays
        x = rng.normal(size=(2, 4, 5, 6)) * (step + 1)
        z, cols = conv_forward(x, w, b, 1, workspace)
        np.testing.assert_allclose(z, loop_conv(x, w, b, 1), rtol=1e-10, atol=1e-10)
        delta = rng.normal(size=z.shape)
        grad_w, grad_b, grad_x = conv_backward(delta, cols, w, 1, True, workspace)
        fresh = conv_backward(delta, cols.copy(), w, 1, True, None)
        np.testing.assert_allclose(grad_x, fresh[2], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(grad_w, fresh[0], rtol=1e-10, atol=1e-12)
        workspace.give("cols", cols)
        cols.fill(1e9)                      # what a careless borrower could leave behind


@pytest.mark.parametrize("size, pooled", [(28, 14), (7, 3), (2, 1), (3, 1), (1, 0)])
def test_a_pooled_side_is_half_rounded_down(size, pooled):
    got = pooled_size(size)
    assert got == pooled and isinstance(got, int)


@pytest.mark.parametrize("shape", [(1, 1, 1, 4), (1, 1, 4, 1), (2, 1, 1, 1)])
def test_maps_too_small_for_a_pool_are_refused_with_their_size(shape):
    with pytest.raises(ValueError) as caught:
        maxpool_forward(np.zeros(shape, np.float32))
    assert str(caught.value) == f"maps of {shape[2]}×{shape[3]} are too small for a 2×2 pool"


def loop_pool(x):
    c, n, h, w = x.shape
    out = np.zeros((c, n, h // 2, w // 2), x.dtype)
    for y in range(h // 2):
        for xx in range(w // 2):
            out[:, :, y, xx] = x[:, :, 2 * y:2 * y + 2, 2 * xx:2 * xx + 2].max(axis=(2, 3))
    return out


@pytest.mark.parametrize("h, w", [(3, 4), (9, 6), (5, 5), (4, 3), (2, 2)])
def test_pooling_odd_sides_drops_the_last_row_or_column_forward_and_back(h, w):
    rng = np.random.default_rng(h * w)
    x = rng.normal(size=(2, 3, h, w)).astype(np.float32)
    pooled, which = maxpool_forward(x)
    np.testing.assert_array_equal(pooled, loop_pool(x))
    grad = rng.normal(size=pooled.shape).astype(np.float32)
    for back in (maxpool_backward(grad, which, x.shape),
                 maxpool_backward(grad, which, x.shape, out=np.full(x.shape, 7.0, np.float32)),
                 maxpool_backward_mask(grad, x, pooled)):
        assert back.dtype == np.float32 and back.shape == x.shape
        assert not back[:, :, 2 * (h // 2):].any() and not back[:, :, :, 2 * (w // 2):].any()
        # each window's gradient at its largest pixel (no ties in random numbers), nothing elsewhere
        for y in range(h // 2):
            for xx in range(w // 2):
                window = x[:, :, 2 * y:2 * y + 2, 2 * xx:2 * xx + 2].reshape(2, 3, 4)
                got = back[:, :, 2 * y:2 * y + 2, 2 * xx:2 * xx + 2].reshape(2, 3, 4)
                want = np.where(window == window.max(axis=2, keepdims=True), grad[:, :, y, xx][..., None], 0)
                np.testing.assert_array_equal(got, want)
