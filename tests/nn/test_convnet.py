"""The convolutional network (annviz.nn.convnet, layers): every layer's gradient against numeric
slopes, the forward pass against a reference that goes pixel by pixel, training with the MLP's
trainer, and the bounds that refuse a network before anything is allocated."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from test_convolution import conv_loops, pool_loops
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import ConfigError, TrainConfig, Trainer, check_gradients, get_loss
from annviz.nn.convnet import ConvNet
from annviz.nn.layers import (
    MAX_FILTERS,
    Conv,
    Dense,
    Flatten,
    LayerError,
    Pool,
    check_layers,
    describe,
    reference,
    torch_indices,
)
from annviz.recipes import build_network

RNG = np.random.default_rng(126)
CE = get_loss("cross-entropy")

ARCHITECTURES = {
    "reference net, tanh": reference((3, 4), activation="tanh"),
    "valid convolutions, a dense hidden layer, sigmoid": [Conv(3, 3, 0, "sigmoid"), Pool(), Conv(4, 3, 0, "sigmoid"),
                                                          Flatten(), Dense(7, "sigmoid"), Dense(10, "softmax")],
    "two convolutions then two pools, leaky ReLU": [Conv(2, 5, 2, "leaky_relu"), Conv(3, 3, 1, "leaky_relu"), Pool(),
                                                    Pool(), Flatten(), Dense(10, "softmax")],
    "no pool, identity output with MSE": [Conv(2, 7, 0, "tanh"), Flatten(), Dense(5, "identity")],
}


def _network(layers, seed=3) -> ConvNet:
    net = ConvNet(layers, seed=seed).copy(np.float64)
    for b in net.biases:
        b[:] = RNG.normal(0, 0.1, b.shape)
    return net


@pytest.mark.parametrize("name", list(ARCHITECTURES))
def test_every_weight_and_bias_has_backprops_gradient_as_its_numeric_slope(name):
    layers = ARCHITECTURES[name]
    net = _network(layers)
    rng = np.random.default_rng(list(ARCHITECTURES).index(name))   # the same draw in any test order
    x, y = rng.random((4, 784)), rng.integers(0, net.n_outputs, 4)
    loss = get_loss("mse" if net.activation_names[-1] == "identity" else "cross-entropy")
    # a wrong backward pass is off by 1e-2 and more; rounding with h = 1e-6 stays below 1e-5
    assert check_gradients(net, x, y, loss, h=1e-6, samples_per_tensor=12) < 1e-5


def test_the_reference_nets_relu_layers_too():
    """ReLU and max-pool are piecewise linear; a nudge of 1e-7 crosses no kink on these inputs."""
    net = _network(reference((3, 4)))
    x, y = RNG.random((3, 784)), RNG.integers(0, 10, 3)
    assert check_gradients(net, x, y, CE, h=1e-7, samples_per_tensor=15) < 1e-5


@pytest.mark.parametrize("name", list(ARCHITECTURES)[:3])
def test_the_input_gradient_through_every_layer_is_the_numeric_slope(name):
    """dL/dx reaches back through the dense layers, the flatten, each pool and each convolution."""
    net = _network(ARCHITECTURES[name])
    x, y = RNG.random((2, 784)), RNG.integers(0, 10, 2)
    fwd = net.forward(x)
    delta = CE.delta(fwd.zs[-1], fwd.output, y, net.layer_activations[-1])
    exact = net.backprop(fwd, delta, input_grad=True).grad_input
    for index in [tuple(i) for i in np.argwhere(np.ones_like(x))[RNG.choice(x.size, 25, replace=False)]]:
        old, h = x[index], 1e-6
        x[index] = old + h
        plus = net.loss(x, y, CE)
        x[index] = old - h
        minus = net.loss(x, y, CE)
        x[index] = old
        assert abs((plus - minus) / (2 * h) - exact[index]) < 1e-5 * abs(exact[index]) + 1e-9   # rounding


def _forward_by_the_formulas(net: ConvNet, x):
    """The network's output computed pixel by pixel in float64: convolution, activation, pool in
    the order the layers say (activation before the pool, unlike the network's own shortcut)."""
    a = x.reshape(len(x), 1, 28, 28).transpose(1, 0, 2, 3).astype(np.float64)
    l = 0
    for layer in net.layers:
        if layer.kind == "conv":
            a = net.layer_activations[l].f(conv_loops(a, net.weights[l], net.biases[l], layer.padding))
            l += 1
        elif layer.kind == "pool":
            a = pool_loops(a)[0]
        elif layer.kind == "flatten":
            a = a.transpose(1, 0, 2, 3).reshape(a.shape[1], -1)
        else:
            a = net.layer_activations[l].f(a @ net.weights[l].T + net.biases[l])
            l += 1
    return a


@pytest.mark.parametrize("name", list(ARCHITECTURES)[:3])
def test_the_forward_pass_is_the_layers_computed_one_pixel_at_a_time(name):
    net = ConvNet(ARCHITECTURES[name], seed=4)
    x = to_inputs(load_dataset("mnist").test_images[:2])
    np.testing.assert_allclose(net.predict_proba(x), _forward_by_the_formulas(net, x), rtol=1e-4, atol=1e-6)


def test_each_layers_output_is_there_for_the_views():
    """A convolution followed by a pool leaves its activation to the pool; layer_output has it."""
    net = ConvNet(reference((3, 4)), seed=2)
    x = RNG.random((2, 784), np.float32)
    fwd = net.forward(x)
    assert fwd.activations[1] is None                                      # conv 1, pooled after
    maps = net.layer_output(fwd, 0)
    assert maps.shape == (3, 2, 28, 28) and maps.min() >= 0                # (filters, images, h, w)
    np.testing.assert_allclose(pool_loops(maps.astype(np.float64))[0], fwd.activations[2], rtol=1e-6)
    assert [net.layer_output(fwd, i).shape for i in range(len(net.layers))] == [
        (3, 2, 28, 28), (3, 2, 14, 14), (4, 2, 14, 14), (4, 2, 7, 7), (2, 196), (2, 10)]


def test_predictions_do_not_depend_on_how_many_images_are_asked_at_once(monkeypatch):
    import annviz.nn.convnet as convnet

    net = ConvNet(reference((3, 4)), seed=2)
    x = RNG.random((50, 784), np.float32)
    whole = net.predict_proba(x)
    monkeypatch.setattr(convnet, "CHUNK_COLS", 1)                          # one image a chunk
    np.testing.assert_allclose(net.predict_proba(x), whole, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(net.predict_proba(x[7]), whole[7:8], rtol=1e-6, atol=1e-7)
    assert net.predict(x[:0]).shape == (0,)


def test_the_trainer_trains_a_cnn_and_continues_it_bit_for_bit():
    ds = load_dataset("mnist")
    x, y = to_inputs(ds.train_images[:640]), np.asarray(ds.train_labels[:640], np.int64)
    test = to_inputs(ds.test_images[:500]), np.asarray(ds.test_labels[:500], np.int64)
    config = TrainConfig(conv=(4, 8), hidden=(), activation="relu", epochs=2, batch_size=32, lr=0.005, seed=1)
    net = build_network(config)
    assert isinstance(net, ConvNet) and describe(net.layers).startswith("conv 5×5 ×4 pad 2 → max-pool 2")
    with threadpool_limits(1):        # as the app trains (two BLAS threads on a busy machine: 10× slower)
        history = Trainer(net, config, (x, y), test).run()
        assert history.status == "finished"
        assert history.epochs[-1].train_loss < 0.7 * history.epochs[0].train_loss
        assert history.epochs[-1].test_accuracy > 0.6                   # chance: 0.1
        # the same run in two halves, through state() and restore(), ends with the same weights
        first = Trainer(build_network(config.replace(epochs=1)), config.replace(epochs=1), (x, y), test)
        first.run()
        second = Trainer(build_network(config), config, (x, y), test)
        second.restore(first.state())
        second.run()
    for a, b in zip(second.network.weights + second.network.biases, net.weights + net.biases):
        np.testing.assert_array_equal(a, b)


def test_a_diverging_cnn_goes_back_to_its_last_good_weights():
    ds = load_dataset("mnist")
    x, y = to_inputs(ds.train_images[:640]), np.asarray(ds.train_labels[:640], np.int64)
    config = TrainConfig(conv=(2,), hidden=(), activation="tanh", optimizer="sgd", lr=100.0, epochs=1,
                         batch_size=16)
    net = build_network(config)
    with np.errstate(all="ignore"), threadpool_limits(1):
        history = Trainer(net, config, (x, y)).run()
    assert history.status == "diverged"
    assert all(np.isfinite(w).all() for w in net.weights + net.biases)


def test_copies_and_snapshots_are_independent():
    net = ConvNet(reference((3, 4)), seed=2)
    twin, (weights, biases) = net.copy(), net.snapshot()
    net.weights[0][0, 0, 0, 0] += 1
    assert twin.weights[0][0, 0, 0, 0] != net.weights[0][0, 0, 0, 0]
    assert not weights[0].flags.writeable and weights[0][0, 0, 0, 0] == twin.weights[0][0, 0, 0, 0]
    net.set_parameters(weights, biases)
    np.testing.assert_array_equal(net.weights[0], twin.weights[0])
    with pytest.raises(ValueError, match="does not fit"):
        net.set_parameters([w.T for w in weights], biases)


def test_the_network_describes_itself_and_answers_whether_it_is_an_mlp():
    net = ConvNet(reference(), seed=0)
    assert not net.is_mlp and net.kind == "cnn" and net.n_inputs == 784 and net.n_outputs == 10
    assert [w.shape for w in net.weights] == [(8, 1, 5, 5), (16, 8, 5, 5), (10, 784)]
    assert net.n_params == 8 * 25 + 8 + 16 * 8 * 25 + 16 + 7840 + 10
    assert net.sizes == [784, 8 * 784, 8 * 196, 16 * 196, 16 * 49, 784, 10]
    assert net.describe() == ("conv 5×5 ×8 pad 2 → max-pool 2 → conv 5×5 ×16 pad 2 → max-pool 2 → flatten "
                              "→ dense 10 relu/relu/softmax")
    assert torch_indices(net.layers) == [0, None, 3, None, None, 7]       # nn.Sequential's numbers
    mlp = build_network(TrainConfig(hidden=(16,)))
    assert mlp.is_mlp and mlp.kind == "mlp" and (mlp.n_inputs, mlp.n_outputs) == (784, 10)


# --- the bounds -------------------------------------------------------------------------------

@pytest.mark.parametrize("layers,code", [
    ([Conv(4), Pool(), Dense(10, "softmax")], "model.layers_order"),                  # no flatten
    ([Flatten(), Dense(10, "softmax")], "model.layers_order"),                        # no convolution
    ([Pool(), Conv(4), Flatten(), Dense(10, "softmax")], "model.layers_order"),
    ([Conv(4), Flatten(), Dense(10, "softmax"), Conv(2)], "model.layers_order"),
    ([Conv(4), Flatten(), Pool(), Dense(10, "softmax")], "model.layers_order"),
    ([Conv(4), Flatten(), Flatten(), Dense(10, "softmax")], "model.layers_order"),
    ([Conv(10**9), Flatten(), Dense(10, "softmax")], "model.conv_range"),
    ([Conv(0), Flatten(), Dense(10, "softmax")], "model.conv_range"),
    ([Conv(4, 13, 6), Flatten(), Dense(10, "softmax")], "model.conv_range"),
    ([Conv(4, 5, 5), Flatten(), Dense(10, "softmax")], "model.conv_range"),          # padding ≥ kernel
    ([Conv(4, 5, -1), Flatten(), Dense(10, "softmax")], "model.conv_range"),
    ([Conv(4, 11, 0), Pool(), Conv(4, 11, 0), Flatten(), Dense(10, "softmax")], "model.conv_too_small"),
    ([Conv(4, 3), *[Pool()] * 5, Flatten(), Dense(10, "softmax")], "model.pool_too_small"),
    ([Conv(4), Pool(3), Flatten(), Dense(10, "softmax")], "model.pool_size"),
    ([Conv(4), Flatten(), Dense(10**6, "softmax")], "model.dense_range"),
    ([Conv(4, activation="softmax"), Flatten(), Dense(10, "softmax")], "model.layer_activation"),
    ([Conv(4, activation="magic"), Flatten(), Dense(10, "softmax")], "model.layer_activation"),
    ([Conv(4), *[Conv(4)] * 8, Flatten(), Dense(10, "softmax")], "model.layers_count"),
    ([Conv(512, 3, 1), Flatten(), Dense(2048, "relu"), Dense(10, "softmax")], "too_many_parameters"),
    ([Conv(64, 11, 5), Conv(512, 11, 5), Flatten(), Dense(10, "softmax")], "model.layers_work"),   # 3 G ×+
    ([Conv(512, 11, 5), Conv(1, 11, 5), Flatten(), Dense(10, "softmax")], "model.layers_work"),    # 48 M windows
])
def test_a_network_that_cannot_be_built_is_refused_by_its_description(layers, code):
    with pytest.raises(LayerError) as refused:
        check_layers(layers)
    assert refused.value.code == code, str(refused.value)


def test_a_billion_filters_are_refused_before_anything_is_allocated():
    tracemalloc.start()
    try:
        for layers in ([Conv(10**9), Flatten(), Dense(10, "softmax")],
                       [Conv(MAX_FILTERS, 11, 5), Conv(MAX_FILTERS, 11, 5), Flatten(), Dense(10, "softmax")]):
            with pytest.raises(ValueError):
                ConvNet(layers)
        with pytest.raises(ConfigError, match="convolutions"):
            TrainConfig(conv=(10**9,), hidden=()).validate()
        assert tracemalloc.get_traced_memory()[1] < 1 * 2**20
    finally:
        tracemalloc.stop()


def test_the_reference_network_is_within_every_bound_with_room():
    shapes = check_layers(reference())
    assert shapes[-1] == (10,) and shapes[-2] == (784,)
    check_layers(reference((32, 32), hidden=(128,)))     # the page's largest choice, and more
