"""Convolutional networks in files another writer made: annviz's own format (``cnnfile``) and
PyTorch's state dict without annviz's metadata (``foreign_cnn``). Each fault said once, in both
languages, naming the file and the tensor or field; each limit accepted at the limit and refused
one past it; the arrangements of padding and pooling a file fits, listed exactly; what a file
holds comes back. The files are written by hand, most of them sparse (only their header is read)."""

from __future__ import annotations

import itertools
import json
import logging

import numpy as np
import pytest

from annviz.nn import ForeignModelError, ModelFileError, load_foreign, load_model
from annviz.nn.layers import Conv, Dense, Flatten, Pool
from handmade import check_said, refusal, said, write_safetensors

SIDE = 28

LONG = "features_" + "x" * 50 + "ABCDEFGHIJ"        # 69 characters: messages show the first 60
SHOWN = LONG[:60]


def modules(*specs) -> dict[str, tuple]:
    """(name, weight shape[, bias]) → a state dict's tensors: F32, a bias (out,) unless bias=False."""
    tensors = {}
    for name, shape, *bias in specs:
        tensors[f"{name}.weight"] = ("F32", shape)
        if not bias or bias[0]:
            tensors[f"{name}.bias"] = ("F32", shape[:1])
    return tensors


def opened(tmp_path, tensors, metadata=None, sparse=True):
    """The error load_model raises for the file: ForeignModelError (a layout) or another refusal."""
    path = write_safetensors(tmp_path / "cnn.safetensors", tensors, metadata, sparse=sparse)
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    return path, caught.value


def layout(tmp_path, tensors):
    path, error = opened(tmp_path, tensors)
    assert isinstance(error, ForeignModelError), str(error)
    return error.layout


REFERENCE = modules(("0", (8, 1, 5, 5)), ("3", (16, 8, 5, 5)), ("7", (10, 784)))

# --- PyTorch's convolutional networks: what is refused, and how it is said -----------------------

