"""Read and write IDX files, the format MNIST and Fashion-MNIST are distributed in.

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of dimensions),
one big-endian uint32 per dimension, then the data in row-major order, big-endian. Files may be
gzip-compressed; we recognise gzip by its magic bytes (1f 8b), not by the file name.

Reading is strict: every fault (missing file, corrupt gzip, wrong magic number, a length that does
not match the header) raises :class:`IdxError` naming the file and the fault, never a zlib
traceback. The data are wrapped with ``np.frombuffer`` (no copy for uint8), so the full MNIST
training set loads in the time gzip needs to decompress it.
"""

from __future__ import annotations

import gzip as gzip_module
import zlib
from pathlib import Path

import numpy as np

GZIP_MAGIC = b"\x1f\x8b"

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


class IdxError(ValueError):
    """An IDX file is missing or malformed; the message names the file and the fault."""


def _read_bytes(path: Path) -> bytes:
    """The file's content, decompressed if it starts with the gzip magic bytes."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IdxError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IdxError(f"{path}: is a folder, not an IDX file") from None
    except OSError as error:
        raise IdxError(f"{path}: cannot read: {error.strerror or error}") from None
    if not raw.startswith(GZIP_MAGIC):
        return raw
    try:
        return gzip_module.decompress(raw)
    except (OSError, EOFError, zlib.error) as error:
        raise IdxError(f"{path}: corrupt gzip data: {error}") from None


def parse_idx(data: bytes, name: str = "<bytes>") -> np.ndarray:
    """Parse the bytes of an (uncompressed) IDX file; ``name`` is used in error messages."""
    if len(data) < 4:
        raise IdxError(f"{name}: too short for an IDX header ({len(data)} bytes)")
    zero0, zero1, type_code, ndim = data[0], data[1], data[2], data[3]
    if zero0 != 0 or zero1 != 0:
        raise IdxError(
            f"{name}: wrong magic number 0x{data[:4].hex()}: "
            "an IDX file starts with two zero bytes"
        )
    if type_code not in IDX_DTYPES:
        raise IdxError(f"{name}: unknown IDX data type 0x{type_code:02x} in magic number")
    if ndim == 0:
        raise IdxError(f"{name}: magic number says 0 dimensions")
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise IdxError(
            f"{name}: truncated header: {ndim} dimensions need {header_size} bytes, "
            f"found {len(data)}"
        )
    shape = tuple(int(d) for d in np.frombuffer(data, dtype=">u4", count=ndim, offset=4))
    dtype = IDX_DTYPES[type_code]
    expected = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    found = len(data) - header_size
    if found < expected:
        raise IdxError(f"{name}: truncated: expected {expected} bytes of data, found {found}")
    if found > expected:
        raise IdxError(
            f"{name}: {found - expected} unexpected bytes after the data "
            f"(expected {expected} bytes of data for shape {shape}, found {found})"
        )
    array = np.frombuffer(data, dtype=dtype, offset=header_size).reshape(shape)
    if dtype.itemsize > 1:
        array = array.astype(dtype.newbyteorder("="))  # native byte order for fast maths
    return array


def read_idx(path: str | Path) -> np.ndarray:
    """Read an IDX file (gzip or raw). MNIST images come back as uint8 of shape (n, 28, 28).

    A uint8 array is a read-only view of the file's bytes (no copy); ``.copy()`` to modify it.
    """
    path = Path(path)
    return parse_idx(_read_bytes(path), str(path))


def idx_bytes(array: np.ndarray) -> bytes:
    """The uncompressed IDX encoding of ``array`` (header + big-endian data)."""
    array = np.asarray(array)
    native = array.dtype.newbyteorder("=")
    if native not in _TYPE_CODES:
        raise IdxError(f"cannot store dtype {array.dtype} in IDX (use uint8, int8, int16, "
                       "int32, float32 or float64)")
    if not 1 <= array.ndim <= 255:
        raise IdxError(f"cannot store an array of {array.ndim} dimensions in IDX")
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
