"""Touching a neuron (annviz.nn.neuron_edit) against NumPy written out by hand."""

import numpy as np
import pytest

from annviz.nn.network import Network
from annviz.nn.neuron_edit import NeuronEdit, apply_edits


@pytest.fixture
def net():
    return Network.build([6, 5, 4, 3], hidden="sigmoid", output="softmax", seed=3)


def test_switching_a_neuron_off_zeroes_exactly_its_outgoing_weights(net):
    edited = apply_edits(net, [NeuronEdit(1, 2, off=True)])
    expected = [w.copy() for w in net.weights]
    expected[1][:, 2] = 0.0                            # W⁽²⁾[:, 2]: what layer 2 hears of neuron 2
    for got, want in zip(edited.weights, expected):
        np.testing.assert_array_equal(got, want)
    for got, want in zip(edited.biases, net.biases):
        np.testing.assert_array_equal(got, want)


def test_an_off_neuron_is_not_heard_whatever_it_computes(net):
    """The output equals a forward pass written in NumPy with that neuron's a replaced by 0."""
    x = np.random.default_rng(0).random((7, 6), dtype=np.float32)
    sigmoid = lambda z: 1 / (1 + np.exp(-z))          # noqa: E731
    a1 = sigmoid(x @ net.weights[0].T + net.biases[0])
    a1[:, 3] = 0.0
    a2 = sigmoid(a1 @ net.weights[1].T + net.biases[1])
    z3 = a2 @ net.weights[2].T + net.biases[2]
    p = np.exp(z3 - z3.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    edited = apply_edits(net, [NeuronEdit(1, 3, off=True)])
    np.testing.assert_allclose(edited.predict_proba(x), p, rtol=1e-5, atol=1e-6)


def test_bias_shift_and_weight_scale_change_that_neuron_alone(net):
    edited = apply_edits(net, [NeuronEdit(2, 1, bias_shift=-1.5, weight_scale=0.5)])
    w, b = [x.copy() for x in net.weights], [x.copy() for x in net.biases]
    w[1][1, :] *= 0.5
    b[1][1] += -1.5
    for got, want in zip(edited.weights + edited.biases, w + b):
        np.testing.assert_array_equal(got, want)


def test_edits_of_several_neurons_add_up_and_the_original_is_never_changed(net):
    before = [x.copy() for x in net.weights + net.biases]
    edited = apply_edits(net, [NeuronEdit(1, 0, off=True), NeuronEdit(2, 3, weight_scale=2.0)])
    assert np.all(edited.weights[1][:, 0] == 0)
    expected = 2.0 * net.weights[1][3, :]             # neuron 3 of layer 2 hears neuron 0 no more
    expected[0] = 0.0
    np.testing.assert_array_equal(edited.weights[1][3, :], expected)
    for got, want in zip(net.weights + net.biases, before):
        np.testing.assert_array_equal(got, want)
    assert edited is not net


@pytest.mark.parametrize("layer, index", [(0, 0), (3, 0), (1, 5), (2, -1)])
def test_only_hidden_neurons_can_be_touched(net, layer, index):
    with pytest.raises(ValueError):
        apply_edits(net, [NeuronEdit(layer, index, off=True)])


def test_an_edit_that_changes_nothing_says_so():
    assert NeuronEdit(1, 0).changes_nothing
    assert not NeuronEdit(1, 0, bias_shift=0.5).changes_nothing
