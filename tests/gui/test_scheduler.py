"""The one scheduler that paces training against the views (scheduler.py): a test of each rule,
and of what keeps training and the GUI from starving each other (one BLAS thread, holds)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from threadpoolctl import threadpool_info

from annviz.gui.threads import Control, WorkerThread
from annviz.gui.training import scheduler as scheduler_module
from annviz.gui.training.scheduler import (
    MAX_FRAMES_PER_S,
    MIN_PROGRESS_PER_S,
    PROGRESS_SHARE,
    WEIGHTS_SHARE,
    WEIGHTS_SHARE_APART,
    Frame,
    Pace,
    Scheduler,
    frame_interval,
)
from annviz.gui.training.worker import TrainingWorker
from annviz.run import pacing
from test_training_worker import TINY, collect, make_trainer


class Holds(Control):
    """A worker's control that remembers every hold it was given, in order."""

    def __init__(self):
        super().__init__()
        self.log: list[tuple[str, bool]] = []

    def hold(self, reason: str, on: bool) -> None:
        self.log.append((reason, on))
        super().hold(reason, on)


def scheduler_of(events: list, parent=None) -> Scheduler:
    return Scheduler({Frame.PROGRESS: lambda: events.append("progress"),
                      Frame.WEIGHTS: lambda: events.append("weights")}, parent)


# --- rule 1: the frame budget ------------------------------------------------------------------

def test_weights_take_at_most_their_share_and_progress_moves_ten_times_a_second():
    assert frame_interval(Frame.WEIGHTS, 0.028) == pytest.approx(0.028 / WEIGHTS_SHARE)   # 0.7 s
    assert frame_interval(Frame.WEIGHTS, 0.0) == pytest.approx(1 / MAX_FRAMES_PER_S)       # not faster
    assert frame_interval(Frame.PROGRESS, 0.001) == pytest.approx(0.001 / PROGRESS_SHARE)
    assert frame_interval(Frame.PROGRESS, 0.05) == pytest.approx(1 / MIN_PROGRESS_PER_S)   # the curves move
    assert frame_interval(Frame.PROGRESS, 0.0) == pytest.approx(1 / MAX_FRAMES_PER_S)
    # the wrong answers: the weights held to the progress' floor, or the progress to the weights' share
    assert frame_interval(Frame.WEIGHTS, 0.05) > 1 / MIN_PROGRESS_PER_S
    assert frame_interval(Frame.PROGRESS, 0.05) < 0.05 / WEIGHTS_SHARE


def test_a_run_in_the_training_process_gets_its_weights_shown_more_often():
    """It does not wait while they are shown: the views of the network may take more of the
    GUI's time (a 25-ms frame: 8 a second, not 1.6)."""
    assert frame_interval(Frame.WEIGHTS, 0.025, apart=True) == pytest.approx(0.025 / WEIGHTS_SHARE_APART)
    assert WEIGHTS_SHARE < WEIGHTS_SHARE_APART <= 0.25     # the other core's time stays the GUI's
    assert frame_interval(Frame.PROGRESS, 0.001, apart=True) == frame_interval(Frame.PROGRESS, 0.001)
    scheduler = Scheduler({Frame.PROGRESS: lambda: None, Frame.WEIGHTS: lambda: None})
    scheduler.cost[Frame.WEIGHTS] = 0.025
    scheduler.begin_run(Holds(), Pace(), shares_interpreter=False)
    assert scheduler.interval(Frame.WEIGHTS) == pytest.approx(0.025 / WEIGHTS_SHARE_APART)
    scheduler.end_run()
    scheduler.begin_run(Holds(), Pace())
    assert scheduler.interval(Frame.WEIGHTS) == pytest.approx(0.025 / WEIGHTS_SHARE)
    scheduler.end_run()


def test_a_frame_costs_what_it_took_with_its_repaints(qtbot):
    events = []

    def weights():
        events.append("weights")
        QTimer.singleShot(0, lambda: (time.sleep(0.03), events.append("repaint")))

    scheduler = Scheduler({Frame.PROGRESS: lambda: None, Frame.WEIGHTS: weights})
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: scheduler.cost[Frame.WEIGHTS] > 0, timeout=1000)
    assert events == ["weights", "repaint"]
    assert scheduler.cost[Frame.WEIGHTS] >= 0.03          # the repaint counted
    assert scheduler.interval(Frame.WEIGHTS) >= 0.03 / WEIGHTS_SHARE


