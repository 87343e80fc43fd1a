"""A convolutional network's part of a model file: its tensors' names and its ``layers``.

The tensors are the ``state_dict`` of the ``nn.Sequential`` that computes the network
(``layers.torch_modules``): ``0.weight`` (8, 1, 5, 5), ``0.bias`` (8,), ``3.weight`` (16, 8, 5, 5) …
``7.weight`` (10, 784) for the reference net, so ``model.load_state_dict(load_file(path))`` works
in PyTorch as for an MLP's ``layers.{i}``. The metadata (``format_version`` 2; an MLP's file stays
version 1 with its own keys) says what PyTorch's state dict cannot:

    "input_shape": [1, 28, 28],
    "layers": [{"kind": "conv", "filters": 8, "kernel": 5, "padding": 2, "activation": "relu"},
               {"kind": "pool", "size": 2}, …, {"kind": "flatten"},
               {"kind": "dense", "size": 10, "activation": "softmax"}]

Reading checks every entry's fields and the whole sequence (``layers.check_layers``: sizes,
parameters, work per image) before any tensor is read, then each tensor's name and shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from annviz.nn.layers import KINDS, Conv, Dense, Flatten, Layer, LayerError, Pool, check_layers, to_dict, torch_indices
from annviz.nn.tensorfile import Header, TensorEntry, check_float
from annviz.safeio import FileFormatError, FilePath, check_field, describe

if TYPE_CHECKING:
    from annviz.nn.convnet import ConvNet

FORMAT_VERSION = 2          # of a model file holding a convolutional network
INPUT_SHAPE = (1, 28, 28)   # the only input annviz gives a network: one grey 28×28 image
MAX_LISTED = 64             # entries of "layers"
#: Each kind's fields in a file: name → (type, default).
FIELDS: dict[str, dict[str, tuple[type, object]]] = {"conv": {"filters": (int, None), "kernel": (int, None), "padding": (int, 0), "activation": (str, None)},
          "pool": {"size": (int, 2)}, "flatten": {}, "dense": {"size": (int, None), "activation": (str, None)}}


def tensors(network: ConvNet) -> dict[str, np.ndarray]:
    """The network's parameters by their ``nn.Sequential`` names."""
    out = {}
    for l, index in enumerate(i for i in torch_indices(network.layers) if i is not None):
        out[f"{index}.weight"] = network.weights[l]
        out[f"{index}.bias"] = network.biases[l]
    return out


def metadata(network: ConvNet) -> dict[str, Any]:
    return {"format_version": FORMAT_VERSION, "input_shape": list(network.input_shape),
            "layers": [to_dict(layer) for layer in network.layers]}


def read_layers(meta: dict[str, Any], path: FilePath, error: type[FileFormatError]) -> list[Layer]:
    """The checked ``layers`` of a model file's metadata (a list of Conv, Pool, Flatten, Dense)."""
    shape = check_field(meta, "input_shape", list, path, error, default=list(INPUT_SHAPE))
    if shape != list(INPUT_SHAPE):
        raise error(path, "model.input_shape", shape=describe(shape))
    listed = check_field(meta, "layers", list, path, error)
    if len(listed) > MAX_LISTED:
        raise error(path, "model.layers_listed", n=len(listed), most=MAX_LISTED)
    layers: list[Layer] = []
    for i, entry in enumerate(listed):
        if not isinstance(entry, dict):
            raise error(path, "model.layer_not_object", layer=i)
        kind = entry.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            raise error(path, "model.layer_kind", layer=i, name=describe(kind), known=", ".join(KINDS))
        values = {}
        for name, (kind_of, default) in FIELDS[kind].items():
            value = check_field(entry, name, kind_of, path, error, default=default, where=f"layers[{i}].")
            if value is None:
                raise error(path, "field_missing", field=f"layers[{i}].{name}")
            values[name] = value
        layers.append(KINDS[kind](**values))
    try:
        check_layers(layers, INPUT_SHAPE)
    except LayerError as fault:
        raise error(path, fault.code, **fault.values) from None
    return layers


def expected_tensors(header: Header, layers: list[Layer], path: FilePath, error: type[FileFormatError]) -> list[TensorEntry]:
    """The header's entries for each weight layer's ``{index}.weight`` and ``{index}.bias`` in
    layer order, each of the shape the layers ask for and of a float dtype; nothing else."""
    from annviz.nn.layers import shapes

    sizes = shapes(layers, INPUT_SHAPE)
    entries = []
    for i, index in enumerate(torch_indices(layers)):
        if index is None:
            continue
        layer, before = layers[i], sizes[i]
        if isinstance(layer, Conv):
            weight: tuple[int, ...] = (layer.filters, before[0], layer.kernel, layer.kernel)
        elif isinstance(layer, Dense):
            weight = (layer.size, before[0])
        else:
            continue        # torch_indices numbers only convolutions and dense layers
        for kind, shape in (("weight", weight), ("bias", weight[:1])):
            name = f"{index}.{kind}"
            entry = header.tensors.get(name)
            if entry is None:
                raise error(path, "model.tensor_missing", name=name)
            if entry.shape != shape:
                raise error(path, "model.conv_tensor_shape", name=name, shape=entry.shape, expected=shape)
            check_float(entry, path, error)
            entries.append(entry)
    unexpected = sorted(set(header.tensors) - {e.name for e in entries})
    if unexpected:
        shown = ", ".join(repr(name[:40]) for name in unexpected[:5])
        raise error(path, "model.unexpected_tensors", names=shown + (" ..." if len(unexpected) > 5 else ""))
    return entries


__all__ = ["FORMAT_VERSION", "INPUT_SHAPE", "Conv", "Dense", "Flatten", "Pool", "expected_tensors",
           "metadata", "read_layers", "tensors"]
