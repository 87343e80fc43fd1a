"""The optimizers' less travelled paths against numbers worked out by hand: weight decay
through every constructor, the periodic flush of tiny state values (its exact edge), saving and
restoring the running state (Continue), and the cosine schedule's ends."""

import math

import numpy as np
import pytest

from annviz.nn.optimizers import FLUSH_BELOW, FLUSH_EVERY, Adam, Momentum, flush_tiny, make_optimizer, scheduled_lr


def test_flush_tiny_zeroes_only_values_strictly_below_the_limit():
    arr = np.array([FLUSH_BELOW, 0.9 * FLUSH_BELOW, -0.5 * FLUSH_BELOW, -FLUSH_BELOW, 2.0])
    flush_tiny([arr])
    assert arr.tolist() == [FLUSH_BELOW, 0.0, 0.0, -FLUSH_BELOW, 2.0]


def test_the_state_is_flushed_on_every_flush_every_th_step_and_not_before():
    opt = Momentum(lr=0.1, momentum=1.0)                 # μ = 1, zero gradients: v stays as set
    tiny = np.array([FLUSH_BELOW / 100, 1.0])
    opt.restore_running_state({"t": FLUSH_EVERY - 2, "arrays": [tiny]})
    p = np.zeros(2)
    opt.step([p], [np.zeros(2)], 1)                      # step FLUSH_EVERY − 1: no flush yet
    assert opt.state_arrays()[0][0] == FLUSH_BELOW / 100
    opt.step([p], [np.zeros(2)], 1)                      # step FLUSH_EVERY: flushed
    assert opt.state_arrays()[0].tolist() == [0.0, 1.0]


def test_momentum_with_weight_decay_by_hand():
    """g' = g + λW; v ← μv − ηg'; W ← W + v, with η = 0.1, μ = 0.5, λ = 0.01."""
    for opt in (Momentum(0.1, momentum=0.5, weight_decay=0.01),
                make_optimizer("momentum", 0.1, momentum=0.5, weight_decay=0.01)):
        w, b = np.array([1.0]), np.array([1.0])
        opt.step([w, b], [np.array([0.5]), np.array([0.5])], 1)
        assert w[0] == pytest.approx(1 - 0.1 * 0.51) and b[0] == pytest.approx(1 - 0.05)
        opt.step([w, b], [np.array([0.5]), np.array([0.5])], 1)
        v = 0.5 * -0.051 - 0.1 * (0.5 + 0.01 * 0.949)
        assert w[0] == pytest.approx(0.949 + v, rel=1e-12)
        assert b[0] == pytest.approx(0.95 + 0.5 * -0.05 - 0.05, rel=1e-12)


def test_adam_decays_weights_only_when_asked():
    """With a zero gradient Adam leaves a weight where it is, unless weight decay pulls it:
    then g = λW and the first step moves it by η (m̂/√v̂ = 1)."""
    w = np.array([2.0])
    Adam(0.1).step([w], [np.zeros(1)], 1)
    assert w[0] == 2.0
    for opt in (Adam(0.1, weight_decay=0.5), make_optimizer("adam", 0.1, weight_decay=0.5)):
        w = np.array([2.0])
        opt.step([w], [np.zeros(1)], 1)
        assert w[0] == pytest.approx(1.9, rel=1e-6)


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_continuing_from_a_saved_running_state_matches_an_unbroken_run(name):
    rng = np.random.default_rng(3)
    grads = [rng.normal(size=3) for _ in range(6)]
    whole, p_whole = make_optimizer(name, 0.05), np.ones(3)
    first, p_parts = make_optimizer(name, 0.05), np.ones(3)
    for g in grads[:3]:
        whole.step([p_whole], [g.copy()], 1)
        first.step([p_parts], [g.copy()], 1)
    state = first.running_state()
    assert len(state["arrays"]) == (1 if name == "momentum" else 2)
    second = make_optimizer(name, 0.05)
    second.restore_running_state(state)
    for a in state["arrays"]:
        a += 100.0                       # the saved copy changes later: the optimizer must not see it
    for g in grads[3:]:
        whole.step([p_whole], [g.copy()], 1)
        second.step([p_parts], [g.copy()], 1)
    np.testing.assert_array_equal(p_parts, p_whole)


def test_adam_restored_from_a_state_before_any_step_still_learns():
    opt = Adam(0.1)
    opt.restore_running_state(Adam(0.1).running_state())      # t = 0, no arrays yet
    w = np.array([1.0])
    opt.step([w], [np.array([0.5])], 1)
    assert w[0] == pytest.approx(0.9, rel=1e-6)


def test_cosine_schedule_midway_and_past_its_end():
    assert scheduled_lr("cosine", 1.0, 0, 10, 0.2) == pytest.approx(1.0)
    assert scheduled_lr("cosine", 1.0, 5, 10, 0.2) == pytest.approx(0.2 + 0.8 * 0.5)
    assert scheduled_lr("cosine", 1.0, 10, 10, 0.2) == pytest.approx(0.2)
    assert scheduled_lr("cosine", 1.0, 20, 10, 0.2) == pytest.approx(0.2)   # stays at the floor
    # one step in all: its end is already the floor
    assert scheduled_lr("cosine", 2.0, 1, 1, 0.1) == pytest.approx(0.2)
    # no steps known: the base rate, no division by zero
    assert scheduled_lr("cosine", 2.0, 0, 0, 0.1) == 2.0
    assert scheduled_lr("one-cycle", 2.0, 3, 0) == 2.0
    assert math.isclose(scheduled_lr("constant", 0.3, 7, 10), 0.3)


def test_default_constructors_decay_nothing_and_momentum_is_0_9():
    """SGD(η), Momentum(η), make_optimizer(name, η): no weight decay; μ = 0.9 by default."""
    from annviz.nn.optimizers import SGD
    for opt in (SGD(0.1), make_optimizer("sgd", 0.1)):
        w = np.array([2.0])
        opt.step([w], [np.array([1.0])], 1)
        assert w[0] == pytest.approx(1.9, rel=1e-12)
    for opt in (Momentum(0.1), make_optimizer("momentum", 0.1)):
        w = np.array([2.0])
        opt.step([w], [np.array([1.0])], 1)              # v = −0.1
        opt.step([w], [np.array([1.0])], 1)              # v = 0.9·(−0.1) − 0.1
        assert w[0] == pytest.approx(2.0 - 0.1 - 0.19, rel=1e-12)
