"""Slow motion as a class sees it: every batch on screen even when updating the views is costly,
the time left at the slow pace, the curves counting batches, and no speed while stepping by hand."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.gui.training.controls import TrainingControls
from annviz.gui.training.worker import Progress
from annviz.nn.config import TrainConfig
from test_time_machine import window  # noqa: F401 — the fixture

SLOW = TrainConfig(hidden=(128, 64), activation="relu", optimizer="adam", lr=0.001, batch_size=64,
                   epochs=10)     # 938 batches an epoch: 9,380 in all


def progress(step: int, pace: float | None, samples_per_s: float = 40_000.0) -> Progress:
    return Progress(step // 938, step % 938, 938, 10, step, 0.5, 0.001, samples_per_s, 64,
                    np.zeros(1, np.float32), pace)


def test_the_time_left_in_slow_motion_is_the_slow_paces(qtbot):
    left = progress(0, 5.0).seconds_left
    assert left == pytest.approx(9380 / 5)                  # 31 min, not 15 s
    assert progress(0, None).seconds_left == pytest.approx(9380 * 64 / 40_000)
    controls = TrainingControls()
    qtbot.addWidget(controls)
    controls.show_phase("running")
    controls.show_progress(progress(0, 0.1))                 # a batch every 10 s: 26 hours
    assert "6 samples/s" in controls.status.text() and "26 h 03 min left" in controls.status.text()
    controls.show_phase("paused")
    assert controls.status.text() == "Epoch 1 of 10 · batch 0 of 938 · paused"   # no speed


def test_at_slow_speed_every_batch_reaches_the_views_and_the_curves_count_batches(window, qtbot):
    area = window.training
    shown = []
    window.state.weights_changed.connect(lambda: shown.append(area.panel.controls.progress.step
                                                              if area.panel.controls.progress else 0))
    # Views that cost 40 ms to update: at full speed, one update every second.
    window.state.weights_changed.connect(lambda: qtbot.wait(0) or __import__("time").sleep(0.04))
    area.speed.set_speed(5)
    assert area.curves.batch_view
    area.panel.settings.set_config(SLOW)
    assert area.panel.start()
    qtbot.waitUntil(lambda: len(shown) >= 3, timeout=20_000)
    first = area.panel.controls.progress.step
    qtbot.wait(2000)
    last = area.panel.controls.progress.step
    distinct = {s for s in shown if first <= s <= last}
    assert last - first >= 6 and len(distinct) >= 0.8 * (last - first)   # every batch, not 1 in 3
    low, high = area.curves.loss_plot.viewRange()[0]
    assert (high - low) * 938 == pytest.approx(66, abs=1)                 # the last 60 batches and a few
    assert area.curves.loss_plot.getAxis("bottom").labelText == "batch"
    area.speed.set_speed(None)
    assert not area.curves.batch_view
    assert area.curves.loss_plot.viewRange()[0][1] == pytest.approx(10 * 1.02, abs=0.1)
    area.controller.stop()
