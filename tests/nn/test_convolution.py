"""Convolution and max pooling, forward and backward (annviz.nn.convolution), against references
written from the formulas with loops over every pixel, and against numeric slopes.

The tie test is the lesson's: over a flat background the four pixels of a window are equal; the
gradient belongs to one of them (the first), and a mask ``x == max`` gives it to all four —
which the numeric slope shows, as a gradient check of a whole network on MNIST digits."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import convolution
from annviz.nn.convnet import ConvNet
from annviz.nn.convolution import (
    Workspace,
    conv_backward,
    conv_forward,
    maxpool_backward,
    maxpool_backward_mask,
    maxpool_forward,
)
from annviz.nn.gradcheck import numeric_slope, relative_error
from annviz.nn.layers import reference
from annviz.nn.losses import get_loss

RNG = np.random.default_rng(26)


# --- references: one pixel at a time ------------------------------------------------------------

def conv_loops(x, w, b, p):
    """z[f, n, y, x] = Σ_c Σ_i Σ_j w[f, c, i, j] · x_padded[c, n, y + i, x + j] + b[f]."""
    c, n, h, wd = x.shape
    f, _, k, _ = w.shape
    xp = np.zeros((c, n, h + 2 * p, wd + 2 * p))
    xp[:, :, p:p + h, p:p + wd] = x
    ho, wo = h + 2 * p - k + 1, wd + 2 * p - k + 1
    z = np.zeros((f, n, ho, wo))
    for ff in range(f):
        for nn in range(n):
            for y in range(ho):
                for xx in range(wo):
                    z[ff, nn, y, xx] = np.sum(w[ff] * xp[:, nn, y:y + k, xx:xx + k]) + b[ff]
    return z


def pool_loops(x):
    """The largest of each 2×2 window, and where it is (the first, row by row, of equal ones)."""
    c, n, h, w = x.shape
    out = np.zeros((c, n, h // 2, w // 2))
    where = np.zeros((c, n, h // 2, w // 2), int)
    for cc in range(c):
        for nn in range(n):
            for y in range(h // 2):
                for xx in range(w // 2):
                    window = [x[cc, nn, 2 * y, 2 * xx], x[cc, nn, 2 * y, 2 * xx + 1],
                              x[cc, nn, 2 * y + 1, 2 * xx], x[cc, nn, 2 * y + 1, 2 * xx + 1]]
                    where[cc, nn, y, xx] = int(np.argmax(window))   # numpy: the first of equal ones
                    out[cc, nn, y, xx] = max(window)
    return out, where


CASES = [  # channels, images, height, width, filters, kernel, padding
    (1, 3, 28, 28, 4, 5, 2), (3, 2, 9, 7, 5, 3, 0), (2, 2, 6, 6, 3, 3, 1), (4, 1, 5, 5, 2, 5, 4),
    (1, 2, 4, 4, 2, 1, 0)]


@pytest.mark.parametrize("c,n,h,w,f,k,p", CASES)
def test_convolution_computes_the_sum_of_every_window(c, n, h, w, f, k, p):
    x = RNG.normal(size=(c, n, h, w))
    kernels, b = RNG.normal(size=(f, c, k, k)), RNG.normal(size=f)
    z, _ = conv_forward(x, kernels, b, p)
    np.testing.assert_allclose(z, conv_loops(x, kernels, b, p), rtol=1e-12, atol=1e-12)


def numeric_gradient(fn, array, h=1e-6):
    """d fn / d array by centred differences, one entry at a time (array is changed and restored)."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        old = array[index]
        array[index] = old + h
        plus = fn()
        array[index] = old - h
        minus = fn()
        array[index] = old
        grad[index] = (plus - minus) / (2 * h)
    return grad


