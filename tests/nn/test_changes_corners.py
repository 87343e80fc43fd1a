"""What a change moved, at its corners: moves told apart in float64 though float32 rounds them
equal, the weight change as float32 whatever the weights given, and a layer exactly as large as
what is shown kept in its own order."""

import math

import numpy as np

from annviz.nn.changes import most_changed, weight_change


def test_moves_that_float32_rounds_equal_are_ordered_by_their_true_length():
    """Neuron 0 moves from 1 to 2⁻³⁰: by 1 − 2⁻³⁰, which float32 rounds to 1. Neuron 1 moves
    from 0 to 1: by exactly 1 — the larger move, listed first (float32 would tie them and keep
    the neurons' order: 0, 1)."""
    before = np.array([[1.0], [0.0]], np.float32)
    now = np.array([[2.0 ** -30], [1.0]], np.float32)
    lengths = [abs(float(n[0]) - float(b[0])) for n, b in zip(now, before)]
    assert lengths[0] < lengths[1] == 1.0
    assert most_changed(before, now, 2).tolist() == [1, 0]
    change = weight_change(before, now, shown=1, highlighted=1)
    assert change.shown.tolist() == [1] and change.highlighted.tolist() == [1]


def test_the_change_is_float32_whatever_the_weights_given():
    before = np.zeros((2, 3), np.float32)
    now = np.array([[0.1, 0.0, 0.0], [0.0, 0.0, -0.3]])          # float64
    change = weight_change(before, now, shown=2, highlighted=1)
    assert change.delta.dtype == np.float32
    assert change.delta.tolist() == [[float(np.float32(0.1)), 0.0, 0.0], [0.0, 0.0, float(np.float32(-0.3))]]


def test_a_layer_exactly_as_large_as_the_shown_is_shown_in_its_order():
    # wrong answer: the neurons by their move (3, 1, 0, 2) when they just fit
    before = np.zeros((4, 3), np.float32)
    now = np.array([[0, 0, 0.5], [0, 0, 1.0], [0, 0, 0], [2.0, 0, 0]], np.float32)
    change = weight_change(before, now, shown=4, highlighted=2)
    assert change.shown.tolist() == [0, 1, 2, 3] and change.highlighted.tolist() == [3, 1]
    fewer = weight_change(before, now, shown=3, highlighted=2)
    assert fewer.shown.tolist() == [3, 1, 0] and math.isclose(float(np.abs(fewer.delta).max()), 2.0)
