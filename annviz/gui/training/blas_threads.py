"""How many BLAS threads the training worker uses: whichever trains fastest right now.

On an idle 2-core machine two OpenBLAS threads beat one (784-128-64-10, batch 64: ~110,000 vs
~95,000 samples/s). But OpenBLAS's threads wait for each other at the end of every matrix
product, so as soon as another busy thread takes one of the cores — the app's own GUI thread
repainting, or any other program — two threads can be many times slower than one (measured
6,700 vs 72,000 samples/s under load). Which is faster depends on the moment, not on the network
alone.

So the worker does not fix the number. ``ThreadChooser`` runs a short trial now and then: a few
batches with each candidate, timed, and the one with the lowest median batch time is used until
the next trial. A trial costs a few dozen batches every few seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager

import numpy as np
from threadpoolctl import ThreadpoolController

TRIAL_BATCHES = 12     # batches timed per candidate in a trial
TRIAL_EVERY_S = 3.0    # seconds between the end of one trial and the start of the next


def candidates(max_threads: int) -> tuple[int, ...]:
    """One thread, all of them, and all but one (room for the GUI thread)."""
    return tuple(sorted({1, max(1, max_threads - 1), max(1, max_threads)}))


class ThreadChooser:
    """Feed it every batch's wall time (``batch_done``); it calls ``set_threads`` when it switches."""

    def __init__(self, set_threads: Callable[[int], None], options: Sequence[int],
                 trial_batches: int = TRIAL_BATCHES, every_s: float = TRIAL_EVERY_S,
                 clock: Callable[[], float] = time.perf_counter):
        if not options:
            raise ValueError("no thread counts to choose from")
        self._set_threads, self.options = set_threads, tuple(options)
        self.trial_batches, self.every_s, self._clock = trial_batches, every_s, clock
        self.threads = self.options[-1]
        self.medians: dict[int, float] = {}     # of the last trial, seconds per batch
        self._applied: int | None = None        # what set_threads was last called with
        self._trial: dict[int, list[float]] | None = None   # batch times per candidate
        self._next_trial = 0.0
        self._start_trial()

    def batch_done(self, seconds: float) -> None:
        if self._trial is None:
            if self._clock() >= self._next_trial:
                self._start_trial()
            return
        times = self._trial.setdefault(self.threads, [])
        times.append(seconds)
        if len(times) < self.trial_batches:
            return
        untried = [n for n in self.options if n not in self._trial]
        if untried:
            self._use(untried[0])
            return
        self.medians = {n: float(np.median(t)) for n, t in self._trial.items()}
        self._use(min(self.medians, key=self.medians.get))
        self._trial = None
        self._next_trial = self._clock() + self.every_s

    def _start_trial(self) -> None:
        """Time the current choice first (no switch), then the others."""
        if len(self.options) == 1:   # nothing to choose
            self._use(self.options[0])
            self._next_trial = float("inf")
            return
        self._trial = {}
        self._use(self.threads)

    def _use(self, n: int) -> None:
        if n != self._applied:
            self._set_threads(n)
            self._applied = n
        self.threads = n


@contextmanager
def chosen_blas_threads():
    """A ``ThreadChooser`` over the BLAS libraries of this process; their limits come back after."""
    controller = ThreadpoolController().select(user_api="blas")
    libraries = controller.lib_controllers
    most = max((lib.num_threads for lib in libraries), default=1)

    def set_threads(n: int) -> None:
        for lib in libraries:
            lib.set_num_threads(n)

    with controller.limit(limits=most):   # restores every library's own limit at the end
        yield ThreadChooser(set_threads, candidates(most))
