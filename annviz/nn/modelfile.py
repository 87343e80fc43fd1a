"""Model files: safetensors with PyTorch ``nn.Linear`` names, validated on load, saved atomically.

Tensors are float32 ``layers.{i}.weight`` (out, in) and ``layers.{i}.bias`` (out,). The metadata
key ``annviz`` holds a JSON object: format_version, layer_sizes, activations, loss, dataset,
class_names, test_accuracy, history and config. Nothing is ever unpickled. A convolutional network
(``ConvNet``) is written as :mod:`annviz.nn.cnnfile` says: ``nn.Sequential`` names, ``layers`` and
``input_shape`` instead of ``layer_sizes`` and ``activations``, format_version 2 (an MLP's file
stays version 1, so that an older annviz still opens it).

Loading follows the rules of :mod:`annviz.safeio`: a regular file of bounded size, a header read
and checked by :mod:`annviz.nn.tensorfile` before any weight, every metadata field of the type it
should have, and one ``ModelFileError`` naming the file for any fault. ``dataset`` is only a
name: readers load it if it names a dataset annviz knows and never treat it as a folder.

A PyTorch network saved without the metadata (``save_file(model.state_dict(), path)``) in a
layout :mod:`annviz.nn.foreign` understands makes ``load_model`` raise ``ForeignModelError``;
``load_foreign`` opens it once the user has said what the file cannot: the hidden layers'
activation and whether the last layer outputs logits.

PyTorch reads annviz's files as they are (``README.md``, "Model files"): the tensors are a
``state_dict`` of an ``nn.ModuleList`` of ``nn.Linear`` named ``layers``.
"""

from __future__ import annotations

import io
import json
import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from annviz.messages import Phrase, kind
from annviz.nn import cnnfile
from annviz.nn.activations import ACTIVATION_NAMES, HIDDEN_ACTIVATIONS, get_activation
from annviz.nn.convnet import ConvNet
from annviz.nn.foreign import ForeignLayout, recognise
from annviz.nn.foreign_cnn import ForeignConvLayout
from annviz.nn.limits import MAX_LAYER_SIZE, MAX_LAYERS, MAX_PARAMETERS
from annviz.nn.losses import LOSS_NAMES, get_loss
from annviz.nn.network import Network
from annviz.nn.tensorfile import (
    MAX_HEADER_BYTES,
    Header,
    TensorEntry,
    check_float,
    file_size,
    read_float32,
    read_header,
)
from annviz.safeio import (
    FileFormatError,
    FilePath,
    check_field,
    check_version,
    guarded,
    loads_json,
    open_regular,
    size_text,
    write_atomic,
)

log = logging.getLogger(__name__)

FORMAT_VERSION = 1              # of an MLP's file; a ConvNet's is cnnfile.FORMAT_VERSION (2)
NEWEST_VERSION = cnnfile.FORMAT_VERSION
METADATA_KEY = "annviz"
RECORDING_KEY = "annviz-run"   # the metadata of a training recording (runfile.py)
KNOWN_FIELDS = ("format_version", "layer_sizes", "activations", "loss", "dataset", "class_names",
                "test_accuracy", "history", "config", "layers", "input_shape")
# The largest model file: the header plus 256 MiB of weights, e.g. 784-2048-2048-2048-10 in F64
# (each load converts one tensor at a time, so memory stays near the float32 network's size).
MAX_MODEL_BYTES = 8 + MAX_HEADER_BYTES + 256 * 2**20


class ModelFileError(FileFormatError):
    """A model file that cannot be used; the message names the file and the fault."""


class ForeignModelError(ModelFileError):
    """A PyTorch network without annviz's metadata, in a layout annviz understands (``layout``):
    ``load_foreign`` opens it with the hidden activation and the kind of output the user gives."""

    def __init__(self, path: FilePath, layout: ForeignLayout | ForeignConvLayout) -> None:
        super().__init__(path, "model.foreign", layout=layout.describe())
        self.layout = layout

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.path, self.layout)


@dataclass
class ModelInfo:
    """What a model file says about the network besides its numbers."""

    loss: str = "cross-entropy"
    dataset: str = "mnist"
    class_names: list[str] = field(default_factory=lambda: [str(d) for d in range(10)])
    test_accuracy: float | None = None
    history: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)


def save_model(path: str | os.PathLike, network: Network | ConvNet, info: ModelInfo | None = None) -> Path:
    """Write ``network`` to ``path`` atomically: a temporary file in the same folder, then rename."""
    return write_atomic(Path(path), model_bytes(network, info))


