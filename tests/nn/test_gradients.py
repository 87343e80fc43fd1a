"""Backpropagation against numerical differentiation, for every activation × loss pair."""

import numpy as np
import pytest

from annviz.nn import Network, check_gradients, get_loss, nudge
from annviz.nn.activations import HIDDEN_ACTIVATIONS

PAIRS = [(hidden, output, loss)
         for hidden in HIDDEN_ACTIVATIONS
         for output in ("softmax", "sigmoid")
         for loss in ("cross-entropy", "mse")]


def _network(hidden, output, seed=1):
    """A small float64 network with random biases (zero biases put ReLU exactly on its kink)."""
    net = Network.build([6, 5, 4, 3], hidden=hidden, output=output, seed=seed, dtype=np.float64)
    rng = np.random.default_rng(seed)
    for b in net.biases:
        b[:] = rng.normal(0, 0.5, size=b.shape)
    return net


@pytest.mark.parametrize("hidden,output,loss", PAIRS)
def test_backprop_matches_numeric_gradient(hidden, output, loss):
    net = _network(hidden, output)
    rng = np.random.default_rng(2)
    x = rng.normal(size=(8, 6))
    y = rng.integers(0, 3, size=8)
    error = check_gradients(net, x, y, get_loss(loss), h=1e-5, samples_per_tensor=30)
    assert error < 1e-6


def test_mse_with_identity_output_and_target_vectors():
    net = Network([4, 3, 2], ["tanh", "identity"], seed=0, dtype=np.float64)
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(5, 4)), rng.normal(size=(5, 2))
    assert check_gradients(net, x, y, get_loss("mse")) < 1e-6


def test_nudge_reports_both_losses_and_agrees():
    net = _network("sigmoid", "softmax")
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(4, 6)), rng.integers(0, 3, size=4)
    loss = get_loss("cross-entropy")
    result = nudge(net, x, y, loss, "weight", 1, (2, 3), h=1e-5)
    before = net.loss(x, y, loss)
    assert result.loss_plus != result.loss_minus
    assert abs(result.numeric - (result.loss_plus - result.loss_minus) / 2e-5) < 1e-12
    assert result.relative_error < 1e-6
    assert net.loss(x, y, loss) == before  # the weight was put back


def test_gradient_check_catches_a_wrong_gradient(monkeypatch):
    """The check is not vacuous: a broken derivative is caught."""
    net = _network("tanh", "softmax")
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=(4, 6)), rng.integers(0, 3, size=4)
    tanh = net.layer_activations[0]
    monkeypatch.setattr(tanh, "slope", lambda z, a: 1.0 - 0.5 * a * a)
    assert check_gradients(net, x, y, get_loss("cross-entropy")) > 1e-3


def test_score_gradient_of_a_linear_model_is_its_weights():
    net = Network([4, 3], ["softmax"], seed=0, dtype=np.float64)
    x = np.ones((1, 4))
    np.testing.assert_allclose(net.score_gradient(x, 2)[0], net.weights[0][2])
