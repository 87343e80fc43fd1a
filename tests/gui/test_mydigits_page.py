"""My digits in the window (pytest-qt): from "Add to my digits" on the pad to using the new model.

Waiting on a lesson uses ``qtbot.waitSignal`` (a real event loop): ``qtbot.wait``/``waitUntil``
keep the interpreter lock while they wait, which starves the lesson's thread.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from annviz.data.mydigits import DigitFolder
from annviz.data.preprocess import canvas_to_mnist
from annviz.gui.explorer.pad_panel import PadPanel
from annviz.gui.main_window import MainWindow
from annviz.gui.mydigits import install
from annviz.gui.mydigits.add_dialog import AddDigitDialog
from annviz.gui.state import AppState
from annviz.gui.threads import unfinished_threads
from annviz.nn import load_model
from explorer_helpers import draw_stroke, line, private_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from writers import write  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, model_path):
    window = MainWindow(AppState(), private_settings(tmp_path))
    window.open_model(model_path)
    install(window, window.state, tmp_path / "my-digits")
    page = window.mydigits                     # built when asked for
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    yield window, page
    window.close()
    assert unfinished_threads() == []


def teach_and_wait(qtbot, page, timeout=60_000):
    with qtbot.waitSignal(page.teacher.phase_changed, timeout=timeout,
                          check_params_cb=lambda phase: phase != "teaching"):
        page.panel.teach_button.click()


def add_writer(page, per_digit=5, seed=1):
    """The ``drawn`` writer's digits, added one by one as the pad would hand them over."""
    for canvas, label in zip(*write("drawn", per_digit, seed=seed)):
        page.add(canvas, label)


