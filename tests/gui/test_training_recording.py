"""The time machine's recording in the app: moments arrive, a run replays bit for bit, slow motion,
pausing at each epoch's end, and a run continued from an epoch's end."""

from __future__ import annotations

import time

import numpy as np
import pytest

from annviz.gui.state import AppState
from annviz.gui.training.controller import TrainingController
from annviz.nn.config import TrainConfig

TINY = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=20,
                   epochs=2, n_train=600)


@pytest.fixture
def controller(qtbot):
    controller = TrainingController(AppState())
    yield controller
    assert controller.shutdown()


def run(controller, qtbot, config=TINY, **start):
    controller.start(config, **start)
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=20_000)
    return controller.films.current


def same_moments(a, b) -> None:
    assert a.steps().tolist() == b.steps().tolist()
    for x, y in zip(a.moments, b.moments):
        for p, q in zip(x.weights + x.biases, y.weights + y.biases):
            np.testing.assert_array_equal(p, q)


def test_a_run_is_recorded_and_the_same_settings_replay_it_bit_for_bit(controller, qtbot):
    first = run(controller, qtbot)
    assert first.steps().tolist() == list(range(61))     # 60 batches: every one
    assert first.exact and first.blas_threads == 1 and first.history.batches == 60
    last = first.moments[-1]
    np.testing.assert_array_equal(last.state.weights[0], controller.trainer.network.weights[0])
    again = run(controller, qtbot)
    assert again is not first and controller.films.recordings.runs == [first, again]
    same_moments(first, again)


def test_a_learning_rate_changed_mid_run_says_the_run_cannot_be_replayed(controller, qtbot):
    controller.start(TINY.replace(n_train=None, batch_size=1, epochs=1))
    qtbot.waitUntil(lambda: controller.films.current is not None and len(controller.films.current.moments) > 3,
                    timeout=10_000)
    controller.set_hyperparameters(lr=0.02)
    qtbot.waitUntil(lambda: not controller.films.current.exact, timeout=2000)


def test_slow_motion_shows_every_batch_at_the_pace_asked(controller, qtbot):
    controller.set_speed(10.0)
    shown = []
    controller.progress.connect(lambda p: shown.append((time.monotonic(), p.step)))
    controller.start(TINY.replace(n_train=None, batch_size=1, epochs=1))
    qtbot.waitUntil(lambda: len(shown) >= 2, timeout=10_000)
    qtbot.wait(1000)
    steps = [s for _, s in shown]
    span = shown[-1][0] - shown[0][0]
    assert steps == list(range(steps[0], steps[0] + len(steps)))   # every batch, in order
    assert 6 <= (steps[-1] - steps[0]) / span <= 12                 # about ten a second
    controller.set_speed(None)                                      # full speed, at once
    qtbot.waitUntil(lambda: shown[-1][1] > steps[-1] + 500, timeout=5000)


def test_slow_motion_shows_every_batch_even_after_the_screen_was_held_up(controller, qtbot):
    """A GUI thread busy for half a second (a heavy repaint, a loaded machine) while the batches go
    on at ten a second: the batches it missed are shown when it is back, each one, in order."""
    controller.set_speed(10.0)
    shown = []
    controller.progress.connect(lambda p: shown.append(p.step))
    controller.start(TINY.replace(n_train=None, batch_size=1, epochs=1))
    qtbot.waitUntil(lambda: len(shown) >= 2, timeout=10_000)
    time.sleep(0.5)                                   # the GUI thread held up: ~5 batches meanwhile
    qtbot.wait(600)
    assert len(shown) >= 8
    assert shown == list(range(shown[0], shown[0] + len(shown)))
    controller.set_speed(None)


def test_a_pause_at_each_epoch_end(controller, qtbot):
    controller.set_pause_at_epoch_end(True)
    controller.start(TINY)
    qtbot.waitUntil(lambda: controller.phase == "paused", timeout=10_000)
    assert controller.films.current.moments[-1].step == 30 and len(controller.films.current.history or []) == 0
    controller.resume()
    qtbot.waitUntil(lambda: controller.phase in ("paused", "done"), timeout=10_000)
    qtbot.waitUntil(lambda: controller.films.current.moments[-1].step == 60, timeout=10_000)


def test_continuing_from_an_epoch_end_with_the_same_settings_gives_the_recorded_weights(controller, qtbot):
    config = TINY.replace(epochs=3)
    first = run(controller, qtbot, config)
    epoch_1 = next(m for m in first.moments if m.step == 30)
    controller.continue_from(first, epoch_1, config)
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=20_000)
    second = controller.films.current
    assert second is not first and controller.films.recordings.runs == [first, second]
    assert second.moments[0] is epoch_1 and second.continued_from == 1.0
    np.testing.assert_array_equal(second.moments[-1].state.weights[0], first.moments[-1].state.weights[0])
    assert second.moments[-1].step == first.moments[-1].step == 90


def test_continuing_with_a_higher_learning_rate_is_a_new_run_that_keeps_the_first(controller, qtbot):
    first = run(controller, qtbot)
    epoch_1 = next(m for m in first.moments if m.step == 30)
    controller.continue_from(first, epoch_1, TINY.replace(lr=0.05))
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=20_000)
    second = controller.films.current
    assert second.label == "η 0.05, from epoch 1" and first.label == "η 0.01"
    assert not np.array_equal(second.moments[-1].state.weights[0], first.moments[-1].state.weights[0])
    with pytest.raises(ValueError, match="end of an epoch"):
        controller.continue_from(first, next(m for m in first.moments if m.state is None), TINY)
