"""The window's ways of opening a file, driven with the fuzzer's mutated files (tests/fuzzing.py):
File → Open model, setup, lesson and training recording, the list of lessons with the user's
folder full of them, My digits' import, and the lesson remembered at start-up. Each file either
opens, or gives exactly one message — in Korean here, the reader's own reason translated — and
leaves the window as it was."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annviz.gui.common.file_errors import refusal
from annviz.safeio import FileFormatError
from annviz.setupfile import setup_bytes
from fuzzing import kinds, write_folder
from run_ends import open_window

KINDS = kinds()
CASES = settings(max_examples=10, deadline=None, derandomize=True, database=None,
                 suppress_health_check=list(HealthCheck),
                 phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


@pytest.fixture(scope="module")
def window(tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("open-paths") / "settings.ini")
    window.set_language("ko")
    window.ask_foreign = lambda path, layout: None            # the learner cancels the question
    yield window
    window.set_language("en")
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def said(monkeypatch):
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: messages.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append(box.text()) or 0)   # a box with details
    for name in ("getExistingDirectory", "getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: "")
    return messages


def screen(window) -> dict:
    doc = json.loads(setup_bytes(window.setup.gather()))
    doc.get("model", {}).pop("name", None)
    return doc


def expected_refusal(kind: str, path) -> str | None:
    """What the window must say about ``path`` (the reader's reason in the interface's language),
    or None if the file reads."""
    try:
        KINDS[kind].read(path)
    except FileFormatError as error:
        return refusal(error)
    return None


def mutated(data, kind: str, where):
    spec = KINDS[kind]
    seed = data.draw(st.sampled_from(spec.seed_list(where / "seeds")))
    path = where / f"case{spec.suffix}"
    path.write_bytes(data.draw(spec.mutate(seed)))
    return path


def check_refused_or_opened(window, said, opened: bool, expected: str | None, before, what) -> None:
    if opened:
        assert not said, said
        return
    assert len(said) == 1, said                      # one message …
    if expected is not None:
        assert expected in said[0], (expected, said[0])   # … the reader's reason, translated
    assert what() == before                          # … and nothing changed


@pytest.mark.parametrize("kind", ["model", "pytorch"])
def test_file_open_model(window, said, tmp_path_factory, kind):
    where = tmp_path_factory.mktemp(f"open-{kind}")

    @CASES
    @given(st.data())
    def case(data):
        said.clear()
        window.open_bundled("mnist-classic")
        path = mutated(data, kind, where)
        expected = expected_refusal("model", path)
        before = window.state.network, window.state.model_path
        opened = window.open_model(path)
        if expected is not None and "PyTorch" not in expected and "PyTorch" not in (said or [""])[0]:
            assert not opened
        check_refused_or_opened(window, said, opened or not said, expected if said else None, before,
                                lambda: (window.state.network, window.state.model_path))

    case()


def test_file_open_setup(window, said, tmp_path_factory):
    where = tmp_path_factory.mktemp("open-setup")
    window.training.panel.ask_to_keep = lambda: QMessageBox.StandardButton.Discard

    @CASES
    @given(st.data())
    def case(data):
        said.clear()
        window.open_bundled("mnist-classic")
        path = mutated(data, "setup", where)
        expected = expected_refusal("setup", path)
        before = screen(window), window.state.network
        opened = window.setup.open_setup(str(path))
        check_refused_or_opened(window, said, opened, expected, before, lambda: (screen(window), window.state.network))
        window.lessons.player.close_lesson()

    case()


def test_file_open_lesson_and_the_remembered_lesson_at_start(window, said, tmp_path_factory):
    where = tmp_path_factory.mktemp("open-lesson")

    @CASES
    @given(st.data())
    def case(data):
        said.clear()
        window.lessons.player.close_lesson()
        path = mutated(data, "lesson", where)
        expected = expected_refusal("lesson", path)
        opened = window.lessons.open_file(path)
        check_refused_or_opened(window, said, opened, expected, None, lambda: None)
        assert (window.lessons.player.lesson is not None) == opened
        window.settings.setValue("lessons/open", "case")          # the same file, remembered
        window.settings.setValue("lessons/open_path", str(path))
        window.lessons.dock.show()
        window.lessons.start()
        QTest.qWait(1)
        assert (window.settings.value("lessons/open") == "") == (expected is not None)
        for box in [w for w in window.findChildren(QMessageBox) if w.isVisible()]:
            assert expected is not None and expected in box.text()
            box.accept()

    case()


def test_file_open_training_recording(window, said, tmp_path_factory):
    where = tmp_path_factory.mktemp("open-recording")

    @CASES
    @given(st.data())
    def case(data):
        said.clear()
        path = mutated(data, "recording", where)
        expected = expected_refusal("recording", path)
        runs = list(window.training.controller.films.recordings.runs)
        opened = window.training.open_recording(str(path))
        check_refused_or_opened(window, said, opened, expected, runs,
                                lambda: list(window.training.controller.films.recordings.runs))

    case()


def test_the_list_of_lessons_with_a_folder_full_of_mutated_lessons(window, said, tmp_path_factory):
    folder = window.lessons.user_folder
    folder.mkdir(parents=True, exist_ok=True)
    where = tmp_path_factory.mktemp("lesson-list")

    @CASES
    @given(st.lists(st.data(), min_size=1, max_size=1))
    def case(datas):
        for i in range(6):
            mutated(datas[0], "lesson", where).replace(folder / f"mutated-{i}.toml")
        window.lessons.player.close_lesson()
        window.lessons.show_lessons()
        assert not said

    try:
        case()
    finally:
        for path in folder.glob("mutated-*.toml"):
            path.unlink()


def test_my_digits_import_of_a_mutated_folder(window, said, qtbot, tmp_path_factory):
    from annviz.gui.mydigits import MyDigitsPage

    page = next(window.tabs.widget(i) for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), MyDigitsPage))
    where = tmp_path_factory.mktemp("import")
    spec = KINDS["digits"]

    @CASES
    @given(st.data())
    def case(data):
        said.clear()
        folder = write_folder(where / "source", data.draw(spec.mutate(data.draw(st.sampled_from(
            spec.seed_list(where / "seeds"))))))
        before = len(page.store.digits)
        with qtbot.waitSignal(page.imported, timeout=30_000) as done:
            page.import_folder(folder)
        assert len(page.store.digits) == before + done.args[0]
        assert len(said) <= 1

    case()
    page.store.remove_all()


def test_a_model_of_the_largest_float32_weights_opens_and_every_page_shows_it(window, said, tmp_path):
    """Weights of ±3e38 are finite float32: the file is valid. The weight histograms once raised an
    IndexError on them (their range overflowed)."""
    from annviz.nn import Network, save_model

    network = Network.build([784, 8, 10], seed=0)
    network.weights[0][:] = np.float32(3e38)
    network.weights[0][::2] = np.float32(-3e38)
    path = save_model(tmp_path / "huge.safetensors", network)
    assert window.open_model(path) and not said
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QTest.qWait(30)
    window.tabs.setCurrentIndex(0)


@pytest.mark.parametrize("kind", ["model", "setup", "lesson", "recording"])
def test_not_enough_memory_while_opening_says_so_and_changes_nothing(window, said, monkeypatch, tmp_path, kind):
    """A reader lets a MemoryError through (the command line gives it its own exit status); the
    window says there was not enough memory, in the learner's language, once, and keeps what it had."""
    import annviz.gui.lessons.area as lessons_area
    import annviz.gui.training.area as training_area
    import annviz.gui.window_models as window_models
    import annviz.setupfile as setupfile
    from annviz.messages import MESSAGES

    def no_memory(*args, **kwargs):
        raise MemoryError

    window.open_bundled("mnist-classic")
    window.lessons.player.close_lesson()
    before = screen(window), window.state.network, window.lessons.player.lesson
    path = tmp_path / f"large.{kind}"
    path.write_bytes(b"x")
    module, name, open_it = {
        "model": (window_models, "load_model", window.open_model),
        "setup": (setupfile, "load_setup", window.setup.open_setup),   # imported by the area when used
        "lesson": (lessons_area, "read_lesson", window.lessons.open_file),
        "recording": (training_area, "load_recording", window.training.open_recording),
    }[kind]
    monkeypatch.setattr(module, name, no_memory)
    said.clear()
    assert not open_it(str(path))
    expected = QCoreApplication.translate("FileErrors", MESSAGES["out_of_memory"])
    assert expected != MESSAGES["out_of_memory"]                       # Korean: the window speaks it
    assert len(said) == 1 and expected in said[0], said
    assert (screen(window), window.state.network, window.lessons.player.lesson) == before