def test_add_to_my_digits_from_the_pad_with_the_prediction_pre_filled_or_a_key(qtbot, window):
    window_, page = window
    pad_panel = window_.explorer.pad_panel
    assert pad_panel.add_digit_action.isVisible() and pad_panel.add_digit_action.text() == "Add to my digits"
    draw_stroke(qtbot, pad_panel.pad, line(0.5, 0.1, 0.5, 0.9))   # a 1
    assert window_.state.prediction == 1
    pad_panel.add_digit_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddDigitDialog) and w.isVisible())
    assert [b.isChecked() for b in dialog.digit_buttons] == [d == 1 for d in range(10)]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)            # Enter keeps the network's answer
    assert [d.label for d in page.store.digits] == [1]
    assert page.summary.text().startswith("<b>1 digit</b> in ")          # one digit, not "1 digits"
    saved = page.store.digits[0]
    assert saved.path.parent == page.store.root / "1"
    assert np.array_equal(canvas_to_mnist(pad_panel.pad.canvas()), page.store.input(saved).reshape(28, 28))

    pad_panel.add_digit_action.trigger()                 # the same drawing, corrected with a key
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AddDigitDialog) and w.isVisible())
    qtbot.keyClick(dialog, Qt.Key.Key_7)
    assert sorted(d.label for d in page.store.digits) == [1, 7]
    assert "2 digits" in page.summary.text() and "0 held out" in page.summary.text()

    pad_panel.clear_action.trigger()                     # nothing drawn: nothing to add
    pad_panel.add_digit_action.trigger()
    assert not any(isinstance(w, AddDigitDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_without_the_area_the_pads_add_button_stays_hidden(qtbot, model_path):
    from explorer_helpers import make_state

    panel = PadPanel(make_state(model_path))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    buttons = [b for b in panel.findChildren(QToolButton) if b.defaultAction() is panel.add_digit_action]
    assert len(buttons) == 1 and not buttons[0].isVisible() and not panel.add_digit_action.isVisible()


def test_relabel_remove_and_load_into_the_pad(qtbot, window):
    window_, page = window
    canvases, labels = write("drawn", 1, seed=4)
    for canvas in canvases[:5]:
        page.add(canvas, 3)                              # five digits, all labelled 3 by mistake
    assert page.store.counts()[3].tolist() == [4, 1]
    held = next(d for d in page.store.digits if d.held_out)
    page.view.item_for(held).setSelected(True)
    assert page.view.selected() == held
    page.relabel_actions[9].trigger()
    moved = page.view.selected()
    assert moved.label == 9 and moved.held_out and (page.store.root / "9" / held.path.name).is_file()
    assert DigitFolder(page.store.root).counts()[[3, 9]].tolist() == [[4, 0], [0, 1]]
    page.load_button.click()
    assert window_.tabs.currentWidget() is window_.explorer
    assert np.array_equal(window_.state.input_image.reshape(-1), page.store.input(moved))
    window_.tabs.setCurrentWidget(page)
    page.remove_button.click()
    assert not moved.path.exists() and len(page.store.digits) == 4


def test_teach_watch_it_learn_and_use_the_new_model(qtbot, window, model_path):
    window_, page = window
    state = window_.state
    add_writer(page)
    original = state.network
    original_weights = original.weights[0].copy()
    seen = []
    state.weights_changed.connect(lambda: seen.append(state.network.weights[0].copy()))
    teach_and_wait(qtbot, page)
    assert page.teacher.phase == "done"
    assert len(seen) >= 2 and not np.array_equal(seen[0], seen[-1])   # the views followed it learning
    held, mnist = page.panel.held_gauge, page.panel.mnist_gauge
    assert held.now >= held.before + 0.10 and mnist.now >= mnist.before - 0.01
    assert "→" in held.text() and f"{held.before:.1%}" in held.text()
    assert page.panel.per_label.after[1] > page.panel.per_label.before[1]
    assert len(page.panel.changes.highlighted) == 3 and len(page.panel.changes.shown) == 16
    assert np.array_equal(original.weights[0], original_weights)       # the original is untouched

    one = next(d for d in page.store.digits if d.label == 1 and d.held_out)
    page.view.item_for(one).setSelected(True)
    before_line, now_line = page.panel.prediction.text()
    assert "This 1" in before_line and now_line.startswith("now it says 1")

    page.panel.use_button.click()
    assert page.teacher.phase == "idle" and state.network is not original
    assert state.info.history["taught"][-1]["after"]["held_out"] == pytest.approx(held.now)
    x, y = page.store.inputs(held_out=True)
    assert (state.network.predict(x) == y).mean() == pytest.approx(held.now)
    assert state.info.test_accuracy == pytest.approx(mnist.now)


def test_without_protection_mnist_accuracy_falls_and_discard_brings_the_original_back(qtbot, window):
    window_, page = window
    state = window_.state
    add_writer(page)
    original = state.network
    page.panel.without_protection.setChecked(True)
    teach_and_wait(qtbot, page)
    mnist = page.panel.mnist_gauge
    assert mnist.now < mnist.before - 0.03                 # catastrophic forgetting, made visible
    assert page.panel.held_gauge.now > page.panel.held_gauge.before
    page.panel.discard_button.click()
    assert state.network is original and page.teacher.phase == "idle"


def test_save_writes_a_new_file_never_the_original(qtbot, window, tmp_path, monkeypatch, model_path):
    window_, page = window
    original = tmp_path / "original.safetensors"
    original.write_bytes(model_path.read_bytes())
    assert window_.open_model(original)
    add_writer(page, per_digit=5, seed=5)
    page.panel.epochs.setValue(2)
    teach_and_wait(qtbot, page)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    before = original.read_bytes()
    assert not page.save_result(original)
    assert "never overwritten" in warnings[0] and original.read_bytes() == before
    assert page.save_result(tmp_path / "taught.safetensors")
    network, info = load_model(tmp_path / "taught.safetensors")
    assert info.history["taught"][0]["source"] == "my digits"
    assert window_.state.model_path == tmp_path / "taught.safetensors"


def test_closing_the_window_while_teaching_stops_the_lesson(qtbot, window):
    window_, page = window
    add_writer(page, per_digit=5, seed=6)
    page.panel.epochs.setValue(50)
    with qtbot.waitSignal(page.teacher.progress, timeout=30_000):
        page.panel.teach_button.click()
    assert page.teacher.is_running()
    window_.close()
    assert not page.teacher.is_running() and unfinished_threads() == []


def test_the_page_speaks_korean(qtbot, window):
    window_, page = window
    window_.set_language("ko")     # Qt posts LanguageChange to every window
    try:
        qtbot.waitUntil(lambda: page.panel.teach_button.text() == "가르치기", timeout=2000)
        assert "따로 둔 것" in page.summary.text()
        assert window_.explorer.pad_panel.add_digit_action.text() == "내 숫자에 추가"
        assert window_.tabs.tabText(window_.tabs.indexOf(page)) == "내 숫자"
    finally:
        window_.set_language("en")
    qtbot.waitUntil(lambda: page.panel.teach_button.text() == "Teach it", timeout=2000)


def test_a_model_that_does_not_read_digits_is_not_taught(qtbot, window):
    from annviz.nn import ModelInfo, Network

    window_, page = window
    add_writer(page, per_digit=1, seed=8)
    window_.state.set_model(Network.build([784, 8, 10], seed=0), ModelInfo(class_names=list("abcdefghij")))
    page.panel.teach_button.click()
    assert "does not read the handwritten digits" in page.panel.status.text()
    assert page.teacher.phase == "idle" and not page.teacher.is_running()


def test_a_lesson_of_a_single_digit_says_the_others_may_be_forgotten(qtbot, window):
    window_, page = window
    for canvas, label in zip(*write("drawn", 5, seed=8)):
        if label == 7:
            page.add(canvas, label)
    page.panel.epochs.setValue(1)
    for warned in (True, False):
        with qtbot.waitSignal(page.teacher.started, timeout=30_000):
            page.panel.teach_button.click()
        status = page.panel.status.text()
        assert ("Every digit to teach from is" in status) == warned
        assert "Every digit to teach from is a 7" in status or not warned
        # the lesson may already be over (a loaded machine delivers "started" and "done" together)
        qtbot.waitUntil(lambda: page.teacher.phase != "teaching", timeout=60_000)
        assert ("Every digit to teach from is a 7" in page.panel.status.text()) == warned   # it stays
        page.panel.discard_button.click()
        add_writer(page, per_digit=2, seed=9)         # other digits too: no warning


@pytest.mark.parametrize("kind", ["a file", "a link loop"])
def test_a_folder_that_cannot_hold_my_digits_says_why_and_another_can_be_chosen(qtbot, tmp_path, model_path,
                                                                                 monkeypatch, kind):
    from PySide6.QtWidgets import QFileDialog

    bad = tmp_path / "my-digits"
    if kind == "a file":
        bad.write_text("not a folder")
    else:
        bad.symlink_to(bad)
    settings = private_settings(tmp_path)
    window = MainWindow(AppState(), settings)
    qtbot.addWidget(window)
    install(window, window.state, bad)
    page = window.mydigits                                          # the page is there …
    assert window.tabs.indexOf(page) >= 0 and page.store is None
    why = {"a file": "is not a folder", "a link loop": "symbolic links go round in a loop"}[kind]
    assert str(bad) in page.folder_problem.text() and why in page.folder_problem.text()   # … and says why
    assert not page.folder_tools.import_button.isEnabled()
    chosen = tmp_path / "elsewhere"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))
    page.choose_folder_button.click()
    assert page.store is not None and page.store.root == chosen and page.folder_problem.isHidden()
    assert settings.value("mydigits/folder") == str(chosen)                # remembered
    window.close()