def model_bytes(network: Network | ConvNet, info: ModelInfo | None = None) -> bytes:
    """What ``save_model`` writes, as bytes (e.g. to embed a model in a setup file)."""
    from safetensors.numpy import save

    info = info or ModelInfo()
    if isinstance(network, ConvNet):
        tensors, architecture = cnnfile.tensors(network), cnnfile.metadata(network)
    else:
        tensors = {}
        for i, (w, b) in enumerate(zip(network.weights, network.biases)):
            tensors[f"layers.{i}.weight"] = w
            tensors[f"layers.{i}.bias"] = b
        architecture = {"format_version": FORMAT_VERSION, "layer_sizes": network.sizes,
                        "activations": network.activation_names}
    tensors = {name: np.ascontiguousarray(t, dtype=np.float32) for name, t in tensors.items()}
    meta = {
        **architecture,
        "loss": info.loss,
        "dataset": info.dataset,
        "class_names": list(info.class_names),
        "test_accuracy": info.test_accuracy,
        "history": info.history,
        "config": info.config,
        **info.extra,
    }
    return save(tensors, metadata={METADATA_KEY: json.dumps(meta)})


@guarded(ModelFileError)
def load_model(path: str | os.PathLike) -> tuple[Network | ConvNet, ModelInfo]:
    """Read and check a model file; raises ModelFileError with one clear sentence on any fault.

    Bounded memory: the header and every declared size are checked before a tensor is read, then
    tensors are read one at a time. Weights stored as F16, BF16 or F64 become float32.
    """
    path = Path(path)
    with open_regular(path, MAX_MODEL_BYTES, ModelFileError, "model") as f:
        return _read_model(f, file_size(f), path)


@guarded(ModelFileError, path_of=lambda args, kwargs: args[1] if len(args) > 1 else kwargs.get("name"))
def load_model_bytes(data: bytes, name: str) -> tuple[Network | ConvNet, ModelInfo]:
    """Read and check a model file's bytes (e.g. a model embedded in a setup file) as ``load_model``
    does; ``name`` stands for the path in messages."""
    if len(data) > MAX_MODEL_BYTES:
        raise ModelFileError(name, "grew_too_large", kind=kind("model"), most=size_text(MAX_MODEL_BYTES))
    return _read_model(io.BytesIO(data), len(data), name)


def _read_model(f: io.BufferedIOBase, size: int, path: FilePath) -> tuple[Network | ConvNet, ModelInfo]:
    """The model in the open file (or buffer) ``f`` of ``size`` bytes."""
    header = read_header(f, size, path, ModelFileError)
    if RECORDING_KEY in header.metadata:
        raise ModelFileError(path, "model.is_recording")
    if METADATA_KEY not in header.metadata:
        raise ForeignModelError(path, recognise(header, path, ModelFileError))
    meta = _annviz_metadata(header.metadata, path)
    if "layers" in meta and "layer_sizes" not in meta:            # a convolutional network
        layers = cnnfile.read_layers(meta, path, ModelFileError)
        entries = cnnfile.expected_tensors(header, layers, path, ModelFileError)
        params = [read_float32(f, header, entry, path, ModelFileError) for entry in entries]
        network = ConvNet(layers, cnnfile.INPUT_SHAPE, params[0::2], params[1::2])
        return network, _info(meta, network.n_outputs, path)
    sizes, activations = _architecture(meta, path)
    entries = _expected_tensors(header, sizes, path)
    params = [read_float32(f, header, entry, path, ModelFileError) for entry in entries]
    return Network(sizes, activations, params[0::2], params[1::2]), _info(meta, sizes[-1], path)


def load_foreign(path: str | os.PathLike, activation: str = "relu", logits: bool = True,
                 arrangement: int | None = None) -> tuple[Network | ConvNet, ModelInfo]:
    """Read a PyTorch network saved without annviz metadata (see :mod:`annviz.nn.foreign`).

    ``activation``: the hidden layers' (one of ``HIDDEN_ACTIVATIONS``). ``logits``: the last
    layer's outputs are logits, so softmax gives the probabilities — as ``nn.CrossEntropyLoss``
    assumes; a network that ends in ``nn.Softmax`` is the same network here, softmax of the last
    layer's z. Otherwise the outputs are used as they are (identity; mean squared error).
    ``arrangement``: for a convolutional network whose file fits several arrangements of padding
    and pooling (``ForeignConvLayout.candidates``), which one, counted from 1; ModelFileError
    ("foreign.ambiguous", listing them) if it is needed and missing or not one of them.
    Raises ModelFileError (ValueError for an activation that is not a hidden one).
    """
    name = get_activation(activation).name
    if name not in HIDDEN_ACTIVATIONS:
        raise ValueError(f"the hidden activation must be one of {', '.join(HIDDEN_ACTIVATIONS)}, "
                         f"not {activation!r}")
    return _load_foreign(Path(path), name, logits, arrangement)


