"""Datasets and inputs: IDX files, the dataset registry, drawing -> MNIST input, augmentation.

NumPy and the standard library, without Qt: the command line and the tests use this alone.
Pillow is imported only where an image is read (:mod:`annviz.data.images`). Every reader follows
the rules of :mod:`annviz.safeio` (one clear error naming the file, bounded memory).
"""

from annviz.data.augment import affine_batch, augment_batch
from annviz.data.datasets import (
    Dataset,
    DatasetError,
    available_datasets,
    load_dataset,
    load_named_dataset,
    split_validation,
    to_inputs,
)
from annviz.data.idx import IdxError, read_idx, write_idx
from annviz.data.images import ImageError, read_image, write_png
from annviz.data.preprocess import canvas_to_mnist, centre_of_mass

__all__ = [
    "Dataset",
    "DatasetError",
    "IdxError",
    "ImageError",
    "affine_batch",
    "augment_batch",
    "available_datasets",
    "canvas_to_mnist",
    "centre_of_mass",
    "load_dataset",
    "load_named_dataset",
    "read_idx",
    "read_image",
    "split_validation",
    "to_inputs",
    "write_idx",
    "write_png",
]
