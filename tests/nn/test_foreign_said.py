"""PyTorch networks of nn.Linear layers saved without annviz's metadata, written by hand as
``save_file(model.state_dict(), path)`` writes them: each layout annviz cannot read is said once,
in English and Korean, naming the file and the tensor; each limit is accepted at the limit and
refused one past it; the layout a file is read as is described exactly."""

from __future__ import annotations

import pytest

from annviz.nn import ForeignModelError, ModelFileError, load_foreign, load_model
from handmade import check_said, mlp_tensors, refusal, write_safetensors

LONG = "module_" + "y" * 52 + "KLMNOPQRST"      # 69 characters: messages show the first 60
SHOWN = LONG[:60]


def opened(tmp_path, tensors):
    path = write_safetensors(tmp_path / "torch.safetensors", tensors, sparse=True)
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    return path, caught.value


def chain(sizes, names):
    """Weights (out, in) and biases of layers ``names`` chaining ``sizes``."""
    tensors = {}
    for name, n_in, n_out in zip(names, sizes, sizes[1:]):
        tensors[f"{name}.weight"] = ("F32", (n_out, n_in))
        tensors[f"{name}.bias"] = ("F32", (n_out,))
    return tensors


REFUSED = {
    "a running mean": (
        {**chain([784, 10], ["fc1"]), f"{LONG}.running_mean": ("F32", (10,))},
        f"tensor {SHOWN!r} is not the weight or bias of a layer", (repr(SHOWN),)),
    "33 layers": (
        chain([784] + [1] * 33, [f"fc{i}" for i in range(33)]), "33 layers, more than the 32 annviz can hold",
        ("33", "32")),
    "a lone bias": ({"bias": ("F32", (10,))}, "layer nn.Linear has a bias but no weight", ("nn.Linear",)),
    "a long layer with a bias only": (
        {**chain([784, 10], [f"{LONG}1"]), f"{LONG}2.bias": ("F32", (10,))},
        f"layer {SHOWN} has a bias but no weight", (SHOWN,)),
    "a weight of three dimensions": (
        {f"{LONG}1.weight": ("F32", (10, 784, 1))},
        f"tensor {SHOWN} has shape (10, 784, 1), not the (out, in) of an nn.Linear", (SHOWN, "(10, 784, 1)")),
    "a bias of the wrong shape": (
        {f"{LONG}1.weight": ("F32", (10, 784)), f"{LONG}1.bias": ("F32", (9,))},
        f"tensor {SHOWN} has shape (9,), expected (10,) to go with {SHOWN} (10, 784)", (SHOWN, "(9,)", "(10, 784)")),
    "shapes that do not chain": (
        {**chain([784, 5, 7], [f"{LONG}1", f"{LONG}2"]), f"{LONG}3.weight": ("F32", (3, 6))},
        f"the shapes do not chain: {SHOWN} takes 6 inputs, the layer before gives 7", (SHOWN, "6", "7")),
    "2049 neurons": (
        chain([784, 2049], [f"{LONG}1"]), f"layer {SHOWN} has 2049 neurons (annviz holds 1 to 2048)",
        (SHOWN, "2049", "2048")),
    "no neurons": (chain([784, 0], ["fc1"]), "layer fc1 has 0 neurons (annviz holds 1 to 2048)", ("fc1",)),
    "a weight and a numbered layer": (
        {"weight": ("F32", (10, 784)), **chain([10, 2], ["fc1"])},
        "layer name 'weight' does not end in a number giving its order", ("'weight'",)),
    "a long name without a number": (
        chain([784, 10], [f"{LONG}.head"]), f"layer name {LONG[:60]!r} does not end in a number giving its order",
        (repr(LONG[:60]),)),
    "a number of 10 digits": (
        chain([784, 10], ["fc1234567890"]),
        "layer name 'fc1234567890' ends in a number of 10 digits (at most 9)", ("'fc1234567890'", "10", "9")),
    "a long name with a number of 10 digits": (
        chain([784, 10], [f"{LONG}1234567890"]),
        f"layer name {SHOWN + '…'!r} ends in a number of 10 digits (at most 9)", (repr(SHOWN + "…"),)),
    "five patterns": (
        chain([784, 1, 1, 1, 1, 1], [f"{stem}{LONG}{i}" for i, stem in enumerate("edcba")]),
        "the layer names " + ", ".join(f"{stem}{LONG}"[:60] for stem in "abcd") + " do not share one pattern",
        (f"a{LONG}"[:60],)),
}


