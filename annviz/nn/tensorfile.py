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

import io
import math
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from annviz.messages import Phrase
from annviz.safeio import FileFormatError, FilePath, loads_json, read_exactly, size_text

MAX_HEADER_BYTES = 4 * 2**20  # the JSON header; annviz's own are ~50 kB, most of it the history
# dtype -> item size in bytes, for the safetensors dtypes of whole bytes (F4 and F6 pack bits)
DTYPE_SIZES = {"BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1, "F8_E8M0": 1,
               "I16": 2, "U16": 2, "F16": 2, "BF16": 2, "I32": 4, "U32": 4, "F32": 4,
               "I64": 8, "U64": 8, "F64": 8}
FLOAT_DTYPES = ("F32", "F16", "BF16", "F64")  # the ones read as float32 weights
MAX_DIMENSIONS = 8   # of a tensor's shape; annviz's are 1 or 2


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


def read_header(f: io.BufferedIOBase, file_size: int, path: FilePath, error: type[FileFormatError] = FileFormatError) -> Header:
    """The checked header of the safetensors file open as ``f`` (at its start), ``file_size`` long."""
    if file_size < 8:
        raise error(path, "st.too_short")
    n = int.from_bytes(read_exactly(f, 8, path, Phrase("part.header_length"), error), "little")
    if n > MAX_HEADER_BYTES:
        raise error(path, "st.header_too_large", size=size_text(n), most=size_text(MAX_HEADER_BYTES))
    if 8 + n > file_size:
        raise error(path, "st.header_past_end")
    header = loads_json(read_exactly(f, n, path, Phrase("part.header"), error), path, error,
                        what=Phrase("part.header"), max_depth=3)
    if not isinstance(header, dict):
        raise error(path, "st.header_not_object")
    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise error(path, "st.metadata_not_strings")
    tensors = {name: _entry(name, spec, path, error) for name, spec in header.items()}
    _check_layout(tensors, file_size - 8 - n, path, error)
    return Header(tensors, metadata, 8 + n)


def _entry(name: str, spec: object, path: FilePath, error: type[FileFormatError]) -> TensorEntry:
    def bad(code: str, **values: Any) -> FileFormatError:
        return error(path, code, name=repr(name[:80]), **values)

    if not isinstance(spec, dict):
        raise bad("st.entry_not_object")
    dtype, shape, offsets = spec.get("dtype"), spec.get("shape"), spec.get("data_offsets")
    if not isinstance(dtype, str) or dtype not in DTYPE_SIZES:
        raise bad("st.entry_dtype", dtype=repr(str(dtype)[:20]), dtypes=", ".join(FLOAT_DTYPES))
    if not isinstance(shape, list) or len(shape) > MAX_DIMENSIONS or not all(_count(d) for d in shape):
        raise bad("st.entry_shape")
    if not isinstance(offsets, list) or len(offsets) != 2 or not all(_count(o) for o in offsets):
        raise bad("st.entry_offsets")
    begin, end = offsets
    n_bytes = math.prod(shape) * DTYPE_SIZES[dtype]  # Python integers: no wrap-around
    if end - begin != n_bytes:
        raise bad("st.entry_size", shape=_shape_text(shape), dtype=dtype, n=_count_text(n_bytes),
                  span=_count_text(end - begin))
    return TensorEntry(name, dtype, tuple(shape), begin, end)


def _shape_text(shape: list[int]) -> str:
    return str(tuple(_count_text(d) for d in shape)).replace("'", "")


def _count_text(n: int) -> str:
    """A count from a header for a message; one of thousands of digits is shortened."""
    return str(n) if n.bit_length() < 64 else f"{n:.3e}" if n.bit_length() < 1000 else "> 1e300"


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_layout(tensors: dict[str, TensorEntry], data_size: int, path: FilePath, error: type[FileFormatError]) -> None:
    """The tensors must tile the data exactly, as the specification requires."""
    position = 0
    for entry in sorted(tensors.values(), key=lambda e: (e.begin, e.end)):
        if entry.begin != position:
            raise error(path, "st.layout_gap", name=repr(entry.name[:80]), begin=_count_text(entry.begin),
                        expected=position)
        position = entry.end
    if position > data_size:
        raise error(path, "st.truncated", n=_count_text(position), found=data_size)
    if position < data_size:
        raise error(path, "st.trailing", n=data_size - position)


def check_float(entry: TensorEntry, path: FilePath, error: type[FileFormatError] = FileFormatError) -> None:
    """Refuse a tensor whose dtype :func:`read_float32` cannot read, with what to do instead."""
    if entry.dtype not in FLOAT_DTYPES:
        raise error(path, "st.dtype_not_float", name=entry.name[:80], dtype=entry.dtype,
                    dtypes=", ".join(FLOAT_DTYPES))


def read_float32(f: io.BufferedIOBase, header: Header, entry: TensorEntry, path: FilePath,
                 error: type[FileFormatError] = FileFormatError) -> np.ndarray:
    """Tensor ``entry`` as a new float32 array; refuses non-float dtypes, NaN and infinities,
    and F64 numbers too large for float32."""
    check_float(entry, path, error)
    f.seek(header.data_start + entry.begin)
    raw = bytearray(entry.end - entry.begin)
    if f.readinto(raw) != len(raw):
        raise error(path, "st.truncated_tensor", name=entry.name[:80])
    if entry.dtype == "BF16":  # bfloat16 is the top half of a float32
        values = (np.frombuffer(raw, "<u2").astype(np.uint32) << 16).view(np.float32)
    else:
        stored = np.frombuffer(raw, {"F32": "<f4", "F16": "<f2", "F64": "<f8"}[entry.dtype])
        if not np.isfinite(stored).all():
            raise error(path, "st.not_finite", name=entry.name[:80])
        with np.errstate(over="ignore"):
            values = stored.astype(np.float32, copy=False)  # F32: the buffer just read, as is
    if not np.isfinite(values).all():
        raise error(path, "st.not_finite" if entry.dtype != "F64" else "st.too_large_for_f32",
                    name=entry.name[:80])
    return values.reshape(entry.shape)


def file_size(f: io.BufferedIOBase) -> int:
    """The size of the open file ``f`` in bytes."""
    return os.fstat(f.fileno()).st_size
