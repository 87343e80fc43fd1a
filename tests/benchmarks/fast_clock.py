"""The clock of issue 25's "98.5 % before the bell", shared by bench_fast.py and bench_fast_sweep.py.

The clock runs from the first batch to the end of the batch after which test accuracy is
≥ the target, without loading and without the accuracy checks themselves (their time is kept
apart). Test accuracy (all 10,000 test images) is checked after every ``every``-th batch; the
weights after each batch in between are kept (copies, outside the clock), so when a check
passes, the batches since the previous check are evaluated in order and the clock stops at the
first of them that passes. The one crossing this can miss is a batch that reaches the target
and falls back below it before the next check: then the clock stops at a later batch — it can
report too long a time, never too short.

Two clocks run together: the wall clock (``time.perf_counter``) and the training thread's CPU
time (``time.thread_time``). With one BLAS thread, the CPU time is the work done, and a busy
machine disturbs it much less than the wall clock: the sweep compares recipes by it.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass
class Crossing:
    """One run against the clock."""

    reached: bool
    batches: int            # batches trained when the target was reached (or in all)
    epochs: float           # the same in epochs
    wall_s: float           # training wall-clock seconds to that batch
    cpu_s: float            # training thread CPU seconds to that batch
    check_s: float          # wall seconds spent in the accuracy checks (not in wall_s)
    checks: int
    accuracy_at: float      # test accuracy at that batch
    final_accuracy: float   # test accuracy at the end of the run (the whole recipe)
    final_wall_s: float     # training wall-clock seconds of the whole run
    final_cpu_s: float


def accuracy(predict, x: np.ndarray, y: np.ndarray, chunk: int = 5000) -> float:
    """Share of rows of ``x`` whose predicted class (``predict(rows)``) is ``y``."""
    right = sum(int((predict(x[i:i + chunk]) == y[i:i + chunk]).sum()) for i in range(0, len(x), chunk))
    return right / len(x)


def race(batches, snapshot, restore, predict, test, batches_per_epoch: int, target: float = 0.985,
         every: int = 8, run_to_end: bool = True) -> Crossing:
    """Time ``batches`` — an iterator that trains one batch per ``next()`` — against the clock.

    ``snapshot()`` returns a copy of the weights, ``restore(copy)`` puts one back, ``predict(x)``
    gives classes; ``test`` = (x, y). With ``run_to_end`` the run goes on after the target to
    its end (the recipe's final accuracy); otherwise it stops there.
    """
    wall = cpu = check_s = 0.0
    n = checks = 0
    kept: deque = deque()          # (batch, weights) since the last check
    crossing: tuple | None = None  # (batch, wall, cpu, accuracy)
    times: list[tuple[float, float]] = []
    iterator = iter(batches)
    while True:
        w0, c0 = time.perf_counter(), time.thread_time()
        try:
            next(iterator)
        except StopIteration:
            break
        wall += time.perf_counter() - w0
        cpu += time.thread_time() - c0
        n += 1
        times.append((wall, cpu))
        if crossing is not None:
            continue
        t0 = time.perf_counter()
        if n % every == 0:
            crossing, checks = check(n, kept, snapshot, restore, predict, test, target, times, checks)
            if crossing is not None and not run_to_end:
                check_s += time.perf_counter() - t0
                break
        else:
            kept.append((n, snapshot()))
        check_s += time.perf_counter() - t0
    if crossing is None and n and n % every:   # the last batches, since the last check
        t0 = time.perf_counter()
        kept.pop()                               # the weights now are the last batch's
        crossing, checks = check(n, kept, snapshot, restore, predict, test, target, times, checks)
        check_s += time.perf_counter() - t0
    final = accuracy(predict, *test) if run_to_end or crossing is None else crossing[3]
    if crossing is None:
        return Crossing(False, n, n / batches_per_epoch, wall, cpu, check_s, checks, final, final, wall, cpu)
    batch, w, c, acc = crossing
    return Crossing(True, batch, batch / batches_per_epoch, w, c, check_s, checks, acc, final, wall, cpu)


def check(n, kept, snapshot, restore, predict, test, target, times, checks):
    """Test accuracy after batch ``n``; if it reaches ``target``, the first of the ``kept``
    batches (since the previous check) that does. Returns (crossing or None, checks made)."""
    checks += 1
    acc = accuracy(predict, *test)
    crossing = None
    if acc >= target:
        found = (n, acc)
        if kept:            # the batches since the last check, in order
            now = snapshot()
            for batch, weights in kept:
                restore(weights)
                checks += 1
                a = accuracy(predict, *test)
                if a >= target:
                    found = (batch, a)
                    break
            restore(now)
        batch, acc = found
        crossing = (batch, *times[batch - 1], acc)
    kept.clear()
    return crossing, checks


def race_trainer(trainer, test, **kwargs) -> Crossing:
    """``race`` for an annviz ``Trainer`` (its own epoch-end evaluation switched off: the checks
    here replace it)."""
    net = trainer.network
    trainer.test = trainer.validation = None

    def restore(weights):
        net.set_parameters(*weights)

    return race(trainer.steps(), lambda: (tuple(w.copy() for w in net.weights),
                                          tuple(b.copy() for b in net.biases)),
                restore, net.predict, test, trainer.batches_per_epoch, **kwargs)
