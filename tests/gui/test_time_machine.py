"""The training page and its time machine in the whole app, as a learner uses them."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annviz.data.datasets import load_dataset
from annviz.gui.common.names import number
from annviz.gui.training.pictures import weight_mosaic
from annviz.nn.network import Network
from annviz.nn.recording import Recording
from run_ends import open_window
from test_training_recording import TINY

LONG = TINY.replace(n_train=None, batch_size=1, epochs=3)


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_window(tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.training.page)
    yield window
    window.training.controller.shutdown()


def train(window, qtbot, config=TINY) -> Recording:
    area = window.training
    area.panel.settings.set_config(config)
    assert area.panel.start()
    qtbot.waitUntil(lambda: area.controller.phase == "done", timeout=20_000)
    return area.controller.films.current


def shows_weights(window, weights) -> bool:
    net = window.state.network
    return all(np.array_equal(a, b) for a, b in zip(net.weights, weights))


def test_the_page_shows_the_explorers_own_pad_diagram_and_weights_and_gives_them_back(window):
    page, explorer = window.training.page, window.explorer
    views = (explorer.pad_panel, explorer.diagram, explorer.weights)
    assert all(page.isAncestorOf(v) and v.isVisible() for v in views)
    window.tabs.setCurrentWidget(explorer)
    assert all(explorer.isAncestorOf(v) and v.isVisible() for v in views)


def test_scrubbing_shows_a_recorded_moment_in_every_view_and_now_comes_back(window, qtbot):
    run = train(window, qtbot)
    area, final = window.training, window.state.network
    area.timeline.go_to_step(30)
    moment = run.nearest(30)
    weights, biases = moment.parameters()
    assert moment.step == 30 and shows_weights(window, weights)
    mosaic = window.explorer.weights.grid.mosaic()
    np.testing.assert_array_equal(mosaic, weight_mosaic(weights[0]))
    assert f"= {number(float(weights[1][2, 5]), 3)}\n" in window.explorer.diagram.edge_tooltip(1, 2, 5)
    assert area.curves.moment_shown == pytest.approx(moment.epoch) == 30 / run.batches_per_epoch
    assert "Batch 30" in area.timeline.where.text()
    area.timeline.go_to_now()
    assert window.state.network is final and area.curves.moment_shown is None
    np.testing.assert_array_equal(final.weights[0], area.controller.trainer.network.weights[0])


def test_scrubbing_while_it_trains_holds_the_past_until_now(window, qtbot):
    area = window.training
    area.panel.settings.set_config(LONG)
    assert area.panel.start()
    qtbot.waitUntil(lambda: area.controller.films.current is not None
                    and len(area.controller.films.current.moments) > 20, timeout=10_000)
    area.timeline.go_to(5)
    moment = area.controller.films.current.moments[5]
    step = area.panel.controls.progress.step if area.panel.controls.progress else 0
    qtbot.waitUntil(lambda: area.controller.films.current.moments[-1].step > step + 50, timeout=10_000)
    assert shows_weights(window, moment.parameters()[0])                 # still the past
    area.timeline.go_to_now()
    qtbot.waitUntil(lambda: window.state.network.weights[0][0, 300] != moment.parameters()[0][0][0, 300],
                    timeout=5000)
    assert area.controller.phase == "running"


def test_a_recording_saved_and_opened_again_scrubs_the_same(window, qtbot, tmp_path, monkeypatch):
    run = train(window, qtbot)
    area = window.training
    path = tmp_path / "first"            # typed without the extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert area.save_recording()
    assert (tmp_path / "first.annviz-run").exists()
    assert area.open_recording(tmp_path / "first.annviz-run")
    opened = area.controller.films.recordings.runs[-1]
    assert opened is not run and area.timeline.run is opened
    assert shows_weights(window, opened.moments[0].parameters()[0])
    area.timeline.go_to(len(opened.moments) - 1)
    assert shows_weights(window, run.moments[-1].parameters()[0])


def test_a_damaged_recording_is_one_message_and_changes_nothing(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.annviz-run"
    bad.write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}      ")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append(text))
    runs = list(window.training.controller.films.recordings.runs)
    assert not window.training.open_recording(bad)
    assert len(said) == 1 and str(bad) in said[0]
    assert window.training.controller.films.recordings.runs == runs


def pictures_shown(compare) -> int:
    """How many weight pictures the compared runs' view draws."""
    import pyqtgraph as pg

    return sum(1 for view in compare.findChildren(pg.GraphicsLayoutWidget) for item in view.scene().items()
               if isinstance(item, pg.ImageItem) and item.isVisible())


