"""The batch-loss curve (history.py's BoundedSeries) as the plots and the recordings use it: the
point nearest the mouse, a cleared curve, a restored one refused when its parts do not fit, and a
history's summary at its size limit."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn.history import BoundedSeries, History


def series(xs, ys=None, start=0):
    s = BoundedSeries(capacity=8, start=start)
    s.append(xs, ys if ys is not None else [10 * x for x in xs])
    return s


@pytest.mark.parametrize("x, nearest", [
    (-5.0, (1.0, 10.0)), (1.0, (1.0, 10.0)), (1.4, (1.0, 10.0)), (1.6, (2.0, 20.0)), (2.9, (2.0, 20.0)),
    (3.0, (4.0, 40.0)),            # halfway: the later point
    (3.1, (4.0, 40.0)), (4.0, (4.0, 40.0)), (99.0, (4.0, 40.0)),
])
def test_the_point_nearest_the_mouse(x, nearest):
    assert series([1.0, 2.0, 4.0]).nearest(x) == nearest


def test_an_empty_curve_has_no_nearest_point_and_a_single_point_is_always_nearest():
    assert BoundedSeries().nearest(3.0) is None
    assert series([5.0]).nearest(-1.0) == (5.0, 50.0) and series([5.0]).nearest(9.0) == (5.0, 50.0)


def test_a_cleared_curve_starts_again_from_nothing():
    s = series([1.0, 2.0, 3.0], start=40)
    s.clear()
    assert (s.count, s.start, s.stride, len(s.x)) == (0, 0, 1, 0)
    s.append(7.0, 70.0)
    assert (s.count, s.x.tolist(), s.y.tolist()) == (1, [7.0], [70.0])


def scalars(**changes):
    return {"capacity": 4, "stride": 2, "count": 5, "part_n": 1, "part_x": 5.0, "part_y": 0.5, **changes}


def test_a_restored_curve_without_a_start_starts_at_0_and_may_be_full():
    s = BoundedSeries.restored(scalars(), np.array([1.5, 3.5]), np.array([2.0, 1.0]))
    assert (s.start, s.count, s.stride, s.x.tolist(), s.y.tolist()) == (0, 5, 2, [1.5, 3.5], [2.0, 1.0])
    full = BoundedSeries.restored(scalars(count=9), np.arange(4.0), np.arange(4.0))
    assert full.x.tolist() == [0.0, 1.0, 2.0, 3.0]
    s.append(6.0, 1.5)                              # the half point goes on where it was
    assert (s.x.tolist()[-1], s.y.tolist()[-1]) == (5.5, 1.0)


@pytest.mark.parametrize("changes, x, y", [
    ({}, np.arange(2.0), np.arange(3.0)),                                # x and y differ in length
    ({"count": 5}, np.arange(2.0).reshape(1, 2), np.arange(2.0).reshape(1, 2)),   # not a list of points
    ({"count": 11}, np.arange(5.0), np.arange(5.0)),                     # more points than the capacity
    ({"stride": 0, "count": 1}, np.arange(2.0), np.arange(2.0)),
    ({"stride": 3, "count": 7}, np.arange(2.0), np.arange(2.0)),         # not a power of two
    ({"part_n": 2, "count": 6}, np.arange(2.0), np.arange(2.0)),         # a whole point is not a part
    ({"part_n": -1, "count": 3}, np.arange(2.0), np.arange(2.0)),
    ({"start": -2, "count": 3}, np.arange(2.0), np.arange(2.0)),
    ({"count": 6}, np.arange(2.0), np.arange(2.0)),                      # the count does not add up
])
def test_a_restored_curve_whose_parts_do_not_fit_is_refused(changes, x, y):
    with pytest.raises(ValueError, match=r"^the batch losses do not fit together$"):
        BoundedSeries.restored(scalars(**changes), x, y)


def test_a_summary_keeps_2000_batch_losses_and_averages_more():
    for n, points, stride in ((2000, 2000, 1), (2001, 1000, 2)):
        h = History(BoundedSeries(capacity=4096))
        h.batch_loss.append(np.arange(n, dtype=float), np.arange(n, dtype=float))
        d = h.to_dict()
        assert (len(d["batch_loss"]), d["batch_loss_stride"]) == (points, stride)
        assert d["batch_loss"][:2] == ([0.0, 1.0] if stride == 1 else [0.5, 2.5])
    h = History(BoundedSeries(capacity=8))
    h.batch_loss.append(np.arange(4.0), np.arange(4.0))
    assert h.to_dict(max_batch_points=4)["batch_loss"] == [0.0, 1.0, 2.0, 3.0]
    assert h.to_dict(max_batch_points=3)["batch_loss"] == [0.5, 2.5]


def test_float32_losses_are_averaged_in_float64():
    s = BoundedSeries(capacity=4)
    s.append(np.arange(1, 5, dtype=np.float32), np.array([2**24, 1] * 2, np.float32))
    s.append(np.array([2**24, 2**24 + 2], np.float32), np.array([2**24, 1], np.float32))   # full: pairs now
    assert s.stride == 2 and s.y.tolist() == [(2**24 + 1) / 2] * 3          # float32 would say 2^23
    assert s.x.tolist() == [1.5, 3.5, 2**24 + 1]                           # and 2^24 here
