"""The training loop's bookkeeping, each figure against its own independent computation: an
epoch's loss, accuracy, speed and time; where a divergence is reported and which weights it goes
back to; what a run's saved state holds. A clock that ticks a fixed step makes the times exact.

(Written against the mutants a mutation run left alive in ``nn/trainer.py``: each test names the
kind of slip it catches.)"""

from __future__ import annotations

import math
import types

import numpy as np
import pytest

import annviz.nn.trainer as trainer_module
from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.trainer import DIVERGED_MESSAGE

TICK = 0.25        # seconds the fake clock advances per reading
N, FEATURES, CLASSES = 50, 6, 3


@pytest.fixture
def data():
    """A learnable problem: the class is the largest of three fixed projections of the input."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(N, FEATURES)).astype(np.float32)
    y = (x @ rng.normal(size=(FEATURES, CLASSES))).argmax(axis=1)
    return x, y


@pytest.fixture
def clock(monkeypatch):
    """Each reading of the trainer's clock is TICK later than the one before."""
    now = [0.0]

    def perf_counter():
        now[0] += TICK
        return now[0]

    monkeypatch.setattr(trainer_module, "time", types.SimpleNamespace(perf_counter=perf_counter))


class Watched(Trainer):
    """A trainer that notes every batch it learned from (inputs' type, predictions, labels) and
    can be told to fail at a step: ``fail_at`` = {step: "a reason"} or {step: "inf-weights"}."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: list[tuple] = []
        self.fail_at: dict[int, str] = {}

    def learn(self, x, y, lr, step):
        failure = self.fail_at.get(step)
        if failure is not None and failure != "inf-weights":
            return failure
        learned = super().learn(x, y, lr, step)
        if failure == "inf-weights":          # an update that overflowed, with a finite loss
            self.network.weights[0][0, 0] = np.inf
        if not isinstance(learned, str):
            self.seen.append((x.dtype, learned[1].argmax(axis=1).copy(), y.copy(), len(y)))
        return learned


def make(data, validation=None, **config) -> Watched:
    cfg = TrainConfig(**{"hidden": (5, 4), "activation": "sigmoid", "optimizer": "adam", "lr": 0.01,
                         "batch_size": 16, "epochs": 2, **config})
    net = Network(cfg.layer_sizes(FEATURES, CLASSES), cfg.layer_activations(), seed=cfg.seed)
    return Watched(net, cfg, data, validation=validation)


def run(trainer) -> list:
    events = []
    for event in trainer.steps():
        assert trainer.history.status == "running"           # said while it runs, not only after
        events.append(event)
    return events


# --- an epoch's figures ------------------------------------------------------------------------

def test_an_epoch_record_is_the_sum_of_its_batches(data, clock):
    """Loss: the batch losses weighted by batch size (16, 16, 16, 2); accuracy: the predictions
    the batches made; epoch numbers from 1; the float32 inputs the network computes in."""
    trainer = make((data[0].astype(np.float64), data[1]))
    events = run(trainer)
    assert trainer.history.status == "finished"
    assert [e.batch for e in events] == [1, 2, 3, 4] * 2 and [e.step for e in events] == list(range(1, 9))
    sizes = [n for *_, n in trainer.seen]
    assert sizes == [16, 16, 16, 2] * 2
    assert {dtype for dtype, *_ in trainer.seen} == {np.dtype(np.float32)}
    for k, record in enumerate(trainer.history.epochs):
        batches, mine = events[4 * k:4 * k + 4], trainer.seen[4 * k:4 * k + 4]
        assert record.epoch == k + 1 and batches[-1].epoch_record is record
        assert record.train_loss == pytest.approx(sum(e.loss * n for e, n in zip(batches, sizes)) / N, rel=1e-12)
        assert record.train_accuracy == sum(int((p == y).sum()) for _, p, y, _ in mine) / N
    np.testing.assert_array_equal(trainer.history.batch_loss.x, np.arange(1, 9))
    np.testing.assert_array_equal(trainer.history.batch_loss.y, [e.loss for e in events])


def test_speed_and_time_count_the_batches_only_and_add_up_over_epochs(data, clock):
    """Each batch lasts one TICK on the fake clock (two readings): the speed after a batch is the
    examples so far over the batches' time; an epoch's seconds are the run's so far."""
    events = run(make(data))
    seen = np.cumsum([16, 16, 16, 2])
    for k, event in enumerate(events):
        assert event.samples_per_s == pytest.approx(seen[k % 4] / (TICK * (k % 4 + 1)), rel=1e-12)
    first, second = (e.epoch_record for e in events if e.epoch_record is not None)
    assert first.seconds == pytest.approx(4 * TICK) and second.seconds == pytest.approx(8 * TICK)
    assert first.samples_per_s == pytest.approx(N / (4 * TICK))


