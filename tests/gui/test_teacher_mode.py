"""Teacher mode (issue 24 §3): View → Teacher mode, off by default and remembered; every step's
answer shown (its conditions, the lesson's own answer, the drawing), any step opened directly, the
locks lifted and no prediction waited for; a setup opens in teacher mode or not."""

import re

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest

from annviz.gui.lessons.area import teacher_mode_setting
from annviz.gui.lessons.overlay import REFRESH_MS
from annviz.gui.lessons.screen_words import ScreenWords
from annviz.lessons import find
from annviz.lessons.library import catalog
from annviz.lessons.vocabulary import WIDGETS
from annviz.setupfile import load_setup, save_setup
from annviz.setupmodel import Setup
from lesson_answers import lesson_window


@pytest.fixture
def folder(tmp_path):
    return tmp_path


@pytest.fixture
def window(qapp, folder):
    with lesson_window(folder / "settings.ini") as window:
        yield window


LESSONS = [e.lesson for e in catalog() if e.bundled]


def locks(window) -> list:
    QTest.qWait(3 * REFRESH_MS)
    return window.lessons.player.overlay.rects("lock")


def test_off_by_default_then_on_from_the_view_menu_and_remembered(window, folder):
    area = window.lessons
    action = area.teacher_action
    assert action.isCheckable() and not action.isChecked() and not area.teacher_mode
    assert action in window.menuBar().actions()[1].menu().actions(), "not in the View menu"
    area.player.open(find("threshold"), 1)            # step 2 locks both inputs and three choosers
    assert not area.panel.teacher.isVisibleTo(area.panel) and len(locks(window)) == 5
    action.trigger()
    assert area.teacher_mode and area.panel.teacher.isVisibleTo(area.panel)
    assert locks(window) == [], "teacher mode left the step's locks"
    window.settings.sync()
    with lesson_window(folder / "settings.ini", drawer=False) as fresh:
        assert fresh.lessons.teacher_mode and fresh.lessons.teacher_action.isChecked()
        fresh.lessons.teacher_action.trigger()
        assert not fresh.lessons.teacher_mode


def test_every_step_shows_its_answer_and_any_step_opens_directly(window):
    area, panel = window.lessons, window.lessons.panel
    area.set_teacher_mode(True)
    area.player.open(find("threshold"), 0)
    bar = panel.teacher
    assert "theta ≥ 2.95 · theta ≤ 3.05" in bar.answer_text()
    assert "threshold θ = −b = 3" in bar.answer_text()           # the slider's label on screen, not its name
    assert bar.steps.count() == 3
    bar.steps.activated.emit(2)                       # a click on step 3 in the chooser
    assert area.player.index == 2 and "no task" in bar.answer_text()
    area.player.open(find("digit-network"), 0)        # a drawing: shown as a picture
    assert bar.picture.isVisibleTo(panel) and not bar.picture.pixmap().isNull()
    area.player.open(find("learning"), 1)
    assert "diverged = true" in bar.answer_text() and "Press “Start”" in bar.answer_text()


def test_the_answers_are_in_the_words_on_screen_in_the_interface_language(window):
    """Every action of every bundled lesson's answers, said as the learner sees it: no widget's
    lesson name, no action's name, and a widget named by words on screen (English, then Korean)."""
    words = window.lessons.player.driver
    say = ScreenWords(words)
    answers = [a for lesson in LESSONS for step in lesson.steps if step.task for a in step.task.answer]
    assert {a.do for a in answers} >= {"set", "press", "show", "draw", "clear_pad", "time_machine", "data_image"}
    for lang in ("en", "ko"):
        window.set_language(lang)
        for action in answers:
            text = say.action(action)
            widget = dict(action.params).get("widget")
            assert text and not any(name in text for name in WIDGETS), (lang, action, text)
            assert not text.startswith(action.do + " "), (lang, action, text)
            if widget:
                shown = say.name(widget)
                assert shown != widget and shown in text, (lang, action, text)
            if lang == "ko":                   # Korean words, unless a slider's label is a symbol (x₃, η)
                assert re.search(r"[\uac00-\ud7a3]", text) or not re.search(r"[A-Za-z]{3,}", text), (action, text)
    window.set_language("ko")
    area = window.lessons
    area.set_teacher_mode(True)
    area.player.open(find("threshold"), 0)
    assert "임계값 θ = −b = 3" in area.panel.teacher.answer_text(), area.panel.teacher.answer_text()
    window.set_language("en")


def test_in_teacher_mode_a_prediction_is_not_waited_for_and_the_answer_button_passes_the_task(window):
    area, panel = window.lessons, window.lessons.panel
    window.settings.remove("lessons/predictions/threshold")
    area.set_teacher_mode(True)
    area.player.open(find("threshold"), 0)
    assert not area.player.waiting_for_prediction and panel.prediction.isVisibleTo(panel)
    assert not locks(window), "the page is locked for a prediction in teacher mode"
    assert not area.player.check_now()                 # the task is open: it waits for its answer
    panel.teacher.do_button.click()
    assert area.player.check_now() and panel.task_passed
    area.set_teacher_mode(False)                       # back to a learner: the next step waits again
    area.player.open(find("threshold"), 0)
    assert area.player.waiting_for_prediction


#: Settings that do not say "on" — a damaged or edited file — leave teacher mode off.
NOT_ON = ["maybe", "1", 1, "yes", "True ", "", "@Invalid()", None, ["true"], 2.0]


@pytest.mark.parametrize("stored", NOT_ON, ids=repr)
def test_a_remembered_value_that_is_not_true_is_off(stored):
    assert teacher_mode_setting(stored) is False
    assert teacher_mode_setting(True) is True and teacher_mode_setting("true") is True


def test_a_damaged_setting_opens_the_window_with_teacher_mode_off(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("lessons/teacher_mode", "maybe")
    settings.sync()
    with lesson_window(tmp_path / "settings.ini", drawer=False) as window:
        assert not window.lessons.teacher_mode and not window.lessons.teacher_action.isChecked()


def test_a_setup_opens_in_teacher_mode_or_not_and_saves_it(window, tmp_path):
    area = window.lessons
    area.set_teacher_mode(True)
    assert window.setup.gather().teacher_mode is True
    save_setup(tmp_path / "student.annviz", Setup(page="lab", lesson=("threshold", 1), teacher_mode=False))
    assert window.setup.open_setup(tmp_path / "student.annviz")
    assert not area.teacher_mode and not area.teacher_action.isChecked() and len(locks(window)) == 5
    assert window.settings.value("lessons/teacher_mode") in (False, "false")
    save_setup(tmp_path / "teacher.annviz", Setup(page="lab", lesson=("threshold", 1), teacher_mode=True))
    assert window.setup.open_setup(tmp_path / "teacher.annviz")
    assert area.teacher_mode and locks(window) == []
    save_setup(tmp_path / "silent.annviz", Setup(page="lab", lesson=("threshold", 1)))
    assert load_setup(tmp_path / "silent.annviz").teacher_mode is None
    assert window.setup.open_setup(tmp_path / "silent.annviz") and area.teacher_mode   # as it was
