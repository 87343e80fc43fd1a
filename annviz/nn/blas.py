"""The BLAS library under NumPy: which one, and how many threads it uses.

A run's bits depend on both: the thread count sets the order of the sums inside the matrix
products, and another library (or version, or CPU kernel) sums in its own order. So a recording
keeps them (``Recording.blas_threads``, ``blas_library``), and a run continued from one uses the
same count — and says beforehand when the library here is another one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # imported when first used (it inspects the loaded libraries)
    from threadpoolctl import threadpool_limits


def _blas() -> list[dict]:
    from threadpoolctl import threadpool_info

    return [lib for lib in threadpool_info() if lib.get("user_api") == "blas"]


def current_threads() -> int:
    """The BLAS library's thread limit now (1 when there is no threaded BLAS)."""
    counts = [lib["num_threads"] for lib in _blas()]
    return counts[0] if counts else 1


def library() -> str:
    """The BLAS library, its version and CPU kernel, e.g. "openblas 0.3.27 Haswell" ("" if none)."""
    for lib in _blas():
        parts = (lib.get("internal_api"), lib.get("version"), lib.get("architecture"))
        return " ".join(str(p) for p in parts if p)
    return ""


def limit(n: int) -> threadpool_limits:
    """BLAS libraries limited to ``n`` threads until the returned limiter's
    ``restore_original_limits()`` (for a limit whose end is decided later, not by a block)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=n, user_api="blas")


@contextmanager
def limited(n: int) -> Iterator[int]:
    """BLAS libraries limited to ``n`` threads inside; their own limits come back after. Yields
    the count in force inside (the library may grant fewer than asked)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=n, user_api="blas"):
        yield current_threads()
