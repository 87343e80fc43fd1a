"""The way out to PyTorch: a self-contained script that defines the same network and goes on.

``write_pytorch_script(path, network, info)`` writes ``path`` (a ``.py``) and, beside it, the
model as an annviz file of the same name (``.safetensors``), which PyTorch loads as it is. The
script defines the network (an MLP: an ``nn.ModuleList`` of ``nn.Linear``; a convolutional
network: the ``nn.Sequential`` of ``nn.Conv2d``, activations, ``nn.MaxPool2d``, ``nn.Flatten`` and
``nn.Linear`` whose state dict annviz's file is), loads the weights, evaluates
them on MNIST read from local IDX files — never a download — and can train further with the
optimizer, learning rate, schedule, label smoothing, batch size, L2 and augmentation the model was
trained with
(its file's ``config``; annviz's defaults when it has none). ``--save`` writes an annviz model file
again.

The program is ``annviz/pytorch_template.py``, a module of its own that ruff checks and the tests
compile; the export writes the network's values into its block "This network" (``fill``), each as
a Python literal in place of the template's own (so no name, number or file name can break the
program), and changes nothing else.

No Qt, no torch here: the window's File → Export → "PyTorch script…" and the tests call it.
"""

from __future__ import annotations

import ast
import errno
import json
import math
import os
from pathlib import Path

from annviz import __version__
from annviz.nn.config import TrainConfig
from annviz.nn.layers import to_dict
from annviz.nn.modelfile import ModelInfo, save_model
from annviz.nn.network import Network
from annviz.safeio import write_atomic

TEMPLATE = Path(__file__).with_name("pytorch_template.py")   # the program, a module of its own
BEGIN, END = "# --- This network", "# --- end of this network"  # the lines around its values block

# what the template's program knows (its ACTIVATION_FUNCTIONS, loss_fn, make_optimizer)
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity", "softmax", "step")
LOSSES = ("cross-entropy", "mse")
OPTIMIZERS = ("sgd", "momentum", "adam")


def script_paths(path: str | os.PathLike) -> tuple[Path, Path]:
    """(the script, the model file beside it) that ``write_pytorch_script(path, …)`` writes."""
    script = Path(path)
    if script.suffix != ".py":
        script = script.with_name(script.name + ".py")
    return script, script.with_suffix(".safetensors")


def write_pytorch_script(path: str | os.PathLike, network: Network, info: ModelInfo,
                         replace_weights: bool = False) -> tuple[Path, Path]:
    """Write the script ``path`` and the model beside it; returns (script, model file).

    The user names the script only: a model file already beside it (say the learner's own
    ``seq.safetensors`` beside ``seq.py``) is never replaced unless ``replace_weights`` —
    FileExistsError names it, so that the caller can ask."""
    script, weights = script_paths(path)
    if weights.exists() and not replace_weights:
        raise FileExistsError(errno.EEXIST, "a file the export did not name would be replaced", str(weights))
    text = pytorch_script(network, info, weights.name, script.name)
    save_model(weights, network, info)
    write_atomic(script, text.encode("utf-8"), mode=0o777)   # a script one may run as ./name.py
    return script, weights


def training_config(info: ModelInfo) -> tuple[TrainConfig, bool]:
    """The model's training settings, and whether its file recorded them (else the defaults)."""
    try:
        return TrainConfig.from_dict(info.config).validate(), bool(info.config)
    except (TypeError, ValueError):
        return TrainConfig(), False


def pytorch_script(network, info: ModelInfo, weights_name: str, script_name: str) -> str:
    """The text of the script for ``network`` (an MLP or a ConvNet), whose weights are in
    ``weights_name`` beside it: the template with this network's values (``script_name`` is kept
    for the callers; the program's help names itself)."""
    config, _ = training_config(info)
    unknown = [f"the activation {name!r}" for name in dict.fromkeys(network.activation_names) if name not in ACTIVATIONS]
    unknown += [f"the loss {info.loss!r}"] if info.loss not in LOSSES else []
    unknown += [f"the optimizer {config.optimizer!r}"] if config.optimizer not in OPTIMIZERS else []
    if unknown:
        raise ValueError("the PyTorch script does not know " + ", ".join(unknown))
    return fill(TEMPLATE.read_text(encoding="utf-8"), network_values(network, info, weights_name))


def network_values(network, info: ModelInfo, weights_name: str) -> dict[str, object]:
    """The values of the template's block "This network" for ``network`` and its file's ``info``."""
    config, recorded = training_config(info)
    return {
        "TITLE": Path(weights_name).stem, "NETWORK": network.describe(), "ANNVIZ_VERSION": __version__,
        "WEIGHTS_FILE": weights_name,
        "SIZES": list(network.sizes) if network.is_mlp else None,
        "LAYERS": None if network.is_mlp else [to_dict(layer) for layer in network.layers],
        "ACTIVATIONS": list(network.activation_names), "LOSS": info.loss, "SETTINGS_RECORDED": recorded,
        "OPTIMIZER": config.optimizer, "LR": config.lr, "MOMENTUM": config.momentum,
        "WEIGHT_DECAY": config.weight_decay, "SCHEDULE": config.schedule,
        "LABEL_SMOOTHING": config.label_smoothing, "BATCH_SIZE": config.batch_size, "AUGMENT": config.augment,
        "SEED": config.seed, "DATASET": info.dataset,
    }


def values_block(text: str) -> tuple[int, int]:
    """(first, last) line numbers (from 1) of the values block of the program ``text``, its two
    marking lines included."""
    lines = text.splitlines()
    begin = [i for i, line in enumerate(lines, 1) if line.startswith(BEGIN)]
    end = [i for i, line in enumerate(lines, 1) if line.startswith(END)]
    if len(begin) != 1 or len(end) != 1 or end[0] < begin[0]:
        raise ValueError("the template has no single values block")
    return begin[0], end[0]


def fill(template: str, values: dict[str, object]) -> str:
    """``template`` with the value of each assignment ``NAME = …`` of its values block replaced by
    ``values[NAME]`` as a Python literal (and nothing else changed). Every name of the block must
    be given, and only those: a value can only ever be a literal, never code."""
    first, last = values_block(template)
    lines = template.splitlines(keepends=True)
    targets = {}
    for node in ast.parse(template).body:
        if first < node.lineno < last:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and node.lineno == node.end_lineno):
                raise ValueError(f"line {node.lineno} of the values block is not NAME = value")
            targets[node.targets[0].id] = node.value
    if set(targets) != set(values):
        raise ValueError(f"the values block names {sorted(targets)}, the network {sorted(values)}")
    for name, node in targets.items():
        line = lines[node.lineno - 1].encode("utf-8")    # ast counts columns in UTF-8 bytes
        new = _literal(values[name]).encode("utf-8")
        lines[node.lineno - 1] = (line[:node.col_offset] + new + line[node.end_col_offset:]).decode("utf-8")
    return "".join(lines)


def _literal(value) -> str:
    """A Python literal for None, a number, a bool, a string, or a list or dict of them; strings in
    double quotes; a list of dicts one per line."""
    if value is None:
        return "None"
    if isinstance(value, str):
        # also a Python string literal; any character not printable (a line break, a lone
        # surrogate) escaped, and then every one beyond ASCII
        return json.dumps(value, ensure_ascii=not value.isprintable())
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, dict) for v in value):
            return "[\n" + "".join(f"    {_literal(v)},\n" for v in value) + "]"
        return "[" + ", ".join(map(_literal, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(str(k))}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool) or (isinstance(value, (int, float)) and math.isfinite(value)):
        return repr(value)
    raise TypeError(f"no literal for {value!r}")
