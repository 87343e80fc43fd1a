"""The dataset registry: bundled MNIST, Fashion-MNIST, folders of IDX files, and their faults."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from annviz.data import (
    DatasetError,
    available_datasets,
    load_dataset,
    split_validation,
    to_inputs,
    write_idx,
)
from annviz.data.datasets import FASHION_CLASS_NAMES, FASHION_ENV_VAR, load_folder
from annviz.data.idx import idx_bytes

# --- the bundled MNIST ---------------------------------------------------------------------------

def test_bundled_mnist_shapes_and_first_labels() -> None:
    mnist = load_dataset("mnist")
    assert mnist.name == "mnist"
    assert mnist.class_names == tuple("0123456789") and mnist.n_classes == 10
    assert mnist.train_images.shape == (60000, 28, 28) and mnist.train_images.dtype == np.uint8
    assert mnist.test_images.shape == (10000, 28, 28) and mnist.test_images.dtype == np.uint8
    assert mnist.train_labels.shape == (60000,) and mnist.test_labels.shape == (10000,)
    assert mnist.train_labels[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert mnist.test_labels[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]


def test_bundled_mnist_class_counts() -> None:
    mnist = load_dataset("mnist")
    assert np.bincount(mnist.train_labels).tolist() == [
        5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert np.bincount(mnist.test_labels).sum() == 10000


def test_bundled_mnist_matches_its_sha256sums() -> None:
    load_dataset("mnist", verify=True)  # raises DatasetError on a mismatch


def test_loads_are_cached_and_read_only() -> None:
    first, second = load_dataset("mnist"), load_dataset("mnist")
    assert first.train_images is second.train_images
    for array in (first.train_images, first.train_labels, first.test_images, first.test_labels):
        assert not array.flags.writeable
    with pytest.raises(ValueError):
        first.train_images[0, 0, 0] = 1


def test_mnist_is_always_available() -> None:
    assert available_datasets()[0] == "mnist"


def test_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(DatasetError, match="no-such-dataset: no such folder"):
        load_dataset("no-such-dataset")


# --- Fashion-MNIST -------------------------------------------------------------------------------

def test_fashion_mnist_when_installed() -> None:
    if "fashion-mnist" not in available_datasets():
        pytest.skip("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)")
    fashion = load_dataset("fashion-mnist")
    assert fashion.class_names == FASHION_CLASS_NAMES
    assert fashion.class_names[9] == "Ankle boot"
    assert fashion.train_images.shape == (60000, 28, 28)
    assert fashion.test_images.shape == (10000, 28, 28)
    assert np.bincount(fashion.train_labels).tolist() == [6000] * 10
    assert np.bincount(fashion.test_labels).tolist() == [1000] * 10
    assert fashion.train_labels[:3].tolist() == [9, 0, 0]


def test_fashion_mnist_folder_from_environment(tmp_path: Path, monkeypatch) -> None:
    folder = _idx_folder(tmp_path / "elsewhere", n_train=6, n_test=2)
    monkeypatch.setenv(FASHION_ENV_VAR, str(folder))
    assert "fashion-mnist" in available_datasets()
    fashion = load_dataset("fashion-mnist")
    assert fashion.source == str(folder.resolve())
    assert fashion.class_names == FASHION_CLASS_NAMES
    assert fashion.n_train == 6 and fashion.n_test == 2


# --- any folder of IDX files ---------------------------------------------------------------------

def _idx_folder(folder: Path, n_train: int = 12, n_test: int = 4, gzip: bool = True,
                names: tuple[str, str, str, str] | None = None, seed: int = 0) -> Path:
    """A small dataset in ``folder``: random images, labels 0..9."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    suffix = ".gz" if gzip else ""
    names = names or tuple(n + suffix for n in (
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"))
    arrays = (rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
              rng.integers(0, 10, n_train, dtype=np.uint8),
              rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
              rng.integers(0, 10, n_test, dtype=np.uint8))
    for name, array in zip(names, arrays):
        write_idx(folder / name, array, gzip=gzip)
    return folder


@pytest.mark.parametrize("gzip", [True, False])
def test_folder_of_small_idx_files(tmp_path: Path, gzip: bool) -> None:
    folder = _idx_folder(tmp_path / "digits", gzip=gzip)
    data = load_dataset(folder)
    assert data.name == "digits" and data.source == str(folder.resolve())
    assert data.class_names == tuple("0123456789")
    assert data.train_images.shape == (12, 28, 28) and data.test_labels.shape == (4,)
    expected = np.random.default_rng(0).integers(0, 256, (12, 28, 28), dtype=np.uint8)
    np.testing.assert_array_equal(data.train_images, expected)


def test_dotted_file_names_are_accepted(tmp_path: Path) -> None:
    names = ("train-images.idx3-ubyte", "train-labels.idx1-ubyte",
             "t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte")
    data = load_dataset(_idx_folder(tmp_path / "d", gzip=False, names=names))
    assert data.n_train == 12


def test_fashion_in_folder_name_gives_fashion_classes(tmp_path: Path) -> None:
    data = load_dataset(_idx_folder(tmp_path / "My-Fashion-Copy"))
    assert data.class_names == FASHION_CLASS_NAMES


def test_caller_chooses_class_names(tmp_path: Path) -> None:
    names = tuple("abcdefghij")
    data = load_folder(_idx_folder(tmp_path / "letters"), class_names=names)
    assert data.class_names == names and data.n_classes == 10


def test_missing_file_names_what_is_missing(tmp_path: Path) -> None:
    folder = _idx_folder(tmp_path / "partial")
    (folder / "train-images-idx3-ubyte.gz").unlink()
    with pytest.raises(DatasetError, match=r"partial has no file matching "
                                           r"train-images-idx3-ubyte\[\.gz\]"):
        load_dataset(folder)


def test_counts_that_disagree(tmp_path: Path) -> None:
    folder = _idx_folder(tmp_path / "uneven")
    write_idx(folder / "train-labels-idx1-ubyte.gz", np.zeros(11, np.uint8))
    disagree = r"train images \(12\) and train labels \(11\) disagree"
    with pytest.raises(DatasetError, match=disagree):
        load_dataset(folder)


def test_labels_outside_the_classes(tmp_path: Path) -> None:
    folder = _idx_folder(tmp_path / "bad-labels")
    write_idx(folder / "t10k-labels-idx1-ubyte.gz", np.array([0, 3, 10, 2], np.uint8))
    with pytest.raises(DatasetError, match=r"t10k-labels-idx1-ubyte.gz: labels outside 0\.\.9"):
        load_dataset(folder)


def test_images_that_are_not_28_by_28(tmp_path: Path) -> None:
    folder = _idx_folder(tmp_path / "small-images")
    write_idx(folder / "t10k-images-idx3-ubyte.gz", np.zeros((4, 16, 16), np.uint8))
    wrong_size = r"expected images of 28x28 pixels, got shape .4, 16, 16."
    with pytest.raises(DatasetError, match=wrong_size):
        load_dataset(folder)


def test_damaged_file_is_a_dataset_error_naming_the_file(tmp_path: Path) -> None:
    folder = _idx_folder(tmp_path / "damaged", gzip=False)
    path = folder / "t10k-images-idx3-ubyte"
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(DatasetError, match=r"t10k-images-idx3-ubyte: truncated"):
        load_dataset(folder)


def test_verify_checks_sha256sums(tmp_path: Path) -> None:
    folder = _idx_folder(tmp_path / "summed", gzip=True)
    with pytest.raises(DatasetError, match="no SHA256SUMS"):
        load_dataset(folder, verify=True)
    data = load_dataset(folder)
    arrays = {"train-images-idx3-ubyte": data.train_images,
              "train-labels-idx1-ubyte": data.train_labels,
              "t10k-images-idx3-ubyte": data.test_images,
              "t10k-labels-idx1-ubyte": data.test_labels}
    sums = {name: hashlib.sha256(idx_bytes(a)).hexdigest() for name, a in arrays.items()}
    lines = [f"{digest}  {name}" for name, digest in sums.items()]
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n")
    load_dataset(folder, verify=True)
    sums["t10k-labels-idx1-ubyte"] = "0" * 64
    (folder / "SHA256SUMS").write_text("\n".join(f"{d}  {n}" for n, d in sums.items()))
    with pytest.raises(DatasetError, match="t10k-labels-idx1-ubyte: SHA-256 mismatch"):
        load_dataset(folder, verify=True)


def test_verify_detects_a_changed_bundled_file(tmp_path: Path) -> None:
    source = load_dataset("mnist").source
    folder = tmp_path / "mnist-copy"
    shutil.copytree(source, folder)
    labels = np.array(load_dataset("mnist").test_labels)
    labels[0] = (labels[0] + 1) % 10
    write_idx(folder / "t10k-labels-idx1-ubyte.gz", labels)
    with pytest.raises(DatasetError, match="t10k-labels-idx1-ubyte: SHA-256 mismatch"):
        load_dataset(folder, verify=True)


# --- inputs and validation split ----------------------------------------------------------------

def test_to_inputs_scales_and_flattens_in_row_order() -> None:
    images = np.arange(2 * 28 * 28, dtype=np.uint32).reshape(2, 28, 28) % 256
    images = images.astype(np.uint8)
    x = to_inputs(images)
    assert x.shape == (2, 784) and x.dtype == np.float32
    assert x[0, 1] == np.float32(1 / 255) and x[0, 28] == np.float32(28 / 255)
    assert x.max() == 1.0 and x.min() == 0.0
    assert to_inputs(images[0]).shape == (1, 784)
    x[0, 0] = 0.5  # a copy, writable, even from a read-only dataset
    assert to_inputs(load_dataset("mnist").test_images[:3]).flags.writeable


def test_to_inputs_rejects_other_sizes() -> None:
    with pytest.raises(ValueError, match="28x28"):
        to_inputs(np.zeros((3, 20, 20), np.uint8))


def test_split_validation_is_a_seeded_partition() -> None:
    images = np.arange(100).reshape(100, 1) * np.ones((1, 3), int)  # row i holds i
    labels = np.arange(100)
    train_x, train_y, val_x, val_y = split_validation(images, labels, share=0.2, seed=7)
    assert len(val_x) == len(val_y) == 20 and len(train_x) == len(train_y) == 80
    assert sorted(np.concatenate([train_y, val_y]).tolist()) == list(range(100))
    np.testing.assert_array_equal(train_x[:, 0], train_y)  # images stay with their labels
    np.testing.assert_array_equal(val_x[:, 2], val_y)
    again = split_validation(images, labels, share=0.2, seed=7)
    np.testing.assert_array_equal(again[3], val_y)
    other = split_validation(images, labels, share=0.2, seed=8)
    assert not np.array_equal(other[3], val_y)


def test_split_validation_rejects_bad_share() -> None:
    with pytest.raises(ValueError, match="share"):
        split_validation(np.zeros((4, 2)), np.zeros(4), share=1.0, seed=0)


@pytest.mark.parametrize("split", ["train", "t10k"])
def test_an_empty_set_is_a_clear_error(tmp_path: Path, split: str) -> None:
    folder = _idx_folder(tmp_path / "empty", gzip=False)
    write_idx(folder / f"{split}-images-idx3-ubyte", np.zeros((0, 28, 28), np.uint8), gzip=False)
    write_idx(folder / f"{split}-labels-idx1-ubyte", np.zeros(0, np.uint8), gzip=False)
    with pytest.raises(DatasetError, match=rf"{split}-images-idx3-ubyte: holds no images"):
        load_dataset(folder)


# --- a dataset named in a file is a name, never a folder (issue 10) --------------------------------

def test_a_named_dataset_is_loaded_by_name() -> None:
    from annviz.data import load_named_dataset

    assert load_named_dataset("mnist") is not None
    assert load_named_dataset("mnist").test_images is load_dataset("mnist").test_images


def test_a_folder_named_in_a_file_is_never_read(tmp_path: Path, monkeypatch) -> None:
    """Valid IDX folders, by path and by a bare name in the working folder: load_dataset reads
    them (the user picked them); load_named_dataset refuses both without looking inside."""
    from annviz.data import load_named_dataset

    folder = _idx_folder(tmp_path / "digits")
    monkeypatch.chdir(tmp_path)
    assert load_dataset("digits").n_train == 12
    for name in (str(folder), "digits", "./digits"):
        with pytest.raises(DatasetError) as error:
            load_named_dataset(name)
        assert str(error.value) == (f"{name!r} is not a dataset annviz knows by name (mnist, "
                                    "fashion-mnist): choose its folder of IDX files yourself")


@pytest.mark.parametrize("content,fault", [
    (b"0" * 64 + b"\n", "line 1 is not a checksum and a file name"),
    (b"\xff\xfe\x00garbage", "not a text file of SHA-256 checksums"),
    (b"0" * 70_000, r"more than a checksum file may be \(64 KiB\)"),
])
def test_a_damaged_checksum_file_is_one_clear_error(tmp_path: Path, content: bytes, fault: str) -> None:
    folder = _idx_folder(tmp_path / "summed")
    (folder / "SHA256SUMS").write_bytes(content)
    with pytest.raises(DatasetError, match=fault) as error:
        load_dataset(folder, verify=True)
    assert str(error.value).startswith(f"{folder.resolve() / 'SHA256SUMS'}: ")
