"""The time machine's rules one by one, each against a reference written here: the log-spaced
steps, a picture's copy, the recorder's moments on a tiny run, the order and the cap on whole
states, the two thinning rules, and the words that tell runs apart.

(Written against the mutants a mutation run left alive in ``nn/recording.py``.)"""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.recording import (
    MAX_STATES,
    Moment,
    Recorder,
    Recording,
    Recordings,
    RecordSchedule,
    count_log_steps,
    differences,
    picture_copy,
    thin_pictures,
    thin_states,
)


def log_steps(ratio: float, total: int) -> list[int]:
    """1, then each next step max(s + 1, ⌊s·ratio⌋), up to ``total`` included."""
    steps, s = [], 1
    while s <= total:
        steps.append(s)
        s = max(s + 1, int(np.floor(s * ratio)))
    return steps


@pytest.mark.parametrize(("ratio", "total"), [(2.0, 64), (2.0, 63), (1.5, 1000), (1.0 + 1e-9, 30)])
def test_the_log_spaced_steps_are_counted_as_they_are_made(ratio, total):
    assert count_log_steps(ratio, total) == len(log_steps(ratio, total))


def test_a_ratio_of_one_or_less_is_refused_with_its_value():
    for ratio in (1.0, 0.5):
        with pytest.raises(ValueError, match=f"the ratio must be above 1, got {ratio}"):
            RecordSchedule(ratio)


def test_a_picture_holds_what_float16_can_and_a_diverging_weight_as_its_largest():
    a = np.array([1.0, -70000.0, 70000.0, np.nan, 0.1], dtype=np.float32)
    (half,) = picture_copy([a])
    assert half.dtype == np.float16 and not half.flags.writeable
    np.testing.assert_array_equal(half, np.array([1.0, -65504.0, 65504.0, 0.0, 0.1], dtype=np.float16))
    (exact,) = picture_copy([a[[0, 4]]], np.float32)
    assert exact.dtype == np.float32 and not exact.flags.writeable
    np.testing.assert_array_equal(exact, a[[0, 4]])
    a[0] = 5.0                                         # a copy, not a view
    assert half[0] == 1.0 and exact[0] == 1.0


@pytest.fixture
def tiny():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 5)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0)
    cfg = TrainConfig(hidden=(4,), activation="relu", optimizer="adam", lr=0.01, batch_size=10, epochs=3)
    return Trainer(Network(cfg.layer_sizes(5, 3), cfg.layer_activations(), seed=0), cfg, (x, y))


def test_the_recorder_keeps_every_batch_of_a_short_run_as_it_was(tiny):
    recorder = Recorder(tiny)
    first = recorder.start()
    assert (first.step, first.epoch, first.loss, first.lr) == (0, 0.0, None, 0.01) and first.state is not None
    moments, events = [first], []
    for event in tiny.steps():
        moment = recorder.observe(event)
        events.append(event)
        assert moment is not None                     # 12 batches: every one is kept
        np.testing.assert_array_equal(moment.weights[0], tiny.network.weights[0])
        assert moment.weights[0].dtype == np.float32 and moment.biases[0].dtype == np.float32
        moments.append(moment)
    assert [m.step for m in moments] == list(range(13))
    assert [m.epoch for m in moments[1:5]] == [0.25, 0.5, 0.75, 1.0]
    assert [m.loss for m in moments[1:]] == [e.loss for e in events]
    assert [m.state is not None for m in moments] == [True] + ([False] * 3 + [True]) * 3
    assert Recorder(tiny).start() is None             # a run that has batches continues: no step 0


def test_a_few_moments_asked_of_a_long_run_are_spread_log_wise(tiny):
    recorder = Recorder(tiny, target=4)               # 12 batches, 4 log-spaced moments asked
    recorder.start()
    kept = [e.step for e in tiny.steps() if recorder.observe(e) is not None]
    ends = {4, 8, 12}
    spaced = [s for s in kept if s not in ends]
    assert set(kept) >= ends and 1 in spaced and len(spaced) < 12 - len(ends)


def moment(step: int, state=None) -> Moment:
    w = (np.full((2, 2), step, np.float16),)
    return Moment(step, step / 4, None if step == 0 else 1.0, 0.1, w, (np.zeros(2, np.float16),), state)


def recording() -> Recording:
    return Recording(TrainConfig(), [2, 2], ["softmax"], ["a", "b"], 4)


def test_moments_come_in_order_and_a_step_twice_is_refused_naming_both():
    run = recording()
    for step in (0, 3, 7):
        run.add(moment(step))
    with pytest.raises(ValueError, match="^moment 7 comes after 7$"):
        run.add(moment(7))
    with pytest.raises(ValueError, match="^moment 5 comes after 7$"):
        run.add(moment(5))
    assert run.steps().tolist() == [0, 3, 7] and run.steps().dtype == np.int64
    assert run.nearest(6).step == 3 and run.nearest(7).step == 7 and run.nearest(-1).step == 0