@guarded(ModelFileError)
def _load_foreign(path: Path, name: str, logits: bool, arrangement: int | None) -> tuple[Network | ConvNet, ModelInfo]:
    with open_regular(path, MAX_MODEL_BYTES, ModelFileError, "model") as f:
        header = read_header(f, file_size(f), path, ModelFileError)
        if METADATA_KEY in header.metadata:
            raise ModelFileError(path, "model.is_annviz")
        layout = recognise(header, path, ModelFileError)
        if isinstance(layout, ForeignConvLayout):
            return _load_foreign_cnn(f, header, layout, path, name, logits, arrangement)
        weights: list[np.ndarray] = []
        biases: list[np.ndarray] = []
        for i, (has_bias, n_out) in enumerate(zip(layout.biases, layout.sizes[1:])):
            weights.append(read_float32(f, header, header.tensors[layout.tensor(i, "weight")], path,
                                        ModelFileError))
            biases.append(read_float32(f, header, header.tensors[layout.tensor(i, "bias")], path,
                                       ModelFileError) if has_bias else np.zeros(n_out, np.float32))
    n_layers = len(layout.layers)
    network = Network(layout.sizes, [name] * (n_layers - 1) + ["softmax" if logits else "identity"],
                      weights, biases)
    n_out = layout.sizes[-1]
    info = ModelInfo(loss="cross-entropy" if logits else "mse",
                     class_names=[str(k) for k in range(n_out)],
                     extra={"source": "pytorch", "pytorch_layers": list(layout.layers),
                            "pytorch_dtypes": list(layout.dtypes)})
    log.info("%s: a PyTorch network, %s; hidden activation %s, %s", path, layout.describe(), name,
             "logits → softmax" if logits else "outputs used as they are")
    return network, info


def _load_foreign_cnn(f: io.BufferedIOBase, header: Header, layout: ForeignConvLayout, path: Path, name: str, logits: bool,
                      arrangement: int | None) -> tuple[ConvNet, ModelInfo]:
    """A PyTorch convolutional network (``foreign_cnn``) in arrangement ``arrangement``."""
    n = len(layout.candidates)
    if n == 1 and arrangement is None:
        arrangement = 1
    if arrangement is None or not 1 <= arrangement <= n:
        raise ModelFileError(path, "foreign.ambiguous", n=n, candidates=layout.candidates_text())
    weights: list[np.ndarray] = []
    biases: list[np.ndarray] = []
    for i, has_bias in enumerate(layout.biases):
        weight = read_float32(f, header, header.tensors[layout.tensor(i, "weight")], path, ModelFileError)
        weights.append(weight)
        biases.append(read_float32(f, header, header.tensors[layout.tensor(i, "bias")], path, ModelFileError)
                      if has_bias else np.zeros(weight.shape[0], np.float32))
    layers = layout.network_layers(arrangement - 1, name, "softmax" if logits else "identity")
    network = ConvNet(layers, cnnfile.INPUT_SHAPE, weights, biases)
    info = ModelInfo(loss="cross-entropy" if logits else "mse",
                     class_names=[str(k) for k in range(network.n_outputs)],
                     extra={"source": "pytorch", "pytorch_layers": list(layout.layers),
                            "pytorch_dtypes": list(layout.dtypes),
                            "pytorch_arrangement": layout.arrangement(arrangement - 1)})
    log.info("%s: a PyTorch convolutional network, %s; %s; hidden activation %s, %s", path, layout.describe(),
             layout.arrangement(arrangement - 1), name, "logits → softmax" if logits else "outputs as they are")
    return network, info


def _annviz_metadata(metadata: dict[str, str], path: FilePath) -> dict:
    text = metadata[METADATA_KEY]
    # annviz wrote NaN into free-form fields (a history) with Python's json; those stay readable.
    meta = loads_json(text, path, ModelFileError, what=Phrase("part.metadata"), allow_nonfinite=True)
    if not isinstance(meta, dict):
        raise ModelFileError(path, "model.metadata_not_object")
    check_version(meta.get("format_version"), NEWEST_VERSION, path, ModelFileError)
    return meta


