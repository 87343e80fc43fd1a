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
    (lambda p: save_file({"x": np.zeros(3, np.float32)}, p), "without annviz metadata, and not a network"),
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


@pytest.mark.parametrize("name,minimum", [("mnist-classic", 0.955), ("mnist-best", 0.985),
                                          ("mnist-cnn", 0.985)])
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


# --- hostile files (issue 10): every fault is one ModelFileError naming the file ------------------

SIZES = [4, 3, 2]


def _meta(**changes) -> dict:
    meta = {"format_version": 1, "layer_sizes": SIZES, "activations": ["relu", "softmax"],
            "loss": "cross-entropy", "dataset": "mnist", "class_names": ["a", "b"],
            "test_accuracy": 0.5, "history": {}, "config": {}}
    meta.update(changes)
    return meta


def _tensors(dtype: str = "F32", scale: float = 1.0) -> dict[str, tuple[str, tuple, bytes]]:
    """The tensors of a SIZES network, values i/8 * scale, stored as ``dtype``."""
    numpy_dtype = {"F32": "<f4", "F16": "<f2", "F64": "<f8"}.get(dtype)
    out = {}
    for i in range(len(SIZES) - 1):
        for kind, shape in (("weight", (SIZES[i + 1], SIZES[i])), ("bias", (SIZES[i + 1],))):
            values = (np.arange(np.prod(shape)) - 3) / 8 * scale
            if dtype == "BF16":  # the top halves of float32 numbers (exact for these values)
                data = (values.astype("<f4").view("<u4") >> 16).astype("<u2").tobytes()
            else:
                data = values.astype(numpy_dtype).tobytes()
            out[f"layers.{i}.{kind}"] = (dtype, shape, data)
    return out


def _write(path, tensors=None, meta=None, header_extra=None, raw_metadata=None):
    """A safetensors file written by hand, so that it can hold what safetensors would refuse."""
    tensors = _tensors() if tensors is None else tensors
    header, blobs, offset = {}, [], 0
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = raw_metadata if raw_metadata is not None else {
        "annviz": meta if isinstance(meta, str) else json.dumps(_meta() if meta is None else meta)}
    header.update(header_extra or {})
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    path.write_bytes(len(text).to_bytes(8, "little") + text + b"".join(blobs))
    return path


def _expected_params():
    return [np.frombuffer(data, "<f4").reshape(shape) for _, shape, data in _tensors().values()]


def _load_fails(path, message):
    with pytest.raises(ModelFileError, match=message) as err:
        load_model(path)
    assert type(err.value) is ModelFileError
    assert str(err.value).startswith(f"{path}: ") and "\n" not in str(err.value)
    return str(err.value)


def test_a_hand_written_file_loads(tmp_path):
    net, info = load_model(_write(tmp_path / "ok.safetensors"))
    for got, want in zip([p for pair in zip(net.weights, net.biases) for p in pair], _expected_params()):
        np.testing.assert_array_equal(got, want)
    assert info.class_names == ["a", "b"] and info.dataset == "mnist"


@pytest.mark.parametrize("names", [["only one"], ["a", "b", "c"]])
def test_class_names_that_do_not_fit_the_outputs_become_numbers(tmp_path, names):
    """save_model's default ModelInfo names ten digits whatever the output layer; such files load,
    and predict never indexes past the names."""
    _, info = load_model(_write(tmp_path / "m.safetensors", meta=_meta(class_names=names)))
    assert info.class_names == ["0", "1"]
    _, info = load_model(save_model(tmp_path / "xor.safetensors", Network.build([2, 3, 1], output="sigmoid")))
    assert info.class_names == ["0"]


@pytest.mark.parametrize("dtype", ["F16", "BF16", "F64"])
def test_half_bfloat16_and_double_weights_become_the_same_float32(tmp_path, dtype):
    net, _ = load_model(_write(tmp_path / f"{dtype}.safetensors", _tensors(dtype)))
    for got, want in zip([p for pair in zip(net.weights, net.biases) for p in pair], _expected_params()):
        assert got.dtype == np.float32
        np.testing.assert_array_equal(got, want)


def test_bfloat16_keeps_numbers_half_floats_cannot_hold(tmp_path):
    tensors = _tensors("BF16")
    big = np.float32(3e38)  # beyond float16, exact in bfloat16's top half
    dtype, shape, data = tensors["layers.1.bias"]
    tensors["layers.1.bias"] = (dtype, shape, (np.array([big, -big]).astype("<f4").view("<u4") >> 16)
                                .astype("<u2").tobytes())
    net, _ = load_model(_write(tmp_path / "bf16.safetensors", tensors))
    np.testing.assert_allclose(net.biases[1], [big, -big], rtol=1e-2)