FOREIGN = {
    "a bias without a weight": (
        {**REFERENCE, "bias": ("F32", (4,))}, "layer weight has a bias but no weight", ("weight",)),
    "a long module with a bias only": (
        {**REFERENCE, f"{LONG}.bias": ("F32", (4,))}, f"layer {SHOWN} has a bias but no weight", (SHOWN,)),
    "a kernel that is not square": (
        modules((LONG + "1", (8, 1, 5, 3)), ("fc1", (10, 784))),
        f"tensor {SHOWN} has shape (8, 1, 5, 3), not the (filters, channels, k, k) of an nn.Conv2d with "
        "square kernels", (SHOWN, "(8, 1, 5, 3)")),
    "convolutions named in five patterns": (
        modules(*[(f"{stem}{LONG}{i}", (1, 1, 1, 1)) for i, stem in enumerate("edcba")], ("fc1", (10, 784))),
        "the layer names " + ", ".join(f"{stem}{LONG}"[:60] for stem in "abcd") + " do not share one pattern",
        (f"a{LONG}"[:60],)),
    "a linear layer between convolutions": (
        modules(("net.01", (1, 1, 1, 1)), ("net.1", (10, 784)), ("net.3", (1, 1, 1, 1))),
        "an nn.Linear comes before the nn.Conv2d net.3: annviz reads convolutions first, then linear layers",
        ("net.3",)),
    "a long-named convolution after a linear layer": (
        modules((f"{LONG}0", (1, 1, 1, 1)), (f"{LONG}1", (10, 784)), (f"{LONG}3", (1, 1, 1, 1))),
        f"an nn.Linear comes before the nn.Conv2d {SHOWN}: annviz reads convolutions first, then linear layers",
        (SHOWN,)),
    "9 convolutions": (             # said before the layer of 2049 neurons
        modules(*[(f"conv{i}", (1, 1, 1, 1)) for i in range(9)], ("fc1", (2049, 784))),
        "too many layers: convolutions 9 (annviz holds at most 8), dense layers 1 (at most 32)", ("9", "8", "32")),
    "33 linear layers": (
        modules(*[(f"conv{i}", (1, 1, 1, 1)) for i in range(8)], ("fc0", (1, 784)),
                *[(f"fc{i}", (1, 1)) for i in range(1, 32)], ("fc32", (2049, 1))),
        "too many layers: convolutions 8 (annviz holds at most 8), dense layers 33 (at most 32)", ("33",)),
    "channels that do not chain": (
        modules((f"{LONG}1", (8, 1, 3, 3)), (f"{LONG}2", (4, 6, 3, 3)), ("fc1", (10, 784))),
        f"the shapes do not chain: {SHOWN} takes 6 channels, the layer before gives 8", (SHOWN, "6", "8")),
    "513 filters": (
        modules((f"{LONG}1", (513, 1, 3, 3)), ("fc1", (10, 784))),
        f"layer {SHOWN} has 513 filters of 3×3 (annviz holds 1 to 512 filters of at most 11×11)",
        (SHOWN, "513", "512", "11×11")),
    "a kernel of 12": (
        modules(("c1", (4, 1, 12, 12)), ("fc1", (10, 784))),
        "layer c1 has 4 filters of 12×12 (annviz holds 1 to 512 filters of at most 11×11)", ("12×12",)),
    "no filters": (
        modules(("c1", (0, 1, 3, 3)), ("fc1", (10, 784))),
        "layer c1 has 0 filters of 3×3 (annviz holds 1 to 512 filters of at most 11×11)", ("0",)),
    "linear layers that do not chain": (
        modules(("c1", (1, 1, 1, 1)), (f"{LONG}1", (5, 784)), (f"{LONG}2", (7, 5)), (f"{LONG}3", (3, 6))),
        f"the shapes do not chain: {SHOWN} takes 6 inputs, the layer before gives 7", (SHOWN, "6", "7")),
    "2049 neurons": (
        modules(("c1", (1, 1, 1, 1)), (f"{LONG}1", (2049, 784))),
        f"layer {SHOWN} has 2049 neurons (annviz holds 1 to 2048)", (SHOWN, "2049", "2048")),
    "no neurons": (
        modules(("c1", (1, 1, 1, 1)), ("fc1", (0, 784))),
        "layer fc1 has 0 neurons (annviz holds 1 to 2048)", ("0",)),
    "a bias of the wrong shape": (
        {**modules(("c1", (2, 1, 3, 3), False), (f"{LONG}1", (10, 1352), False)),
         f"{LONG}1.bias": ("F32", (9,))},
        f"tensor {SHOWN} has shape (9,), expected (10,) to go with {SHOWN} (10, 1352)", (SHOWN, "(9,)", "(10,)")),
    "no linear layer": (
        modules(("c1", (2, 1, 3, 3))), "its convolutions are followed by no nn.Linear layer", ()),
    "a linear layer no arrangement fits": (
        modules(("c1", (2, 1, 3, 3)), (f"{LONG}1", (10, 1000))),
        f"its first nn.Linear, {SHOWN}, takes 1000 inputs, which no arrangement of padding (none or half the "
        "kernel) and 2×2 max-pools after its convolutions gives", (SHOWN, "1000")),
    "every arrangement too much work": (
        modules(("c1", (64, 1, 3, 3)), ("c2", (512, 64, 5, 5)), ("fc1", (10, 401408))),
        "layer 1: the network would take more work per image than annviz allows", ("1",)),
}


@pytest.mark.parametrize("case", FOREIGN)
def test_each_pytorch_cnn_annviz_cannot_read_is_said_in_both_languages(tmp_path, case):
    tensors, fault, fragments = FOREIGN[case]
    path, error = opened(tmp_path, tensors)
    assert not isinstance(error, ForeignModelError), error.layout
    check_said(error, path, refusal(fault), *fragments)


def test_a_convolution_of_integers_is_said_with_what_to_do(tmp_path):
    path, error = opened(tmp_path, {**REFERENCE, "3.weight": ("I64", (16, 8, 5, 5))})
    check_said(error, path, "tensor 3.weight has dtype I64; annviz reads weights stored as F32, F16, BF16, F64 "
                            "(in PyTorch: tensor.float())", "3.weight", "I64")


