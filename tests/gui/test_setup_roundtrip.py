"""A setup saved at any step of any lesson reopens what was saved (issue 20 §3).

For every step of every bundled lesson (``setup_roundtrip``): something changed as a learner
would, saved as a setup, opened in a second window that has never played the lesson; the page and
tab, the lesson and step, the model's weights and every value the step's checks read come back.
The default run takes the steps where issue 20 found a setup that did not reopen as saved (a
bias moved, a bundled model chosen, a threshold raised), in alternating languages; the benchmark (``tests/benchmarks/bench_setup_roundtrip.py``) takes every
step of every lesson in both languages, each in a new window (~4 min).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest

from annviz.lessons.library import catalog
from run_ends import open_window
from setup_roundtrip import round_trip

LESSONS = [e.lesson for e in catalog() if e.bundled]


def _close(window) -> None:
    window.training.controller.shutdown()
    window.set_language("en")
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


@pytest.fixture(scope="module")
def windows(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("roundtrip")
    saving, opening = open_window(folder / "saving.ini"), open_window(folder / "opening.ini")
    for window in (saving, opening):
        window.lessons.dock.show()
    yield saving, opening
    _close(saving)
    _close(opening)


#: (lesson, step from 1): the issue's findings (a bias, a bundled model, a threshold: the views).
SAMPLE = (("activation", 3), ("digit-network", 4), ("how-good", 4))


@pytest.mark.parametrize("name,step", SAMPLE, ids=[f"{n}-{s}" for n, s in SAMPLE])
def test_a_setup_saved_at_a_step_reopens_what_was_saved(windows, name, step, tmp_path):
    saving, opening = windows
    lesson = next(lesson for lesson in LESSONS if lesson.name == name)
    lang = ("en", "ko")[(lesson.number + step) % 2]
    problems = round_trip(saving, opening, lesson, step - 1, lang, tmp_path / f"{name}-{step}.annviz")
    assert not problems, "\n".join(problems)


def test_a_network_trained_and_not_saved_is_named_and_reopens(windows, tmp_path):
    """Lesson 8's network, trained here and never saved, has no file: the setup names it after its
    layers (an empty name made the setup impossible to open), and its weights come back."""
    saving, opening = windows
    opening.set_language("en")
    trained = saving.state.network.copy()
    trained.weights[0][0, 0] += 0.5                        # not the bundled model's weights
    saving.state.set_model(trained, saving.state.info, None)
    path = tmp_path / "trained.annviz"
    assert saving.setup.save_setup(path)
    assert opening.setup.open_setup(str(path))
    assert opening.state.model_path is None
    assert all((a == b).all() for a, b in zip(opening.state.network.weights, trained.weights))
    assert opening.windowTitle().endswith("untitled")
    assert saving.open_bundled("mnist-classic") and opening.open_bundled("mnist-classic")


def test_a_bad_setup_is_refused_in_the_language_on_screen(windows, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _, opening = windows
    opening.set_language("ko")
    said = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box) or 0)
    path = tmp_path / "수업.annviz"
    path.write_text('{"format_version": 1, "kind": "annviz-setup", "model": {"name": "", "safetensors": "AAAA"}}')
    assert not opening.setup.open_setup(str(path))
    (box,) = said
    hangul = lambda text: sum("가" <= c <= "힣" for c in text)          # noqa: E731
    said_first, _, reason = box.text().partition("\n\n")       # what happened; then the reader's reason
    assert hangul(box.windowTitle()) >= 4 and hangul(said_first.replace(path.name, "")) >= 20 and hangul(reason) >= 4
    assert not any("a" <= c.lower() <= "z" for c in said_first.replace(path.name, "").replace("annviz", "")), box.text()
    assert "model" in box.detailedText()                                   # the file's own words, for mending it
    opening.set_language("en")
