"""Reading images through Pillow: libpng's files, JPEG, and one ImageError for every hostile file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import numpy as np
import pytest

from annviz.data import ImageError, read_image, write_png
from annviz.data.images import MAX_PIXELS
from hostile_files import (
    load_in_fresh_process,
    png_bomb,
    png_bytes,
    png_chunk,
    write_filtered_png,
    write_interlaced_png,
)

FIXTURES = Path(__file__).parent / "fixtures"  # made by fixtures/make_fixtures.py with Qt
LUMA = np.array([0.299, 0.587, 0.114])


def over_white(rgba: np.ndarray) -> np.ndarray:
    """The grey we expect: ITU-R 601 luma, composited on white."""
    values = rgba / 255.0
    alpha = values[..., 3] if values.shape[-1] == 4 else 1.0
    return np.round(((values[..., :3] @ LUMA) * alpha + (1 - alpha)) * 255).astype(np.uint8)


def assert_grey_equal(got: np.ndarray, want: np.ndarray) -> None:
    """Equal within one level: Pillow's luma and compositing are integer arithmetic."""
    assert got.dtype == np.uint8 and got.shape == want.shape
    np.testing.assert_allclose(got.astype(int), want.astype(int), atol=1, rtol=0)


@pytest.fixture(scope="module")
def expected() -> dict[str, np.ndarray]:
    with np.load(FIXTURES / "qt_expected.npz") as data:
        return dict(data)


def test_libpng_grey_with_sub_up_average_rows(expected) -> None:
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_grey.png"), expected["grey"])


def test_libpng_rgb_with_all_filters(expected) -> None:
    assert_grey_equal(read_image(FIXTURES / "qt_rgb.png"), over_white(expected["rgb"]))


def test_libpng_rgba_composited_on_white(expected) -> None:
    assert_grey_equal(read_image(FIXTURES / "qt_rgba.png"), over_white(expected["rgba"]))


def test_libpng_palette_with_transparency(expected) -> None:
    colours = expected["palette"][expected["indices"]]  # (h, w, 4)
    assert_grey_equal(read_image(FIXTURES / "qt_palette.png"), over_white(colours))


def test_libpng_one_bit_palette(expected) -> None:
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_mono.png"), expected["mono"])


def test_grey_round_trip(tmp_path: Path) -> None:
    image = np.random.default_rng(0).integers(0, 256, (31, 17), dtype=np.uint8)
    np.testing.assert_array_equal(read_image(write_png(tmp_path / "digit.png", image)), image)


@pytest.mark.parametrize("channels", [2, 3, 4])
def test_colour_round_trip(tmp_path: Path, channels: int) -> None:
    pixels = np.random.default_rng(channels).integers(0, 256, (9, 13, channels), dtype=np.uint8)
    path = write_png(tmp_path / "c.png", pixels)
    rgba = {2: lambda p: np.concatenate([p[..., :1]] * 3 + [p[..., 1:]], axis=-1),
            3: lambda p: p, 4: lambda p: p}[channels](pixels)
    expected = over_white(rgba)
    if channels == 2:  # grey + alpha: the grey needs no luma weights
        a = pixels[..., 1] / 255.0
        expected = np.round((pixels[..., 0] / 255.0 * a + 1 - a) * 255).astype(np.uint8)
    assert_grey_equal(read_image(path), expected)


def test_palette_round_trip(tmp_path: Path) -> None:
    palette = np.array([[255, 255, 255, 255], [0, 0, 0, 255], [200, 0, 0, 0]], np.uint8)
    indices = np.random.default_rng(0).integers(0, 3, (10, 12)).astype(np.uint8)
    path = write_png(tmp_path / "p.png", indices, palette=palette)
    assert_grey_equal(read_image(path), over_white(palette[indices]))


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path: Path) -> None:
    values = np.array([[0, 65535, 32896], [257, 1000, 65280]], ">u2")
    path = tmp_path / "deep.png"
    rows = np.hstack([np.zeros((2, 1), np.uint8), values.view(np.uint8).reshape(2, 6)])
    path.write_bytes(png_bytes(3, 2, zlib.compress(rows.tobytes()), depth=16))
    expected = np.round(values.astype(float) / 65535 * 255).astype(np.uint8)
    np.testing.assert_array_equal(read_image(path), expected)


