"""The Network: shapes, forward pass, initialisation, copies."""

import numpy as np
import pytest

from annviz.nn import Network


def test_forward_keeps_every_z_and_a():
    net = Network.build([784, 16, 16, 10], hidden="sigmoid", seed=0)
    x = np.random.default_rng(0).random((3, 784), dtype=np.float32)
    fwd = net.forward(x)
    assert [z.shape for z in fwd.zs] == [(3, 16), (3, 16), (3, 10)]
    assert [a.shape for a in fwd.activations] == [(3, 784), (3, 16), (3, 16), (3, 10)]
    a1 = 1 / (1 + np.exp(-(x @ net.weights[0].T + net.biases[0])))
    np.testing.assert_allclose(fwd.activations[1], a1, rtol=1e-5)
    np.testing.assert_allclose(fwd.output.sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_allclose(net.predict_proba(x), fwd.output)


def test_parameter_count_of_the_notes_network():
    net = Network.build([784, 16, 16, 10], seed=0)
    assert net.n_weights == 784 * 16 + 16 * 16 + 16 * 10 == 12_960
    assert net.n_biases == 42
    assert net.n_params == 13_002


def test_initialisation_depends_on_activation_and_seed():
    relu = Network.build([784, 256, 10], hidden="relu", seed=0)
    sig = Network.build([784, 256, 10], hidden="sigmoid", seed=0)
    assert abs(relu.weights[0].std() - np.sqrt(2 / 784)) < 0.002          # He
    assert abs(sig.weights[0].std() - np.sqrt(2 / (784 + 256))) < 0.002   # Xavier
    again = Network.build([784, 256, 10], hidden="relu", seed=0)
    np.testing.assert_array_equal(relu.weights[0], again.weights[0])
    other = Network.build([784, 256, 10], hidden="relu", seed=1)
    assert not np.array_equal(relu.weights[0], other.weights[0])
    assert relu.weights[0].dtype == np.float32


def test_snapshot_is_a_read_only_copy():
    net = Network.build([4, 3, 2], seed=0)
    weights, biases = net.snapshot()
    net.weights[0] += 1
    assert not np.array_equal(weights[0], net.weights[0])
    with pytest.raises(ValueError):
        weights[0][0, 0] = 5


@pytest.mark.parametrize("sizes,acts", [([784], []), ([784, 0, 10], ["relu", "softmax"]),
                                        ([784, 10], ["relu", "softmax"])])
def test_bad_architectures_are_refused(sizes, acts):
    with pytest.raises(ValueError):
        Network(sizes, acts)


def test_weights_must_fit_sizes():
    with pytest.raises(ValueError, match="do not fit"):
        Network([4, 3], ["softmax"], [np.zeros((4, 3))], [np.zeros(3)])
