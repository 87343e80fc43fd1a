"""The rest of the app with a CNN opened (issue 26): the Convolution page shows it and the status
bar says so — naming the MLP the other pages show —; the explorer, touch-a-neuron, the insight
page (evaluation, mistakes, confusion matrix), My digits and a lesson keep working on that MLP,
without an error or a blank view; the evaluation of the CNN itself is on the command line
(``annviz evaluate``, tests/test_cli_conv.py) and ④."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget

from annviz.lessons.library import catalog
from annviz.nn.convnet import ConvNet
from annviz.nn.layers import Conv, Dense, Flatten, Pool
from annviz.nn.modelfile import save_model
from lesson_answers import _a, set_
from run_ends import open_window, settle_screen, wait_until


@pytest.fixture
def window(qapp, tmp_path, monkeypatch):
    def refused(parent, title, text, *args):
        raise AssertionError(f"a message: {title}: {text}")

    monkeypatch.setattr(QMessageBox, "warning", refused)
    monkeypatch.setattr(QMessageBox, "critical", refused)
    window = open_window(tmp_path / "settings.ini")
    yield window
    window.training.controller.shutdown()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


def test_every_page_works_or_says_which_network_it_shows(window, tmp_path):
    state, driver = window.state, window.lessons.player.driver
    mlp = state.network
    cnn = ConvNet([Conv(3, 5, 2), Pool(), Flatten(), Dense(10, "softmax")], seed=2)
    assert window.findChild(QWidget, "convolution-page") is None     # built when first needed: now
    assert window.open_model(save_model(tmp_path / "their-cnn.safetensors", cnn))
    page = window.findChild(QWidget, "convolution-page")
    # the Convolution page in front with the CNN; the status bar names both
    assert window.tabs.currentWidget() is page and page.network_source() == "file"
    line = window.model_line.text()
    assert "their-cnn.safetensors" in line and "conv 5×5 ×3" in line and "mnist-classic" in line, line
    assert state.network is mlp and mlp.is_mlp
    # the explorer: the MLP reads a drawing; the status bar names it alone
    driver.perform(_a("show", widget="explorer-pad"))
    assert window.model_line.text().startswith("mnist-classic:") and "their-cnn" not in window.model_line.text()
    driver.perform(_a("draw", strokes=(((0.3, 0.2), (0.7, 0.2), (0.45, 0.85)),)))
    wait_until(lambda: state.probabilities is not None, 10, "the explorer's answer")
    assert len(state.probabilities) == 10
    # touch a neuron: one switched off changes the MLP's answer's numbers
    driver.perform(_a("select_neuron", layer=2, neuron=3))
    before = state.probabilities.copy()
    driver.perform(set_("touch-off", True))
    assert state.edits and state.network.is_mlp and not np.allclose(state.probabilities, before)
    driver.perform(set_("touch-off", False))
    # the insight page: the MLP's evaluation, mistakes and confusion matrix
    driver.perform(_a("show", widget="insight-evaluation"))
    settle_screen(window)
    insight = driver.find("insight-page")
    assert insight.results.n == 10_000 and insight.results.confusion.sum() == 10_000
    expected = np.argmax(mlp.predict_proba(insight.results.images[:200].reshape(200, -1) / 255), axis=1)
    assert np.array_equal(insight.results.predictions[:200], expected)        # the MLP's answers
    driver.perform(_a("show", widget="insight-mistakes"))
    assert driver.find("insight-mistakes").count == len(insight.results.mistakes()) > 0
    # My digits and a lesson of the MLP
    driver.perform(_a("show", widget="mydigits-page"))
    assert driver.find("mydigits-page").isVisible()
    lesson = next(e.lesson for e in catalog() if e.bundled and e.name == "digit-network")
    window.lessons.player.open(lesson, 0)
    settle_screen(window)
    assert not window.lessons.panel.problem.isVisibleTo(window.lessons.panel)
    window.lessons.player.close_lesson()
    # and the CNN is still on its page
    assert page.network_source() == "file" and page.network_name() == "their-cnn.safetensors"
    np.testing.assert_array_equal(page.network().weights[0], cnn.weights[0])


def test_closing_the_window_mid_evaluation_or_measurement_leaves_no_thread(qapp, tmp_path):
    from annviz.gui.threads import unfinished_threads

    window = open_window(tmp_path / "settings.ini")
    page = window.lessons.player.driver.find("convolution-page")     # built when asked for
    window.tabs.setCurrentWidget(page)
    page.evaluate()
    page.measure_comparison()
    QTest.qWait(30)
    window.close()
    assert not window.isVisible() and not page.is_measuring()
    assert unfinished_threads() == []
    window.deleteLater()
    QTest.qWait(1)
