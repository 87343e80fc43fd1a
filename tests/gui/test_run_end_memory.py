"""What a run end lets go of is freed at once; what only a cycle holds goes at the collector's
next tick, even in a quiet app.

200 run ends of every kind (tests/benchmarks/bench_run_ends.py) once peaked 210 MB above the
resident memory after the first 10: each run end left its trainer and its data (5–60 MB) in
reference cycles — the worker with its control, the trainer with its doctor — and each closed
window its pages and runs, all waiting for a full collection that the collector, counting
objects and not bytes, made only every few run ends.
"""

from __future__ import annotations

import contextlib
import gc
import os
import subprocess
import sys
import textwrap
import time
import weakref

import numpy as np

from annviz.gui.state import AppState
from annviz.gui.threads import Worker, WorkerThread
from annviz.gui.training.controller import TrainingController
from annviz.nn.config import TrainConfig

TINY = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=32,
                   epochs=1, n_train=600)


@contextlib.contextmanager
def no_collection():
    """Only reference counting frees anything meanwhile (the app's collector is a timer: no event
    loop runs in here; automatic collection, were it on, is off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class Holder(Worker):
    """Holds a large array, as a training worker holds its trainer's data; waits to be stopped."""

    def __init__(self):
        super().__init__()
        self.data = np.ones(2**20)

    def work(self) -> None:
        while self.control.wait_for_turn():
            time.sleep(0.001)


def test_a_worker_and_what_it_holds_are_freed_when_its_thread_ends(qtbot):
    thread = WorkerThread("holder")
    with no_collection():
        worker = Holder()
        alive, data = weakref.ref(worker), weakref.ref(worker.data)
        thread.start(worker)
        del worker
        qtbot.waitUntil(lambda: alive() is not None and thread.is_running(), timeout=2000)
        assert thread.stop(5000)
        # Wrong: kept by a cycle (its control's callbacks once held it) until a collection.
        assert alive() is None and data() is None


def test_a_discarded_run_and_a_replaced_one_free_their_trainer_and_data_at_once(qtbot):
    controller = TrainingController(AppState())
    controller.start(TINY)
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=10_000)
    with no_collection():
        trainer = controller.trainer
        assert trainer.observer is not None            # a run the doctor watched
        kept = weakref.ref(trainer), weakref.ref(trainer.train_x)
        del trainer
        controller.discard()
        # Wrong: the trainer and its doctor holding each other, with the data, till a collection.
        assert [ref() for ref in kept] == [None, None]

    controller.start(TINY)
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=10_000)
    controller.use()
    with no_collection():
        kept = weakref.ref(controller.trainer), weakref.ref(controller.trainer.train_x)
        controller.start(TINY)                          # the next run lets go of the last one
        assert [ref() for ref in kept] == [None, None]
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=10_000)
    assert controller.trainer.history.status == "finished"   # and it trained with its doctor
    assert controller.trainer.observer is not None
    assert controller.shutdown()


def run_app(code: str) -> list[list[str]]:
    """``code`` after ``start_qt`` in a fresh process (its collector, a small heap); the words of
    each line it printed."""
    head = textwrap.dedent("""
        import gc, time
        from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer
        from annviz.gui.common import collector
        from annviz.gui.common.qtapp import start_qt

        app = start_qt([])

        def pump(ms):
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)

        def until(done, seconds):
            start = time.monotonic()
            while not done() and time.monotonic() - start < seconds:
                pump(20)
            return round(time.monotonic() - start, 2)
    """)
    out = subprocess.run([sys.executable, "-c", head + textwrap.dedent(code)], capture_output=True,
                         text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    return [line.split() for line in out.stdout.splitlines()]


def test_an_old_cycle_let_go_of_is_collected_at_the_next_tick_of_a_quiet_app():
    """``collect_soon`` (a thread's end, a closed window): the next tick collects everything, in a
    quiet app too. What holds the next full collection back is 20 × what one costs the GUI thread:
    not the time it waited for the processor (a busy machine), and not what it spent freeing what
    it found (a closed window's widgets) — either would have held the next one back 20 s here."""
    lines = run_app("""
        freed = []

        class Cycle:
            def __init__(self, name, wait=0.0, work=0.0):
                self.me, self.name, self.wait, self.work = self, name, wait, work

            def __del__(self):
                time.sleep(self.wait)                   # the thread waits, as for the processor
                start = time.thread_time()
                while time.thread_time() - start < self.work:
                    pass                                # ... or works, as to free many widgets
                freed.append(self.name)

        def let_go(name, **slow):
            cycle = Cycle(name, **slow)
            gc.collect()                # it survives: the oldest generation, as a window's pages
            del cycle
            collector.collect_soon()

        pump(300)                       # quiet: not enough new objects for a full collection
        let_go("waited", wait=1.0)
        print(until(lambda: len(freed) == 1, 12.0), *freed)
        let_go("worked", work=1.0)
        print(until(lambda: len(freed) == 2, 12.0), *freed)
        let_go("next")
        print(until(lambda: len(freed) == 3, 12.0), *freed)
    """)
    (first, *one), (second, *two), (third, *three) = lines
    # Wrong: never collected in a quiet app (no request); 20 × 1 s later (the time waited, or the
    # time spent freeing, taken for the cost).
    assert one == ["waited"] and float(first) < 12, lines
    assert two == ["waited", "worked"] and float(second) < 12, lines
    assert three == ["waited", "worked", "next"] and float(third) < 12, lines


def test_a_closed_main_window_is_freed_at_the_next_ticks_of_a_quiet_app(tmp_path):
    settings = tmp_path / "settings.ini"
    lines = run_app(f"""
        import weakref
        from PySide6.QtCore import QSettings
        from annviz.gui.app import install_areas
        from annviz.gui.main_window import MainWindow
        from annviz.gui.state import AppState

        state = AppState()
        window = MainWindow(state, QSettings({str(settings)!r}, QSettings.Format.IniFormat))
        window.load_initial_model()
        assert not install_areas(window, state)
        window.show()
        until(lambda: False, 1.0)       # what the start made is collected; the app is quiet
        closed = weakref.ref(window)
        window.close()
        window.deleteLater()
        del window
        print(until(lambda: closed() is None, 15.0), closed() is None)
    """)
    [(seconds, freed)] = lines
    # Wrong: still held by its cycles, waiting for enough new objects to start a full collection.
    assert freed == "True" and float(seconds) < 15, lines
