"""Orange and blue mean a sign, and nothing else: views that show an answer, right and wrong
answers or a point on a curve are looked at on screen for the sign colours; views that colour
by sign carry the legend that says so."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from annviz.data.datasets import load_dataset
from annviz.gui.common.colors import NEGATIVE, POSITIVE
from test_time_machine import window  # noqa: F401 — the fixture


def pixels(widget) -> np.ndarray:
    """The widget as the screen shows it: (h, w, 3) uint8."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 3].reshape(image.height(), image.width(), 3)


def sign_share(widget) -> float:
    """The share of the widget's pixels in (nearly) the sign orange or the sign blue."""
    rgb = pixels(widget).astype(int)
    near = [np.abs(rgb - np.array(c.getRgb()[:3])).sum(axis=2) < 45 for c in (POSITIVE, NEGATIVE)]
    return float((near[0] | near[1]).mean())


@pytest.fixture
def with_digit(window):
    digits = load_dataset("mnist")
    window.state.show_example(digits.test_images[0] / np.float32(255), int(digits.test_labels[0]))
    window.tabs.setCurrentWidget(window.explorer)
    return window


def test_the_answer_bar_is_not_orange(with_digit, qtbot):
    bars = with_digit.explorer.pad_panel.probabilities
    qtbot.wait(50)
    assert sign_share(bars) < 0.001


def test_the_confusion_matrix_has_no_sign_colours(with_digit, qtbot):
    window = with_digit
    insight = next(window.tabs.widget(i) for i in range(window.tabs.count())
                   if hasattr(window.tabs.widget(i), "evaluation"))
    window.tabs.setCurrentWidget(insight)
    qtbot.waitUntil(lambda: insight.results is not None, timeout=60_000)
    matrix = insight.evaluation.confusion
    assert sign_share(matrix) < 0.001
    caption = insight.evaluation.confusion_caption.text()
    assert "green: right answers" in caption and "grey: mistakes" in caption


def test_the_activation_curve_and_its_point_are_not_sign_colours(with_digit, qtbot):
    window = with_digit
    window.state.select_neuron(2, 3)
    plot = window.explorer.inspector.plot
    qtbot.waitUntil(lambda: plot.isVisible(), timeout=2000)
    assert sign_share(plot) < 0.001


@pytest.mark.parametrize("where", ["matrix form", "neuron lab", "what changed"])
def test_views_coloured_by_sign_have_a_legend(window, where):
    if where == "matrix form":
        insight = next(window.tabs.widget(i) for i in range(window.tabs.count())
                       if hasattr(window.tabs.widget(i), "matrix"))
        legend = insight.matrix.legend.text()
    elif where == "neuron lab":
        lab = next(window.tabs.widget(i) for i in range(window.tabs.count())
                   if type(window.tabs.widget(i)).__name__ == "LabPage")
        legend = lab.neuron_view.legend.text()
    else:
        page = next(window.tabs.widget(i) for i in range(window.tabs.count())
                    if type(window.tabs.widget(i)).__name__ == "MyDigitsPage")
        legend = page.panel.changes_legend.text()
    assert "blue" in legend and "orange" in legend
    assert POSITIVE.name() in legend and NEGATIVE.name() in legend     # the swatches themselves