@pytest.mark.parametrize("case", REFUSED)
def test_each_pytorch_mlp_annviz_cannot_read_is_said_in_both_languages(tmp_path, case):
    tensors, fault, fragments = REFUSED[case]
    path, error = opened(tmp_path, tensors)
    assert not isinstance(error, ForeignModelError), error.layout
    check_said(error, path, refusal(fault), *fragments)


def test_integer_weights_are_said_with_what_to_do(tmp_path):
    path, error = opened(tmp_path, {**chain([784, 5, 2], ["fc1", "fc2"]), "fc2.weight": ("I64", (2, 5))})
    check_said(error, path, "tensor fc2.weight has dtype I64; annviz reads weights stored as F32, F16, BF16, F64 "
                            "(in PyTorch: tensor.float())", "fc2.weight", "I64")


def test_the_most_parameters_are_accepted_and_one_more_refused(tmp_path):
    at = [784] + [2048] * 16 + [632, 1992]
    past = [784] + [2048] * 15 + [636, 2034, 2041]
    assert sum(a * b + b for a, b in zip(at, at[1:])) == 2**26
    half = {k: ("F16", s[1]) for k, s in chain(at, [f"fc{i}" for i in range(18)]).items()}
    path, error = opened(tmp_path, half)
    assert isinstance(error, ForeignModelError) and error.layout.sizes == tuple(at)
    half = {k: ("F16", s[1]) for k, s in chain(past, [f"fc{i}" for i in range(18)]).items()}
    path, error = opened(tmp_path, half)
    check_said(error, path, "its network has 67,108,865 weights and biases, more than annviz opens (67,108,864)",
               "67,108,865", "67,108,864")


@pytest.mark.parametrize("tensors,described", [
    ({"weight": ("F32", (10, 784)), "bias": ("F32", (10,))}, "784-10, one nn.Linear"),
    (chain([784, 3, 2, 1, 4], ["net.1", "net.3", "net.5", "net.7"]), "784-3-2-1-4, layers net.1, net.3, net.5, net.7"),
    (chain([784, 3, 2, 1, 4, 5], ["l1", "l2", "l3", "l4", "l5"]), "784-3-2-1-4-5, layers l1, l2, …, l5"),
    (chain([784] + [1] * 32, [f"fc{i}" for i in range(32)]), "784" + "-1" * 32 + ", layers fc0, fc1, …, fc31"),
    (chain([784, 2048, 1], ["fc123456789", "fc123456790"]), "784-2048-1, layers fc123456789, fc123456790"),
])
def test_a_layout_annviz_reads_is_described_in_the_question_it_asks(tmp_path, tensors, described):
    path, error = opened(tmp_path, tensors)
    assert isinstance(error, ForeignModelError), str(error)
    check_said(error, path, f"a PyTorch network ({described}) without annviz metadata: say which activation its "
               "hidden layers use and whether its last layer outputs logits", described)


def test_a_pytorch_network_opens_with_relu_and_logits_unless_told_otherwise(tmp_path):
    path = write_safetensors(tmp_path / "torch.safetensors", mlp_tensors([784, 3, 2], prefix="", numbers=[1, 3]))
    network, info = load_foreign(path)
    assert network.activation_names == ["relu", "softmax"] and info.loss == "cross-entropy"
    assert info.extra["pytorch_layers"] == ["1", "3"]


def test_an_output_activation_is_not_a_hidden_one(tmp_path):
    path = write_safetensors(tmp_path / "torch.safetensors", mlp_tensors([784, 3, 2]))
    with pytest.raises(ValueError) as caught:
        load_foreign(path, "softmax")
    assert str(caught.value) == "the hidden activation must be one of sigmoid, tanh, relu, leaky_relu, not 'softmax'"
