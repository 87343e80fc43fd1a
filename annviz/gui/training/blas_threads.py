"""How many BLAS threads the training worker uses: one, the same for the whole run.

Measured on this 2-core machine (784-128-64-10, batch 64): with the machine idle, two OpenBLAS
threads beat one (~110,000 vs ~95,000 samples/s); as soon as another busy thread takes a core —
the app's own GUI thread repainting, or any other program — two can be many times slower than one
(6,700 vs 72,000 samples/s), because OpenBLAS's threads wait for each other at the end of every
matrix product. An earlier version timed both every few seconds and switched. But a run's bits
depend on the thread count (it sets the order of the sums inside the matrix products), and the time
machine replays a run bit for bit from its seed and continues it exactly from a recorded moment:
so a run keeps one count from start to end — one thread, which never collapses and leaves the
other core to the GUI. The count is stored with the recording, and a run continued from a
recording made with another count (``annviz train`` uses the library's default) uses that count
(nn/blas.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from annviz.nn import blas

WORKER_BLAS_THREADS = 1


@contextmanager
def worker_blas_threads(n: int = WORKER_BLAS_THREADS) -> Iterator[int]:
    """BLAS libraries limited to ``n`` threads inside; their own limits come back after. Yields the
    count in force (fewer than ``n`` if the library grants fewer)."""
    with blas.limited(n) as granted:
        yield granted
