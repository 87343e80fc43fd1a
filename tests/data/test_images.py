"""PNG reading without Qt or Pillow: files written by libpng (through Qt) decode exactly."""

from __future__ import annotations

import importlib.util
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest

from annviz.data import ImageError, read_image, write_png
from annviz.data.images import PNG_SIGNATURE, _chunk, _filter

FIXTURES = Path(__file__).parent / "fixtures"  # made by fixtures/make_fixtures.py with Qt
LUMA = np.array([0.299, 0.587, 0.114])


def over_white(rgba: np.ndarray) -> np.ndarray:
    """The grey we expect: ITU-R 601 luma, composited on white."""
    values = rgba / 255.0
    alpha = values[..., 3] if values.shape[-1] == 4 else 1.0
    return np.round(((values[..., :3] @ LUMA) * alpha + (1 - alpha)) * 255).astype(np.uint8)


@pytest.fixture(scope="module")
def expected() -> dict[str, np.ndarray]:
    with np.load(FIXTURES / "qt_expected.npz") as data:
        return dict(data)


def test_libpng_grey_with_sub_up_average_rows(expected) -> None:
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_grey.png"), expected["grey"])


def test_libpng_rgb_with_all_filters(expected) -> None:
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_rgb.png"), over_white(expected["rgb"]))


def test_libpng_rgba_composited_on_white(expected) -> None:
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_rgba.png"),
                                  over_white(expected["rgba"]))


def test_libpng_palette_with_transparency(expected) -> None:
    colours = expected["palette"][expected["indices"]]  # (h, w, 4)
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_palette.png"), over_white(colours))


def test_libpng_one_bit_palette(expected) -> None:
    np.testing.assert_array_equal(read_image(FIXTURES / "qt_mono.png"), expected["mono"])


@pytest.mark.parametrize("filter_type", range(5))
def test_grey_round_trip_with_every_filter(tmp_path: Path, filter_type: int) -> None:
    image = np.random.default_rng(filter_type).integers(0, 256, (31, 17), dtype=np.uint8)
    path = write_png(tmp_path / "digit.png", image, filter_type=filter_type)
    np.testing.assert_array_equal(read_image(path), image)


@pytest.mark.parametrize("channels", [2, 3, 4])
@pytest.mark.parametrize("filter_type", [1, 3, 4])
def test_colour_round_trip(tmp_path: Path, channels: int, filter_type: int) -> None:
    pixels = np.random.default_rng(channels).integers(0, 256, (9, 13, channels), dtype=np.uint8)
    path = write_png(tmp_path / "c.png", pixels, filter_type=filter_type)
    rgba = {2: lambda p: np.concatenate([p[..., :1]] * 3 + [p[..., 1:]], axis=-1),
            3: lambda p: p, 4: lambda p: p}[channels](pixels)
    expected = over_white(rgba)
    if channels == 2:  # grey + alpha: the grey needs no luma weights
        a = pixels[..., 1] / 255.0
        expected = np.round((pixels[..., 0] / 255.0 * a + 1 - a) * 255).astype(np.uint8)
    np.testing.assert_array_equal(read_image(path), expected)


def test_palette_round_trip(tmp_path: Path) -> None:
    palette = np.array([[255, 255, 255, 255], [0, 0, 0, 255], [200, 0, 0, 0]], np.uint8)
    indices = np.random.default_rng(0).integers(0, 3, (10, 12)).astype(np.uint8)
    path = write_png(tmp_path / "p.png", indices, palette=palette)
    np.testing.assert_array_equal(read_image(path), over_white(palette[indices]))


def _png(width: int, height: int, depth: int, colour: int, rows: np.ndarray,
         interlace: int = 0, extra: list[tuple[bytes, bytes]] = ()) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    body = zlib.compress(_filter(rows, max(1, rows.shape[1] // width), 0).tobytes())
    chunks = [(b"IHDR", header), *extra, (b"IDAT", body), (b"IEND", b"")]
    return PNG_SIGNATURE + b"".join(_chunk(kind, data) for kind, data in chunks)


def test_sixteen_bit_grey(tmp_path: Path) -> None:
    values = np.array([[0, 65535, 32896], [257, 1000, 65280]], ">u2")
    path = tmp_path / "deep.png"
    path.write_bytes(_png(3, 2, 16, 0, values.view(np.uint8).reshape(2, 6)))
    expected = np.round(values.astype(float) / 65535 * 255).astype(np.uint8)
    np.testing.assert_array_equal(read_image(path), expected)


def test_two_bit_grey(tmp_path: Path) -> None:
    levels = np.array([[0, 1, 2, 3, 3], [3, 2, 1, 0, 1]])  # 5 pixels -> 2 bytes per row
    packed = np.zeros((2, 2), np.uint8)
    for col in range(5):
        packed[:, col // 4] |= (levels[:, col] << (6 - 2 * (col % 4))).astype(np.uint8)
    path = tmp_path / "two-bit.png"
    path.write_bytes(_png(5, 2, 2, 0, packed))
    np.testing.assert_array_equal(read_image(path), levels * 85)


def test_interlaced_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "interlaced.png"
    path.write_bytes(_png(2, 2, 8, 0, np.zeros((2, 2), np.uint8), interlace=1))
    with pytest.raises(ImageError, match="interlaced.png: interlaced PNG is not supported"):
        read_image(path)


def test_corrupt_chunk_is_found_by_its_crc(tmp_path: Path) -> None:
    data = bytearray(write_png(tmp_path / "ok.png", np.zeros((8, 8), np.uint8)).read_bytes())
    data[-20] ^= 0xFF  # inside IDAT
    (tmp_path / "bad.png").write_bytes(bytes(data))
    with pytest.raises(ImageError, match=r"bad.png: PNG chunk IDAT is corrupt \(CRC mismatch\)"):
        read_image(tmp_path / "bad.png")


def test_truncated_png(tmp_path: Path) -> None:
    data = write_png(tmp_path / "ok.png", np.zeros((8, 8), np.uint8)).read_bytes()
    (tmp_path / "cut.png").write_bytes(data[:40])
    with pytest.raises(ImageError, match="cut.png: PNG is truncated"):
        read_image(tmp_path / "cut.png")


def test_not_an_image_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("hello")
    with pytest.raises(ImageError, match="notes.png: not a PNG or JPEG"):
        read_image(tmp_path / "notes.png")
    with pytest.raises(ImageError, match="gone.png: no such file"):
        read_image(tmp_path / "gone.png")


@pytest.mark.skipif(importlib.util.find_spec("PIL") is not None, reason="Pillow is installed")
def test_jpeg_without_pillow_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    with pytest.raises(ImageError, match=r"reading JPEG needs Pillow \(pip install pillow\)"):
        read_image(tmp_path / "photo.jpg")


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
