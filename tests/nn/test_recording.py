"""The time machine's recording: which moments, how much memory, bit-exact replay and continuation."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from annviz.data.augment import augment_batch
from annviz.nn.config import TrainConfig
from annviz.nn.history import EpochRecord
from annviz.nn.recording import (
    EARLY_STATE_EVERY,
    EARLY_STATES_SHARE,
    MAX_EARLY_STATES,
    MAX_RUN_BYTES,
    Recorder,
    Recording,
    Recordings,
    RecordSchedule,
    count_log_steps,
    differences,
)
from annviz.nn.trainer import BatchEvent, Trainer
from annviz.recipes import build_network, prepare_data
from recorded import record

TINY = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=20,
                   epochs=3, n_train=1000)


def scheduled(total: int, batches_per_epoch: int) -> list[int]:
    schedule = RecordSchedule.for_run(total)
    return [s for s in range(total + 1) if schedule.wants(s, epoch_end=s > 0 and s % batches_per_epoch == 0)]


def test_a_ten_epoch_run_gets_200_moments_dense_at_the_start_and_every_epoch_end():
    nb = 938                                  # MNIST in batches of 64
    steps = scheduled(10 * nb, nb)
    assert len(steps) >= 200 and steps[0] == 0
    assert all(e * nb in steps for e in range(1, 11))
    assert sum(s <= nb for s in steps) >= len(steps) / 3
    assert steps[:20] == list(range(20))      # every batch at first


def test_a_short_run_records_every_batch():
    assert scheduled(150, 50) == list(range(151))


def test_the_ratio_is_the_largest_that_still_gives_the_target():
    schedule = RecordSchedule.for_run(100_000, target=200)
    assert count_log_steps(schedule.ratio, 100_000) >= 200
    assert count_log_steps(schedule.ratio * 1.01, 100_000) < 200


def record_run(config: TrainConfig, data=None) -> tuple[Trainer, Recording]:
    data = data or prepare_data(config)
    trainer = Trainer(build_network(config), config, data.train,
                      augment_fn=augment_batch if config.augment else None)
    return trainer, record(trainer)


def test_pictures_are_float16_within_its_precision_and_epoch_ends_keep_float32():
    trainer, run = record_run(TINY)
    last = run.moments[-1]
    assert last.state is not None and last.step == trainer.history.batches
    np.testing.assert_array_equal(last.state.weights[0], trainer.network.weights[0])
    assert last.weights[0].dtype == np.float16 and not last.weights[0].flags.writeable
    np.testing.assert_allclose(last.weights[0], trainer.network.weights[0], rtol=2**-11, atol=1e-7)
    middle = run.moments[len(run.moments) // 2]
    assert middle.state is None or middle.step % run.batches_per_epoch == 0


def test_one_784_128_64_10_run_of_20_epochs_stays_under_150_mb():
    """Recorded as the worker records it, with the network's real shapes and Adam's real state;
    the batches themselves are skipped (a 20-epoch run takes minutes): one step fills Adam's m, v."""
    config = TrainConfig(hidden=(128, 64), activation="relu", optimizer="adam", lr=1e-3,
                         batch_size=64, epochs=20)
    data = prepare_data(config.replace(n_train=64))
    trainer = Trainer(build_network(config), config, data.train)
    trainer.learn(*data.train, lr=1e-3, step=0)
    nb = 938                                   # MNIST's 60,000 in batches of 64
    recorder = Recorder(trainer)
    recorder.schedule = RecordSchedule.for_run(20 * nb)
    run = Recording(config, trainer.network.sizes, trainer.network.activation_names,
                    [str(i) for i in range(10)], nb)
    run.add(recorder.start())
    for step in range(1, 20 * nb + 1):
        epoch, batch = divmod(step - 1, nb)
        record = EpochRecord(epoch + 1, 0.1, 0.9) if batch + 1 == nb else None
        moment = recorder.observe(BatchEvent(epoch, batch + 1, nb, step, 0.1, 1e-3, 1.0, record))
        if moment is not None:
            run.add(moment)
    assert len(run.moments) >= 200
    stated = [m.step for m in run.moments if m.state is not None]
    early = [s for s in stated if s % nb]                           # the doctor's replays start there
    assert early == [EARLY_STATE_EVERY * k for k in range(1, len(early) + 1)]
    assert 8 <= len(early) <= MAX_EARLY_STATES
    assert sum(m.state.nbytes for m in run.moments if m.step in early) <= EARLY_STATES_SHARE * MAX_RUN_BYTES
    assert len(stated) == 21 + len(early)                           # start + every epoch's end + early
    assert run.nbytes < 150 * 2**20
    assert run.moments[-1].state.optimizer["arrays"][0].shape == (128, 784)


def test_the_same_settings_and_seed_replay_bit_for_bit():
    with threadpool_limits(1, user_api="blas"):
        _, first = record_run(TINY)
        _, again = record_run(TINY)
    assert first.steps().tolist() == again.steps().tolist()
    for a, b in zip(first.moments, again.moments):
        for x, y in zip(a.weights + a.biases, b.weights + b.biases):
            np.testing.assert_array_equal(x, y)
        assert a.loss == b.loss


