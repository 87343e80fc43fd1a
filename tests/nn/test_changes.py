"""What a change to a network changed (annviz/nn/changes.py), against computations of its own: a
forward pass written out for the answers, row norms summed by hand for the weights that moved."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.changes import answer, answer_change, most_changed, weight_change
from annviz.nn.neuron_edit import NeuronEdit, apply_edits


def test_the_answer_is_the_largest_output_and_its_value_the_first_of_equals():
    said = answer(np.array([0.1, 0.45, 0.0, 0.45]))
    assert (said.k, said.confidence) == (1, 0.45)
    assert answer(np.array([0.7, 0.2, 0.1])).k == 0
    assert answer(np.array([-3.0, -1.0])).confidence == -1.0        # an identity output, as it is


def test_switching_a_neuron_off_changes_the_answer_as_a_forward_pass_by_hand_says():
    w1 = np.array([[4.0, 0.0], [0.0, 4.0]])               # hidden neuron 1 hears pixel 1, neuron 2 pixel 2
    w2 = np.array([[3.0, 0.0], [0.0, 1.0]])               # class 0 listens to neuron 1, class 1 to neuron 2
    net = Network([2, 2, 2], ["sigmoid", "softmax"], [w1, w2], [np.zeros(2), np.zeros(2)], dtype=np.float64)
    edited = apply_edits(net, [NeuronEdit(1, 0, off=True)])
    x = np.array([1.0, 1.0])

    def by_hand(w2):
        a = 1 / (1 + np.exp(-(w1 @ x)))
        e = np.exp(w2 @ a)
        return e / e.sum()

    before, after = by_hand(w2), by_hand(np.array([[0.0, 0.0], [0.0, 1.0]]))
    change = answer_change(net, edited, x)
    assert (change.before.k, change.after.k) == (0, 1) and change.changed
    assert change.before.confidence == pytest.approx(before[0], rel=1e-12)
    assert change.after.confidence == pytest.approx(after[1], rel=1e-12)
    np.testing.assert_allclose(change.after.probabilities, after, rtol=1e-12)
    same = answer_change(net, net, x)
    assert not same.changed and same.before.confidence == same.after.confidence
    assert answer_change(edited, net, x).before.k == 1                  # the order is kept


def test_the_neurons_that_moved_most_by_the_length_of_their_change():
    rng = np.random.default_rng(4)
    before = rng.normal(size=(20, 30)).astype(np.float32)
    now = before.copy()
    now[7] += 0.5                                          # a long move spread over many weights
    now[3, 0] -= 2.0                                       # one weight, far, downwards
    now[11, :4] += 0.9                                     # four weights up: length 1.8, sum 3.6
    lengths = [math.sqrt(sum((float(a) - float(b)) ** 2 for a, b in zip(n, o))) for n, o in zip(now, before)]
    by_hand = sorted(range(20), key=lambda i: (-lengths[i], i))
    assert list(most_changed(before, now, 3)) == by_hand[:3] == [7, 3, 11]
    change = weight_change(before, now, shown=5, highlighted=2)
    assert list(change.highlighted) == [7, 3] and list(change.shown) == by_hand[:5]
    np.testing.assert_array_equal(change.delta, now - before)
    assert change.delta.dtype == np.float32
    # wrong orders: by the largest single weight (3, 11, 7), by the signed sum (7, 11, 3)
    assert list(change.highlighted) not in ([3, 11], [7, 11])


def test_a_small_layer_is_shown_whole_in_its_order():
    before = np.zeros((4, 3))
    now = np.array([[0, 0, 0], [0, 0, 1.0], [0, 0, 0], [2.0, 0, 0]])
    change = weight_change(before, now, shown=16, highlighted=3)
    assert list(change.shown) == [0, 1, 2, 3] and list(change.highlighted) == [3, 1, 0]
