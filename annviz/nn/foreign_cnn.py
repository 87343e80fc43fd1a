"""PyTorch convolutional networks saved without annviz's metadata: their layers, and the padding
and pooling their file cannot say.

``save_file(model.state_dict(), "cnn.safetensors")`` of ``nn.Sequential(nn.Conv2d(1, 8, 5,
padding=2), nn.ReLU(), nn.MaxPool2d(2), …, nn.Flatten(), nn.Linear(784, 10))`` keeps each
``nn.Conv2d``'s kernels (filters, channels, k, k) and each ``nn.Linear``'s weights, named as for an
MLP (``0.weight``, ``conv1.weight`` and ``fc1.weight``, ``features.0.weight`` and
``classifier.1.weight`` …): the convolutions come first, in the order of their numbers, then the
linear layers. What no tensor records is each convolution's padding and whether a 2×2 max-pool
follows it. The first ``nn.Linear``'s ``in_features`` = filters × height × width of the last maps
tells them apart: every arrangement of padding (none, or half the kernel: "same") and pools
after each convolution is tried on a 28×28 image, and those that give ``in_features`` are the
candidates. One candidate: it is the network. Several: the user says which (the foreign-model
dialog; ``--arrangement N`` on the command line). The activations and the output are asked as
for an MLP.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from annviz.nn.layers import (
    MAX_CONV_LAYERS,
    MAX_DENSE,
    MAX_DENSE_LAYERS,
    MAX_FILTERS,
    MAX_KERNEL,
    Conv,
    Dense,
    Flatten,
    Layer,
    LayerError,
    Pool,
    check_layers,
)
from annviz.nn.limits import MAX_PARAMETERS
from annviz.nn.tensorfile import Header, TensorEntry, check_float
from annviz.safeio import FileFormatError, FilePath

N_CHANNELS, SIDE = 1, 28            # one grey 28×28 image
#: foreign.recognise's: refuse(code, **values) makes the error naming the file
Refuse = Callable[..., FileFormatError]
#: foreign._keys: each module name's (parent, letters before its number) and number
KeysOf = Callable[[list[str], Refuse], dict[str, tuple[tuple[str, str], int]]]
Modules = dict[str, dict[str, TensorEntry]]   # module name → its "weight" and "bias" entries


@dataclass(frozen=True)
class ForeignConvLayout:
    """A recognised PyTorch convolutional network: its modules in order, and the arrangements of
    padding and pooling that fit its shapes."""

    convs: tuple[str, ...]                       # nn.Conv2d module names, in order
    kernels: tuple[tuple[int, int, int], ...]    # (filters, channels, k) of each
    linears: tuple[str, ...]                     # nn.Linear module names, in order
    sizes: tuple[int, ...]                       # the linear layers' sizes, in_features first
    biases: tuple[bool, ...]                     # has a bias tensor: the convs', then the linears'
    dtypes: tuple[str, ...]
    #: each fitting arrangement: (padding of each conv, whether a 2×2 max-pool follows it)
    candidates: tuple[tuple[tuple[int, ...], tuple[bool, ...]], ...]
    kind: ClassVar[str] = "cnn"

    @property
    def layers(self) -> tuple[str, ...]:
        return self.convs + self.linears

    def tensor(self, layer: int, kind: str) -> str:
        """The name of module ``layer``'s (convolutions first) "weight" or "bias" tensor."""
        return f"{self.layers[layer]}.{kind}"

    def describe(self) -> str:
        """``conv 5×5 ×8, conv 5×5 ×16, 784-10, layers 0, 3, 7``."""
        convs = ", ".join(f"conv {k}×{k} ×{f}" for f, _, k in self.kernels)
        names = ", ".join(self.layers) if len(self.layers) <= 5 else \
            f"{', '.join(self.layers[:2])}, …, {self.layers[-1]}"
        return f"{convs}, {'-'.join(map(str, self.sizes))}, layers {names}"

    def arrangement(self, j: int) -> str:
        """Candidate j in words: ``pad 2, pool → pad 2, pool``."""
        paddings, pools = self.candidates[j]
        return " → ".join(f"pad {p}" + (", pool" if pool else "") for p, pool in zip(paddings, pools))

    def candidates_text(self) -> str:
        return "; ".join(f"{j + 1}: {self.arrangement(j)}" for j in range(len(self.candidates)))

    def network_layers(self, j: int, activation: str, output: str) -> list[Layer]:
        """The layers of candidate j: ``activation`` after every convolution and hidden linear
        layer, ``output`` on the last."""
        paddings, pools = self.candidates[j]
        layers: list[Layer] = []
        for (f, _, k), p, pool in zip(self.kernels, paddings, pools):
            layers.append(Conv(f, k, p, activation))
            if pool:
                layers.append(Pool())
        layers.append(Flatten())
        sizes = self.sizes
        layers += [Dense(n, activation) for n in sizes[1:-1]] + [Dense(sizes[-1], output)]
        return layers


