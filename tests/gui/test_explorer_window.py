"""The main window: models, menus, language, settings, shutdown hooks and start-up (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from annviz.gui import app as app_module
from annviz.gui.i18n import set_language
from annviz.gui.main_window import MainWindow
from annviz.gui.state import AppState
from annviz.nn import Network, save_model
from explorer_helpers import menu_action, private_settings


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning records its message instead of blocking."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture
def window(qtbot, tmp_path, model_path):
    window = MainWindow(AppState(), private_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.open_model(model_path)
    yield window
    set_language("en")


def test_opening_a_corrupt_model_keeps_the_current_one(window, tmp_path, warnings):
    network = window.state.network
    bad = tmp_path / "corrupt.safetensors"
    bad.write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json at all")
    assert not window.open_model(bad)
    assert window.state.network is network
    (title, text), = warnings
    assert title == "The model was not opened" and "corrupt.safetensors" in text and "not valid JSON" in text


def test_a_model_of_another_input_size_is_refused(window, tmp_path, warnings):
    network = window.state.network
    small = tmp_path / "xor.safetensors"
    save_model(small, Network.build([2, 3, 1], output="sigmoid"))
    assert not window.open_model(small)
    assert window.state.network is network
    assert "takes 2 inputs" in warnings[0][1]


def test_opening_another_model_replaces_it_and_is_remembered(window, tmp_path):
    other = tmp_path / "wide.safetensors"
    save_model(other, Network.build([784, 32, 10], hidden="relu"))
    assert window.open_model(other)
    assert window.state.network.sizes == [784, 32, 10]
    assert window.windowTitle() == "annviz — wide"
    assert window.settings.value("model/path") == str(other.resolve())
    assert "784-32-10 ReLU/softmax · 25,450 parameters" in window.model_line.text()


def test_language_switch_translates_visible_labels(qtbot, window):
    explorer = window.explorer
    window.set_language("ko")     # Qt posts LanguageChange to every window
    qtbot.waitUntil(lambda: explorer.pad_dock.windowTitle() == "그리기", timeout=2000)
    assert window.tabs.tabText(0) == "탐색기"
    assert explorer.pad_panel.probabilities.answer.text() == "아직 아무것도 그리지 않았습니다"
    assert "학습할 숫자 <b>13,002</b>개" in explorer.weights.count.text()
    assert window.menuBar().actions()[0].text() == "파일(&F)"            # the first menu
    assert window.settings.value("language") == "ko"
    window.set_language("en")
    qtbot.waitUntil(lambda: explorer.pad_dock.windowTitle() == "Draw", timeout=2000)


def test_settings_round_trip(qtbot, tmp_path, model_path):
    first = MainWindow(AppState(), private_settings(tmp_path))
    qtbot.addWidget(first)
    first.open_model(model_path)
    first.set_language("ko")
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 520)          # the offscreen screen is 800×600
    qtbot.waitUntil(lambda: first.width() == 700)
    first.explorer.weights_dock.hide()
    size = first.size()
    first.close()
    set_language("en")

    second = MainWindow(AppState(), private_settings(tmp_path))
    qtbot.addWidget(second)
    assert second.load_initial_model()
    assert second.state.model_path == model_path
    second.restore_settings()
    second.show()
    qtbot.waitExposed(second)
    assert second.size() == size and second.width() == 700
    assert not second.explorer.weights_dock.isVisible()
    assert second.explorer.pad_dock.isVisible()
    assert second.settings.value("language") == "ko"


def test_close_runs_every_shutdown_hook(window):
    calls = []
    window.add_shutdown_hook(lambda: calls.append("training"))
    window.add_shutdown_hook(lambda: 1 / 0)
    window.add_shutdown_hook(lambda: calls.append("after a failing hook"))
    window.close()
    assert calls == ["training", "after a failing hook"]


def test_pages_docks_and_png_export(qtbot, window, tmp_path):
    window.add_page(QLabel("lab"), lambda: "Neuron lab")
    assert window.tabs.count() == 2 and window.tabs.tabText(1) == "Neuron lab"
    from PySide6.QtWidgets import QDockWidget
    dock = QDockWidget("Training")
    dock.setObjectName("training")
    window.explorer.add_dock(dock)
    assert dock in window.explorer.docks()
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    out = tmp_path / "view.png"
    assert window.export_png(out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_main_opens_the_window_with_a_model_and_exits(qtbot, tmp_path, model_path, monkeypatch):
    settings = private_settings(tmp_path)
    settings.setValue("model/path", str(model_path))
    settings.setValue("language", "en")
    monkeypatch.setattr(app_module, "QSettings", lambda: settings)
    seen = {}

    def close_the_window():
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())  # not an earlier test's
        seen["title"], seen["sizes"] = window.windowTitle(), window.state.network.sizes
        window.close()

    def exec_until_closed(*_):
        # A local loop instead of the application's: QApplication.quit() would set Qt's quit
        # flag for the rest of the session and silently drop worker-thread signals in later tests.
        loop = QEventLoop()
        QTimer.singleShot(300, lambda: (close_the_window(), loop.quit()))
        loop.exec()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_closed)
    assert app_module.main([]) == 0
    assert seen == {"title": f"annviz — {model_path.stem}", "sizes": [784, 16, 16, 10]}
    assert settings.value("window/geometry")


def test_settle_heap_takes_what_exists_out_of_full_collections():
    import gc

    from annviz.gui.app import settle_heap

    built_at_start = {"a": [1, 2, 3]}
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert not any(obj is built_at_start for obj in gc.get_objects())
        made_later = {"b": []}
        assert any(obj is made_later for obj in gc.get_objects())
    finally:
        gc.unfreeze()


def test_the_model_line_stays_after_a_menu_status_tip(qtbot, window):
    from PySide6.QtGui import QStatusTipEvent

    window.show()
    qtbot.waitExposed(window)
    line = window.model_line
    assert line.text().startswith("mnist-classic: 784-16-16-10")
    QApplication.sendEvent(window, QStatusTipEvent("Open a model file"))   # hovering a menu item
    QApplication.sendEvent(window, QStatusTipEvent(""))                    # the pointer leaves it
    assert line.isVisible() and line.text().startswith("mnist-classic: 784-16-16-10")


def test_the_current_bundled_model_is_checked(window):
    classic = menu_action(window, "View", "Bundled models", "Classic: 784-16-16-10, sigmoid (the lecture notes' network)")
    best = menu_action(window, "View", "Bundled models", "Best: a wider ReLU network")
    assert classic.isChecked() and not best.isChecked()
    assert window.open_bundled("mnist-best")
    assert best.isChecked() and not classic.isChecked()


def test_the_view_menu_opens_a_bundled_model_and_switches_the_language(window):
    """View → Bundled models and View → Language do what they name, through the menus' own commands."""
    from annviz.paths import bundled_model

    before = window.state.network
    best = menu_action(window, "View", "Bundled models", "Best: a wider ReLU network")
    best.trigger()
    # wrong: the model kept, the classic one opened, the menu not following
    assert window.state.network is not before
    assert window.state.model_path.resolve() == bundled_model("mnist-best").resolve()
    assert best.isChecked() and window.windowTitle() == "annviz — mnist-best"
    menu_action(window, "View", "Language", "한국어").trigger()
    # wrong: still English, the choice not remembered, the menu not following
    assert window.language == "ko" and window.settings.value("language") == "ko"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["파일(&F)", "보기(&V)"]
    assert menu_action(window, "보기(V)", "언어(L)", "한국어").isChecked()
    assert not menu_action(window, "보기(V)", "언어(L)", "English").isChecked()


