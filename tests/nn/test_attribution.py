"""Attribution, contributions, one learning step and softmax steps against the core's own maths."""

import math

import numpy as np
import pytest

from annviz.nn import Network, get_loss, make_optimizer, nudge
from annviz.nn.activations import get_activation
from annviz.nn.attribution import (
    contributions,
    explain_class,
    input_times_gradient,
    learning_step,
    softmax_rest,
    softmax_steps,
)


def small_network(dtype=np.float32, hidden="sigmoid", output="softmax"):
    return Network.build([12, 5, 4, 3], hidden, output, seed=1, dtype=dtype)


def example(n_in=12, seed=2):
    return np.random.default_rng(seed).uniform(0, 1, n_in).astype(np.float32)


def test_attribution_is_input_times_the_cores_score_gradient():
    net, x = small_network(), example()
    for k in range(3):
        expected = x * net.score_gradient(x[None, :], k)[0]
        np.testing.assert_array_equal(input_times_gradient(net, x, k), expected)


def test_a_class_is_explained_by_its_score_slope_and_pixels_as_computed_by_hand():
    """The "why" tab's numbers: ∂z_k/∂x by finite differences of a forward pass written out, z_k
    and the pixels' pushes from it (the probability's slope, or pushes without x, would differ)."""
    net = Network.build([12, 5, 3], "tanh", "softmax", seed=5, dtype=np.float64)
    rng = np.random.default_rng(6)
    for b in net.biases:
        b[:] = rng.normal(size=b.shape)                   # biases of their own (they start at 0)
    x = example().astype(np.float64)
    w0, b0, w1, b1 = net.weights[0], net.biases[0], net.weights[1], net.biases[1]

    def z(x):
        return w1 @ np.tanh(w0 @ x + b0) + b1

    h = 1e-6
    for k in range(3):
        slope = np.array([(z(x + h * e)[k] - z(x - h * e)[k]) / (2 * h) for e in np.eye(12)])
        shown = explain_class(net, x, k)
        np.testing.assert_allclose(shown.gradient, slope, rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(shown.attribution, x * slope, rtol=1e-6, atol=1e-9)
        assert shown.k == k and shown.z == pytest.approx(z(x)[k], rel=1e-12) and shown.bias == b1[k]
        assert shown.pushes_up == pytest.approx((x * slope)[x * slope > 0].sum(), rel=1e-6)
        assert shown.pushes_down == pytest.approx((x * slope)[x * slope < 0].sum(), rel=1e-6)
        assert shown.pushes_up + shown.pushes_down == pytest.approx(shown.total, rel=1e-12)
        assert shown.rest == pytest.approx(z(x)[k] - (x * slope).sum(), rel=1e-6)
        assert not shown.exact
        # the slope of the probability is another thing: the tab explains the score
        p = lambda x: np.exp(z(x)[k]) / np.exp(z(x)).sum()              # noqa: E731
        p_slope = np.array([(p(x + h * e) - p(x - h * e)) / (2 * h) for e in np.eye(12)])
        assert not np.allclose(shown.gradient, p_slope, rtol=1e-3)


def test_a_class_explanation_is_the_cores_attribution_in_one_pass_and_exact_without_hidden_layers():
    net, x = small_network(), example()
    for k in range(3):
        shown = explain_class(net, x, k)
        np.testing.assert_array_equal(shown.attribution, input_times_gradient(net, x, k))
        np.testing.assert_array_equal(shown.gradient, net.score_gradient(x[None, :], k)[0])
        assert shown.z == float(net.forward(x[None, :]).zs[-1][0, k])
    linear = Network.build([12, 3], output="softmax", seed=3, dtype=np.float64)
    shown = explain_class(linear, example().astype(np.float64), 1)
    assert shown.exact and shown.total + shown.bias == pytest.approx(shown.z, rel=1e-12)
    np.testing.assert_array_equal(shown.gradient, linear.weights[0][1])       # z_1 = w_1 · x + b_1


@pytest.mark.parametrize("output", ["identity", "softmax"])
def test_linear_model_attribution_sums_to_score_minus_blank_score(output):
    net = Network.build([12, 3], output=output, seed=3, dtype=np.float64)
    net.biases[0][:] = [0.5, -1.0, 2.0]
    x = example().astype(np.float64)
    blank = np.zeros_like(x)
    for k in range(3):
        score = net.forward(x).zs[-1][0, k]
        blank_score = net.forward(blank).zs[-1][0, k]
        assert input_times_gradient(net, x, k).sum() == pytest.approx(score - blank_score, rel=1e-12)


def test_contributions_neurons_are_sums_of_their_edges_and_start_from_attribution():
    net, x = small_network(np.float64), example().astype(np.float64)
    c = contributions(net, x, k=2)
    assert [e.shape for e in c.edges] == [w.shape for w in net.weights]
    assert [len(n) for n in c.neurons] == net.sizes
    np.testing.assert_allclose(c.neurons[0], input_times_gradient(net, x, 2), rtol=1e-12)
    for l, edge in enumerate(c.edges):
        np.testing.assert_allclose(c.neurons[l], edge.sum(axis=0), rtol=1e-12)
    z = net.forward(x).zs[-1][0]
    assert c.neurons[-1][2] == z[2] and not c.neurons[-1][[0, 1]].any()
    # Last layer edges into k sum to z_k minus its bias (δ = 1 at k).
    assert c.edges[-1][2].sum() == pytest.approx(z[2] - net.biases[-1][2], rel=1e-12)


def test_one_learning_step_is_exactly_one_sgd_step_of_the_core():
    net, x, y, lr = small_network(), example(), 1, 0.7
    loss = get_loss("cross-entropy")
    before = [p.copy() for p in net.weights + net.biases]
    step = learning_step(net, x, y, loss, lr)

    reference = net.copy()
    _, grads = reference.gradients(x[None, :], np.array([y]), loss)
    make_optimizer("sgd", lr).step(reference.weights + reference.biases,
                                   grads.grad_w + grads.grad_b, reference.n_layers)
    for mine, core in zip(step.new_weights + step.new_biases, reference.weights + reference.biases):
        np.testing.assert_array_equal(mine, core)
    for p, old in zip(net.weights + net.biases, before):   # the network itself is untouched
        np.testing.assert_array_equal(p, old)
    np.testing.assert_array_equal(step.new_probabilities, reference.forward(x).output[0])
    assert step.loss == pytest.approx(-np.log(step.probabilities[y]), rel=1e-6)
    assert step.new_loss < step.loss


def test_learning_step_stages_are_the_cores_numbers():
    net, x, y = small_network(), example(), 0
    loss = get_loss("mse")
    step = learning_step(net, x, y, loss, 0.1)
    fwd = net.forward(x)
    for mine, core in zip(step.before.activations, fwd.activations):
        np.testing.assert_array_equal(mine, core)
    _, grads = net.gradients(x[None, :], np.array([y]), loss)
    for l in range(net.n_layers):
        np.testing.assert_array_equal(step.deltas[l], grads.deltas[l][0])
        np.testing.assert_array_equal(step.grad_w[l], grads.grad_w[l])
        np.testing.assert_allclose(step.weight_changes[l], -0.1 * grads.grad_w[l], atol=1e-7)


def test_numeric_slope_matches_backprop_in_float64():
    net = small_network().copy(np.float64)
    x, y = example().astype(np.float64)[None, :], np.array([2])
    loss = get_loss("cross-entropy")
    for layer, index in [(0, (3, 7)), (1, (2, 4)), (2, (2, 0))]:
        n = nudge(net, x, y, loss, "weight", layer, index, h=1e-5)
        assert n.numeric == pytest.approx(n.backprop, rel=1e-6)
        assert n.relative_error < 1e-6


def test_softmax_steps_reproduce_the_cores_softmax():
    z = np.array([2.0, -1.0, 0.5, 3.0], dtype=np.float32)
    s = softmax_steps(z)
    assert s.shifted.max() == 0
    np.testing.assert_array_equal(s.exps, np.exp(z - z.max()))
    np.testing.assert_array_equal(s.probabilities, get_activation("softmax").f(z))
    assert s.total == pytest.approx(float(s.exps.sum()))


def test_softmax_rest_is_the_log_of_the_other_outputs_exponentials():
    z = np.array([2.0, -1.0, 0.5, 3.0], dtype=np.float32)
    for k in range(4):
        by_hand = math.log(sum(math.exp(float(z[j])) for j in range(4) if j != k))
        assert softmax_rest(z, k) == pytest.approx(by_hand, rel=1e-12)
        # output k is the sigmoid of z_k − c: the inspector's point lies on its curve
        sigmoid = 1 / (1 + math.exp(-(float(z[k]) - softmax_rest(z, k))))
        assert sigmoid == pytest.approx(float(get_activation("softmax").f(z)[k]), rel=1e-6)
    # wrong answers: all the outputs' sum (k included), or the largest other z alone
    assert softmax_rest(z, 3) != pytest.approx(math.log(float(np.exp(z.astype(np.float64)).sum())), rel=1e-3)
    assert softmax_rest(z, 3) != pytest.approx(2.0, rel=1e-3)


def test_softmax_rest_does_not_overflow_and_is_minus_infinity_alone():
    z = np.array([1000.0, 999.0, -5.0])          # e^1000 overflows float64
    assert softmax_rest(z, 2) == pytest.approx(1000 + math.log(1 + math.exp(-1)), rel=1e-15)
    assert softmax_rest(np.array([4.0]), 0) == -math.inf
