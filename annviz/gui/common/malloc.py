"""Memory the app frees is reused or given back: two malloc arenas, large blocks mapped apart.

glibc's malloc gives each thread that allocates while another holds the main heap an *arena* of
its own, up to eight per core, and memory freed in one arena is reused only by allocations in
that arena. The app starts a new worker thread for every training run, evaluation and picture
(gui/threads.py), and a worker's large arrays (a run's data, a test set's inputs) are freed into
its arena — where the GUI thread's next large allocation does not look. Measured with
``tests/benchmarks/bench_run_ends.py`` (100 run ends of every kind): the peak RSS rose 300 MB above
its value after the first 10 run ends with glibc's default, 42 MB with two arenas, at the same
speed. ``limit_arenas`` sets that bound (``mallopt(M_ARENA_MAX)``; the environment variable
``MALLOC_ARENA_MAX`` does the same when set before the process starts).

Large blocks: glibc maps a block of at least 128 kB apart and returns it to the system when it
is freed — but each time such a block is freed, it raises that threshold to the block's size (up
to 32 MB), so the next test set's inputs (31 MB) come from the heap, where a freed block stays in
the process. ``map_large_blocks`` fixes the threshold at ``LARGE_BYTES``: measured over 200 run
ends, the resident memory between two run ends fell back to 310–660 MB instead of staying at the
peak. Elsewhere than glibc both do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_ARENA_MAX = -8      # glibc's malloc.h
M_MMAP_THRESHOLD = -3
ARENAS = 2
LARGE_BYTES = 4 * 2**20   # above any array of a training step; below a data set's


def limit_arenas(arenas: int = ARENAS, libc_name: str | None = None) -> bool:
    """At most ``arenas`` malloc arenas for the threads made from now on; True if glibc took it."""
    return _mallopt(M_ARENA_MAX, arenas, libc_name)


def map_large_blocks(size: int = LARGE_BYTES, libc_name: str | None = None) -> bool:
    """Blocks of ``size`` bytes and more mapped apart (given back when freed), whatever was
    freed before; True if glibc took it."""
    return _mallopt(M_MMAP_THRESHOLD, size, libc_name)


def _mallopt(option: int, value: int, libc_name: str | None) -> bool:
    name = libc_name or ctypes.util.find_library("c")
    if not name:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):    # not glibc (musl, macOS, Windows): nothing to set
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    done = mallopt(option, value) == 1
    if not done:
        log.info("malloc did not take option %d = %d", option, value)
    return done