@pytest.mark.parametrize("build,message", [
    (lambda p: _write(p, raw_metadata=[1, 2]), "__metadata__ is not an object of strings"),
    (lambda p: _write(p, raw_metadata={"annviz": 5}), "__metadata__ is not an object of strings"),
    (lambda p: _write(p, meta="[" * 100_000 + "]" * 100_000), "nested 100000 levels deep"),
    (lambda p: _write(p, meta='{"a":' * 100_000 + "1" + "}" * 100_000), "nested 100000 levels deep"),
    (lambda p: _write(p, meta=json.dumps(_meta()).replace("[4, 3, 2]", "[4, Infinity, 2]")),
     "layer_sizes should be a list of whole numbers"),
    (lambda p: _write(p, meta=json.dumps(_meta()).replace("[4, 3, 2]", "[4, 1e400, 2]")),
     "too large for a float"),
    (lambda p: _write(p, meta=json.dumps(_meta()).replace("[4, 3, 2]", "[4, " + "9" * 5000 + ", 2]")),
     "integer of 5000 digits"),
    (lambda p: _write(p, meta=json.dumps(_meta(history={"x": int("9" * 4000)}))), "integer of 4000 digits"),
    (lambda p: _write(p, meta=_meta(class_names=7)), "class_names should be a list"),
    (lambda p: _write(p, meta=_meta(class_names=[1, 2])), "class_names should be a list of strings"),
    (lambda p: _write(p, meta=_meta(layer_sizes=[4, 100_000, 2])), "do not describe a network"),
    (lambda p: _write(p, meta=_meta(layer_sizes=[4] * 40, activations=["relu"] * 39)),
     "do not describe a network"),
    (lambda p: _write(p, meta=_meta(layer_sizes="4,3,2")), "layer_sizes should be a list"),
    (lambda p: _write(p, meta=_meta(layer_sizes=[784] + [2048] * 20 + [10], activations=["relu"] * 21)),
     "its network has 81,358,858 weights and biases, more than annviz opens"),
    (lambda p: _write(p, meta=_meta(layer_sizes=[4, True, 2])), "whole numbers"),
    (lambda p: _write(p, meta=_meta(activations=["relu", 3])), "unknown activation '3'"),
    (lambda p: _write(p, meta=_meta(format_version="1")), "format_version \"1\" is not a version"),
    (lambda p: _write(p, meta=_meta(format_version=True)), "format_version true is not a version"),
    (lambda p: _write(p, meta=_meta(format_version=3)), "format_version 3 is newer than this annviz"),
    (lambda p: _write(p, meta=_meta(loss=["mse"])), "loss should be a string"),
    (lambda p: _write(p, meta=_meta(loss="hinge")), "unknown loss 'hinge'"),
    (lambda p: _write(p, meta=_meta(dataset={"folder": "/tmp"})), "dataset should be a string"),
    (lambda p: _write(p, meta=_meta(test_accuracy="97%")), "test_accuracy should be a number"),
    (lambda p: _write(p, meta=_meta(test_accuracy=97)), "not between 0 and 1"),
    (lambda p: _write(p, meta=_meta(history=[1])), "history should be an object"),
    (lambda p: _write(p, meta=_meta(config="lr=1")), "config should be an object"),
    (lambda p: _write(p, meta="[1, 2]"), "annviz metadata is not a JSON object"),
    (lambda p: _write(p, meta="{'a': 1}"), "annviz metadata is not valid JSON"),
])
def test_hostile_metadata_is_one_model_file_error(tmp_path, build, message):
    _load_fails(build(tmp_path / "hostile.safetensors"), message)


def _with_tensor(name, dtype, shape, data):
    tensors = _tensors()
    tensors[name] = (dtype, shape, data)
    return tensors


@pytest.mark.parametrize("tensors,message", [
    (_with_tensor("layers.0.weight", "F8_E4M3", (3, 4), bytes(12)), "dtype F8_E4M3; annviz reads"),
    (_with_tensor("layers.0.weight", "I32", (3, 4), bytes(48)), "dtype I32; annviz reads"),
    (_with_tensor("layers.0.weight", "F4", (3, 4), bytes(6)), "'F4', which annviz does not read"),
    (_with_tensor("layers.0.weight", "F32", (3, 4), bytes(40)), r"needs 48 bytes, its offsets span 40"),
    (_with_tensor("layers.0.weight", "F32", (4, 3), bytes(48)), r"shape \(4, 3\), expected \(3, 4\)"),
    (_with_tensor("layers.1.bias", "F64", (2,), np.array([1e300, 0]).tobytes()),
     "numbers too large for float32"),
    (_with_tensor("layers.1.bias", "F16", (2,), np.array([np.inf, 0], "<f2").tobytes()), "NaN or infinite"),
    (_with_tensor("layers.1.bias", "BF16", (2,), bytes([0xC0, 0x7F]) * 2), "NaN or infinite"),
    (_with_tensor("layers.0.weight", "F32", (65536, 65536, 65536, 65536), bytes(48)), "needs"),
    (_with_tensor("extra", "F32", (1,), bytes(4)), "unexpected tensors 'extra'"),
    ({k: v for k, v in _tensors().items() if k != "layers.1.bias"}, "tensor layers.1.bias is missing"),
])
def test_hostile_tensors_are_refused_before_they_are_read(tmp_path, tensors, message):
    _load_fails(_write(tmp_path / "hostile.safetensors", tensors), message)