def test_a_kinds_cost_is_the_least_of_its_last_frames_and_a_runs_first_is_not_counted(qtbot, monkeypatch):
    monkeypatch.setattr(scheduler_module, "WEIGHTS_SHARE", 1.0)   # the next frame after its cost
    took = []

    def weights():
        time.sleep(took.pop(0))

    scheduler = Scheduler({Frame.PROGRESS: lambda: None, Frame.WEIGHTS: weights})
    scheduler.begin_run(Control(), Pace(), shares_interpreter=False)

    def frame(seconds: float) -> float:
        took.append(seconds)
        scheduler.request(Frame.WEIGHTS)
        qtbot.waitUntil(lambda: not took, timeout=2000)
        qtbot.wait(30)                      # the next pass: the frame ends, measured
        return scheduler.cost[Frame.WEIGHTS]

    assert frame(0.2) == 0                  # the run's first: what its start brought, not counted
    assert 0.03 <= frame(0.03) < 0.1
    assert 0.03 <= frame(0.12) < 0.1        # one slow frame (work of others in its pass): not it
    assert 0.01 <= frame(0.01) < 0.03       # cheaper: at once
    frame(0.09)
    frame(0.09)
    assert frame(0.09) >= 0.09              # slower for good: after three
    scheduler.end_run()


def test_the_next_frame_of_a_kind_waits_for_its_interval(qtbot, monkeypatch):
    monkeypatch.setattr(scheduler_module, "WEIGHTS_SHARE", 0.1)
    times = []

    def weights():
        times.append(time.perf_counter())
        time.sleep(0.02)                                   # 20 ms: every 0.2 s at a 10 % share

    scheduler = Scheduler({Frame.PROGRESS: lambda: None, Frame.WEIGHTS: weights})
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: len(times) == 1, timeout=1000)
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: len(times) == 2, timeout=2000)
    assert times[1] - times[0] >= 0.19


def test_the_progress_does_not_wait_behind_the_weights_long_interval(qtbot, monkeypatch):
    monkeypatch.setattr(scheduler_module, "WEIGHTS_SHARE", 0.01)
    shown = {"progress": [], "weights": []}

    def weights():
        shown["weights"].append(time.perf_counter())
        time.sleep(0.03)                                   # 30 ms: every 3 s at a 1 % share

    scheduler = Scheduler({Frame.PROGRESS: lambda: shown["progress"].append(time.perf_counter()),
                           Frame.WEIGHTS: weights})
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: bool(shown["weights"]), timeout=1000)
    qtbot.wait(50)
    scheduler.request(Frame.WEIGHTS)                       # new weights: due in ~3 s
    for _ in range(5):                                     # the progress, ten times a second
        scheduler.request(Frame.PROGRESS)
        qtbot.wait(120)
    assert len(shown["progress"]) >= 4 and len(shown["weights"]) == 1


# --- rule 2: one frame per pass of the event loop ----------------------------------------------

def test_each_frame_runs_in_its_own_pass(qtbot):
    events = []

    def progress():
        events.append("progress")
        QTimer.singleShot(0, lambda: events.append("repaint of progress"))

    scheduler = Scheduler({Frame.PROGRESS: progress, Frame.WEIGHTS: lambda: events.append("weights")})
    scheduler.request(Frame.PROGRESS)
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: "weights" in events, timeout=1000)
    assert events == ["progress", "repaint of progress", "weights"]


def test_what_comes_during_a_frame_gets_a_frame_of_its_own(qtbot, monkeypatch):
    monkeypatch.setattr(scheduler_module, "MAX_FRAMES_PER_S", 1000)
    runs = []
    scheduler = Scheduler({Frame.PROGRESS: lambda: (runs.append(1), scheduler.request(Frame.PROGRESS)),
                           Frame.WEIGHTS: lambda: None})
    scheduler.request(Frame.PROGRESS)
    qtbot.waitUntil(lambda: len(runs) >= 3, timeout=2000)


# --- rule 3: the worker holds while the weights are shown --------------------------------------

def test_the_worker_holds_during_a_weights_frame_and_not_during_a_progress_frame(qtbot):
    control, seen = Holds(), []
    scheduler = Scheduler({Frame.PROGRESS: lambda: seen.append(("progress", control.held)),
                           Frame.WEIGHTS: lambda: seen.append(("weights", control.held))})
    scheduler.begin_run(control, Pace())
    scheduler.request(Frame.PROGRESS)
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: ("update", False) in control.log, timeout=1000)
    assert seen == [("progress", False), ("weights", True)]
    assert control.log == [("update", True), ("update", False)] and not control.held
    scheduler.end_run()


