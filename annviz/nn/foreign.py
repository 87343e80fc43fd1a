"""PyTorch networks saved without annviz's metadata: which key layouts annviz understands.

A learner who trains ``nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(),
nn.Linear(128, 10))`` and runs ``save_file(model.state_dict(), "mlp.safetensors")`` has a file
of tensors only. The tensors' names give the order of the layers and their shapes the sizes;
what the file cannot say — the activation between the layers (modules without parameters leave
no tensor) and whether the last layer's outputs are logits — the user answers
(``modelfile.load_foreign``).

Understood: every tensor is the weight (out, in) or the bias (out,) of a ``nn.Linear``, and the
layers' names are one shared prefix followed by a number that gives their order:

- ``layers.0.weight``, ``layers.1.weight`` …: an ``nn.ModuleList`` (annviz's own names);
- ``0.weight``, ``2.weight`` … or ``net.0.weight`` …: an ``nn.Sequential`` — the gaps are where
  the activations sit, and a leading ``nn.Flatten`` makes the first index 1;
- ``fc1.weight``, ``fc2.weight`` … (or ``linear1``, ``layer_1`` …): layers named with a number;
- ``weight`` and ``bias``: one ``nn.Linear`` saved on its own (a linear classifier).

The shapes must chain from 784 inputs (a 28×28 image). A layer saved without a bias
(``bias=False``) gets zeros. Nothing here reads a weight: :func:`recognise` looks at the header.
A file with ``nn.Conv2d`` kernels (4-D weights) is a convolutional network: :mod:`annviz.nn.foreign_cnn`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from annviz.messages import Phrase
from annviz.nn.limits import MAX_LAYER_SIZE, MAX_LAYERS, MAX_PARAMETERS
from annviz.nn.tensorfile import Header, check_float
from annviz.safeio import FileFormatError, FilePath

if TYPE_CHECKING:   # recognise imports it for a convolutional network only
    from annviz.nn.foreign_cnn import ForeignConvLayout, Modules, Refuse

N_INPUTS = 784  # a 28×28 image, the only input annviz gives a network
MAX_NUMBER_DIGITS = 9   # the number that orders a layer's name (fc1, layers.12)
_NUMBERED = re.compile(r"(?P<stem>[A-Za-z_]*?)_?(?P<number>\d+)")


@dataclass(frozen=True)
class ForeignLayout:
    """A recognised PyTorch network: its layers' names in order, and the sizes they chain."""

    layers: tuple[str, ...]       # module names, e.g. ("net.1", "net.3"); ("",) for a lone nn.Linear
    sizes: tuple[int, ...]        # neurons per layer, the input included: (784, 128, 10)
    biases: tuple[bool, ...]      # whether each layer has a bias tensor
    dtypes: tuple[str, ...]       # the dtypes stored, e.g. ("BF16",)
    kind: ClassVar[str] = "mlp"   # a convolutional network's: foreign_cnn.ForeignConvLayout

    def tensor(self, layer: int, kind: str) -> str:
        """The name of layer ``layer``'s "weight" or "bias" tensor."""
        return f"{self.layers[layer]}.{kind}" if self.layers[layer] else kind

    def describe(self) -> str:
        """``784-128-10, layers net.1, net.3``."""
        if self.layers == ("",):
            return f"{'-'.join(map(str, self.sizes))}, one nn.Linear"
        names = ", ".join(self.layers) if len(self.layers) <= 4 else \
            f"{', '.join(self.layers[:2])}, …, {self.layers[-1]}"
        return f"{'-'.join(map(str, self.sizes))}, layers {names}"


