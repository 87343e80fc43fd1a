"""A training configuration read from a file (a recording, a setup): every field's type and range.

``TrainConfig.from_dict`` trusts its input; a file is not to be trusted. :func:`read_config`
checks each field a file may hold before the configuration is made — whole numbers within a C
int (Qt's spin boxes hold no more, NumPy's generators no less), numbers finite and in range,
names short and known, lists of the right things — then ``TrainConfig.validate``. Any fault is
the caller's error kind naming the file and the field (``training.lr``); unknown keys are
ignored (safeio's rule 7: a newer annviz may add optional fields).
"""

from __future__ import annotations

import math
import os
from typing import Any

from annviz.nn.config import MAX_LAYER_SIZE, MAX_LAYERS, ConfigError, TrainConfig
from annviz.safeio import FileFormatError, describe, type_phrase

MAX_INT = 2**31 - 1       # a Qt spin box's largest value
MAX_NAME = 200            # characters of a name (activation, optimizer …)
MAX_FOLDER = 4096         # characters of a dataset folder's path

# field → (type, lowest, highest); None: no range (names are checked by TrainConfig.validate)
FIELDS: dict[str, tuple[type, float | None, float | None]] = {
    "activation": (str, None, None), "output": (str, None, None), "loss": (str, None, None),
    "optimizer": (str, None, None), "schedule": (str, None, None), "init": (str, None, None),
    "dataset": (str, None, None),
    "lr": (float, 0.0, 1e9), "momentum": (float, 0.0, 1.0), "weight_decay": (float, 0.0, 1e6),
    "validation_share": (float, 0.0, 1.0), "label_smoothing": (float, 0.0, 1.0),
    "batch_size": (int, 1, MAX_INT), "epochs": (int, 1, MAX_INT), "seed": (int, 0, MAX_INT),
    "n_train": (int, 1, MAX_INT), "augment": (bool, None, None),
}


def read_config(d: object, path: str | os.PathLike, error: type[FileFormatError], where: str = "config.") -> TrainConfig:
    """The checked, validated ``TrainConfig`` that the dict ``d`` from ``path`` describes."""
    field = where.rstrip(".")
    if not isinstance(d, dict):
        raise error(path, "field_type", field=field, wanted=type_phrase(dict), found=describe(d))
    values: dict[str, Any] = {}
    for key, (kind, lo, hi) in FIELDS.items():
        value = d.get(key)
        if value is None:
            continue
        values[key] = _value(value, kind, lo, hi, path, error, where + key)
    for key, kind in (("hidden", int), ("hidden_activations", str)):
        items = d.get(key)
        if items is None:
            continue
        if (not isinstance(items, list) or len(items) > MAX_LAYERS
                or not all(isinstance(v, kind) and not isinstance(v, bool) for v in items)):
            raise error(path, "field_list_of", field=where + key, wanted=type_phrase(kind), most=MAX_LAYERS)
        if kind is int and not all(1 <= v <= MAX_LAYER_SIZE for v in items):
            raise error(path, "field_int_range", field=where + key, lo=1, hi=MAX_LAYER_SIZE,
                        value=describe(items))
        if kind is str and any(len(v) > MAX_NAME for v in items):
            raise error(path, "field_too_long", field=where + key, most=MAX_NAME)
        values[key] = tuple(items)
    try:
        return TrainConfig(**values).validate()
    except ConfigError as e:
        raise error(path, "config_invalid", field=field, detail=str(e)[:300]) from None


def _of_kind(value: object, kind: type) -> bool:
    """Whether ``value`` is a ``kind``: an int is a float too, a bool is only a bool."""
    accepted = (int, float) if kind is float else kind
    return isinstance(value, accepted) and not (isinstance(value, bool) and kind is not bool)


def _value(value: Any, kind: type, lo: float | None, hi: float | None, path: str | os.PathLike,
           error: type[FileFormatError], field: str) -> Any:
    # value: a JSON value, checked against kind first
    if not _of_kind(value, kind):
        raise error(path, "field_type", field=field, wanted=type_phrase(kind), found=describe(value))
    if kind is str:
        most = MAX_FOLDER if field.endswith("dataset") else MAX_NAME
        if not 0 < len(value) <= most:
            raise error(path, "field_name_length", field=field, most=most)
    elif kind is int and lo is not None and hi is not None and not lo <= value <= hi:
        raise error(path, "field_int_range", field=field, lo=lo, hi=hi, value=describe(value))
    elif kind is float and lo is not None and hi is not None and not (math.isfinite(value) and lo <= value <= hi):
        raise error(path, "field_number_range", field=field, lo=f"{lo:g}", hi=f"{hi:g}", value=describe(value))
    return float(value) if kind is float else value
