"""Every bundled lesson, played through in the whole app window, in English and in Korean.

A learner's path: the lessons in their order, in one window per language. At each step the panel
shows the step's text in the language on screen and its actions set the app up without a fault;
a task's checks fail on the app as the step leaves it (untouched) and pass once the lesson's own
scripted answer is done the way a learner would do it (sliders moved, buttons pressed, strokes
drawn); then Next. The last step's Finish shows the list with the lesson finished.
"""

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest

from annviz.lessons.library import catalog
from run_ends import open_window, wait_until

LESSONS = [e.lesson for e in catalog() if e.bundled]
TASK_TIMEOUT_S = 45


@pytest.fixture(scope="module", params=["en", "ko"])
def window(request, qapp, tmp_path_factory):
    window = open_window(tmp_path_factory.mktemp("lessons") / "settings.ini")
    window.set_language(request.param)
    window.lessons.dock.show()
    yield window
    window.training.controller.shutdown()
    window.set_language("en")             # the next tests read English
    window.close()
    window.deleteLater()                  # now: a closed window left alive is retranslated later
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QTest.qWait(1)


def test_there_are_eleven_lessons_in_the_notes_order_then_convolution():
    assert [lesson.number for lesson in LESSONS] == list(range(1, 12))
    assert [lesson.name for lesson in LESSONS] == [
        "neuron", "threshold", "activation", "perceptron", "hidden-layers", "digit-network",
        "how-good", "learning", "nudge", "reading-a-run", "convolution"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.name)
def test_the_lesson_plays_through(window, lesson):
    lang = window.language
    area = window.lessons
    player, panel = area.player, area.panel
    player.open(lesson, 0)
    for i, step in enumerate(lesson.steps):
        where = f"{lesson.name} step {i + 1} ({lang})"
        assert player.index == i and panel.stack.currentIndex() == 1, where
        assert panel.text.text() == step.text.get(lang), where
        numbers = sorted(map(int, re.findall(r"\d+", panel.counter.text())))
        assert numbers == sorted([i + 1, len(lesson.steps)]), f"{where}: {panel.counter.text()}"
        assert not panel.problem.isVisibleTo(panel), f"{where}: {panel.problem.text()}"
        if step.predict is not None:         # predict first: the task stays closed until then
            assert player.waiting_for_prediction and not player.check_now(), where
            guess = 0 if step.predict.choices else round((step.predict.low + step.predict.high) / 2)
            panel.prediction.set_answer(guess)
            panel.prediction.commit_button.click()
            assert not player.waiting_for_prediction, where
        if step.task is not None:
            QTest.qWait(150)          # what the step started (an evaluation, a thread) may answer
            assert not player.check_now(), f"{where}: the task passes on the untouched app"
            assert not panel.next_button.isEnabled() and panel.skip_button.isVisibleTo(panel), where
            player.show_answer()             # as teacher mode shows it: after a run starts, waits for its end
            wait_until(player.check_now, TASK_TIMEOUT_S, f"{where}: the answer satisfies the task")
            wait_until(lambda: not player.answering, TASK_TIMEOUT_S, f"{where}: the whole answer done")
            assert panel.task_passed and panel.next_button.isEnabled(), where
            done = panel.status.text()
            assert "{" not in done and "–" not in done, f"{where}: {done}"
            if step.predict is not None:     # what happened, measured, beside the prediction
                seen = player.made[i]
                assert seen.result not in (None, "–"), f"{where}: {seen}"
                assert step.predict.takeaway.get(lang) in panel.prediction.said.text(), where
                if step.predict.choices:
                    assert seen.outcome is not None, f"{where}: no choice says what happened ({seen})"
        panel.next_button.click()
    assert player.lesson is None and panel.stack.currentIndex() == 0
    assert player.progress(lesson.name)[1] is True
