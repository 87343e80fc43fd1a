"""Two malloc arenas for the app's threads (gui/common/malloc.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from annviz.gui.common import malloc

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")


def test_glibc_takes_both_settings_and_a_missing_library_is_left_alone():
    assert malloc.limit_arenas() and malloc.map_large_blocks()
    assert not malloc.limit_arenas(libc_name="libdoes-not-exist.so.1")   # no crash, no bound
    assert not malloc.map_large_blocks(libc_name="libdoes-not-exist.so.1")


ARENAS = textwrap.dedent("""
    import ctypes, os, sys, tempfile, threading, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.argv[1] == "app":
        from annviz.gui.common.qtapp import start_qt
        start_qt([])
    libc = ctypes.CDLL("libc.so.6")
    libc.fopen.restype = ctypes.c_void_p
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    start = threading.Barrier(8)
    def work():                          # eight threads allocating at the same moments
        start.wait()
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            blocks = [bytearray(2000) for _ in range(200)]
            del blocks
    threads = [threading.Thread(target=work) for _ in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    with tempfile.NamedTemporaryFile(suffix=".xml") as f:
        stream = libc.fopen(f.name.encode(), b"w")
        libc.malloc_info(0, stream)
        libc.fclose(stream)
        print(open(f.name).read().count("<heap nr="))
""")


def arenas_used(kind: str) -> int:
    out = subprocess.run([sys.executable, "-c", ARENAS, kind], capture_output=True, text=True,
                         timeout=120, check=True)
    return int(out.stdout.split()[-1])


def test_the_app_start_leaves_its_threads_two_arenas():
    """Eight threads allocating at once: with glibc's default they get arenas of their own; once
    start_qt has run, two serve them all (malloc_info counts the heaps)."""
    assert arenas_used("app") <= malloc.ARENAS
    assert arenas_used("bare") > malloc.ARENAS


LARGE = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.argv[1] == "app":
        from annviz.gui.common.qtapp import start_qt
        start_qt([])
    def rss():
        return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    first = bytearray(20 * 2**20)          # mapped apart by either rule …
    del first                              # … and freed: glibc's default now heaps blocks < 20 MB
    before = rss()
    kept = [bytearray(1000) for _ in range(10)]
    block = bytearray(8 * 2**20)           # a test set's inputs, say
    tail = bytearray(1000)                 # something small made after it, still alive
    del block
    print((rss() - before) // 2**20)
""")


def test_after_the_app_start_a_freed_large_block_goes_back_to_the_system():
    kept = {}
    for kind in ("bare", "app"):
        out = subprocess.run([sys.executable, "-c", LARGE, kind], capture_output=True, text=True,
                             timeout=120, check=True)
        kept[kind] = int(out.stdout.split()[-1])
    assert kept["app"] < 2 <= kept["bare"], kept       # MB still resident after the free