def test_ctrl_s_saves_the_model_to_its_own_file(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt

    own = tmp_path / "mine.safetensors"
    save_model(own, Network.build([784, 10], "sigmoid", "softmax", seed=1))
    assert window.open_model(own)
    window.state.set_weights([w * 0 + 0.5 for w in window.state.network.weights],
                             window.state.network.biases)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    pad = window.explorer.pad_panel.pad
    pad.setFocus()
    qtbot.waitUntil(pad.hasFocus)
    qtbot.keyClick(pad, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    from annviz.nn import load_model
    assert (load_model(own)[0].weights[0] == 0.5).all()


def test_save_as_adds_the_extension(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(a) or (str(tmp_path / "notes-trained"), ""))
    menu_action(window, "File", "Save model as…").trigger()
    assert (tmp_path / "notes-trained.safetensors").is_file()
    # the window now names the new file, and Ctrl+S saves there without asking again
    assert window.windowTitle() == "annviz — notes-trained"
    assert window.model_line.text().startswith("notes-trained: ")
    before = (tmp_path / "notes-trained.safetensors").stat().st_mtime_ns
    window.state.set_weights([w * 0 + 0.25 for w in window.state.network.weights], window.state.network.biases)
    assert window.save_model() and len(asked) == 1
    from annviz.nn import load_model
    assert (load_model(tmp_path / "notes-trained.safetensors")[0].weights[0] == 0.25).all()
    assert (tmp_path / "notes-trained.safetensors").stat().st_mtime_ns >= before