def test_continuing_from_an_epoch_end_reproduces_the_recorded_run_exactly():
    config = TINY.replace(augment=True)     # augmentation draws from the generator too
    data = prepare_data(config)
    with threadpool_limits(1, user_api="blas"):
        _, original = record_run(config, data)
        epoch_1 = next(m for m in original.moments if m.step == original.batches_per_epoch)
        trainer = Trainer(build_network(config), config, data.train, augment_fn=augment_batch)
        trainer.restore(epoch_1.state)
        trainer.run()
    final = original.moments[-1].state
    for x, y in zip(trainer.network.weights + trainer.network.biases, final.weights + final.biases):
        np.testing.assert_array_equal(x, y)
    assert trainer.history.batches == original.moments[-1].step
    assert [e.train_loss for e in trainer.history.epochs] == [e.train_loss for e in final.epochs]


def test_a_state_is_only_taken_between_epochs():
    trainer = Trainer(build_network(TINY), TINY, prepare_data(TINY).train)
    steps = trainer.steps()
    next(steps)
    with pytest.raises(ValueError, match="between two epochs"):
        trainer.state()


def test_an_early_state_from_the_middle_of_the_first_epoch_continues_the_run_bit_for_bit():
    """The doctor's replay continues from the early states (every EARLY_STATE_EVERY batches of
    the first epoch): the same settings from there give the recorded run exactly, augmentation's
    draws and the epoch's own order included."""
    config = TINY.replace(augment=True, epochs=2)
    data = prepare_data(config)
    with threadpool_limits(1, user_api="blas"):
        original_trainer, original = record_run(config, data)
        early = [m for m in original.moments if m.state is not None and m.state.mid_epoch]
        assert [m.step for m in early] == [32]            # 50 batches an epoch: one early state
        trainer = Trainer(build_network(config), config, data.train, augment_fn=augment_batch)
        trainer.restore(early[0].state)
        assert trainer.history.batches == 32
        trainer.run()
    for x, y in zip(trainer.network.weights + trainer.network.biases,
                    original_trainer.network.weights + original_trainer.network.biases):
        np.testing.assert_array_equal(x, y)
    assert [e.train_loss for e in trainer.history.epochs] == [e.train_loss for e in original_trainer.history.epochs]
    np.testing.assert_array_equal(trainer.history.batch_loss.y, original_trainer.history.batch_loss.y[32:])


def test_an_early_state_refuses_another_batch_size_and_changes_nothing():
    _, run = record_run(TINY.replace(epochs=1))
    state = next(m.state for m in run.moments if m.state is not None and m.state.mid_epoch)
    other = TINY.replace(batch_size=10)
    trainer = Trainer(build_network(other), other, prepare_data(other).train)
    before = trainer.network.weights[0].copy()
    with pytest.raises(ValueError, match="batch size"):
        trainer.restore(state)
    np.testing.assert_array_equal(trainer.network.weights[0], before)


def test_early_states_are_taken_only_in_the_first_epoch_and_not_when_asked_not_to():
    _, run = record_run(TINY.replace(batch_size=5, epochs=2))       # 200 batches an epoch
    early = [m.step for m in run.moments if m.state is not None and m.state.mid_epoch]
    assert early == [32, 64, 96, 128, 160, 192]
    assert all(m.epoch < 1 for m in run.moments if m.step in early)
    trainer = Trainer(build_network(TINY), TINY, prepare_data(TINY).train)
    recorder = Recorder(trainer, early_states=False)
    recorder.start()
    assert not any(m is not None and m.state is not None and m.state.mid_epoch
                   for m in map(recorder.observe, trainer.steps()))


def test_older_runs_are_thinned_first_and_keep_their_epoch_ends():
    runs = Recordings(keep=4, cap_bytes=10**12)
    _, old = record_run(TINY)
    _, new = record_run(TINY.replace(lr=0.05))
    runs.add(old)
    runs.add(new)
    epoch_ends_before = [m.step for m in old.moments if m.state is not None]
    new_count = len(new.moments)
    runs.cap_bytes = runs.nbytes - old.nbytes // 3
    runs.runs_changed()
    assert runs.nbytes <= runs.cap_bytes and len(new.moments) == new_count
    assert [m.step for m in old.moments if m.state is not None] == epoch_ends_before
    assert old.label == "η 0.01" and new.label == "η 0.05"


def test_a_label_names_only_what_differs():
    a, b = TINY, TINY.replace(activation="sigmoid", hidden=(16, 16))
    assert differences(a, [b]) == "layers 8, relu"
    assert differences(a, [a]) == ""


def test_a_very_long_run_keeps_a_bounded_number_of_whole_states():
    """Each epoch's end keeps the whole state at first; past MAX_STATES, every other older one
    forgets it (its pictures stay), so an hour of tiny epochs does not pile up states."""
    from annviz.nn.recording import MAX_STATES

    trainer, run = record_run(TINY.replace(epochs=3 * MAX_STATES, n_train=40))   # 2 batches an epoch
    stated = [m for m in run.moments if m.state is not None]
    assert MAX_STATES // 2 <= len(stated) <= MAX_STATES
    assert stated[0] is run.moments[0] and stated[-1] is run.moments[-1]
    assert sum(m.step % run.batches_per_epoch == 0 for m in run.moments) == 3 * MAX_STATES + 1
