"""Predict, then see, in the whole app window (issue 24 §2): a step that asks for a prediction keeps
its page locked and its task closed until the learner commits to one; then the task opens, and
once it passes the panel shows the prediction beside what happened. Predictions are kept in the
settings with the lesson's progress: a fresh window shows them again, and nothing else can stand
in for one (the wrong answers below)."""

import math
import textwrap

import pytest
from PySide6.QtTest import QTest

from annviz.gui.lessons.overlay import REFRESH_MS
from annviz.lessons import find, read_lesson
from annviz.lessons.prediction import Made
from lesson_answers import lesson_window


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("predictions")


@pytest.fixture(scope="module")
def window(qapp, folder):
    with lesson_window(folder / "settings.ini") as window:
        yield window


def locked_rects(window) -> list:
    QTest.qWait(3 * REFRESH_MS)
    return window.lessons.player.overlay.rects("lock")


def test_the_task_waits_for_the_prediction_then_the_prediction_stands_beside_what_happened(window):
    player, panel = window.lessons.player, window.lessons.panel
    player.open(find("threshold"), 0)
    box = panel.prediction
    assert box.isVisibleTo(panel) and box.waiting and player.waiting_for_prediction
    assert "θ = 3" in box.question.text()
    assert not panel.next_button.isEnabled() and "prediction" in panel.status.text()
    page = window.tabs.geometry()
    assert any(r.contains(page.center()) for r in locked_rects(window)), "the page is not locked"
    for action in player.lesson.steps[0].task.answer:       # the experiment done before predicting
        player.driver.perform(action)
    assert not player.check_now() and not panel.task_passed, "the task passed before the prediction"
    assert not box.commit_button.isEnabled(), "nothing typed yet, and the button takes it"
    box.set_answer(-3.0)
    box.commit_button.click()
    assert not box.waiting and player.made[0].answer == -3.0
    assert "You predicted: −3.0" in box.said.text()
    assert not any(r.contains(page.center()) for r in locked_rects(window)), "the page stays locked"
    assert player.check_now() and panel.task_passed           # the experiment was done: it passes at once
    assert player.made[0] == Made(-3.0, "−3.00", None)
    assert "What happened: −3.00" in box.said.text() and "b = −θ" in box.said.text()


#: What must not count as a prediction: each leaves the step waiting and the task closed.
NOT_A_PREDICTION = [
    ("the button without an answer", None),
    ("above the range", 8.5),
    ("below the range", -9.0),
    ("not a number", math.nan),
    ("infinite", math.inf),
    ("true", True),
    ("text", "-3"),
]


@pytest.mark.parametrize("why, answer", NOT_A_PREDICTION, ids=[w for w, _ in NOT_A_PREDICTION])
def test_what_is_not_a_prediction_leaves_the_task_closed(window, why, answer):
    player, panel = window.lessons.player, window.lessons.panel
    player.settings.remove("lessons/predictions/threshold")
    player.open(find("threshold"), 0)
    if answer is None:
        panel.prediction.commit_button.click()
        panel.prediction.commit()
    else:
        assert not player.predict(answer), why
    assert player.waiting_for_prediction and player.made == {}, why
    for action in player.lesson.steps[0].task.answer:
        player.driver.perform(action)
    assert not player.check_now(), why


CHOICE_LESSON = textwrap.dedent('''
    format_version = 1
    title = { en = "Fire?", ko = "발화?" }
    summary = { en = "The bias decides.", ko = "편향이 정합니다." }

    [[steps]]
    text = { en = "Raise the bias.", ko = "편향을 올리세요." }
    actions = [
      { do = "show", widget = "lab-neuron" },
      { do = "set", widget = "lab-neuron-preset", value = "tasty" },
    ]

    [steps.predict]
    question = { en = "With b = −4, will it be tasty?", ko = "b = −4이면 맛있을까요?" }
    takeaway = { en = "w·x = 4.7 and b = −4: z = 0.7 ≥ 0.", ko = "w·x = 4.7, b = −4: z = 0.7 ≥ 0." }
    result = "neuron.a"
    choices = [
      { en = "tasty", ko = "맛있다", at_least = 0.5 },
      { en = "not tasty", ko = "맛없다", at_most = 0.5 },
    ]

    [steps.task]
    checks = [{ check = "neuron", b_at_least = -4.05 }]
    status = { en = "b = {b}", ko = "b = {b}" }
    done = { en = "b = {b}", ko = "b = {b}" }
    answer = [{ do = "set", widget = "lab-neuron-bias", value = -4 }]

    [[steps]]
    text = { en = "Done.", ko = "끝." }
''')


def test_a_wrong_choice_is_shown_wrong_a_second_choice_does_not_replace_it_and_a_fresh_window_keeps_it(
        window, folder, qapp):
    path = folder / "fire.toml"
    path.write_text(CHOICE_LESSON, encoding="utf-8")
    lesson = read_lesson(path)
    player, panel = window.lessons.player, window.lessons.panel
    player.open(lesson, 0)
    box = panel.prediction
    assert box.answer() is None, "a choice is picked before the learner picks one"
    box.set_answer(1)                                   # "not tasty": wrong
    box.commit()
    assert not player.predict(0), "a second prediction replaced the first"
    player.driver.perform(lesson.steps[0].task.answer[0])
    assert player.check_now()
    assert player.made == {0: Made(1, "1.00", 0)}, player.made
    assert "What happened: tasty ✗" in box.said.text(), box.said.text()
    window.set_language("ko")
    assert "맛있다 ✗" in box.said.text() and "맛없다" in box.said.text(), box.said.text()
    window.set_language("en")
    player.close_lesson()
    window.settings.sync()

    with lesson_window(folder / "settings.ini") as fresh:     # the same machine, a new start
        fresh.lessons.player.open(read_lesson(path), 0)
        again = fresh.lessons.panel.prediction
        assert not again.waiting and fresh.lessons.player.made == {0: Made(1, "1.00", 0)}
        assert "tasty ✗" in again.said.text()
