"""PyTorch in the window: a file saved from PyTorch opens after a small dialog (remembered for the
next start), and File → Export → PyTorch script writes the script and the model beside it."""

from __future__ import annotations

import ast

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDialogButtonBox, QMessageBox
from safetensors.numpy import load_file, save_file

from annviz.gui.foreign_dialog import ForeignModelDialog
from annviz.gui.i18n import set_language
from annviz.gui.main_window import MainWindow
from annviz.gui.state import AppState
from annviz.nn import load_model
from annviz.paths import bundled_model
from explorer_helpers import private_settings


@pytest.fixture
def window(qtbot, tmp_path):
    window = MainWindow(AppState(), private_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_bundled("mnist-best")
    yield window
    set_language("en")


@pytest.fixture
def pytorch_file(tmp_path):
    """mnist-classic's tensors as an nn.Sequential with a leading Flatten saves them."""
    tensors = load_file(bundled_model("mnist-classic"))
    path = tmp_path / "from-pytorch.safetensors"
    save_file({f"{2 * int(k.split('.')[1]) + 1}.{k.split('.')[2]}": v for k, v in tensors.items()}, path)
    return path


def answer(activation: str | None, logits: bool | None, seen: list, accept: bool = True) -> None:
    """Once the dialog shows: choose as a user would, note what it said, press OK or Cancel."""
    def on_dialog():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, ForeignModelDialog) and w.isVisible())
        combo, box = dialog.findChild(QComboBox), dialog.findChild(QCheckBox)
        seen.append((dialog.windowTitle(), combo.currentData(), box.isChecked(), combo.isEnabled()))
        if activation is not None:
            combo.setCurrentIndex(combo.findData(activation))
        if logits is not None and box.isChecked() != logits:
            box.click()
        buttons = dialog.findChild(QDialogButtonBox)
        buttons.button(QDialogButtonBox.StandardButton.Ok if accept
                       else QDialogButtonBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, on_dialog)


def test_a_pytorch_file_opens_after_the_dialog_and_is_remembered(window, pytorch_file, tmp_path, qtbot):
    seen = []
    answer("sigmoid", True, seen)
    assert window.open_model(pytorch_file)
    assert seen == [("A PyTorch network", "relu", True, True)]  # the defaults it offered
    net = window.state.network
    assert net.sizes == [784, 16, 16, 10] and net.activation_names == ["sigmoid", "sigmoid", "softmax"]
    classic, _ = load_model(bundled_model("mnist-classic"))
    x = np.random.default_rng(0).random((5, 784), dtype=np.float32)
    np.testing.assert_allclose(net.predict_proba(x), classic.predict_proba(x), rtol=1e-6)
    assert "from-pytorch" in window.windowTitle()

    again = MainWindow(AppState(), private_settings(tmp_path))  # the next start: no question
    qtbot.addWidget(again)
    assert again.load_initial_model()
    assert again.state.model_path == pytorch_file
    assert again.state.network.activation_names == ["sigmoid", "sigmoid", "softmax"]


def test_cancelling_keeps_the_current_model(window, pytorch_file):
    before = window.state.network
    seen = []
    answer(None, None, seen, accept=False)
    assert not window.open_model(pytorch_file)
    assert seen and window.state.network is before


def test_unchecked_logits_use_the_outputs_as_they_are(window, pytorch_file):
    answer("sigmoid", False, [])
    assert window.open_model(pytorch_file)
    assert window.state.network.activation_names[-1] == "identity" and window.state.info.loss == "mse"


def test_the_dialog_speaks_korean(window, pytorch_file):
    window.set_language("ko")
    seen = []
    answer(None, None, seen, accept=False)
    window.open_model(pytorch_file)
    assert seen[0][0] == "PyTorch 신경망"


def test_a_file_annviz_does_not_understand_says_so_without_a_dialog(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    odd = tmp_path / "conv.safetensors"
    save_file({"conv.weight": np.zeros((8, 1, 3, 3), np.float32)}, odd)
    assert not window.open_model(odd)
    assert "nn.Sequential" in shown[0] and str(odd) in shown[0]


def test_export_writes_a_script_and_the_model_beside_it(window, tmp_path):
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.menu()
                  for a in a.menu().actions()]
    assert "PyTorch &script…" in menu_texts
    script, weights = window.export_pytorch(tmp_path / "out" / ".." / "best-in-torch")
    assert script.name == "best-in-torch.py" and weights == script.with_suffix(".safetensors")
    network, info = load_model(weights)
    for a, b in zip(network.weights, window.state.network.weights):
        np.testing.assert_array_equal(a, b)
    text = script.read_text(encoding="utf-8")
    ast.parse(text)  # valid Python
    assert '"best-in-torch.safetensors"' in text and "SIZES = [784, 512, 256, 10]" in text
    assert "urllib" not in text and "download=" not in text


def test_export_never_replaces_a_model_file_the_learner_did_not_name(window, tmp_path, monkeypatch):
    """A learner's own seq.safetensors (other keys, loaded by their load_state_dict) beside the
    seq.py they export: asked first; Cancel keeps it byte for byte and writes no script."""
    own = tmp_path / "seq.safetensors"
    save_file({"0.weight": np.ones((3, 2), np.float32), "0.bias": np.zeros(3, np.float32)}, own)
    before = own.read_bytes()
    asked = []

    def answer(parent, title, text, *args):
        asked.append((title, text))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert window.export_pytorch(tmp_path / "seq.py") is None
    assert own.read_bytes() == before and not (tmp_path / "seq.py").exists()
    assert len(asked) == 1 and "seq.safetensors" in asked[0][0] and "already exists" in asked[0][1]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    script, weights = window.export_pytorch(tmp_path / "seq.py")     # the learner said so
    assert weights == own and own.read_bytes() != before
    assert load_model(own)[0].sizes == window.state.network.sizes
