"""A run saved and continued: the saved state keeps the smoothed loss the divergence check watches
(the first batch's loss, then a tenth of each newer batch's difference), and a state taken in the
middle of the second epoch continues with the batches done so far and the epoch's seconds —
the continued run is the uninterrupted one, batch for batch."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from annviz.nn import Network, TrainConfig, Trainer

CFG = TrainConfig(hidden=(5,), activation="tanh", optimizer="momentum", lr=0.1, batch_size=4, epochs=3)
RNG = np.random.default_rng(7)
X = RNG.normal(size=(20, 3)).astype(np.float32)          # 5 batches an epoch
Y = (X[:, 0] > 0).astype(np.int64)


def trainer() -> Trainer:
    return Trainer(Network([3, 5, 2], ["tanh", "softmax"], seed=1), CFG, (X, Y))


def test_the_saved_state_keeps_the_smoothed_loss():
    t = trainer()
    steps = t.steps()
    losses = [next(steps).loss for _ in range(5)]       # one epoch: a state can be taken
    smoothed = losses[0]
    for loss in losses[1:]:
        smoothed += 0.1 * (loss - smoothed)
    state = t.state()
    assert state.smoothed == pytest.approx(smoothed, rel=1e-12) and state.start_loss == losses[0]
    again = trainer()
    again.restore(state)
    assert again.state().smoothed == state.smoothed


def test_a_state_from_the_middle_of_the_second_epoch_continues_the_same_run():
    whole, cut = trainer(), trainer()
    whole_steps, cut_steps = whole.steps(), cut.steps()
    for _ in range(7):                                  # epoch 1 and two batches of epoch 2
        next(whole_steps)
        next(cut_steps)
    state = cut.state(mid_epoch=True)
    assert state.batches == 7 and state.epoch_progress["next_batch"] == 2
    assert state.epoch_progress["seconds"] > 0
    again = trainer()
    again.restore(state)
    assert again.history.batches == 7                        # not 5 (the epochs done only)
    assert again.state(mid_epoch=True).epoch_progress["seconds"] == state.epoch_progress["seconds"]
    events = [(e.step, e.batch, e.loss) for e in itertools.islice(again.steps(), 5)]
    expected = [(e.step, e.batch, e.loss) for e in itertools.islice(whole_steps, 5)]
    assert events == expected and [e[0] for e in events] == [8, 9, 10, 11, 12]
    for a, b in zip(again.network.weights, whole.network.weights):
        np.testing.assert_array_equal(a, b)
    assert again.history.epochs[1].seconds >= state.epoch_progress["seconds"]
