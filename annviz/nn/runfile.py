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
generator, the divergence detector, the epoch records), and the doctor's ``diagnoses`` of the run
(``Diagnosis.to_dict``; optional: files written before have none; checked by
``doctor/stored.py``). Read with the same limits as model files
(safeio.py): every field's type and every tensor's shape is checked before anything is used.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, overload

import numpy as np

from annviz.messages import Phrase
from annviz.nn.activations import ACTIVATION_NAMES, get_activation
from annviz.nn.config import TrainConfig
from annviz.nn.configfile import read_config
from annviz.nn.doctor.stored import read_diagnoses
from annviz.nn.history import BoundedSeries, EpochRecord, History
from annviz.nn.limits import MAX_LAYER_SIZE, MAX_LAYERS, MAX_PARAMETERS
from annviz.nn.modelfile import RECORDING_KEY
from annviz.nn.recording import Moment, Recording, picture_copy
from annviz.nn.tensorfile import Header, file_size, read_float32, read_header
from annviz.nn.trainer import TrainerState
from annviz.safeio import (
    FileFormatError,
    check_field,
    check_version,
    describe,
    guarded,
    loads_json,
    open_regular,
    read_exactly,
)

EXTENSION = ".annviz-run"
FORMAT_VERSION = 1
METADATA_KEY = RECORDING_KEY
MAX_RUN_FILE_BYTES = 1 * 2**30
OPTIMIZER_ARRAYS = {"sgd": 0, "momentum": 1, "adam": 2}   # arrays per parameter


class RunFileError(FileFormatError):
    """A recording that cannot be read; the message names the file."""


# --- reading ------------------------------------------------------------------------------------
# Every field is checked for its type and range before it is used: a recording is a file like any
# other (annviz.safeio), and what it describes is bounded as a model file's network is
# (MAX_PARAMETERS), so that opening one never needs more memory than opening a model.

MAX_MOMENTS = 100_000          # the recorder makes ~200 a run; thinned in memory past MAX_RUN_BYTES
MAX_STEP = 2**53               # batches; a float holds every whole number up to here
MAX_EPOCHS = 10**7             # epochs done, and epoch records
MAX_BATCHES_PER_EPOCH = 10**9
MAX_THREADS = 1024
MAX_SECONDS = 1e9              # 31 years of training
STATUSES = ("new", "running", "finished", "stopped", "diverged")


@guarded(RunFileError)
def load_recording(path: str | os.PathLike) -> Recording:
    """Read and check a recording; raises RunFileError with one clear sentence on any fault."""
    path = Path(path)
    with open_regular(path, MAX_RUN_FILE_BYTES, RunFileError, "recording") as f:
        header = read_header(f, file_size(f), path, RunFileError)
        meta = _metadata(header, path)
        return _RecordingReader(f, header, path).recording(meta)


def _metadata(header: Header, path: Path) -> dict:
    text = header.metadata.get(METADATA_KEY)
    if text is None:
        raise RunFileError(path, "run.not_recording")
    meta = loads_json(text, path, RunFileError, what=Phrase("part.recording_metadata"), allow_nonfinite=True)
    if not isinstance(meta, dict):
        raise RunFileError(path, "run.metadata_not_object")
    check_version(meta.get("format_version"), FORMAT_VERSION, path, RunFileError)
    return meta


