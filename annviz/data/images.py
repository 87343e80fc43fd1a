"""Read PNG (and, if Pillow is installed, JPEG) as a grey uint8 array, without Qt or Pillow.

``annviz predict digit.png`` must work on a machine without a GUI stack, so this is a small PNG
decoder on zlib and NumPy: bit depths 1-16, grey, grey+alpha, RGB, RGBA and palette images,
non-interlaced, all five row filters. None/Sub/Up are vectorised per row; Average and Paeth
depend on the pixel just decoded, so they run a plain loop over the row's bytes (fast enough for
a drawing; a photo of a few megapixels would take seconds). Colour becomes grey by ITU-R 601
luma; transparent pixels are composited on white paper. :func:`write_png` writes the same kinds,
with a chosen row filter, so tests can make inputs.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
LUMA = np.array([0.299, 0.587, 0.114])
# colour type -> (name, samples per pixel)
COLOUR_TYPES = {0: ("grey", 1), 2: ("RGB", 3), 3: ("palette", 1), 4: ("grey+alpha", 2),
                6: ("RGBA", 4)}
BIT_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}


class ImageError(ValueError):
    """An image file cannot be read; the message says which file and why."""


def read_image(path: str | Path) -> np.ndarray:
    """The image at ``path`` as grey uint8 (h, w): 0 black, 255 white, alpha over white."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImageError(f"{path}: no such file") from None
    except OSError as error:
        raise ImageError(f"{path}: cannot read: {error.strerror or error}") from None
    if data.startswith(PNG_SIGNATURE):
        try:
            return decode_png(data)
        except ImageError as error:
            raise ImageError(f"{path}: {error}") from None
    if data.startswith(JPEG_MAGIC):
        return _read_with_pillow(path, "JPEG")
    raise ImageError(f"{path}: not a PNG or JPEG file (use PNG)")


def _read_with_pillow(path: Path, kind: str) -> np.ndarray:
    try:
        from PIL import Image  # optional: only for JPEG
    except ImportError:
        raise ImageError(
            f"{path}: reading {kind} needs Pillow (pip install pillow) or use PNG"
        ) from None
    try:
        with Image.open(path) as image:
            return np.asarray(image.convert("L"), dtype=np.uint8)
    except (OSError, ValueError) as error:
        raise ImageError(f"{path}: cannot read {kind}: {error}") from None


# --- decoding ------------------------------------------------------------------------------------

def decode_png(data: bytes) -> np.ndarray:
    """The bytes of a PNG file -> grey uint8 (h, w)."""
    chunks = _read_chunks(data)
    if not chunks or chunks[0][0] != b"IHDR" or len(chunks[0][1]) != 13:
        raise ImageError("PNG does not start with a valid IHDR chunk")
    width, height, depth, colour, compression, filter_method, interlace = struct.unpack(
        ">IIBBBBB", chunks[0][1])
    if colour not in COLOUR_TYPES or depth not in BIT_DEPTHS[colour]:
        raise ImageError(f"unsupported PNG: colour type {colour} with bit depth {depth}")
    if compression != 0 or filter_method != 0:
        raise ImageError("unsupported PNG: unknown compression or filter method")
    if interlace != 0:
        raise ImageError("interlaced PNG is not supported: save it without interlacing")
    if width == 0 or height == 0:
        raise ImageError(f"PNG has no pixels ({width}x{height})")
    idat = b"".join(body for kind, body in chunks if kind == b"IDAT")
    try:
        raw = zlib.decompress(idat)
    except zlib.error as error:
        raise ImageError(f"corrupt PNG image data: {error}") from None
    samples_per_pixel = COLOUR_TYPES[colour][1]
    rows = _unfilter(raw, width, height, samples_per_pixel * depth)  # (h, stride) bytes
    samples = _unpack_samples(rows, width * samples_per_pixel, depth)  # (h, w*spp)
    pixels = samples.reshape(height, width, samples_per_pixel)
    extras = {kind: body for kind, body in chunks if kind in (b"PLTE", b"tRNS")}
    return _to_grey(pixels, colour, depth, extras.get(b"PLTE"), extras.get(b"tRNS"))


