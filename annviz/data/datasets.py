"""The datasets annviz knows: the bundled MNIST, Fashion-MNIST if installed, any IDX folder.

A folder is read only when the user picked it (:func:`load_dataset`); a dataset named inside a
file, such as a model's metadata, is loaded with :func:`load_named_dataset`, which knows names only.

A :class:`Dataset` holds the four arrays as read-only uint8 (images (n, 28, 28), labels (n,)).
Loading is cached in-process, keyed by the resolved folder, because the GUI, the command line and
the tests load MNIST many times; the arrays are read-only so that no caller can corrupt the cache.
:func:`to_inputs` turns images into the network's input: float32 (n, 784) in [0, 1], row order,
white ink on black, as MNIST stores them.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from annviz.data.idx import IdxError, idx_bytes, read_idx
from annviz.paths import resources_dir
from annviz.safeio import FileFormatError, read_bytes

IMAGE_SIDE = 28
KNOWN_DATASETS = ("mnist", "fashion-mnist")  # names load_dataset knows; anything else is a folder
MNIST_CLASS_NAMES: tuple[str, ...] = tuple(str(digit) for digit in range(10))
FASHION_CLASS_NAMES: tuple[str, ...] = (
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
)
MAX_CHECKSUMS_BYTES = 64 * 1024  # SHA256SUMS: four lines of ~100 bytes
FASHION_ENV_VAR = "ANNVIZ_FASHION_MNIST_DIR"
FASHION_FOLDERS = (  # where distributions put Fashion-MNIST (Debian: dataset-fashion-mnist)
    Path("/usr/share/datasets/fashion-mnist"),
    Path("/usr/local/share/datasets/fashion-mnist"),
    Path("/usr/share/fashion-mnist"),
)

# The four files of an IDX dataset: role -> accepted base names (each also with ".gz").
FILE_NAMES: dict[str, tuple[str, ...]] = {
    "train_images": ("train-images-idx3-ubyte", "train-images.idx3-ubyte"),
    "train_labels": ("train-labels-idx1-ubyte", "train-labels.idx1-ubyte"),
    "test_images": ("t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte"),
    "test_labels": ("t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte"),
}


class DatasetError(ValueError):
    """A dataset cannot be found or its files do not make a consistent dataset."""


@dataclass(frozen=True, eq=False)  # arrays have no single truth value: compare by identity
class Dataset:
    """Training and test images with their labels; all arrays read-only."""

    name: str
    class_names: tuple[str, ...]
    train_images: np.ndarray = field(repr=False)  # uint8 (n_train, 28, 28), white ink on black
    train_labels: np.ndarray = field(repr=False)  # uint8 (n_train,), in 0..n_classes-1
    test_images: np.ndarray = field(repr=False)  # uint8 (n_test, 28, 28)
    test_labels: np.ndarray = field(repr=False)  # uint8 (n_test,)
    source: str = ""  # the folder the files came from

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def n_train(self) -> int:
        return len(self.train_labels)

    @property
    def n_test(self) -> int:
        return len(self.test_labels)


def to_inputs(images: np.ndarray) -> np.ndarray:
    """uint8 images (n, 28, 28) or one (28, 28) -> float32 inputs (n, 784) in [0, 1]."""
    images = np.asarray(images)
    if images.shape[-2:] != (IMAGE_SIDE, IMAGE_SIDE):
        raise ValueError(f"expected images of 28x28 pixels, got shape {images.shape}")
    x = images.reshape(-1, IMAGE_SIDE * IMAGE_SIDE).astype(np.float32)  # (n, 784), a copy
    if images.dtype == np.uint8:
        np.divide(x, 255.0, out=x)
    return x


def split_validation(
    images: np.ndarray, labels: np.ndarray, share: float, seed: int | None = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hold out a random ``share`` of the examples: (train_x, train_y, val_x, val_y), seeded."""
    if len(images) != len(labels):
        raise ValueError(f"{len(images)} images but {len(labels)} labels")
    if not 0.0 <= share < 1.0:
        raise ValueError(f"validation share must be in [0, 1), got {share}")
    order = np.random.default_rng(seed).permutation(len(labels))
    n_val = int(round(share * len(labels)))
    val, train = order[:n_val], order[n_val:]
    return images[train], labels[train], images[val], labels[val]


