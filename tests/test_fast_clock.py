"""The clock of the "98.5 % before the bell" benchmark (tests/benchmarks/fast_clock.py) on a
made-up run whose test accuracy after each batch is known: it stops at the first batch at the
target — also between two checks —, leaves the checks out of the training time, and says when a
run never gets there; with several targets (the CNN's 98 % and 99 %, bench_cnn.py) each is found
in the same run, and with weights kept only every k batches a crossing is late by less than k
batches, never early."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

from fast_clock import race, race_targets  # noqa: E402


class MadeUpRun:
    """Batch k (1-based) leaves the 'weights' at k; the test accuracy there is ``accuracy[k - 1]``."""

    def __init__(self, accuracy, batch_seconds=0.0, check_seconds=0.0):
        self.accuracy, self.batch_seconds, self.check_seconds = accuracy, batch_seconds, check_seconds
        self.weights = 0
        self.y = np.zeros(1000, np.int64)

    def batches(self):
        for k in range(1, len(self.accuracy) + 1):
            end = time.perf_counter() + self.batch_seconds
            while time.perf_counter() < end:
                pass
            self.weights = k
            yield

    def predict(self, x):
        time.sleep(self.check_seconds)              # one chunk: 1,000 examples
        right = round(self.accuracy[self.weights - 1] * 1000)
        start = int(x[0, 0])
        return np.where(np.arange(start, start + len(x)) < right, 0, 1)

    def run(self, **kwargs):
        x = np.arange(1000, dtype=np.float32)[:, None]
        def restore(w):
            self.weights = w
        if "targets" in kwargs:
            return race_targets(self.batches(), lambda: self.weights, restore, self.predict, (x, self.y), 10,
                                **kwargs)
        return race(self.batches(), lambda: self.weights, restore, self.predict, (x, self.y), 10, **kwargs)


def test_the_first_batch_at_the_target_is_found_between_two_checks():
    accuracy = [0.9] * 12 + [0.985, 0.98, 0.99, 0.986] + [0.99] * 8
    r = MadeUpRun(accuracy).run(every=8, target=0.985)
    assert r.reached and r.batches == 13 and r.epochs == 1.3 and r.accuracy_at == 0.985
    assert r.final_accuracy == 0.99


@pytest.mark.parametrize("every", [1, 5, 16])
def test_any_spacing_of_the_checks_finds_the_same_batch(every):
    accuracy = list(np.linspace(0.9, 0.99, 40))
    first = next(i + 1 for i, a in enumerate(accuracy) if a >= 0.985)
    assert MadeUpRun(accuracy).run(every=every).batches == first


def test_a_run_that_never_gets_there_says_so():
    r = MadeUpRun([0.9, 0.98, 0.984] * 5).run(every=4)
    assert not r.reached and r.batches == 15 and r.final_accuracy == 0.984


def test_the_checks_are_not_in_the_training_time():
    """Ten batches of 0.01 s and five checks of 0.2 s: were the checks counted, ≥ 1 s."""
    r = MadeUpRun([0.5] * 9 + [0.99], batch_seconds=0.01, check_seconds=0.2).run(every=2)
    assert r.reached and r.batches == 10
    assert 0.1 <= r.wall_s < 0.9 and r.check_s >= 1.0
    assert 0 < r.cpu_s <= r.wall_s * 1.05


def test_a_target_first_reached_in_the_last_batches_after_the_last_check_is_found():
    r = MadeUpRun([0.9] * 37 + [0.986, 0.98, 0.99]).run(every=16)
    assert r.reached and r.batches == 38


def first_at(accuracy, target):
    return next(i + 1 for i, a in enumerate(accuracy) if a >= target)


def test_two_targets_are_each_found_in_one_run():
    accuracy = [0.9] * 10 + [0.981, 0.97, 0.985, 0.99, 0.98] + [0.985] * 10 + [0.992] * 5
    low, high = MadeUpRun(accuracy).run(targets=(0.98, 0.99), every=8)
    assert low.reached and low.batches == 11 and low.accuracy_at == 0.981
    # 0.99 at batch 14 falls back before the check at 16: the clock finds the later crossing
    assert high.reached and high.batches == 26 and high.accuracy_at == 0.992
    assert low.final_accuracy == high.final_accuracy == 0.992


def test_both_targets_crossed_between_the_same_two_checks():
    accuracy = [0.9] * 9 + [0.983, 0.991, 0.995, 0.995, 0.995, 0.995, 0.995, 0.995]
    low, high = MadeUpRun(accuracy).run(targets=(0.98, 0.99), every=8)
    assert (low.batches, high.batches) == (10, 11)
    assert low.wall_s <= high.wall_s


def test_a_target_never_reached_beside_one_that_is():
    low, high = MadeUpRun([0.9, 0.95, 0.985, 0.986] * 4).run(targets=(0.98, 0.99), every=4)
    assert low.reached and low.batches == 3
    assert not high.reached and high.batches == 16 and high.final_accuracy == 0.986


@pytest.mark.parametrize("keep_every", [1, 2, 3, 5])
def test_keeping_every_kth_batch_is_late_by_less_than_k_never_early(keep_every):
    accuracy = [round(a, 3) for a in np.linspace(0.95, 0.995, 60)]   # as MadeUpRun measures them
    runs = MadeUpRun(accuracy).run(targets=(0.98, 0.99), every=20, keep_every=keep_every)
    for target, r in zip((0.98, 0.99), runs):
        first = first_at(accuracy, target)
        assert r.reached and first <= r.batches < first + keep_every
        assert r.batches % keep_every == 0 or r.batches % 20 == 0


def test_keeping_fewer_weights_replays_fewer_checks():
    accuracy = [0.9] * 99 + [0.99]
    every_batch = MadeUpRun(accuracy).run(targets=(0.99,), every=50)[0]
    every_tenth = MadeUpRun(accuracy).run(targets=(0.99,), every=50, keep_every=10)[0]
    assert every_batch.batches == every_tenth.batches == 100
    assert every_batch.checks == 2 + 49 and every_tenth.checks == 2 + 4


def test_without_run_to_end_it_stops_once_every_target_is_reached():
    accuracy = [0.9] * 5 + [0.985] * 5 + [0.995] * 20
    run = MadeUpRun(accuracy)
    low, high = run.run(targets=(0.98, 0.99), every=4, run_to_end=False)
    assert (low.batches, high.batches) == (6, 11)
    assert run.weights == 12 and high.final_wall_s == low.final_wall_s and high.final_accuracy == 0.995


def test_a_crossing_kept_after_the_last_check_is_found_when_the_last_batch_was_not_kept():
    r = MadeUpRun([0.9] * 24 + [0.99] * 3).run(targets=(0.99,), every=20, keep_every=5)[0]
    assert r.reached and r.batches == 25     # kept (25 = 5·5); 27, the last, was not
