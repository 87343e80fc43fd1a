"""A convolutional network's model file: PyTorch's nn.Sequential names and shapes, the layers in
the metadata, format_version 2 for a CNN only — and one clear error for every hostile file,
given before anything is allocated."""

from __future__ import annotations

import json
import tracemalloc

import numpy as np
import pytest
from safetensors.numpy import load_file

from annviz.nn import ModelFileError, ModelInfo, Network, load_model, save_model
from annviz.nn.convnet import ConvNet
from annviz.nn.layers import Conv, Dense, Flatten, Pool, reference
from annviz.nn.modelfile import load_model_bytes, model_bytes
from annviz.paths import bundled_model

RNG = np.random.default_rng(260)
X = RNG.random((6, 784), np.float32)


@pytest.fixture
def cnn():
    net = ConvNet(reference(), seed=7)
    for b in net.biases:
        b[:] = RNG.normal(0, 0.1, b.shape)
    return net


def _meta(path) -> dict:
    data = path.read_bytes()
    header = json.loads(data[8:8 + int.from_bytes(data[:8], "little")])
    return json.loads(header["__metadata__"]["annviz"])


def test_a_cnn_is_saved_as_the_state_dict_of_its_nn_sequential(tmp_path, cnn):
    path = save_model(tmp_path / "cnn.safetensors", cnn, ModelInfo(test_accuracy=0.99, config={"conv": [8, 16]}))
    tensors = load_file(path)
    assert {k: v.shape for k, v in tensors.items()} == {
        "0.weight": (8, 1, 5, 5), "0.bias": (8,), "3.weight": (16, 8, 5, 5), "3.bias": (16,),
        "7.weight": (10, 784), "7.bias": (10,)}
    np.testing.assert_array_equal(tensors["3.weight"], cnn.weights[1])
    meta = _meta(path)
    assert meta["format_version"] == 2 and meta["input_shape"] == [1, 28, 28]
    assert meta["layers"] == [
        {"kind": "conv", "filters": 8, "kernel": 5, "padding": 2, "activation": "relu"}, {"kind": "pool", "size": 2},
        {"kind": "conv", "filters": 16, "kernel": 5, "padding": 2, "activation": "relu"}, {"kind": "pool", "size": 2},
        {"kind": "flatten"}, {"kind": "dense", "size": 10, "activation": "softmax"}]
    assert "layer_sizes" not in meta and "activations" not in meta


def test_a_cnn_file_opens_as_the_same_network(tmp_path, cnn):
    path = save_model(tmp_path / "cnn.safetensors", cnn, ModelInfo(test_accuracy=0.99, config={"conv": [8, 16]}))
    loaded, info = load_model(path)
    assert isinstance(loaded, ConvNet) and loaded.layers == cnn.layers
    np.testing.assert_array_equal(loaded.predict_proba(X), cnn.predict_proba(X))
    assert info.test_accuracy == 0.99 and info.config == {"conv": [8, 16]} and info.extra == {}
    again, _ = load_model_bytes(model_bytes(loaded, info), "embedded")     # as a setup carries it
    np.testing.assert_array_equal(again.predict_proba(X), cnn.predict_proba(X))


def test_an_mlps_file_keeps_version_1_and_its_keys(tmp_path):
    path = save_model(tmp_path / "mlp.safetensors", Network.build([784, 8, 10], seed=1))
    meta = _meta(path)
    assert meta["format_version"] == 1 and meta["layer_sizes"] == [784, 8, 10] and "layers" not in meta
    assert set(load_file(path)) == {"layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"}


@pytest.mark.parametrize("name", ["mnist-classic", "mnist-best"])
def test_the_bundled_models_open_unchanged(name):
    net, _ = load_model(bundled_model(name))
    assert net.is_mlp and net.sizes[0] == 784


# --- hostile files ------------------------------------------------------------------------------

def _hand_written(path, layers, tensors=None, **meta):
    """A CNN file written by hand: ``layers`` as given (anything), tensors of the reference net."""
    from safetensors.numpy import save

    net = ConvNet(reference((2, 3)), seed=0)
    tensors = {name: np.ascontiguousarray(t) for name, t in
               (tensors if tensors is not None else {"0.weight": net.weights[0], "0.bias": net.biases[0],
                                                      "3.weight": net.weights[1], "3.bias": net.biases[1],
                                                      "7.weight": net.weights[2], "7.bias": net.biases[2]}).items()}
    doc = {"format_version": 2, "input_shape": [1, 28, 28], "layers": layers, **meta}
    path.write_bytes(save(tensors, metadata={"annviz": json.dumps(doc)}))
    return path


GOOD = [{"kind": "conv", "filters": 2, "kernel": 5, "padding": 2, "activation": "relu"}, {"kind": "pool"},
        {"kind": "conv", "filters": 3, "kernel": 5, "padding": 2, "activation": "relu"}, {"kind": "pool", "size": 2},
        {"kind": "flatten"}, {"kind": "dense", "size": 10, "activation": "softmax"}]


def _with(i, **changes):
    layers = [dict(layer) for layer in GOOD]
    layers[i].update(changes)
    return layers


def test_a_hand_written_file_of_the_right_layers_opens(tmp_path):
    net, _ = load_model(_hand_written(tmp_path / "ok.safetensors", GOOD))
    assert [layer.kind for layer in net.layers] == ["conv", "pool", "conv", "pool", "flatten", "dense"]
    assert net.layers[1] == Pool(2)          # a pool's size may be left out: 2