def test_the_most_parameters_are_accepted_and_one_more_refused(tmp_path):
    """Weights and biases of every tensor together: 2**26 passes, 2**26 + 1 is refused."""
    at = modules(("c1", (1, 1, 1, 1), False), ("fc1", (2048, 30720), False), ("fc2", (2047, 2048)))
    path, error = opened(tmp_path, {k: ("F16", s[1]) for k, s in at.items()})
    assert error.code == "foreign.refused" and error.values["fault"].code == "foreign.conv_no_fit"
    past = modules(("c1", (1, 1, 1, 1), False), ("fc1", (2048, 30719), False), ("fc2", (2048, 2048)))
    path, error = opened(tmp_path, {k: ("F16", s[1]) for k, s in past.items()})
    check_said(error, path, "its network has 67,108,865 weights and biases, more than annviz opens (67,108,864)",
               "67,108,865", "67,108,864")


@pytest.mark.parametrize("tensors", [
    modules(*[(f"conv{i}", (1, 1, 1, 1)) for i in range(8)], ("fc0", (1, 784)), *[(f"fc{i}", (1, 1)) for i in range(1, 32)]),
    modules(("c1", (512, 1, 11, 11)), ("fc1", (1, 512 * 18 * 18)), ("fc2", (2048, 1))),
    modules(("c1", (1, 1, 1, 1)), ("fc1", (1, 784))),
    modules(("net.01", (1, 1, 1, 1)), ("net.1", (10, 784))),          # the same number, 01 and 1: in order
    modules(("conv9", (2, 1, 3, 3)), ("conv10", (4, 2, 3, 3)), ("fc9", (5, 4 * 24 * 24)), ("fc10", (3, 5))),
    modules(("c1", (1, 1, 1, 1)), ("fc1", (5, 784)), ("fc2", (7, 5)), ("fc3", (3, 7))),
], ids=["8 convolutions, 32 linear", "512 filters of 11×11, 2048 neurons", "1 filter of 1×1, 1 neuron",
        "01 before 1", "9 before 10", "three linear layers"])
def test_networks_at_the_limits_are_recognised(tmp_path, tensors):
    found = layout(tmp_path, tensors)
    names = [name.rpartition(".")[0] for name in tensors if name.endswith("weight")]
    assert list(found.layers) == names
    assert found.sizes[0] == tensors[names[len(found.convs)] + ".weight"][1][1]


def test_the_arrangements_that_fit_are_listed_in_the_message_and_one_is_chosen(tmp_path, caplog):
    tensors = modules(("conv1", (1, 1, 3, 3)), ("conv2", (2, 1, 3, 3), False), ("fc1", (10, 338)))
    path = write_safetensors(tmp_path / "cnn.safetensors", tensors)
    with pytest.raises(ForeignModelError) as caught:
        load_model(path)
    check_said(caught.value, path, "a PyTorch network (conv 3×3 ×1, conv 3×3 ×2, 338-10, layers conv1, conv2, fc1) "
               "without annviz metadata: say which activation its hidden layers use and whether its last layer "
               "outputs logits", "conv1, conv2, fc1")
    text = "1: pad 0 → pad 1, pool; 2: pad 0, pool → pad 1; 3: pad 1 → pad 0, pool"
    for arrangement in (None, 0, 4):
        with pytest.raises(ModelFileError) as caught:
            load_foreign(path, "relu", True, arrangement)
        check_said(caught.value, path, "a PyTorch network without annviz metadata whose padding and pooling its "
                   f"file cannot tell: 3 arrangements fit ({text}); say which (on the command line: --arrangement N)",
                   text, "3")
    with caplog.at_level(logging.INFO, logger="annviz.nn.modelfile"):
        net, info = load_foreign(path, "tanh", False, 1)
    assert [(type(l), getattr(l, "padding", None), getattr(l, "activation", None)) for l in net.layers] == [
        (Conv, 0, "tanh"), (Conv, 1, "tanh"), (Pool, None, None), (Flatten, None, None), (Dense, None, "identity")]
    assert net.biases[1].dtype == np.float32 and not net.biases[1].any()
    assert (info.loss, info.class_names) == ("mse", [str(k) for k in range(10)])
    assert info.extra == {"source": "pytorch", "pytorch_layers": ["conv1", "conv2", "fc1"],
                          "pytorch_dtypes": ["F32"], "pytorch_arrangement": "pad 0 → pad 1, pool"}
    assert caplog.messages[-1] == (f"{path}: a PyTorch convolutional network, conv 3×3 ×1, conv 3×3 ×2, 338-10, "
                                   "layers conv1, conv2, fc1; pad 0 → pad 1, pool; hidden activation tanh, "
                                   "outputs as they are")
    with caplog.at_level(logging.INFO, logger="annviz.nn.modelfile"):
        net, info = load_foreign(path, "sigmoid", True, 3)
    assert [getattr(l, "activation", None) for l in net.layers] == ["sigmoid", "sigmoid", None, None, "softmax"]
    assert (info.loss, info.extra["pytorch_arrangement"]) == ("cross-entropy", "pad 1 → pad 0, pool")
    assert caplog.messages[-1].endswith("; pad 1 → pad 0, pool; hidden activation sigmoid, logits → softmax")