def test_validation_and_test_are_scored_on_their_own_examples_each_epoch(data):
    x, y = data
    trainer = make((x[:40], y[:40]), validation=(x[40:], y[40:]))
    trainer.test = (x[30:], y[30:])
    run(trainer)
    predicted = trainer.network.forward(x[40:]).output.argmax(axis=1)
    last = trainer.history.epochs[-1]
    assert last.val_accuracy == pytest.approx(float((predicted == y[40:]).mean()))
    probabilities = trainer.network.forward(x[40:]).output
    assert last.val_loss == pytest.approx(float(-np.log(probabilities[np.arange(10), y[40:]]).mean()), rel=1e-5)
    assert last.test_accuracy == pytest.approx(float((trainer.network.forward(x[30:]).output.argmax(1) == y[30:]).mean()))


def test_the_learning_rate_follows_the_cosine_over_the_whole_run(data):
    """Batch k of K (0-based) learns with η·½(1 + cos πk/K), computed here from the formula."""
    events = run(make(data, schedule="cosine", lr=0.02, epochs=3))
    total = 3 * 4
    for event in events:
        assert event.lr == pytest.approx(0.02 * 0.5 * (1 + math.cos(math.pi * (event.step - 1) / total)), rel=1e-12)


# --- stopping and diverging --------------------------------------------------------------------

def test_a_stop_is_said_and_the_next_call_goes_on_where_it_was(data):
    trainer = make(data)
    events = []
    for event in trainer.steps():
        events.append(event)
        if event.step == 3:
            trainer.request_stop()
    assert (trainer.history.status, trainer.history.stop_reason) == ("stopped", "stopped by request")
    events += run(trainer)
    assert [e.step for e in events] == list(range(1, 9)) and trainer.history.status == "finished"
    assert trainer.history.stop_reason is None


@pytest.mark.parametrize(("step", "epoch", "batch"), [(0, 1, 1), (6, 2, 3), (7, 2, 4)])
def test_a_divergence_names_its_epoch_and_batch_from_one(data, step, epoch, batch):
    trainer = make(data, lr=0.01)
    trainer.fail_at = {step: "became NaN or infinite"}
    run(trainer)
    assert trainer.history.status == "diverged"
    assert trainer.history.stop_reason == DIVERGED_MESSAGE.format(what="became NaN or infinite",
                                                                  epoch=epoch, batch=batch, lr=0.01)
    assert f"epoch {epoch}, batch {batch}" in trainer.history.stop_reason


def test_weights_that_overflow_on_an_epochs_last_batch_end_the_run_there(data):
    """The loss was finite, the update made a weight infinite: found at the epoch's end, named
    with that batch, and the network is back on finite weights."""
    trainer = make(data)
    trainer.fail_at = {3: "inf-weights"}
    events = run(trainer)
    assert len(events) == 3 and trainer.history.epochs == []
    assert trainer.history.stop_reason == DIVERGED_MESSAGE.format(what="became NaN or infinite",
                                                                  epoch=1, batch=4, lr=0.01)
    assert all(np.isfinite(w).all() for w in trainer.network.weights)


