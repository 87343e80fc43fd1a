"""Batch augmentation: exact at identity, shifts and turns go the documented way, ink is kept."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.data import affine_batch, augment_batch, load_dataset, to_inputs


@pytest.fixture(scope="module")
def batch() -> np.ndarray:
    return to_inputs(load_dataset("mnist").train_images[:128])  # (128, 784)


def single_pixel(row: int, col: int, n: int = 1) -> np.ndarray:
    x = np.zeros((n, 28, 28), np.float32)
    x[:, row, col] = 1.0
    return x.reshape(n, 784)


def transform(x: np.ndarray, angle: float = 0.0, scale: float = 1.0,
              shift: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    n = len(x)
    return affine_batch(x, np.full(n, angle), np.full(n, scale), np.tile(shift, (n, 1)))


def test_shape_dtype_and_range(batch: np.ndarray) -> None:
    out = augment_batch(batch, np.random.default_rng(0))
    assert out.shape == batch.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0 + 1e-6


def test_zero_ranges_return_the_input_exactly(batch: np.ndarray) -> None:
    out = augment_batch(batch, np.random.default_rng(0), max_shift=0.0,
                        max_rotation_deg=0.0, max_scale=0.0)
    np.testing.assert_array_equal(out, batch)


def test_one_pixel_shifts(batch: np.ndarray) -> None:
    images = batch.reshape(-1, 28, 28)
    down = transform(batch, shift=(1.0, 0.0)).reshape(-1, 28, 28)
    np.testing.assert_array_equal(down[:, 1:], images[:, :-1])
    np.testing.assert_array_equal(down[:, 0], 0.0)
    left = transform(batch, shift=(0.0, -1.0)).reshape(-1, 28, 28)
    np.testing.assert_array_equal(left[:, :, :-1], images[:, :, 1:])
    np.testing.assert_array_equal(left[:, :, -1], 0.0)


def test_half_pixel_shift_interpolates(batch: np.ndarray) -> None:
    images = batch.reshape(-1, 28, 28)
    out = transform(batch, shift=(0.0, 0.5)).reshape(-1, 28, 28)
    np.testing.assert_allclose(out[:, :, 1:], (images[:, :, 1:] + images[:, :, :-1]) / 2,
                               atol=1e-6)


def test_turn_is_counter_clockwise_on_screen_about_14_14() -> None:
    right_of_pivot = single_pixel(14, 20)
    turned = transform(right_of_pivot, angle=np.pi / 2).reshape(28, 28)
    assert np.unravel_index(turned.argmax(), turned.shape) == (8, 14)  # now above the pivot
    assert turned.max() == pytest.approx(1.0, abs=1e-5)


def test_scale_about_the_pivot() -> None:
    out = transform(single_pixel(14, 16), scale=2.0).reshape(28, 28)
    assert out[14, 18] == pytest.approx(1.0)  # 2 px right of the pivot -> 4 px


def test_far_outside_is_zero() -> None:
    out = transform(single_pixel(14, 14), shift=(100.0, -250.0))
    assert not out.any()


def test_each_image_gets_its_own_transform(batch: np.ndarray) -> None:
    same = np.repeat(batch[:1], 16, axis=0)
    out = augment_batch(same, np.random.default_rng(1))
    assert len({out[i].tobytes() for i in range(16)}) == 16


def test_seeded_and_reproducible(batch: np.ndarray) -> None:
    a = augment_batch(batch, np.random.default_rng(5))
    b = augment_batch(batch, np.random.default_rng(5))
    c = augment_batch(batch, np.random.default_rng(6))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_ink_is_roughly_kept(batch: np.ndarray) -> None:
    out = augment_batch(batch, np.random.default_rng(2))  # scale in 0.9..1.1: area x 0.81..1.21
    ratio = out.sum(axis=1) / batch.sum(axis=1)
    assert ratio.mean() == pytest.approx(1.0, abs=0.05)
    assert ratio.min() > 0.7 and ratio.max() < 1.3


def test_input_is_not_modified(batch: np.ndarray) -> None:
    before = batch.copy()
    augment_batch(batch, np.random.default_rng(3))
    np.testing.assert_array_equal(batch, before)


def test_batches_larger_than_one_pass(batch: np.ndarray) -> None:
    big = np.tile(batch, (40, 1))  # 5120 images: two passes of at most 4096
    out = transform(big, shift=(1.0, 0.0)).reshape(-1, 28, 28)
    np.testing.assert_array_equal(out[:, 1:], big.reshape(-1, 28, 28)[:, :-1])


def test_empty_batch() -> None:
    assert augment_batch(np.zeros((0, 784), np.float32), np.random.default_rng()).shape == (0, 784)