def by_hand(kernels, in_features):
    """Every arrangement, tried one by one: padding none or half the kernel (k - 1 = 2p, or 2p ± 1
    for an even kernel), a 2×2 max-pool after each convolution or not; those whose maps are never
    empty (a pool needs 2×2) and whose last maps hold ``in_features`` numbers."""
    options = []
    for _, _, k in kernels:
        paddings = sorted({0} | {p for p in range(k) if abs(2 * p - (k - 1)) <= 1})
        options.append([(p, pool) for p in paddings for pool in (False, True)])
    found = []
    for choice in itertools.product(*options):
        side = SIDE
        for (_, _, k), (p, pool) in zip(kernels, choice):
            side = side + 2 * p - k + 1
            if side < 1 or pool and side < 2:
                break
            side = side // 2 if pool else side
        else:
            if kernels[-1][0] * side * side == in_features:
                found.append((tuple(p for p, _ in choice), tuple(pool for _, pool in choice)))
    return found


@pytest.mark.parametrize("kernels,in_features", [
    ([(2, 1, 7)], 2 * 26 * 26),                        # padding 2 is not half of 7: nothing fits
    ([(2, 1, 7)], 2 * 28 * 28),
    ([(2, 1, 4)], 2 * 29 * 29),                        # an even kernel: padding 1 or 2
    ([(2, 1, 4)], 2 * 27 * 27),
    ([(2, 1, 5)], 2 * 26 * 26),
    ([(1, 1, 3), (1, 1, 3), (3, 1, 11)], 3),           # maps of 1×1 at the end
    ([(1, 1, 11), (1, 1, 11), (2, 1, 11)], 2 * 9 * 9),  # 9×9 maps before an 11×11 kernel: padding 5 only
    ([(1, 1, 11), (1, 1, 11), (1, 1, 5), (2, 1, 3)], 2),  # a 2×2 map pooled to 1×1
    ([(1, 1, 3), (1, 1, 1), (4, 1, 1)], 4 * 6 * 6),    # 26 → 13 → 6: odd maps pooled
    ([(1, 1, 3), (2, 1, 3)], 2 * 13 * 13),
])
def test_the_arrangements_a_file_fits_are_those_of_padding_none_or_half_and_pools(tmp_path, kernels, in_features):
    tensors = modules(*[(f"conv{i}", (f, c, k, k)) for i, (f, c, k) in enumerate(kernels)], ("fc1", (10, in_features)))
    path, error = opened(tmp_path, tensors)
    expected = by_hand(kernels, in_features)
    if not expected:
        assert error.values["fault"].code == "foreign.conv_no_fit", str(error)
    else:
        assert isinstance(error, ForeignModelError), str(error)
        assert list(error.layout.candidates) == expected


def test_arrangements_too_much_work_are_left_out(tmp_path):
    tensors = modules(("c1", (64, 1, 3, 3)), ("c2", (512, 64, 5, 5)), ("fc1", (10, 86528)))
    found = layout(tmp_path, tensors)
    assert list(found.candidates) == [((0, 2), (True, False))]   # not 26 → 26, pool: too much work


