"""Did a run end worse? At the margin: a loss of exactly (1 + 2 %) × the start is not worse, one
a hair above is, and one 1.5 × the start says so with its numbers; the subset of a given size,
drawn without repeats, the same as seed 0's."""

from __future__ import annotations

import numpy as np

from annviz.nn import LossBaseline, Network, get_loss
from annviz.nn.baseline import MARGIN, fixed_subset

X = np.arange(16, dtype=np.float32).reshape(8, 2) / 16
Y = np.array([0, 1, 1, 0, 1, 0, 0, 1])


def layer(bias=0.0) -> Network:
    return Network([2, 2], ["softmax"], [np.zeros((2, 2))], [np.array([0.0, bias])], dtype=np.float64)


def test_a_loss_at_the_margin_is_not_worse_one_above_it_is():
    baseline = LossBaseline(layer(), get_loss("cross-entropy"), (X, Y))
    after = baseline.measure(layer(1.0))
    start = after / (1 + MARGIN)
    while (1 + MARGIN) * start < after:          # the start whose margin is exactly this loss
        start = np.nextafter(start, np.inf)
    assert (1 + MARGIN) * start == after
    baseline.before = start
    assert baseline.ended_worse(layer(1.0)) is None
    baseline.before = float(np.nextafter(start, 0))
    assert baseline.ended_worse(layer(1.0)) is not None


def test_a_loss_half_again_the_start_is_worse_and_said_with_its_numbers():
    baseline = LossBaseline(layer(), get_loss("cross-entropy"), (X, Y), size=5)
    assert len(baseline.x) == 5 and baseline.before == np.log(2)                # 5 examples, p = ½ each
    baseline.before = baseline.measure(layer(1.0)) / 1.5
    assert baseline.ended_worse(layer(1.0)) == (
        f"the network ended worse than it started: its loss on 5 training examples rose from "
        f"{baseline.before:.4g} to {1.5 * baseline.before:.4g}; the learning rate is probably too high")


def test_the_subset_is_drawn_without_repeats_and_is_seed_0s():
    x = np.arange(3000).reshape(3000, 1)
    y = np.arange(3000)
    sx, sy = fixed_subset(x, y, 2000)
    assert len(sx) == 2000 and len(np.unique(sx)) == 2000 and np.array_equal(sx[:, 0], sy)
    assert np.all(np.diff(sy) > 0)                                               # kept in order
    assert np.array_equal(sy, fixed_subset(x, y, 2000, seed=0)[1])
    assert not np.array_equal(sy, fixed_subset(x, y, 2000, seed=1)[1])
