"""What a run end lets go of is freed at once.

200 run ends of every kind (tests/benchmarks/bench_run_ends.py) once peaked 210 MB above the
resident memory after the first 10: each run end left its trainer and its data (5–60 MB) in
reference cycles — the worker with its control, the trainer with its doctor — and each closed
window its pages and runs, all waiting for a full collection that the collector, counting
objects and not bytes, made only every few run ends.
"""

from __future__ import annotations

import contextlib
import gc
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
