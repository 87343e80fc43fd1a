"""The BLAS library under NumPy (annviz/nn/blas.py): its name and thread count as a recording
keeps them, and limits that hold inside and are undone after. Read against threadpoolctl itself
(the source of truth) and against an invented library list."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from annviz.nn import blas


def blas_libraries() -> list[dict]:
    return [lib for lib in threadpool_info() if lib["user_api"] == "blas"]


needs_blas = pytest.mark.skipif(not blas_libraries(), reason="NumPy without a threaded BLAS")


@needs_blas
def test_the_library_is_named_by_its_api_version_and_cpu_kernel():
    lib = blas_libraries()[0]
    name = blas.library()
    assert name.split() == [str(p) for p in (lib["internal_api"], lib["version"], lib["architecture"]) if p]
    assert blas.current_threads() == lib["num_threads"]


@needs_blas
def test_a_limit_holds_inside_and_the_old_count_comes_back():
    before = blas.current_threads()
    with blas.limited(1) as inside:
        assert inside == 1 == blas.current_threads() == blas_libraries()[0]["num_threads"]
    assert blas.current_threads() == before
    limiter = blas.limit(1)
    try:
        assert blas.current_threads() == 1
    finally:
        limiter.restore_original_limits()
    assert blas.current_threads() == before


def test_without_a_blas_there_is_one_thread_and_no_name(monkeypatch):
    monkeypatch.setattr(blas, "_blas", lambda: [])
    assert blas.current_threads() == 1 and blas.library() == ""


def test_a_library_without_some_parts_is_named_by_those_it_has(monkeypatch):
    libs = [{"user_api": "blas", "internal_api": "mkl", "version": None, "architecture": "", "num_threads": 6},
            {"user_api": "blas", "internal_api": "openblas", "version": "0.3", "architecture": "Haswell",
             "num_threads": 2}]
    monkeypatch.setattr(blas, "_blas", lambda: libs)
    assert blas.library() == "mkl"            # the first library, its missing parts left out
    assert blas.current_threads() == 6


def test_only_blas_libraries_count(monkeypatch):
    import threadpoolctl

    fake = [{"user_api": "openmp", "internal_api": "openmp", "version": None, "num_threads": 8},
            {"user_api": "blas", "internal_api": "openblas", "version": "0.3.27", "architecture": "Zen",
             "num_threads": 3}]
    monkeypatch.setattr(threadpoolctl, "threadpool_info", lambda: fake)
    assert blas.library() == "openblas 0.3.27 Zen" and blas.current_threads() == 3