@pytest.mark.parametrize("names,described", [
    (["c1", "c2", "f1", "f2", "f3"], "c1, c2, f1, f2, f3"),
    (["c1", "c2", "f1", "f2", "f3", "f4"], "c1, c2, …, f4"),
])
def test_the_layers_are_named_in_the_message_five_at_most(tmp_path, names, described):
    tensors = modules((names[0], (1, 1, 1, 1)), (names[1], (1, 1, 1, 1)), (names[2], (1, 784)),
                      *[(name, (1, 1)) for name in names[3:]])
    path, error = opened(tmp_path, tensors)
    assert isinstance(error, ForeignModelError)
    sizes = "-".join(["784"] + ["1"] * (len(names) - 2))
    for lang in ("en", "ko"):
        assert f"conv 1×1 ×1, conv 1×1 ×1, {sizes}, layers {described}" in said(error, lang)


# --- annviz's own convolutional files ----------------------------------------------------------

LAYERS = [{"kind": "conv", "filters": 2, "kernel": 3, "padding": 1, "activation": "relu"}, {"kind": "pool"},
          {"kind": "flatten"}, {"kind": "dense", "size": 2, "activation": "softmax"}]
CNN_TENSORS = modules(("0", (2, 1, 3, 3)), ("4", (2, 392)))


def cnn_metadata(layers=LAYERS, **fields):
    meta = {"format_version": 2, "input_shape": [1, 28, 28], "layers": layers, **fields}
    return {"annviz": json.dumps({k: v for k, v in meta.items() if v is not None})}


def with_layer(i, **changes):
    layers = [dict(layer) for layer in LAYERS]
    layers[i].update(changes)
    return layers


OWN = {
    "another input shape": (
        cnn_metadata(input_shape=[1, 28, 27]), CNN_TENSORS,
        "input_shape should be [1, 28, 28] (one 28×28 grey image), not [1, 28, 27]", ("[1, 28, 27]",)),
    "65 layers": (
        cnn_metadata(layers=[{"kind": "flatten"}] * 65), CNN_TENSORS, "layers lists 65 entries (at most 64)",
        ("65", "64")),
    "an unknown kind": (
        cnn_metadata(layers=with_layer(1, kind="lstm")), CNN_TENSORS,
        'layers[1] is of kind "lstm", which annviz does not know (known: conv, pool, flatten, dense)',
        ('"lstm"', "conv, pool, flatten, dense")),
    "filters that are text": (
        cnn_metadata(layers=with_layer(0, filters="8")), CNN_TENSORS, 'layers[0].filters should be an integer, not "8"',
        ("layers[0].filters",)),
    "a bias missing": (
        cnn_metadata(), {k: v for k, v in CNN_TENSORS.items() if k != "4.bias"}, "tensor 4.bias is missing",
        ("4.bias",)),
    "5 tensors too many": (
        cnn_metadata(), {**CNN_TENSORS, **{f"{i}.extra": ("F32", (1,)) for i in range(5)}},
        "unexpected tensors '0.extra', '1.extra', '2.extra', '3.extra', '4.extra'", ("'4.extra'",)),
    "6 tensors too many, long names": (
        cnn_metadata(), {**CNN_TENSORS, **{f"{LONG}{i}": ("F32", (1,)) for i in range(6)}},
        "unexpected tensors " + ", ".join([repr(LONG[:40])] * 5) + " ...", (repr(LONG[:40]),)),
    "weights of integers": (
        cnn_metadata(), {**CNN_TENSORS, "0.weight": ("I32", (2, 1, 3, 3))},
        "tensor 0.weight has dtype I32; annviz reads weights stored as F32, F16, BF16, F64 (in PyTorch: "
        "tensor.float())", ("0.weight",)),
    "a kernel of the wrong shape": (
        cnn_metadata(), {**CNN_TENSORS, "0.weight": ("F32", (2, 1, 5, 5))},
        "tensor 0.weight has shape (2, 1, 5, 5), expected (2, 1, 3, 3) from its layers", ("(2, 1, 5, 5)",)),
    "an accuracy of 3": (
        cnn_metadata(test_accuracy=3), CNN_TENSORS, "test_accuracy 3 is not between 0 and 1", ("3",)),
    "a NaN weight": (
        cnn_metadata(), {**CNN_TENSORS, "4.bias": ("F32", (2,), [0.5, np.nan])},
        "tensor 4.bias holds NaN or infinite numbers", ("4.bias",)),
}


