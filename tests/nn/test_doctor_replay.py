"""Where "Replay with the fix" starts (nn/doctor/replay.py): the last full state before the fault
for a fix a run can continue with, batch 0 with the same seed for any other."""

from __future__ import annotations

import pytest
from test_recording import record_run

from annviz.nn.config import TrainConfig
from annviz.nn.doctor import Diagnosis, Fix
from annviz.nn.doctor.replay import last_state_before, replay_plan

CONFIG = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=5,
                     epochs=2, n_train=1000)               # 200 batches an epoch: early states at 32, 64, …


@pytest.fixture(scope="module")
def run():
    return record_run(CONFIG)[1]


def at(batch: int) -> Diagnosis:
    return Diagnosis("lr_too_high", batch, batch + 8, {}, (Fix({"lr": 0.001}),))


@pytest.mark.parametrize("batch,start", [(33, 32), (64, 32), (65, 64), (199, 192), (200, 192),
                                         (201, 200), (350, 200)])
def test_a_continuing_fix_starts_from_the_last_full_state_before_the_fault(run, batch, start):
    plan = replay_plan(run, at(batch), Fix({"lr": 0.001}))
    assert not plan.restart and plan.start_from.step == start and plan.start_from.state is not None
    assert plan.config == CONFIG.replace(lr=0.001)


@pytest.mark.parametrize("batch", [1, 2, 32])
def test_a_fault_before_the_first_state_after_batch_0_starts_again(run, batch):
    """Batch 0's state is the same seed's fresh network: the replay is a fresh start."""
    assert last_state_before(run, batch).step == 0
    plan = replay_plan(run, at(batch), Fix({"lr": 0.001}))
    assert plan.restart and plan.config.lr == 0.001


@pytest.mark.parametrize("settings", [{"activation": "sigmoid", "init": "auto"}, {"n_train": None},
                                      {"optimizer": "sgd", "lr": 0.1}, {"hidden": (16, 16)}])
def test_a_fix_of_anything_else_starts_again_with_the_same_seed(run, settings):
    plan = replay_plan(run, at(150), Fix(settings))
    assert plan.restart and plan.config == CONFIG.replace(**settings)
    assert plan.config.seed == CONFIG.seed


def test_a_fix_that_cannot_train_is_refused(run):
    with pytest.raises(ValueError):
        replay_plan(run, at(150), Fix({"activation": "no-such-thing"}))


def test_a_thinned_recording_falls_back_to_the_states_it_kept(run):
    kept = [m for m in run.moments if m.state is None or m.step in (0, 200)]
    thinned = type(run)(run.config, run.sizes, run.activations, run.class_names, run.batches_per_epoch, kept)
    assert replay_plan(thinned, at(150), Fix({"lr": 0.001})).restart
    assert replay_plan(thinned, at(300), Fix({"lr": 0.001})).start_from.step == 200