@pytest.mark.parametrize("c,n,h,w,f,k,p", CASES[1:])
def test_convolution_backward_is_the_numeric_slope_of_every_weight_bias_and_pixel(c, n, h, w, f, k, p):
    x = RNG.normal(size=(c, n, h, w))
    kernels, b = RNG.normal(size=(f, c, k, k)), RNG.normal(size=f)
    z, cols = conv_forward(x, kernels, b, p)
    g = RNG.normal(size=z.shape)                     # L = Σ g · z, so dL/dz = g

    def loss():
        return float(np.sum(g * conv_forward(x, kernels, b, p)[0]))

    grad_w, grad_b, grad_x = conv_backward(g, cols, kernels, p)
    np.testing.assert_allclose(grad_w, numeric_gradient(loss, kernels), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(grad_b, numeric_gradient(loss, b), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(grad_x, numeric_gradient(loss, x), rtol=1e-6, atol=1e-7)
    assert conv_backward(g, cols, kernels, p, input_grad=False)[2] is None     # the first layer's


def test_a_kernel_that_does_not_fit_is_refused():
    with pytest.raises(ValueError, match="does not fit"):
        conv_forward(np.zeros((1, 1, 3, 3)), np.zeros((1, 1, 5, 5)), np.zeros(1), 0)
    with pytest.raises(ValueError, match="channels"):
        conv_forward(np.zeros((2, 1, 8, 8)), np.zeros((1, 3, 3, 3)), np.zeros(1), 0)


@pytest.mark.parametrize("shape", [(2, 3, 8, 8), (3, 2, 7, 7), (1, 2, 5, 6), (2, 1, 2, 3)])
def test_max_pooling_keeps_the_first_largest_of_each_window(shape):
    x = RNG.integers(0, 3, size=shape).astype(np.float64)     # small integers: many ties
    pooled, which = maxpool_forward(x)
    expected, where = pool_loops(x)
    np.testing.assert_array_equal(pooled, expected)
    np.testing.assert_array_equal(which, where)


@pytest.mark.parametrize("shape", [(2, 3, 8, 8), (3, 2, 7, 7), (1, 2, 5, 6)])
def test_max_pooling_backward_is_the_numeric_slope_where_nothing_ties(shape):
    x = RNG.normal(size=shape)
    pooled, which = maxpool_forward(x)
    g = RNG.normal(size=pooled.shape)
    numeric = numeric_gradient(lambda: float(np.sum(g * maxpool_forward(x)[0])), x)
    np.testing.assert_allclose(maxpool_backward(g, which, x.shape), numeric, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(maxpool_backward_mask(g, x, pooled), numeric, rtol=1e-6, atol=1e-9)


def test_over_a_flat_window_the_gradient_goes_to_one_pixel_and_the_mask_gives_it_to_four():
    x = np.zeros((1, 1, 2, 2))
    x[0, 0] = [[0.5, 0.5], [0.5, 0.5]]
    pooled, which = maxpool_forward(x)
    g = np.ones_like(pooled)
    right = maxpool_backward(g, which, x.shape)
    wrong = maxpool_backward_mask(g, x, pooled)
    np.testing.assert_array_equal(right[0, 0], [[1, 0], [0, 0]])     # the first one, as PyTorch
    np.testing.assert_array_equal(wrong[0, 0], [[1, 1], [1, 1]])
    # nudging every pixel together (a bias below them) moves the max by h, not 4h
    assert right.sum() == 1 and wrong.sum() == 4


def _bias_slope_errors(net, x, y, loss):
    """Relative errors of backprop against the numeric slope for every first-layer bias."""
    _, grads = net.gradients(x, y, loss)
    return [relative_error(numeric_slope(net, x, y, loss, "bias", 0, (f,), 1e-6)[2], float(grads.grad_b[0][f]))
            for f in range(len(net.biases[0]))]


def test_the_gradient_check_exposes_the_mask_on_mnist_digits(monkeypatch):
    """The lesson's step: on real digits (a flat background), with positive first-layer biases so
    the background's windows tie after ReLU, the right backward passes a gradient check on every
    bias and the x == max mask fails it."""
    ds = load_dataset("mnist")
    x, y = to_inputs(ds.test_images[:4]).astype(np.float64), np.asarray(ds.test_labels[:4])
    net = ConvNet(reference((3, 4)), seed=5).copy(np.float64)
    net.biases[0][:] = [0.2, 0.1, 0.3]
    loss = get_loss("cross-entropy")
    assert max(_bias_slope_errors(net, x, y, loss)) < 1e-5

    kept = {}
    forward = convolution.maxpool_forward

    def remembering_forward(a):
        pooled, which = forward(a)
        kept[id(which)] = (a.copy(), pooled)
        return pooled, which

    def mask_backward(grad, which, input_shape, out=None):
        a, pooled = kept[id(which)]
        return maxpool_backward_mask(grad, a, pooled)

    import annviz.nn.convnet as convnet
    monkeypatch.setattr(convnet, "maxpool_forward", remembering_forward)
    monkeypatch.setattr(convnet, "maxpool_backward", mask_backward)
    errors = _bias_slope_errors(net, x, y, loss)
    assert max(errors) > 0.1, errors


def test_scratch_arrays_are_lent_to_one_forward_pass_at_a_time():
    """Two forward passes held at once (a view's and the trainer's) never share their unrolled
    windows: each back-propagates to its own gradients."""
    net = ConvNet(reference((3, 4)), seed=1)
    xa, xb = RNG.random((5, 784), np.float32), RNG.random((5, 784), np.float32)
    y = np.arange(5)
    loss = get_loss("cross-entropy")
    alone = ConvNet(reference((3, 4)), seed=1).gradients(xa, y, loss)[1]
    net.gradients(xb, y, loss)                       # its scratch arrays are given back: spares
    fa, fb = net.forward(xa), net.forward(xb)
    delta = loss.delta(fa.zs[-1], fa.output, y, net.layer_activations[-1])
    grads = net.backprop(fa, delta)
    for got, expected in zip(grads.grad_w + grads.grad_b, alone.grad_w + alone.grad_b):
        np.testing.assert_array_equal(got, expected)
    net.backprop(fb, loss.delta(fb.zs[-1], fb.output, y, net.layer_activations[-1]))
    again = net.gradients(xa, y, loss)[1]            # buffers given back and lent again: same numbers
    for got, expected in zip(again.grad_w, alone.grad_w):
        np.testing.assert_array_equal(got, expected)


def test_a_workspace_lends_an_array_once_and_keeps_few():
    ws = Workspace()
    a = ws.take("cols", (3, 4), np.float32)
    b = ws.take("cols", (3, 4), np.float32)
    assert a is not b
    ws.give("cols", a)
    assert ws.take("cols", (3, 4), np.float32) is a
    assert ws.take("cols", (3, 4), np.float32) is not a        # lent already
    given = [np.empty((3, 4), np.float32) for _ in range(5)]
    for array in given:
        ws.give("cols", array)
    back = [ws.take("cols", (3, 4), np.float32) for _ in range(Workspace.KEEP + 1)]
    assert sum(any(t is g for g in given) for t in back) == Workspace.KEEP
    assert ws.take("cols", (4, 3), np.float32).shape == (4, 3)    # another shape: a new array
