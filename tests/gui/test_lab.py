"""The neuron lab, driven like a user would: sliders, presets, buttons, the training thread."""

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from annviz.gui.lab.neuron_model import TASTY_BIAS, TASTY_WEIGHTS
from annviz.gui.lab.page import LabPage
from annviz.gui.lab.widgets import format_number
from annviz.gui.threads import unfinished_threads


@pytest.fixture
def page(qtbot):
    page = LabPage()
    qtbot.addWidget(page)
    page.resize(1200, 760)
    yield page
    page.shutdown()


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_weight_slider_changes_z_and_a_by_the_formula(page):
    view = page.neuron_view
    view.activation.setCurrentIndex(view.activation.findData("sigmoid"))
    before = view.neuron
    slider = view.w_sliders[1]
    slider.slider.setValue(slider.slider.value() + 7)           # w₂ up by 0.7
    nrn = view.neuron
    assert nrn.ws[1] == pytest.approx(before.ws[1] + 0.7)
    expected_z = sum(w * x for w, x in zip(nrn.ws, nrn.xs)) + nrn.b
    assert nrn.z == pytest.approx(expected_z)
    assert nrn.z - before.z == pytest.approx(0.7 * nrn.xs[1])
    assert nrn.a == pytest.approx(sigmoid(expected_z), abs=1e-6)
    # The screen shows the same numbers: the formula and the picture's output.
    assert format_number(expected_z) in view.formula.text()
    assert format_number(sigmoid(expected_z)) in view.formula.text()


def test_bias_slides_the_plotted_curve(page):
    view = page.neuron_view
    view.activation.setCurrentIndex(view.activation.findData("sigmoid"))
    view.bias_slider.set_value(0.0)
    s, a = view.plot.curve_data()                                  # the plotted a = f(s + b)
    assert a[np.argmin(np.abs(s - 0.0))] == pytest.approx(0.5, abs=0.02)
    view.bias_slider.set_value(-3.0)
    s, a = view.plot.curve_data()
    assert a[np.argmin(np.abs(s - 3.0))] == pytest.approx(0.5, abs=0.02)   # the middle moved to s = 3


def test_taste_preset_gives_the_weighted_sum_of_the_senses(page):
    view = page.neuron_view
    view.load_tasty_preset()
    assert view.n_inputs.value() == 4
    assert view.input_names()[3] == "taste"
    for slider, x in zip(view.x_sliders, (0.5, 1.0, 1.5, 2.0)):
        slider.set_value(x)
    x1, x2, x3, x4 = view.neuron.xs
    assert view.neuron.ws == pytest.approx(TASTY_WEIGHTS)
    assert view.neuron.b == pytest.approx(TASTY_BIAS)
    z = 0.3 * x1 + 1.0 * x2 + 1.3 * x3 + 2.1 * x4 - 5
    assert view.neuron.z == pytest.approx(z)
    assert view.neuron.a == 1.0                                    # step: 0.15+1+1.95+4.2 ≥ 5
    assert "Tasty!" in view.formula.text()
    view.x_sliders[3].set_value(0.0)                               # no taste at all
    assert view.neuron.a == 0.0 and "Not tasty." in view.formula.text()
    assert "θ = −b = 5.00" in view.formula.text()
    assert "dislikes mint chocolate" in view.formula.text()


def test_threshold_and_bias_move_together_and_the_plot_marks_z(page):
    view = page.neuron_view
    view.activation.setCurrentIndex(view.activation.findData("step"))
    assert view.theta_slider.isVisibleTo(view)
    view.theta_slider.set_value(2.5)
    assert view.neuron.b == pytest.approx(-2.5)
    assert view.plot.threshold_shown() == pytest.approx(2.5)           # the dotted line at θ
    view.bias_slider.set_value(1.2)
    assert view.theta_slider.value() == pytest.approx(-1.2)
    assert "θ = −b = −1.20" in view.formula.text()
    nrn = view.neuron
    assert view.plot.point()[0] == pytest.approx(nrn.weighted_sum)      # the axis is w·x …
    assert view.plot.z_axis_offset() == pytest.approx(nrn.b)            # … the top axis reads z
    assert view.plot.point_text() == f"z = {format_number(nrn.z)}"
    assert view.plot.legend_texts() == ["a = f(w·x + b)", "f′ (slope)"]
    view.activation.setCurrentIndex(view.activation.findData("sigmoid"))
    assert not view.theta_slider.isVisibleTo(view)


def test_perceptron_learns_and(page):
    view = page.perceptron_view
    view.set_dataset("and")
    for _ in range(40):
        view.epoch_button.click()
    assert view.run.errors() == 0
    assert "No errors" in view.message.text()
    assert not view.verdict_shown()


def test_no_line_verdict_only_for_points_no_line_separates(page):
    """AND and OR are separable: whatever the start, rule and η (within the slider's range), 30
    epochs never end in "no straight line separates these points" (50 starts each). XOR always
    does — but only once the epochs have been run, never before."""
    from annviz.gui.lab.perceptron_view import MAX_EPOCHS

    view = page.perceptron_view
    rng = np.random.default_rng(11)
    lo, hi = view.learning_rate.values[0], view.learning_rate.values[-1]
    assert (lo, hi) == pytest.approx((0.01, 1.0))
    for gate in ("and", "or", "xor"):
        view.set_dataset(gate)
        for rule in ("perceptron", "sigmoid"):
            view.rule.setCurrentIndex(view.rule.findData(rule))
            for start in range(50 if gate != "xor" else 10):    # XOR's verdict is exact: 10 do
                view.learning_rate.set_value(float(rng.uniform(lo, hi)))
                view.reset_button.click()                                   # a new random start
                assert not view.verdict_shown()
                for _ in range(MAX_EPOCHS - 1):
                    view.epoch_button.click()
                assert not view.verdict_shown()
                view.epoch_button.click()
                errors = view.run.errors()
                assert view.verdict_shown() is (gate == "xor"), (gate, rule, start, errors)
                if gate == "xor":
                    assert "no straight line separates" in view.message.text()
                elif errors > 0:
                    assert "Not separated yet" in view.message.text()
                    assert "larger η" in view.message.text()


