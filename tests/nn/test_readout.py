"""The explorer's numbers (annviz/nn/readout.py), each against a computation of its own: the
evidence through each neuron by hand and by finite differences, the strongest edges by a full sort,
the parameter count multiplied out, z's terms summed back."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn import Network
from annviz.nn.attribution import contributions
from annviz.nn.readout import evidence, evidence_rank, parameter_formula, strongest_edges, weighted_input_terms


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


@pytest.mark.parametrize("shape, budget", [((7, 9), 10), ((16, 784), 300), ((64, 128), 10)])
def test_strongest_edges_are_the_largest_in_size_whatever_their_sign(shape, budget):
    rng = np.random.default_rng(2)
    contribution = rng.normal(size=shape)
    contribution[3, 4] = -50.0                                # the strongest of all pulls down
    rows, cols = strongest_edges(contribution, budget)
    assert len(rows) == budget
    by_size = np.argsort(-np.abs(contribution).ravel())[:budget]
    assert sorted(zip(rows.tolist(), cols.tolist())) == sorted(
        zip(*(i.tolist() for i in np.unravel_index(by_size, contribution.shape))))
    assert (3, 4) in set(zip(rows.tolist(), cols.tolist()))   # not only the largest values


def test_a_layer_that_gives_no_evidence_shows_zero_shares_not_nan(case):
    net, x, k = case
    c = contributions(net, np.zeros_like(x), k)               # a blank input: the pixels give nothing
    assert evidence(c, 0).tolist() == [0.0] * 6


def test_all_edges_are_drawn_when_they_fit():
    contribution = np.arange(6.0).reshape(2, 3)
    rows, cols = strongest_edges(contribution, 6)
    assert sorted(zip(rows.tolist(), cols.tolist())) == [(i, j) for i in range(2) for j in range(3)]


def test_parameter_formula_is_written_as_the_notes_do():
    count = parameter_formula([784, 16, 16, 10])
    assert (count.products, count.n_weights, count.n_biases, count.total) == (
        "784·16 + 16·16 + 16·10", 12_960, 42, 13_002)
    assert parameter_formula([784, 128, 64, 10]).total == 784 * 128 + 128 * 64 + 64 * 10 + 202
    linear = parameter_formula([784, 10])            # no hidden layer: one product, 10 biases
    assert (linear.products, linear.n_weights, linear.n_biases) == ("784·10", 7840, 10)
    uneven = parameter_formula([3, 5, 2])            # the order of each product: inputs · outputs
    assert (uneven.products, uneven.total) == ("3·5 + 5·2", 15 + 10 + 7)


def test_weighted_input_terms_add_up_to_z():
    rng = np.random.default_rng(1)
    w, a = rng.normal(size=50), rng.random(50)
    terms = weighted_input_terms(w, a, 0.3, k=4)
    products = np.abs(w * a)
    assert list(terms.indices) == list(np.argsort(-products)[:4])
    assert terms.n_rest == 46
    assert terms.z == pytest.approx(w @ a + 0.3)
    assert terms.bias == 0.3
    assert terms.weights.tolist() == w[terms.indices].tolist()
    assert terms.inputs.tolist() == a[terms.indices].tolist()
    assert terms.rest == pytest.approx(sum(w[i] * a[i] for i in range(50) if i not in set(terms.indices)))
    assert (terms.weights * terms.inputs).sum() + terms.rest + terms.bias == pytest.approx(terms.z)
    assert len(weighted_input_terms(w, a, 0.3).indices) == 5      # five terms unless asked


def test_weighted_input_terms_are_summed_in_float64_from_float32_weights():
    rng = np.random.default_rng(5)
    w, a = rng.normal(size=784).astype(np.float32), rng.random(784).astype(np.float32)
    terms = weighted_input_terms(w, a, 0.25)
    products = w.astype(np.float64) * a.astype(np.float64)
    assert terms.z == float(products.sum() + 0.25)          # the float64 sum, bit for bit
    assert terms.weights.dtype == np.float64


@pytest.mark.parametrize("seed", range(8))
def test_the_largest_terms_of_a_long_sum_are_found_for_any_input(seed):
    rng = np.random.default_rng(seed)
    w, a = rng.normal(size=784), rng.random(784)
    for k in (2, 4, 5, 30):
        terms = weighted_input_terms(w, a, 0.0, k=k)
        assert terms.indices.tolist() == np.argsort(-np.abs(w * a), kind="stable")[:k].tolist()


def test_many_equal_terms_keep_the_inputs_order():
    w = np.ones(100)
    a = np.zeros(100)
    a[10:80] = 0.5                                         # seventy equal terms
    terms = weighted_input_terms(w, a, 0.0, k=40)
    assert terms.indices.tolist() == list(range(10, 50))


@pytest.mark.parametrize("k", [3, 4, 9])
def test_weighted_input_terms_of_a_short_sum_show_every_term_largest_first(k):
    w = np.array([1.0, -4.0, 0.5, 2.0])
    a = np.array([1.0, 0.5, 1.0, 1.0])                # terms 1, −2, 0.5, 2: |−2| and 2 tie
    terms = weighted_input_terms(w, a, -1.0, k=k)
    shown = min(k, 4)
    assert terms.indices.tolist() == [1, 3, 0, 2][:shown]   # a tie keeps the inputs' order
    assert terms.n_rest == 4 - shown
    assert terms.rest == pytest.approx([0.0, 0.5][shown == 3])
    assert terms.z == pytest.approx(1.5 - 1.0)
