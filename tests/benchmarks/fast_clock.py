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

``race_targets`` runs one clock for several targets at once (98 % and 99 % for the CNN,
bench_cnn.py): each target's crossing is found as above, from the checks that reach it. Where a
check costs much more than a batch (a CNN's 10,000 test images), ``keep_every`` keeps the weights
of only every k-th batch between two checks: the replay after a passing check then costs at most
``every / keep_every`` checks, and the crossing found is the first *kept* batch at the target —
up to k − 1 batches late, never early. ``race`` is ``race_targets`` with one target and
``keep_every=1``.
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
    return race_targets(batches, snapshot, restore, predict, test, batches_per_epoch, (target,),
                        every=every, run_to_end=run_to_end)[0]


def race_targets(batches, snapshot, restore, predict, test, batches_per_epoch: int, targets=(0.985,),
                 every: int = 8, keep_every: int = 1, run_to_end: bool = True) -> list[Crossing]:
    """``race`` for several ``targets`` in one run: one ``Crossing`` per target, in their order.
    The weights after a batch between two checks are kept only if the batch's number is a
    multiple of ``keep_every`` (see the module's docstring). Without ``run_to_end`` the run stops
    once every target is reached."""
    if every < 1 or keep_every < 1:
        raise ValueError(f"every ({every}) and keep_every ({keep_every}) must be at least 1")
    targets = tuple(targets)
    wall = cpu = check_s = 0.0
    n = checks = 0
    kept: deque = deque()          # (batch, weights) since the last check
    crossings: dict[float, tuple] = {}   # target → (batch, wall, cpu, accuracy)
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
        pending = [t for t in targets if t not in crossings]
        if not pending:
            continue
        t0 = time.perf_counter()
        if n % every == 0:
            checks = check(n, kept, snapshot, restore, predict, test, pending, times, checks, crossings)
            if len(crossings) == len(set(targets)) and not run_to_end:
                check_s += time.perf_counter() - t0
                break
        elif n % keep_every == 0:
            kept.append((n, snapshot()))
        check_s += time.perf_counter() - t0
    pending = [t for t in targets if t not in crossings]
    if pending and n and n % every:             # the last batches, since the last check
        t0 = time.perf_counter()
        if kept and kept[-1][0] == n:
            kept.pop()                           # the weights now are the last batch's
        checks = check(n, kept, snapshot, restore, predict, test, pending, times, checks, crossings)
        check_s += time.perf_counter() - t0
    final = None
    if run_to_end or len(crossings) < len(set(targets)):
        final = accuracy(predict, *test)
    else:                                        # stopped at the last crossing: the weights are its
        final = max(crossings.values(), key=lambda c: c[0])[3]
    results = []
    for target in targets:
        if target not in crossings:
            results.append(Crossing(False, n, n / batches_per_epoch, wall, cpu, check_s, checks, final,
                                    final, wall, cpu))
            continue
        batch, w, c, acc = crossings[target]
        results.append(Crossing(True, batch, batch / batches_per_epoch, w, c, check_s, checks, acc, final,
                                wall, cpu))
    return results


def check(n, kept, snapshot, restore, predict, test, pending, times, checks, crossings) -> int:
    """Test accuracy after batch ``n``; for each ``pending`` target it reaches, the first of the
    ``kept`` batches (since the previous check) that does, or ``n`` itself, goes into
    ``crossings`` (target → (batch, wall, cpu, accuracy)). Returns the checks made so far."""
    checks += 1
    acc = accuracy(predict, *test)
    reached = [t for t in pending if acc >= t]
    found = {t: (n, acc) for t in reached}
    if reached and kept:                        # the batches since the last check, in order
        now = snapshot()
        looking = set(reached)
        for batch, weights in kept:
            restore(weights)
            checks += 1
            a = accuracy(predict, *test)
            for t in [t for t in looking if a >= t]:
                found[t] = (batch, a)
                looking.discard(t)
            if not looking:
                break
        restore(now)
    for t, (batch, a) in found.items():
        crossings[t] = (batch, *times[batch - 1], a)
    kept.clear()
    return checks


def _trainer_parts(trainer):
    """(batches, snapshot, restore, predict) of an annviz ``Trainer`` (an MLP's or a ConvNet's),
    its own epoch-end evaluation switched off: the checks here replace it."""
    net = trainer.network
    trainer.test = trainer.validation = None

    def restore(weights):
        net.set_parameters(*weights)

    return (trainer.steps(), lambda: (tuple(w.copy() for w in net.weights),
                                      tuple(b.copy() for b in net.biases)),
            restore, net.predict)


def race_trainer(trainer, test, **kwargs) -> Crossing:
    """``race`` for an annviz ``Trainer``."""
    return race(*_trainer_parts(trainer), test, trainer.batches_per_epoch, **kwargs)


def race_trainer_targets(trainer, test, targets, **kwargs) -> list[Crossing]:
    """``race_targets`` for an annviz ``Trainer``."""
    return race_targets(*_trainer_parts(trainer), test, trainer.batches_per_epoch, targets, **kwargs)
