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
