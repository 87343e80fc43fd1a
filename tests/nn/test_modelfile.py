"""Model files: round trip, PyTorch-compatible names, and one clear error for every bad file."""

import json

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from annviz.nn import ModelFileError, ModelInfo, Network, load_model, save_model
from annviz.paths import bundled_model


@pytest.fixture
def model_path(tmp_path):
    net = Network.build([784, 16, 16, 10], hidden="sigmoid", seed=3)
    info = ModelInfo(test_accuracy=0.9, history={"epochs": []}, config={"lr": 0.001})
    return save_model(tmp_path / "m.safetensors", net, info), net


def test_round_trip(model_path):
    path, net = model_path
    loaded, info = load_model(path)
    assert loaded.sizes == [784, 16, 16, 10]
    assert loaded.activation_names == ["sigmoid", "sigmoid", "softmax"]
    for a, b in zip(loaded.weights + loaded.biases, net.weights + net.biases):
        np.testing.assert_array_equal(a, b)
    assert info.test_accuracy == 0.9 and info.config == {"lr": 0.001}


def test_tensor_names_and_shapes_are_those_of_a_torch_linear_stack(model_path):
    tensors = load_file(model_path[0])
    assert set(tensors) == {f"layers.{i}.{k}" for i in range(3) for k in ("weight", "bias")}
    assert tensors["layers.0.weight"].shape == (16, 784) and tensors["layers.0.weight"].dtype == np.float32
    assert tensors["layers.2.bias"].shape == (10,)


def test_saving_is_atomic(tmp_path, model_path, monkeypatch):
    path, net = model_path
    before = path.read_bytes()
    monkeypatch.setattr("os.fsync", lambda fd: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        save_model(path, Network.build([784, 8, 10], seed=0))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.safetensors"]


def _rewrite(path, tensors=None, meta=None):
    raw = load_file(path)
    header_meta = json.loads(json.loads(path.read_bytes()[8:8 + int.from_bytes(path.read_bytes()[:8], "little")])["__metadata__"]["annviz"])
    if tensors:
        raw.update(tensors)
    if meta:
        header_meta.update(meta)
    save_file(raw, path, metadata={"annviz": json.dumps(header_meta)})


@pytest.mark.parametrize("damage,message", [
    (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), "truncated"),
    (lambda p: p.write_bytes(b""), "too short"),
    (lambda p: p.write_bytes(b"\x80\x04\x95 this is a pickle" * 10), "not a safetensors"),
    (lambda p: save_file({"x": np.zeros(3, np.float32)}, p), "not an annviz model"),
    (lambda p: _rewrite(p, tensors={"layers.1.weight": np.zeros((5, 16), np.float32)}), "shape"),
    (lambda p: _rewrite(p, tensors={"layers.0.bias": np.full(16, np.nan, np.float32)}), "NaN"),
    (lambda p: _rewrite(p, meta={"activations": ["sigmoid", "swish", "softmax"]}), "unknown activation"),
    (lambda p: _rewrite(p, meta={"format_version": 99}), "format_version"),
])
def test_bad_files_give_one_clear_error(model_path, damage, message):
    path = model_path[0]
    damage(path)
    with pytest.raises(ModelFileError, match=message) as err:
        load_model(path)
    assert str(path) in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="no such file"):
        load_model(tmp_path / "nope.safetensors")


@pytest.mark.parametrize("name,minimum", [("mnist-classic", 0.955), ("mnist-best", 0.985)])
def test_bundled_models_load_and_are_accurate(name, minimum):
    from annviz.data.datasets import load_dataset, to_inputs
    from annviz.nn import evaluate, get_loss

    net, info = load_model(bundled_model(name))
    ds = load_dataset("mnist")
    _, accuracy = evaluate(net, to_inputs(ds.test_images), ds.test_labels, get_loss(info.loss))
    assert accuracy >= minimum
    assert info.test_accuracy == pytest.approx(accuracy, abs=1e-4)
    assert info.history["epochs"]


def test_a_new_model_file_gets_ordinary_permissions(tmp_path):
    import os

    path = save_model(tmp_path / "new.safetensors", Network.build([4, 2], seed=0))
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
