"""PyTorch convolutional networks saved without annviz metadata, without PyTorch: the layouts
PyTorch users save, the padding and pooling inferred from the first nn.Linear (or the candidates
listed), predictions computed pixel by pixel from the stored tensors, and every file annviz does
not understand refused in one line."""

from __future__ import annotations

import numpy as np
import pytest
from safetensors.numpy import save_file
from test_convolution import conv_loops, pool_loops

from annviz.nn import ForeignModelError, ModelFileError, load_foreign, load_model

RNG = np.random.default_rng(2026)
X = RNG.random((3, 784), np.float32)


def conv(f, c, k):
    return RNG.normal(0, 0.3, (f, c, k, k)).astype(np.float32), RNG.normal(0, 0.1, f).astype(np.float32)


def linear(n_out, n_in):
    return RNG.normal(0, 0.05, (n_out, n_in)).astype(np.float32), RNG.normal(0, 0.1, n_out).astype(np.float32)


def state_dict(names, params, biases=True):
    tensors = {}
    for name, (w, b) in zip(names, params):
        tensors[f"{name}.weight"] = w
        if biases:
            tensors[f"{name}.bias"] = b
    return tensors


def by_the_formulas(params, paddings, pools, logits=True):
    """The output from the stored tensors, pixel by pixel, ReLU after every hidden layer."""
    a = X.reshape(len(X), 1, 28, 28).transpose(1, 0, 2, 3).astype(np.float64)
    n_conv = len(paddings)
    for (w, b), p, pool in zip(params[:n_conv], paddings, pools):
        a = np.maximum(conv_loops(a, w, b, p), 0)
        if pool:
            a = pool_loops(a)[0]
    a = a.transpose(1, 0, 2, 3).reshape(len(X), -1)
    for i, (w, b) in enumerate(params[n_conv:]):
        a = a @ w.T + b
        if i < len(params) - n_conv - 1:
            a = np.maximum(a, 0)
    if not logits:
        return a
    e = np.exp(a - a.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


REFERENCE = [conv(4, 1, 5), conv(6, 4, 5), linear(10, 6 * 7 * 7)]


@pytest.mark.parametrize("names", [["0", "3", "7"], ["net.0", "net.3", "net.7"], ["conv1", "conv2", "fc1"],
                                   ["features.0", "features.3", "classifier.1"]],
                         ids=["Sequential", "Sequential as an attribute", "named", "features and classifier"])
def test_a_reference_net_opens_with_its_padding_and_pools_inferred(tmp_path, names):
    path = tmp_path / "cnn.safetensors"
    save_file(state_dict(names, REFERENCE), path)
    with pytest.raises(ForeignModelError) as asked:
        load_model(path)
    layout = asked.value.layout
    assert layout.kind == "cnn" and layout.candidates == (((2, 2), (True, True)),)
    assert "conv 5×5 ×4, conv 5×5 ×6, 294-10" in str(asked.value)
    network, info = load_foreign(path, "relu")
    assert [layer.kind for layer in network.layers] == ["conv", "pool", "conv", "pool", "flatten", "dense"]
    assert info.extra["pytorch_arrangement"] == "pad 2, pool → pad 2, pool"
    np.testing.assert_allclose(network.predict_proba(X), by_the_formulas(REFERENCE, (2, 2), (True, True)),
                               rtol=1e-5, atol=1e-6)


EXAMPLE = [conv(4, 1, 3), conv(8, 4, 3), linear(16, 8 * 12 * 12), linear(10, 16)]   # PyTorch's MNIST example


def test_where_several_arrangements_fit_they_are_listed_and_one_is_chosen(tmp_path):
    path = tmp_path / "example.safetensors"
    save_file(state_dict(["conv1", "conv2", "fc1", "fc2"], EXAMPLE), path)
    with pytest.raises(ForeignModelError) as asked:
        load_model(path)
    assert asked.value.layout.candidates == (((0, 0), (False, True)), ((1, 0), (True, False)))
    with pytest.raises(ModelFileError, match=r"2 arrangements fit \(1: pad 0 → pad 0, pool; 2: pad 1, pool → "
                                             r"pad 0\); say which \(on the command line: --arrangement N\)"):
        load_foreign(path)
    for bad in (0, 3, -1):
        with pytest.raises(ModelFileError, match="2 arrangements fit"):
            load_foreign(path, arrangement=bad)
    for arrangement, (paddings, pools) in ((1, ((0, 0), (False, True))), (2, ((1, 0), (True, False)))):
        network, _ = load_foreign(path, "relu", arrangement=arrangement)
        np.testing.assert_allclose(network.predict_proba(X), by_the_formulas(EXAMPLE, paddings, pools),
                                   rtol=1e-5, atol=1e-6)


def test_convolutions_without_biases_and_half_precision(tmp_path):
    path = tmp_path / "nobias.safetensors"
    tensors = state_dict(["0", "3", "7"], REFERENCE, biases=False)
    save_file({k: v.astype(np.float16) for k, v in tensors.items()}, path)
    network, _ = load_foreign(path, "relu", logits=False)
    assert all(not b.any() for b in network.biases) and network.activation_names[-1] == "identity"
    stored = [(tensors[f"{n}.weight"].astype(np.float16).astype(np.float32), np.zeros(len(tensors[f"{n}.weight"])))
              for n in ("0", "3", "7")]
    np.testing.assert_allclose(network.predict_proba(X), by_the_formulas(stored, (2, 2), (True, True), logits=False),
                               rtol=1e-5, atol=1e-5)


def _refused(tmp_path, tensors) -> str:
    path = tmp_path / "odd.safetensors"
    save_file(tensors, path)
    with pytest.raises(ModelFileError) as err:
        load_model(path)
    assert type(err.value) is ModelFileError
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and "nn.Conv2d" in message
    return message


@pytest.mark.parametrize("tensors,fault", [
    ({"0.weight": np.zeros((4, 1, 5, 3), np.float32), **state_dict(["2"], [linear(10, 4)])},
     r"0.weight has shape \(4, 1, 5, 3\), not the \(filters, channels, k, k\)"),
    (state_dict(["0", "3"], [conv(4, 3, 5), linear(10, 4 * 14 * 14)]), "0 takes 3 channels, the layer before gives 1"),
    (state_dict(["0", "3", "7"], [conv(4, 1, 5), conv(6, 5, 5), linear(10, 294)]), "3 takes 5 channels"),
    (state_dict(["0", "2", "4"], [linear(10, 294), conv(4, 1, 5), conv(6, 4, 5)]),
     "an nn.Linear comes before the nn.Conv2d 2"),
    (state_dict(["0", "3"], [conv(4, 1, 5), conv(6, 4, 5)]), "followed by no nn.Linear"),
    (state_dict(["0", "3", "7"], [conv(4, 1, 5), conv(6, 4, 5), linear(10, 300)]),
     "its first nn.Linear, 7, takes 300 inputs, which no arrangement"),
    ({"0.weight": np.zeros((600, 1, 3, 3), np.float32), **state_dict(["2"], [linear(10, 600)])},
     "600 filters of 3×3"),
    ({"0.weight": np.zeros((4, 1, 13, 13), np.float32), **state_dict(["2"], [linear(10, 4)])}, "4 filters of 13×13"),
    ({**state_dict(["0"], [conv(4, 1, 5)]), "0.bias": np.zeros(5, np.float32), **state_dict(["3"], [linear(10, 784)])},
     r"0.bias has shape \(5,\), expected \(4,\)"),
    ({**state_dict(["conv1"], [conv(4, 1, 5)]), **state_dict(["net.fc"], [linear(10, 784)])},
     "'net.fc' does not end in a number"),
    ({**state_dict(["conv1", "other2"], [conv(4, 1, 5), conv(4, 4, 5)]), **state_dict(["fc1"], [linear(10, 196)])},
     "do not share one pattern"),
    (state_dict(["0", "3", "7"], [conv(4, 1, 5), conv(6, 4, 5), linear(5000, 294)]), "5000 neurons"),
])
def test_a_convolutional_network_annviz_cannot_read_is_one_clear_line(tmp_path, tensors, fault):
    import re

    assert re.search(fault, _refused(tmp_path, tensors))


def test_an_absurd_conv_stack_is_refused_from_its_header(tmp_path):
    """Kernels declared by the header only: 9 convolutions, or 10⁹ filters, are refused before a
    weight is read (the data is not even there)."""
    import json
    import tracemalloc

    def header_only(entries):
        header = {name: {"dtype": "F32", "shape": shape, "data_offsets": [0, 0]} for name, shape in entries}
        text = json.dumps(header).encode()
        return len(text).to_bytes(8, "little") + text

    path = tmp_path / "huge.safetensors"
    path.write_bytes(header_only([("0.weight", [10**9, 1, 5, 5]), ("2.weight", [10, 10**9])]))
    tracemalloc.start()
    try:
        with pytest.raises(ModelFileError):
            load_model(path)
        assert tracemalloc.get_traced_memory()[1] < 2 * 2**20
    finally:
        tracemalloc.stop()
