"""File → Save setup / Open setup in the whole window: a setup round-trips (page, tab, sliders,
points, playground, training settings, model, input); a bad or foreign one says so once and changes
nothing; a dataset folder it names is only offered to pick; ``annviz FILE.annviz`` opens it."""

from __future__ import annotations

import base64
import json
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annviz import cli
from annviz.data.datasets import bundled_mnist_dir, load_named_dataset, to_inputs
from annviz.gui.lab.playground_model import Hyper, PlaygroundConfig
from annviz.gui.setup import pages
from annviz.nn.config import TrainConfig
from annviz.setupfile import setup_bytes
from run_ends import open_window


@pytest.fixture(scope="module")
def shared_window(tmp_path_factory):
    """One window for the module (opening one takes seconds); ``window`` resets it for each test."""
    window = open_window(tmp_path_factory.mktemp("setup") / "settings.ini")
    yield window
    window.close()
    window.deleteLater()                  # now, not when the garbage collector finds the window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def window(shared_window, monkeypatch):
    """The window as it opens: the bundled model, default settings, the explorer in front; a file
    dialog no test expects fails the test instead of waiting for a click."""
    def unexpected(*args, **kwargs):
        raise AssertionError(f"an unexpected dialog: {args[1:2]}")

    for name in ("getExistingDirectory", "getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, unexpected)
    monkeypatch.setattr(QMessageBox, "warning", unexpected)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: unexpected(box, box.windowTitle()))
    assert shared_window.open_bundled("mnist-classic")
    shared_window.state.set_input(None)
    shared_window.training.panel.settings.set_config(TrainConfig())
    lab = pages(shared_window)["lab"]
    lab.perceptron_view.set_dataset("and")
    lab.playground_view.controls.set_everything(PlaygroundConfig(), Hyper(), 4)
    shared_window.tabs.setCurrentWidget(shared_window.explorer)
    return shared_window


@pytest.fixture
def messages(monkeypatch):
    """What the setup area says, as (title, text, details): the text in the language on screen, the
    file's own words (its field at fault) under Show Details."""
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: said.append((title, text, "")))
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: said.append((box.windowTitle(), box.text(), box.detailedText())) or 0)
    return said


def screen(window) -> dict:
    """Everything a setup can say about the window, as a setup file would hold it (the model's
    numbers included; its name on the teacher's machine aside: a student's copy has no file)."""
    doc = json.loads(setup_bytes(window.setup.gather()))
    doc.get("model", {}).pop("name", None)
    return doc


def reopened_as(qtbot, window, before: dict) -> dict:
    """The screen once a reopened setup has settled: the mistake on screen comes back as soon as
    the reopened model's test set is evaluated, in the background (under load, seconds later)."""
    try:
        qtbot.waitUntil(lambda: screen(window) == before, timeout=30_000)
    except qtbot.TimeoutError:
        pass                                   # the comparison that follows shows what differs
    return screen(window)


def set_up_a_lesson(window, tmp_path, model_path):
    """A teacher's screen: their own model, a test digit, a neuron selected, every lab part and the
    training settings changed, the playground in front."""
    own = tmp_path / "teachers-model.safetensors"
    shutil.copy(model_path, own)
    assert window.open_model(own)
    test = load_named_dataset("mnist")
    window.state.show_example(to_inputs(test.test_images[3]).reshape(28, 28), int(test.test_labels[3]))
    window.state.select_neuron(2, 7)
    lab = pages(window)["lab"]
    lab.neuron_view.load_tasty_preset()
    lab.neuron_view.bias_slider.set_value(-3.0)
    lab.perceptron_view.set_dataset("xor")
    lab.perceptron_view.rule.setCurrentIndex(1)
    lab.perceptron_view.learning_rate.set_value(0.5)
    lab.playground_view.controls.seed.setValue(123)
    lab.playground_view.load_preset("spirals", (6, 5, 3))
    lab.playground_view.controls.noise.set_value(20)
    lab.playground_view.controls.learning_rate.setCurrentIndex(5)
    window.training.panel.settings.set_config(TrainConfig(hidden=(64, 32), activation="relu", lr=0.01,
                                                          optimizer="sgd", batch_size=32, epochs=4, seed=9))
    window.tabs.setCurrentWidget(lab)
    lab.tabs.setCurrentWidget(lab.playground_view)
    return lab


def change_everything(window):
    assert window.open_bundled("mnist-best")
    window.state.set_input(None)
    lab = pages(window)["lab"]
    lab.neuron_view.set_neuron((0.5, 0.5), (1.0, -1.0), 0.0, "relu")
    lab.perceptron_view.set_dataset("and")
    lab.playground_view.load_preset("circle", (2,))
    window.training.panel.settings.set_config(TrainConfig())
    insight = pages(window)["insight"]
    window.tabs.setCurrentWidget(insight)
    insight.tabs.setCurrentWidget(insight.matrix)


