"""PyTorch networks saved without annviz metadata: each key layout PyTorch users save opens, and
computes what the stored tensors say — checked against x·Wᵀ + b in NumPy, without PyTorch."""

import json
import pickle

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from annviz.nn import ForeignModelError, ModelFileError, Network, load_foreign, load_model, save_model

RNG = np.random.default_rng(7)
X = RNG.random((64, 784), dtype=np.float32)  # pixels in [0, 1]


UNDERSTOOD = ("annviz opens its own models, and PyTorch networks of nn.Linear layers (after nn.Conv2d "
              "layers in a convolutional one), named layers.0.weight … (nn.ModuleList), 0.weight … (nn.Sequential) or fc1.weight … "
              "(numbered names), taking 784 inputs")


def linear_stack(names, sizes, bias=True):
    """{name.weight: (out, in), name.bias: (out,)} for each layer, random float32."""
    tensors = {}
    for name, n_in, n_out in zip(names, sizes, sizes[1:]):
        tensors[f"{name}.weight"] = RNG.normal(0, 0.1, (n_out, n_in)).astype(np.float32)
        if bias:
            tensors[f"{name}.bias"] = RNG.normal(0, 0.1, n_out).astype(np.float32)
    return tensors


# independent references, written from the formulas
HIDDEN = {"relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
          "tanh": np.tanh, "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z)}


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def reference(tensors, names, hidden, logits):
    """The network's output computed in float64 from the stored tensors."""
    a = X.astype(np.float64)
    for i, name in enumerate(names):
        w = tensors[f"{name}.weight"].astype(np.float64)
        b = tensors.get(f"{name}.bias", np.zeros(len(w))).astype(np.float64)
        z = a @ w.T + b
        a = HIDDEN[hidden](z) if i < len(names) - 1 else (softmax(z) if logits else z)
    return a


LAYOUTS = {
    "ModuleList": ["layers.0", "layers.1", "layers.2"],
    "Sequential": ["0", "2", "4"],
    "Sequential after Flatten": ["1", "3", "5"],
    "Sequential as an attribute": ["net.0", "net.2", "net.4"],
    "named": ["fc1", "fc2", "fc3"],
    "named with an underscore, in a wrapper": ["module.linear_1", "module.linear_2", "module.linear_3"],
}


@pytest.mark.parametrize("names", LAYOUTS.values(), ids=LAYOUTS.keys())
@pytest.mark.parametrize("hidden", sorted(HIDDEN))
def test_each_layout_opens_and_computes_what_its_tensors_say(tmp_path, names, hidden):
    sizes = [784, 32, 16, 10]
    tensors = linear_stack(names, sizes)
    path = tmp_path / "mlp.safetensors"
    save_file(tensors, path)
    with pytest.raises(ForeignModelError) as asked:
        load_model(path)
    assert asked.value.layout.sizes == tuple(sizes) and asked.value.layout.layers == tuple(names)
    network, info = load_foreign(path, hidden, logits=True)
    assert network.sizes == sizes and network.activation_names == [hidden, hidden, "softmax"]
    stored = load_file(path)  # safetensors' own reader, not annviz's
    np.testing.assert_allclose(network.predict_proba(X), reference(stored, names, hidden, True),
                               rtol=1e-5, atol=1e-6)
    assert info.loss == "cross-entropy" and info.class_names == [str(d) for d in range(10)]


def test_outputs_that_are_not_logits_are_used_as_they_are(tmp_path):
    names = ["0", "2"]
    save_file(linear_stack(names, [784, 20, 10]), tmp_path / "m.safetensors")
    network, info = load_foreign(tmp_path / "m.safetensors", "sigmoid", logits=False)
    assert network.activation_names == ["sigmoid", "identity"] and info.loss == "mse"
    stored = load_file(tmp_path / "m.safetensors")
    np.testing.assert_allclose(network.predict_proba(X), reference(stored, names, "sigmoid", False),
                               rtol=1e-5, atol=1e-6)


def test_layers_are_ordered_by_their_number_not_their_name(tmp_path):
    names = [f"fc{i}" for i in range(1, 13)]  # fc10 sorts before fc2 as text
    sizes = [784] + [8 + i for i in range(11)] + [10]
    tensors = linear_stack(names, sizes)
    save_file(tensors, tmp_path / "deep.safetensors")
    network, _ = load_foreign(tmp_path / "deep.safetensors", "tanh")
    assert network.sizes == sizes
    np.testing.assert_allclose(network.predict_proba(X), reference(tensors, names, "tanh", True),
                               rtol=1e-5, atol=1e-6)


def test_a_layer_without_bias_gets_zeros(tmp_path):
    names = ["0", "2"]
    tensors = linear_stack(names, [784, 12, 10], bias=False)
    save_file(tensors, tmp_path / "nobias.safetensors")
    network, _ = load_foreign(tmp_path / "nobias.safetensors")
    assert all(not b.any() for b in network.biases)
    np.testing.assert_allclose(network.predict_proba(X), reference(tensors, names, "relu", True),
                               rtol=1e-5, atol=1e-6)


def write_raw(path, tensors: dict[str, tuple[str, np.ndarray]]):
    """A safetensors file by hand, for BF16 (NumPy has no bfloat16): (dtype, float32 values)."""
    header, blobs, offset = {}, [], 0
    for name, (dtype, values) in tensors.items():
        if dtype == "BF16":  # the top half of each float32
            data = (values.astype("<f4").view("<u4") >> 16).astype("<u2").tobytes()
        else:
            data = values.astype({"F16": "<f2", "F32": "<f4"}[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(values.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    path.write_bytes(len(text).to_bytes(8, "little") + text + b"".join(blobs))


@pytest.mark.parametrize("dtype", ["F16", "BF16"])
def test_half_and_bfloat16_weights_become_float32(tmp_path, dtype):
    names = ["layers.0", "layers.1"]
    tensors = linear_stack(names, [784, 24, 10])
    if dtype == "F16":  # the values a float16 file holds
        stored = {k: v.astype(np.float16).astype(np.float32) for k, v in tensors.items()}
    else:  # bfloat16: float32 with the low 16 bits cut off
        stored = {k: (v.view(np.uint32) & 0xFFFF0000).view(np.float32) for k, v in tensors.items()}
    write_raw(tmp_path / "half.safetensors", {k: (dtype, v) for k, v in tensors.items()})
    with pytest.raises(ForeignModelError) as asked:
        load_model(tmp_path / "half.safetensors")
    assert asked.value.layout.dtypes == (dtype,)
    network, info = load_foreign(tmp_path / "half.safetensors")
    assert network.weights[0].dtype == np.float32
    np.testing.assert_array_equal(network.weights[0], stored["layers.0.weight"])
    np.testing.assert_allclose(network.predict_proba(X), reference(stored, names, "relu", True),
                               rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", ["fc1", "0", ""], ids=["named", "Sequential", "a lone nn.Linear"])
def test_a_network_without_hidden_layers(tmp_path, name):
    tensors = linear_stack([name], [784, 10])
    tensors = {k.lstrip("."): v for k, v in tensors.items()}  # nn.Linear's own: weight, bias
    save_file(tensors, tmp_path / "linear.safetensors")
    with pytest.raises(ForeignModelError) as asked:
        load_model(tmp_path / "linear.safetensors")
    assert asked.value.layout.sizes == (784, 10)
    network, _ = load_foreign(tmp_path / "linear.safetensors", "relu")
    assert network.activation_names == ["softmax"]
    z = X.astype(np.float64) @ tensors[f"{name}.weight".lstrip(".")].T + tensors[f"{name}.bias".lstrip(".")]
    np.testing.assert_allclose(network.predict_proba(X), softmax(z), rtol=1e-5, atol=1e-6)


def _unknown(tmp_path, tensors):
    path = tmp_path / "odd.safetensors"
    save_file(tensors, path)
    with pytest.raises(ModelFileError) as err:
        load_model(path)
    assert type(err.value) is ModelFileError
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and UNDERSTOOD in message
    with pytest.raises(ModelFileError, match="without annviz metadata"):
        load_foreign(path)
    return message


@pytest.mark.parametrize("tensors,fault", [
    ({}, "holds no tensors"),
    ({**linear_stack(["0", "2"], [784, 8, 10]), "1.running_mean": np.zeros(8, np.float32)},
     "'1.running_mean' is not the weight or bias of a layer"),
    ({"conv.0.weight": np.zeros((8, 1, 3, 3), np.float32), **linear_stack(["conv.2"], [72, 10])},
     "conv.2, takes 72 inputs, which no arrangement of padding"),
    ({"0.weight": np.zeros((8, 1, 3, 3, 1), np.float32), **linear_stack(["2"], [72, 10])},
     r"shape \(8, 1, 3, 3, 1\), not the \(out, in\)"),
    (linear_stack(["0", "2"], [100, 8, 10]), "takes 100 inputs, not the 784 pixels"),
    ({**linear_stack(["fc1"], [784, 8]), **linear_stack(["fc2"], [9, 10])}, "do not chain: fc2.weight takes 9"),
    (linear_stack(["encoder", "head"], [784, 8, 10]), "'encoder' does not end in a number"),
    ({**linear_stack(["fc1"], [784, 8]), **linear_stack(["out1"], [8, 10])}, "do not share one pattern"),
    ({**linear_stack(["net.0"], [784, 8]), **linear_stack(["head.1"], [8, 10])}, "do not share one pattern"),
    ({"0.bias": np.zeros(8, np.float32)}, "has a bias but no weight"),
    ({"weight": np.zeros((10, 100), np.float32)}, "its first layer, nn.Linear, takes 100 inputs"),
    ({**linear_stack(["fc1"], [784, 8]), "weight": np.zeros((10, 8), np.float32)},
     "layer name 'weight' does not end in a number"),
    ({**linear_stack(["0"], [784, 8]), "0.bias": np.zeros(9, np.float32)}, r"expected \(8,\)"),
    (linear_stack([str(i) for i in range(40)], [784] + [4] * 40), "40 layers, more than the 32"),
    (linear_stack(["0"], [784, 5000]), "5000 neurons"),
    (linear_stack(["fc" + "1" * 5000], [784, 10]), "ends in a number of 5000 digits"),   # int() would raise
])
def test_anything_else_is_one_clear_line_saying_what_is_understood(tmp_path, tensors, fault):
    import re

    assert re.search(fault, _unknown(tmp_path, tensors))


def test_integer_weights_say_how_to_convert_them(tmp_path):
    path = tmp_path / "int.safetensors"
    save_file({"0.weight": np.zeros((10, 784), np.int32)}, path)
    with pytest.raises(ModelFileError, match=r"dtype I32; annviz reads .* \(in PyTorch: tensor.float\(\)\)"):
        load_model(path)


def test_the_question_names_the_file_and_survives_pickling(tmp_path):
    path = tmp_path / "mlp.safetensors"
    save_file(linear_stack(["0", "2"], [784, 8, 10]), path)
    with pytest.raises(ForeignModelError) as asked:
        load_model(path)
    assert str(asked.value).startswith(f"{path}: a PyTorch network (784-8-10, layers 0, 2)")
    again = pickle.loads(pickle.dumps(asked.value))
    assert str(again) == str(asked.value) and again.layout == asked.value.layout


def test_an_annviz_model_is_not_opened_as_a_foreign_one(tmp_path):
    path = save_model(tmp_path / "own.safetensors", Network.build([784, 8, 10], seed=0))
    with pytest.raises(ModelFileError, match="an annviz model"):
        load_foreign(path)
    with pytest.raises(ValueError, match="hidden activation"):
        save_file(linear_stack(["0"], [784, 10]), tmp_path / "t.safetensors")
        load_foreign(tmp_path / "t.safetensors", "softmax")


def test_an_annviz_file_is_a_plain_linear_state_dict(tmp_path):
    """The other way: what annviz saves is what an nn.ModuleList of nn.Linear named layers holds."""
    net = Network.build([784, 8, 10], hidden="relu", seed=1)
    tensors = load_file(save_model(tmp_path / "own.safetensors", net))
    assert sorted(tensors) == ["layers.0.bias", "layers.0.weight", "layers.1.bias", "layers.1.weight"]
    z = X @ tensors["layers.0.weight"].T.astype(np.float64) + tensors["layers.0.bias"]
    z = np.maximum(z, 0) @ tensors["layers.1.weight"].T.astype(np.float64) + tensors["layers.1.bias"]
    np.testing.assert_allclose(net.predict_proba(X), softmax(z), rtol=1e-5, atol=1e-6)