def test_a_divergence_goes_back_to_the_last_checkpoint_not_to_the_start(data):
    """Checkpoints every 3 batches of a healthy run: a failure at step 7 restores the weights
    as they were after batch 6 — not the initial ones, not the latest."""
    trainer = make(data, batch_size=4, epochs=1, lr=0.005)
    trainer.checkpoint_every = 3
    trainer.set_start_loss(1e6)                 # healthy: its loss stays below where it started
    trainer.fail_at = {7: "rose"}
    initial = trainer.network.snapshot()
    after = {}
    for event in trainer.steps():
        after[event.step] = trainer.network.snapshot()
    assert max(after) == 7 and trainer.history.status == "diverged"
    for restored, expected, start in zip(trainer.network.weights, after[6][0], initial[0]):
        np.testing.assert_array_equal(restored, expected)
        assert not np.array_equal(restored, start)


# --- changing a run's settings -----------------------------------------------------------------

def test_changed_settings_reach_the_optimizer_and_leave_the_others(data):
    trainer = make(data, optimizer="momentum", momentum=0.9, weight_decay=0.1)
    assert trainer.optimizer.weight_decay == 0.1 and trainer.optimizer.momentum == 0.9
    trainer.set_hyperparameters(momentum=0.5)
    trainer.set_hyperparameters(weight_decay=0.3)
    trainer.set_hyperparameters(lr=0.2)
    assert (trainer.optimizer.momentum, trainer.optimizer.weight_decay, trainer.base_lr) == (0.5, 0.3, 0.2)
    trainer.set_hyperparameters(weight_decay=-1.0)
    assert trainer.optimizer.weight_decay == 0.0


@pytest.mark.parametrize("lr", [0.0, -0.1, math.inf, math.nan])
def test_a_learning_rate_that_is_not_positive_is_refused_with_its_value(data, lr):
    trainer = make(data)
    with pytest.raises(ValueError, match="positive number, got"):
        trainer.set_hyperparameters(lr=lr)
    assert trainer.base_lr == 0.01


def test_the_examples_and_labels_must_agree_and_not_be_none(data):
    x, y = data
    with pytest.raises(ValueError, match="50 training examples but 49 labels"):
        make((x, y[:49]))
    with pytest.raises(ValueError, match="0 training examples but 0 labels"):
        make((x[:0], y[:0]))
    one = make((x[:1], y[:1]), epochs=1)     # a single example trains
    run(one)
    assert one.history.status == "finished"


# --- a run's saved state -----------------------------------------------------------------------

def test_a_healthy_state_keeps_no_second_copy_and_remembers_the_first_loss(data):
    trainer = make(data, epochs=1)
    trainer.set_start_loss(1e6)                 # healthy: its loss stays below where it started
    run(trainer)
    state = trainer.state()
    assert state.good is None                   # the weights are the last good ones
    assert state.start_loss == 1e6
    fresh = make(data, epochs=1)                # a run's own start: its first batch's loss
    events = run(fresh)
    assert fresh.state().start_loss == pytest.approx(events[0].loss)
    assert state.batches == 4 and len(state.epochs) == 1


def test_an_unhealthy_state_keeps_the_good_weights_and_they_survive_what_follows(data):
    """A run whose loss sits above where it started keeps its last good weights apart (the
    initial ones here); the state's copy must not change when the run goes on and checkpoints,
    nor when a run restored from it does."""
    trainer = make(data, epochs=1, lr=0.01)
    initial = trainer.network.snapshot()
    trainer.set_start_loss(1e-6)                # every batch's loss is above this start
    run(trainer)
    state = trainer.state()
    assert state.good is not None
    for kept, start in zip(state.good[0], initial[0]):
        np.testing.assert_array_equal(kept, start)
    frozen = [w.copy() for w in state.good[0]]

    trainer.set_start_loss(1e6)                 # healthy from here: checkpoints overwrite _good
    trainer.add_epochs(1)
    run(trainer)
    restored = make(data, epochs=2, lr=0.01)
    restored.restore(state)
    restored.set_start_loss(1e6)
    run(restored)
    for kept, before in zip(state.good[0], frozen):
        np.testing.assert_array_equal(kept, before)


def test_a_run_restored_from_an_unhealthy_state_diverges_back_to_its_good_weights(data):
    trainer = make(data, epochs=1)
    initial = trainer.network.snapshot()
    trainer.set_start_loss(1e-6)
    run(trainer)
    restored = make(data, epochs=2)
    restored.restore(trainer.state())
    restored.fail_at = {4: "rose"}
    run(restored)
    assert restored.history.status == "diverged"
    for w, start in zip(restored.network.weights, initial[0]):
        np.testing.assert_array_equal(w, start)