def test_hidden_layer_learns_the_perceptrons_own_xor_points(page, qtbot):
    view = page.perceptron_view
    view.set_dataset("xor")
    assert not view.verdict_shown()                     # not before the learner has run it
    view.run_button.click()
    assert "Run again" not in view.message.text()          # not while it runs
    qtbot.waitUntil(lambda: view.run.epochs_done >= 3, timeout=20000)
    assert view.run_button.isChecked() and view.message.text().startswith("Running:")
    qtbot.waitUntil(lambda: not view.run_button.isChecked(), timeout=20000)
    assert view.run.errors() > 0 and view.verdict_shown()
    view.hidden_button.click()
    playground = page.playground_view
    assert page.tabs.currentWidget() is playground
    assert playground.controls.config().hidden == (4,)
    train, test = playground.playground.points
    assert len(test) == 0                                   # all four points are for learning
    # … so nothing speaks of test points: no checkbox, no "test loss", no test share or noise
    assert not playground.show_test.isVisibleTo(playground) and playground.legend_names() == ["train loss"]
    assert not playground.controls.test_share.isVisibleTo(playground) and not playground.controls.noise.isVisibleTo(playground)
    np.testing.assert_array_equal(train.x[np.lexsort(train.x.T)], view.data.x[np.lexsort(view.data.x.T)])
    order_t, order_v = np.lexsort(train.x.T), np.lexsort(view.data.x.T)
    np.testing.assert_array_equal(train.y[order_t], view.data.y[order_v])
    qtbot.waitUntil(lambda: "accuracy 100.0 %" in playground.losses.text(), timeout=20000)
    page.shutdown()
    assert not playground.is_training_thread_running()


def test_clicks_add_points_of_both_classes(page, qtbot):
    view = page.perceptron_view
    view.clear_button.click()
    view.plane.point_clicked.emit(0.2, 0.3, 1)
    view.plane.point_clicked.emit(0.9, 1.1, 0)
    assert len(view.data) == 2
    assert view.data.y.tolist() == [1, 0]
    assert view.dataset.currentData() == "custom"


def test_playground_learns_the_circle(page, qtbot):
    view = page.playground_view
    page.tabs.setCurrentWidget(view)
    view.controls.set_config("circle", (4, 2))
    view.step_button.click()
    qtbot.waitUntil(lambda: view.last_snapshot.epoch == 1, timeout=3000)
    assert view.epoch_label.text() == "Epoch 1"                      # with its curve, not later
    assert view.legend_names() == ["train loss", "test loss"] and view.show_test.isVisibleTo(view)
    view.play_button.click()
    qtbot.waitUntil(lambda: view.last_snapshot.test_accuracy > 0.9, timeout=15000)
    assert view.is_training_thread_running()
    view.play_button.click()                                      # pause
    page.shutdown()
    assert not view.is_training_thread_running() and unfinished_threads() == []


def test_shutdown_while_running_stops_the_thread_quickly(page, qtbot):
    view = page.playground_view
    view.play_button.click()
    qtbot.waitUntil(lambda: view.updates_shown >= 3, timeout=5000)
    started = time.perf_counter()
    page.shutdown()
    assert time.perf_counter() - started < 1.0
    assert not view.is_training_thread_running() and unfinished_threads() == []


def test_korean_switches_live(page, qtbot):
    """(Completeness of every translation: tests/gui/test_translations.py.)"""
    from annviz.gui.i18n import set_language

    try:
        set_language("ko")
        qtbot.waitUntil(lambda: page.tabs.tabText(0) == "① 뉴런 하나", timeout=2000)
        assert page.neuron_view.controls.title() == "입력, 가중치, 편향"
        assert page.playground_view.reset_button.text() == "⟲ 초기화"
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "① One neuron", timeout=2000)


def test_six_hidden_layers_leave_room_for_edges_and_titles(page, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetrics

    page.resize(1280, 760)                                     # the lab at 1280×800
    page.show()
    qtbot.waitExposed(page)
    view = page.playground_view
    page.tabs.setCurrentWidget(view)
    view.controls.set_config("circle", (8, 8, 8, 8, 8, 8))
    qtbot.wait(50)
    diagram = view.diagram
    size, centres = diagram.node_layout()
    xs = [column[0].x() for column in centres]
    gaps = np.diff(xs)
    assert len(xs) == 8 and size >= 12
    assert gaps.min() - size >= 0.8 * size                     # clear space for the edges
    for column in centres:
        ys = [c.y() for c in column]
        assert len(ys) < 2 or np.diff(ys).min() >= size         # pictures in a column never touch
    width = diagram.column_width(gaps.min())
    bold = QFont(diagram.font())
    bold.setBold(True)
    flags = int(Qt.TextFlag.TextWordWrap)
    for text, font, height in (("8 neurons", diagram.font(), 34), ("Hidden layer 6", bold, 36)):
        metrics = QFontMetrics(font)
        assert max(metrics.horizontalAdvance(word) for word in text.split()) <= width
        assert metrics.boundingRect(QRect(0, 0, int(width), 1000), flags, text).height() <= height
