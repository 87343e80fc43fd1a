"""The training area driven like a user would: the panel's buttons, the curves, the app state.

Every test waits on GUI-side state (the controller's phase, what the views hold) with
``qtbot.waitUntil``, never on signals emitted from the worker thread, and ends with no thread left.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from annviz.gui.state import AppState
from annviz.gui.threads import unfinished_threads
from annviz.gui.training.__main__ import TrainingWindow
from annviz.gui.training.remote import POOL
from annviz.nn import blas
from annviz.nn.config import TrainConfig
from annviz.nn.modelfile import load_model
from annviz.recipes import build_network

SMALL = TrainConfig(hidden=(32,), activation="relu", optimizer="adam", lr=0.005, batch_size=32,
                    epochs=1, n_train=2000)
# Minutes of batches: never ends by itself. η 0.001: a healthy run, on which the doctor names
# nothing (at η 0.005 with batches of one it rightly names dying ReLUs at batch ~64, and showing
# that, 0.1–0.5 s under load, made the pause test's one-second waits flaky).
SLOW = SMALL.replace(n_train=None, batch_size=1, epochs=5, lr=0.001)


@pytest.fixture
def window(qtbot, monkeypatch):
    w = TrainingWindow(AppState())
    qtbot.addWidget(w)
    # Never a modal question in a test: an unsaved network is discarded (tests that care, check).
    monkeypatch.setattr(w.area.panel, "ask_to_keep", lambda: QMessageBox.StandardButton.Discard)
    w.show()
    yield w
    w.area.controller.shutdown()
    assert not w.area.controller.is_running()


def start(window, qtbot, config: TrainConfig) -> None:
    window.area.panel.settings.set_config(config)
    window.area.panel.controls.start_button.click()
    qtbot.waitUntil(lambda: window.area.controller.phase in ("running", "paused"), timeout=2000)


def shown_step(window) -> int:
    """The batch counter as the panel shows it (0 before the first progress)."""
    progress = window.area.panel.controls.progress
    return 0 if progress is None else progress.step


def test_training_from_the_panel_finishes_and_every_view_holds_the_result(window, qtbot):
    area = window.area
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)

    history = area.controller.trainer.history
    assert history.status == "finished"
    assert len(area.curves.records) == 1 and area.curves.series["raw"].count == history.batches
    assert area.curves.records[0].test_accuracy > 0.5
    assert area.panel.result_bar.isVisible()
    trained = area.controller.trainer.network
    for shown, true in zip(area.state.network.weights + area.state.network.biases,
                           trained.weights + trained.biases):
        np.testing.assert_array_equal(shown, true)
    assert area.state.network is not trained   # the views hold a copy, not the trainer's arrays


def test_the_settings_become_the_config(window):
    settings = window.area.panel.settings
    settings.set_config(SMALL.replace(hidden=(8, 4), hidden_activations=("tanh", "relu")))
    config = settings.config()
    assert config.hidden == (8, 4) and config.layer_activations() == ["tanh", "relu", "softmax"]
    assert (config.n_train, config.lr, config.optimizer) == (2000, 0.005, "adam")
    assert "784-8-4-10: 6,366 parameters (6,344 weights, 22 biases)" in settings.architecture.summary.text()


def test_pause_holds_the_batch_counter_resume_continues_stop_ends_within_a_second(window, qtbot):
    controller, controls = window.area.controller, window.area.panel.controls
    start(window, qtbot, SLOW)
    qtbot.waitUntil(lambda: shown_step(window) > 0, timeout=3000)

    controls.pause_button.click()
    qtbot.waitUntil(lambda: controller.phase == "paused", timeout=1000)   # the worker says so
    qtbot.wait(150)  # where it paused is shown
    held = shown_step(window)
    qtbot.wait(300)
    assert shown_step(window) == held > 0

    controls.step_button.click()
    qtbot.waitUntil(lambda: shown_step(window) == held + 1, timeout=1000)
    qtbot.wait(200)
    assert shown_step(window) == held + 1

    assert controls.pause_button.text() == "Resume"
    controls.pause_button.click()
    qtbot.waitUntil(lambda: controller.phase == "running", timeout=1000)
    qtbot.waitUntil(lambda: shown_step(window) > held + 5, timeout=2000)

    controls.stop_button.click()
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=1000)
    assert controller.trainer.history.status == "stopped"


def test_the_worker_holds_still_while_a_mouse_button_is_down(window, qtbot):
    controller = window.area.controller
    start(window, qtbot, SLOW)
    qtbot.waitUntil(lambda: shown_step(window) > 0, timeout=3000)
    # Training on its own first: the newest weights come from the training process ~30 times a
    # second (its pace), whether shown or not.
    first = controller.latest_weights()
    qtbot.waitUntil(lambda: controller.latest_weights() is not first, timeout=3000)
    QTest.mousePress(window.area.curves, Qt.MouseButton.LeftButton)
    qtbot.wait(150)                       # the batch going on ends, its weights arrive
    held = controller.latest_weights()
    qtbot.wait(400)                       # ~12 new weights if it did not hold
    assert controller.latest_weights() is held and controller.phase == "running"
    QTest.mouseRelease(window.area.curves, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.latest_weights() is not held, timeout=1000)


def test_the_training_page_trains_in_the_training_process(window, qtbot):
    controller = window.area.controller
    before = blas.current_threads()                 # the library's own (2 on two cores)
    start(window, qtbot, SLOW)
    qtbot.waitUntil(lambda: shown_step(window) > 0, timeout=5000)
    [pid] = POOL.busy_pids()                        # a process of its own, not this one
    assert pid != os.getpid()
    # This process's BLAS on one thread meanwhile: two would wait for the run's core.
    assert blas.current_threads() == 1
    controller.stop()
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=3000)
    assert not POOL.busy_pids() and pid in POOL.idle_pids()   # kept for the next run
    assert blas.current_threads() == before             # given back


def test_step_from_idle_trains_exactly_one_batch(window, qtbot):
    window.area.panel.settings.set_config(SMALL)
    window.area.panel.controls.step_button.click()
    qtbot.waitUntil(lambda: shown_step(window) == 1, timeout=3000)
    qtbot.wait(200)
    assert shown_step(window) == 1 and window.area.controller.phase == "paused"


def test_a_learning_rate_changed_while_running_reaches_the_trainer(window, qtbot):
    controller = window.area.controller
    start(window, qtbot, SLOW)
    controls = window.area.panel.controls
    window.area.panel.settings.lr.set_value(0.02)
    qtbot.waitUntil(lambda: controls.progress is not None and controls.progress.lr == 0.02, timeout=2000)
    controller.stop()
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=1000)
    assert controller.trainer.base_lr == 0.02


def test_too_high_a_learning_rate_diverges_with_an_explanation_and_finite_weights(window, qtbot):
    area = window.area
    area.panel.settings.set_config(TrainConfig(hidden=(16, 16), activation="sigmoid", loss="mse",
                                               optimizer="sgd", lr=1000.0, batch_size=32,
                                               epochs=3, n_train=2000))
    area.panel.controls.start_button.click()
    qtbot.waitUntil(lambda: area.panel.divergence_box.isVisible(), timeout=10_000)
    assert "learning rate is probably too high" in area.panel.divergence_box.text()
    assert area.controller.trainer.history.status == "diverged"
    area.panel.divergence_box.keep_button.click()
    network = area.state.network
    assert all(np.isfinite(a).all() for a in network.weights + network.biases)


def test_a_short_run_that_ends_worse_than_it_began_is_reported_as_diverged(window, qtbot):
    area = window.area
    before = TrainConfig(hidden=(16,), activation="relu", optimizer="adam", lr=1e9, batch_size=64,
                         epochs=1, n_train=256)      # 4 batches: too few for the trainer's own check
    area.panel.settings.set_config(before)
    area.panel.controls.start_button.click()
    qtbot.waitUntil(lambda: area.panel.divergence_box.isVisible(), timeout=10_000)
    history = area.controller.trainer.history
    assert history.status == "diverged" and "ended worse than it started" in history.stop_reason
    area.panel.divergence_box.keep_button.click()          # back to the weights it started from
    first = build_network(before)
    np.testing.assert_array_equal(area.state.network.weights[0], first.weights[0])


def test_save_writes_the_model_with_its_history_and_makes_it_current(window, qtbot, tmp_path):
    area = window.area
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    assert area.controller.has_unsaved_model()
    path = area.controller.save(tmp_path / "mine.safetensors")
    network, info = load_model(path)
    np.testing.assert_array_equal(network.weights[0], area.controller.trainer.network.weights[0])
    assert len(info.history["epochs"]) == 1 and info.test_accuracy > 0.5
    assert area.state.model_path == path and not area.controller.has_unsaved_model()


def test_save_from_the_panel_adds_the_extension(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    area = window.area
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    typed = str(tmp_path / "notes-trained")                  # what the learner typed
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (typed, ""))
    area.panel.result_bar.save_button.click()
    assert (tmp_path / "notes-trained.safetensors").is_file()
    assert not (tmp_path / "notes-trained").exists()
    assert area.state.model_path.name == "notes-trained.safetensors"


def test_editing_a_setting_leaves_the_preset(window):
    panel = window.area.panel
    panel.preset.setCurrentIndex(1)
    panel.preset.activated.emit(1)
    assert panel.preset.currentIndex() == 1 and panel.preset_hint.isVisibleTo(panel)
    panel.settings.epochs.setValue(panel.settings.epochs.value() + 1)
    assert panel.preset.currentIndex() == 0 and panel.preset.currentText() == "Presets…"


def test_discard_brings_back_the_model_from_before(window, qtbot, monkeypatch):
    area, state = window.area, window.area.state
    before = build_network(TrainConfig(hidden=(5,)))
    state.set_model(before)
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    asked = []
    monkeypatch.setattr(area.panel, "ask_to_keep",
                        lambda: asked.append(True) or QMessageBox.StandardButton.Discard)
    start(window, qtbot, SMALL.replace(hidden=(8,)))   # the first result is unsaved: asked
    assert asked
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    assert state.network.sizes == [784, 8, 10]
    area.panel.result_bar.discard_button.click()
    assert state.network is before and area.controller.phase == "idle"


def test_discard_brings_back_a_model_trained_and_saved_just_before(window, qtbot, tmp_path, monkeypatch):
    """The model on the pad when the run started — here one the learner had just trained and
    saved — not the bundled one."""
    area, state = window.area, window.area.state
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    saved = area.controller.save(tmp_path / "mine.safetensors")
    mine = state.network
    assert state.model_path == saved
    start(window, qtbot, SMALL.replace(hidden=(8,)))
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    area.panel.result_bar.discard_button.click()
    assert state.network is mine and state.model_path == saved


def test_one_more_epoch_while_paused_shows_the_new_plan_at_once(window, qtbot):
    controller, controls = window.area.controller, window.area.panel.controls
    start(window, qtbot, SLOW.replace(epochs=3))
    qtbot.waitUntil(lambda: controls.progress is not None, timeout=5000)
    controls.pause_button.click()
    qtbot.waitUntil(lambda: controller.phase == "paused", timeout=2000)
    assert "of 3" in controls.status.text()
    controls.epoch_button.click()
    assert controls.progress.epochs == 4 and "of 4" in controls.status.text()
    controls.pause_button.click()                       # resume: the trainer has the 4th epoch too
    qtbot.waitUntil(lambda: controls.progress.epochs == 4 and controller.phase == "running", timeout=2000)


def test_one_more_epoch_continues_a_finished_run(window, qtbot):
    controller = window.area.controller
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=10_000)
    window.area.panel.controls.epoch_button.click()
    qtbot.waitUntil(lambda: controller.phase == "done" and len(window.area.curves.records) == 2,
                    timeout=10_000)
    assert len(controller.trainer.history.epochs) == 2


def test_closing_mid_training_asks_about_the_network_and_leaves_no_thread(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(window.area.panel, "ask_to_keep",
                        lambda: asked.append(True) or QMessageBox.StandardButton.Discard)
    start(window, qtbot, SLOW)
    window.close()
    assert asked and not window.isVisible()
    assert not window.area.controller.is_running() and unfinished_threads() == []


def test_starting_again_while_running_stops_the_old_run_cleanly(window, qtbot):
    controller = window.area.controller
    start(window, qtbot, SLOW)
    qtbot.waitUntil(lambda: shown_step(window) > 0, timeout=3000)
    start(window, qtbot, SMALL.replace(hidden=(8,)))
    assert unfinished_threads() == ["training"]      # only the new run's
    qtbot.waitUntil(lambda: controller.phase == "done", timeout=10_000)
    assert controller.trainer.history.status == "finished"
    assert window.area.state.network.sizes == [784, 8, 10]
    assert len(window.area.curves.records) == 1   # the curves start over with the new run


def test_the_architecture_editor_allows_what_training_allows_and_no_more(qtbot):
    from annviz.gui.training.architecture import ArchitectureEditor
    from annviz.nn.config import MAX_LAYER_SIZE

    editor = ArchitectureEditor()
    qtbot.addWidget(editor)
    editor.set_layers((MAX_LAYER_SIZE, MAX_LAYER_SIZE + 1, 100_000), ("relu",) * 3)
    assert editor.hidden() == (MAX_LAYER_SIZE,) * 3
    TrainConfig(hidden=editor.hidden(), activation="relu").validate()   # the largest still trains
    with pytest.raises(ValueError, match=f"at most {MAX_LAYER_SIZE} neurons"):
        TrainConfig(hidden=(MAX_LAYER_SIZE + 1,)).validate()


def test_pause_and_stop_drop_the_time_left_and_a_new_preset_forgets_the_run(window, qtbot):
    area = window.area
    controls = area.panel.controls
    start(window, qtbot, SLOW)
    qtbot.waitUntil(lambda: " left" in controls.status.text(), timeout=10_000)
    controls.pause_button.click()
    qtbot.waitUntil(lambda: area.controller.phase == "paused", timeout=2000)
    assert " left" not in controls.status.text() and "paused" in controls.status.text()
    controls.stop_button.click()
    qtbot.waitUntil(lambda: area.controller.phase not in ("running", "paused"), timeout=3000)
    assert " left" not in controls.status.text()
    assert controls.status.text().startswith("Epoch")        # what was done stays until …
    area.panel.preset.setCurrentIndex(1)
    area.panel.preset.activated.emit(1)                     # … new settings are chosen
    assert controls.status.text() == "Not started" and controls.progress_bar.value() == 0


def test_plurals_in_the_result(window, qtbot):
    area = window.area
    start(window, qtbot, SMALL)
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=10_000)
    text = area.panel.result_bar.message.text()
    assert text.startswith("1 epoch trained: ") and "epochs" not in text


def test_keyboard_starts_pauses_resumes_and_stops(window, qtbot):
    area = window.area
    area.panel.settings.set_config(SLOW)
    window.activateWindow()
    qtbot.waitActive(window)
    target = area.panel.settings.epochs
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    qtbot.keyClick(target, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: area.controller.phase == "running", timeout=3000)
    qtbot.keyClick(target, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: area.controller.phase == "paused", timeout=3000)
    qtbot.keyClick(target, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: area.controller.phase == "running", timeout=3000)
    qtbot.keyClick(target, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: area.controller.phase not in ("running", "paused"), timeout=3000)