def test_a_state_continued_with_another_batch_size_counts_its_own_batches(data):
    trainer = make(data, epochs=1)
    run(trainer)
    other = make(data, epochs=2, batch_size=10)
    other.restore(trainer.state())
    events = run(other)
    assert [e.step for e in events] == list(range(6, 11))      # 1 epoch of 5 batches, then 5 more


def test_a_state_is_refused_in_the_middle_of_an_epoch_saying_when_it_can_be(data):
    trainer = make(data)
    steps = trainer.steps()
    next(steps)
    with pytest.raises(ValueError, match="^a run can be saved only between two epochs$"):
        trainer.state()


def test_augmentation_without_its_function_is_refused_naming_where_it_comes_from(data):
    with pytest.raises(ValueError, match=r"^config\.augment is on but no augment_fn was given "
                                         r"\(annviz\.recipes\.build_trainer passes annviz\.data\.augment_batch\)$"):
        make(data, augment=True)


# --- one step is one step of gradient descent ----------------------------------------------------

def batch_loss(weights, biases, activations, x, y, kind: str) -> float:
    """The batch's loss, computed here in float64 from the definitions: ½Σ(a − t)² (mse), or the
    binary cross-entropy of sigmoid outputs, averaged over the batch."""
    act = {"relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh}
    a = x
    for w, b, name in zip(weights, biases, activations):
        a = act[name](a @ w.T + b)
    t = np.eye(a.shape[1])[y]
    if kind == "mse":
        return float(0.5 * ((a - t) ** 2).sum() / len(a))
    return float(-(t * np.log(a) + (1 - t) * np.log(1 - a)).sum() / len(a))


@pytest.mark.parametrize(("activations", "loss"), [(("relu", "sigmoid", "relu"), "mse"),
                                                    (("relu", "tanh", "sigmoid"), "cross-entropy")])
def test_one_step_moves_every_weight_against_its_numeric_slope(activations, loss):
    """A three-layer network, SGD, one batch of every example: each weight after the step is
    w − η ∂L/∂w, the slope measured numerically on the loss as defined (not the library's); the
    loss the step reports is that loss before the step. The output activation is the last layer's
    (a relu output makes the mse's slope read the output's z)."""
    rng = np.random.default_rng(5)
    x = rng.normal(size=(6, 3))
    y = np.array([0, 1, 1, 0, 1, 0])
    net = Network([3, 4, 4, 2], list(activations), seed=2, dtype=np.float64)
    for b in net.biases:
        b += 0.3                                    # every relu unit on for these inputs' slopes
    cfg = TrainConfig(hidden=(4, 4), optimizer="sgd", lr=0.1, batch_size=6, epochs=1, loss=loss,
                      output="sigmoid")
    trainer = Trainer(net, cfg, (x, y))
    w0 = [w.copy() for w in net.weights]
    b0 = [b.copy() for b in net.biases]
    event = next(trainer.steps())
    assert event.loss == pytest.approx(batch_loss(w0, b0, activations, x, y, loss), rel=1e-9)
    h = 1e-6
    for layer in range(3):
        slope = np.zeros_like(w0[layer])
        for index in np.ndindex(*w0[layer].shape):
            plus = [w.copy() for w in w0]
            minus = [w.copy() for w in w0]
            plus[layer][index] += h
            minus[layer][index] -= h
            slope[index] = (batch_loss(plus, b0, activations, x, y, loss)
                            - batch_loss(minus, b0, activations, x, y, loss)) / (2 * h)
        np.testing.assert_allclose(net.weights[layer], w0[layer] - 0.1 * slope, rtol=1e-6, atol=1e-8)


def test_a_run_that_diverged_goes_on_afresh_with_a_lower_rate(data):
    trainer = make(data, epochs=1)
    trainer.fail_at = {2: "rose"}
    run(trainer)
    assert trainer.history.status == "diverged"
    trainer.fail_at = {}
    trainer.set_hyperparameters(lr=0.001)
    events = run(trainer)
    assert trainer.history.status == "finished" and events[-1].epoch_record is not None