def test_a_setup_round_trips(window, tmp_path, model_path, messages, qtbot):
    lab = set_up_a_lesson(window, tmp_path, model_path)
    before = screen(window)
    teachers_weights = [w.copy() for w in window.state.network.weights]
    assert window.setup.save_setup(tmp_path / "lesson.annviz")
    change_everything(window)
    assert screen(window) != before
    assert window.setup.open_setup(str(tmp_path / "lesson.annviz"))
    assert not messages
    assert reopened_as(qtbot, window, before) == before
    assert window.tabs.currentWidget() is lab and lab.tabs.currentWidget() is lab.playground_view
    assert lab.neuron_view.tasty and lab.neuron_view.neuron.b == -3.0
    assert lab.perceptron_view.dataset.currentData() == "xor" and lab.perceptron_view.rule.currentData() == "sigmoid"
    assert lab.playground_view.controls.config().hidden == (6, 5, 3)
    assert window.training.panel.settings.config().hidden == (64, 32)
    assert window.state.selected == (2, 7)
    for got, want in zip(window.state.network.weights, teachers_weights):   # carried, not a path
        np.testing.assert_array_equal(got, want)
    assert window.state.model_path is None


def test_the_perceptrons_own_points_and_the_playground_on_them_round_trip(window, tmp_path, messages, qtbot):
    lab = pages(window)["lab"]
    lab.perceptron_view.set_dataset("xor")
    lab.perceptron_view.hidden_layer_requested.emit(lab.perceptron_view.data)   # "Add a hidden layer →"
    lab.playground_view.play_button.setChecked(False)
    before = screen(window)
    assert before["playground"]["dataset"] == "points"
    assert window.setup.save_setup(tmp_path / "xor.annviz")
    change_everything(window)
    assert window.setup.open_setup(str(tmp_path / "xor.annviz"))
    assert reopened_as(qtbot, window, before) == before and not messages


BAD = {
    "not JSON": b"\x89PNG\r\n\x1a\n....",
    "foreign JSON": b'{"name": "annviz", "version": "1.0"}',
    "newer": b'{"format_version": 99, "kind": "annviz-setup"}',
    "unknown page": b'{"format_version": 1, "kind": "annviz-setup", "page": "cockpit"}',
    "unknown tab": b'{"format_version": 1, "kind": "annviz-setup", "page": "lab", "tab": "data"}',
    "bad neuron": b'{"format_version": 1, "kind": "annviz-setup", "neuron": {"xs": [1, 1], "ws": [1, 1], '
                  b'"b": 0, "activation": "softmax"}}',
    "bad late part": b'{"format_version": 1, "kind": "annviz-setup", "page": "insight", '
                     b'"model": {"bundled": "mnist-best"}, "lesson": {"lesson": "x", "step": -1}}',
    "a seed of 2^31": b'{"format_version": 1, "kind": "annviz-setup", "model": {"bundled": "mnist-best"}, '
                      b'"training": {"seed": 2147483648}}',
    "a lesson that is a path": b'{"format_version": 1, "kind": "annviz-setup", "page": "lab", '
                               b'"lesson": {"lesson": "../../../../etc/passwd", "step": 0}}',
    "a lesson nobody has": b'{"format_version": 1, "kind": "annviz-setup", "page": "lab", '
                           b'"model": {"bundled": "mnist-best"}, "lesson": {"lesson": "no-such-lesson", "step": 0}}',
    "a damaged carried lesson": b'{"format_version": 2, "kind": "annviz-setup", "page": "lab", '
                                b'"lesson": {"lesson": "mine", "step": 0, "toml": "format_version = [[["}}',
}


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_or_foreign_setup_says_so_once_and_changes_nothing(window, tmp_path, messages, kind):
    path = tmp_path / "bad.annviz"
    path.write_bytes(BAD[kind])
    before, model = screen(window), window.state.network
    assert not window.setup.open_setup(str(path))
    assert len(messages) == 1
    title, text, details = messages[0]
    assert title == "The setup was not opened" and "Nothing was changed" in text and path.name in text
    assert str(path) in details
    assert screen(window) == before and window.state.network is model


