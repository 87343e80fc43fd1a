"""The worker on its own (``run`` called in this thread), and the controller with the real window.

Called directly, ``run`` emits through direct connections, so what it sends can be collected in
lists without any thread; the threaded behaviour is covered by test_training_panel.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from annviz.data.datasets import FASHION_CLASS_NAMES
from annviz.data.idx import write_idx
from annviz.gui.state import AppState
from annviz.gui.threads import unfinished_threads
from annviz.gui.training.controller import TrainingController
from annviz.gui.training.scheduler import Pace
from annviz.gui.training.worker import TrainingWorker
from annviz.nn.config import TrainConfig
from annviz.nn.trainer import Trainer
from annviz.recipes import build_network, prepare_data

TINY = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.01, batch_size=16,
                   epochs=2, n_train=1000)


def make_trainer(config: TrainConfig = TINY) -> Trainer:
    data = prepare_data(config)
    return Trainer(build_network(config), config, data.train, data.test, data.validation)


def collect(worker: TrainingWorker) -> dict[str, list]:
    got = {"progress": [], "snapshot": [], "epoch_metrics": [], "finished": [], "failed": [],
           "paused": [], "resumed": []}
    worker.progress.connect(got["progress"].append)
    worker.snapshot.connect(lambda w, b: got["snapshot"].append((w, b)))
    worker.epoch_metrics.connect(got["epoch_metrics"].append)
    worker.finished.connect(got["finished"].append)
    worker.failed.connect(got["failed"].append)
    worker.paused.connect(lambda: got["paused"].append(True))
    worker.resumed.connect(lambda: got["resumed"].append(True))
    return got


def test_updates_are_throttled_yet_no_batch_loss_is_lost():
    pace = Pace()
    pace.set_intervals(0.2, 0.2)
    worker = TrainingWorker(make_trainer, pace=pace)
    got = collect(worker)
    worker.run()

    trainer = got["finished"][0]
    n_batches = trainer.history.batches
    assert trainer.history.status == "finished" and n_batches == 2 * 63
    assert len(got["progress"]) < n_batches / 4          # far fewer updates than batches
    sent = np.concatenate([p.new_losses for p in got["progress"]])
    np.testing.assert_allclose(sent, trainer.history.batch_loss.y, rtol=1e-6)
    assert got["progress"][-1].step == n_batches and got["progress"][-1].done_fraction == 1
    assert [r.epoch for r in got["epoch_metrics"]] == [1, 2]


def test_snapshots_are_read_only_copies_and_the_last_is_the_final_network():
    worker = TrainingWorker(make_trainer)
    got = collect(worker)
    worker.run()
    network = got["finished"][0].network
    weights, biases = got["snapshot"][-1]
    for shown, live in zip(weights + biases, network.weights + network.biases):
        assert not shown.flags.writeable and not np.shares_memory(shown, live)
        np.testing.assert_array_equal(shown, live)


def test_an_exception_becomes_a_failed_message():
    def broken() -> Trainer:
        raise RuntimeError("the data went missing")

    worker = TrainingWorker(broken)
    got = collect(worker)
    worker.run()
    assert got["failed"] == ["RuntimeError: the data went missing"] and not got["finished"]


def test_a_stop_before_the_first_batch_trains_nothing():
    worker = TrainingWorker(make_trainer)
    got = collect(worker)
    worker.control.request_stop()
    worker.run()
    history = got["finished"][0].history
    assert history.status == "stopped" and history.batches == 0


def test_an_idx_folder_of_clothes_brings_its_class_names(qtbot, tmp_path):
    folder = tmp_path / "my-fashion"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 300), ("t10k", 100)):
        write_idx(folder / f"{prefix}-images-idx3-ubyte", rng.integers(0, 256, (n, 28, 28), dtype=np.uint8))
        write_idx(folder / f"{prefix}-labels-idx1-ubyte", rng.integers(0, 10, n, dtype=np.uint8))
    state = AppState()
    controller = TrainingController(state)
    controller.start(TINY.replace(dataset=str(folder), n_train=None, epochs=1))
    assert state.class_names == list(FASHION_CLASS_NAMES)
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=5000)
    assert controller.result_info().class_names == list(FASHION_CLASS_NAMES)


@pytest.fixture
def main_window(qtbot, tmp_path, monkeypatch):
    from annviz.gui.main_window import MainWindow
    from annviz.gui.training import install

    state = AppState()
    window = MainWindow(state, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install(window, state)
    area = window.training                     # built when asked for
    monkeypatch.setattr(area.panel, "ask_to_keep", lambda: QMessageBox.StandardButton.Discard)
    window.show()
    return window, area


def test_in_the_app_the_explorer_shows_the_trained_network_and_closing_stops_the_thread(
        main_window, qtbot):
    window, area = main_window
    window.explorer.pad_panel.pad.show_digit(prepare_data(TINY).dataset.test_images[0])
    area.controller.start(TINY.replace(epochs=1))
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=5000)
    trained = area.controller.trainer.network
    np.testing.assert_array_equal(window.state.network.weights[0], trained.weights[0])
    assert window.state.forward is not None   # the pad's digit went through the trained weights

    area.controller.start(TINY.replace(n_train=None, batch_size=1, epochs=5))  # long
    qtbot.waitUntil(lambda: area.controller.phase == "running", timeout=2000)
    window.close()
    assert unfinished_threads() == [] and not area.controller.is_running()


def test_loading_another_model_while_training_stops_it_and_keeps_the_result(main_window, qtbot):
    window, area = main_window
    area.controller.start(TINY.replace(n_train=None, batch_size=1, epochs=5))
    qtbot.waitUntil(lambda: area.panel.controls.progress is not None, timeout=2000)
    other = build_network(TrainConfig(hidden=(3,)))
    window.state.set_model(other)
    assert not area.controller.is_running() and window.state.network is other
    assert area.controller.phase == "done" and area.controller.has_unsaved_model()
    area.controller.use()
    assert window.state.network.sizes == [784, 8, 10]