def recognise(header: Header, path: FilePath, error: type[FileFormatError] = FileFormatError
              ) -> ForeignLayout | ForeignConvLayout:
    """The layout of the network whose tensors ``header`` describes, or ``error`` saying what is
    not understood and what is."""
    def refuse(code: str, **values: Any) -> FileFormatError:
        return error(path, "foreign.refused", fault=Phrase(code, **values), n_inputs=N_INPUTS)

    if not header.tensors:
        raise refuse("foreign.no_tensors")
    modules: Modules = {}
    for name, entry in header.tensors.items():
        module, _, kind = name.rpartition(".")  # "" for a lone nn.Linear's "weight" and "bias"
        if kind not in ("weight", "bias"):
            raise refuse("foreign.not_layer", name=repr(name[:60]))
        modules.setdefault(module, {})[kind] = entry
    if any(len(m["weight"].shape) == 4 for m in modules.values() if "weight" in m):
        from annviz.nn.foreign_cnn import recognise_cnn  # a convolutional network

        return recognise_cnn(modules, header, path, error, refuse, _keys)
    order = [""] if list(modules) == [""] else _order(list(modules), refuse)
    if len(order) > MAX_LAYERS:
        raise refuse("foreign.too_many_layers", n=len(order), most=MAX_LAYERS)
    sizes: list[int] = []
    for module in order:
        weight, bias = modules[module].get("weight"), modules[module].get("bias")
        shown = module[:60] or "nn.Linear"
        if weight is None:
            raise refuse("foreign.bias_no_weight", name=shown)
        if len(weight.shape) != 2:
            raise refuse("foreign.not_linear", name=weight.name[:60], shape=weight.shape)
        n_out, n_in = weight.shape
        if bias is not None and bias.shape != (n_out,):
            raise refuse("foreign.bias_shape", name=bias.name[:60], shape=bias.shape, expected=f"({n_out},)",
                         weight=weight.name[:60], wshape=weight.shape)
        if not sizes:
            if n_in != N_INPUTS:
                raise refuse("foreign.first_inputs", name=shown, n=n_in, n_inputs=N_INPUTS)
            sizes.append(n_in)
        elif n_in != sizes[-1]:
            raise refuse("foreign.chain", name=weight.name[:60], n=n_in, m=sizes[-1])
        if not 1 <= n_out <= MAX_LAYER_SIZE:
            raise refuse("foreign.layer_size", name=shown, n=n_out, most=MAX_LAYER_SIZE)
        sizes.append(n_out)
        for tensor in (weight, bias):
            if tensor is not None:
                check_float(tensor, path, error)
    n_parameters = sum(a * b + b for a, b in zip(sizes, sizes[1:]))
    if n_parameters > MAX_PARAMETERS:
        raise error(path, "too_many_parameters", n=f"{n_parameters:,}", most=f"{MAX_PARAMETERS:,}")
    dtypes = tuple(sorted({e.dtype for e in header.tensors.values()}))
    return ForeignLayout(tuple(order), tuple(sizes), tuple("bias" in modules[m] for m in order), dtypes)


def _keys(modules: list[str], refuse: Refuse) -> dict[str, tuple[tuple[str, str], int]]:
    """Each module name's pattern (its parent and the letters before its number) and number."""
    keys: dict[str, tuple[tuple[str, str], int]] = {}
    for module in modules:
        parent, _, leaf = module.rpartition(".")
        match = _NUMBERED.fullmatch(leaf)
        if match is None:
            shown = module[:60] or "weight"
            raise refuse("foreign.no_number", name=repr(shown))
        if len(match["number"]) > MAX_NUMBER_DIGITS:
            raise refuse("foreign.number_too_long", name=repr(module[:60] + ("…" if len(module) > 60 else "")),
                         digits=len(match["number"]),
                         most=MAX_NUMBER_DIGITS)
        keys[module] = (parent, match["stem"]), int(match["number"])
    return keys


def _order(modules: list[str], refuse: Refuse) -> list[str]:
    """The module names sorted by their number, if they share a prefix and differ by a number."""
    keys = _keys(modules, refuse)
    patterns = {pattern for pattern, _ in keys.values()}
    if len(patterns) > 1:
        shown = sorted(modules)[:4]
        raise refuse("foreign.patterns", names=", ".join(name[:60] for name in shown))
    return sorted(modules, key=lambda m: keys[m][1])
