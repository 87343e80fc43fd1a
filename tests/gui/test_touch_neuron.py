"""Touch a neuron from the inspector: the edited network is everywhere, its accuracy is measured
in the background, "Restore" brings back the very original, and nothing is saved over the model."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from annviz.data.datasets import load_named_dataset, to_inputs
from annviz.nn.modelfile import load_model
from run_ends import open_window


@pytest.fixture
def window(qtbot, tmp_path, model_path):
    own = tmp_path / "my-model.safetensors"          # a model of the user's own (Ctrl+S saves there)
    shutil.copy(model_path, own)
    window = open_window(tmp_path / "settings.ini")
    qtbot.addWidget(window)
    assert window.open_model(own)
    test = load_named_dataset("mnist")
    window.state.show_example(to_inputs(test.test_images[0]).reshape(28, 28), int(test.test_labels[0]))
    window.state.select_neuron(1, 4)                   # hidden layer 1 · neuron 5
    yield window
    window.close()


def touch(window):
    return window.explorer.inspector.touch


def test_switching_a_neuron_off_puts_exactly_that_network_in_every_view(window, qtbot):
    state, original = window.state, window.state.network
    kept = [x.copy() for x in original.weights + original.biases]
    assert touch(window).isVisible()
    qtbot.mouseClick(touch(window).off, Qt.MouseButton.LeftButton)
    edited = state.network
    assert edited is not original
    expected = [w.copy() for w in original.weights]
    expected[1][:, 4] = 0.0                            # neuron 5's outgoing weights, W⁽²⁾[:, 4]
    for got, want in zip(edited.weights, expected):
        np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(state.probabilities,
                                  edited.forward(state.input_image.reshape(1, -1)).output[0])
    assert "edited: neuron 5 of hidden layer 1 switched off" in window.model_line.text()
    assert "Edited (not saved)" in touch(window).effect.text()
    for got, want in zip(original.weights + original.biases, kept):   # the original untouched
        np.testing.assert_array_equal(got, want)


def test_the_test_accuracy_shown_is_an_independent_evaluation(window, qtbot):
    original = window.state.network
    touch(window).bias_shift.set_value(3.0)
    touch(window).weight_scale.set_value(0.5)
    qtbot.waitUntil(lambda: touch(window).edited_accuracy is not None, timeout=30_000)
    test = load_named_dataset("mnist")
    x, y = to_inputs(test.test_images), test.test_labels
    w = [a.astype(np.float64) for a in original.weights]
    b = [a.astype(np.float64) for a in original.biases]
    w[0][4, :] *= 0.5
    b[0][4] += 3.0
    sigmoid = lambda z: 1 / (1 + np.exp(-z))          # noqa: E731  the classic net: σ, σ, softmax
    a = sigmoid(x @ w[0].T + b[0])
    a = sigmoid(a @ w[1].T + b[1])
    edited_accuracy = float(np.mean((a @ w[2].T + b[2]).argmax(axis=1) == y))
    original_accuracy = float(np.mean(original.predict(x) == y))
    assert edited_accuracy != original_accuracy
    text = touch(window).effect.text()
    assert f"Test accuracy: {100 * original_accuracy:.2f} % → {100 * edited_accuracy:.2f} %" in text


def test_restore_brings_back_the_original_network_bit_for_bit(window, qtbot):
    state, original = window.state, window.state.network
    kept = [x.copy() for x in original.weights + original.biases]
    qtbot.mouseClick(touch(window).off, Qt.MouseButton.LeftButton)
    touch(window).bias_shift.set_value(-2.0)
    state.select_neuron(2, 0)                          # a second neuron, in the second hidden layer
    touch(window).weight_scale.set_value(2.0)
    assert len(state.edits) == 2 and "; " in window.model_line.text()
    qtbot.mouseClick(touch(window).restore, Qt.MouseButton.LeftButton)
    assert state.network is original and state.edits == ()
    for got, want in zip(state.network.weights + state.network.biases, kept):
        np.testing.assert_array_equal(got, want)
    assert "edited" not in window.model_line.text()
    assert not touch(window).off.isChecked() and touch(window).weight_scale.value() == 1.0


def test_an_edited_model_is_never_saved_over_its_file(window, qtbot, tmp_path, monkeypatch):
    own = window.state.model_path
    before = own.read_bytes()
    qtbot.mouseClick(touch(window).off, Qt.MouseButton.LeftButton)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kw: asked.append(args) or ("", ""))
    window.save_model()                                # Ctrl+S: asks where, the user cancels
    assert asked and own.read_bytes() == before
    copy = tmp_path / "switched-off.safetensors"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(copy), ""))
    window.save_model()
    assert own.read_bytes() == before
    saved, _ = load_model(copy)
    assert np.all(saved.weights[1][:, 4] == 0)
    # saved as its own file: the window says so, and Ctrl+S goes there without asking again
    assert window.windowTitle() == "annviz — switched-off" and window.state.model_path == copy
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: asked.append(args) or ("", ""))
    n_asked = len(asked)
    assert window.save_model() and len(asked) == n_asked and own.read_bytes() == before


def test_loading_another_model_forgets_the_edits(window, qtbot):
    qtbot.mouseClick(touch(window).off, Qt.MouseButton.LeftButton)
    assert window.open_bundled("mnist-best")
    assert window.state.edits == () and not touch(window).restore.isEnabled()
    assert not touch(window).off.isChecked()


def test_the_pads_prediction_before_and_after_is_computed_once_per_change(window, qtbot, monkeypatch):
    """The line "Prediction for the pad" says the original's answer and the edited network's, as a
    forward pass by hand says; a new language or an accuracy arriving only writes it again."""
    from annviz.gui.explorer import touch as touch_module

    calls = []
    real = touch_module.answer_change
    monkeypatch.setattr(touch_module, "answer_change", lambda *args: calls.append(args) or real(*args))
    state, original = window.state, window.state.network
    touch(window).bias_shift.set_value(-8.0)
    assert len(calls) == 1
    x = state.input_image.reshape(-1).astype(np.float64)

    def by_hand(bias_shift):                           # the classic net: σ, σ, softmax
        w = [a.astype(np.float64) for a in original.weights]
        b = [a.astype(np.float64) for a in original.biases]
        b[0][4] += bias_shift
        a = 1 / (1 + np.exp(-(w[0] @ x + b[0])))
        a = 1 / (1 + np.exp(-(w[1] @ a + b[1])))
        z = w[2] @ a + b[2]
        p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        k = int(p.argmax())
        return f"{state.class_names[k]} ({100 * p[k]:.0f} %)"

    assert f"Prediction for the pad: {by_hand(0.0)} → {by_hand(-8.0)}" in touch(window).effect.text()
    assert by_hand(0.0) != by_hand(-8.0)               # the edit shows: "before" is not "after"
    touch(window).retranslate()
    qtbot.waitUntil(lambda: touch(window).edited_accuracy is not None, timeout=30_000)
    assert len(calls) == 1                             # texts written again, nothing computed
    touch(window).bias_shift.set_value(-4.0)           # new numbers: computed once more
    assert len(calls) == 2 and f"→ {by_hand(-4.0)}" in touch(window).effect.text()
