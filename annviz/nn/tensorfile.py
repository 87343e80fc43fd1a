"""safetensors files read with bounded memory: every byte count is checked before a byte is read.

The format (huggingface/safetensors): an 8-byte little-endian length ``N``, ``N`` bytes of JSON
header ``{name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {str: str}}``,
then the tensors' bytes, little-endian; offsets count from the first byte after the header, and
the tensors fill that part of the file without gaps.

We read the header ourselves rather than through ``safetensors.numpy``, which reads the whole file
first and cannot give BF16 to NumPy: the header has a size cap, each entry's dtype, shape and
offsets are checked against each other and against the file's size, and only then is one tensor
at a time read and turned into float32 — F16 and BF16 exactly (PyTorch users save them), F64
rounded. Integer, boolean and 8-bit float tensors get a clear message instead.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np

from annviz.safeio import FileFormatError, loads_json, read_exactly, size_text

MAX_HEADER_BYTES = 4 * 2**20  # the JSON header; annviz's own are ~50 kB, most of it the history
# dtype -> item size in bytes, for the safetensors dtypes of whole bytes (F4 and F6 pack bits)
DTYPE_SIZES = {"BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "F8_E8M0": 1,
               "I16": 2, "U16": 2, "F16": 2, "BF16": 2, "I32": 4, "U32": 4, "F32": 4,
               "I64": 8, "U64": 8, "F64": 8}
FLOAT_DTYPES = ("F32", "F16", "BF16", "F64")  # the ones read as float32 weights


@dataclass(frozen=True)
class TensorEntry:
    """One tensor as the header describes it; ``begin``/``end`` count from the data's start."""

    name: str
    dtype: str
    shape: tuple[int, ...]
    begin: int
    end: int


@dataclass(frozen=True)
class Header:
    tensors: dict[str, TensorEntry]
    metadata: dict[str, str]
    data_start: int  # where the tensors' bytes begin in the file


def read_header(f: BinaryIO, file_size: int, path, error: type[FileFormatError] = FileFormatError) -> Header:
    """The checked header of the safetensors file open as ``f`` (at its start), ``file_size`` long."""
    if file_size < 8:
        raise error(path, "too short to be a safetensors file (truncated or empty)")
    n = int.from_bytes(read_exactly(f, 8, path, "the header length", error), "little")
    if n > MAX_HEADER_BYTES:
        raise error(path, f"not a safetensors file, or a damaged one: its header would be "
                          f"{size_text(n)} (at most {size_text(MAX_HEADER_BYTES)})")
    if 8 + n > file_size:
        raise error(path, "not a safetensors file, or truncated (its header runs past the end)")
    header = loads_json(read_exactly(f, n, path, "the header", error), path, error,
                        what="header", max_depth=3)
    if not isinstance(header, dict):
        raise error(path, "not a safetensors file (its header is not a JSON object)")
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise error(path, "damaged safetensors header: __metadata__ is not an object of strings")
    tensors = {name: _entry(name, spec, path, error) for name, spec in header.items()}
    _check_layout(tensors, file_size - 8 - n, path, error)
    return Header(tensors, metadata, 8 + n)


def _entry(name: str, spec, path, error) -> TensorEntry:
    def bad(fault: str) -> FileFormatError:
        return error(path, f"damaged safetensors header: tensor {name[:80]!r} {fault}")

    if not isinstance(spec, dict):
        raise bad("is not described by an object")
    dtype, shape, offsets = spec.get("dtype"), spec.get("shape"), spec.get("data_offsets")
    if not isinstance(dtype, str) or dtype not in DTYPE_SIZES:
        raise bad(f"has dtype {str(dtype)[:20]!r}, which annviz does not read "
                  f"(it reads {', '.join(FLOAT_DTYPES)})")
    if not isinstance(shape, list) or not all(_count(d) for d in shape):
        raise bad("has a shape that is not a list of sizes")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(_count(o) for o in offsets):
        raise bad("has data_offsets that are not two byte positions")
    begin, end = offsets
    n_bytes = math.prod(shape) * DTYPE_SIZES[dtype]  # Python integers: no wrap-around
    if end - begin != n_bytes:
        raise bad(f"of shape {tuple(shape)} and dtype {dtype} needs {n_bytes} bytes, "
                  f"its offsets span {end - begin}")
    return TensorEntry(name, dtype, tuple(shape), begin, end)


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_layout(tensors: dict[str, TensorEntry], data_size: int, path, error) -> None:
    """The tensors must tile the data exactly, as the specification requires."""
    position = 0
    for entry in sorted(tensors.values(), key=lambda e: (e.begin, e.end)):
        if entry.begin != position:
            raise error(path, f"damaged safetensors header: tensor {entry.name[:80]!r} starts at byte "
                              f"{entry.begin}, expected {position} (tensors overlap or leave gaps)")
        position = entry.end
    if position > data_size:
        raise error(path, f"truncated: its header promises {position} bytes of tensors, "
                          f"the file holds {data_size}")
    if position < data_size:
        raise error(path, f"{data_size - position} unexpected bytes after the tensors")


def check_float(entry: TensorEntry, path, error: type[FileFormatError] = FileFormatError) -> None:
    """Refuse a tensor whose dtype :func:`read_float32` cannot read, with what to do instead."""
    if entry.dtype not in FLOAT_DTYPES:
        raise error(path, f"tensor {entry.name} has dtype {entry.dtype}; annviz reads weights "
                          f"stored as {', '.join(FLOAT_DTYPES)} (in PyTorch: tensor.float())")


def read_float32(f: BinaryIO, header: Header, entry: TensorEntry, path,
                 error: type[FileFormatError] = FileFormatError) -> np.ndarray:
    """Tensor ``entry`` as a new float32 array; refuses non-float dtypes, NaN and infinities,
    and F64 numbers too large for float32."""
    check_float(entry, path, error)
    f.seek(header.data_start + entry.begin)
    raw = bytearray(entry.end - entry.begin)
    if f.readinto(raw) != len(raw):
        raise error(path, f"truncated in tensor {entry.name}")
    if entry.dtype == "BF16":  # bfloat16 is the top half of a float32
        values = (np.frombuffer(raw, "<u2").astype(np.uint32) << 16).view(np.float32)
    else:
        stored = np.frombuffer(raw, {"F32": "<f4", "F16": "<f2", "F64": "<f8"}[entry.dtype])
        if not np.isfinite(stored).all():
            raise error(path, f"tensor {entry.name} holds NaN or infinite numbers")
        with np.errstate(over="ignore"):
            values = stored.astype(np.float32, copy=False)  # F32: the buffer just read, as is
    if not np.isfinite(values).all():
        what = "NaN or infinite numbers" if entry.dtype != "F64" else "numbers too large for float32"
        raise error(path, f"tensor {entry.name} holds {what}")
    return values.reshape(entry.shape)


def file_size(f: BinaryIO) -> int:
    """The size of the open file ``f`` in bytes."""
    return os.fstat(f.fileno()).st_size
