"""nn/featuremaps.py without Qt: what it refuses, and receptive fields walked back by hand."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn.convnet import ConvNet
from annviz.nn.featuremaps import conv_terms, feature_maps, hand_convolve, preset, receptive_field
from annviz.nn.layers import Conv, Dense, Flatten, Pool


def test_what_it_refuses():
    net = ConvNet([Conv(2, 3, 1), Pool(), Flatten(), Dense(10, "softmax")], seed=0)
    with pytest.raises(ValueError, match="28×28"):
        feature_maps(net, np.zeros((27, 28)))
    with pytest.raises(ValueError, match="unknown preset"):
        preset("emboss")
    with pytest.raises(ValueError, match="3×3 or 5×5"):
        preset("blur", 4)
    with pytest.raises(ValueError, match="square and odd"):
        hand_convolve(np.zeros((28, 28)), np.ones((2, 2)))
    with pytest.raises(ValueError, match="not a convolution"):
        conv_terms(net, feature_maps(net, np.zeros((28, 28))), 1, 0, 0, 0, np.zeros((28, 28)))


def test_receptive_fields_of_a_3x3_net_without_padding():
    """conv 3×3 (no padding) → pool → conv 3×3: pixel (0, 0) of the second conv sees rows 0…7."""
    layers = [Conv(2, 3, 0), Pool(), Conv(2, 3, 0), Pool(), Flatten(), Dense(10, "softmax")]
    assert receptive_field(layers, 0, 0, 0) == (0, 0, 3, 3)
    assert receptive_field(layers, 1, 0, 0) == (0, 0, 4, 4)
    assert receptive_field(layers, 2, 0, 0) == (0, 0, 8, 8)
    assert receptive_field(layers, 2, 1, 2) == (2, 4, 10, 12)
    assert receptive_field(layers, 5, 0, 0) == (0, 0, 28, 28)      # a dense neuron sees everything


def test_a_pixel_sum_without_padding_reads_the_window_it_says():
    net = ConvNet([Conv(1, 3, 0), Pool(), Flatten(), Dense(10, "softmax")], seed=1)
    image = np.random.default_rng(0).random((28, 28)).astype(np.float32)
    maps = feature_maps(net, image)
    terms = conv_terms(net, maps, 0, 0, 4, 7, image)
    np.testing.assert_array_equal(terms.inputs[0], image[4:7, 7:10])
    assert terms.z == pytest.approx(float((net.weights[0][0, 0] * image[4:7, 7:10]).sum() + net.biases[0][0]), abs=1e-5)
    assert maps[0].values[0, 4, 7] == pytest.approx(max(terms.z, 0), abs=1e-5)


def _numeric(net, image, label, l, index, h=1e-5):
    """The loss's slope for one weight of layer l, nudged on a float64 copy (centred difference)."""
    from annviz.nn.losses import get_loss

    net = net.copy(np.float64)
    x, y, loss = image.reshape(1, -1).astype(np.float64), np.array([label]), get_loss("cross-entropy")
    w0 = net.weights[l][index]
    net.weights[l][index] = w0 + h
    up = net.loss(x, y, loss)
    net.weights[l][index] = w0 - h
    down = net.loss(x, y, loss)
    return (up - down) / (2 * h)


def test_a_filters_gradient_is_the_slope_of_the_loss_and_the_tie_mask_is_not():
    """A small CNN on a digit-like image with a flat background: every weight's dL/dw and the bias's
    dL/db agree with numeric slopes; with the x == max mask the bias of a filter whose background
    ties (positive bias) is off by far more than 1 %, one whose background is cut by ReLU is not."""
    layers = [Conv(3, 5, 2), Pool(), Conv(4, 5, 2), Pool(), Flatten(), Dense(10, "softmax")]
    net = ConvNet(layers, seed=3)
    net.biases[0][:] = [0.2, -0.3, 0.1]               # background: 0.2 and 0.1 tie after ReLU, −0.3 is cut
    image = np.zeros((28, 28), np.float32)
    image[6:22, 12:16] = np.linspace(0.2, 1.0, 16)[:, None]     # a stroke with no flat top
    from annviz.nn.featuremaps import filter_gradient

    for f in range(3):
        g = filter_gradient(net, image, 4, 0, f)
        assert g.label == 4 and not g.tie_mask and g.relative_error < 1e-4, (f, g.bias, g.numeric_bias)
        for index in ((0, 2, 2), (0, 0, 4), (0, 3, 1)):
            assert g.weights[index] == pytest.approx(_numeric(net, image, 4, 0, (f, *index)), rel=1e-4, abs=1e-9)
    g1 = filter_gradient(net, image, 4, 1, 2)                       # a second convolution's filter
    assert g1.weights.shape == (3, 5, 5) and g1.relative_error < 1e-4
    assert g1.weights[1, 2, 3] == pytest.approx(_numeric(net, image, 4, 1, (2, 1, 2, 3)), rel=1e-4, abs=1e-9)
    tied, cut = filter_gradient(net, image, 4, 0, 0, tie_mask=True), filter_gradient(net, image, 4, 0, 1, tie_mask=True)
    assert tied.tie_mask and tied.relative_error > 0.1
    assert cut.relative_error < 1e-4
    assert filter_gradient(net, image, 7, 0, 0).loss != pytest.approx(g.loss)   # another label, another loss
