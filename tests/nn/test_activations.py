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


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", ["step", "relu", "leaky_relu"])
def test_activation_and_its_slope_keep_the_dtype_and_shape_of_z(name, dtype):
    """A float32 network stays float32 through every layer (and float64 stays float64)."""
    f = get_activation(name)
    z = np.array([[-1.5, 0.25], [2.0, -0.1]], dtype=dtype)
    assert f.f(z).dtype == dtype and f.f(z).shape == z.shape
    assert f.df(z).dtype == dtype and f.df(z).shape == z.shape


def test_step_of_integer_inputs_gives_float_outputs():
    out = Step().f(np.array([-1, 0, 2]))
    assert np.issubdtype(out.dtype, np.floating)
    assert out.tolist() == [0.0, 1.0, 1.0]


def test_relu_family_slope_at_exactly_zero_is_the_negative_side():
    """At the kink z = 0 the slope is taken from the left, as PyTorch does: 0 for ReLU, α for
    leaky ReLU; a unit resting at exactly 0 passes no gradient (ReLU)."""
    z = np.array([-1.0, 0.0, 1.0])
    relu, leaky = get_activation("relu"), get_activation("leaky_relu")
    assert relu.df(z).tolist() == [0.0, 0.0, 1.0]
    assert relu.backward(z, relu.f(z), np.ones(3)).tolist() == [0.0, 0.0, 1.0]
    assert leaky.df(z).tolist() == [leaky.alpha, leaky.alpha, 1.0]
    assert leaky.backward(z, leaky.f(z), np.ones(3)).tolist() == [leaky.alpha, leaky.alpha, 1.0]


@pytest.mark.parametrize("name, canonical", [
    ("Leaky ReLU", "leaky_relu"), ("leaky-relu", "leaky_relu"), ("LeakyReLU", "leaky_relu"),
    ("linear", "identity"), ("Unit step", "step"), ("unit-step", "step"), (" ReLU ", "relu"),
])
def test_every_spelling_of_an_activation_name_finds_it(name, canonical):
    assert get_activation(name).name == canonical
