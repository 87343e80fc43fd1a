"""The clock of the "98.5 % before the bell" benchmark (tests/benchmarks/fast_clock.py) on a
made-up run whose test accuracy after each batch is known: it stops at the first batch at the
target — also between two checks —, leaves the checks out of the training time, and says when a
run never gets there."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))

from fast_clock import race  # noqa: E402


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