# --- finding the files ---------------------------------------------------------------------------

def find_file(folder: Path, role: str) -> Path:
    """The file in ``folder`` that plays ``role`` (e.g. "train_images"), raw or gzip."""
    for base in FILE_NAMES[role]:
        for name in (base, base + ".gz"):
            if (folder / name).is_file():
                return folder / name
    wanted = FILE_NAMES[role][0]
    raise DatasetError(f"folder {folder} has no file matching {wanted}[.gz]")


def bundled_mnist_dir() -> Path:
    return resources_dir() / "mnist"


def _has_idx_files(folder: Path) -> bool:
    try:
        for role in FILE_NAMES:
            find_file(folder, role)
    except DatasetError:
        return False
    return True


def fashion_mnist_dir() -> Path | None:
    """Where Fashion-MNIST is installed ($ANNVIZ_FASHION_MNIST_DIR first), or None."""
    override = os.environ.get(FASHION_ENV_VAR)
    candidates = ([Path(override)] if override else []) + list(FASHION_FOLDERS)
    return next((folder for folder in candidates if _has_idx_files(folder)), None)


def available_datasets() -> list[str]:
    """Names that :func:`load_dataset` can load on this machine."""
    return ["mnist"] + (["fashion-mnist"] if fashion_mnist_dir() is not None else [])


def load_named_dataset(name: str) -> Dataset:
    """Load a dataset annviz knows by name (:data:`KNOWN_DATASETS`), never a folder.

    For names that come from a file, such as a model's ``dataset``: a file must not make the app
    read a folder. Folders are loaded only when the user picks one (:func:`load_dataset`).
    """
    if name not in KNOWN_DATASETS:
        shown = name if len(name) <= 200 else name[:197] + "..."
        raise DatasetError(f"{shown!r} is not a dataset annviz knows by name "
                           f"({', '.join(KNOWN_DATASETS)}): choose its folder of IDX files yourself")
    return load_dataset(name)


# --- loading -------------------------------------------------------------------------------------

def _check_images(images: np.ndarray, path: Path) -> None:
    if images.ndim != 3 or images.shape[1:] != (IMAGE_SIDE, IMAGE_SIDE):
        raise DatasetError(f"{path}: expected images of 28x28 pixels, got shape {images.shape}")
    if images.dtype != np.uint8:
        raise DatasetError(f"{path}: expected unsigned byte pixels, got {images.dtype}")


def _check_labels(labels: np.ndarray, path: Path, n_classes: int) -> None:
    if labels.ndim != 1:
        raise DatasetError(f"{path}: expected one label per image, got shape {labels.shape}")
    if labels.dtype.kind not in "iu":
        raise DatasetError(f"{path}: expected integer labels, got {labels.dtype}")
    if len(labels) and (int(labels.min()) < 0 or int(labels.max()) >= n_classes):
        raise DatasetError(
            f"{path}: labels outside 0..{n_classes - 1} "
            f"(found {int(labels.min())}..{int(labels.max())})"
        )


