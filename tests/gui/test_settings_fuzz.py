"""The settings file, fuzzed: whatever the user's settings file holds, the window opens.

The settings (an INI file Qt reads) are a file kind like the others (issue 19): the seed is the
file a real session writes — the language, the zoom, the window's geometry and dock layout, a
remembered model and lesson, the lessons drawer — and each case mutates it, at the byte level
(tests/fuzzing.py's mutations) or a value at a time (a number past any range, a negative or
non-finite one, a very long text, bytes that are not UTF-8, a garbage ``@ByteArray`` or
``@Variant``, a path to a folder, a FIFO or ``/dev/zero``). The window must open and close
within a time bound; a message may say what was forgotten. ``ANNVIZ_FUZZ_EXAMPLES`` raises the
number of cases (``tests/benchmarks/bench_fuzz.py`` runs the deep profile of the file kinds;
this test takes the same variable when run alone with it).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from fuzzing import byte_mutation
from test_startup import run_main

EXAMPLES = max(4, int(os.environ.get("ANNVIZ_FUZZ_EXAMPLES", "100")) // 8)   # a case opens a window
SLOWER_HERE = float(os.environ.get("ANNVIZ_FUZZ_SLACK", "4"))
MAX_SECONDS = 15.0                  # to open the window and close it again, on a quiet machine
#: Set in the process of its own the cases run in (see the first test).
CHILD = "ANNVIZ_SETTINGS_FUZZ_CHILD"


@pytest.mark.skipif(os.environ.get(CHILD) == "1", reason="this is the process of its own")
def test_the_settings_fuzz_runs_in_a_process_of_its_own(tmp_path):
    """Each case is a start-up of the app, so the cases run in a process of their own, as a
    start-up does: not among the dozens of windows earlier tests of this run closed (walking the
    application's top-level widgets while those are being deleted has crashed PySide6 6.11)."""
    env = {**os.environ, CHILD: "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "pytest", str(Path(__file__)), "-q", "-p", "no:cacheprovider",
                             "-n", "0", "-k", "test_any_settings_file_opens_the_window", "--basetemp", str(tmp_path / "child")],
                            cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout, result.stdout[-2000:]


def seed_settings(path, monkeypatch, special) -> bytes:
    """The settings file a session writes: Korean, zoomed, a model and a lesson remembered."""
    store = QSettings(str(path), QSettings.Format.IniFormat)
    store.setValue("language", "ko")

    def use(window):
        window.set_zoom(1.25)
        window.lessons.open_lesson("perceptron")
        window.open_bundled("mnist-best")

    assert run_main(monkeypatch, store, use) == 0
    store.sync()
    text = path.read_bytes()
    for key in (b"lessons/open_path", b"model/path"):       # remembered paths, if the keys exist
        assert b"[" in text or key
    return text + f"\n[fuzz]\nfolder={special['folder']}\nfifo={special['fifo']}\n".encode()


def strange_values(special) -> st.SearchStrategy[bytes]:
    return st.sampled_from([
        b"9" * 400, b"-1", b"-2147483649", b"1e308", b"nan", b"inf", b"-0", b"", b"\"\"",
        b"x" * 100_000, b"\xff\xfe\xc3\x28", b"@ByteArray(\\0\\0\\0\\xff\\xff\\xff\\xff garbage)",
        b"@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10QStringList\\0\\xff\\xff\\xff\\xff)",
        b"@Variant(\\0\\0\\0\\n\\0\\0\\0\\0\\x7f\\xff\\xff\\xff)", b"@Rect(0 0 -99999 99999999)",
        b"@Size(-1 -1)", b"@Point(2147483647 2147483647)", b"true", b"[]", b"{}",
        special["folder"].encode(), special["fifo"].encode(), b"/dev/zero", b"../../../../etc/passwd",
    ])


@st.composite
def value_mutation(draw, text: bytes, special):
    """One to three ``key=value`` lines of the file given a strange value."""
    lines = text.split(b"\n")
    keyed = [i for i, line in enumerate(lines) if b"=" in line]
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.sampled_from(keyed))
        key = lines[i].split(b"=", 1)[0]
        lines[i] = key + b"=" + draw(strange_values(special))
    return b"\n".join(lines)


@pytest.fixture(scope="module")
def special(tmp_path_factory):
    where = tmp_path_factory.mktemp("settings-special")
    (where / "a-folder").mkdir()
    os.mkfifo(where / "fifo")
    return {"folder": str(where / "a-folder"), "fifo": str(where / "fifo")}


@pytest.mark.skipif(os.environ.get(CHILD) != "1", reason="runs in a process of its own (the test above)")
def test_any_settings_file_opens_the_window(tmp_path_factory, monkeypatch, special, rearm_watchdog):
    where = tmp_path_factory.mktemp("settings-fuzz")
    seed = seed_settings(where / "seed.ini", monkeypatch, special)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=os.environ.get("ANNVIZ_FUZZ_RANDOM") != "1",
              database=None, suppress_health_check=list(HealthCheck), print_blob=True,
              phases=[Phase.explicit, Phase.reuse, Phase.generate])
    @given(st.data())
    def case(data):
        rearm_watchdog()
        how = data.draw(st.sampled_from(["bytes", "values", "values"]), label="how")
        mutated = data.draw(byte_mutation(seed) if how == "bytes" else value_mutation(seed, special),
                            label="mutated")
        path = where / "case.ini"
        path.write_bytes(mutated)
        seen = {}
        start = time.perf_counter()
        code = run_main(monkeypatch, QSettings(str(path), QSettings.Format.IniFormat),
                        lambda window: seen.update(visible=window.isVisible(), sizes=window.state.network is not None))
        seconds = time.perf_counter() - start
        assert code == 0 and seen == {"visible": True, "sizes": True}, (code, seen)
        assert seconds < MAX_SECONDS * SLOWER_HERE, f"{seconds:.1f} s"

    case()