def _read_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, body) chunks up to IEND, each checked against its CRC."""
    chunks, position = [], len(PNG_SIGNATURE)
    while True:
        if position + 8 > len(data):
            raise ImageError("PNG is truncated (no IEND chunk)")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        crc = data[position + 8 + length : position + 12 + length]
        if len(body) != length or len(crc) != 4:
            raise ImageError(f"PNG is truncated in chunk {kind!r}")
        if zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            raise ImageError(f"PNG chunk {kind.decode('latin-1')} is corrupt (CRC mismatch)")
        if kind == b"IEND":
            return chunks
        chunks.append((kind, body))
        position += 12 + length


def _unfilter(raw: bytes, width: int, height: int, bits_per_pixel: int) -> np.ndarray:
    """Undo the per-row filters: (h, stride) uint8 of the original bytes."""
    stride = (width * bits_per_pixel + 7) // 8
    bpp = max(1, bits_per_pixel // 8)  # bytes per complete pixel, the filters' left distance
    if len(raw) != height * (stride + 1):
        raise ImageError(
            f"PNG image data has {len(raw)} bytes, expected {height * (stride + 1)}")
    filtered = np.frombuffer(raw, np.uint8).reshape(height, stride + 1)
    out = np.zeros((height + 1, stride), np.uint8)  # row 0: the zero row "above" the image
    for y, filter_type in enumerate(filtered[:, 0]):
        line, prior = filtered[y, 1:], out[y]
        if filter_type == 0:  # None
            out[y + 1] = line
        elif filter_type == 1:  # Sub: x = raw + left, a running sum per byte of the pixel
            lanes = np.zeros(-(-stride // bpp) * bpp, np.uint8)
            lanes[:stride] = line
            out[y + 1] = np.cumsum(lanes.reshape(-1, bpp), axis=0, dtype=np.uint8).ravel()[:stride]
        elif filter_type == 2:  # Up: x = raw + above
            out[y + 1] = line + prior
        elif filter_type in (3, 4):  # Average, Paeth: each byte needs the one just decoded
            out[y + 1] = _unfilter_sequential(line.tobytes(), prior.tobytes(), bpp, filter_type)
        else:
            raise ImageError(f"PNG row {y} has unknown filter type {filter_type}")
    return out[1:]


def _unfilter_sequential(line: bytes, prior: bytes, bpp: int, filter_type: int) -> bytearray:
    row = bytearray(line)
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        above = prior[i]
        if filter_type == 3:
            row[i] = (row[i] + ((left + above) >> 1)) & 0xFF
            continue
        upper_left = prior[i - bpp] if i >= bpp else 0
        estimate = left + above - upper_left
        da, db, dc = abs(estimate - left), abs(estimate - above), abs(estimate - upper_left)
        predictor = left if da <= db and da <= dc else above if db <= dc else upper_left
        row[i] = (row[i] + predictor) & 0xFF
    return row


def _unpack_samples(rows: np.ndarray, samples_per_row: int, depth: int) -> np.ndarray:
    """(h, stride) bytes -> (h, samples_per_row) integer samples (uint8, or uint16 at 16 bits)."""
    if depth == 8:
        return rows
    if depth == 16:
        return rows.view(">u2").astype(np.uint16)
    bits = np.unpackbits(rows, axis=1)  # (h, stride*8), most significant bit first
    weights = (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8)  # e.g. [2, 1] at depth 2
    groups = bits[:, : samples_per_row * depth].reshape(len(rows), samples_per_row, depth)
    return (groups * weights).sum(axis=2, dtype=np.uint8)


def _to_grey(pixels: np.ndarray, colour: int, depth: int,
             palette: bytes | None, transparency: bytes | None) -> np.ndarray:
    """(h, w, samples) -> grey uint8 (h, w), composited on white."""
    full_scale = (1 << depth) - 1
    if colour == 3:
        if palette is None or len(palette) % 3:
            raise ImageError("palette PNG without a valid PLTE chunk")
        rgba = np.full((256, 4), 255, np.uint8)
        entries = np.frombuffer(palette, np.uint8).reshape(-1, 3)
        rgba[: len(entries), :3] = entries
        if transparency is not None:
            rgba[: len(transparency), 3] = np.frombuffer(transparency, np.uint8)
        indices = pixels[:, :, 0]
        if int(indices.max()) >= len(entries):
            raise ImageError("PNG pixel refers to a colour beyond the palette")
        colour_values, alpha = rgba[indices, :3] / 255.0, rgba[indices, 3] / 255.0
    else:
        values = pixels / full_scale  # (h, w, samples) in 0..1
        has_alpha = colour in (4, 6)
        colour_values = values[:, :, :-1] if has_alpha else values
        alpha = values[:, :, -1] if has_alpha else np.ones(pixels.shape[:2])
        if transparency is not None and colour in (0, 2):  # one colour marked transparent
            key = np.frombuffer(transparency, ">u2")[: pixels.shape[2]]
            alpha = np.where((pixels == key).all(axis=2), 0.0, 1.0)
    grey = colour_values @ LUMA if colour_values.shape[2] == 3 else colour_values[:, :, 0]
    grey = grey * alpha + (1.0 - alpha)  # over white paper
    return np.round(grey * 255.0).astype(np.uint8)


# --- encoding ------------------------------------------------------------------------------------

def write_png(path: str | Path, image: np.ndarray, palette: np.ndarray | None = None,
              filter_type: int = 2) -> Path:
    """Write uint8 ``image`` as an 8-bit PNG: grey (h, w), grey+alpha (h, w, 2), RGB (h, w, 3)
    or RGBA (h, w, 4); with ``palette`` (k, 3|4) the image holds palette indices.
    ``filter_type`` 0-4 (None, Sub, Up, Average, Paeth) is used on every row."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        raise ImageError(f"write_png needs uint8 pixels, got {image.dtype}")
    pixels = image[:, :, None] if image.ndim == 2 else image
    if pixels.ndim != 3 or pixels.shape[2] not in (1, 2, 3, 4) or min(pixels.shape[:2]) == 0:
        raise ImageError(f"cannot write an image of shape {image.shape} as PNG")
    height, width, samples = pixels.shape
    chunks = []
    if palette is not None:
        palette = np.asarray(palette, np.uint8)
        if samples != 1 or palette.ndim != 2 or palette.shape[1] not in (3, 4):
            raise ImageError("a palette image needs (h, w) indices and a (k, 3|4) palette")
        colour = 3
        chunks.append((b"PLTE", palette[:, :3].tobytes()))
        if palette.shape[1] == 4:
            chunks.append((b"tRNS", palette[:, 3].tobytes()))
    else:
        colour = {1: 0, 2: 4, 3: 2, 4: 6}[samples]
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    rows = pixels.reshape(height, width * samples)
    body = zlib.compress(_filter(rows, samples, filter_type).tobytes(), 9)
    data = PNG_SIGNATURE + b"".join(
        _chunk(kind, content)
        for kind, content in [(b"IHDR", header), *chunks, (b"IDAT", body), (b"IEND", b"")]
    )
    path = Path(path)
    path.write_bytes(data)
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _filter(rows: np.ndarray, bpp: int, filter_type: int) -> np.ndarray:
    """Apply one PNG filter to every row: (h, stride) -> (h, 1 + stride) with the type byte."""
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
    elif filter_type == 4:
        estimate = left + above - upper_left
        da, db, dc = (np.abs(estimate - v) for v in (left, above, upper_left))
        predictor = np.where((da <= db) & (da <= dc), left, np.where(db <= dc, above, upper_left))
    else:
        raise ImageError(f"unknown PNG filter type {filter_type}")
    out = np.empty((len(rows), rows.shape[1] + 1), np.uint8)
    out[:, 0] = filter_type
    out[:, 1:] = (x - predictor) & 0xFF
    return out
