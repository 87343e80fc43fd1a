"""Training recordings written to disk: the ``.annviz-run`` file (its layout: runfile.py, which
reads it), moment by moment, in bounded memory.

``RecordingWriter`` is how ``annviz train --record`` writes a run as it goes, and ``save_recording``
how the app saves a recording it holds: the same code, so both write the same file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from annviz.nn.doctor.diagnosis import Diagnosis
from annviz.nn.history import History
from annviz.nn.recording import (
    MAX_RUN_BYTES,
    MAX_STATES,
    PICTURE_DTYPE,
    Moment,
    Recording,
    picture_copy,
    thin_pictures,
    thin_states,
)
from annviz.nn.runfile import FORMAT_VERSION, METADATA_KEY
from annviz.nn.trainer import TrainerState
from annviz.safeio import open_atomic


def save_recording(path: str | os.PathLike, run: Recording) -> Path:
    """Write ``run`` to ``path`` atomically (through a ``RecordingWriter``: bounded memory)."""
    with RecordingWriter(path, run) as writer:
        for moment in run.moments:
            writer.add(moment)
        return writer.finish(run.history, run.diagnoses)


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

    def __exit__(self, *_exc: object) -> None:
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
        if moment.state is not None and not moment.state.mid_epoch:   # a file keeps epoch ends' states
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

    def finish(self, history: History | None = None, diagnoses: Iterable[Diagnosis] = ()) -> Path:
        """Write the file (with the run's ``history``, if it has ended, and the doctor's
        ``diagnoses``) and return its path."""
        if not self._entries:
            raise ValueError("a recording needs at least one moment")
        extra: dict[str, np.ndarray] = {}
        run = self.run
        meta: dict[str, Any] = {"format_version": FORMAT_VERSION, "config": run.config.to_dict(), "sizes": run.sizes,
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
        if found := [d.to_dict() for d in diagnoses]:
            meta["diagnoses"] = found
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

    def _put(self, name: str, array: ArrayLike, dtype: DTypeLike) -> str:
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

    def _copy(self, out: BinaryIO, begin: int, n: int) -> None:
        self._scratch.seek(begin)
        while n > 0:
            chunk = self._scratch.read(min(n, COPY_CHUNK))
            if not chunk:
                raise OSError("the recording's scratch file ended early")
            out.write(chunk)
            n -= len(chunk)


class _Collect:
    """What ``_save_state`` writes into: each array straight to the scratch file (float32)."""

    def __init__(self, writer: RecordingWriter, names: list[str]) -> None:
        self.writer, self.names = writer, names

    def __setitem__(self, name: str, array: ArrayLike) -> None:
        self.names.append(self.writer._put(name, array, np.float32))


def _renumbered(name: str, j: int) -> str:
    """``m17.w0`` → ``m{j}.w0`` (the file numbers the moments it keeps 0, 1, 2 …)."""
    kind, rest = name[0], name[1:]
    return f"{kind}{j}{rest[rest.index('.'):]}"


def _save_state(state: TrainerState, key: str, tensors: dict[str, np.ndarray] | _Collect) -> dict[str, Any]:
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
