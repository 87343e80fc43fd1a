"""Builders of hostile files (issue 10), shared by the tests and tests/benchmarks/bench_hostile_files.py.

Each writes a file by hand, byte by byte, so that it can hold what a well-behaved writer would
refuse: a PNG whose header promises more pixels than its data hold, rows with a chosen filter,
a gzip stream that inflates far past what its IDX header declares.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import NamedTuple

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- measuring a load in a fresh interpreter ---------------------------------------------------

_MEASURE = """
import sys, time
from annviz.safeio import FileFormatError
{setup}
start, cpu = time.perf_counter(), time.process_time()
try:
    result = {load}(sys.argv[1])
    shape = getattr(result, "shape", None)
    outcome = f"{{shape}} max {{result.max()}}" if shape is not None else type(result).__name__
except FileFormatError as error:
    outcome = str(error)
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(outcome, peak // 1024, seconds, cpu, sep="\\n")
"""


class Load(NamedTuple):
    outcome: str          # an array's shape and maximum, a type's name, or the error's message
    peak_mib: int         # the interpreter's peak resident memory
    seconds: float        # wall time of the load alone
    cpu_seconds: float    # processor time of the load alone (what a busy machine does not inflate)


def load_in_fresh_process(setup: str, load: str, path: Path) -> Load:
    """Run ``load(path)`` in a new interpreter after ``setup`` (imports, not timed).

    The peak is VmHWM, counted afresh after exec; ``ru_maxrss`` would carry over the peak of
    the process that forked it (here, pytest's)."""
    result = subprocess.run([sys.executable, "-c", _MEASURE.format(setup=setup, load=load), str(path)],
                            capture_output=True, text=True, timeout=120, check=True)
    outcome, peak_mib, seconds, cpu = result.stdout.splitlines()
    return Load(outcome, int(peak_mib), float(seconds), float(cpu))


# --- PNG -------------------------------------------------------------------------------------

def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bytes(width: int, height: int, idat: bytes, depth: int = 8, colour: int = 0,
              interlace: int = 0, extra: list[tuple[bytes, bytes]] = ()) -> bytes:
    """A PNG file with the given header and compressed image data ``idat``, as is."""
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    chunks = [(b"IHDR", header), *extra, (b"IDAT", idat), (b"IEND", b"")]
    return PNG_SIGNATURE + b"".join(png_chunk(kind, body) for kind, body in chunks)


def filter_rows(rows: np.ndarray, bpp: int, filter_type: int) -> np.ndarray:
    """Apply one PNG filter (0-4: None, Sub, Up, Average, Paeth) to every row of (h, stride)
    uint8 bytes; ``bpp`` is the bytes per pixel. Returns (h, 1 + stride) with the type byte."""
    x = rows.astype(np.int16)
    left = np.zeros_like(x)
    left[:, bpp:] = x[:, :-bpp]
    above = np.zeros_like(x)
    above[1:] = x[:-1]
    upper_left = np.zeros_like(x)
    upper_left[1:, bpp:] = x[:-1, :-bpp]
    if filter_type == 0:
        predictor = np.zeros_like(x)
    elif filter_type == 1:
        predictor = left
    elif filter_type == 2:
        predictor = above
    elif filter_type == 3:
        predictor = (left + above) // 2
    else:
        estimate = left + above - upper_left
        da, db, dc = (np.abs(estimate - v) for v in (left, above, upper_left))
        predictor = np.where((da <= db) & (da <= dc), left, np.where(db <= dc, above, upper_left))
    out = np.empty((len(rows), rows.shape[1] + 1), np.uint8)
    out[:, 0] = filter_type
    out[:, 1:] = (x - predictor) & 0xFF
    return out


ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2))  # the seven passes of an interlaced PNG: x0, y0, x step, y step


def write_interlaced_png(path: Path, pixels: np.ndarray) -> Path:
    """An 8-bit grey (h, w) PNG in Adam7 interlacing, which Pillow cannot write."""
    passes = [pixels[y0::dy, x0::dx] for x0, y0, dx, dy in ADAM7]
    data = b"".join(filter_rows(p, 1, 0).tobytes() for p in passes if p.size)
    height, width = pixels.shape
    path.write_bytes(png_bytes(width, height, zlib.compress(data), interlace=1))
    return path


def write_filtered_png(path: Path, pixels: np.ndarray, filter_type: int) -> Path:
    """An 8-bit grey (h, w) or RGB (h, w, 3) PNG whose every row uses ``filter_type``."""
    height, width = pixels.shape[:2]
    channels = 1 if pixels.ndim == 2 else pixels.shape[2]
    rows = filter_rows(pixels.reshape(height, width * channels), channels, filter_type)
    path.write_bytes(png_bytes(width, height, zlib.compress(rows.tobytes(), 6),
                               colour={1: 0, 3: 2}[channels]))
    return path


def deflate_with_zeros(prefix: bytes, n_zeros: int) -> bytes:
    """A raw deflate stream of ``prefix`` then ``n_zeros`` zero bytes, built in milliseconds:
    after a full flush a mebibyte of zeros always compresses to the same ~1 kB block."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    mib, rest = divmod(n_zeros, 2**20)
    block = packer.compress(bytes(2**20)) + packer.flush(zlib.Z_FULL_FLUSH) if mib else b""
    return head + block * mib + packer.compress(bytes(rest)) + packer.flush()


def png_bomb(path: Path, width: int, height: int, extra_zeros: int = 0) -> Path:
    """A grey PNG of ``width`` x ``height`` black pixels, followed in its data by ``extra_zeros``
    zero bytes the image does not need; 1 MiB of zeros takes ~1 kB of file."""
    n = height * (width + 1) + extra_zeros  # each row: filter type 0, then the pixels, all zero
    adler = (n % 65521) << 16 | 1  # Adler-32 of n zero bytes
    idat = b"\x78\xda" + deflate_with_zeros(b"", n) + struct.pack(">I", adler)
    path.write_bytes(png_bytes(width, height, idat))
    return path


# --- IDX -------------------------------------------------------------------------------------

def idx_gzip_bomb(path: Path, header: bytes, n_zeros: int) -> Path:
    """A valid gzip file holding ``header`` then ``n_zeros`` zero bytes; ~1 kB per MiB."""
    crc = zlib.crc32(header)
    for start in range(0, n_zeros, 2**20):
        crc = zlib.crc32(bytes(min(2**20, n_zeros - start)), crc)
    size = (len(header) + n_zeros) % 2**32
    frame = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no time
    path.write_bytes(frame + deflate_with_zeros(header, n_zeros) + struct.pack("<II", crc, size))
    return path