def recognise_cnn(modules: Modules, header: Header, path: FilePath, error: type[FileFormatError], refuse: Refuse,
                  keys_of: KeysOf) -> ForeignConvLayout:
    """The layout of the convolutional network whose modules (name → {"weight", "bias"} entries)
    ``header`` holds; ``refuse(code, **values)`` makes the error and ``keys_of(names, refuse)``
    reads the numbers in the modules' names (both foreign.recognise's: passed in, so that this
    module does not import the one that imports it)."""
    for name, parts in modules.items():
        if "weight" not in parts:
            raise refuse("foreign.bias_no_weight", name=name[:60] or "weight")
        shape = parts["weight"].shape
        if len(shape) == 4 and shape[2] != shape[3] or len(shape) not in (2, 4):
            raise refuse("foreign.conv_kernel", name=parts["weight"].name[:60], shape=shape)
    keys = keys_of(list(modules), refuse)
    convs = sorted((m for m in modules if len(modules[m]["weight"].shape) == 4), key=lambda m: keys[m][1])
    linears = sorted((m for m in modules if len(modules[m]["weight"].shape) == 2), key=lambda m: keys[m][1])
    for group in (convs, linears):
        if len({keys[m][0] for m in group}) > 1:
            raise refuse("foreign.patterns", names=", ".join(name[:60] for name in sorted(group)[:4]))
    if not linears:
        raise refuse("foreign.conv_no_linear")
    if keys[convs[0]][0] == keys[linears[0]][0] and keys[linears[0]][1] < keys[convs[-1]][1]:
        late = next(m for m in convs if keys[m][1] > keys[linears[0]][1])
        raise refuse("foreign.conv_order", name=late[:60])
    if len(convs) > MAX_CONV_LAYERS or len(linears) > MAX_DENSE_LAYERS:
        raise refuse("model.layers_count", conv=len(convs), dense=len(linears), most_conv=MAX_CONV_LAYERS,
                     most_dense=MAX_DENSE_LAYERS)
    kernels, channels = [], N_CHANNELS
    for m in convs:
        f, c, k, _ = modules[m]["weight"].shape
        if c != channels:
            raise refuse("foreign.conv_channels", name=m[:60], n=c, m=channels)
        if not (1 <= f <= MAX_FILTERS and 1 <= k <= MAX_KERNEL):
            raise refuse("foreign.conv_size", name=m[:60], filters=f, kernel=k, most_filters=MAX_FILTERS,
                         most_kernel=MAX_KERNEL)
        kernels.append((f, c, k))
        channels = f
    sizes: list[int] = []
    for m in linears:
        n_out, n_in = modules[m]["weight"].shape
        if sizes and n_in != sizes[-1]:
            raise refuse("foreign.chain", name=modules[m]["weight"].name[:60], n=n_in, m=sizes[-1])
        if not 1 <= n_out <= MAX_DENSE:
            raise refuse("foreign.layer_size", name=m[:60], n=n_out, most=MAX_DENSE)
        sizes += [n_in, n_out] if not sizes else [n_out]
    for m in convs + linears:
        weight, bias = modules[m]["weight"], modules[m].get("bias")
        if bias is not None and bias.shape != weight.shape[:1]:
            raise refuse("foreign.bias_shape", name=bias.name[:60], shape=bias.shape,
                         expected=f"({weight.shape[0]},)", weight=weight.name[:60], wshape=weight.shape)
        for entry in (weight, bias):
            if entry is not None:
                check_float(entry, path, error)
    n_parameters = sum(math.prod(e.shape) for e in header.tensors.values())
    if n_parameters > MAX_PARAMETERS:
        raise error(path, "too_many_parameters", n=f"{n_parameters:,}", most=f"{MAX_PARAMETERS:,}")
    candidates = _candidates(kernels, sizes[0])
    if not candidates:
        raise refuse("foreign.conv_no_fit", name=linears[0][:60], n=sizes[0])
    layout = ForeignConvLayout(tuple(convs), tuple(kernels), tuple(linears), tuple(sizes),
                               tuple("bias" in modules[m] for m in convs + linears),
                               tuple(sorted({e.dtype for e in header.tensors.values()})), tuple(candidates))
    fitting: list[tuple[tuple[int, ...], tuple[bool, ...]]] = []
    fault: LayerError | None = None
    for j in range(len(candidates)):
        try:
            check_layers(layout.network_layers(j, "relu", "softmax"))
            fitting.append(candidates[j])
        except LayerError as e:
            fault = fault or e
    if not fitting and fault is not None:     # every candidate failed: say why the first did
        raise refuse(fault.code, **fault.values)
    return dataclasses.replace(layout, candidates=tuple(fitting))


def _candidates(kernels: list[tuple[int, int, int]], in_features: int
                ) -> list[tuple[tuple[int, ...], tuple[bool, ...]]]:
    """Every (paddings, pools) with which the convolutions turn a 28×28 image into
    ``in_features`` numbers: padding none or half the kernel, a 2×2 max-pool after a
    convolution or not. Sizes that vanish end a branch early."""
    found: list[tuple[tuple[int, ...], tuple[bool, ...]]] = []

    def walk(i: int, side: int, paddings: tuple[int, ...], pools: tuple[bool, ...]) -> None:
        if i == len(kernels):
            if kernels[-1][0] * side * side == in_features:
                found.append((paddings, pools))
            return
        k = kernels[i][2]
        for p in sorted({0, (k - 1) // 2, k // 2}):
            after = side + 2 * p - k + 1
            if after < 1:
                continue
            walk(i + 1, after, paddings + (p,), pools + (False,))
            if after >= 2:
                walk(i + 1, after // 2, paddings + (p,), pools + (True,))

    walk(0, SIDE, (), ())
    return found


