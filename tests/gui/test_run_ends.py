"""Thirty training run ends in a row, of every kind, in the whole app: none may hang or leave a
thread behind (the full 200: tests/benchmarks/bench_run_ends.py)."""

from __future__ import annotations

import numpy as np

from run_ends import KINDS, RunEnds

ROUNDS = 5   # × 6 kinds


def test_thirty_run_ends_of_every_kind_leave_no_thread_and_never_hang(qtbot, tmp_path):
    order = np.random.default_rng(0).permutation(np.repeat(KINDS, ROUNDS))
    ends = RunEnds(tmp_path / "settings.ini")
    try:
        for kind in order:
            ends.run(str(kind))
    finally:
        ends.close()
    assert all(len(d) == ROUNDS for d in ends.durations.values())