def test_the_page_shows_at_once_and_reads_large_photos_in_the_background(qtbot, tmp_path):
    """80 photos of 40 megapixels kept the window from appearing for more than 20 s: now every
    digit is listed at once and its image read by a background thread."""
    from annviz.data.images import write_png
    from annviz.gui.mydigits import MyDigitsPage

    root = tmp_path / "my-digits"
    photo = np.full((1500, 1500), 255, np.uint8)
    photo[300:1200, 700:800] = 0                             # a large photo of a 1
    for i in range(12):
        (root / "1").mkdir(parents=True, exist_ok=True)
        write_png(root / "1" / f"photo{i:02}.png", photo)
    page = MyDigitsPage(AppState(), root)
    qtbot.addWidget(page)
    assert len(page.store.digits) == 12                      # listed without reading one image
    assert not all(page.store.cached_input(d)[0] for d in page.store.digits)
    qtbot.waitUntil(page.inputs_read, timeout=30_000)
    assert all(page.store.cached_input(d)[1] is not None for d in page.store.digits)
    assert page.shutdown()


def test_an_import_runs_in_the_background_writes_the_index_once_and_can_be_stopped(qtbot, tmp_path):
    from annviz.data.images import write_png
    from annviz.data.mydigits import INDEX_NAME
    from annviz.gui.mydigits import MyDigitsPage

    source = tmp_path / "class-digits"
    image = np.zeros((28, 28), np.uint8)
    image[6:22, 12:16] = 255
    for label in (1, 7):
        (source / str(label)).mkdir(parents=True)
        for i in range(20):
            write_png(source / str(label) / f"{i}.png", image)
    (source / "1" / "notes.txt").write_text("not an image")
    page = MyDigitsPage(AppState(), tmp_path / "mine")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.imported, timeout=60_000) as done:
        page.import_folder(source)
    assert done.args == [40] and page.store.counts()[[1, 7]].sum() == 40
    assert "notes.txt" in page.notes.text()
    index = (page.store.root / INDEX_NAME).read_text()
    assert index.count('"side"') == 40
    many = tmp_path / "many"
    (many / "3").mkdir(parents=True)
    for i in range(300):
        write_png(many / "3" / f"{i}.png", image)
    with qtbot.waitSignal(page.imported, timeout=60_000) as stopped:
        page.import_folder(many)
        page.folder_tools.import_button.click()                # the button stops it
    assert stopped.args[0] < 300 and page.store.counts()[3].sum() == stopped.args[0]   # what was imported stays
    assert page.shutdown()