def test_a_page_that_fails_half_way_puts_everything_back(window, tmp_path, messages, monkeypatch, model_path):
    """Checks come first; should a page still refuse a value (injected here), what was applied
    goes back: the model that was loaded stays, with its file."""
    before, model, path = screen(window), window.state.network, window.state.model_path

    def refuse(*args, **kwargs):
        raise OverflowError("a value the checks missed")

    monkeypatch.setattr(window.state, "show_example", refuse)
    doc = {"format_version": 1, "kind": "annviz-setup", "page": "lab", "model": {"bundled": "mnist-best"},
           "input": {"pixels": base64.b64encode(bytes(784)).decode(), "label": 3}}
    (tmp_path / "half.annviz").write_text(json.dumps(doc))
    assert not window.setup.open_setup(str(tmp_path / "half.annviz"))
    assert len(messages) == 1 and "Nothing was changed" in messages[0][1]
    assert window.state.network is model and window.state.model_path == path
    assert screen(window) == before


def test_a_dataset_folder_is_offered_to_pick_never_read(window, tmp_path, monkeypatch, messages):
    doc = {"format_version": 1, "kind": "annviz-setup",
           "training": {"dataset": "/home/teacher/datasets/idx", "epochs": 2}}
    (tmp_path / "folder.annviz").write_text(json.dumps(doc))
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda parent, caption, *a: asked.append(caption) or "")
    assert window.setup.open_setup(str(tmp_path / "folder.annviz"))
    assert "/home/teacher/datasets/idx" in asked[0]
    settings = window.training.panel.settings
    assert settings.config().dataset == "mnist" and settings.config().epochs == 2      # cancelled: MNIST
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(bundled_mnist_dir()))
    assert window.setup.open_setup(str(tmp_path / "folder.annviz"))
    assert settings.config().dataset == str(bundled_mnist_dir())


def test_the_lesson_and_step_being_followed_round_trip(window, tmp_path, qtbot):
    assert window.lessons.open_lesson("perceptron", 2)
    try:
        assert window.setup.save_setup(tmp_path / "lesson.annviz")
        saved = json.loads((tmp_path / "lesson.annviz").read_text())["lesson"]
        assert saved == {"lesson": "perceptron", "step": 2}
        window.lessons.player.close_lesson()
        assert window.setup.open_setup(str(tmp_path / "lesson.annviz"))
        qtbot.waitUntil(lambda: window.lessons.player.lesson is not None)
        assert (window.lessons.player.lesson.name, window.lessons.player.index) == ("perceptron", 2)
        assert window.lessons.panel.counter.text().startswith("Step 3 of")   # the screen counts from 1
    finally:
        window.lessons.player.close_lesson()
        window.lessons.dock.hide()


def test_a_teachers_own_lesson_is_carried_in_the_setup_to_a_student_without_the_file(window, tmp_path, qtbot):
    from annviz.lessons.library import bundled_folder

    own = tmp_path / "우리-수업.toml"
    own.write_text((bundled_folder() / "threshold.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert window.lessons.open_file(own)
    window.lessons.player.go_to(1)
    try:
        assert window.setup.save_setup(tmp_path / "own.annviz")
        saved = json.loads((tmp_path / "own.annviz").read_text(encoding="utf-8"))
        assert saved["format_version"] == 2 and saved["lesson"]["lesson"] == "우리-수업"
        window.lessons.player.close_lesson()
        own.unlink()                                       # the student has only the setup
        assert window.setup.open_setup(str(tmp_path / "own.annviz"))
        qtbot.waitUntil(lambda: window.lessons.player.lesson is not None)
        assert (window.lessons.player.lesson.name, window.lessons.player.index) == ("우리-수업", 1)
    finally:
        window.lessons.player.close_lesson()
        window.lessons.dock.hide()


def test_an_edited_model_is_carried_not_named(window, tmp_path):
    window.state.select_neuron(1, 0)
    window.explorer.inspector.touch.off.setChecked(True)
    assert window.setup.save_setup(tmp_path / "edited.annviz")
    model = json.loads((tmp_path / "edited.annviz").read_text())["model"]
    assert "safetensors" in model and "bundled" not in model


def test_annviz_file_dot_annviz_opens_the_window_with_it(monkeypatch, tmp_path):
    seen = {}
    import annviz.gui.app as app

    monkeypatch.setattr(app, "main", lambda **kw: seen.update(kw) or 0)
    assert cli.main([str(tmp_path / "lesson.annviz")]) == 0
    assert seen["setup"] == str(tmp_path / "lesson.annviz")
    assert cli.main(["gui", "--lang", "ko", "x.annviz"]) == 0 and seen["setup"] == "x.annviz" and seen["lang"] == "ko"
    assert cli.main(["-v", "y.ANNVIZ"]) == 0 and seen["setup"] == "y.ANNVIZ"
    assert cli.main([]) == 0 and seen["setup"] is None
