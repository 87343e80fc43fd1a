"""An annviz model file another writer made, each fault once: what the user reads (in English on
the command line, in Korean in the window) names the file, the field or tensor, the value found
and the limit; every limit is accepted at the limit and refused one past it; every field written
comes back. The files are made by hand (``handmade``), not by annviz's writer."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from annviz.nn import ModelFileError, load_model
from annviz.nn.activations import ACTIVATION_NAMES
from annviz.nn.modelfile import load_model_bytes
from handmade import annviz_metadata, check_said, mlp_tensors, write_safetensors

TENSORS = mlp_tensors([4, 3, 2])
KNOWN_ACTIVATIONS = ", ".join(ACTIVATION_NAMES)   # step, identity, sigmoid, tanh, relu, leaky_relu, softmax
LONG = "x" * 39 + "ABCDEFGH"                       # 47 characters: a message shows the first 40


def refused(tmp_path, tensors=TENSORS, metadata=None, sparse=False, name="m.safetensors"):
    path = write_safetensors(tmp_path / name, tensors, annviz_metadata() if metadata is None else metadata,
                             sparse=sparse)
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    assert type(caught.value) is ModelFileError
    return path, caught.value


# (what the file holds, its tensors, the English after the path, what Korean shows too)
CASES = {
    "a training recording": (
        {"annviz-run": "{}"}, TENSORS,
        "a training recording, not an annviz model: open it with File → Open training recording", ()),
    "metadata that is a list": (
        {"annviz": "[1, 2]"}, TENSORS, "its annviz metadata is not a JSON object", ()),
    "a newer format": (
        annviz_metadata(format_version=3), TENSORS,
        "format_version 3 is newer than this annviz reads (up to 2): update annviz to open it", ("3", "2")),
    "no activations": (
        annviz_metadata(activations=None), TENSORS, "its annviz metadata lacks layer_sizes or activations",
        ("layer_sizes", "activations")),
    "no layer_sizes": (
        annviz_metadata(layer_sizes=None), TENSORS, "its annviz metadata lacks layer_sizes or activations",
        ("layer_sizes",)),
    "activations that are a string": (
        annviz_metadata(activations="relu"), TENSORS, 'activations should be a list, not "relu"',
        ("activations", '"relu"')),
    "a size that is not whole": (
        annviz_metadata(layer_sizes=[4, 3.5, 2]), TENSORS, "layer_sizes should be a list of whole numbers",
        ("layer_sizes",)),
    "one size only": (
        annviz_metadata(layer_sizes=[4]), TENSORS,
        "layer_sizes [4] do not describe a network annviz can hold (2 to 33 layers of 1 to 2048 neurons)",
        ("[4]", "33", "2048")),
    "a layer of 2049": (
        annviz_metadata(layer_sizes=[4, 2049, 2]), TENSORS,
        "layer_sizes [4, 2049, 2] do not describe a network annviz can hold (2 to 33 layers of 1 to 2048 neurons)",
        ("[4, 2049, 2]",)),
    "a layer of 0": (
        annviz_metadata(layer_sizes=[4, 0, 2]), TENSORS,
        "layer_sizes [4, 0, 2] do not describe a network annviz can hold (2 to 33 layers of 1 to 2048 neurons)",
        ("[4, 0, 2]",)),
    "34 sizes, 9 shown": (
        annviz_metadata(layer_sizes=list(range(1, 35))), TENSORS,
        "layer_sizes [1, 2, 3, 4, 5, 6, 7, 8, '...'] do not describe a network annviz can hold "
        "(2 to 33 layers of 1 to 2048 neurons)", ("[1, 2, 3, 4, 5, 6, 7, 8, '...']",)),
    "8 sizes, all shown": (
        annviz_metadata(layer_sizes=[1, 2, 3, 4, 5, 6, 7, 0]), TENSORS,
        "layer_sizes [1, 2, 3, 4, 5, 6, 7, 0] do not describe a network annviz can hold "
        "(2 to 33 layers of 1 to 2048 neurons)", ("[1, 2, 3, 4, 5, 6, 7, 0]",)),
    "9 sizes": (
        annviz_metadata(layer_sizes=[1, 2, 3, 4, 5, 6, 7, 8, 0]), TENSORS,
        "layer_sizes [1, 2, 3, 4, 5, 6, 7, 8, '...'] do not describe a network annviz can hold "
        "(2 to 33 layers of 1 to 2048 neurons)", ("'...'",)),
    "one weight past the limit": (
        annviz_metadata(layer_sizes=[784] + [2048] * 15 + [636, 2034, 2041], activations=["relu"] * 18),
        {}, "its network has 67,108,865 weights and biases, more than annviz opens (67,108,864)",
        ("67,108,865", "67,108,864")),
    "fewer activations than layers": (
        annviz_metadata(layer_sizes=[4, 3, 2, 2], activations=["relu", "softmax"]), TENSORS,
        "3 layers but 2 activations", ("3", "2")),
    "an unknown activation": (
        annviz_metadata(activations=["relu", LONG]), TENSORS,
        f"unknown activation {LONG[:40]!r} (known: {KNOWN_ACTIVATIONS})", (repr(LONG[:40]), KNOWN_ACTIVATIONS)),
    "an activation that is a number": (
        annviz_metadata(activations=["relu", 5]), TENSORS,
        f"unknown activation '5' (known: {KNOWN_ACTIVATIONS})", ("'5'",)),
    "a tensor missing": (
        annviz_metadata(), {k: v for k, v in TENSORS.items() if k != "layers.1.bias"},
        "tensor layers.1.bias is missing", ("layers.1.bias",)),
    "a weight of the wrong shape": (
        annviz_metadata(), {**TENSORS, "layers.0.weight": ("F32", (3, 5))},
        "tensor layers.0.weight has shape (3, 5), expected (3, 4) from layer_sizes [4, 3, 2]",
        ("layers.0.weight", "(3, 5)", "(3, 4)", "[4, 3, 2]")),
    "integer weights": (
        annviz_metadata(), {**TENSORS, "layers.1.weight": ("I32", (2, 3))},
        "tensor layers.1.weight has dtype I32; annviz reads weights stored as F32, F16, BF16, F64 "
        "(in PyTorch: tensor.float())", ("layers.1.weight", "I32")),
    "5 unexpected tensors": (
        annviz_metadata(), {**TENSORS, **{f"extra.{i}": ("F32", (1,)) for i in range(5)}},
        "unexpected tensors 'extra.0', 'extra.1', 'extra.2', 'extra.3', 'extra.4'", ("'extra.4'",)),
    "6 unexpected tensors, long names": (
        annviz_metadata(), {**TENSORS, **{f"{LONG}.{i}": ("F32", (1,)) for i in range(6)}},
        "unexpected tensors " + ", ".join([repr(LONG[:40])] * 5) + " ...", (repr(LONG[:40]),)),
    "an unknown loss": (
        annviz_metadata(loss=LONG), TENSORS, f"unknown loss {LONG[:40]!r} (known: cross-entropy, mse)",
        (repr(LONG[:40]), "cross-entropy, mse")),
    "class names that are numbers": (
        annviz_metadata(class_names=[1, 2]), TENSORS, "class_names should be a list of strings", ("class_names",)),
    "an accuracy above 1": (
        annviz_metadata(test_accuracy=1.5), TENSORS, "test_accuracy 1.5 is not between 0 and 1", ("1.5",)),
    "an accuracy below 0": (
        annviz_metadata(test_accuracy=-0.25), TENSORS, "test_accuracy -0.25 is not between 0 and 1", ("-0.25",)),
    "a dataset that is a number": (
        annviz_metadata(dataset=7), TENSORS, "dataset should be a string, not 7", ("dataset",)),
    "a history that is a list": (
        annviz_metadata(history=[1]), TENSORS, "history should be an object, not [1]", ("history", "[1]")),
}


@pytest.mark.parametrize("case", CASES)
def test_each_fault_of_an_annviz_model_is_said_in_both_languages(tmp_path, case):
    metadata, tensors, english, fragments = CASES[case]
    path, error = refused(tmp_path, tensors, metadata, sparse=not tensors)
    check_said(error, path, english, *fragments)


def test_the_same_fault_in_a_model_embedded_in_another_file_names_that_file(tmp_path):
    path = write_safetensors(tmp_path / "m.safetensors", TENSORS, annviz_metadata(test_accuracy=2.0))
    with pytest.raises(ModelFileError) as caught:
        load_model_bytes(path.read_bytes(), "setup.json")
    check_said(caught.value, "setup.json", "test_accuracy 2.0 is not between 0 and 1", "2.0")


def load(tmp_path, tensors=TENSORS, sparse=False, **fields):
    return load_model(write_safetensors(tmp_path / "m.safetensors", tensors, annviz_metadata(**fields), sparse))


@pytest.mark.parametrize("sizes", [[3, 2], [1] * 33, [2048, 1], [5, 1, 4]])
def test_networks_at_the_limits_of_layers_and_neurons_open(tmp_path, sizes):
    network, _ = load(tmp_path, mlp_tensors(sizes), layer_sizes=sizes,
                      activations=["sigmoid"] * (len(sizes) - 2) + ["identity"])
    assert network.sizes == sizes


def test_a_network_of_exactly_the_most_parameters_passes_that_check(tmp_path):
    """67,108,864 weights and biases: the next check (its tensors) is the one that speaks."""
    sizes = [784] + [2048] * 16 + [632, 1992]
    assert sum(a * b + b for a, b in zip(sizes, sizes[1:])) == 2**26
    path, error = refused(tmp_path, {}, annviz_metadata(layer_sizes=sizes, activations=["relu"] * 18))
    check_said(error, path, "tensor layers.0.weight is missing", "layers.0.weight")


@pytest.mark.parametrize("accuracy", [0, 0.0, 1, 1.0, 0.5])
def test_an_accuracy_from_0_to_1_comes_back(tmp_path, accuracy):
    _, info = load(tmp_path, test_accuracy=accuracy)
    assert info.test_accuracy == accuracy and type(info.test_accuracy) is float


def test_every_field_written_comes_back(tmp_path):
    history = {"epochs": [{"loss": 0.5, "accuracy": float("nan")}]}   # NaN: Python's json writes it
    tensors = {name: (*spec, np.linspace(-1, 1, math.prod(spec[1]))) for name, spec in TENSORS.items()}
    network, info = load(tmp_path, tensors, layer_sizes=[4, 3, 2], activations=["tanh", "identity"],
                         loss="mse", dataset="fashion", class_names=["cat", "dog"], test_accuracy=0.25,
                         history=history, config={"lr": 0.1}, teacher="Kim")
    assert network.activation_names == ["tanh", "identity"]
    for i in range(2):
        np.testing.assert_array_equal(network.weights[i], tensors[f"layers.{i}.weight"][2].astype(np.float32)
                                      .reshape(tensors[f"layers.{i}.weight"][1]))
        np.testing.assert_array_equal(network.biases[i], tensors[f"layers.{i}.bias"][2].astype(np.float32))
    assert (info.loss, info.dataset, info.class_names, info.test_accuracy) == ("mse", "fashion", ["cat", "dog"], 0.25)
    assert info.history["epochs"][0]["loss"] == 0.5 and math.isnan(info.history["epochs"][0]["accuracy"])
    assert info.config == {"lr": 0.1}
    assert info.extra == {"teacher": "Kim"}


def test_fields_left_out_get_their_defaults(tmp_path):
    _, info = load(tmp_path)
    assert (info.loss, info.dataset, info.class_names, info.test_accuracy, info.history, info.config, info.extra) \
        == ("cross-entropy", "mnist", ["0", "1"], None, {}, {}, {})


def test_a_nan_accuracy_is_no_accuracy(tmp_path):
    path = tmp_path / "m.safetensors"
    write_safetensors(path, TENSORS, {"annviz": json.dumps(
        {"format_version": 1, "layer_sizes": [4, 3, 2], "activations": ["relu", "softmax"],
         "test_accuracy": float("nan")})})
    assert load_model(path)[1].test_accuracy is None


def test_a_recording_is_refused_before_its_metadata_is_read(tmp_path):
    path, error = refused(tmp_path, TENSORS, {"annviz-run": "{}", "annviz": "not json"})
    check_said(error, path, "a training recording, not an annviz model: open it with File → Open training recording")


def test_a_network_of_doubles_is_saved_as_float32_as_pytorch_expects(tmp_path):
    from safetensors import safe_open

    from annviz.nn import Network, save_model

    path = save_model(tmp_path / "m.safetensors", Network([4, 3, 2], ["relu", "softmax"], dtype=np.float64))
    with safe_open(path, "np") as f:
        assert {str(f.get_tensor(name).dtype) for name in f.keys()} == {"float32"}
