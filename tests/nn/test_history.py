"""Per-batch history in bounded memory: ``BoundedSeries`` against a plain reference."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn.history import BoundedSeries, EpochRecord, History


def reference(values: np.ndarray, series: BoundedSeries) -> np.ndarray:
    """What the kept points must be: means of consecutive blocks of ``stride`` values."""
    whole = series.n * series.stride
    return values[:whole].reshape(series.n, series.stride).mean(axis=1)


def test_below_capacity_every_value_is_kept_as_it_is():
    series = BoundedSeries(capacity=64)
    values = np.random.default_rng(0).normal(size=50)
    for i, v in enumerate(values):
        series.append(i, v)
    assert series.stride == 1 and series.count == series.n == 50
    np.testing.assert_array_equal(series.y, values)
    np.testing.assert_array_equal(series.x, np.arange(50))


@pytest.mark.parametrize("chunks", ["one at a time", "random chunks"])
def test_a_full_series_thins_to_block_means_and_never_grows(chunks):
    rng = np.random.default_rng(1)
    values = rng.normal(size=10_000)
    series = BoundedSeries(capacity=16)
    if chunks == "one at a time":
        for i, v in enumerate(values):
            series.append(i, v)
    else:
        start = 0
        while start < len(values):
            stop = min(len(values), start + int(rng.integers(1, 700)))
            series.append(np.arange(start, stop), values[start:stop])
            start = stop
    assert series.count == 10_000 and series.n <= 16 and series.nbytes <= 2 * 8 * 16
    assert series.stride & (series.stride - 1) == 0 and series.stride >= 10_000 // 16
    assert 0 <= series.count - series.n * series.stride < series.stride   # the partial point
    np.testing.assert_allclose(series.y, reference(values, series), rtol=1e-12)
    np.testing.assert_allclose(series.x, reference(np.arange(10_000.0), series), rtol=1e-12)


def test_views_handed_out_never_change():
    series = BoundedSeries(capacity=8)
    series.append(np.arange(6), np.arange(6.0))
    view = series.y
    before = view.copy()
    series.append(np.arange(6, 100), np.arange(6.0, 100))   # grows, then thins several times
    np.testing.assert_array_equal(view, before)


def test_an_hour_of_batches_fits_in_the_cap():
    history = History()
    losses = np.random.default_rng(2).random(3_000_000)
    history.batch_loss.append(np.arange(1, len(losses) + 1), losses)
    kept = history.batch_loss
    assert history.batches == 3_000_000 and kept.n <= kept.capacity
    assert kept.nbytes <= 2 * 8 * kept.capacity      # 1 MB, not 48 MB
    saved = history.to_dict(max_batch_points=2000)
    assert len(saved["batch_loss"]) <= 2000
    assert saved["batch_loss_stride"] * len(saved["batch_loss"]) <= 3_000_000
    assert np.mean(saved["batch_loss"]) == pytest.approx(losses.mean(), abs=1e-3)


def test_a_capacity_that_cannot_halve_is_refused():
    with pytest.raises(ValueError, match="even"):
        BoundedSeries(capacity=7)


def test_a_continued_run_counts_the_batches_before_it_began():
    series = BoundedSeries(capacity=8, start=1000)
    series.append(np.arange(1001, 1101), np.ones(100))
    assert series.count == 1100 and series.n * series.stride + series.start <= 1100
    scalars, x, y = series.export()
    back = BoundedSeries.restored(scalars, x, y)
    assert back.count == 1100 and back.start == 1000
    np.testing.assert_array_equal(back.y, series.y)


@pytest.mark.parametrize("capacity", [2, 4, 2048, 4096])
def test_every_capacity_from_the_smallest_keeps_block_means_in_its_bound(capacity):
    """Capacity 2 is the least that halves; a large one grows its arrays as points come (from
    1,024) and never past its bound, whole arrays appended at once included."""
    rng = np.random.default_rng(capacity)
    values = rng.normal(size=3 * capacity + 5)
    series = BoundedSeries(capacity=capacity)
    start = 0
    while start < len(values):
        stop = min(len(values), start + int(rng.integers(1, capacity + 2)))
        series.append(np.arange(start, stop), values[start:stop])
        assert series.nbytes <= 2 * 8 * capacity
        start = stop
    assert series.n <= capacity and series.stride >= 2
    np.testing.assert_allclose(series.y, reference(values, series), rtol=1e-12)


def test_an_array_appended_at_once_is_kept_value_by_value():
    series = BoundedSeries(capacity=64)
    series.append(np.arange(10), np.arange(10.0) ** 2)
    np.testing.assert_array_equal(series.y, np.arange(10.0) ** 2)


def test_x_and_y_of_different_lengths_are_refused_with_both():
    with pytest.raises(ValueError, match=r"differ in length: \(3,\) vs \(2,\)"):
        BoundedSeries().append(np.arange(3), np.arange(2.0))


def test_a_run_saved_as_a_dict_averages_its_losses_down_and_says_by_how_much():
    history = History(status="stopped", stop_reason="stopped by request")
    losses = np.arange(5000.0)
    history.batch_loss.append(np.arange(1, 5001), losses)
    history.epochs.append(EpochRecord(1, 0.5, 0.75, samples_per_s=100.0, seconds=2.0))
    saved = history.to_dict(max_batch_points=2000)
    assert saved["batch_loss_stride"] == 3              # ⌈5000 / 2000⌉ batches a point
    np.testing.assert_allclose(saved["batch_loss"], losses[:4998].reshape(-1, 3).mean(axis=1))
    assert saved["status"] == "stopped" and saved["stop_reason"] == "stopped by request"
    assert saved["epochs"] == [{"epoch": 1, "train_loss": 0.5, "train_accuracy": 0.75, "val_loss": None,
                                "val_accuracy": None, "test_loss": None, "test_accuracy": None,
                                "samples_per_s": 100.0, "seconds": 2.0}]
    small = history.to_dict(max_batch_points=5000)       # fits: kept as it is
    assert small["batch_loss_stride"] == 1 and small["batch_loss"] == list(losses)
    coarse = History(batch_loss=BoundedSeries(capacity=1024))
    coarse.batch_loss.append(np.arange(1, 5001), losses)  # kept as 625 means of 8
    saved = coarse.to_dict(max_batch_points=200)
    assert coarse.batch_loss.stride == 8 and saved["batch_loss_stride"] == 32   # 8 × ⌈625 / 200⌉
    np.testing.assert_allclose(saved["batch_loss"], losses[:4992].reshape(-1, 32).mean(axis=1))