def test_a_run_in_the_training_process_is_not_held_while_the_weights_are_shown(qtbot):
    control, seen = Holds(), []
    scheduler = Scheduler({Frame.PROGRESS: lambda: seen.append(("progress", control.held)),
                           Frame.WEIGHTS: lambda: seen.append(("weights", control.held))})
    scheduler.begin_run(control, Pace(), shares_interpreter=False)
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: bool(seen), timeout=1000)
    qtbot.wait(50)                                      # its repaints done, the frame ended
    assert seen == [("weights", False)] and control.log == []
    scheduler.end_run()
    scheduler.begin_run(control, Pace())                # the next run, in a thread: held again
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: ("update", False) in control.log, timeout=1000)
    assert seen[-1] == ("weights", True)
    scheduler.end_run()


def test_a_frame_cancelled_before_its_repaints_end_lets_the_worker_go(qtbot):
    control = Holds()
    scheduler = Scheduler({Frame.PROGRESS: lambda: None,
                           Frame.WEIGHTS: lambda: QTimer.singleShot(0, scheduler.cancel)})
    scheduler.begin_run(control, Pace())
    scheduler.request(Frame.WEIGHTS)
    qtbot.waitUntil(lambda: len(control.log) == 2, timeout=1000)
    assert control.log == [("update", True), ("update", False)] and not control.held
    assert scheduler.cost[Frame.WEIGHTS] == 0          # a cancelled frame is not measured
    scheduler.end_run()


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


# --- rule 4: the user's hand first --------------------------------------------------------------

@pytest.mark.parametrize("apart", [False, True])   # in the training process too: measured
def test_a_press_on_a_watched_widget_holds_at_once_and_only_during_a_run(qtbot, apart):
    control = Holds()
    scheduler = scheduler_of([])
    widget = QWidget()
    qtbot.addWidget(widget)
    scheduler.watch(widget)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton)
    assert control.log == []                    # no run: nothing to hold
    scheduler.begin_run(control, Pace(), shares_interpreter=not apart)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    assert control.log == [("input", True)]     # before any polling
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: control.log[-1] == ("input", False), timeout=1000)
    scheduler.end_run()


@pytest.mark.parametrize("apart", [False, True])
def test_no_frame_begins_until_the_hand_has_rested_a_moment(qtbot, monkeypatch, apart):
    monkeypatch.setattr(scheduler_module, "QUIET_S", 0.3)
    control, events = Holds(), []
    scheduler = scheduler_of(events)
    widget = QWidget()
    qtbot.addWidget(widget)
    scheduler.watch(widget)
    scheduler.begin_run(control, Pace(), shares_interpreter=not apart)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    scheduler.request(Frame.PROGRESS)
    qtbot.wait(200)
    assert events == []                          # the button is down: no frame
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton)
    released = time.perf_counter()
    qtbot.waitUntil(lambda: bool(events), timeout=2000)
    assert time.perf_counter() - released >= 0.29
    scheduler.end_run()


# --- rule 5: the worker sends no faster than the views show -------------------------------------

@pytest.mark.parametrize("interval, most", [(0.0, None), (3600.0, 2)])
def test_the_worker_sends_no_faster_than_its_pace(interval, most):
    pace = Pace()
    pace.set_intervals(interval, interval)
    worker = TrainingWorker(make_trainer, pace=pace)
    got = collect(worker)
    worker.snapshot.connect(lambda *_: pace.taken())   # as the controller does
    worker.run()
    n_batches = got["finished"][0].history.batches
    if most is None:
        assert len(got["progress"]) > n_batches / 2 and len(got["snapshot"]) > n_batches / 2
    else:
        assert len(got["progress"]) <= most and len(got["snapshot"]) <= most  # the first, the final
    assert sum(len(p.new_losses) for p in got["progress"]) == n_batches


def test_new_weights_wait_until_the_last_were_taken_but_the_progress_does_not():
    pace = Pace()
    pace.set_intervals(0.0, 0.0)
    worker = TrainingWorker(make_trainer, pace=pace)
    got = collect(worker)                      # nothing says "taken"
    worker.run()
    n_batches = got["finished"][0].history.batches
    assert len(got["snapshot"]) == 2           # the first batch's and the final one
    assert len(got["progress"]) > n_batches / 2


