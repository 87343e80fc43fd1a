"""The training loop on real MNIST data: it learns, it stops when asked, it survives divergence."""

import numpy as np
import pytest

from annviz.data.augment import augment_batch
from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.optimizers import SGD, Adam, Momentum, scheduled_lr


@pytest.fixture(scope="module")
def mnist_small():
    ds = load_dataset("mnist")
    return ((to_inputs(ds.train_images[:3000]), ds.train_labels[:3000]),
            (to_inputs(ds.test_images[:2000]), ds.test_labels[:2000]))


def _trainer(data, augment_fn=None, **config):
    train, test = data
    cfg = TrainConfig(**{"epochs": 1, "batch_size": 32, **config})
    net = Network(cfg.layer_sizes(), cfg.layer_activations(), seed=cfg.seed)
    return Trainer(net, cfg, train, test, augment_fn=augment_fn)


def test_a_small_network_beats_chance_and_the_loss_falls(mnist_small):
    trainer = _trainer(mnist_small, hidden=(32,), activation="relu", epochs=2)
    history = trainer.run()
    assert history.status == "finished"
    assert len(history.epochs) == 2 and history.batches == 2 * trainer.batches_per_epoch
    first, last = np.mean(history.batch_loss.y[:10]), np.mean(history.batch_loss.y[-10:])
    assert last < 0.5 * first
    assert history.epochs[-1].test_accuracy > 0.8  # chance is 0.1
    assert history.epochs[-1].samples_per_s > 0
    assert trainer.network.weights[0].dtype == np.float32


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_every_optimizer_learns(mnist_small, optimizer):
    lr = {"sgd": 0.5, "momentum": 0.05, "adam": 5e-3}[optimizer]
    history = _trainer(mnist_small, hidden=(16,), activation="sigmoid", optimizer=optimizer, lr=lr).run()
    assert history.epochs[-1].test_accuracy > 0.6


def test_same_seed_same_result(mnist_small):
    a = _trainer(mnist_small, augment_batch, hidden=(8,), augment=True).run()
    b = _trainer(mnist_small, augment_batch, hidden=(8,), augment=True).run()
    np.testing.assert_array_equal(a.batch_loss.y, b.batch_loss.y)


def test_augmentation_is_the_callers_function_applied_to_each_batch(mnist_small):
    seen = []

    def record(x, rng):
        seen.append(x.shape)
        return x

    with pytest.raises(ValueError, match="augment_fn"):
        _trainer(mnist_small, hidden=(8,), augment=True)  # annviz.nn has no augmentation of its own
    trainer = _trainer(mnist_small, record, hidden=(8,), augment=True)
    trainer.run(lambda event: event.step < 3)
    assert seen == [(32, 784)] * 3
    assert _trainer(mnist_small, record, hidden=(8,)).augment_fn is None  # off in the config: off


def test_callback_can_stop_training(mnist_small):
    trainer = _trainer(mnist_small, hidden=(8,))
    seen = []
    history = trainer.run(lambda event: seen.append(event.step) or event.step < 5)
    assert seen == [1, 2, 3, 4, 5]
    assert history.status == "stopped" and history.batches == 5


def test_a_nan_loss_stops_and_keeps_the_last_good_weights(mnist_small):
    trainer = _trainer(mnist_small, hidden=(8,))
    steps = trainer.steps()
    for _ in range(30):
        next(steps)
    good = [w.copy() for w in trainer.network.weights]
    trainer.checkpoint_every = 1
    trainer._checkpoint()
    trainer.network.weights[1][0, 0] = np.nan  # as if an update had blown up
    assert list(steps) == []
    assert trainer.history.status == "diverged"
    assert "NaN" in trainer.history.stop_reason and "learning rate" in trainer.history.stop_reason
    for w, g in zip(trainer.network.weights, good):
        np.testing.assert_array_equal(w, g)


def test_too_high_a_learning_rate_is_reported_not_silently_trained(mnist_small):
    trainer = _trainer(mnist_small, hidden=(16, 16), activation="sigmoid", loss="mse", optimizer="sgd", lr=1e3)
    initial = [w.copy() for w in trainer.network.weights]
    history = trainer.run()
    assert history.status == "diverged"
    assert "too high" in history.stop_reason
    assert all(np.isfinite(w).all() for w in trainer.network.weights)
    # the last good weights are those from before the loss began to climb: here, the start
    for w, w0 in zip(trainer.network.weights, initial):
        np.testing.assert_array_equal(w, w0)


def test_learning_rate_can_change_between_batches(mnist_small):
    trainer = _trainer(mnist_small, hidden=(8,))
    steps = trainer.steps()
    assert next(steps).lr == pytest.approx(1e-3)
    trainer.set_hyperparameters(lr=0.01)
    assert next(steps).lr == pytest.approx(0.01)
    with pytest.raises(ValueError):
        trainer.set_hyperparameters(lr=-1)


