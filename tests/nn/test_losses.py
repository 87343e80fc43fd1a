"""Each loss against a textbook formula written out in plain Python, on every path a caller takes:
integer labels or float target vectors, softmax/sigmoid outputs or any other output activation,
and every name the loss is known by."""

import math

import numpy as np
import pytest

from annviz.nn.activations import get_activation
from annviz.nn.losses import CrossEntropy, MeanSquaredError, get_loss, one_hot


def test_one_hot_puts_a_one_at_each_label_in_the_asked_dtype():
    t = one_hot(np.array([2, 0, 1]), 4)
    assert t.dtype == np.float32
    assert t.tolist() == [[0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]
    assert one_hot(np.array([1]), 2, np.float64).dtype == np.float64


def test_cross_entropy_with_float_targets_is_minus_the_mean_of_sum_t_log_a():
    a = np.array([[0.7, 0.2, 0.1], [0.25, 0.25, 0.5]])
    y = np.array([[1.0, 0.0, 0.0], [0.0, 0.4, 0.6]])         # a soft target in the second row
    by_hand = -(math.log(0.7) + 0.4 * math.log(0.25) + 0.6 * math.log(0.5)) / 2
    assert CrossEntropy().value(a, y, get_activation("softmax")) == pytest.approx(by_hand, rel=1e-12)
    # one-hot float targets give the same loss as the integer labels they encode
    assert CrossEntropy().value(a, one_hot(np.array([0, 2]), 3, np.float64)) == pytest.approx(
        CrossEntropy().value(a, np.array([0, 2])), rel=1e-12)


def test_softmax_cross_entropy_delta_with_float_targets_is_a_minus_t_over_batch():
    softmax = get_activation("softmax")
    z = np.array([[1.0, -0.5, 0.25], [0.0, 2.0, -1.0]])
    a = softmax.f(z)
    y = np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])
    d = CrossEntropy().delta(z, a, y, softmax)
    np.testing.assert_allclose(d, (a - y) / 2, rtol=1e-12)


def _numeric_dz(loss, z, y, act, h=1e-6):
    out = np.zeros_like(z)
    for idx in np.ndindex(*z.shape):
        zp, zm = z.copy(), z.copy()
        zp[idx] += h
        zm[idx] -= h
        out[idx] = (loss.value(act.f(zp), y, act) - loss.value(act.f(zm), y, act)) / (2 * h)
    return out


@pytest.mark.parametrize("targets", ["labels", "floats"])
@pytest.mark.parametrize("act_name", ["tanh", "relu", "identity"])
def test_cross_entropy_delta_through_any_other_output_is_the_slope_of_its_value(act_name, targets):
    """Neither softmax nor sigmoid: δ = −t/a/batch back through the activation's slope."""
    act = get_activation(act_name)
    z = np.array([[0.3, 1.2, 0.8], [0.9, 0.2, 1.5]])      # every output positive: log is defined
    y = np.array([1, 2]) if targets == "labels" else np.array([[0.1, 0.6, 0.3], [0.0, 0.5, 0.5]])
    a = act.f(z)
    d = CrossEntropy().delta(z, a.copy(), y, act)
    np.testing.assert_allclose(d, _numeric_dz(CrossEntropy(), z, y, act), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("act_name", ["relu", "leaky_relu", "tanh", "sigmoid"])
def test_mse_delta_is_the_slope_of_its_value_through_the_output_activation(act_name):
    act = get_activation(act_name)
    z = np.array([[0.3, -1.2, 0.8], [-0.9, 0.2, 1.5]])
    y = np.array([0, 2])
    a = act.f(z)
    d = MeanSquaredError().delta(z, a.copy(), y, act)
    np.testing.assert_allclose(d, _numeric_dz(MeanSquaredError(), z, y, act), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name, kind", [
    ("cross-entropy", CrossEntropy), ("Cross_Entropy", CrossEntropy), ("cross entropy", CrossEntropy),
    ("CrossEntropy", CrossEntropy), ("CE", CrossEntropy),
    ("mse", MeanSquaredError), ("Mean squared error", MeanSquaredError),
    ("mean_squared_error", MeanSquaredError), ("squared-error", MeanSquaredError),
])
def test_every_spelling_of_a_loss_name_finds_that_loss(name, kind):
    assert type(get_loss(name)) is kind


def test_an_unknown_loss_name_is_refused():
    with pytest.raises(ValueError, match="unknown loss"):
        get_loss("hinge")
