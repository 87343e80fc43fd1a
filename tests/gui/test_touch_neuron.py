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
