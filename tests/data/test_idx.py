"""IDX reading and writing: round trips, and every kind of damaged file names file and fault."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from annviz.data import IdxError, read_idx, write_idx
from annviz.data.idx import idx_bytes
from annviz.paths import resources_dir
from hostile_files import idx_gzip_bomb, load_in_fresh_process


@pytest.mark.parametrize("compress", [True, False])
@pytest.mark.parametrize(
    "array",
    [
        np.arange(5 * 28 * 28, dtype=np.uint8).reshape(5, 28, 28),
        np.array([3, 1, 4, 1, 5], np.uint8),
        np.arange(-6, 6, dtype=np.int8).reshape(3, 4),
        np.arange(-300, 300, 7, dtype=np.int16),
        np.arange(24, dtype=np.int32).reshape(2, 3, 4) * 100_000,
        np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4),
        np.linspace(-1, 1, 12, dtype=np.float64).reshape(2, 2, 3),
    ],
    ids=["ubyte-3d", "ubyte-1d", "sbyte", "short", "int", "float", "double"],
)
def test_round_trip(tmp_path: Path, array: np.ndarray, compress: bool) -> None:
    path = write_idx(tmp_path / "a.idx", array, gzip=compress)
    assert path.read_bytes()[:2] == (b"\x1f\x8b" if compress else b"\x00\x00")
    back = read_idx(path)
    assert back.shape == array.shape
    assert back.dtype == array.dtype  # native byte order, same kind
    np.testing.assert_array_equal(back, array)


def test_header_layout_follows_the_format() -> None:
    data = idx_bytes(np.zeros((2, 3), np.uint8))
    assert data[:4] == b"\x00\x00\x08\x02"
    assert data[4:12] == b"\x00\x00\x00\x02\x00\x00\x00\x03"
    assert len(data) == 12 + 6


def test_gzip_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    array = np.arange(10, dtype=np.uint8)
    gz_without_suffix = write_idx(tmp_path / "labels-idx1-ubyte", array, gzip=True)
    raw_with_suffix = write_idx(tmp_path / "labels-idx1-ubyte.gz", array, gzip=False)
    np.testing.assert_array_equal(read_idx(gz_without_suffix), array)
    np.testing.assert_array_equal(read_idx(raw_with_suffix), array)


def test_bundled_mnist_images_have_mnist_shape() -> None:
    images = read_idx(resources_dir() / "mnist" / "t10k-images-idx3-ubyte.gz")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8


def _raw(tmp_path: Path, data: bytes, name: str = "broken-idx3-ubyte") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_truncated_data_says_how_much_is_missing(tmp_path: Path) -> None:
    data = idx_bytes(np.zeros((3, 28, 28), np.uint8))
    path = _raw(tmp_path, data[:-100])
    with pytest.raises(IdxError, match=r"truncated: expected 2352 bytes of data, found 2252") as e:
        read_idx(path)
    assert str(path) in str(e.value)


def test_truncated_gzip_file_is_an_idx_error(tmp_path: Path) -> None:
    data = gzip.compress(idx_bytes(np.arange(3000, dtype=np.int32)))
    path = _raw(tmp_path, data[: len(data) // 2], "cut.gz")
    with pytest.raises(IdxError, match="cut.gz: corrupt gzip data"):
        read_idx(path)


def test_corrupt_gzip_is_an_idx_error_not_a_zlib_error(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(idx_bytes(np.arange(3000, dtype=np.int32))))
    data[20:40] = bytes(range(20))  # damage the deflate stream
    path = _raw(tmp_path, bytes(data), "damaged.gz")
    with pytest.raises(IdxError, match="damaged.gz: corrupt gzip data"):
        read_idx(path)


def test_trailing_bytes_are_an_error(tmp_path: Path) -> None:
    path = _raw(tmp_path, idx_bytes(np.zeros(4, np.uint8)) + b"junk")
    with pytest.raises(IdxError, match=r"broken-idx3-ubyte: 4 unexpected bytes after the data"):
        read_idx(path)


@pytest.mark.parametrize(
    ("header", "fault"),
    [
        (b"\x00\x01\x08\x01", "wrong magic number 0x00010801"),
        (b"PK\x03\x04", "wrong magic number 0x504b0304"),
        (b"\x00\x00\x07\x01", "unknown IDX data type 0x07"),
        (b"\x00\x00\x08\x00", "0 dimensions"),
        (b"\x00\x00", "too short for an IDX header"),
        (b"\x00\x00\x08\x03\x00\x00\x00\x01", "truncated header: 3 dimensions need 16 bytes"),
    ],
)
def test_bad_header_names_file_and_fault(tmp_path: Path, header: bytes, fault: str) -> None:
    path = _raw(tmp_path, header + b"\x00" * 4)
    if len(header) < 4:
        path.write_bytes(header)
    with pytest.raises(IdxError) as error:
        read_idx(path)
    assert str(path) in str(error.value)
    assert fault in str(error.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IdxError, match=r"nothing-here-idx1-ubyte: no such file"):
        read_idx(tmp_path / "nothing-here-idx1-ubyte")


def test_idx_error_is_a_value_error() -> None:
    assert issubclass(IdxError, ValueError)


def test_cannot_write_unsupported_dtype(tmp_path: Path) -> None:
    with pytest.raises(IdxError, match="cannot store dtype"):
        write_idx(tmp_path / "x", np.zeros(3, np.uint64))


# --- hostile files (issue 10): bounded memory, one IdxError naming the file --------------------

def _idx_error(path: Path, fault: str) -> str:
    with pytest.raises(IdxError, match=fault) as error:
        read_idx(path)
    assert type(error.value) is IdxError
    assert str(error.value).startswith(f"{path}: ") and "\n" not in str(error.value)
    return str(error.value)


def test_declared_sizes_are_checked_before_anything_is_allocated(tmp_path: Path) -> None:
    # 65536**4 bytes wraps to 0 in 64-bit arithmetic; a Python integer does not wrap
    header = bytes([0, 0, 0x08, 4]) + (65536).to_bytes(4, "big") * 4
    for name, data in (("wrap-idx3-ubyte", header), ("wrap.gz", gzip.compress(header))):
        _idx_error(_raw(tmp_path, data, name),
                   r"its header declares shape \(65536, 65536, 65536, 65536\), 1.72e\+10 GiB of data; "
                   r"an IDX file may hold at most 256 MiB")


def test_gzip_data_beyond_the_declared_size_is_not_inflated(tmp_path: Path) -> None:
    data = idx_bytes(np.zeros((2, 28, 28), np.uint8)) + bytes(10_000)
    _idx_error(_raw(tmp_path, gzip.compress(data), "longer.gz"),
               r"more data than its header declares \(shape \(2, 28, 28\), 1568 bytes\)")


def test_a_gzip_bomb_is_refused_with_little_memory(tmp_path: Path) -> None:
    """256 MiB of zeros in a 260 kB gzip file, after a header that declares ten 28x28 images: the
    old reader inflated it all (2 GB for a 1 MB bomb); now the peak stays far below the bomb."""
    bomb = idx_gzip_bomb(tmp_path / "bomb-idx3-ubyte.gz", idx_bytes(np.zeros((10, 28, 28), np.uint8)),
                         256 * 2**20)
    assert bomb.stat().st_size < 300_000
    load = load_in_fresh_process("from annviz.data.idx import read_idx", "read_idx", bomb)
    assert load.outcome == f"{bomb}: more data than its header declares (shape (10, 28, 28), 7840 bytes)"
    assert load.peak_mib < 120, f"peak {load.peak_mib} MiB while refusing a gzip bomb"


def test_a_fifo_and_a_device_are_refused_without_reading(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "train-images-idx3-ubyte"
    os.mkfifo(fifo)
    errors = []
    for path in (fifo, Path("/dev/zero")):
        thread = threading.Thread(target=lambda p=path: errors.append(_idx_error(p, "not a regular file")),
                                  daemon=True)
        thread.start()
        thread.join(5)
        assert not thread.is_alive(), f"read_idx({path}) hung"
    assert errors == [f"{fifo}: is not a regular file (a pipe, device or socket), not an IDX file",
                      "/dev/zero: is not a regular file (a pipe, device or socket), not an IDX file"]


def test_a_file_larger_than_any_idx_file_is_refused_by_its_size(tmp_path: Path) -> None:
    from annviz.data.idx import MAX_IDX_BYTES

    path = tmp_path / "huge-idx3-ubyte"
    with open(path, "wb") as f:
        f.truncate(MAX_IDX_BYTES + 1)
    _idx_error(path, r"is 256 MiB, more than an IDX file may be \(256 MiB\)")