def test_two_runs_side_by_side_say_what_each_network_says(window, qtbot):
    area = window.training
    area.page.tabs.setCurrentWidget(area.compare)
    qtbot.wait(10)
    assert pictures_shown(area.compare) == 0          # no run yet: no picture (not a blue square)
    first = train(window, qtbot)
    second = train(window, qtbot, TINY.replace(lr=0.1))
    area = window.training
    digits = load_dataset("mnist")
    window.state.show_example(digits.test_images[0] / np.float32(255), int(digits.test_labels[0]))
    area.page.tabs.setCurrentWidget(area.compare)
    area.compare.choose(0, 1)
    assert pictures_shown(area.compare) == 2
    shown = area.compare.probabilities()
    for run, p in zip((first, second), shown):
        w, b = run.moments[-1].parameters()
        expected = Network(run.sizes, run.activations, w, b).predict_proba(
            window.state.input_image.reshape(1, -1))[0]
        np.testing.assert_allclose(p, expected, rtol=1e-6)
    assert not np.allclose(shown[0], shown[1])
    assert area.curves.other_labels == ["Run 1 · η 0.01"]                # the older run, dashed


def test_the_histograms_outline_is_batch_0_and_every_moment_dragged_to_is_drawn_at_once(window, qtbot):
    from annviz.gui.training.weight_histograms import histogram

    run = train(window, qtbot)
    area = window.training
    area.page.tabs.setCurrentWidget(area.histograms)
    start = run.moments[0].parameters()[0]

    def expected(weights):
        """What the plots must show for ``weights`` now, over the range the view uses."""
        out = []
        for s, w in zip(start, weights):
            limit = max(float(np.abs(s).max()), float(np.abs(w).max()), 1e-6)
            out.append((histogram(s, limit)[1], histogram(w, limit)[1]))
        return out

    visits = [40, *range(len(run.moments) - 1, -1, -7)]      # first somewhere in the middle, then back
    for index in visits:                                     # as fast as a drag: no wait in between
        area.timeline.go_to(index)
        for (start_drawn, now_drawn), (start_wanted, now_wanted) in zip(
                area.histograms.drawn(), expected(run.moments[index].parameters()[0])):
            np.testing.assert_allclose(start_drawn, start_wanted)
            np.testing.assert_allclose(now_drawn, now_wanted)
    area.timeline.go_to_now()
    final = expected(window.state.network.weights)
    np.testing.assert_allclose(area.histograms.drawn()[0][0], final[0][0])   # batch 0, still


def test_the_inspector_is_a_tab_of_the_training_page_and_shows_the_moment(window, qtbot):
    run = train(window, qtbot)
    area, inspector = window.training, window.explorer.inspector
    area.timeline.go_to_step(12)
    window.state.select_neuron(1, 2)                        # a click on the training page's diagram
    assert area.page.isAncestorOf(inspector) and inspector.isVisible()
    kind, picture = inspector.weights_picture()
    weights = run.nearest(12).parameters()[0]
    assert kind == "image"
    np.testing.assert_array_equal(picture, weights[0][2].reshape(28, 28))
    area.timeline.go_to_step(40)                            # the next moment: the inspector follows
    np.testing.assert_array_equal(inspector.weights_picture()[1],
                                  run.nearest(40).parameters()[0][0][2].reshape(28, 28))
    window.tabs.setCurrentWidget(window.explorer)           # given back
    assert window.explorer.isAncestorOf(inspector) and inspector.isVisible()


def test_the_pads_keys_work_on_the_training_page_and_the_wheel_never_lands_on_the_brush(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QSlider

    window.activateWindow()
    qtbot.waitActive(window)
    pad = window.explorer.pad_panel.pad
    pad.draw_stroke([(0.5, 0.1), (0.5, 0.9)])                   # a 1, as a lesson draws it
    assert window.training.page.isAncestorOf(pad) and not pad.is_blank()
    settings = window.training.panel.settings
    settings.epochs.setFocus()                                  # a setting was being edited
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert pad.is_blank()                                       # Esc clears, as the tooltip says
    pad.setFocus()                                              # (in a text field Ctrl+Z undoes the text)
    qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not pad.is_blank()                                   # Ctrl+Z brings it back
    settings.epochs.setFocus()
    window.tabs.setCurrentWidget(window.explorer)               # the Explorer tab clicked
    assert QApplication.focusWidget() is pad
    assert not isinstance(QApplication.focusWidget(), QSlider)
