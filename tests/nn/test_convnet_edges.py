"""A ConvNet's construction, inputs, gradients and copies at their edges: what it refuses and the
sentence it says, one image given as a row or as a map, δ per layer tied to the bias gradients,
the training default (the first largest pixel of a pool, not the lesson's mask), the kernels'
initial spread (He and Xavier by their fan-in and fan-out), the loss of a sigmoid output layer."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn.convnet import ConvNet
from annviz.nn.layers import Conv, Dense, Flatten, Pool
from annviz.nn.losses import get_loss

LAYERS = [Conv(3, 3, 1), Pool(), Flatten(), Dense(4, "tanh"), Dense(10, "softmax")]


def test_weights_that_do_not_fit_are_refused_with_the_layer_and_the_shapes():
    good = ConvNet(LAYERS, (1, 8, 8), seed=1)
    w, b = [x.copy() for x in good.weights], [x.copy() for x in good.biases]
    with pytest.raises(ValueError) as missing:
        ConvNet(LAYERS, (1, 8, 8), w)
    assert str(missing.value) == "weights given without biases"
    bad = [np.zeros((2, 1, 3, 3))] + w[1:]
    with pytest.raises(ValueError) as caught:
        ConvNet(LAYERS, (1, 8, 8), bad, b)
    assert str(caught.value) == ("layer 0: weight (2, 1, 3, 3) and bias (3,) do not fit "
                                 "Conv(filters=3, kernel=3, padding=1, activation='relu') (expected (3, 1, 3, 3))")
    with pytest.raises(ValueError, match="layer 3: weight \\(4, 48\\) and bias \\(5,\\) do not fit"):
        ConvNet(LAYERS, (1, 8, 8), w, [b[0], np.zeros(5), b[2]])


def test_fewer_parameters_than_weight_layers_are_refused():
    good = ConvNet(LAYERS, (1, 8, 8), seed=1)
    w, b = good.weights, good.biases
    with pytest.raises(ValueError) as short:
        ConvNet(LAYERS, (1, 8, 8), w[:2], b[:2])            # the output layer without parameters
    assert str(short.value) == "2 weights and 2 biases for 3 layers"
    with pytest.raises(ValueError, match="3 weights and 2 biases for 3 layers"):
        ConvNet(LAYERS, (1, 8, 8), w, b[:2])


def test_the_input_shape_is_the_networks_own():
    net = ConvNet(LAYERS, (2, 8, 6), seed=0)
    assert net.shapes[:3] == [(2, 8, 6), (3, 8, 6), (3, 4, 3)] and net.weights[1].shape == (4, 36)


def test_one_image_as_a_row_or_as_a_map_and_the_networks_float32():
    net = ConvNet(LAYERS, (1, 8, 8), seed=2)
    image = np.random.default_rng(0).random((1, 8, 8))          # float64
    as_map, as_row, batch = net.predict_proba(image), net.predict_proba(image.ravel()), net.predict_proba(image[None])
    assert as_map.shape == as_row.shape == (1, 10) and as_map.dtype == np.float32
    np.testing.assert_array_equal(as_map, as_row)
    np.testing.assert_array_equal(as_map, batch)


def test_each_layers_delta_sums_to_its_bias_gradient_and_the_input_gradient_only_when_asked():
    net = ConvNet([Conv(3, 3, 1), Pool(), Conv(2, 3, 0, "tanh"), Flatten(), Dense(10, "softmax")], (1, 8, 8),
                  seed=3, dtype=np.float64)
    x = np.random.default_rng(1).random((5, 64))
    y = np.arange(5)
    loss = get_loss("cross-entropy")
    value, g = net.gradients(x, y, loss)
    assert g.grad_input is None and len(g.deltas) == 3
    np.testing.assert_allclose(g.deltas[-1], (net.predict_proba(x) - np.eye(10)[y]) / 5, atol=1e-12)
    for l, delta in enumerate(g.deltas):
        axes = (1, 2, 3) if delta.ndim == 4 else (0,)
        np.testing.assert_allclose(delta.sum(axis=axes), g.grad_b[l], atol=1e-12)
    fwd = net.forward(x)
    with_input = net.backprop(fwd, g.deltas[-1], input_grad=True)
    assert with_input.grad_input.shape == (5, 64)
    h = 1e-6                                                    # dL/dx against the loss's slope
    bumped = x.copy()
    bumped[2, 27] += h
    slope = (net.loss(bumped, y, loss) - value) / h
    assert with_input.grad_input[2, 27] == pytest.approx(slope, rel=1e-3, abs=1e-7)


def test_training_gets_the_first_largest_pixel_not_the_lessons_mask():
    net = ConvNet(LAYERS, (1, 8, 8), seed=4, dtype=np.float64)
    net.biases[0][:] = 0.5                                      # a flat background: ties in every window
    x = np.zeros((2, 64))
    x[:, 27] = 1.0
    y = np.array([3, 7])
    loss = get_loss("cross-entropy")
    fwd = net.forward(x)
    delta = loss.delta(fwd.zs[-1], fwd.output, y, net.layer_activations[-1])
    default = net.backprop(fwd, delta)
    _, right = net.gradients(x, y, loss)
    _, masked = net.gradients(x, y, loss, tie_mask=True)
    np.testing.assert_allclose(default.grad_b[0], right.grad_b[0], rtol=1e-12)
    assert not np.allclose(masked.grad_b[0], right.grad_b[0])


@pytest.mark.parametrize("init, activation, variance", [
    ("he", "tanh", lambda c, f, k: 2 / (c * k * k)),
    ("xavier", "relu", lambda c, f, k: 2 / (c * k * k + f * k * k)),
    ("auto", "relu", lambda c, f, k: 2 / (c * k * k)),          # He for ReLU
    ("auto", "tanh", lambda c, f, k: 2 / (c * k * k + f * k * k)),
])
def test_kernels_start_with_the_spread_of_their_scheme(init, activation, variance):
    c, f, k = 16, 64, 5
    net = ConvNet([Conv(c, 3, 1, activation), Conv(f, k, 2, activation), Flatten(), Dense(10, "softmax")],
                  (1, 6, 6), init=init, seed=5)
    std = float(np.std(net.weights[1]))
    assert std == pytest.approx(math.sqrt(variance(c, f, k)), rel=0.03)
    assert abs(float(np.mean(net.weights[1]))) < 0.05 * std


def test_an_unknown_initialisation_and_the_default_seed():
    with pytest.raises(ValueError) as caught:
        ConvNet(LAYERS, (1, 8, 8), init="magic")
    assert str(caught.value) == "unknown initialisation 'magic' (known: auto, he, xavier)"
    for a, b in zip(ConvNet(LAYERS, (1, 8, 8)).weights, ConvNet(LAYERS, (1, 8, 8), seed=0).weights):
        np.testing.assert_array_equal(a, b)


def test_the_loss_of_a_sigmoid_output_layer_is_binary_cross_entropy_per_output():
    net = ConvNet([Conv(2, 3, 1), Pool(), Flatten(), Dense(3, "sigmoid")], (1, 4, 4), seed=6, dtype=np.float64)
    x = np.random.default_rng(2).random((4, 16))
    y = np.array([0, 2, 1, 2])
    a = net.predict_proba(x)
    t = np.eye(3)[y]
    want = -(t * np.log(a) + (1 - t) * np.log(1 - a)).sum() / 4
    assert net.loss(x, y, get_loss("cross-entropy")) == pytest.approx(want, rel=1e-12)


def test_copies_keep_or_change_the_dtype_and_parameters_are_set_by_shape():
    net32 = ConvNet(LAYERS, (1, 8, 8), seed=7)
    assert net32.copy().dtype == np.float32 and net32.copy(np.float64).dtype == np.float64
    net64 = ConvNet(LAYERS, (1, 8, 8), seed=7, dtype=np.float64)
    assert net64.copy().dtype == np.float64
    with pytest.raises(ValueError) as count:
        net32.set_parameters(net32.weights[:2], net32.biases)
    assert str(count.value) == "2 weights and 3 biases for 3 layers"
    with pytest.raises(ValueError) as shape:
        net32.set_parameters(net32.weights, [net32.biases[0], np.zeros(5), net32.biases[2]])
    assert str(shape.value) == "parameter shape (5,) does not fit (4,)"


def test_a_layer_the_forward_pass_did_not_compute_is_named():
    net = ConvNet(LAYERS, (1, 8, 8), seed=8)
    fwd = net.forward(np.zeros(64))
    fwd.zs[0] = None
    with pytest.raises(ValueError) as caught:
        net.layer_output(fwd, 0)                     # a fused convolution's output comes from its z
    assert str(caught.value) == "the forward pass did not compute this layer's values"


def test_the_lessons_mask_agrees_with_the_first_largest_where_nothing_ties_even_after_two_pools():
    """Random pixels never tie: the mask and the first largest pixel give the same gradient —
    also through a pool that follows a pool (whose input is the first pool's activated output)."""
    net = ConvNet([Conv(2, 3, 1, "tanh"), Pool(), Pool(), Flatten(), Dense(10, "softmax")], (1, 8, 8),
                  seed=9, dtype=np.float64)
    x = np.random.default_rng(3).random((3, 64))
    y = np.array([1, 4, 9])
    loss = get_loss("cross-entropy")
    _, right = net.gradients(x, y, loss)
    _, masked = net.gradients(x, y, loss, tie_mask=True)
    for a, b in zip(right.grad_w + right.grad_b, masked.grad_w + masked.grad_b):
        np.testing.assert_allclose(b, a, rtol=1e-12, atol=1e-15)
    assert np.abs(right.grad_w[0]).max() > 1e-4


def test_the_forward_pass_computes_in_the_networks_dtype():
    net = ConvNet(LAYERS, (1, 8, 8), seed=2)
    fwd = net.forward(np.random.default_rng(0).random(64))          # float64 pixels
    assert fwd.output.dtype == np.float32 and net.layer_output(fwd, 0).dtype == np.float32
