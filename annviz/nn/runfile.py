"""Training recordings on disk: the ``.annviz-run`` file (a safetensors file of its own kind), read
here; runwriter.py writes it.

A model file holds one network and loads in PyTorch as it is; a recording holds a whole run — every
moment's float16 weights, and at epoch ends the float32 weights, the optimizer's arrays and the
batch losses so far — so it gets its own extension, and File → Open model never offers it.

Layout: tensors ``m{i}.w{l}`` / ``m{i}.b{l}`` (F16: moment ``i``'s pictures); for a moment with a
state ``s{i}.w{l}``, ``s{i}.b{l}``, ``s{i}.opt{k}`` and, when the last good weights differ from
them, ``s{i}.good.w{l}``, ``s{i}.good.b{l}`` (F32); the run's batch losses ``history.loss.x``,
``history.loss.y`` (F64) once it has ended. The metadata key ``annviz-run`` holds JSON with
``format_version``, the configuration, the architecture and one entry per moment (step, epoch,
loss, learning rate, and for a state its scalars: the optimizer's step count, the shuffling
generator, the divergence detector, the epoch records). Read with the same limits as model files
(safeio.py): every field's type and every tensor's shape is checked before anything is used.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from annviz.nn.activations import get_activation
from annviz.nn.config import MAX_LAYER_SIZE, MAX_LAYERS, TrainConfig
from annviz.nn.history import BoundedSeries, EpochRecord, History
from annviz.nn.modelfile import RECORDING_KEY
from annviz.nn.recording import Moment, Recording, picture_copy
from annviz.nn.tensorfile import Header, file_size, read_float32, read_header
from annviz.nn.trainer import TrainerState
from annviz.safeio import (FileFormatError, check_field, check_version, loads_json, open_regular,
                           read_exactly)

EXTENSION = ".annviz-run"
FORMAT_VERSION = 1
METADATA_KEY = RECORDING_KEY
MAX_RUN_FILE_BYTES = 1 * 2**30
OPTIMIZER_ARRAYS = {"sgd": 0, "momentum": 1, "adam": 2}   # arrays per parameter


class RunFileError(FileFormatError):
    """A recording that cannot be read; the message names the file."""


# --- reading ------------------------------------------------------------------------------------

def load_recording(path: str | os.PathLike) -> Recording:
    """Read and check a recording; raises RunFileError with one clear sentence on any fault."""
    path = Path(path)
    with open_regular(path, MAX_RUN_FILE_BYTES, RunFileError, "a training recording") as f:
        header = read_header(f, file_size(f), path, RunFileError)
        meta = _metadata(header, path)
        reader = _Reader(f, header, path)
        try:
            return _recording(meta, reader, path)
        except (KeyError, TypeError, ValueError, OverflowError) as error:
            if isinstance(error, RunFileError):
                raise
            raise RunFileError(path, f"damaged recording ({type(error).__name__}: {error})"[:300]) from None


class _Reader:
    """Tensors by name, each checked for its expected shape (and read as float32)."""

    def __init__(self, f, header: Header, path: Path):
        self.f, self.header, self.path = f, header, path

    def tensor(self, name: str, shape: tuple[int, ...], dtype=np.float32) -> np.ndarray:
        entry = self.header.tensors.get(name)
        if entry is None:
            raise RunFileError(self.path, f"damaged recording: tensor {name} is missing")
        if entry.shape != shape:
            raise RunFileError(self.path, f"damaged recording: tensor {name} has shape {entry.shape}, "
                                          f"expected {shape}")
        if dtype == np.float64:   # batch losses: kept as float64, as in memory
            if entry.dtype != "F64":
                raise RunFileError(self.path, f"damaged recording: tensor {name} is {entry.dtype}, not F64")
            self.f.seek(self.header.data_start + entry.begin)
            values = np.frombuffer(read_exactly(self.f, entry.end - entry.begin, self.path, name,
                                                RunFileError), "<f8").astype(np.float64)
            return values.reshape(shape)
        return read_float32(self.f, self.header, entry, self.path, RunFileError).astype(dtype, copy=False)


def _metadata(header: Header, path: Path) -> dict:
    text = header.metadata.get(METADATA_KEY)
    if text is None:
        raise RunFileError(path, "a safetensors file, but not an annviz training recording")
    meta = loads_json(text, path, RunFileError, what="recording metadata", allow_nonfinite=True)
    if not isinstance(meta, dict):
        raise RunFileError(path, "damaged recording: its metadata is not an object")
    check_version(meta.get("format_version"), FORMAT_VERSION, path, RunFileError)
    return meta


def _recording(meta: dict, reader: _Reader, path: Path) -> Recording:
    sizes = check_field(meta, "sizes", list, path, RunFileError)
    if not (2 <= len(sizes) <= MAX_LAYERS + 1 and all(isinstance(n, int) and 1 <= n <= MAX_LAYER_SIZE
                                                       for n in sizes)):
        raise RunFileError(path, f"layer sizes must be 2 to {MAX_LAYERS + 1} whole numbers of "
                                 f"1 to {MAX_LAYER_SIZE}")
    activations = [get_activation(str(a)).name for a in check_field(meta, "activations", list, path, RunFileError)]
    if len(activations) != len(sizes) - 1:
        raise RunFileError(path, "one activation per weight layer is needed")
    config = TrainConfig.from_dict(check_field(meta, "config", dict, path, RunFileError)).validate()
    run = Recording(config, sizes, activations,
                    [str(c) for c in check_field(meta, "class_names", list, path, RunFileError)],
                    check_field(meta, "batches_per_epoch", int, path, RunFileError),
                    exact=bool(meta.get("exact", True)), blas_threads=int(meta.get("blas_threads", 1)),
                    blas_library=str(meta.get("blas_library", ""))[:200])
    shapes = [(n_out, n_in) for n_in, n_out in zip(sizes, sizes[1:])]
    for i, entry in enumerate(check_field(meta, "moments", list, path, RunFileError)):
        if not isinstance(entry, dict):
            raise RunFileError(path, f"damaged recording: moment {i} is not an object")
        weights = picture_copy(reader.tensor(f"m{i}.w{l}", s, np.float16) for l, s in enumerate(shapes))
        biases = picture_copy(reader.tensor(f"m{i}.b{l}", (s[0],), np.float16) for l, s in enumerate(shapes))
        state = _state(entry["state"], f"s{i}", shapes, config, reader) if "state" in entry else None
        loss = entry.get("loss")
        run.add(Moment(int(entry["step"]), float(entry["epoch"]), None if loss is None else float(loss),
                       float(entry["lr"]), weights, biases, state))
    if not run.moments:
        raise RunFileError(path, "the recording holds no moments")
    if "history" in meta:
        run.history = _history(check_field(meta, "history", dict, path, RunFileError), reader)
    return run


def _history(entry: dict, reader: _Reader) -> History:
    scalars = entry["loss"]
    n_points = (int(scalars["count"]) - int(scalars.get("start", 0))) // max(int(scalars["stride"]), 1)
    series = BoundedSeries.restored(scalars, reader.tensor("history.loss.x", (n_points,), np.float64),
                                    reader.tensor("history.loss.y", (n_points,), np.float64))
    return History(series, [EpochRecord(**e) for e in entry["epochs"]], str(entry["status"]),
                   entry["stop_reason"])


def _state(entry: dict, key: str, shapes, config: TrainConfig, reader: _Reader) -> TrainerState:
    def params(prefix: str):
        return (tuple(reader.tensor(f"{prefix}.w{l}", s) for l, s in enumerate(shapes)),
                tuple(reader.tensor(f"{prefix}.b{l}", (s[0],)) for l, s in enumerate(shapes)))

    weights, biases = params(key)
    good = params(f"{key}.good") if entry["good"] else None
    n_arrays = int(entry["optimizer_arrays"])
    per_param = [*(shape for shape in shapes), *((s[0],) for s in shapes)]
    if n_arrays not in (0, OPTIMIZER_ARRAYS[config.optimizer] * len(per_param)):
        raise ValueError(f"{n_arrays} optimizer arrays do not fit {config.optimizer}")
    arrays = [reader.tensor(f"{key}.opt{k}", per_param[k % len(per_param)]) for k in range(n_arrays)]
    batches = int(entry["batches"])
    if batches < 0:
        raise ValueError(f"{batches} batches")
    epochs = tuple(EpochRecord(**e) for e in entry["epochs"])
    rng = np.random.default_rng()
    rng.bit_generator.state = entry["rng"]   # raises ValueError/TypeError on anything odd
    optimizer = {"t": int(entry["optimizer_t"]), "arrays": arrays}
    start_loss, smoothed = entry["start_loss"], entry["smoothed"]
    return TrainerState(weights, biases, optimizer, rng.bit_generator.state, batches, epochs, good,
                        None if start_loss is None else float(start_loss),
                        None if smoothed is None else float(smoothed), float(entry["train_seconds"]))
