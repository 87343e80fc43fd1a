"""The explorer's numbers (annviz/nn/readout.py), each against a computation of its own: the
evidence through each neuron by hand and by finite differences, the strongest edges by a full sort.
(The parameter formula and z's terms: tests/gui/test_explorer_views.py.)"""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.attribution import contributions
from annviz.nn.readout import evidence, evidence_rank, strongest_edges


@pytest.fixture
def case():
    """A small float64 network of mixed signs and one input: evidence for the predicted class."""
    net = Network([6, 5, 4, 3], ["tanh", "sigmoid", "softmax"], seed=3, dtype=np.float64)
    x = np.random.default_rng(0).random(6)
    return net, x, int(net.predict(x[None, :])[0])


def hand_forward(net, x):
    """Each layer's activation, written out: a = f(W a_prev + b)."""
    a1 = np.tanh(net.weights[0] @ x + net.biases[0])
    a2 = 1 / (1 + np.exp(-(net.weights[1] @ a1 + net.biases[1])))
    z3 = net.weights[2] @ a2 + net.biases[2]
    return a1, a2, z3


def test_evidence_in_the_last_hidden_layer_is_each_neurons_term_of_z_k(case):
    net, x, k = case
    _, a2, _ = hand_forward(net, x)
    terms = net.weights[2][k] * a2                            # z_k = Σ w_kj a_j + b_k
    share = evidence(contributions(net, x, k), 2)
    np.testing.assert_allclose(share, terms / np.abs(terms).sum(), rtol=1e-12)
    assert np.abs(share).sum() == pytest.approx(1)
    assert (share < 0).any() and (share > 0).any()            # the case tells |Σ| from Σ|·|
    assert not np.allclose(share, terms / terms.sum())        # a scale without the absolute values


def test_evidence_in_an_earlier_layer_follows_the_slopes_of_the_layers_between(case):
    net, x, k = case
    a1, _, _ = hand_forward(net, x)
    h = 1e-6

    def z_k(a1):
        a2 = 1 / (1 + np.exp(-(net.weights[1] @ a1 + net.biases[1])))
        return (net.weights[2] @ a2 + net.biases[2])[k]

    slopes = np.array([(z_k(a1 + h * e) - z_k(a1 - h * e)) / (2 * h) for e in np.eye(len(a1))])
    expected = a1 * slopes                                    # a_j ∂z_k/∂a_j
    np.testing.assert_allclose(evidence(contributions(net, x, k), 1), expected / np.abs(expected).sum(),
                               rtol=1e-6, atol=1e-9)


def test_there_is_no_evidence_for_the_output_layer_or_beyond(case):
    net, x, k = case
    c = contributions(net, x, k)
    assert evidence(c, 3) is None and evidence(c, -1) is None
    assert evidence(c, 0) is not None                         # the input pixels have a share too


def test_a_neurons_rank_counts_the_larger_shares_in_size_before_it():
    shares = np.array([0.1, -0.4, 0.3, -0.1, 0.05])
    by_size = sorted(range(5), key=lambda i: -abs(shares[i]))      # 1, 2, then 0 and 3 tied, 4
    assert [evidence_rank(shares, i) for i in by_size] == [1, 2, 3, 3, 5]
    assert evidence_rank(shares, 1) != 5                            # not ranked by signed value


def test_strongest_edges_are_the_largest_in_size_whatever_their_sign():
    rng = np.random.default_rng(2)
    contribution = rng.normal(size=(7, 9))
    contribution[3, 4] = -50.0                                # the strongest of all pulls down
    rows, cols = strongest_edges(contribution, 10)
    by_size = np.argsort(-np.abs(contribution).ravel())[:10]
    assert sorted(zip(rows.tolist(), cols.tolist())) == sorted(
        zip(*(i.tolist() for i in np.unravel_index(by_size, contribution.shape))))
    assert (3, 4) in set(zip(rows.tolist(), cols.tolist()))   # not only the largest values


def test_all_edges_are_drawn_when_they_fit():
    contribution = np.arange(6.0).reshape(2, 3)
    rows, cols = strongest_edges(contribution, 6)
    assert sorted(zip(rows.tolist(), cols.tolist())) == [(i, j) for i in range(2) for j in range(3)]