@pytest.mark.parametrize("header_extra,message", [
    ({"layers.0.bias": {"dtype": "F32", "shape": [3], "data_offsets": [0, 12]}}, "overlap or leave gaps"),
    ({"layers.0.bias": {"dtype": "F32", "shape": [3], "data_offsets": [10**30, 10**30 + 12]}},
     "overlap or leave gaps"),
    ({"layers.0.bias": {"dtype": "F32", "shape": [-3], "data_offsets": [0, 12]}}, "shape that is not a list"),
    ({"layers.0.bias": {"dtype": "F32", "shape": [3], "data_offsets": [0]}}, "data_offsets that are not"),
    ({"layers.0.bias": "F32"}, "is not described by an object"),
])
def test_damaged_headers(tmp_path, header_extra, message):
    _load_fails(_write(tmp_path / "hostile.safetensors", header_extra=header_extra), message)


def test_data_shorter_or_longer_than_the_header_says(tmp_path):
    path = _write(tmp_path / "m.safetensors")
    whole = path.read_bytes()
    path.write_bytes(whole[:-4])
    _load_fails(path, "truncated: its header promises")
    path.write_bytes(whole + b"\0" * 4)
    _load_fails(path, "4 unexpected bytes after the tensors")


def test_a_50_megabyte_header_is_refused_before_it_is_read(tmp_path):
    import time

    path = tmp_path / "huge-header.safetensors"
    with open(path, "wb") as f:  # sparse: the length says 50 MB and the file really is that long
        f.write((50 * 2**20).to_bytes(8, "little") + b"{")
        f.truncate(8 + 50 * 2**20)
    start = time.perf_counter()
    _load_fails(path, r"its header would be 50 MiB \(at most 4 MiB\)")
    assert time.perf_counter() - start < 0.5


def test_a_file_larger_than_any_model_is_refused_by_its_size(tmp_path):
    from annviz.nn.modelfile import MAX_MODEL_BYTES

    path = tmp_path / "big.safetensors"
    with open(path, "wb") as f:
        f.truncate(MAX_MODEL_BYTES + 1)
    _load_fails(path, "more than a model file may be")


def _load_in_thread(path, seconds=5.0):
    """load_model(path) in a thread that must end within ``seconds``: a hang fails the test."""
    import threading

    outcome = {}

    def run():
        try:
            outcome["result"] = load_model(path)
        except BaseException as error:  # noqa: BLE001 — reported to the test below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"load_model({path}) hung"
    return outcome


def test_a_fifo_is_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "model.safetensors"
    os.mkfifo(fifo)
    error = _load_in_thread(fifo)["error"]
    assert type(error) is ModelFileError
    assert str(error) == f"{fifo}: is not a regular file (a pipe, device or socket), not a model file"


def test_dev_zero_and_a_folder_are_refused(tmp_path):
    error = _load_in_thread("/dev/zero")["error"]
    assert type(error) is ModelFileError and str(error).startswith("/dev/zero: is not a regular file")
    _load_fails(tmp_path, "is a folder, not a model file")


@pytest.mark.parametrize("dtype", [np.float16, np.float64])
def test_files_written_by_the_safetensors_library_in_other_dtypes_load(model_path, dtype):
    """The reference writer, not our hand-made one: header padding and offsets as it lays them out."""
    path, net = model_path
    meta = json.loads(json.loads(path.read_bytes()[8:8 + int.from_bytes(path.read_bytes()[:8], "little")])
                      ["__metadata__"]["annviz"])
    save_file({k: v.astype(dtype) for k, v in load_file(path).items()}, path,
              metadata={"annviz": json.dumps(meta)})
    loaded, _ = load_model(path)
    for got, want in zip(loaded.weights + loaded.biases, net.weights + net.biases):
        assert got.dtype == np.float32
        np.testing.assert_array_equal(got, want.astype(dtype).astype(np.float32))
