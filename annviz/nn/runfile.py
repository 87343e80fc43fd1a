"""Training recordings on disk: the ``.annviz-run`` file (a safetensors file of its own kind).

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

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from annviz.nn.activations import get_activation
from annviz.nn.config import MAX_LAYER_SIZE, MAX_LAYERS, TrainConfig
from annviz.nn.history import BoundedSeries, EpochRecord, History
from annviz.nn.modelfile import RECORDING_KEY
from annviz.nn.recording import (MAX_RUN_BYTES, MAX_STATES, PICTURE_DTYPE, Moment, Recording, picture_copy,
                                  thin_pictures, thin_states)
from annviz.nn.tensorfile import Header, file_size, read_float32, read_header
from annviz.nn.trainer import TrainerState
from annviz.safeio import (FileFormatError, check_field, check_version, loads_json, open_atomic,
                           open_regular, read_exactly)

EXTENSION = ".annviz-run"
FORMAT_VERSION = 1
METADATA_KEY = RECORDING_KEY
MAX_RUN_FILE_BYTES = 1 * 2**30
OPTIMIZER_ARRAYS = {"sgd": 0, "momentum": 1, "adam": 2}   # arrays per parameter


class RunFileError(FileFormatError):
    """A recording that cannot be read; the message names the file."""


# --- writing ------------------------------------------------------------------------------------

def save_recording(path: str | os.PathLike, run: Recording) -> Path:
    """Write ``run`` to ``path`` atomically (through a ``RecordingWriter``: bounded memory)."""
    with RecordingWriter(path, run) as writer:
        for moment in run.moments:
            writer.add(moment)
        return writer.finish(run.history)


SAFETENSORS_DTYPES = {np.dtype(np.float16): "F16", np.dtype(np.float32): "F32", np.dtype(np.float64): "F64"}
COPY_CHUNK = 4 * 2**20


@dataclass(eq=False)
class _Entry:
    """A moment written to the scratch file: its JSON entry and where its tensors are. ``state`` is
    the state's part (None when it has none, or forgot it): the thinning rules of recording.py
    apply to these as to moments."""

    meta: dict
    pictures: list[str]
    state: dict | None
    state_tensors: list[str]
    own_bytes: int
    state_bytes: int

    @property
    def nbytes(self) -> int:
        return self.own_bytes + (self.state_bytes if self.state is not None else 0)


class RecordingWriter:
    """A recording written moment by moment as a run goes on (``annviz train --record``), in memory
    no more than one moment at a time.

    Each moment's arrays go at once to an unnamed scratch file beside ``path`` (the system deletes
    it, whatever happens); only their places are kept. A run that outgrows the limits of a
    recording in memory (``MAX_RUN_BYTES``, ``MAX_STATES``) is thinned by the same rules (what is
    dropped stays behind in the scratch file). ``finish`` writes the header, then copies the kept
    tensors in order into ``path`` — atomically, so an interrupted run leaves no half file.
    ``run`` gives the configuration and the architecture; its moments are not read.
    """

    def __init__(self, path: str | os.PathLike, run: Recording, max_bytes: int = MAX_RUN_BYTES,
                 max_states: int = MAX_STATES):
        self.path, self.run = Path(path), run
        self.max_bytes, self.max_states = max_bytes, max_states
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._scratch = tempfile.TemporaryFile(dir=self.path.parent)
        self._tensors: dict[str, tuple[str, tuple[int, ...], int, int]] = {}   # name → dtype, shape, begin, end
        self._entries: list[_Entry] = []
        self._count = 0          # moments written, dropped ones included: each has its own names
        self._last_step = -1

    def __enter__(self) -> RecordingWriter:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Forget the scratch file (``finish`` has written what was to be kept, or nothing is)."""
        self._scratch.close()

    @property
    def moments(self) -> int:
        """How many moments the file will hold."""
        return len(self._entries)

    def add(self, moment: Moment) -> None:
        """Write ``moment`` (its pictures as float16) to the scratch file."""
        if moment.step <= self._last_step:
            raise ValueError(f"moment {moment.step} comes after {self._last_step}")
        self._last_step = moment.step
        i, self._count = self._count, self._count + 1
        pictures = []
        for l, (w, b) in enumerate(zip(moment.weights, moment.biases)):
            pictures += [self._put(f"m{i}.w{l}", w, PICTURE_DTYPE), self._put(f"m{i}.b{l}", b, PICTURE_DTYPE)]
        own = sum(self._size(n) for n in pictures)
        entry = _Entry({"step": moment.step, "epoch": moment.epoch, "loss": moment.loss, "lr": moment.lr},
                       pictures, None, [], own, 0)
        if moment.state is not None:
            names: list[str] = []
            entry.state = _save_state(moment.state, f"s{i}", _Collect(self, names))
            entry.state_tensors, entry.state_bytes = names, sum(self._size(n) for n in names)
        self._entries.append(entry)
        if entry.state is not None and sum(e.state is not None for e in self._entries) > self.max_states:
            thin_states(self._entries)
        while sum(e.nbytes for e in self._entries) > self.max_bytes:
            kept = thin_pictures(self._entries)
            if kept is not None:
                self._entries = kept
            elif not thin_states(self._entries):
                break

    def finish(self, history: History | None = None) -> Path:
        """Write the file (with the run's ``history``, if it has ended) and return its path."""
        if not self._entries:
            raise ValueError("a recording needs at least one moment")
        extra: dict[str, np.ndarray] = {}
        run = self.run
        meta = {"format_version": FORMAT_VERSION, "config": run.config.to_dict(), "sizes": run.sizes,
                "activations": run.activations, "class_names": run.class_names,
                "batches_per_epoch": run.batches_per_epoch, "exact": run.exact,
                "blas_threads": run.blas_threads, "blas_library": run.blas_library, "moments": []}
        order: list[tuple[str, str]] = []     # (name in the file, name in the scratch file)
        for j, entry in enumerate(self._entries):
            item = dict(entry.meta)
            names = entry.pictures + (entry.state_tensors if entry.state is not None else [])
            if entry.state is not None:
                item["state"] = entry.state
            order += [(_renumbered(name, j), name) for name in names]
            meta["moments"].append(item)
        if history is not None:
            meta["history"] = _save_history(history, extra)
        header: dict = {"__metadata__": {METADATA_KEY: json.dumps(meta)}}
        position = 0
        for final, name in order:
            dtype, shape, begin, end = self._tensors[name]
            header[final] = {"dtype": dtype, "shape": list(shape), "data_offsets": [position, position + end - begin]}
            position += end - begin
        for name, a in extra.items():
            a = np.ascontiguousarray(a)
            header[name] = {"dtype": SAFETENSORS_DTYPES[a.dtype], "shape": list(a.shape),
                            "data_offsets": [position, position + a.nbytes]}
            position += a.nbytes
        text = json.dumps(header, separators=(",", ":")).encode("utf-8")
        text += b" " * (-len(text) % 8)      # the data begins 8-byte aligned, as safetensors writes it
        with open_atomic(self.path) as out:
            out.write(len(text).to_bytes(8, "little"))
            out.write(text)
            for _, name in order:
                _, _, begin, end = self._tensors[name]
                self._copy(out, begin, end - begin)
            for a in extra.values():
                out.write(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"), copy=False).tobytes())
        return self.path

    # --- the scratch file ----------------------------------------------------------------------

    def _put(self, name: str, array, dtype) -> str:
        if np.dtype(dtype) == PICTURE_DTYPE and np.asarray(array).dtype != PICTURE_DTYPE:
            (array,) = picture_copy([array])          # finite, whatever the run did
        a = np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<"))
        begin = self._scratch.seek(0, os.SEEK_END)
        self._scratch.write(a.tobytes())
        self._tensors[name] = (SAFETENSORS_DTYPES[np.dtype(dtype)], a.shape, begin, begin + a.nbytes)
        return name

    def _size(self, name: str) -> int:
        _, _, begin, end = self._tensors[name]
        return end - begin

    def _copy(self, out, begin: int, n: int) -> None:
        self._scratch.seek(begin)
        while n > 0:
            chunk = self._scratch.read(min(n, COPY_CHUNK))
            if not chunk:
                raise OSError("the recording's scratch file ended early")
            out.write(chunk)
            n -= len(chunk)


class _Collect:
    """What ``_save_state`` writes into: each array straight to the scratch file (float32)."""

    def __init__(self, writer: RecordingWriter, names: list[str]):
        self.writer, self.names = writer, names

    def __setitem__(self, name: str, array) -> None:
        self.names.append(self.writer._put(name, array, np.float32))


def _renumbered(name: str, j: int) -> str:
    """``m17.w0`` → ``m{j}.w0`` (the file numbers the moments it keeps 0, 1, 2 …)."""
    kind, rest = name[0], name[1:]
    return f"{kind}{j}{rest[rest.index('.'):]}"


def _save_state(state: TrainerState, key: str, tensors) -> dict:
    for l, (w, b) in enumerate(zip(state.weights, state.biases)):
        tensors[f"{key}.w{l}"], tensors[f"{key}.b{l}"] = w, b
    if state.good is not None:
        for l, (w, b) in enumerate(zip(*state.good)):
            tensors[f"{key}.good.w{l}"], tensors[f"{key}.good.b{l}"] = np.asarray(w), np.asarray(b)
    for k, a in enumerate(state.optimizer["arrays"]):
        tensors[f"{key}.opt{k}"] = a
    return {"optimizer_t": state.optimizer["t"], "optimizer_arrays": len(state.optimizer["arrays"]),
            "rng": state.rng, "start_loss": state.start_loss, "smoothed": state.smoothed,
            "train_seconds": state.train_seconds, "batches": state.batches,
            "epochs": [vars(e) for e in state.epochs], "good": state.good is not None}


def _save_history(history: History, tensors: dict) -> dict:
    scalars, x, y = history.batch_loss.export()
    tensors["history.loss.x"], tensors["history.loss.y"] = np.asarray(x, np.float64), np.asarray(y, np.float64)
    return {"loss": scalars, "epochs": [vars(e) for e in history.epochs], "status": history.status,
            "stop_reason": history.stop_reason}


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
