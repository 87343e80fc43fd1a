"""A training recording made by hand (not by annviz's writer), for the reader's tests.

The file is built with ``safetensors.numpy.save`` and a JSON header written here, so that the reader
is checked against the format as documented (annviz/nn/runfile.py), not against what the writer
happens to make. ``base()`` is a valid recording whose every field differs from its default;
``put``, ``tensor`` and ``both`` make the changes the tests apply to it; ``write`` saves it.
"""

from __future__ import annotations

import copy
import json

import numpy as np
from safetensors.numpy import save

SHAPES = [(4, 3), (2, 4)]             # a 3-4-2 network: (out, in) per layer
PER_PARAM = [(4, 3), (2, 4), (4,), (2,)]   # w0, w1, b0, b1: the optimizer's arrays cycle through these
RNG = {"bit_generator": "PCG64",
       "state": {"state": 35399562948360463058890781895381311971, "inc": 87136372517582989555478159403783844777},
       "has_uint32": 1, "uinteger": 4_000_000_000}
EPOCH = {"epoch": 1, "train_loss": 0.625, "train_accuracy": 0.75, "val_loss": 0.5, "val_accuracy": 0.8125,
         "test_loss": 0.4375, "test_accuracy": 0.875, "samples_per_s": 1500.0, "seconds": 2.5}
MAX_STEP_TEXT = "2^53"


def values(shape, start, dtype):
    """Distinct values (so that a swapped or transposed tensor shows), exact in float16."""
    n = int(np.prod(shape))
    return ((np.arange(n) + start) / 8).reshape(shape).astype(dtype)


def base() -> tuple[dict, dict]:
    """(metadata, tensors) of a valid recording whose every field differs from its default."""
    meta = {
        "format_version": 1,
        "config": {"hidden": [4], "activation": "relu", "optimizer": "adam", "lr": 0.003, "batch_size": 5,
                   "epochs": 2, "seed": 7, "n_train": 15},
        "sizes": [3, 4, 2], "activations": ["relu", "softmax"], "class_names": ["cat", "dog"],
        "batches_per_epoch": 3, "exact": False, "blas_threads": 3, "blas_library": "OpenBLAS 0.3.27 Haswell",
        "moments": [
            {"step": 0, "epoch": 0.0, "loss": None, "lr": 0.003},
            {"step": 3, "epoch": 1.0, "loss": 0.75, "lr": 0.0025,
             "state": {"optimizer_arrays": 8, "optimizer_t": 3, "batches": 3, "rng": copy.deepcopy(RNG),
                       "start_loss": 2.25, "smoothed": 1.5, "train_seconds": 4.5, "good": True,
                       "epochs": [dict(EPOCH)]}},
        ],
        "history": {"loss": {"capacity": 4, "start": 2, "stride": 2, "count": 7, "part_n": 1,
                             "part_x": 7.0, "part_y": 0.5},
                    "epochs": [dict(EPOCH), dict(EPOCH, epoch=2, val_loss=None, val_accuracy=None,
                                                 samples_per_s=None, seconds=None)],
                    "status": "stopped", "stop_reason": "stopped by the learner"},
    }
    t = {}
    for i in range(2):
        for l, s in enumerate(SHAPES):
            t[f"m{i}.w{l}"] = values(s, 100 * i + 10 * l, np.float16)
            t[f"m{i}.b{l}"] = values((s[0],), 100 * i + 10 * l + 50, np.float16)
    for prefix, start in (("s1", 1000), ("s1.good", 2000)):
        for l, s in enumerate(SHAPES):
            t[f"{prefix}.w{l}"] = values(s, start + 10 * l, np.float32)
            t[f"{prefix}.b{l}"] = values((s[0],), start + 10 * l + 50, np.float32)
    for k in range(8):
        t[f"s1.opt{k}"] = values(PER_PARAM[k % 4], 3000 + 20 * k, np.float32)
    t["history.loss.x"] = np.array([2.5, 4.5])
    t["history.loss.y"] = np.array([1.25, 0.875])
    return meta, t


def write(tmp_path, meta, tensors, name="hand.annviz-run", key="annviz-run") -> str:
    text = meta if isinstance(meta, str) else json.dumps(meta)
    path = tmp_path / name
    path.write_bytes(save(tensors, metadata={key: text}))
    return str(path)



def _at(meta: dict, path: str):
    """``meta``'s part at ``path`` ("moments.1.state"), and the last key."""
    *parents, last = path.split(".")
    obj = meta
    for key in parents:
        obj = obj[int(key)] if isinstance(obj, list) else obj[key]
    return obj, (int(last) if isinstance(obj, list) else last)


def put(**changes):
    """A change of the metadata: ``put(**{"moments.1.step": 5})``; the value DEL removes the key."""
    def change(meta, tensors):
        for path, value in changes.items():
            obj, key = _at(meta, path)
            if value is DEL:
                del obj[key]
            else:
                obj[key] = value
    return change


DEL = object()
SP = "moments.1.state"          # where the state is, for put()
STATE = "moments[1].state"     # and as the messages name it
HIST = "history.loss"


def tensor(name, value=DEL):
    def change(meta, tensors):
        if value is DEL:
            del tensors[name]
        else:
            tensors[name] = value
    return change


def both(*changes):
    def change(meta, tensors):
        for c in changes:
            c(meta, tensors)
    return change