def _architecture(meta: dict, path: FilePath) -> tuple[list[int], list[str]]:
    """The checked layer_sizes and activations of the metadata."""
    sizes = check_field(meta, "layer_sizes", list, path, ModelFileError)
    activations = check_field(meta, "activations", list, path, ModelFileError)
    if sizes is None or activations is None:
        raise ModelFileError(path, "model.lacks_architecture")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in sizes):
        raise ModelFileError(path, "model.sizes_not_ints")
    if not 2 <= len(sizes) <= MAX_LAYERS + 1 or not all(1 <= n <= MAX_LAYER_SIZE for n in sizes):
        shown = sizes if len(sizes) <= 8 else [*sizes[:8], "..."]
        raise ModelFileError(path, "model.sizes_range", sizes=shown, layers=MAX_LAYERS + 1, most=MAX_LAYER_SIZE)
    n_parameters = sum(a * b + b for a, b in zip(sizes, sizes[1:]))
    if n_parameters > MAX_PARAMETERS:
        raise ModelFileError(path, "too_many_parameters", n=f"{n_parameters:,}", most=f"{MAX_PARAMETERS:,}")
    if len(activations) != len(sizes) - 1:
        raise ModelFileError(path, "model.activation_count", n=len(sizes) - 1, m=len(activations))
    for name in activations:
        try:
            get_activation(name if isinstance(name, str) else "")
        except ValueError:
            raise ModelFileError(path, "model.unknown_activation", name=repr(str(name)[:40]),
                                 known=", ".join(ACTIVATION_NAMES)) from None
    return sizes, activations


def _expected_tensors(header: Header, sizes: list[int], path: FilePath) -> list[TensorEntry]:
    """The header's entries for layers.{i}.weight and layers.{i}.bias in layer order, each of the
    shape layer_sizes asks for and of a float dtype; nothing else may be in the file."""
    entries = []
    for i in range(len(sizes) - 1):
        for part, shape in (("weight", (sizes[i + 1], sizes[i])), ("bias", (sizes[i + 1],))):
            name = f"layers.{i}.{part}"
            entry = header.tensors.get(name)
            if entry is None:
                raise ModelFileError(path, "model.tensor_missing", name=name)
            if entry.shape != shape:
                raise ModelFileError(path, "model.tensor_shape", name=name, shape=entry.shape, expected=shape,
                                     sizes=sizes)
            check_float(entry, path, ModelFileError)
            entries.append(entry)
    unexpected = sorted(set(header.tensors) - {e.name for e in entries})
    if unexpected:
        shown = ", ".join(repr(name[:40]) for name in unexpected[:5])
        raise ModelFileError(path, "model.unexpected_tensors", names=shown + (" ..." if len(unexpected) > 5 else ""))
    return entries


def _info(meta: dict, n_outputs: int, path: FilePath) -> ModelInfo:
    """The rest of the metadata, each field of the type ModelInfo promises."""
    def get(key: str, kind: type, default: Any) -> Any:
        return check_field(meta, key, kind, path, ModelFileError, default=default)

    loss = get("loss", str, "cross-entropy")
    try:
        get_loss(loss)
    except ValueError:
        raise ModelFileError(path, "model.unknown_loss", name=repr(loss[:40]), known=", ".join(LOSS_NAMES)) from None
    numbers = [str(k) for k in range(n_outputs)]
    class_names = get("class_names", list, numbers)
    if not all(isinstance(c, str) for c in class_names):
        raise ModelFileError(path, "model.class_names")
    if len(class_names) != n_outputs:  # save_model's default names are ten digits, whatever the net
        class_names = numbers
    accuracy = get("test_accuracy", float, None)
    if accuracy is not None and math.isfinite(accuracy) and not 0 <= accuracy <= 1:
        raise ModelFileError(path, "model.accuracy", value=accuracy)
    return ModelInfo(
        loss=loss,
        dataset=get("dataset", str, "mnist"),
        class_names=class_names,
        test_accuracy=float(accuracy) if accuracy is not None and math.isfinite(accuracy) else None,
        history=get("history", dict, {}),
        config=get("config", dict, {}),
        extra={k: v for k, v in meta.items() if k not in KNOWN_FIELDS},
    )