def test_add_epochs_extends_a_run(mnist_small):
    trainer = _trainer(mnist_small, hidden=(8,), n_train=None)
    trainer.add_epochs(1)
    assert len(trainer.run().epochs) == 2


@pytest.mark.parametrize("bad", [dict(lr=-0.1), dict(lr=float("nan")), dict(batch_size=0),
                                 dict(epochs=0), dict(hidden=(16, 0)), dict(activation="softmax"),
                                 dict(loss="hinge"), dict(optimizer="rmsprop"), dict(init="glorot"),
                                 dict(hidden=(2049,)), dict(hidden=(4,) * 32), dict(output="swish")])
def test_bad_configuration_is_a_config_error(bad):
    from annviz.nn import ConfigError

    with pytest.raises(ConfigError):   # the project's own error: the command line prints one line
        TrainConfig(**bad).validate()


def test_optimizers_minimise_a_quadratic():
    for opt in (SGD(0.1), Momentum(0.05), Adam(0.1)):
        w = np.array([3.0, -2.0])
        for _ in range(300):
            opt.step([w], [2 * w.copy()], n_weights=1)  # ∇(w·w) = 2w
        assert np.abs(w).max() < 0.05, type(opt).__name__


def test_weight_decay_shrinks_weights_without_gradient():
    opt = SGD(0.1, weight_decay=0.5)
    w = np.array([1.0])
    opt.step([w], [np.zeros(1)], n_weights=1)
    assert w[0] == pytest.approx(0.95)


def test_cosine_schedule_runs_from_lr_to_zero():
    assert scheduled_lr("cosine", 0.1, 0, 100) == pytest.approx(0.1)
    assert scheduled_lr("cosine", 0.1, 50, 100) == pytest.approx(0.05)
    assert scheduled_lr("cosine", 0.1, 100, 100) == pytest.approx(0.0)
    assert scheduled_lr("constant", 0.1, 70, 100) == 0.1


def test_a_stopped_run_can_be_continued(mnist_small):
    trainer = _trainer(mnist_small, hidden=(8,))
    trainer.run(lambda event: event.step < 3)
    assert trainer.history.status == "stopped"
    history = trainer.run()
    assert history.status == "finished" and len(history.epochs) == 1
    assert history.batches == trainer.batches_per_epoch


# --- found by mutation testing (tests/benchmarks/bench_mutation.py): what the GUI sets mid-run ---

@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
def test_a_learning_rate_changed_mid_run_must_be_a_positive_number(mnist_small, lr):
    trainer = _trainer(mnist_small, optimizer="sgd", lr=0.1)
    with pytest.raises(ValueError, match="the learning rate must be a positive number, got"):
        trainer.set_hyperparameters(lr=lr)
    assert trainer.base_lr == 0.1


def test_momentum_and_weight_decay_changed_mid_run_reach_the_optimizer(mnist_small):
    trainer = _trainer(mnist_small, optimizer="momentum", lr=0.1, momentum=0.9)
    trainer.set_hyperparameters(momentum=0.5, weight_decay=0.01)
    assert trainer.optimizer.momentum == 0.5 and trainer.optimizer.weight_decay == 0.01
    trainer.set_hyperparameters(lr=0.2)                     # the others stay as they are
    assert trainer.base_lr == 0.2 and trainer.optimizer.momentum == 0.5
    trainer.set_hyperparameters(weight_decay=-1.0)          # a negative λ is no decay, not growth
    assert trainer.optimizer.weight_decay == 0.0
    adam = _trainer(mnist_small, optimizer="adam", lr=0.01)
    adam.set_hyperparameters(momentum=0.5)                  # Adam has no momentum setting: ignored
    assert not hasattr(adam.optimizer, "momentum")


def test_one_more_epoch_is_one(mnist_small):
    trainer = _trainer(mnist_small, epochs=2)
    trainer.add_epochs()
    assert trainer.epochs == 3


def test_divergence_says_where_and_a_lower_rate_goes_on_afresh(mnist_small):
    train, test = mnist_small
    trainer = _trainer(((train[0][:1000], train[1][:1000]), test), hidden=(16, 16), optimizer="adam",
                       lr=1e9, batch_size=8)
    history = trainer.run()
    assert history.status == "diverged"
    assert "at epoch 1, batch 21:" in history.stop_reason            # as counted on screen, from 1
    trainer.set_hyperparameters(lr=1e-3)
    again = trainer.run()                                              # the detector starts afresh
    assert again.status == "finished" and again.batches > 21