class State:
    """A stand-in whole state: what thinning and counting look at."""
    nbytes = 1000


def test_at_most_max_states_whole_states_are_kept_and_the_cap_itself_is_allowed():
    run = recording()
    for step in range(MAX_STATES):
        run.add(moment(step, State()))
    assert sum(m.state is not None for m in run.moments) == MAX_STATES
    run.add(moment(MAX_STATES, State()))
    assert sum(m.state is not None for m in run.moments) <= MAX_STATES
    assert run.moments[0].state is not None and run.moments[-1].state is not None


def test_thinning_pictures_drops_every_other_inner_one_without_state():
    marks = [None, None, None, State(), None, None, None, State(), None]   # 9 moments
    moments = [moment(i, s) for i, s in enumerate(marks)]
    kept = thin_pictures(moments)
    inner = [1, 2, 4, 5, 6]                          # no state, neither first nor last
    dropped = set(inner[::2])                        # 1, 4, 6
    assert [m.step for m in kept] == [i for i in range(9) if i not in dropped]
    assert thin_pictures([moment(0), moment(1, State()), moment(2)]) is None
    assert thin_pictures([moment(0), moment(1)]) is None


def test_thinning_states_forgets_every_other_inner_one_and_keeps_first_and_last():
    moments = [moment(i, State()) for i in range(7)]
    assert thin_states(moments) is True
    assert [m.state is not None for m in moments] == [True, False, True, False, True, False, True]
    assert all(m.weights[0][0, 0] == i for i, m in enumerate(moments))     # the pictures stay
    bare = [moment(0, State()), moment(1), moment(2, State())]
    assert thin_states(bare) is False and bare[0].state is not None and bare[2].state is not None


def test_a_continued_run_is_labelled_with_its_difference_and_where_it_began():
    a, c = recording(), recording()
    c.continued_from = 2.0
    runs = Recordings()
    runs.add(a)
    runs.add(c)
    assert (a.label, c.label) == ("", "from epoch 2")
    c.config = TrainConfig(lr=0.25)
    runs.runs_changed()
    assert (a.label, c.label) == ("η 0.001", "η 0.25, from epoch 2")


@pytest.mark.parametrize(("field", "value", "words"), [
    ("hidden", (16, 8), "layers 16-8"), ("hidden", (), "layers none"), ("lr", 0.5, "η 0.5"),
    ("momentum", 0.8, "μ 0.8"), ("weight_decay", 1e-4, "λ 0.0001"), ("batch_size", 32, "batch 32"),
    ("augment", True, "augment on"), ("activation", "relu", "relu"), ("optimizer", "sgd", "sgd"),
    ("loss", "mse", "mse"), ("schedule", "cosine", "cosine"), ("init", "he", "he"),
    ("dataset", "fashion", "fashion"), ("epochs", 5, "epochs 5"), ("seed", 3, "seed 3"),
    ("n_train", 500, "n train 500")])
def test_a_label_says_each_setting_in_its_own_words(field, value, words):
    assert differences(TrainConfig(**{field: value}), [TrainConfig()]) == words
    assert differences(TrainConfig(**{field: value}), [TrainConfig(**{field: value})]) == ""


def test_a_switch_turned_off_is_said_off_and_two_differences_in_order():
    assert differences(TrainConfig(augment=False), [TrainConfig(augment=True)]) == "augment off"
    assert differences(TrainConfig(lr=0.5, seed=2), [TrainConfig()]) == "η 0.5, seed 2"


def test_thinning_pictures_can_drop_the_one_before_the_last():
    kept = thin_pictures([moment(i) for i in range(7)])   # inner 1–5: 1, 3 and 5 go
    assert [m.step for m in kept] == [0, 2, 4, 6]


def test_over_the_cap_every_older_run_is_thinned_oldest_first_never_the_newest():
    """Three runs of 9 moments; the cap leaves room for fewer: the oldest loses what it can, then
    the middle one; the newest (still training) keeps every moment."""
    runs = Recordings(keep=6, cap_bytes=10 ** 9)
    made = []
    for _ in range(3):
        run = recording()
        for step in range(9):
            run.add(moment(step))
        made.append(run)
        runs.add(run)
    one = made[0].moments[0].nbytes
    runs.cap_bytes = 9 * one + 3 * one + 4 * one          # newest whole, then 3 and 4 of 9 left
    runs.runs_changed()
    assert [len(r.moments) for r in made] == [2, 5, 9]
    assert runs.nbytes <= runs.cap_bytes
