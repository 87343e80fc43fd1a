"""What the Convolution page shows, against references written here by explicit loops: the hand
filter's presets (their numbers by hand), the hand convolution and its window, which way a kernel
"looks", every feature map of a small network, a pixel's sum z = Σ wᵢaᵢ + b, receptive fields."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn.convnet import ConvNet
from annviz.nn.featuremaps import (
    as_input,
    conv_terms,
    edge_direction,
    feature_maps,
    hand_convolve,
    hand_window,
    preset,
    receptive_field,
)
from annviz.nn.layers import Conv, Dense, Flatten, Pool

# --- references by loops ----------------------------------------------------------------------

def loop_conv(a, w, b, pad):
    """a (c, h, w), w (f, c, k, k), b (f,): Σ w · window + b, stride 1, zero padding, no flip —
    as a loop over the kernel's taps, each adding its weight times the shifted padded map."""
    c, h, wd = a.shape
    f, _, k, _ = w.shape
    p = np.zeros((c, h + 2 * pad, wd + 2 * pad))
    p[:, pad:pad + h, pad:pad + wd] = a
    oh, ow = h + 2 * pad - k + 1, wd + 2 * pad - k + 1
    out = np.zeros((f, oh, ow))
    for fi in range(f):
        out[fi] = float(b[fi])
        for ci in range(c):
            for i in range(k):
                for j in range(k):
                    out[fi] += float(w[fi, ci, i, j]) * p[ci, i:i + oh, j:j + ow]
    return out


