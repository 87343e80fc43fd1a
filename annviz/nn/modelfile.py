"""Model files: safetensors with PyTorch ``nn.Linear`` names, validated on load, saved atomically.

Tensors are float32 ``layers.{i}.weight`` (out, in) and ``layers.{i}.bias`` (out,). The metadata
key ``annviz`` holds a JSON object: format_version, layer_sizes, activations, loss, dataset,
class_names, test_accuracy, history and config. Nothing is ever unpickled.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from annviz.nn.activations import ACTIVATION_NAMES, get_activation
from annviz.nn.network import Network

FORMAT_VERSION = 1
METADATA_KEY = "annviz"


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and the fault."""


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


def save_model(path: str | os.PathLike, network: Network, info: ModelInfo | None = None) -> Path:
    """Write ``network`` to ``path`` atomically: a temporary file in the same folder, then rename."""
    from safetensors.numpy import save

    info = info or ModelInfo()
    path = Path(path)
    tensors = {}
    for i, (w, b) in enumerate(zip(network.weights, network.biases)):
        tensors[f"layers.{i}.weight"] = np.ascontiguousarray(w, dtype=np.float32)
        tensors[f"layers.{i}.bias"] = np.ascontiguousarray(b, dtype=np.float32)
    meta = {
        "format_version": FORMAT_VERSION,
        "layer_sizes": network.sizes,
        "activations": network.activation_names,
        "loss": info.loss,
        "dataset": info.dataset,
        "class_names": list(info.class_names),
        "test_accuracy": info.test_accuracy,
        "history": info.history,
        "config": info.config,
        **info.extra,
    }
    data = save(tensors, metadata={METADATA_KEY: json.dumps(meta)})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(path))  # mkstemp makes 0600; a model file is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, or that of a new file under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def load_model(path: str | os.PathLike) -> tuple[Network, ModelInfo]:
    """Read and check a model file; raises ModelFileError with one clear sentence on any fault."""
    path = Path(path)

    def fail(fault: str) -> ModelFileError:
        return ModelFileError(f"{path}: {fault}")

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as e:
        raise fail(f"cannot be read ({e.strerror or e})") from None
    tensors, meta = _parse(raw, fail)
    try:
        sizes = [int(n) for n in meta["layer_sizes"]]
        activations = [str(a) for a in meta["activations"]]
    except (KeyError, TypeError, ValueError):
        raise fail("its annviz metadata lacks layer_sizes or activations") from None
    if len(sizes) < 2 or min(sizes) < 1:
        raise fail(f"layer_sizes {sizes} do not describe a network")
    if len(activations) != len(sizes) - 1:
        raise fail(f"{len(sizes) - 1} layers but {len(activations)} activations")
    for name in activations:
        try:
            get_activation(name)
        except ValueError:
            raise fail(f"unknown activation {name!r} (known: {', '.join(ACTIVATION_NAMES)})") from None
    weights, biases = [], []
    for i in range(len(sizes) - 1):
        for kind, shape, out in (("weight", (sizes[i + 1], sizes[i]), weights),
                                 ("bias", (sizes[i + 1],), biases)):
            name = f"layers.{i}.{kind}"
            if name not in tensors:
                raise fail(f"tensor {name} is missing")
            t = tensors[name]
            if t.shape != shape:
                raise fail(f"tensor {name} has shape {t.shape}, expected {shape} from layer_sizes {sizes}")
            if not np.isfinite(t).all():
                raise fail(f"tensor {name} holds NaN or infinite numbers")
            out.append(t.astype(np.float32))
    unexpected = set(tensors) - {f"layers.{i}.{k}" for i in range(len(sizes) - 1) for k in ("weight", "bias")}
    if unexpected:
        raise fail(f"unexpected tensors {sorted(unexpected)}")
    info = _info(meta)
    return Network(sizes, activations, weights, biases), info


def _parse(raw: bytes, fail) -> tuple[dict[str, np.ndarray], dict]:
    """The tensors and the annviz metadata of a safetensors file, or a ModelFileError."""
    from safetensors import SafetensorError
    from safetensors.numpy import load

    if len(raw) < 8:
        raise fail("too short to be a model file (truncated or empty)")
    header_len = int.from_bytes(raw[:8], "little")
    if header_len > len(raw) - 8:
        raise fail("not a safetensors model file, or truncated (header runs past the end)")
    try:
        header = json.loads(raw[8:8 + header_len])
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise fail("not a safetensors model file (its header is not JSON)") from None
    if not isinstance(header, dict):
        raise fail("not a safetensors model file")
    meta_text = (header.get("__metadata__") or {}).get(METADATA_KEY)
    if meta_text is None:
        raise fail("a safetensors file, but not an annviz model (no 'annviz' metadata)")
    try:
        meta = json.loads(meta_text)
    except json.JSONDecodeError:
        raise fail("its annviz metadata is not valid JSON") from None
    if not isinstance(meta, dict):
        raise fail("its annviz metadata is not a JSON object")
    version = meta.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise fail(f"format_version {version!r} is not one this annviz reads (≤ {FORMAT_VERSION})")
    try:
        tensors = load(raw)
    except (SafetensorError, ValueError, TypeError) as e:
        raise fail(f"corrupt or truncated tensor data ({e})") from None
    for name, t in tensors.items():
        if t.dtype not in (np.float32, np.float64, np.float16):
            raise fail(f"tensor {name} has dtype {t.dtype}, expected float32")
    return tensors, meta


def _info(meta: dict) -> ModelInfo:
    known = {"format_version", "layer_sizes", "activations", "loss", "dataset", "class_names",
             "test_accuracy", "history", "config"}
    acc = meta.get("test_accuracy")
    class_names = meta.get("class_names") or [str(d) for d in range(int(meta["layer_sizes"][-1]))]
    return ModelInfo(
        loss=str(meta.get("loss", "cross-entropy")),
        dataset=str(meta.get("dataset", "mnist")),
        class_names=[str(c) for c in class_names],
        test_accuracy=float(acc) if isinstance(acc, (int, float)) and math.isfinite(acc) else None,
        history=meta.get("history") if isinstance(meta.get("history"), dict) else {},
        config=meta.get("config") if isinstance(meta.get("config"), dict) else {},
        extra={k: v for k, v in meta.items() if k not in known},
    )
