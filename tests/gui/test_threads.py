"""The thread helper every background thread goes through (annviz/gui/threads.py)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annviz.gui.common.evaluator import Evaluator
from annviz.gui.threads import Worker, WorkerThread, unfinished_threads
from annviz.nn.network import Network


class Counter(Worker):
    """Counts up, one number per turn, until stopped or ``limit`` is reached."""

    counted = Signal(int)

    def __init__(self, limit: int = 10**9, paused: bool = False, gate: threading.Event | None = None):
        super().__init__(paused)
        self.limit, self.gate = limit, gate
        self.threads_that_ran: set[int] = set()

    def work(self) -> int:
        n = 0
        while n < self.limit and self.control.wait_for_turn():
            self.threads_that_ran.add(threading.get_ident())
            if self.gate is not None:
                self.gate.wait()           # a worker that does not look at its stop flag meanwhile
            n += 1
            self.send(Counter.counted, n)
            time.sleep(0.0005)      # a real worker sends a few hundred updates a second at most
        return n


def record(worker: Worker) -> dict[str, list]:
    got = {"counted": [], "finished": [], "failed": [], "paused": [], "resumed": [], "thread": []}
    gui = QCoreApplication.instance().thread()
    for name in ("counted", "finished", "failed")[0 if isinstance(worker, Counter) else 1:]:
        # A lambda has no thread of its own: Qt would call it in the emitting thread. The helper
        # emits in the GUI thread, so every call lands here.
        getattr(worker, name).connect(
            lambda *args, name=name: (got[name].append(args[0] if args else None),
                                      got["thread"].append(QThread.currentThread() is gui)))
    worker.paused.connect(lambda: got["paused"].append(len(got["counted"])))
    worker.resumed.connect(lambda: got["resumed"].append(len(got["counted"])))
    return got


def test_what_the_worker_sends_arrives_in_order_in_the_gui_thread(qtbot):
    worker = Counter(limit=500)
    got = record(worker)
    thread = WorkerThread("counter")
    ended = []
    thread.ended.connect(ended.append)
    thread.start(worker)
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert got["counted"] == list(range(1, 501)) and got["finished"] == [500]
    assert all(got["thread"]) and threading.get_ident() not in worker.threads_that_ran
    assert ended == [worker] and not thread.is_running() and unfinished_threads() == []


def test_send_takes_a_signal_its_class_declares_never_an_instance_or_a_name(qtbot):
    worker = Counter(limit=1)
    got = record(worker)
    worker.send(Counter.counted, 7)            # from the GUI thread: emitted at once
    worker.send(Worker.finished, "done")       # a signal of the base class
    assert got["counted"] == [7] and got["finished"] == ["done"]
    for wrong in (worker.counted, "counted", Signal(int)):
        with pytest.raises(TypeError):
            worker.send(wrong, 8)
    assert got["counted"] == [7]


def test_paused_and_resumed_are_reported_when_the_loop_waits_and_goes_on(qtbot):
    worker = Counter()
    got = record(worker)
    thread = WorkerThread("counter")
    thread.start(worker)
    try:
        qtbot.waitUntil(lambda: len(got["counted"]) > 10, timeout=5000)
        worker.control.pause()
        qtbot.waitUntil(lambda: bool(got["paused"]), timeout=2000)
        qtbot.wait(100)
        stopped_at = len(got["counted"])
        assert got["paused"] == [stopped_at]           # nothing counted after "paused"
        worker.control.step()
        worker.control.step()
        qtbot.waitUntil(lambda: len(got["counted"]) == stopped_at + 2, timeout=2000)
        qtbot.wait(100)
        assert len(got["counted"]) == stopped_at + 2 and not got["resumed"]   # steps stay paused
        worker.control.resume()
        qtbot.waitUntil(lambda: len(got["counted"]) > stopped_at + 10, timeout=2000)
        assert got["resumed"] == [stopped_at + 2]
    finally:
        assert thread.stop()


def test_stop_returns_once_the_thread_ended_with_everything_delivered(qtbot):
    worker = Counter()
    got = record(worker)
    thread = WorkerThread("counter")
    ended = []
    thread.ended.connect(ended.append)
    thread.start(worker)
    qtbot.waitUntil(lambda: len(got["counted"]) > 10, timeout=5000)
    assert thread.stop(2000)
    # Delivered before stop() returned, without the event loop running again:
    assert got["finished"] == [len(got["counted"])] and ended == [worker]
    assert not thread.is_running() and thread.stop()       # safe to repeat


def test_a_worker_that_ignores_stop_is_reported_not_waited_for_forever(qtbot):
    gate = threading.Event()
    worker = Counter(gate=gate)
    got = record(worker)
    thread = WorkerThread("stubborn")
    thread.start(worker)
    qtbot.wait(100)
    assert not thread.stop(300)
    assert got["failed"] == ["the stubborn thread did not stop within 0.3 s"]
    assert "stubborn" in unfinished_threads() and not thread.is_running()
    gate.set()                                            # it lets go; the thread ends by itself
    qtbot.waitUntil(lambda: "stubborn" not in unfinished_threads(), timeout=2000)


def test_an_exception_in_the_work_becomes_one_message_and_ends_the_thread(qtbot):
    class Broken(Worker):
        def work(self):
            raise ValueError("no data here")

    worker = Broken()
    got = record(worker)
    thread = WorkerThread("broken")
    thread.start(worker)
    qtbot.waitUntil(lambda: not thread.is_running(), timeout=2000)
    assert got["failed"] == ["ValueError: no data here"] and not got["finished"]


def test_an_exception_reaches_the_gui_thread_as_itself_with_its_traceback_before_the_message(qtbot):
    class Broken(Worker):
        def work(self):
            self.warn("only 3 images of a 7")   # said, and the work goes on
            return self.deeper()

        def deeper(self):
            raise ValueError("no data here")

    worker = Broken()
    gui, seen = QCoreApplication.instance().thread(), []
    worker.warned.connect(lambda text: seen.append(("warned", text, QThread.currentThread() is gui)))
    worker.errored.connect(lambda error, text: seen.append(("errored", error, text, QThread.currentThread() is gui)))
    worker.failed.connect(lambda text: seen.append(("failed", text)))
    thread = WorkerThread("broken")
    thread.start(worker)
    qtbot.waitUntil(lambda: not thread.is_running(), timeout=2000)
    assert [s[0] for s in seen] == ["warned", "errored", "failed"]
    assert seen[0][1:] == ("only 3 images of a 7", True)
    _, error, text, in_gui = seen[1]
    assert type(error) is ValueError and str(error) == "no data here" and in_gui
    assert text.startswith("Traceback") and "in deeper" in text and text.rstrip().endswith("ValueError: no data here")
    assert seen[2] == ("failed", "ValueError: no data here")


def test_the_worker_object_is_destroyed_in_the_gui_thread(qtbot):
    destroyed_in = []
    worker = Counter(limit=50)
    worker.destroyed.connect(lambda: destroyed_in.append(threading.get_ident()))
    thread = WorkerThread("counter")
    thread.start(worker)
    del worker
    qtbot.waitUntil(lambda: not thread.is_running(), timeout=5000)
    gc.collect()
    assert destroyed_in == [threading.get_ident()]


def test_a_newer_evaluation_wins_and_a_failure_reaches_the_page(qtbot):
    evaluator = Evaluator()
    results, failures = [], []
    evaluator.finished.connect(results.append)
    evaluator.failed.connect(failures.append)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (30_000, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, 30_000)
    small = Network([784, 10], ["softmax"], seed=1)
    large = Network([784, 32, 10], ["relu", "softmax"], seed=2)
    evaluator.evaluate(large, (images, labels))
    evaluator.evaluate(small, (images[:500], labels[:500]))     # replaces the first at once
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    qtbot.wait(200)
    assert len(results) == 1 and len(results[0].labels) == 500
    evaluator.evaluate(small, "no-such-dataset")
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "no-such-dataset" in failures[0]
    assert evaluator.shutdown() and unfinished_threads() == []



class Allocator(Worker):
    """Makes and drops small Python objects until stopped, as a training step does."""

    def work(self) -> int:
        rounds = 0
        while self.control.wait_for_turn():
            junk = [[i] for i in range(2000)]
            del junk
            rounds += 1
        return rounds


class Cyclic(QWidget):
    """A widget that only a reference cycle holds once dropped; it notes the thread that frees it."""

    freed_in: list[str] = []

    def __init__(self):
        super().__init__()
        QVBoxLayout(self).addWidget(QLabel("a child"))
        self.me = self

    def __del__(self):
        Cyclic.freed_in.append(threading.current_thread().name)


def test_a_widget_held_only_by_a_cycle_is_freed_in_the_gui_thread_while_a_worker_allocates(qtbot):
    """Once, the cyclic collector freed such widgets in whichever thread allocated: a training
    worker, beside the GUI thread reading Qt's widget list (a crash of PySide6 in the suite)."""
    Cyclic.freed_in = []
    thread = WorkerThread("allocator")
    thread.start(Allocator())
    try:
        for _ in range(200):
            Cyclic()
            qtbot.wait(1)
        qtbot.waitUntil(lambda: len(Cyclic.freed_in) == 200, timeout=10_000)
    finally:
        assert thread.stop(5000)
    assert Cyclic.freed_in == ["MainThread"] * 200