class _RecordingReader:
    """The checks of every field and tensor, each naming the file and the field."""

    def __init__(self, f: io.BufferedIOBase, header: Header, path: Path) -> None:
        self.f, self.header, self.path = f, header, path

    def fail(self, code: str, **values: Any) -> RunFileError:
        return RunFileError(self.path, code, **values)

    # --- fields ---------------------------------------------------------------------------------

    def field(self, obj: dict, key: str, kind: type | tuple[type, ...], where: str = "", required: bool = True,
              default: Any = None) -> Any:
        # Any: a JSON value of the kind asked for (check_field checked it), or ``default``
        value = check_field(obj, key, kind, self.path, RunFileError, where=where)
        if value is None:
            if required:
                raise self.fail("field_missing", field=f"{where}{key}")
            return default
        return value

    def integer(self, obj: dict, key: str, lo: int, hi: int, where: str = "", required: bool = True,
                default: Any = None) -> int:
        value = self.field(obj, key, int, where, required, default)
        if value is not default and not lo <= value <= hi:
            raise self.fail("field_int_range", field=f"{where}{key}", lo=lo, hi=_big(hi), value=describe(value))
        return value

    @overload
    def number(self, obj: dict, key: str, lo: float, hi: float, where: str = "", required: Literal[True] = True,
               nan: bool = False) -> float: ...

    @overload
    def number(self, obj: dict, key: str, lo: float, hi: float, where: str, required: bool,
               nan: bool = False) -> float | None: ...

    def number(self, obj: dict, key: str, lo: float, hi: float, where: str = "", required: bool = True,
               nan: bool = False) -> float | None:
        """A finite number in [lo, hi]; None if absent and not ``required``; NaN only if ``nan``."""
        value = self.field(obj, key, float, where, required)
        if value is None:
            return None
        value = float(value)
        if not (lo <= value <= hi or nan and math.isnan(value)):
            raise self.fail("field_number_range", field=f"{where}{key}", lo=f"{lo:g}", hi=f"{hi:g}",
                            value=describe(value))
        return value

    def one_of(self, obj: dict, key: str, known: Sequence[str], where: str = "") -> str:
        value = self.field(obj, key, str, where)
        if value not in known:
            raise self.fail("field_one_of", field=f"{where}{key}", value=repr(value[:40]), known=", ".join(known))
        return value

    def items(self, obj: dict, key: str, most: int, where: str = "") -> list:
        value = self.field(obj, key, list, where)
        if len(value) > most:
            raise self.fail("field_count_most", field=f"{where}{key}", n=len(value), most=most)
        return value

    # --- the recording --------------------------------------------------------------------------

    def recording(self, meta: dict) -> Recording:
        sizes = self.items(meta, "sizes", MAX_LAYERS + 1)
        if not (2 <= len(sizes) and all(isinstance(n, int) and not isinstance(n, bool)
                                         and 1 <= n <= MAX_LAYER_SIZE for n in sizes)):
            raise self.fail("run.sizes", layers=MAX_LAYERS + 1, most=MAX_LAYER_SIZE)
        n_parameters = sum(a * b + b for a, b in zip(sizes, sizes[1:]))
        if n_parameters > MAX_PARAMETERS:
            raise self.fail("too_many_parameters", n=f"{n_parameters:,}", most=f"{MAX_PARAMETERS:,}")
        activations = self.items(meta, "activations", MAX_LAYERS)
        if len(activations) != len(sizes) - 1:
            raise self.fail("field_count", field="activations", n=len(sizes) - 1, found=len(activations))
        for name in activations:
            if not isinstance(name, str) or name not in ACTIVATION_NAMES:
                raise self.fail("field_one_of", field="activations", value=repr(str(name)[:40]),
                                known=", ".join(ACTIVATION_NAMES))
        config = read_config(meta.get("config"), self.path, RunFileError, where="config.")
        class_names = self.items(meta, "class_names", MAX_LAYER_SIZE)
        if len(class_names) != sizes[-1] or not all(isinstance(c, str) and len(c) <= 200 for c in class_names):
            raise self.fail("run.class_names", n=sizes[-1])
        run = Recording(config, list(sizes), [get_activation(a).name for a in activations], class_names,
                        self.integer(meta, "batches_per_epoch", 1, MAX_BATCHES_PER_EPOCH),
                        exact=self.field(meta, "exact", bool, required=False, default=True),
                        blas_threads=self.integer(meta, "blas_threads", 1, MAX_THREADS, required=False,
                                                  default=1),
                        blas_library=self.field(meta, "blas_library", str, required=False, default="")[:200])
        shapes = [(n_out, n_in) for n_in, n_out in zip(sizes, sizes[1:])]
        before = -1
        for i, entry in enumerate(self.items(meta, "moments", MAX_MOMENTS)):
            where = f"moments[{i}]."
            if not isinstance(entry, dict):
                raise self.fail("field_type", field=f"moments[{i}]", wanted=Phrase("type.object"),
                                found=describe(entry))
            step = self.integer(entry, "step", 0, MAX_STEP, where)
            if step <= before:
                raise self.fail("run.moment_order", i=i, step=step, before=before)
            before = step
            epoch = self.number(entry, "epoch", 0.0, MAX_EPOCHS, where)
            loss = self.number(entry, "loss", 0.0, 1e30, where, required=False)
            lr = self.number(entry, "lr", 0.0, 1e9, where)
            state = entry.get("state")
            if state is not None:
                state = self.state(state, f"s{i}", shapes, config, f"{where}state.")
            weights = picture_copy(self.tensor(f"m{i}.w{l}", s, "F16") for l, s in enumerate(shapes))
            biases = picture_copy(self.tensor(f"m{i}.b{l}", (s[0],), "F16") for l, s in enumerate(shapes))
            run.add(Moment(step, epoch, loss, lr, weights, biases, state))
        if not run.moments:
            raise self.fail("run.no_moments")
        if meta.get("history") is not None:
            run.history = self.history(self.field(meta, "history", dict))
        if meta.get("diagnoses") is not None:    # absent in files written before the doctor's were kept
            run.diagnoses = read_diagnoses(self, meta["diagnoses"], config, RunFileError)
        return run

    def epoch_records(self, obj: dict, where: str) -> list[EpochRecord]:
        records = []
        for i, e in enumerate(self.items(obj, "epochs", MAX_EPOCHS, where)):
            at = f"{where}epochs[{i}]."
            if not isinstance(e, dict):
                raise self.fail("field_type", field=at[:-1], wanted=Phrase("type.object"), found=describe(e))
            records.append(EpochRecord(
                epoch=self.integer(e, "epoch", 1, MAX_EPOCHS, at),
                train_loss=self.number(e, "train_loss", 0.0, 1e30, at, nan=True),
                train_accuracy=self.number(e, "train_accuracy", 0.0, 1.0, at),
                val_loss=self.number(e, "val_loss", 0.0, 1e30, at, required=False, nan=True),
                val_accuracy=self.number(e, "val_accuracy", 0.0, 1.0, at, required=False),
                test_loss=self.number(e, "test_loss", 0.0, 1e30, at, required=False, nan=True),
                test_accuracy=self.number(e, "test_accuracy", 0.0, 1.0, at, required=False),
                samples_per_s=self.number(e, "samples_per_s", 0.0, 1e12, at, required=False) or 0.0,
                seconds=self.number(e, "seconds", 0.0, MAX_SECONDS, at, required=False) or 0.0))
        return records

    def history(self, entry: dict) -> History:
        scalars = self.field(entry, "loss", dict, "history.")
        at = "history.loss."
        capacity = self.integer(scalars, "capacity", 2, 2**20, at)
        start = self.integer(scalars, "start", 0, MAX_STEP, at, required=False, default=0)
        stride = self.integer(scalars, "stride", 1, MAX_STEP, at)
        count = self.integer(scalars, "count", 0, MAX_STEP, at)
        self.integer(scalars, "part_n", 0, MAX_STEP, at)
        for key in ("part_x", "part_y"):
            self.number(scalars, key, -1e300, 1e300, at, nan=True)
        n_points = (count - start) // stride
        if not 0 <= n_points <= capacity:
            raise self.fail("run.history")
        x = self.tensor("history.loss.x", (n_points,), "F64")
        y = self.tensor("history.loss.y", (n_points,), "F64")
        try:
            series = BoundedSeries.restored({**scalars, "start": start}, x, y)   # start: null is 0
        except ValueError:
            raise self.fail("run.history") from None
        stop_reason = self.field(entry, "stop_reason", str, "history.", required=False)
        return History(series, self.epoch_records(entry, "history."),
                       self.one_of(entry, "status", STATUSES, "history."),
                       None if stop_reason is None else stop_reason[:1000])

    def state(self, entry: object, key: str, shapes: Sequence[tuple[int, ...]], config: TrainConfig,
              where: str) -> TrainerState:
        if not isinstance(entry, dict):
            raise self.fail("field_type", field=where[:-1], wanted=Phrase("type.object"), found=describe(entry))

        def params(prefix: str) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
            return (tuple(self.tensor(f"{prefix}.w{l}", s, "F32") for l, s in enumerate(shapes)),
                    tuple(self.tensor(f"{prefix}.b{l}", (s[0],), "F32") for l, s in enumerate(shapes)))

        per_param = [*(shape for shape in shapes), *((s[0],) for s in shapes)]
        n_arrays = self.integer(entry, "optimizer_arrays", 0, 2 * len(per_param), where)
        if n_arrays not in (0, OPTIMIZER_ARRAYS[config.optimizer] * len(per_param)):
            raise self.fail("run.optimizer_arrays", n=n_arrays, optimizer=config.optimizer)
        optimizer_t = self.integer(entry, "optimizer_t", 0, MAX_STEP, where)
        batches = self.integer(entry, "batches", 0, MAX_STEP, where)
        rng = self.rng(self.field(entry, "rng", dict, where), f"{where}rng")
        start_loss = self.number(entry, "start_loss", 0.0, 1e30, where, required=False)
        smoothed = self.number(entry, "smoothed", 0.0, 1e30, where, required=False)
        seconds = self.number(entry, "train_seconds", 0.0, MAX_SECONDS, where)
        good = self.field(entry, "good", bool, where)
        epochs = tuple(self.epoch_records(entry, where))
        weights, biases = params(key)
        arrays = [self.tensor(f"{key}.opt{k}", per_param[k % len(per_param)], "F32") for k in range(n_arrays)]
        return TrainerState(weights, biases, {"t": optimizer_t, "arrays": arrays}, rng, batches, epochs,
                            params(f"{key}.good") if good else None, start_loss, smoothed, seconds)

    def rng(self, state: dict, field: str) -> dict:
        """The shuffling generator's state, as NumPy's PCG64 keeps it (checked by setting it)."""
        inner = state.get("state")
        if (state.get("bit_generator") != "PCG64" or not isinstance(inner, dict)
                or not all(isinstance(inner.get(k), int) and not isinstance(inner.get(k), bool)
                           and 0 <= inner[k] < 2**128 for k in ("state", "inc"))
                or state.get("has_uint32") not in (0, 1) or isinstance(state.get("has_uint32"), float)
                or not isinstance(state.get("uinteger"), int) or not 0 <= state["uinteger"] < 2**32):
            raise self.fail("run.rng", field=field)
        generator = np.random.default_rng()
        try:
            generator.bit_generator.state = state
        except (TypeError, ValueError, OverflowError):
            raise self.fail("run.rng", field=field) from None
        return generator.bit_generator.state

    # --- tensors --------------------------------------------------------------------------------

    def tensor(self, name: str, shape: tuple[int, ...], dtype: str) -> np.ndarray:
        """Tensor ``name``, which must have ``shape`` and be stored as ``dtype`` (F16 pictures,
        F32 states, F64 batch losses), read as float16, float32 or float64."""
        entry = self.header.tensors.get(name)
        if entry is None:
            raise self.fail("run.tensor_missing", name=name)
        if entry.shape != shape:
            raise self.fail("run.tensor_shape", name=name, shape=entry.shape, expected=shape)
        if entry.dtype != dtype:
            raise self.fail("run.tensor_dtype", name=name, dtype=entry.dtype, expected=dtype)
        if dtype == "F64":   # batch losses: kept as float64, as in memory
            self.f.seek(self.header.data_start + entry.begin)
            values = np.frombuffer(read_exactly(self.f, entry.end - entry.begin, self.path,
                                                Phrase("part.tensor", name=name), RunFileError), "<f8")
            if not np.isfinite(values).all():
                raise self.fail("st.not_finite", name=name)
            return values.astype(np.float64).reshape(shape)
        values = read_float32(self.f, self.header, entry, self.path, RunFileError)
        return values.astype(np.float16) if dtype == "F16" else values


def _big(n: int) -> str:
    return f"{n:,}" if n < 10**12 else f"2^{n.bit_length() - 1}"
