"""A convolutional network's description judged at each limit: accepted at the limit, refused one
past it with the sentence a learner reads (English, and Korean from the translation file) naming
the layer and the numbers; parameters and shapes counted by hand; the modules of PyTorch's
nn.Sequential. Arithmetic only: nothing is allocated, however large the description."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annviz.messages import CONTEXT, MESSAGES, fill
from annviz.nn.layers import (
    MAX_CONV_LAYERS,
    MAX_DENSE_LAYERS,
    Conv,
    Dense,
    Flatten,
    LayerError,
    Pool,
    activation_of,
    check_layers,
    reference,
    torch_indices,
    torch_modules,
)

ROOT = Path(__file__).resolve().parents[2]
KO = {m.findtext("source"): m.find("translation").text or ""
      for c in ET.parse(ROOT / "resources" / "i18n" / "explorer_ko.ts").getroot().iter("context")
      if c.findtext("name") == CONTEXT for m in c.iter("message")}


def refusal(layers, shape=(1, 28, 28), **kwargs):
    with pytest.raises(LayerError) as caught:
        check_layers(layers, shape, **kwargs)
    e = caught.value
    korean = fill(KO[MESSAGES[e.code]], e.values, str)
    assert "None" not in korean and "{" not in korean and korean != str(e)
    for v in e.values.values():
        assert str(v) in korean
    return str(e)


def head(*convs):
    return [*convs, Flatten(), Dense(10, "softmax")]


# --- counting -----------------------------------------------------------------------------------

def test_parameters_and_shapes_counted_by_hand():
    layers = [Conv(8, 5, 2), Pool(), Conv(16, 3, 0, "tanh"), Pool(), Flatten(), Dense(32), Dense(10, "softmax")]
    shapes = check_layers(layers, (3, 28, 28))
    assert shapes == [(3, 28, 28), (8, 28, 28), (8, 14, 14), (16, 12, 12), (16, 6, 6), (576,), (32,), (10,)]
    counts = [layer.n_params(shape) for layer, shape in zip(layers, shapes)]
    # 8·3·5·5 + 8, 16·8·3·3 + 16, 32·576 + 32, 10·32 + 10
    assert counts == [608, 0, 1168, 0, 0, 18464, 0 + 330]
    total = sum(counts)
    assert check_layers(layers, (3, 28, 28), max_parameters=total) == shapes        # at the limit
    assert refusal(layers, (3, 28, 28), max_parameters=total - 1) == \
        f"its network has {total:,}+ weights and biases, more than annviz opens ({total - 1:,})"
    # one layer alone never passes the limit: the sum does
    assert refusal(layers, (3, 28, 28), max_parameters=18464 + 1000).startswith("its network has 20,240+")


def test_descriptions_and_activations():
    assert Conv(8, 5, 2).describe() == "conv 5×5 ×8 pad 2" and Conv(4, 3, 0).describe() == "conv 3×3 ×4"
    assert [activation_of(x) for x in (Conv(1, 3, 1, "tanh"), Pool(), Flatten(), Dense(2, "softmax"))] == \
        ["tanh", "identity", "identity", "softmax"]
    net = reference(filters=(4,), hidden=(32,), activation="tanh", kernel=3)
    assert net == [Conv(4, 3, 1, "tanh"), Pool(), Flatten(), Dense(32, "tanh"), Dense(10, "softmax")]


def test_pytorch_modules_put_an_activation_after_each_layer_but_the_last():
    layers = [Conv(4, 3, 1, "relu"), Pool(), Flatten(), Dense(32, "tanh"), Dense(10, "softmax")]
    assert torch_modules(layers) == [("conv", 0), ("activation:relu", None), ("pool", 1), ("flatten", 2),
                                     ("dense", 3), ("activation:tanh", None), ("dense", 4)]
    assert torch_indices(layers) == [0, None, None, 4, 6]


# --- each limit -----------------------------------------------------------------------------------

def test_at_most_eight_convolutions_and_thirty_two_dense_layers():
    convs = [Conv(1, 3, 1)] * MAX_CONV_LAYERS
    assert len(check_layers(head(*convs))) == MAX_CONV_LAYERS + 3
    assert refusal(head(*convs, Conv(1, 3, 1))) == \
        "too many layers: convolutions 9 (annviz holds at most 8), dense layers 1 (at most 32)"
    dense = [Dense(4)] * (MAX_DENSE_LAYERS - 1)
    assert len(check_layers([Conv(1, 3, 1), Flatten(), *dense, Dense(10, "softmax")])) == MAX_DENSE_LAYERS + 3
    assert refusal([Conv(1, 3, 1), Flatten(), *dense, Dense(4), Dense(10, "softmax")]) == \
        "too many layers: convolutions 1 (annviz holds at most 8), dense layers 33 (at most 32)"


def test_the_smallest_convolution_and_one_out_of_range():
    assert check_layers(head(Conv(1, 1, 0)))[1] == (1, 28, 28)
    assert refusal(head(Pool(), Conv(1, 3, 1))).startswith("its layers are not a convolutional network")
    assert refusal(head(Conv(2, 3, 1), Conv(0, 3, 1))) == (
        "layer 1: 0 filters of 3×3 padded by 1; annviz holds 1 to 512 filters of at most 11×11, padded by "
        "less than the kernel's side")
    assert refusal(head(Conv(2, 3, 3))).startswith("layer 0: 2 filters of 3×3 padded by 3;")


@pytest.mark.parametrize("shape, out", [((1, 5, 9), (1, 1, 5)), ((1, 9, 5), (1, 5, 1))])
def test_a_kernel_fits_maps_it_leaves_one_pixel_of(shape, out):
    assert check_layers([Conv(1, 5, 0), Flatten(), Dense(2)], shape)[1] == out


@pytest.mark.parametrize("shape", [(1, 4, 9), (1, 9, 4)])
def test_a_kernel_one_pixel_too_big_is_refused(shape):
    assert refusal([Conv(1, 3, 0), Conv(1, 5, 0), Flatten(), Dense(2)], (1, shape[1] + 2, shape[2] + 2)) == \
        f"layer 1: a 5×5 kernel does not fit maps of {shape[1]}×{shape[2]} padded by 0"


@pytest.mark.parametrize("shape", [(1, 2, 2), (1, 2, 5), (1, 5, 2)])
def test_a_pool_fits_maps_of_two_by_two(shape):
    assert check_layers([Conv(1, 1, 0), Pool(), Flatten(), Dense(2)], shape)[2] == (1, shape[1] // 2, shape[2] // 2)


@pytest.mark.parametrize("h, w", [(1, 4), (4, 1), (1, 1)])
def test_a_pool_over_a_single_row_or_column_is_refused(h, w):
    assert refusal([Conv(1, 1, 0), Pool(), Flatten(), Dense(2)], (1, h, w)) == \
        f"layer 1: maps of {h}×{w} are too small for a 2×2 max-pool"


def test_a_pool_of_another_size_is_refused():
    assert refusal([Conv(1, 1, 0), Pool(3), Flatten(), Dense(2)]) == "layer 1: max-pools of 3×3; annviz pools 2×2"


def test_dense_layers_of_one_neuron_and_of_none():
    assert check_layers([Conv(1, 3, 1), Flatten(), Dense(1), Dense(1, "sigmoid")])[-1] == (1,)
    assert refusal([Conv(1, 3, 1), Flatten(), Dense(0), Dense(1, "sigmoid")]) == \
        "layer 2: 0 neurons (a dense layer holds 1 to 2048)"


@pytest.mark.parametrize("layers, sentence", [
    ([Conv(1, 3, 1), Flatten(), Dense(4, "softmax"), Dense(10, "softmax")],
     "layer 2: 'softmax' is not an activation this layer can use"),     # softmax only at the end
    ([Conv(1, 3, 1), Flatten(), Dense(10, "bogus")], "layer 2: 'bogus' is not an activation this layer can use"),
    ([Conv(1, 3, 1, 5), Flatten(), Dense(10, "softmax")], "layer 0: '5' is not an activation this layer can use"),
    ([Conv(1, 3, 1), Flatten(), Dense(10, "x" * 60)], f"layer 2: '{'x' * 40}' is not an activation this layer can use"),
])
def test_an_activation_a_layer_cannot_use(layers, sentence):
    assert refusal(layers) == sentence


def test_the_work_of_one_image_is_the_sum_over_its_layers():
    # one unrolled window matrix of 2^24 numbers is allowed, one more row is not
    assert check_layers([Conv(1, 1, 0), Flatten(), Dense(1)], (1, 4096, 4096))[1] == (1, 4096, 4096)
    assert refusal([Conv(1, 1, 0), Flatten(), Dense(1)], (1, 4097, 4096)) == \
        "layer 0: the network would take more work per image than annviz allows"
    # 419 M + 67 M multiply-adds pass; 419 M + 117 M do not (each alone would)
    big = Conv(64, 5, 2)
    assert check_layers([big, Conv(4, 1, 0), Flatten(), Dense(12)], (1, 512, 512))
    assert check_layers([Conv(7, 1, 0), Flatten(), Dense(1)], (64, 512, 512))
    assert refusal([big, Conv(7, 1, 0), Flatten(), Dense(1)], (1, 512, 512)) == \
        "layer 1: the network would take more work per image than annviz allows"
    # … and 486.5 M + 13.6 M in a dense layer passes 500 M
    assert refusal([big, Conv(4, 1, 0), Flatten(), Dense(13)], (1, 512, 512)) == \
        "layer 3: the network would take more work per image than annviz allows"


def test_work_of_exactly_the_limit_is_allowed():
    # 500 filters of 5×5 over 200×200: 25 · 200 · 200 · 500 = 500,000,000 multiply-adds, the limit
    # itself; the dense layer after it is what passes it (layer 3, not layer 0)
    assert refusal([Conv(500, 5, 2), Pool(), Flatten(), Dense(1)], (1, 200, 200)) == \
        "layer 3: the network would take more work per image than annviz allows"
