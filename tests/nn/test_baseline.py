"""Did a run end worse than it started? The loss on a fixed subset, before and after."""

import numpy as np
import pytest

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import LossBaseline, Network, TrainConfig, Trainer, get_loss
from annviz.nn.baseline import SUBSET_SIZE, fixed_subset


@pytest.fixture(scope="module")
def train():
    ds = load_dataset("mnist")
    return to_inputs(ds.train_images[:5000]), np.asarray(ds.train_labels[:5000], dtype=np.int64)


def test_the_subset_is_the_same_every_time_and_bounded(train):
    x, y = train
    a, b = fixed_subset(x, y), fixed_subset(x, y)
    assert len(a[0]) == SUBSET_SIZE and np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert len(np.unique(a[1])) == 10                      # a sample, not the first rows of one class
    small = fixed_subset(x[:300], y[:300])
    assert np.array_equal(small[0], x[:300]) and np.array_equal(small[1], y[:300])


def test_the_loss_before_is_the_mean_cross_entropy_on_the_subset(train):
    net = Network.build([784, 16, 10], hidden="sigmoid", seed=3)
    baseline = LossBaseline(net, get_loss("cross-entropy"), train)
    x, y = fixed_subset(*train)
    z = x.astype(np.float64)
    for w, b, act in zip(net.weights, net.biases, ("sigmoid", "softmax")):
        z = z @ w.T.astype(np.float64) + b
        if act == "sigmoid":
            z = 1 / (1 + np.exp(-z))
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    assert baseline.before == pytest.approx(-np.log(p[np.arange(len(y)), y]).mean(), rel=1e-4)


@pytest.mark.parametrize("lr,optimizer,worse", [
    (1e9, "adam", True), (1e9, "sgd", True), (1e-9, "adam", False), (1e-12, "sgd", False),
    (1e-3, "adam", False),
])
def test_a_short_run_at_an_absurd_learning_rate_ends_worse_and_a_tiny_one_does_not(train, lr, optimizer, worse):
    x, y = train
    config = TrainConfig(hidden=(16, 16), lr=lr, optimizer=optimizer, epochs=1)
    net = Network(config.layer_sizes(), config.layer_activations(), seed=0)
    trainer = Trainer(net, config, (x[:256], y[:256]))
    baseline = LossBaseline(net, trainer.loss, (x[:256], y[:256]))
    with np.errstate(over="ignore", invalid="ignore"):
        history = trainer.run()
        verdict = baseline.ended_worse(net)
    assert history.status == "finished"   # four batches: too few for the trainer's own check
    assert (verdict is not None) == worse
    if worse:
        assert "ended worse than it started" in verdict and "learning rate" in verdict
