"""Nudging one weight or bias by ±h, on a 2-2 softmax layer whose loss is written out here:
the two losses, the slope, backprop's gradient (a bias's, not a weight's row), the h used; the
relative error as |a − b| / max(|a|, |b|); and a sampled check that gives the same answer each
time it is asked."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.gradcheck import check_gradients, nudge, relative_error
from annviz.nn.losses import CrossEntropy

W = [[0.5, -1.0], [0.25, 0.75]]
B = [0.1, -0.3]
X = [1.0, 2.0]


def loss_by_hand(w=W, b=B, x=X, y=0):
    z = [w[i][0] * x[0] + w[i][1] * x[1] + b[i] for i in range(2)]
    return -(z[y] - math.log(math.exp(z[0]) + math.exp(z[1])))


def softmax_by_hand(w=W, b=B, x=X):
    z = [w[i][0] * x[0] + w[i][1] * x[1] + b[i] for i in range(2)]
    return [math.exp(v) / (math.exp(z[0]) + math.exp(z[1])) for v in z]


def layer():
    return Network([2, 2], ["softmax"], [np.array(W)], [np.array(B)], dtype=np.float64)


@pytest.mark.parametrize("h", [0.1, 0.25])
def test_nudging_a_bias_gives_the_losses_either_side_and_its_own_gradient(h):
    got = nudge(layer(), np.array([X]), np.array([0]), CrossEntropy(), "bias", 0, 1, h=h)
    plus, minus = loss_by_hand(b=[B[0], B[1] + h]), loss_by_hand(b=[B[0], B[1] - h])
    assert got.h == h
    assert got.loss_plus == pytest.approx(plus, rel=1e-12) and got.loss_minus == pytest.approx(minus, rel=1e-12)
    assert got.numeric == pytest.approx((plus - minus) / (2 * h), rel=1e-10)
    assert got.backprop == pytest.approx(softmax_by_hand()[1], rel=1e-12)      # ∂L/∂b₁ = p₁ − 0


def test_nudging_a_weight_gives_its_gradient_and_the_default_h():
    got = nudge(layer(), np.array([X]), np.array([0]), CrossEntropy(), "weight", 0, (0, 1))
    assert got.h == 1e-5
    assert got.backprop == pytest.approx((softmax_by_hand()[0] - 1) * X[1], rel=1e-12)   # (p₀ − 1)·x₁
    assert got.numeric == pytest.approx(got.backprop, rel=1e-8) and got.relative_error < 1e-8


@pytest.mark.parametrize("a, b, expected", [
    (3.0, 1.0, 2 / 3), (1.0, 3.0, 2 / 3), (-2.0, 2.0, 2.0), (0.5, 0.5, 0.0), (0.0, 0.0, 0.0), (0.0, -4.0, 1.0),
])
def test_the_relative_error_is_the_difference_over_the_larger_size(a, b, expected):
    # wrong answers: × the scale (6 for 3 and 1), over the smaller (2), over the mean (1)
    assert relative_error(a, b) == pytest.approx(expected)


def test_a_sampled_check_gives_the_same_answer_each_time():
    """20 parameters of each of a 6-10-4 network's 60 and 40 weights are sampled: the same ones
    on every check (the worst error found is the same number), a float64 network whose errors
    differ from parameter to parameter."""
    net = Network.build([6, 10, 4], "tanh", "softmax", seed=2, dtype=np.float64)
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=(3, 6)), np.array([0, 3, 1])
    found = {check_gradients(net, x, y, CrossEntropy(), h=1e-3) for _ in range(4)}
    assert len(found) == 1 and 0 < found.pop() < 1e-3
