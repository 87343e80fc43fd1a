"""What keeps training from starving the GUI and the GUI from starving training: one BLAS thread,
the worker's holds, the pacer's stepwise updates and the pad's priority."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from threadpoolctl import threadpool_info

from annviz.gui.threads import WorkerThread
from annviz.gui.training import worker as worker_module
from annviz.gui.training.input_priority import InputPriority
from annviz.gui.training.pacer import Pacer
from annviz.gui.training.worker import TrainingWorker
from test_training_worker import TINY, collect, make_trainer


def test_the_worker_trains_with_one_blas_thread_and_gives_the_limit_back():
    def blas_threads() -> list[int]:
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    if not before:
        pytest.skip("NumPy uses no BLAS library threadpoolctl knows")
    seen = []
    worker = TrainingWorker(lambda: (seen.append(blas_threads()), make_trainer())[1])
    got = collect(worker)
    worker.run()
    assert seen == [[1] * len(before)] and got["finished"]
    assert blas_threads() == before


def run_in_a_thread(worker: TrainingWorker) -> WorkerThread:
    """``run`` in the app's own worker thread: its signals come here queued, so wait with qtbot."""
    thread = WorkerThread("test")
    thread.start(worker)
    return thread


def test_a_held_worker_waits_until_every_reason_is_gone(qtbot):
    worker = TrainingWorker(make_trainer)
    got = collect(worker)
    worker.control.hold("input", True)
    worker.control.hold("update", True)
    thread = run_in_a_thread(worker)
    try:
        qtbot.wait(500)
        assert not got["progress"] and thread.is_running()
        worker.control.hold("input", False)
        qtbot.wait(300)
        assert not got["progress"] and thread.is_running() and worker.control.held
        worker.control.hold("update", False)
        qtbot.waitUntil(lambda: bool(got["finished"]), timeout=10_000)
        assert got["finished"][0].history.status == "finished"
        assert not got["paused"]           # a hold is not a pause
    finally:
        assert thread.stop(5000)


def test_a_pause_that_comes_while_held_still_shows_where_it_paused(qtbot, monkeypatch):
    monkeypatch.setattr(worker_module, "MAX_UPDATES_PER_S", 1e-3)   # only the first batch is shown
    trainers = []                   # the trainer the worker drives, to read its own batch count

    def make_and_keep():
        trainers.append(make_trainer(TINY.replace(n_train=20_000, batch_size=1, epochs=5)))
        return trainers[-1]

    worker = TrainingWorker(make_and_keep)
    got = collect(worker)
    thread = run_in_a_thread(worker)
    try:
        qtbot.waitUntil(lambda: bool(got["progress"]), timeout=10_000)
        worker.control.hold("update", True)
        qtbot.wait(100)                 # it trains on until the hold, unreported
        worker.control.pause()
        worker.control.hold("update", False)
        qtbot.waitUntil(lambda: bool(got["paused"]), timeout=2000)
        trained = trainers[0].history.batches
        assert got["progress"][-1].step == trained > 1
    finally:
        assert thread.stop(5000)


def test_the_pacer_runs_each_step_in_its_own_pass_and_holds_meanwhile(qtbot):
    events = []

    def first():
        events.append("first")
        QTimer.singleShot(0, lambda: events.append("repaint of first"))

    pacer = Pacer((first, lambda: events.append("second")), busy=lambda on: events.append(on))
    pacer.request()
    qtbot.waitUntil(lambda: False in events, timeout=1000)
    assert events == [True, "first", "repaint of first", "second", False]
    assert pacer.last_cost > 0


def test_what_comes_during_an_update_gets_an_update_of_its_own(qtbot):
    runs = []
    pacer = Pacer((lambda: runs.append(1), lambda: pacer.request()), min_interval=0.0)
    pacer.request()
    qtbot.waitUntil(lambda: len(runs) >= 3, timeout=2000)


def test_flush_runs_every_step_at_once(qtbot):
    events = []
    pacer = Pacer((lambda: events.append(1), lambda: events.append(2)), busy=events.append)
    pacer.request()
    pacer.flush()
    assert events == [True, 1, 2, False]
    qtbot.wait(50)
    assert events == [True, 1, 2, False]    # the request was part of the flush


def test_a_press_on_a_watched_widget_holds_at_once(qtbot):
    holds = []
    priority = InputPriority(holds.append)
    widget = QWidget()
    qtbot.addWidget(widget)
    priority.watch(widget)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton)
    assert holds == []                       # no run: nothing to hold
    priority.start()
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    assert holds == [True]                   # before any polling
    priority.stop()
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton)   # the app's button state is global


@pytest.mark.parametrize("interval, most", [(0.0, None), (3600.0, 2)])
def test_the_worker_sends_updates_no_faster_than_the_gui_asks(monkeypatch, interval, most):
    monkeypatch.setattr(worker_module, "MAX_UPDATES_PER_S", 1e6)
    worker = TrainingWorker(make_trainer)
    got = collect(worker)
    worker.snapshot.connect(lambda *_: worker.update_shown())   # as the controller does
    worker.set_update_interval(interval)
    worker.run()
    n_batches = got["finished"][0].history.batches
    if most is None:
        assert len(got["progress"]) > n_batches / 2
    else:
        assert len(got["progress"]) <= most     # the first batch and the final update
    assert sum(len(p.new_losses) for p in got["progress"]) == n_batches


def test_an_update_waits_until_the_hand_has_rested_a_moment(qtbot, monkeypatch):
    from annviz.gui.training import pacer as pacer_module

    monkeypatch.setattr(pacer_module, "QUIET_S", 0.3)
    runs = []
    pacer = Pacer((lambda: runs.append(time.perf_counter()),))
    pacer.note_release()
    released = time.perf_counter()
    pacer.request()
    qtbot.waitUntil(lambda: bool(runs), timeout=2000)
    assert runs[0] - released >= 0.29
