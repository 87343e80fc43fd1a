"""Read and write IDX files, the format MNIST and Fashion-MNIST are distributed in.

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of dimensions),
one big-endian uint32 per dimension, then the data in row-major order, big-endian. Files may be
gzip-compressed; we recognise gzip by its magic bytes (1f 8b), not by the file name.

Reading is strict and bounded (the rules of :mod:`annviz.safeio`): every fault (missing file, a
pipe or device, corrupt gzip, wrong magic number, a declared size past ``MAX_IDX_BYTES``, a length
that does not match the header) raises :class:`IdxError` naming the file and the fault, never a
zlib or NumPy traceback. The declared size is checked before anything is allocated, and gzip data
are inflated a chunk at a time straight into the array, never past the declared size.
"""

from __future__ import annotations

import gzip as gzip_module
import io
import math
import os
import zlib
from pathlib import Path

import numpy as np

from annviz.safeio import FileFormatError, guarded, open_regular, size_text

GZIP_MAGIC = b"\x1f\x8b"
# The largest IDX file, compressed or not, and the most data a header may declare: 256 MiB, five
# times the MNIST training images (47 MB), enough for EMNIST Digits; a 28x28 dataset past that
# would not fit in memory as the network's float32 inputs anyway.
MAX_IDX_BYTES = 256 * 2**20
CHUNK_BYTES = 2**20  # read and inflate a mebibyte at a time

# IDX type code -> big-endian dtype, as in LeCun's description of the format.
IDX_DTYPES: dict[int, np.dtype] = {
    0x08: np.dtype(">u1"),  # unsigned byte
    0x09: np.dtype(">i1"),  # signed byte
    0x0B: np.dtype(">i2"),  # short
    0x0C: np.dtype(">i4"),  # int
    0x0D: np.dtype(">f4"),  # float
    0x0E: np.dtype(">f8"),  # double
}
_TYPE_CODES = {dtype.newbyteorder("="): code for code, dtype in IDX_DTYPES.items()}


class IdxError(FileFormatError):
    """An IDX file is missing or malformed; the message names the file and the fault."""


@guarded(IdxError)
def read_idx(path: str | Path) -> np.ndarray:
    """Read an IDX file (gzip or raw). MNIST images come back as uint8 of shape (n, 28, 28).

    Memory is bounded by the size the header declares, checked against ``MAX_IDX_BYTES`` before
    anything is allocated; a gzip stream is inflated only that far (a decompression bomb stops
    there). The array is new and writable.
    """
    path = Path(path)
    with open_regular(path, MAX_IDX_BYTES, IdxError, "idx") as f:
        magic = f.read(2)
        f.seek(0)
        if magic != GZIP_MAGIC:
            return _parse_stream(f, path, raw_size=os.fstat(f.fileno()).st_size)
        with gzip_module.GzipFile(fileobj=f, mode="rb") as inflated:
            try:
                return _parse_stream(inflated, path)
            except (OSError, EOFError, zlib.error) as error:
                raise IdxError(path, "idx.gzip", detail=str(error)[:200]) from None


def parse_idx(data: bytes, name: str = "<bytes>") -> np.ndarray:
    """Parse the bytes of an (uncompressed) IDX file; ``name`` is used in error messages."""
    return _parse_stream(io.BytesIO(data), name, raw_size=len(data))


def _parse_stream(f: io.BufferedIOBase, name: str | Path, raw_size: int | None = None) -> np.ndarray:
    """Read one IDX array from ``f``; ``raw_size`` is the stream's length if known (raw files)."""
    start = f.read(4)
    if len(start) < 4:
        raise IdxError(name, "idx.too_short", n=len(start))
    zero0, zero1, type_code, ndim = start
    if zero0 != 0 or zero1 != 0:
        raise IdxError(name, "idx.magic", magic=f"0x{start.hex()}")
    if type_code not in IDX_DTYPES:
        raise IdxError(name, "idx.type", code=f"0x{type_code:02x}")
    if ndim == 0:
        raise IdxError(name, "idx.no_dimensions")
    header_size = 4 + 4 * ndim
    dims = f.read(4 * ndim)
    if len(dims) < 4 * ndim:
        raise IdxError(name, "idx.truncated_header", ndim=ndim, n=header_size, found=4 + len(dims))
    shape = tuple(int.from_bytes(dims[i:i + 4], "big") for i in range(0, 4 * ndim, 4))
    dtype = IDX_DTYPES[type_code]
    expected = math.prod(shape) * dtype.itemsize  # Python integers: 65536**4 does not wrap to 0
    if expected > MAX_IDX_BYTES - header_size:
        raise IdxError(name, "idx.too_large", shape=shape, size=size_text(expected), most=size_text(MAX_IDX_BYTES))
    if raw_size is not None and raw_size - header_size != expected:
        found = raw_size - header_size
        if found < expected:
            raise IdxError(name, "idx.truncated", n=expected, found=found)
        raise IdxError(name, "idx.trailing", extra=found - expected, n=expected, shape=shape, found=found)
    buffer = np.empty(expected, np.uint8)  # pages are touched only as data arrives
    view, filled = buffer.data, 0
    while filled < expected:
        n = f.readinto(view[filled:filled + CHUNK_BYTES])
        if not n:
            raise IdxError(name, "idx.truncated", n=expected, found=filled)
        filled += n
    if f.read(1):  # one byte more than declared is enough to know; a bomb is not inflated further
        raise IdxError(name, "idx.more_data", shape=shape, n=expected)
    array = buffer.view(dtype).reshape(shape)
    if dtype.itemsize > 1:
        array = array.astype(dtype.newbyteorder("="))  # native byte order for fast maths
    return array


def idx_bytes(array: np.ndarray) -> bytes:
    """The uncompressed IDX encoding of ``array`` (header + big-endian data)."""
    array = np.asarray(array)
    native = array.dtype.newbyteorder("=")
    if native not in _TYPE_CODES:
        raise IdxError(None, f"cannot store dtype {array.dtype} in IDX (use uint8, int8, int16, "  # a caller's mistake
                             "int32, float32 or float64)")
    if not 1 <= array.ndim <= 255:
        raise IdxError(None, f"cannot store an array of {array.ndim} dimensions in IDX")  # a caller's mistake
    type_code = _TYPE_CODES[native]
    header = bytes([0, 0, type_code, array.ndim]) + np.asarray(array.shape, ">u4").tobytes()
    return header + np.ascontiguousarray(array, dtype=IDX_DTYPES[type_code]).tobytes()


def write_idx(path: str | Path, array: np.ndarray, gzip: bool = True) -> Path:
    """Write ``array`` as an IDX file, gzip-compressed unless ``gzip=False``; returns the path."""
    path = Path(path)
    data = idx_bytes(array)
    if gzip:
        data = gzip_module.compress(data, compresslevel=6, mtime=0)
    path.write_bytes(data)
    return path
