"""Read an image file (PNG, JPEG, BMP, GIF, TIFF, WebP) as grey uint8 pixels, through Pillow.

One path for every format: Pillow decodes (imported here, when an image is read, so that
``import annviz.data`` stays light), colour becomes grey by ITU-R 601 luma, and transparent pixels
are composited on white paper, as a drawing on paper looks. The rules of :mod:`annviz.safeio`
hold: a regular file of bounded size, only the formats above (no plugin that runs a program,
such as EPS), at most ``MAX_PIXELS`` pixels checked from the header before anything is decoded,
and every fault — including Pillow's ``DecompressionBombError`` and a ``MemoryError`` — is one
:class:`ImageError` naming the file. :func:`write_png` writes test inputs.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from annviz.safeio import FileFormatError, capped, guarded, open_regular

if TYPE_CHECKING:   # Pillow is imported when an image is read, not when the app starts
    from PIL.Image import Image

MAX_PIXELS = 40_000_000        # a 7,300 x 5,500 photo; grey it takes 40 MB, RGBA while decoding 160 MB
MAX_SIDE = 20_000              # pixels on a side; a 40-megapixel photo is 7,300 x 5,500
MAX_IMAGE_BYTES = 256 * 2**20  # larger files are not photos of a digit
FORMATS = ("PNG", "JPEG", "BMP", "GIF", "TIFF", "WEBP")  # what Pillow may try; nothing that executes
SIXTEEN_BIT_GREY = ("I;16", "I;16L", "I;16B", "I;16N")
STRIP_PIXELS = 2**21  # pixels converted to grey at a time (whole rows; a 1-pixel-wide image in few strips)


class ImageError(FileFormatError):
    """An image file cannot be read; the message says which file and why."""


@guarded(ImageError)
def read_image(path: str | os.PathLike) -> np.ndarray:
    """The image at ``path`` as grey uint8 (h, w): 0 black, 255 white, alpha over white.

    Any exception while Pillow decodes — its documented ones, and the others it raises on some
    malformed files (an AssertionError, an IndexError …) — is one ImageError naming the file."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    with capped(open_regular(path, MAX_IMAGE_BYTES, ImageError, "image")) as f:
        try:
            with warnings.catch_warnings():  # Pillow warns of a possible bomb past 89 megapixels,
                warnings.simplefilter("ignore")  # and of damaged TIFF tags (the decoding then says)
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(f, formats=FORMATS)
            with image:
                width, height = image.size
                if max(width, height) > MAX_SIDE:   # 1 × 40,000,000: seconds of decoding row by row
                    raise ImageError(path, "image.too_long_side", width=width, height=height, most=f"{MAX_SIDE:,}")
                if width * height > MAX_PIXELS:
                    raise ImageError(path, "image.too_many_pixels", width=width, height=height,
                                     most=f"{MAX_PIXELS / 1e6:.0f}")
                return _grey(image)
        except ImageError:
            raise
        except UnidentifiedImageError:
            raise ImageError(path, "image.unidentified", formats=", ".join(FORMATS)) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageError(path, "image.bomb", most=f"{MAX_PIXELS / 1e6:.0f}") from None
        except MemoryError:
            raise ImageError(path, "image.memory") from None
        except Exception as error:  # noqa: BLE001 — Pillow's own and the others it raises
            # Pillow reports damaged data as OSError ("image file is truncated"), ValueError or
            # SyntaxError (a malformed header), EOFError (data ending early), and on some
            # malformed files with an AssertionError, IndexError, struct.error …
            raise ImageError(path, "image.damaged", detail=_first_line(error)) from None


def _grey(image: Image) -> np.ndarray:
    """A Pillow image -> grey uint8 (h, w), alpha composited over white.

    Converted a strip of rows at a time, so that memory stays near the decoded image plus the
    result. Pillow's integer luma and compositing are within one level of ITU-R 601 in floats.
    """
    image.draft("L", image.size)  # a JPEG decodes straight to grey (its luma), at full size
    if image.mode in SIXTEEN_BIT_GREY:
        convert = _scaled_down  # Pillow's own conversion clips at 255 instead of scaling
    elif image.has_transparency_data:
        convert = _over_white
    else:
        convert = _luma
    image.load()
    width, height = image.size
    grey = np.empty((height, width), np.uint8)
    rows = max(1, STRIP_PIXELS // max(width, 1))
    for top in range(0, height, rows):
        strip = image.crop((0, top, width, min(top + rows, height)))
        grey[top:top + strip.height] = convert(strip)
    return grey


def _luma(strip: Image) -> np.ndarray:
    return np.asarray(strip if strip.mode == "L" else strip.convert("L"))


def _scaled_down(strip: Image) -> np.ndarray:
    wide = np.asarray(strip).astype(np.uint32)  # 0..65535
    return (wide * 255 + 32767) // 65535


def _over_white(strip: Image) -> np.ndarray:
    from PIL import Image

    rgba = strip if strip.mode == "RGBA" else strip.convert("RGBA")
    paper = Image.new("L", rgba.size, 255)
    return np.asarray(Image.composite(rgba.convert("L"), paper, rgba.getchannel("A")))


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def write_png(path: str | os.PathLike, image: np.ndarray, palette: np.ndarray | None = None) -> Path:
    """Write uint8 ``image`` as an 8-bit PNG: grey (h, w), grey+alpha (h, w, 2), RGB (h, w, 3)
    or RGBA (h, w, 4); with ``palette`` (k, 3|4) the image holds palette indices."""
    from PIL import Image

    path = Path(path)
    image = np.asarray(image)
    if image.dtype != np.uint8:
        raise ImageError(path, f"write_png needs uint8 pixels, got {image.dtype}")  # a caller's mistake
    channels = 1 if image.ndim == 2 else image.shape[2] if image.ndim == 3 else 0
    if channels not in (1, 2, 3, 4) or 0 in image.shape:
        raise ImageError(path, f"cannot write an image of shape {image.shape} as PNG")  # a caller's mistake
    mode = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}[channels]
    picture = Image.frombytes(mode, (image.shape[1], image.shape[0]), image.tobytes())
    if palette is not None:
        palette = np.asarray(palette, np.uint8)
        if channels != 1 or palette.ndim != 2 or palette.shape[1] not in (3, 4):
            raise ImageError(path, "a palette image needs (h, w) indices and a (k, 3|4) palette")  # a caller's mistake
        picture = Image.frombytes("P", picture.size, image.tobytes())
        picture.putpalette(palette[:, :3].tobytes(), rawmode="RGB")
        if palette.shape[1] == 4:
            picture.info["transparency"] = palette[:, 3].tobytes()
    picture.save(path, format="PNG")
    return path