def test_the_app_start_turns_automatic_collection_over_to_the_gui_thread():
    """``start_qt`` (every window's start) installs the collector: the process it runs in has no
    automatic collection left, and cycles are collected on the GUI thread's timer."""
    code = textwrap.dedent("""
        import gc
        from PySide6.QtCore import QTimer
        from annviz.gui.common.qtapp import start_qt

        class Node:
            pass

        app = start_qt([])
        for _ in range(5000):
            node = Node()
            node.me = node
        del node
        QTimer.singleShot(1000, app.quit)
        app.exec()
        print(gc.isenabled(), gc.get_count()[0] < 5000)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_an_old_cycle_is_freed_within_seconds_while_the_app_allocates(qtbot):
    """A window closed after a long life sits in the oldest generation: under the allocations of a
    busy app the collector reaches it as automatic collection would — in seconds, not after one
    young collection a tick had added up to a full one (half a minute: 2.4 GB in 200 run ends)."""
    freed = []

    class Old:
        def __del__(self):
            freed.append(True)

    class Node:
        pass

    old = Old()
    old.me = old
    gc.collect()                      # it survives: now in the oldest generation
    del old
    deadline = time.monotonic() + 15
    while not freed and time.monotonic() < deadline:
        for _ in range(2_000):            # a busy app: thousands of new objects a tick, some cycles
            node = Node()
            node.me = node
        del node
        qtbot.wait(20)
    assert freed