def test_progress_and_weights_keep_their_own_intervals():
    pace = Pace()
    pace.set_intervals(0.0, 3600.0)
    pace.sent(progress=True, weights=True)
    pace.taken()
    assert pace.due() == (True, False)
    pace.set_intervals(3600.0, 0.0)
    assert pace.due() == (False, True)
    assert pace.due(every_batch=True) == (True, True)   # paused, stepped by hand


def test_a_pause_that_comes_while_held_still_shows_where_it_paused(qtbot):
    trainers = []                   # the trainer the worker drives, to read its own batch count

    def make_and_keep():
        trainers.append(make_trainer(TINY.replace(n_train=20_000, batch_size=1, epochs=5)))
        return trainers[-1]

    pace = Pace()
    pace.set_intervals(1e3, 1e3)    # only the first batch is shown
    worker = TrainingWorker(make_and_keep, pace=pace)
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
        assert len(got["snapshot"]) == 2            # the weights where it paused, too
    finally:
        assert thread.stop(5000)


# --- rule 6: slow motion -----------------------------------------------------------------------

def test_slow_motion_shows_every_batch_while_that_takes_at_most_half_the_time():
    assert frame_interval(Frame.WEIGHTS, 0.028, slow_interval=0.2) == pytest.approx(0.2)
    assert frame_interval(Frame.WEIGHTS, 0.15, slow_interval=0.2) == pytest.approx(0.3)
    assert frame_interval(Frame.WEIGHTS, 0.15) == pytest.approx(0.15 / WEIGHTS_SHARE)
    assert frame_interval(Frame.WEIGHTS, 0.001, slow_interval=0.01) == pytest.approx(1 / MAX_FRAMES_PER_S)


def test_slow_motion_spaces_the_batches_and_a_new_speed_cuts_the_nap_short():
    pace, control = Pace(), Control()
    pace.set_speed(20)
    start = time.monotonic()
    for _ in range(6):
        pace.wait_for_slot(control)
    assert time.monotonic() - start >= 0.24            # 5 gaps of 50 ms
    assert pace.due() == (True, True)                  # every batch is sent
    pace.set_speed(0.01)                               # one batch every 100 s …
    QTimer.singleShot(0, lambda: None)
    waker = __import__("threading").Timer(0.1, lambda: (pace.set_speed(None), control.wake()))
    waker.start()
    start = time.monotonic()
    pace.wait_for_slot(control)
    waker.join()
    assert time.monotonic() - start < 5                # … until full speed is asked


def test_in_slow_motion_the_worker_waits_until_the_last_batch_was_shown(monkeypatch):
    """Views slower than the pace (a busy machine) slow it down rather than skip batches; a
    view that never shows waits at most SLOW_WAIT_S; a pause cuts the wait short; full speed
    never waits."""
    import threading

    pace, control = Pace(), Control()
    pace.set_speed(1000)                               # the pace itself hardly naps
    pace.wait_for_slot(control)
    pace.sent(progress=True, weights=True)             # a batch's weights sent, not yet shown
    threading.Timer(0.3, pace.taken).start()
    start = time.monotonic()
    pace.wait_for_slot(control)
    assert 0.25 <= time.monotonic() - start < 2.5      # until they were shown
    monkeypatch.setattr(pacing, "SLOW_WAIT_S", 0.2)
    pace.sent(progress=True, weights=True)             # never shown
    start = time.monotonic()
    pace.wait_for_slot(control)
    assert 0.15 <= time.monotonic() - start < 1.5
    pace.sent(progress=True, weights=True)
    control.pause()
    start = time.monotonic()
    pace.wait_for_slot(control)
    assert time.monotonic() - start < 0.1              # paused: no wait
    control.resume()
    pace.set_speed(None)
    pace.sent(progress=True, weights=True)
    start = time.monotonic()
    pace.wait_for_slot(control)
    assert time.monotonic() - start < 0.1              # full speed: no wait


# --- rule 7: by hand, every batch at once -------------------------------------------------------

def test_flush_shows_every_frame_at_once(qtbot):
    events = []
    scheduler = scheduler_of(events)
    scheduler.request(Frame.PROGRESS)
    scheduler.flush()
    assert events == ["progress", "weights"]
    qtbot.wait(50)
    assert events == ["progress", "weights"]    # the request was part of the flush


# --- the worker's thread ------------------------------------------------------------------------

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
