"""The time machine's film in memory (recording.py): which steps, what a moment and its pictures
hold, how a recording grows and is thinned at its limits — with moments made by hand."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn import recording as recording_module
from annviz.nn.config import TrainConfig
from annviz.nn.recording import (
    Moment,
    Recorder,
    Recording,
    Recordings,
    RecordSchedule,
    count_log_steps,
    picture_copy,
)
from annviz.nn.trainer import Trainer, TrainerState
from annviz.recipes import build_network, prepare_data

CONFIG = TrainConfig(hidden=(4,), activation="relu", optimizer="sgd", lr=0.5, epochs=2, n_train=15)
SHAPES = [(4, 3), (2, 4)]
PICTURE_BYTES = 2 * (12 + 4 + 8 + 2)          # float16 weights and biases of a 3-4-2 network


def moment(step, dtype=np.float32, state=None):
    ws = tuple(np.full(s, step + l, dtype) for l, s in enumerate(SHAPES))
    bs = tuple(np.full(s[0], -step - l, dtype) for l, s in enumerate(SHAPES))
    return Moment(step, step / 3, 0.5, 0.5, ws, bs, state)


def state(step):
    ws = tuple(np.full(s, step, np.float32) for s in SHAPES)
    bs = tuple(np.full(s[0], step, np.float32) for s in SHAPES)
    return TrainerState(ws, bs, {"t": step, "arrays": []}, {}, step, (), None, None, None, 0.0)


def run():
    return Recording(CONFIG, [3, 4, 2], ["relu", "softmax"], ["a", "b"], 3)


@pytest.mark.parametrize("total, target", [(100_000, 200), (1000, 50), (201, 200)])
def test_a_schedule_gives_exactly_its_target_when_it_can(total, target):
    ratio = RecordSchedule.for_run(total, target).ratio
    assert count_log_steps(ratio, total) == target                    # not one more
    assert count_log_steps(ratio * (1 + 1e-9), total) == target - 1   # the largest such ratio


def test_a_run_no_longer_than_its_target_records_every_step():
    schedule = RecordSchedule.for_run(200, 200)
    assert schedule.ratio == 1.0 + 1e-9
    assert all(schedule.wants(s) for s in range(201))


def test_a_step_between_log_steps_is_not_wanted_unless_it_ends_an_epoch():
    schedule = RecordSchedule(2.0)
    assert [s for s in range(20) if schedule.wants(s)] == [0, 1, 2, 4, 8, 16]
    schedule = RecordSchedule(2.0)
    assert [s for s in range(20) if schedule.wants(s, epoch_end=s % 5 == 0)] == [0, 1, 2, 4, 5, 8, 10, 15, 16]


def test_a_moment_counts_its_bytes_and_gives_its_parameters_as_asked():
    m = moment(3, np.float16)
    assert m.nbytes == PICTURE_BYTES
    ws, bs = m.parameters()
    assert [w.dtype for w in ws + bs] == [np.float32] * 4 and ws[1].tolist() == np.full((2, 4), 4.0).tolist()
    assert bs[0].tolist() == [-3.0] * 4
    ws, bs = m.parameters(np.float64)
    assert [w.dtype for w in ws + bs] == [np.float64] * 4
    with_state = moment(3, np.float16, state(7))
    assert with_state.nbytes == PICTURE_BYTES + with_state.state.nbytes
    ws, bs = with_state.parameters()                 # the exact float32 ones
    assert [w.dtype for w in ws + bs] == [np.float32] * 4 and ws[0][0, 0] == bs[1][0] == 7.0
    ws, bs = with_state.parameters(np.float64)
    assert [w.dtype for w in ws + bs] == [np.float64] * 4


def test_pictures_are_finite_read_only_copies():
    source = np.array([1e6, -1e6, np.nan, 0.1], np.float32)
    (p,) = picture_copy([source])
    assert p.dtype == np.float16 and p.tolist() == [65504.0, -65504.0, 0.0, np.float16(0.1)]
    assert not p.flags.writeable and source.flags.writeable and np.isnan(source[2])
    exact = picture_copy([source, source[::-1].astype(np.float64)], np.float32)
    assert [a.dtype for a in exact] == [np.float32] * 2 and not any(a.flags.writeable for a in exact)
    np.testing.assert_array_equal(exact[1], source[::-1])       # NaN and all: a copy, not a picture
    assert exact[0] is not source


def test_moments_are_kept_in_order_as_float16_and_counted():
    r = run()
    r.add(moment(0))
    with pytest.raises(ValueError, match=r"^moment 0 comes after 0$"):
        r.add(moment(0))
    r.add(moment(2, np.float16))
    r.add(moment(5, state=state(5)))
    with pytest.raises(ValueError, match=r"^moment 4 comes after 5$"):
        r.add(moment(4))
    assert [m.step for m in r.moments] == [0, 2, 5] and r.steps().dtype == np.int64
    assert all(a.dtype == np.float16 for m in r.moments for a in m.weights + m.biases)
    assert r.moments[2].weights[1].tolist() == np.full((2, 4), 6.0).tolist()
    assert r.moments[2].biases[0].tolist() == [-5.0] * 4
    assert r.nbytes == 3 * PICTURE_BYTES + r.moments[2].state.nbytes
    assert Recording(CONFIG, [3, 4, 2], [], [], 3, moments=list(r.moments)).nbytes == r.nbytes


def test_states_past_the_most_are_thinned_and_at_the_most_are_not(monkeypatch):
    monkeypatch.setattr(recording_module, "MAX_STATES", 3)
    r = run()
    for step in range(3):
        r.add(moment(step, state=state(step)))
    assert [m.state is not None for m in r.moments] == [True, True, True]
    r.add(moment(3))                                     # no state: nothing to thin
    assert [m.state is not None for m in r.moments] == [True, True, True, False]
    r.add(moment(4, state=state(4)))
    assert [m.state is not None for m in r.moments] == [True, False, True, False, True]
    assert r.nbytes == sum(m.nbytes for m in r.moments)


def test_a_run_of_exactly_the_most_bytes_is_not_thinned_and_one_byte_less_is(monkeypatch):
    for most, steps in ((5 * PICTURE_BYTES, [0, 1, 2, 3, 4]), (5 * PICTURE_BYTES - 1, [0, 2, 4])):
        monkeypatch.setattr(recording_module, "MAX_RUN_BYTES", most)
        r = run()
        for step in range(5):
            r.add(moment(step))
        assert [m.step for m in r.moments] == steps and r.nbytes == len(steps) * PICTURE_BYTES


def test_a_session_keeps_its_last_six_runs():
    runs = Recordings()
    made = [run() for _ in range(7)]
    for r in made:
        r.add(moment(0))
        runs.add(r)
    assert runs.runs == made[1:]


SMALL = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=10, epochs=1,
                    n_train=1000)                        # 100 batches an epoch


def test_a_recorder_takes_as_many_early_states_as_its_share_holds_and_none_in_a_continued_run(monkeypatch):
    data = prepare_data(SMALL)
    trainer = Trainer(build_network(SMALL), SMALL, data.train)
    state_bytes = Recorder(trainer).start().state.nbytes
    monkeypatch.setattr(recording_module, "MAX_RUN_BYTES", 16 * state_bytes)   # an eighth: room for two
    recorder = Recorder(trainer)
    first = recorder.start()
    assert first.step == 0 and first.state is not None and [w.dtype for w in first.weights] == [np.float32] * 2
    moments = [m for m in map(recorder.observe, trainer.steps()) if m is not None]
    early = [m for m in moments if m.state is not None and m.state.mid_epoch]
    assert [m.step for m in early] == [32, 64]
    # the doctor's replay continues from batch 32: the early states of its run were its run's
    again = Trainer(build_network(SMALL), SMALL, data.train)
    again.restore(early[0].state)
    recorder = Recorder(again)
    assert recorder.start() is None
    later = [m for m in map(recorder.observe, again.steps()) if m is not None]
    assert later[0].step == 33 and not any(m.state is not None and m.state.mid_epoch for m in later)
    assert later[-1].step == 100 and later[-1].state is not None        # the epoch's end
    made = Recording.of(again, ["a", "b"], blas_threads=3, blas_library="OpenBLAS")
    assert (made.config, made.sizes, made.activations, made.class_names, made.batches_per_epoch) == \
        (SMALL, [784, 8, 10], ["relu", "softmax"], ["a", "b"], 100)
    assert (made.blas_threads, made.blas_library, made.moments) == (3, "OpenBLAS", [])
    made = Recording.of(again, ("c" for _ in range(2)))
    assert (made.class_names, made.blas_threads, made.blas_library) == (["c", "c"], 1, "")
