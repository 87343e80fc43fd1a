"""Continue from here, on the paths a learner takes: back at an older run after another one, from
a recording made on the command line and opened in the app, with another batch size, and with a
recording from another BLAS library (it says so before starting)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from PySide6.QtWidgets import QMessageBox

from annviz.nn.config import TrainConfig
from annviz.nn.runfile import load_recording
from test_time_machine import train, window  # noqa: F401 — the fixture

DEEP = TrainConfig(hidden=(16, 16), activation="relu", optimizer="adam", lr=0.01, batch_size=20,
                   epochs=2, n_train=1000)                    # 50 batches an epoch
LINEAR = DEEP.replace(hidden=(), lr=0.05)


def continue_at(window, qtbot, run, step: int) -> None:
    """Go to the moment of ``run`` at batch ``step`` on the timeline and press Continue from here."""
    timeline = window.training.timeline
    timeline.show_run(run)
    timeline.go_to_step(step)
    assert timeline.continue_button.isEnabled()
    timeline.continue_button.click()
    qtbot.waitUntil(lambda: window.training.controller.phase == "done", timeout=30_000)


def settings_shown(window) -> TrainConfig:
    return window.training.panel.settings.config()


def test_back_at_an_older_run_continue_takes_that_runs_network_and_says_so(window, qtbot):
    deep = train(window, qtbot, DEEP.replace(epochs=3))
    linear = train(window, qtbot, LINEAR)
    area = window.training
    area.timeline.show_run(deep)
    area.timeline.go_to_step(20)
    shown = settings_shown(window)
    assert shown.hidden == (16, 16) and shown.lr == 0.01                     # the older run's
    settings = area.panel.settings
    assert not settings.network_box.isEnabled() and not settings.data_box.isEnabled()
    assert settings.lr.isEnabled() and settings.epochs.isEnabled() and settings.batch_size.isEnabled()
    area.timeline.go_to_now()
    assert settings_shown(window).hidden == () and settings.network_box.isEnabled()   # as before
    continue_at(window, qtbot, deep, 50)
    third = area.controller.films.current
    assert third not in (deep, linear) and third.sizes == [784, 16, 16, 10]
    assert third.moments[-1].step == deep.moments[-1].step == 150
    np.testing.assert_array_equal(third.moments[-1].state.weights[1], deep.moments[-1].state.weights[1])
    assert settings_shown(window).hidden == (16, 16)     # the panel shows the run going on


def test_a_cli_recording_opened_in_the_app_continues_bit_for_bit(window, qtbot, tmp_path):
    """``annviz train`` uses the BLAS library's threads (2 here); the app's runs use 1. Continued in
    the app with the panel on its defaults, the recording's run goes on exactly as on the command line."""
    record = tmp_path / "cli.annviz-run"
    result = subprocess.run([sys.executable, "-m", "annviz", "train", "--layers", "64", "--activation",
                             "relu", "--epochs", "2", "--n-train", "2000", "--batch", "64",
                             "--record", str(record)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    cli = load_recording(record)
    area = window.training
    assert area.open_recording(record)
    assert area.curves.other_labels and len(cli.history.epochs) == 2     # its curves are there too
    asked = []
    QMessageBox.question = lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel
    continue_at(window, qtbot, area.controller.films.recordings.runs[-1], 32)
    assert asked == []                                  # same machine: nothing to warn about
    run = area.controller.films.current
    assert run.blas_threads == cli.blas_threads and run.sizes == [784, 64, 10]
    for a, b in zip(run.moments[-1].state.weights, cli.moments[-1].state.weights):
        np.testing.assert_array_equal(a, b)
    assert area.panel.controls.status.text().startswith("Epoch 2 of 2")


def test_a_recording_from_another_blas_library_says_so_before_continuing(window, qtbot, monkeypatch):
    run = train(window, qtbot)
    run.blas_library = "someblas 9.9 Zen"
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    area = window.training
    area.timeline.go_to_step(run.batches_per_epoch)      # the end of the first epoch
    area.timeline.continue_button.click()
    assert len(asked) == 1 and "someblas 9.9 Zen" in asked[0] and "not" in asked[0]
    assert area.controller.films.current is run and area.controller.phase == "done"   # nothing started
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    area.timeline.continue_button.click()
    qtbot.waitUntil(lambda: area.controller.films.current is not run and area.controller.phase == "done",
                    timeout=20_000)


def test_continuing_with_another_batch_size_counts_its_batches_in_the_new_size(window, qtbot):
    run = train(window, qtbot, DEEP.replace(epochs=1))             # 50 batches of 20
    area = window.training
    area.timeline.go_to_step(50)
    area.panel.settings.set_config(settings_shown(window).replace(batch_size=10, epochs=2))
    assert settings_shown(window).hidden == (16, 16)
    area.timeline.continue_button.click()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    second = area.controller.films.current
    assert second.config.batch_size == 10 and second.batches_per_epoch == 100
    steps = second.steps().tolist()
    assert steps[0] == 100 and steps[-1] == 200 and steps == sorted(set(steps))  # epoch 1 = batch 100 of 10
    assert [m.epoch for m in second.moments if m.state is not None] == [1.0, 2.0]
    assert second.history.batches == 200 and run.history.batches == 50


def test_a_run_whose_learning_rate_changed_live_says_so_on_the_timeline(window, qtbot):
    area = window.training
    area.panel.settings.set_config(DEEP.replace(n_train=None, batch_size=1, epochs=1))
    assert area.panel.start()
    qtbot.waitUntil(lambda: area.controller.films.current is not None
                    and len(area.controller.films.current.moments) > 3, timeout=10_000)
    assert "changed" not in area.timeline.where.text()
    area.panel.settings.lr.set_value(0.02)
    qtbot.waitUntil(lambda: "settings changed during the run" in area.timeline.where.text(), timeout=5000)
    assert "will not give this run again" in area.timeline.where.toolTip()
    area.controller.stop()