def _load_pair(folder: Path, split: str, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    images_path = find_file(folder, f"{split}_images")
    labels_path = find_file(folder, f"{split}_labels")
    images, labels = read_idx(images_path), read_idx(labels_path)
    _check_images(images, images_path)
    if len(images) == 0:
        raise DatasetError(f"{images_path}: holds no images (the {split} set is empty)")
    _check_labels(labels, labels_path, n_classes)
    if len(images) != len(labels):
        raise DatasetError(
            f"{folder}: {split} images ({len(images)}) and {split} labels ({len(labels)}) "
            f"disagree ({images_path.name}, {labels_path.name})"
        )
    images.flags.writeable = False
    labels.flags.writeable = False
    return images, labels


@functools.lru_cache(maxsize=8)
def _load_folder_cached(folder: Path, n_classes: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The four read-only arrays of ``folder``, read once per process."""
    return _load_pair(folder, "train", n_classes) + _load_pair(folder, "test", n_classes)


def load_folder(
    folder: str | Path, class_names: Sequence[str] | None = None, name: str | None = None
) -> Dataset:
    """Load the four IDX files of ``folder``. Fashion class names if the folder says fashion."""
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        raise DatasetError(f"{folder}: no such folder (and not a known dataset name)")
    if class_names is None:
        is_fashion = "fashion" in folder.name.lower()
        class_names = FASHION_CLASS_NAMES if is_fashion else MNIST_CLASS_NAMES
    try:
        arrays = _load_folder_cached(folder, len(class_names))
    except IdxError as error:
        raise DatasetError(str(error)) from error
    return Dataset(name or folder.name, tuple(class_names), *arrays, source=str(folder))


def read_checksums(path: Path) -> dict[str, str]:
    """A ``sha256sum``-style file (at most 64 kB) as {file name: hex digest}."""
    try:
        text = read_bytes(path, MAX_CHECKSUMS_BYTES, kind="a checksum file").decode()
    except UnicodeDecodeError:
        raise DatasetError(f"{path}: not a text file of SHA-256 checksums") from None
    except FileFormatError as error:
        raise DatasetError(str(error)) from None
    sums = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            parts = line.split(maxsplit=1)
            if len(parts) != 2:
                raise DatasetError(f"{path}: line {number} is not a checksum and a file name")
            digest, name = parts
            sums[name.lstrip("*").strip()] = digest.lower()
    return sums


def verify_checksums(dataset: Dataset) -> None:
    """Check the dataset against SHA256SUMS (digests of the uncompressed files) in its folder."""
    folder = Path(dataset.source)
    sums_path = folder / "SHA256SUMS"
    if not sums_path.is_file():
        raise DatasetError(f"{folder}: no SHA256SUMS file to verify against")
    sums = read_checksums(sums_path)
    arrays = {"train_images": dataset.train_images, "train_labels": dataset.train_labels,
              "test_images": dataset.test_images, "test_labels": dataset.test_labels}
    for role, array in arrays.items():
        base = find_file(folder, role).name.removesuffix(".gz")
        if base not in sums:
            raise DatasetError(f"{sums_path}: no checksum for {base}")
        # A well-formed IDX file is exactly its header plus its data, so this rebuilds the file.
        digest = hashlib.sha256(idx_bytes(array)).hexdigest()
        if digest != sums[base]:
            raise DatasetError(f"{folder / base}: SHA-256 mismatch: {digest} != {sums[base]}")


def load_dataset(
    name_or_folder: str | Path,
    verify: bool = False,
    class_names: Sequence[str] | None = None,
) -> Dataset:
    """Load "mnist" (bundled), "fashion-mnist" (installed) or a folder of IDX files.

    With ``verify=True`` the files are checked against the folder's SHA256SUMS.
    """
    if name_or_folder == "mnist":
        dataset = load_folder(bundled_mnist_dir(), class_names or MNIST_CLASS_NAMES, "mnist")
    elif name_or_folder == "fashion-mnist":
        folder = fashion_mnist_dir()
        if folder is None:
            raise DatasetError(
                "Fashion-MNIST is not installed: install the Debian package "
                f"dataset-fashion-mnist or set {FASHION_ENV_VAR} to a folder of its IDX files"
            )
        dataset = load_folder(folder, class_names or FASHION_CLASS_NAMES, "fashion-mnist")
    else:
        dataset = load_folder(name_or_folder, class_names)
    if verify:
        verify_checksums(dataset)
    return dataset
