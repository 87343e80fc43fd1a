"""Network and metrics paths the main tests do not take: a sigmoid output scored with binary
cross-entropy, MSE gradients through a ReLU-family output in a deeper network, the dtype of the
input, the initialisation asked for, and an empty or one-example evaluation."""

import math

import numpy as np
import pytest

from annviz.nn.losses import CrossEntropy, MeanSquaredError
from annviz.nn.metrics import evaluate, score
from annviz.nn.network import Network, default_init

X = np.array([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7]])


def _sigmoid_net():
    return Network([3, 4, 2], ["relu", "sigmoid"], seed=5, dtype=np.float64)


def _binary_ce_by_hand(a, y):
    total = 0.0
    for row, label in zip(a, y):
        for k, p in enumerate(row):
            t = 1.0 if k == label else 0.0
            total -= t * math.log(p) + (1 - t) * math.log(1 - p)
    return total / len(a)


def test_a_sigmoid_output_is_scored_with_binary_cross_entropy():
    net, y = _sigmoid_net(), np.array([1, 0])
    a = net.predict_proba(X)
    by_hand = _binary_ce_by_hand(a, y)
    assert net.gradients(X, y, CrossEntropy())[0] == pytest.approx(by_hand, rel=1e-9)
    assert score(net, a, y, CrossEntropy())[0] == pytest.approx(by_hand, rel=1e-9)
    assert evaluate(net, X, y, CrossEntropy())[0] == pytest.approx(by_hand, rel=1e-9)


def test_score_uses_the_output_layer_activation_in_a_deeper_network():
    net = Network([3, 4, 4, 2], ["tanh", "relu", "sigmoid"], seed=2, dtype=np.float64)
    y = np.array([0, 1])
    a = net.predict_proba(X)
    assert score(net, a, y, CrossEntropy())[0] == pytest.approx(_binary_ce_by_hand(a, y), rel=1e-9)


@pytest.mark.parametrize("out", ["leaky_relu", "relu"])
def test_mse_gradients_through_a_relu_family_output_match_a_centred_difference(out):
    net = Network([3, 3, 3, 3], ["tanh", "tanh", out], seed=4, dtype=np.float64)
    for b in net.biases:
        b += 0.3                                  # keep the ReLU outputs away from their kink
    y, loss, h = np.array([2, 0]), MeanSquaredError(), 1e-6
    _, grads = net.gradients(X, y, loss)
    for l in range(net.n_layers):
        w = net.weights[l]
        numeric = np.zeros_like(w)
        for idx in np.ndindex(*w.shape):
            old = w[idx]
            w[idx] = old + h
            up = loss.value(net.predict_proba(X), y)
            w[idx] = old - h
            down = loss.value(net.predict_proba(X), y)
            w[idx] = old
            numeric[idx] = (up - down) / (2 * h)
        np.testing.assert_allclose(grads.grad_w[l], numeric, rtol=1e-5, atol=1e-9)


def test_a_float64_input_runs_at_the_networks_float32():
    net = Network([3, 4, 2], ["relu", "softmax"], seed=1)
    assert net.forward(X).output.dtype == np.float32
    assert net.predict_proba(X).dtype == np.float32


def test_evaluating_nothing_gives_nan_and_one_example_a_real_score():
    net = _sigmoid_net()
    empty = evaluate(net, X[:0], np.array([], dtype=int), CrossEntropy())
    assert all(math.isnan(v) for v in empty)
    assert all(math.isnan(v) for v in score(net, np.zeros((0, 2)), np.array([], dtype=int), CrossEntropy()))
    one_loss, one_acc = evaluate(net, X[:1], np.array([1]), CrossEntropy())
    assert one_loss == pytest.approx(_binary_ce_by_hand(net.predict_proba(X[:1]), [1]), rel=1e-9)
    assert one_acc in (0.0, 1.0)
    a = net.predict_proba(X[:1])
    assert score(net, a, np.array([1]), CrossEntropy())[1] == float(a.argmax() == 1)


def test_the_initialisation_asked_for_is_the_one_used():
    he = Network([200, 100, 2], ["relu", "softmax"], init="he", seed=0)
    xavier = Network([200, 100, 2], ["relu", "softmax"], init="xavier", seed=0)
    # He: std √(2/n_in) = 0.1; Xavier: √(2/(n_in+n_out)) ≈ 0.0816
    assert np.std(he.weights[0]) == pytest.approx(0.1, rel=0.05)
    assert np.std(xavier.weights[0]) == pytest.approx(math.sqrt(2 / 300), rel=0.05)
    with pytest.raises(ValueError, match="unknown initialisation"):
        Network([3, 2], ["softmax"], init="orthogonal")
    assert default_init("leaky_relu") == "he" and default_init("relu") == "he"
    assert default_init("tanh") == "xavier"


def test_without_a_seed_argument_a_network_starts_from_seed_0():
    a, b = Network([3, 4, 2], ["relu", "softmax"]), Network([3, 4, 2], ["relu", "softmax"], seed=0)
    for wa, wb in zip(a.weights, b.weights):
        np.testing.assert_array_equal(wa, wb)


def test_describe_names_sizes_and_activations():
    assert Network([784, 16, 10], ["sigmoid", "softmax"]).describe() == "784-16-10 sigmoid/softmax"