def test_two_bit_grey(tmp_path: Path) -> None:
    levels = np.array([[0, 1, 2, 3, 3], [3, 2, 1, 0, 1]])  # 5 pixels -> 2 bytes per row
    packed = np.zeros((2, 3), np.uint8)  # filter byte, then the packed pixels
    for col in range(5):
        packed[:, 1 + col // 4] |= (levels[:, col] << (6 - 2 * (col % 4))).astype(np.uint8)
    path = tmp_path / "two-bit.png"
    path.write_bytes(png_bytes(5, 2, zlib.compress(packed.tobytes()), depth=2))
    np.testing.assert_array_equal(read_image(path), levels * 85)


@pytest.mark.parametrize("filter_type", range(5))
def test_every_row_filter(tmp_path: Path, filter_type: int) -> None:
    image = np.random.default_rng(filter_type).integers(0, 256, (31, 17), dtype=np.uint8)
    path = write_filtered_png(tmp_path / "f.png", image, filter_type)
    np.testing.assert_array_equal(read_image(path), image)


def test_interlaced_png_is_read(tmp_path: Path) -> None:
    image = np.random.default_rng(1).integers(0, 256, (13, 11), dtype=np.uint8)
    np.testing.assert_array_equal(read_image(write_interlaced_png(tmp_path / "i.png", image)), image)


def test_jpeg_is_read_like_the_png_of_the_same_picture(tmp_path: Path) -> None:
    from digit_strokes import render
    from PIL import Image

    canvas = render("4")  # dark ink on white paper, 280 x 280
    colour = np.stack([canvas, canvas // 2 + 100, canvas], axis=-1)
    Image.fromarray(colour).save(tmp_path / "four.jpg", quality=95)
    png, jpeg = read_image(write_png(tmp_path / "four.png", colour)), read_image(tmp_path / "four.jpg")
    assert jpeg.shape == png.shape == canvas.shape and jpeg.dtype == np.uint8
    difference = np.abs(jpeg.astype(int) - png.astype(int))
    assert difference.mean() < 0.5 and np.percentile(difference, 99) <= 6


def _image_error(path, fault: str) -> str:
    with pytest.raises(ImageError, match=fault) as error:
        read_image(path)
    assert type(error.value) is ImageError
    assert str(error.value).startswith(f"{path}: ") and "\n" not in str(error.value)
    return str(error.value)


def test_damaged_header_is_found_by_its_crc(tmp_path: Path) -> None:
    data = bytearray(write_png(tmp_path / "ok.png", np.zeros((8, 8), np.uint8)).read_bytes())
    data[29] ^= 0xFF  # inside IHDR
    (tmp_path / "bad.png").write_bytes(bytes(data))
    _image_error(tmp_path / "bad.png", "not an image annviz reads .*, or a damaged one")


def test_truncated_png(tmp_path: Path) -> None:
    image = np.random.default_rng(0).integers(0, 256, (64, 64), dtype=np.uint8)
    data = write_png(tmp_path / "ok.png", image).read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    _image_error(tmp_path / "cut.png", r"damaged or unsupported image \(image file is truncated")


def test_not_an_image_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("hello")
    _image_error(tmp_path / "notes.png", r"not an image annviz reads \(PNG, JPEG, BMP, GIF, TIFF, WEBP\)")
    _image_error(tmp_path / "gone.png", "no such file")
    _image_error(tmp_path, "is a folder, not an image")


def test_postscript_is_never_handed_to_ghostscript(tmp_path: Path) -> None:
    path = tmp_path / "digit.eps"
    path.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 28 28\nshowpage\n")
    _image_error(path, "not an image annviz reads")


# --- hostile images (issue 10): bounded memory and one ImageError naming the file ---------------

def _read_in_fresh_process(path: Path) -> tuple[str, int]:
    """What reading ``path`` gives in a new interpreter, and that interpreter's peak memory in MiB."""
    load = load_in_fresh_process("from annviz.data.images import read_image", "read_image", path)
    return load.outcome, load.peak_mib


def test_a_png_bomb_of_900_megapixels_is_refused_from_its_header(tmp_path: Path) -> None:
    """30000 x 30000 black pixels in an 890 kB file: the old decoder ended in MemoryError."""
    bomb = png_bomb(tmp_path / "bomb.png", 30000, 30000)
    assert bomb.stat().st_size < 1_000_000
    outcome, peak_mib = _read_in_fresh_process(bomb)
    assert outcome.startswith(f"{bomb}: has more pixels than annviz reads (40 megapixels), refused "
                              "as a possible decompression bomb")
    assert peak_mib < 100


@pytest.mark.parametrize("width,height", [(8000, 6000), (10000, 10000)])
def test_more_than_40_megapixels_is_refused(tmp_path: Path, width: int, height: int) -> None:
    path = png_bomb(tmp_path / "large.png", width, height)
    assert width * height > MAX_PIXELS
    _image_error(path, "more pixels than annviz reads|more than annviz reads")


def test_data_past_the_image_is_never_inflated(tmp_path: Path) -> None:
    """A 36-megapixel image followed by 1 GiB of zeros in a 1 MB file: read as the image it is."""
    bomb = png_bomb(tmp_path / "padded.png", 6000, 6000, extra_zeros=2**30)
    assert bomb.stat().st_size < 1_200_000
    outcome, peak_mib = _read_in_fresh_process(bomb)
    assert outcome == "(6000, 6000) max 0"
    assert peak_mib < 300


def test_running_out_of_memory_is_an_image_error(tmp_path: Path) -> None:
    """Memory capped at 20 MB above what the interpreter holds: a 36-megapixel image cannot fit."""
    path = png_bomb(tmp_path / "big.png", 6000, 6000)
    script = (
        "import resource, sys\n"
        "from annviz.data.images import ImageError, read_image\n"
        "import PIL.Image, PIL.PngImagePlugin\n"
        "size = next(int(l.split()[1]) * 1024 for l in open('/proc/self/status') if l.startswith('VmSize'))\n"
        "resource.setrlimit(resource.RLIMIT_AS, (size + 20 * 2**20, size + 20 * 2**20))\n"
        "try:\n    read_image(sys.argv[1])\nexcept ImageError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == f"{path}: too large to decode in the memory available", result.stderr


def test_a_fifo_and_a_device_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "digit.png"
    os.mkfifo(fifo)
    errors = []
    for path in (fifo, Path("/dev/zero")):
        thread = threading.Thread(target=lambda p=path: errors.append(_image_error(p, "not a regular")),
                                  daemon=True)
        thread.start()
        thread.join(5)
        assert not thread.is_alive(), f"read_image({path}) hung"
    assert errors == [f"{fifo}: is not a regular file (a pipe, device or socket), not an image",
                      "/dev/zero: is not a regular file (a pipe, device or socket), not an image"]


def test_write_png_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    with pytest.raises(ImageError, match="uint8"):
        write_png(tmp_path / "f.png", np.zeros((3, 3), np.float32))
    with pytest.raises(ImageError, match="shape"):
        write_png(tmp_path / "f.png", np.zeros((3, 3, 5), np.uint8))


def test_png_of_a_drawing_gives_the_same_input_as_the_drawing(tmp_path: Path) -> None:
    from digit_strokes import render

    from annviz.data import canvas_to_mnist

    canvas = render("7")
    path = write_png(tmp_path / "seven.png", np.stack([canvas] * 3, axis=-1))
    np.testing.assert_allclose(canvas_to_mnist(read_image(path)), canvas_to_mnist(canvas),
                               atol=1e-6)


def test_an_image_very_long_on_one_side_is_refused_from_its_header(tmp_path):
    """1 × 40,000,000 pixels is within the pixel cap but took ~20 s to import, row by row."""
    import time

    from annviz.data.images import ImageError, read_image
    from hostile_files import png_bytes

    path = tmp_path / "thin.png"
    path.write_bytes(png_bytes(1, 40_000_000, b""))     # the header alone says what it is
    start = time.perf_counter()
    with pytest.raises(ImageError, match="1 x 40000000 pixels; annviz reads images of at most 20,000"):
        read_image(path)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize("raised", [AssertionError("assert self.im is not None"), IndexError("list index"),
                                    KeyError("tRNS"), TypeError("bad operand"), ZeroDivisionError()])
def test_whatever_pillow_raises_while_decoding_is_one_image_error_naming_the_file(tmp_path, monkeypatch, raised):
    """Pillow raises more than its documented types on some malformed files (an AssertionError
    was seen); here each is injected into the decoder."""
    from PIL import ImageFile

    from annviz.data.images import ImageError, read_image, write_png

    path = write_png(tmp_path / "digit.png", np.zeros((28, 28), np.uint8))

    def broken_load(self):
        raise raised

    monkeypatch.setattr(ImageFile.ImageFile, "load", broken_load)
    with pytest.raises(ImageError) as caught:
        read_image(path)
    assert str(caught.value).startswith(f"{path}: damaged or unsupported image")


def test_a_chunk_that_declares_4_gib_allocates_no_more_than_the_file_holds(tmp_path):
    """Found by the fuzzer: Pillow read a PNG chunk of the length it declares, 2³² − 1 bytes,
    into a buffer of that size (no resident memory, but 4 GiB asked of the allocator)."""
    import struct
    import tracemalloc

    from hostile_files import PNG_SIGNATURE

    header = struct.pack(">IIBBBBB", 24, 20, 8, 0, 0, 0, 0)
    path = tmp_path / "chunk.png"
    path.write_bytes(PNG_SIGNATURE + png_chunk(b"IHDR", header) + b"\xff\xff\xff\xffIDAT" + bytes(300))
    tracemalloc.start()
    try:
        with pytest.raises(ImageError, match="chunk.png: damaged or unsupported image"):
            read_image(path)
        assert tracemalloc.get_traced_memory()[1] < 64 * 2**20
    finally:
        tracemalloc.stop()