@pytest.mark.parametrize("case", OWN)
def test_each_fault_of_an_annviz_cnn_file_is_said_in_both_languages(tmp_path, case):
    metadata, tensors, english, fragments = OWN[case]
    path, error = opened(tmp_path, tensors, metadata, sparse=False)
    assert type(error) is ModelFileError
    check_said(error, path, english, *fragments)


def test_64_layers_are_read_and_judged_as_a_network(tmp_path):
    path, error = opened(tmp_path, CNN_TENSORS, cnn_metadata(layers=[{"kind": "flatten"}] * 64), sparse=False)
    assert error.code == "model.layers_order"


def test_a_cnn_file_without_input_shape_opens_with_every_field(tmp_path):
    tensors = {name: (*spec, np.linspace(-1, 1, int(np.prod(spec[1])))) for name, spec in CNN_TENSORS.items()}
    path = write_safetensors(tmp_path / "cnn.safetensors", tensors,
                             cnn_metadata(input_shape=None, loss="mse", dataset="fashion", class_names=["a", "b"],
                                          test_accuracy=0.75, history={"h": 1}, config={"c": 2}, note="x"))
    net, info = load_model(path)
    assert net.layers == [Conv(2, 3, 1, "relu"), Pool(2), Flatten(), Dense(2, "softmax")]
    np.testing.assert_array_equal(net.weights[1], tensors["4.weight"][2].astype(np.float32).reshape(2, 392))
    assert (info.loss, info.dataset, info.class_names, info.test_accuracy, info.history, info.config, info.extra) \
        == ("mse", "fashion", ["a", "b"], 0.75, {"h": 1}, {"c": 2}, {"note": "x"})


def test_an_mlp_file_that_also_has_a_layers_field_is_an_mlp(tmp_path):
    from handmade import mlp_tensors

    meta = {"format_version": 1, "layer_sizes": [4, 3, 2], "activations": ["relu", "softmax"], "layers": "old"}
    net, info = load_model(write_safetensors(tmp_path / "m.safetensors", mlp_tensors([4, 3, 2]),
                                             {"annviz": json.dumps(meta)}))
    assert net.sizes == [4, 3, 2] and info.extra == {}


@pytest.mark.parametrize("bad", ["conv2.weight", "fc1.bias"])
def test_a_pytorch_cnn_holding_nan_is_refused_naming_the_file_and_tensor(tmp_path, bad):
    tensors = modules(("conv1", (2, 1, 3, 3)), ("conv2", (2, 2, 3, 3)), ("fc1", (3, 2 * 24 * 24)))
    dtype, shape = tensors[bad]
    tensors[bad] = (dtype, shape, np.full(shape, np.nan))
    path = write_safetensors(tmp_path / "cnn.safetensors", tensors)
    with pytest.raises(ModelFileError) as caught:
        load_foreign(path, "relu", True, 1)
    check_said(caught.value, path, f"tensor {bad} holds NaN or infinite numbers", bad)


def test_a_pytorch_cnn_of_three_outputs_names_three_classes(tmp_path):
    tensors = modules(("conv1", (2, 1, 3, 3)), ("conv2", (2, 2, 3, 3)), ("fc1", (5, 2 * 24 * 24)), ("fc2", (3, 5)))
    net, info = load_foreign(write_safetensors(tmp_path / "cnn.safetensors", tensors), "leaky_relu", True, 1)
    assert net.n_outputs == 3 and info.class_names == ["0", "1", "2"]
    assert [layer.activation for layer in net.layers if isinstance(layer, Dense)] == ["leaky_relu", "softmax"]
