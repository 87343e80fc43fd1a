"""Each activation's derivative agrees with a centred difference of its formula."""

import numpy as np
import pytest

from annviz.nn.activations import HIDDEN_ACTIVATIONS, Step, get_activation

Z = np.linspace(-4, 4, 81) + 0.0123  # avoid the kink of ReLU at exactly 0


@pytest.mark.parametrize("name", [*HIDDEN_ACTIVATIONS, "identity"])
def test_derivative_matches_numeric_slope(name):
    f = get_activation(name)
    h = 1e-6
    numeric = (f.f(Z + h) - f.f(Z - h)) / (2 * h)
    np.testing.assert_allclose(f.df(Z), numeric, rtol=1e-6, atol=1e-8)
    a = f.f(Z)
    np.testing.assert_allclose(f.backward(Z, a, np.ones_like(Z)), numeric, rtol=1e-6, atol=1e-8)


def test_known_values():
    assert get_activation("sigmoid").f(np.array(0.0)) == 0.5
    np.testing.assert_allclose(get_activation("relu").f(np.array([-2.0, 3.0])), [0, 3])
    np.testing.assert_allclose(get_activation("leaky_relu").f(np.array([-2.0, 3.0])), [-0.02, 3])
    np.testing.assert_allclose(get_activation("tanh").f(np.array([1.0])), [np.tanh(1.0)])


def test_sigmoid_does_not_overflow():
    with np.errstate(all="raise"):
        out = get_activation("sigmoid").f(np.array([-1e4, 1e4], dtype=np.float32))
    np.testing.assert_allclose(out, [0, 1])


def test_step_fires_at_threshold():
    step = Step(threshold=2.0)
    np.testing.assert_array_equal(step.f(np.array([1.9, 2.0, 5.0])), [0, 1, 1])
    assert not step.df(np.array([1.0, 3.0])).any()


def test_softmax_is_stable_and_sums_to_one():
    f = get_activation("softmax")
    z = np.array([[1000.0, 1001.0, 999.0], [-1e4, 0.0, 1e4]])
    a = f.f(z)
    assert np.isfinite(a).all()
    np.testing.assert_allclose(a.sum(axis=1), 1)
    np.testing.assert_allclose(a[0], np.exp([0, 1, -1]) / np.exp([0, 1, -1]).sum())


def test_softmax_backward_is_the_jacobian_product():
    f = get_activation("softmax")
    rng = np.random.default_rng(0)
    z = rng.normal(size=(1, 5))
    g = rng.normal(size=(1, 5))
    a = f.f(z)[0]
    jacobian = np.diag(a) - np.outer(a, a)
    np.testing.assert_allclose(f.backward(z, a[None], g)[0], jacobian @ g[0], atol=1e-12)


def test_unknown_activation_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        get_activation("swish")


def test_cross_entropy_stays_finite_when_float32_sigmoids_saturate():
    from annviz.nn.losses import get_loss

    a = get_activation("sigmoid").f(np.array([[40.0, -40.0]], dtype=np.float32))  # exactly 1 and 0
    loss = get_loss("cross-entropy").value(a, np.array([[0.0, 1.0]], dtype=np.float32), get_activation("sigmoid"))
    assert np.isfinite(loss) and loss > 10