@pytest.mark.parametrize("layers,meta,message", [
    ("conv", {}, "layers should be a list"),
    ([3] * 5, {}, r"layers\[0\] is not a JSON object"),
    ([{"kind": "conv2d"}], {}, r"layers\[0\] is of kind \"conv2d\", which annviz does not know"),
    (_with(0, filters=10**9), {}, "1000000000 filters of 5×5"),
    (_with(0, filters=2.0), {}, r"layers\[0\].filters should be an integer, not 2.0"),
    (_with(0, filters=True), {}, r"layers\[0\].filters should be an integer, not true"),
    (_with(0, kernel=None), {}, r"layers\[0\].kernel is missing"),
    (_with(0, kernel=99), {}, "filters of 99×99"),
    (_with(0, padding=5), {}, "padded by less than the kernel's side"),
    (_with(2, activation="softmax"), {}, "layer 2: 'softmax' is not an activation this layer can use"),
    (_with(5, activation=7), {}, r"layers\[5\].activation should be"),
    (_with(1, size=3), {}, "max-pools of 3×3"),
    (_with(5, size=-1), {}, "-1 neurons"),
    (GOOD[:4] + GOOD[5:], {}, "one flatten"),
    (GOOD[1:], {}, "one flatten"),
    ([GOOD[0]] * 70, {}, "lists 70 entries"),
    (GOOD, {"input_shape": [3, 28, 28]}, r"input_shape should be \[1, 28, 28\]"),
    (GOOD, {"input_shape": "big"}, "input_shape should be"),
    (_with(0, filters=4), {}, r"tensor 0.weight has shape \(2, 1, 5, 5\), expected \(4, 1, 5, 5\)"),
    (_with(5, size=11), {}, r"tensor 7.weight has shape \(10, 147\), expected \(11, 147\)"),
    (GOOD[:4] + [GOOD[4], {"kind": "dense", "size": 5, "activation": "relu"}, GOOD[5]], {},
     r"tensor 7.weight has shape \(10, 147\), expected \(5, 147\)"),
])
def test_a_hostile_cnn_file_is_one_clear_error(tmp_path, layers, meta, message):
    path = _hand_written(tmp_path / "bad.safetensors", layers, **meta)
    with pytest.raises(ModelFileError, match=message) as err:
        load_model(path)
    assert type(err.value) is ModelFileError
    assert str(err.value).startswith(f"{path}: ") and "\n" not in str(err.value)


def test_a_missing_tensor_is_named(tmp_path):
    net = ConvNet(reference((2, 3)), seed=0)
    tensors = {"0.weight": net.weights[0], "0.bias": net.biases[0], "3.weight": net.weights[1],
               "7.weight": net.weights[2], "7.bias": net.biases[2]}
    with pytest.raises(ModelFileError, match="tensor 3.bias is missing"):
        load_model(_hand_written(tmp_path / "missing.safetensors", GOOD, tensors))


def test_extra_tensors_are_refused(tmp_path):
    net = ConvNet(reference((2, 3)), seed=0)
    tensors = {"0.weight": net.weights[0], "0.bias": net.biases[0], "3.weight": net.weights[1],
               "3.bias": net.biases[1], "7.weight": net.weights[2], "7.bias": net.biases[2],
               "1.running_mean": np.zeros(2, np.float32)}
    with pytest.raises(ModelFileError, match="unexpected tensors '1.running_mean'"):
        load_model(_hand_written(tmp_path / "extra.safetensors", GOOD, tensors))


def test_a_billion_filters_in_a_file_cost_nothing(tmp_path):
    """The declared kernel count is refused from the metadata, before a tensor is read or made."""
    path = _hand_written(tmp_path / "huge.safetensors", _with(0, filters=10**9))
    tracemalloc.start()
    try:
        with pytest.raises(ModelFileError, match="1000000000 filters"):
            load_model(path)
        assert tracemalloc.get_traced_memory()[1] < 2 * 2**20
    finally:
        tracemalloc.stop()


def test_a_network_too_slow_to_run_is_refused(tmp_path):
    layers = [{"kind": "conv", "filters": 64, "kernel": 11, "padding": 5, "activation": "relu"},
              {"kind": "conv", "filters": 512, "kernel": 11, "padding": 5, "activation": "relu"},
              {"kind": "flatten"}, {"kind": "dense", "size": 10, "activation": "softmax"}]
    with pytest.raises(ModelFileError, match="more work per image than annviz allows"):
        load_model(_hand_written(tmp_path / "slow.safetensors", layers))


def test_layers_with_neither_flatten_nor_dense_is_not_read_as_an_mlp(tmp_path):
    """An MLP's file has layer_sizes; one with layers (and none) is a CNN's and checked as one."""
    with pytest.raises(ModelFileError, match="one flatten"):
        load_model(_hand_written(tmp_path / "odd.safetensors", [GOOD[0], GOOD[1]]))


def test_every_kind_of_layer_round_trips(tmp_path):
    layers = [Conv(3, 3, 0, "tanh"), Conv(2, 3, 1, "sigmoid"), Pool(), Pool(), Flatten(), Dense(6, "leaky_relu"),
              Dense(4, "identity")]
    net = ConvNet(layers, seed=4)
    loaded, info = load_model(save_model(tmp_path / "every.safetensors", net, ModelInfo(class_names=list("abcd"))))
    assert loaded.layers == layers and info.class_names == list("abcd")
    assert set(load_file(tmp_path / "every.safetensors")) == {
        f"{i}.{k}" for i in (0, 2, 7, 9) for k in ("weight", "bias")}          # tanh, sigmoid, leaky: modules
    np.testing.assert_array_equal(loaded.predict_proba(X), net.predict_proba(X))
