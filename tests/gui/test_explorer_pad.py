"""The drawing pad, what the network sees, the probabilities and the test digits (pytest-qt)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from annviz.data import canvas_to_mnist, load_dataset
from annviz.data.datasets import to_inputs
from annviz.gui.explorer.pad_panel import PadPanel
from explorer_helpers import draw_stroke, line, make_state, pad_point


@pytest.fixture
def panel(qtbot, model_path):
    state = make_state(model_path)
    panel = PadPanel(state)
    qtbot.addWidget(panel)
    panel.resize(700, 420)
    panel.show()
    qtbot.waitExposed(panel)
    return state, panel


def seven(qtbot, pad):
    draw_stroke(qtbot, pad, line(0.25, 0.2, 0.75, 0.2) + line(0.75, 0.2, 0.45, 0.85)[1:])


def test_empty_pad_says_nothing_drawn(panel):
    state, panel = panel
    assert state.input_image is None and state.probabilities is None
    assert panel.probabilities.answer.text() == "nothing drawn yet"
    assert not panel.seen.image().any()


def test_a_stroke_changes_the_input_and_yields_ten_probabilities(qtbot, panel):
    state, panel = panel
    seven(qtbot, panel.pad)
    assert state.input_image is not None and state.input_image.shape == (28, 28)
    assert state.input_image.max() > 0.5 and (state.input_image > 0.1).sum() > 20
    np.testing.assert_array_equal(panel.seen.image(), state.input_image)
    p = state.probabilities
    assert p.shape == (10,) and p.sum() == pytest.approx(1.0, abs=1e-5)
    assert panel.probabilities.answer.text().startswith(f"Prediction: {state.prediction} (")


def test_the_prediction_is_live_before_the_stroke_ends(qtbot, panel):
    state, panel = panel
    pad = panel.pad
    lifted = []
    pad.stroke_finished.connect(lambda: lifted.append(1))
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=pad_point(pad, 0.3, 0.2))
    for x, y in line(0.3, 0.2, 0.7, 0.8)[1:]:
        qtbot.mouseMove(pad, pad_point(pad, x, y))
    qtbot.waitUntil(lambda: state.probabilities is not None, timeout=1000)  # button still down
    assert not lifted                                                       # still drawing
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=pad_point(pad, 0.7, 0.8))
    assert lifted == [1]


def test_canvas_changes_are_throttled_to_the_frame_rate(qtbot, panel):
    state, panel = panel
    emitted = []
    panel.pad.canvas_changed.connect(lambda: emitted.append(1))
    seven(qtbot, panel.pad)   # 23 moves in far less than a frame each
    assert 2 <= len(emitted) < 23
    # ... and the last emission, on release, shows the finished stroke
    from annviz.data.preprocess import canvas_to_mnist
    np.testing.assert_array_equal(state.input_image, canvas_to_mnist(panel.pad.canvas()))


def test_clear_and_undo(qtbot, panel):
    state, panel = panel
    seven(qtbot, panel.pad)
    one_stroke = state.input_image.copy()
    draw_stroke(qtbot, panel.pad, line(0.3, 0.5, 0.7, 0.5))
    assert not np.array_equal(state.input_image, one_stroke)
    panel.pad.setFocus()
    qtbot.keyClick(panel.pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_allclose(state.input_image, one_stroke, atol=1e-6)
    qtbot.keyClick(panel.pad, Qt.Key.Key_Delete)
    assert state.input_image is None and panel.pad.is_blank()
    assert panel.probabilities.answer.text() == "nothing drawn yet"
    seven(qtbot, panel.pad)
    drawn = state.input_image.copy()
    qtbot.keyClick(panel.pad, Qt.Key.Key_Escape)
    assert state.input_image is None
    qtbot.keyClick(panel.pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)   # clearing is undoable
    np.testing.assert_array_equal(state.input_image, drawn)


def test_undo_brings_back_a_cleared_test_digit_exactly(qtbot, panel):
    state, panel = panel
    image = load_dataset("mnist").test_images[5] / np.float32(255)
    state.show_example(image, 1)
    panel.pad.clear()
    assert state.input_image is None
    panel.pad.undo()
    np.testing.assert_array_equal(state.input_image, image.astype(np.float32))


def test_right_button_and_eraser_mode_erase(qtbot, panel):
    state, panel = panel
    draw_stroke(qtbot, panel.pad, line(0.2, 0.5, 0.8, 0.5))
    ink = panel.pad.canvas().sum()
    draw_stroke(qtbot, panel.pad, line(0.5, 0.3, 0.5, 0.7), button=Qt.MouseButton.RightButton)
    erased_right = panel.pad.canvas().sum()
    assert erased_right < ink
    panel.eraser_action.setChecked(True)
    draw_stroke(qtbot, panel.pad, line(0.3, 0.3, 0.3, 0.7))
    assert panel.pad.canvas().sum() < erased_right
    panel.eraser_action.setChecked(False)


def test_brush_width_sets_the_stroke_width(qtbot, panel):
    state, panel = panel
    widths = []
    for width in (8, 40):
        panel.pad.clear()
        panel.pad.set_brush_width(width)
        draw_stroke(qtbot, panel.pad, line(0.2, 0.5, 0.8, 0.5))
        widths.append((panel.pad.canvas()[:, 140] > 128).sum())
    assert widths[0] < widths[1] and widths[1] == pytest.approx(40, abs=3)


def test_test_digits_reach_the_network_exactly_and_show_on_the_pad(qtbot, panel):
    """A test digit is the input as it is (the model's own prediction for it); the pad shows it,
    and the pad's canvas of it, were it drawn, would mostly give the same answer."""
    state, panel = panel
    ds = load_dataset("mnist")
    n = 40
    direct = state.network.predict(to_inputs(ds.test_images[:n]))
    shown, from_canvas = [], []
    for i in range(n):
        panel.picker.show_index(i)
        np.testing.assert_array_equal(panel.pad.canvas()[5::10, 5::10], ds.test_images[i])
        shown.append(state.prediction)
        from_canvas.append(state.network.predict(canvas_to_mnist(panel.pad.canvas()).reshape(1, -1))[0])
    np.testing.assert_array_equal(shown, direct)
    assert panel.picker.label.text() == f"test image #{n - 1} · true label: {ds.test_labels[n - 1]}"
    agree = (np.array(from_canvas) == direct).mean()
    assert agree >= 0.95, f"canvas and direct predictions agree on only {agree:.0%}"
    qtbot.mouseClick(panel.picker.next_button, Qt.MouseButton.LeftButton)
    assert panel.picker.index == n


def test_next_on_a_fresh_pad_is_the_first_test_image_and_the_pad_stays_put(qtbot, panel):
    state, panel = panel
    geometry = panel.pad.geometry()
    qtbot.mouseClick(panel.picker.next_button, Qt.MouseButton.LeftButton)
    label = load_dataset("mnist").test_labels[0]
    assert panel.picker.index == 0
    assert panel.picker.label.text() == f"test image #0 · true label: {label}"
    qtbot.wait(50)                                       # let a re-layout happen, if any would
    assert panel.pad.geometry() == geometry


def test_a_drawn_test_digit_loads_undo_and_clear(qtbot, panel):
    state, panel = panel
    panel.test_digit_action.trigger()
    assert panel.picker.index is not None and state.input_image is not None
    panel.clear_action.trigger()
    assert panel.picker.label.text() == "" and state.input_image is None


def test_tablet_pressure_scales_the_brush_and_the_eraser_end_erases(qtbot, panel):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QInputDevice, QPointingDevice, QPointingDeviceUniqueId, QTabletEvent
    from PySide6.QtWidgets import QApplication

    state, panel = panel
    pad = panel.pad

    def pen(kind):
        return QPointingDevice("pen", 1, QInputDevice.DeviceType.Stylus, kind,
                               QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                               1, 3, "", QPointingDeviceUniqueId())

    def stroke(y, pressure, device):
        left, right = pad_point(pad, 0.2, y), pad_point(pad, 0.8, y)
        for kind, p in ((QEvent.Type.TabletPress, left), (QEvent.Type.TabletMove, right),
                        (QEvent.Type.TabletRelease, right)):
            event = QTabletEvent(kind, device, QPointF(p), QPointF(pad.mapToGlobal(p)), pressure,
                                 0, 0, 0, 0, 0, Qt.KeyboardModifier.NoModifier,
                                 Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
            QApplication.sendEvent(pad, event)

    stylus = pen(QPointingDevice.PointerType.Pen)
    pad.set_brush_width(30)
    stroke(0.3, 1.0, stylus)
    stroke(0.7, 0.3, stylus)
    column = pad.canvas()[:, 140] > 128
    heavy, light = column[:140].sum(), column[140:].sum()
    assert heavy == pytest.approx(30, abs=3) and light == pytest.approx(9, abs=3)
    assert state.input_image is not None
    stroke(0.3, 1.0, pen(QPointingDevice.PointerType.Eraser))
    assert (pad.canvas()[:140, 140] > 128).sum() == 0


def test_below_the_confidence_threshold_the_explorer_is_not_sure(qtbot, panel):
    state, panel = panel
    draw_stroke(qtbot, panel.pad, line(0.2, 0.2, 0.8, 0.8))                       # an X
    draw_stroke(qtbot, panel.pad, line(0.8, 0.2, 0.2, 0.8))
    x = canvas_to_mnist(panel.pad.canvas())
    p = state.network.predict_proba(x.reshape(1, -1))[0]
    first, second = np.argsort(p)[::-1][:2]
    state.set_confidence_threshold(p[first] + 0.01)
    assert panel.probabilities.answer.text() == (
        f"not sure — {p[first]:.0%} {first}, {p[second]:.0%} {second}")
    state.set_confidence_threshold(p[first] - 0.01)
    assert panel.probabilities.answer.text() == f"Prediction: {first} ({p[first]:.0%})"


def test_a_tiny_drawing_gets_a_warning(qtbot, panel):
    state, panel = panel
    draw_stroke(qtbot, panel.pad, line(0.47, 0.45, 0.53, 0.45) + line(0.53, 0.45, 0.49, 0.55)[1:])
    assert state.input_problem == "small"
    assert panel.hint.text().startswith("Drawn very small")
    panel.pad.clear()
    seven(qtbot, panel.pad)
    assert state.input_problem is None
    assert panel.hint.text().startswith("Draw a digit with the mouse")


def test_a_dash_and_a_large_scribble_get_their_own_warnings(qtbot, panel):
    state, panel = panel
    draw_stroke(qtbot, panel.pad, line(0.2, 0.5, 0.8, 0.5))            # a horizontal dash
    assert state.input_problem == "flat"
    assert panel.hint.text().startswith("Much wider than tall")
    panel.pad.clear()
    panel.pad.set_brush_width(40)                                         # the brush slider's widest
    zigzag = []
    for k in range(8):                                                    # back and forth, top to bottom
        y = 0.15 + 0.09 * k
        zigzag += line(0.15 if k % 2 == 0 else 0.85, y, 0.85 if k % 2 == 0 else 0.15, y + 0.09)[1 if zigzag else 0:]
    draw_stroke(qtbot, panel.pad, zigzag)
    assert state.input_problem == "blob"
    assert panel.hint.text().startswith("So dense") and "very small" not in panel.hint.text()


def test_the_korean_answer_fits_a_narrow_panel(qtbot, panel):
    from PySide6.QtGui import QFontMetrics

    from annviz.gui.i18n import set_language

    state, panel = panel
    panel.resize(520, 420)
    try:
        set_language("ko")
        answer = panel.probabilities.answer
        qtbot.waitUntil(lambda: answer.text() == "아직 아무것도 그리지 않았습니다", timeout=2000)
        qtbot.wait(50)
        assert QFontMetrics(answer.font()).horizontalAdvance(answer.text()) <= answer.width()
    finally:
        set_language("en")


def test_a_single_click_draws_a_dot(qtbot, panel):
    state, panel = panel
    point = pad_point(panel.pad, 0.5, 0.5)
    qtbot.mousePress(panel.pad, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(panel.pad, Qt.MouseButton.LeftButton, pos=point)
    canvas = panel.pad.canvas()
    assert not panel.pad.is_blank() and (canvas > 128).sum() > 100      # a round dot, the brush wide
    assert state.input_image is not None
    panel.pad.undo()                                                     # and Undo takes it back
    assert panel.pad.is_blank()


def test_undo_after_a_test_digit_over_a_drawing_brings_the_drawing_back(qtbot, panel):
    state, panel = panel
    seven(qtbot, panel.pad)
    drawn = state.input_image.copy()
    panel.test_digit_action.trigger()
    assert not np.array_equal(state.input_image, drawn)
    panel.pad.undo()
    np.testing.assert_array_equal(state.input_image, drawn)              # not an empty pad first
    panel.pad.clear()
    panel.test_digit_action.trigger()                                    # over an empty pad
    panel.pad.undo()
    assert panel.pad.is_blank()
