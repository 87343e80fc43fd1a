"""The lesson player: follows a lesson step by step, driving the app and watching its tasks.

Opening a step performs its actions (through the ``Driver``), outlines its highlights, covers and
locks what the lesson hides or locks, and shows it in the panel. While the step's task waits, its
checks are measured four times a second and the panel shows the live state; once every check
passes the task stays done for this visit and Next is enabled (Skip goes on without it). Reset
performs the step's actions again. Where the learner is — the lesson and step, and how far they
got in each lesson — is kept in the settings, so the next start (or Help → Lessons) comes back to
it. Signals are facts: ``step_shown(index)``, ``task_passed(index)``, ``lesson_closed``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from annviz.gui.lessons.driver import Driver, current_language
from annviz.gui.lessons.overlay import LessonOverlay
from annviz.gui.lessons.panel import PASSED, WAITING, LessonPanel
from annviz.gui.lessons.screen_words import ScreenWords
from annviz.lessons.library import catalog
from annviz.lessons.model import Check, Lesson, format_value, probe_digits
from annviz.lessons.prediction import Made, dump_made, load_made
from annviz.lessons.vocabulary import PROBES

log = logging.getLogger(__name__)

TICK_MS = 250
ANSWER_WAIT_MS = 100     # how often a shown answer looks whether the run it waits for has ended


class LessonPlayer(QObject):
    step_shown = Signal(int)
    task_passed = Signal(int)
    lesson_closed = Signal()

    def __init__(self, window, panel: LessonPanel, settings: QSettings, user_folder: Path | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.panel, self.settings = window, panel, settings
        self.user_folder = user_folder
        self.driver = Driver(window)
        self.overlay = LessonOverlay(window)
        self.lesson: Lesson | None = None
        self.index = 0
        self.passed = False
        self._hints = 0
        self.made: dict[int, Made] = {}          # the predictions made in this lesson, by step
        self.teacher = False                     # teacher mode: answers shown, any step, no locks
        self._answer: tuple | None = None        # (lesson, step, actions left) of an answer being shown
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.check_now)
        panel.back_clicked.connect(self.back)
        panel.next_clicked.connect(self.next)
        panel.skip_clicked.connect(self.skip)
        panel.reset_clicked.connect(self.reset_step)
        panel.hint_clicked.connect(self._on_hint_clicked)
        panel.catalog_clicked.connect(self.show_catalog)
        panel.entry_chosen.connect(self._on_entry_chosen)
        panel.prediction.predicted.connect(self.predict)
        panel.teacher.step_chosen.connect(self._on_step_chosen)
        panel.teacher.answer_clicked.connect(self.show_answer)
        panel.teacher.set_words(ScreenWords(self.driver, self).action)   # the answer as the class sees it

    # --- the list ------------------------------------------------------------------------------

    def show_catalog(self, note: str = "") -> None:
        """The list of lessons (the lesson being followed stays remembered)."""
        self._pause()
        entries = catalog(self.user_folder, read_new=False)   # the folder's new files: read in the background
        progress = {e.name: self.progress(e.name) for e in entries}
        self.panel.show_catalog(entries, progress, note)
        if self.lesson is not None:
            self.panel.choose(self.lesson.name)

    def progress(self, name: str) -> tuple[int, bool]:
        """(the step the learner stopped at, whether they finished) for the lesson ``name``."""
        return (_setting(self.settings, f"lessons/step/{name}", 0, int),
                _setting(self.settings, f"lessons/finished/{name}", False, bool))

    def _on_entry_chosen(self, entry, start_over: bool) -> None:
        step = 0 if start_over else self.progress(entry.name)[0]
        self.open(entry.lesson, step)

    # --- following a lesson --------------------------------------------------------------------

    def open(self, lesson: Lesson, step: int = 0) -> None:
        """Follow ``lesson`` from step ``step`` (clamped to its steps), from the state it starts
        from (its ``start`` actions), whichever lesson or drawing came before."""
        self.lesson = lesson
        self.made = self.predictions(lesson)
        self.settings.setValue("lessons/open", lesson.name)
        self.settings.setValue("lessons/open_path", str(lesson.path) if lesson.path else "")
        self.index = min(max(step, 0), len(lesson.steps) - 1)
        problem = self._perform(lesson.start)
        self.go_to(self.index, problem)

    def go_to(self, index: int, problem: str = "") -> None:
        """Begin step ``index``: its actions, its marks, its text; its task starts waiting."""
        lesson = self.lesson
        self.index, self.passed, self._hints = index, False, 0
        self.settings.setValue(f"lessons/step/{lesson.name}", index)
        problem = " ".join(p for p in (problem, self._perform(lesson.steps[index].actions)) if p)
        self.panel.show_step(lesson, index, problem)
        self.panel.show_prediction(self.made.get(index))
        self._show_marks()
        self._resume()
        self.step_shown.emit(index)

    def next(self) -> None:
        if self.lesson is None:
            return
        if self.index + 1 < len(self.lesson.steps):
            self.go_to(self.index + 1)
        else:
            self.finish()

    def back(self) -> None:
        if self.lesson is not None and self.index > 0:
            self.go_to(self.index - 1)

    def skip(self) -> None:
        self.next()

    def reset_step(self) -> None:
        """Set the app back to how this step began (its actions again; the task waits again)."""
        if self.lesson is not None:
            self.go_to(self.index)

    def finish(self) -> None:
        """The last step is done: remember it, and show the list with the next lesson chosen."""
        lesson = self.lesson
        self.settings.setValue(f"lessons/finished/{lesson.name}", True)
        self.settings.setValue(f"lessons/step/{lesson.name}", 0)
        self.close_lesson()
        self.show_catalog(self.tr("Well done: you finished “{title}”.").format(
            title=lesson.title.get(current_language())))
        self.panel.choose(lesson.name, after=True)

    def close_lesson(self) -> None:
        """Stop following the lesson: no marks, no checks (its progress stays remembered)."""
        self._pause()
        self.lesson = None
        self.settings.setValue("lessons/open", "")
        self.lesson_closed.emit()

    # --- predict, then see ------------------------------------------------------------------------

    def predictions(self, lesson: Lesson) -> dict[int, Made]:
        """The predictions kept for ``lesson`` on this machine, by step (what does not fit is left out)."""
        return load_made(self.settings.value(f"lessons/predictions/{lesson.name}"), lesson)

    @property
    def waiting_for_prediction(self) -> bool:
        """Whether the step on screen asks for a prediction the learner has not made yet."""
        return (self.lesson is not None and self.lesson.steps[self.index].predict is not None
                and self.index not in self.made and not self.teacher)

    def predict(self, answer) -> bool:
        """The learner commits to ``answer`` at this step: kept, and the step's task opens. A
        prediction already made stands (False), as does an answer the prediction does not take."""
        prediction = self.lesson.steps[self.index].predict if self.lesson is not None else None
        if prediction is None or self.index in self.made or not prediction.valid(answer):
            return False
        self._keep(self.index, Made(answer))
        self._show_marks()
        self._resume()
        return True

    def _see(self) -> None:
        """The task passed: measure what happened, beside the prediction."""
        prediction = self.lesson.steps[self.index].predict
        made = self.made.get(self.index)
        if prediction is None or made is None:
            return
        probe, value = prediction.result
        measured = self.driver.measure(Check(probe, ())).get(value)
        self._keep(self.index, Made(made.answer, format_value(measured, probe_digits(probe, value)),
                                    prediction.outcome(measured)))

    def _keep(self, index: int, made: Made) -> None:
        self.made[index] = made
        self.settings.setValue(f"lessons/predictions/{self.lesson.name}", dump_made(self.made))
        self.panel.show_prediction(made)

    # --- teacher mode ---------------------------------------------------------------------------

    def set_teacher_mode(self, on: bool) -> None:
        """Teacher mode on or off: every step's answer shown, any step opened directly, no locks,
        no waiting for predictions (the step on screen is shown again as it is)."""
        self.teacher = bool(on)
        self.panel.teacher.setVisible(self.teacher)
        self.panel.prediction.set_required(not self.teacher)
        if self.lesson is not None and self.panel.stack.currentIndex() == 1:
            self.panel.show_prediction(self.made.get(self.index))
            self._show_marks()
            self._resume()

    def show_answer(self) -> None:
        """Teacher mode's "Show the answer on screen": the lesson's own answer to this step, done
        as a learner would — an action after one that started a training run waits for its end."""
        task = self.lesson.steps[self.index].task if self.lesson is not None else None
        if task is not None:
            self._answer = (self.lesson, self.index, list(task.answer))
            self._play_answer()

    @property
    def answering(self) -> bool:
        """Whether the answer being shown still has actions waiting (for a run's end)."""
        return self._answer is not None

    def _play_answer(self) -> None:
        while self._answer is not None:
            lesson, index, actions = self._answer
            if (lesson, index) != (self.lesson, self.index) or not actions:
                self._answer = None          # done, or the learner went elsewhere meanwhile
                break
            if self.driver.training_busy():
                QTimer.singleShot(ANSWER_WAIT_MS, self._play_answer)
                return
            self._perform([actions.pop(0)])
        self.check_now()

    def _on_step_chosen(self, index: int) -> None:
        if self.lesson is not None and 0 <= index < len(self.lesson.steps):
            self.go_to(index)

    # --- the task ------------------------------------------------------------------------------

    def check_now(self) -> bool:
        """Measure the step's checks now and show the task's state; True once it has passed."""
        if self.lesson is None:
            return False
        task = self.lesson.steps[self.index].task
        if task is None:
            self._timer.stop()
            return True
        if self.waiting_for_prediction:          # predict first: the task opens once it is made
            return False
        values, unmet = {}, []
        for check in task.checks:
            measured = self.driver.measure(check)
            for name in PROBES[check.probe]:      # "{z}" is the first check's z that has one; "{neuron.z}"
                text = format_value(measured.get(name), probe_digits(check.probe, name))
                values[f"{check.probe}.{name}"] = text
                if values.get(name, "–") == "–":
                    values[name] = text
            unmet += [(c, format_value(measured.get(c.value), probe_digits(check.probe, c.value)))
                      for c in check.unmet(measured)]
        if not unmet and not self.passed:
            self.passed = True
            self._timer.stop()
            self.panel.show_task(task, PASSED, values)
            self._see()
            self.task_passed.emit(self.index)
        elif not self.passed:
            self.panel.show_task(task, WAITING, values, unmet)
        return self.passed

    def _on_hint_clicked(self) -> None:
        self._hints += 1
        self.panel.show_hint(self._hints)

    # --- internals -----------------------------------------------------------------------------

    def _perform(self, actions) -> str:
        """Do the step's actions; one line about those that could not be done (else "")."""
        failed = []
        for action in actions:
            try:
                self.driver.perform(action)
            except (LookupError, ValueError, RuntimeError) as error:
                log.warning("lesson %s, step %d: %s: %s", self.lesson.name, self.index + 1, action.do, error)
                failed.append(f"{action.do}: {error}")
        if not failed:
            return ""
        return self.tr("This step could not set everything up ({what}).").format(what="; ".join(failed))

    def _show_marks(self) -> None:
        step, lesson, d = self.lesson.steps[self.index], self.lesson, self.driver
        locked = [] if self.teacher else d.find_all(lesson.locked(self.index))
        if self.waiting_for_prediction:          # the page waits for the prediction
            locked.append(self.window.centralWidget())
        self.overlay.show_marks(d.find_all(step.highlight), d.find_all(lesson.hidden(self.index)), locked)

    def _pause(self) -> None:
        """No marks and no checks while the panel does not show a lesson."""
        self._timer.stop()
        self.overlay.clear()

    def _resume(self) -> None:
        if self.lesson is None:
            return
        if self.waiting_for_prediction:
            self._timer.stop()
            self.panel.show_task(self.lesson.steps[self.index].task, WAITING)
        elif self.lesson.steps[self.index].task is not None and not self.passed:
            self._timer.start()
            self.check_now()
        else:
            self.panel.show_task(self.lesson.steps[self.index].task, PASSED if self.passed else WAITING)

    def panel_shown(self, shown: bool) -> None:
        """The panel's dock was shown or closed: marks and checks only while it shows."""
        if not shown:
            self._pause()
        elif self.lesson is not None and self.panel.stack.currentIndex() == 1:
            self._show_marks()
            self._resume()


def _setting(settings: QSettings, key: str, default, kind):
    """A remembered value of type ``kind``, or ``default`` if absent or not of that type."""
    value = settings.value(key)
    if value is None:
        return default
    try:
        if kind is bool:
            return value in (True, "true", "1", 1) if not isinstance(value, bool) else value
        return kind(value)
    except (TypeError, ValueError):
        log.warning("setting %s holds %r, not a %s; using %r", key, value, kind.__name__, default)
        return default