def loop_pool(a):
    """The largest of each 2×2 block: the four corners of every block, compared one by one."""
    c, h, w = a.shape
    out = np.full((c, h // 2, w // 2), -np.inf)
    for dy in (0, 1):
        for dx in (0, 1):
            out = np.maximum(out, a[:, dy:h:2, dx:w:2])
    return out


def relu(z):
    return np.where(z > 0, z, 0.0)


def loop_measure(kernel, rows=(12, 16)):
    """The largest |answer| to a horizontal bar (rows 12–15) and to a vertical one, away from the
    border (pixels 6 … 21), by loops."""
    bar = np.zeros((28, 28))
    bar[rows[0]:rows[1]] = 1.0
    k = np.asarray(kernel, dtype=float)
    across = np.abs(loop_conv(bar[None], k[None, None], [0.0], len(k) // 2)[0, 6:22, 6:22]).max()
    down = np.abs(loop_conv(bar.T[None], k[None, None], [0.0], len(k) // 2)[0, 6:22, 6:22]).max()
    return across, down


# --- the hand filter --------------------------------------------------------------------------

SMOOTH = [0.25, 1.0, 1.5, 1.0, 0.25]          # 1 4 6 4 1, ÷ 4
SLOPE = [-1.0, -2.0, 0.0, 2.0, 1.0]

PRESETS = {
    ("vertical", 3): [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    ("horizontal", 3): [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    ("blur", 3): [[1 / 9] * 3] * 3,
    ("sharpen", 3): [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
    ("vertical", 5): [[r * s for s in SLOPE] for r in SMOOTH],
    ("horizontal", 5): [[s * r for r in SMOOTH] for s in SLOPE],
    ("blur", 5): [[0.04] * 5] * 5,
    ("sharpen", 5): [[-0.04] * 5, [-0.04] * 5, [-0.04, -0.04, 1.96, -0.04, -0.04], [-0.04] * 5, [-0.04] * 5],
}


@pytest.mark.parametrize("name, size", list(PRESETS))
def test_each_preset_holds_the_numbers_of_its_kernel(name, size):
    kernel = preset(name, size)
    assert kernel.dtype == np.float64 and kernel.shape == (size, size)
    np.testing.assert_allclose(kernel, PRESETS[name, size], rtol=0, atol=1e-15)


def test_presets_and_kernels_it_refuses_say_why():
    with pytest.raises(ValueError) as unknown:
        preset("emboss")
    assert str(unknown.value) == "unknown preset 'emboss' (known: vertical, horizontal, blur, sharpen)"
    with pytest.raises(ValueError, match="3×3 or 5×5, not 7×7"):
        preset("blur", 7)
    for kernel in (np.ones(3), np.ones((4, 4)), np.ones((3, 5))):
        with pytest.raises(ValueError, match="square and odd"):
            hand_convolve(np.zeros((28, 28)), kernel)
    with pytest.raises(ValueError, match=r"2-D, not \(1, 28, 28\)"):
        hand_convolve(np.zeros((1, 28, 28)), np.ones((3, 3)))
    with pytest.raises(ValueError, match=r"2-D, not \(3, 3, 1\)"):
        edge_direction(np.ones((3, 3, 1)))


@pytest.mark.parametrize("k", [3, 5])
def test_the_hand_convolution_is_the_kernel_slid_over_the_zero_padded_image(k):
    rng = np.random.default_rng(k)
    image = rng.random((28, 28))
    kernel = rng.normal(size=(k, k))           # no symmetry: a flipped or transposed kernel differs
    got = hand_convolve(image, kernel)
    want = loop_conv(image[None], kernel[None, None], [0.0], k // 2)[0]
    assert got.shape == (28, 28)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)
    ints = hand_convolve(np.arange(784).reshape(28, 28) % 7, [[0, -1, 0], [-1, 5, -1], [0, -1, 0]])
    assert ints[10, 10] == 5 * (290 % 7) - (262 % 7) - (318 % 7) - (289 % 7) - (291 % 7)


def test_the_window_under_the_kernel_is_zero_on_the_padding():
    image = np.arange(784).reshape(28, 28)
    corner = hand_window(image, 3, 0, 0)
    assert corner.dtype == np.float64
    np.testing.assert_array_equal(corner, [[0, 0, 0], [0, 0, 1], [0, 28, 29]])
    np.testing.assert_array_equal(hand_window(image, 5, 10, 20), image[8:13, 18:23])
    far = hand_window(image, 5, 27, 27)
    assert far[2, 2] == 783 and not far[3:].any() and not far[:, 3:].any()


# kernels found to sit exactly on the rule's 2× (by the loops above), and two 5×5 kernels whose
# answer depends on the bar being 4 pixels thick (3 or 5 would change it)
AT_TWICE = [[-1, 2, -2], [0, 1, 2], [0, -1, -1]]          # across 2, down 1
AT_HALF = [[0, 2, -1], [2, 1, -2], [-1, 2, 0]]            # across 3, down 6
THIN = [[2, -2, 2, 0, -1], [1, 0, -1, -1, 1], [0, 0, -1, 1, -1], [-1, 2, -1, -1, 1], [1, -2, -2, -1, 2]]
THICK = [[0, 0, 2, 2, 0], [-2, -1, -1, -1, 1], [-1, 0, 0, 2, -1], [0, -2, -1, -2, -2], [0, 2, -1, -1, -1]]


@pytest.mark.parametrize("kernel, expected", [
    (preset("vertical"), "vertical"), (preset("horizontal"), "horizontal"),
    (preset("blur"), "any"), (preset("sharpen"), "any"),
    (preset("vertical", 5), "vertical"), (preset("horizontal", 5), "horizontal"),
    (preset("blur", 5), "any"), (preset("sharpen", 5), "any"),
    (AT_TWICE, "any"), (AT_HALF, "any"),
    (np.array(AT_TWICE) + [[0, 0, 0], [0, 0, 0.01], [0, 0, 0]], None),
    (THIN, "any"), (THICK, "horizontal"),
    ([[0, 0, 0], [0, 1, 0], [0, 0, 0]], "any"),
])
def test_which_strokes_a_kernel_answers_to(kernel, expected):
    across, down = loop_measure(kernel)
    by_loops = "horizontal" if across > 2 * down else "vertical" if down > 2 * across else "any"
    assert edge_direction(kernel) == by_loops
    if expected is not None:
        assert by_loops == expected
    if kernel is AT_TWICE:
        assert (across, down) == (2.0, 1.0)
    if kernel is AT_HALF:
        assert (across, down) == (3.0, 6.0)


def test_a_horizontal_kernel_is_not_fooled_by_the_zero_padding_at_the_border():
    """A vertical bar ends at the image's top and bottom: a horizontal edge against the zero
    padding, which the measure leaves out."""
    across, down = loop_measure(preset("horizontal"))
    assert (across, down) == (4.0, 0.0)
    assert edge_direction(preset("horizontal")) == "horizontal"
    assert edge_direction(preset("vertical").T * 3) == "horizontal"


# --- a network's maps -------------------------------------------------------------------------

LAYERS = [Conv(2, 3, 1, "relu"), Pool(), Conv(3, 3, 1, "tanh"), Conv(2, 3, 0, "relu"), Pool(),
          Flatten(), Dense(10, "softmax")]


@pytest.fixture(scope="module")
def small():
    net = ConvNet(LAYERS, seed=5)
    rng = np.random.default_rng(5)
    for b in net.biases:
        b[...] = rng.normal(0, 0.1, b.shape)
    image = rng.random((28, 28)).astype(np.float32)
    w = [np.asarray(x, dtype=float) for x in net.weights]
    b = [np.asarray(x, dtype=float) for x in net.biases]
    z0 = loop_conv(image[None].astype(float), w[0], b[0], 1)
    a0 = relu(z0)
    p1 = loop_pool(a0)
    z2 = loop_conv(p1, w[1], b[1], 1)
    a2 = np.tanh(z2)
    z3 = loop_conv(a2, w[2], b[2], 0)
    a3 = relu(z3)
    p4 = loop_pool(a3)
    logits = w[3] @ p4.reshape(-1) + b[3]
    e = np.exp(logits - logits.max())
    ref = {"z0": z0, 0: a0, 1: p1, "z2": z2, 2: a2, "z3": z3, 3: a3, 4: p4, 6: e / e.sum()}
    return net, image, feature_maps(net, image), ref


def test_feature_maps_are_each_layers_output_as_loops_compute_it(small):
    net, image, maps, ref = small
    assert [(m.kind, m.layer, m.conv) for m in maps] == [
        ("conv", 0, 0), ("pool", 1, 0), ("conv", 2, 1), ("conv", 3, 2), ("pool", 4, 2), ("output", 6, 2)]
    for m in maps:
        assert m.values.shape == ref[m.layer].shape
        np.testing.assert_allclose(m.values, ref[m.layer], rtol=1e-4, atol=1e-5)
    assert maps[-1].values.sum() == pytest.approx(1.0, abs=1e-5)


def test_feature_maps_are_copies_the_caller_may_keep(small):
    net, image, maps, ref = small
    again = feature_maps(net, np.zeros((28, 28)))
    np.testing.assert_allclose(maps[0].values, ref[0], rtol=1e-4, atol=1e-5)   # not overwritten
    assert not np.allclose(again[0].values, maps[0].values)


def test_the_network_takes_one_row_of_784_pixels():
    row = as_input(np.ones((28, 28)))
    assert row.shape == (1, 784)
    with pytest.raises(ValueError, match="28×28 image"):
        as_input(np.ones(784))


@pytest.mark.parametrize("i, f, y, x", [(0, 1, 0, 0), (0, 0, 13, 27), (2, 2, 0, 13), (2, 0, 6, 6), (3, 1, 4, 7)])
def test_a_pixels_sum_is_its_kernel_times_the_window_it_lies_on_plus_the_bias(small, i, f, y, x):
    net, image, maps, ref = small
    terms = conv_terms(net, maps, i, f, y, x, image)
    l = net.weight_layers.index(i)
    source = {0: image[None].astype(float), 2: ref[1], 3: ref[2]}[i]
    pad = LAYERS[i].padding
    padded = np.zeros((source.shape[0], source.shape[1] + 2 * pad, source.shape[2] + 2 * pad))
    padded[:, pad:pad + source.shape[1], pad:pad + source.shape[2]] = source
    np.testing.assert_allclose(terms.inputs, padded[:, y:y + 3, x:x + 3], rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(terms.weights, net.weights[l][f])
    assert terms.bias == float(net.biases[l][f]) != 0
    np.testing.assert_allclose(terms.products, terms.weights * terms.inputs)
    assert terms.z == pytest.approx(ref[{0: "z0", 2: "z2", 3: "z3"}[i]][f, y, x], abs=1e-5)
    activation = math.tanh if LAYERS[i].activation == "tanh" else (lambda z: max(z, 0.0))
    assert terms.a == pytest.approx(activation(terms.z), abs=1e-7)
    assert terms.a == pytest.approx(ref[i][f, y, x], abs=1e-5)


def test_receptive_fields_walk_back_through_padding_and_pools():
    assert receptive_field(LAYERS, 0, 0, 0) == (0, 0, 2, 2)          # the padding is not the image
    assert receptive_field(LAYERS, 0, 5, 9) == (4, 8, 7, 11)
    assert receptive_field(LAYERS, 0, 27, 27) == (26, 26, 28, 28)
    assert receptive_field(LAYERS, 1, 2, 3) == (3, 5, 7, 9)
    assert receptive_field(LAYERS, 3, 0, 0) == (0, 0, 9, 9)
    assert receptive_field(LAYERS, 3, 4, 7) == (5, 11, 17, 23)
    assert receptive_field(LAYERS, 3, 4, 7, side=20) == (5, 11, 17, 20)
    assert receptive_field(LAYERS, 5, 0, 0) == (0, 0, 28, 28)        # a flattened value: everything
    assert receptive_field(LAYERS, 6, 3, 0) == (0, 0, 28, 28)
