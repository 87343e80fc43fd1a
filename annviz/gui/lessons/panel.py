"""The lesson panel beside the page: the list of lessons, or the lesson being followed.

A plain view with two faces. The list (``catalog_view.LessonCatalog``) shows every lesson with
the learner's progress; the panel shows its widgets under the same names (``lessons``, ``about``,
``start_button`` …) and passes its signals on. The lesson face, here, shows the lesson's title,
"Step n of m", the step's text, teacher mode's bar, the prediction, the task with its live state
("z = −0.30: not tasty yet") or what to say once it is done, hints one at a time, and Back /
Skip / Next and "Reset this step". Its buttons only emit signals; the player (player.py) decides.
Texts come in the language on screen: the lesson's own in English or Korean, the panel's through
``tr()``; ``retranslate`` shows both again.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room, zoom
from annviz.gui.lessons.catalog_view import LessonCatalog
from annviz.gui.lessons.driver import current_language
from annviz.gui.lessons.labels import label as _label
from annviz.gui.lessons.predict_box import PredictionBox
from annviz.gui.lessons.teacher import TeacherBar
from annviz.lessons.library import Entry
from annviz.lessons.model import Condition, Lesson, Task, fill

WAITING, PASSED = "waiting", "passed"
DONE_COLOR, WAITING_COLOR = "#1b7a3a", "#8a5a00"


class LessonPanel(QWidget):
    back_clicked = Signal()
    next_clicked = Signal()
    skip_clicked = Signal()
    reset_clicked = Signal()
    hint_clicked = Signal()
    catalog_clicked = Signal()
    entry_chosen = Signal(object, bool)    # an Entry, and whether to start over
    open_file_clicked = Signal()
    folder_clicked = Signal()
    sheet_clicked = Signal(object)         # the Lesson whose sheet to show

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-panel-view")
        self._lesson: Lesson | None = None
        self._index = 0
        self._task_view: tuple | None = None     # (task, state, values, unmet) last shown
        self._hint: int = 0                      # hints shown so far
        self.catalog = LessonCatalog()
        c = self.catalog                       # its widgets under the panel's names, its signals passed on
        self.lessons, self.about, self.note = c.lessons, c.about, c.note
        self.start_button, self.restart_button, self.catalog_sheet_button = c.start_button, c.restart_button, c.sheet_button
        self.open_button, self.folder_button = c.open_button, c.folder_button
        for mine, theirs in ((self.entry_chosen, c.entry_chosen), (self.open_file_clicked, c.open_file_clicked),
                             (self.folder_clicked, c.folder_clicked), (self.sheet_clicked, c.sheet_clicked)):
            theirs.connect(mine)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.catalog)
        self.stack.addWidget(self._build_lesson())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 2, 4)
        layout.addWidget(self.stack)
        zoom.pixels(self, min_width=room.DRAWER_MIN_WIDTH)   # a drawer: its text wraps, Next stays in
        self.retranslate()

    def sizeHint(self) -> QSize:                              # noqa: N802
        return QSize(room.drawer_width(), super().sizeHint().height())

    # --- building ------------------------------------------------------------------------------

    def _build_lesson(self) -> QWidget:
        page = QWidget()
        self.title = _label(1.3, bold=True)
        self.catalog_button = QToolButton()
        self.catalog_button.clicked.connect(self.catalog_clicked)
        self.counter = _label(rich=False)
        self.step_title = _label(1.15, bold=True)
        self.text = _label(1.1)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problem = _label(rich=False)
        self.problem.setStyleSheet("color: #a33;")

        self.task_box = QFrame()
        self.task_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.task_caption = _label(bold=True, rich=False)
        self.status = _label(1.1)
        self.hint = _label()
        self.hint_button, self.reset_button = QPushButton(), QPushButton()
        self.hint_button.clicked.connect(self.hint_clicked)
        self.reset_button.clicked.connect(self.reset_clicked)
        task = QVBoxLayout(self.task_box)
        task.addWidget(self.task_caption)
        task.addWidget(self.status)
        task.addWidget(self.hint)
        task_buttons = QHBoxLayout()
        task_buttons.addWidget(self.hint_button)
        task_buttons.addStretch(1)
        task.addLayout(task_buttons)
        body = QWidget()                       # the step's text, then its task: they scroll together
        body_box = QVBoxLayout(body)
        body_box.setContentsMargins(0, 0, 4, 0)
        self.prediction = PredictionBox()      # "Predict first": before the task opens
        self.prediction.hide()
        self.teacher = TeacherBar()            # View → Teacher mode: any step, its answer
        self.teacher.hide()
        for widget in (self.teacher, self.step_title, self.text, self.problem, self.prediction, self.task_box):
            body_box.addWidget(widget)
        body_box.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.back_button, self.skip_button, self.next_button = QPushButton(), QPushButton(), QPushButton()
        self.back_button.clicked.connect(self.back_clicked)
        self.skip_button.clicked.connect(self.skip_clicked)
        self.next_button.clicked.connect(self.next_clicked)
        self.next_button.setDefault(True)
        header = QHBoxLayout()
        header.addWidget(self.counter, 1)
        header.addWidget(self.catalog_button)
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.skip_button)
        navigation.addWidget(self.next_button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addLayout(header)
        box.addWidget(self.scroll, 1)
        self.sheet_button = QPushButton()             # at the last step: the sheet of this lesson
        self.sheet_button.clicked.connect(lambda: self._lesson and self.sheet_clicked.emit(self._lesson))
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_button)
        reset_row.addStretch(1)
        reset_row.addWidget(self.sheet_button)
        box.addLayout(reset_row)
        box.addLayout(navigation)
        return page

    # --- the list ------------------------------------------------------------------------------

    def show_catalog(self, entries: list[Entry], progress: dict[str, tuple[int, bool]], note: str = "") -> None:
        """The lessons with the learner's progress ({name: (step reached, finished)})."""
        self._lesson = None
        self.stack.setCurrentIndex(0)
        self.catalog.show_catalog(entries, progress, note)

    @property
    def chosen_entry(self) -> Entry | None:
        return self.catalog.chosen_entry

    def choose(self, name: str, after: bool = False) -> None:
        """Select the lesson called ``name`` in the list (``after``: the one after it, if any)."""
        self.catalog.choose(name, after)

    # --- the lesson ----------------------------------------------------------------------------

    def show_step(self, lesson: Lesson, index: int, problem: str = "") -> None:
        """Step ``index`` of ``lesson``; ``problem``: what the step could not set up, if anything."""
        self._lesson, self._index, self._hint = lesson, index, 0
        self._task_view = None
        self.stack.setCurrentIndex(1)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.hint.clear()
        self.hint.hide()
        self.prediction.show_prediction(lesson.steps[index].predict)
        self.teacher.show_step(lesson, index)
        self._render_step()

    def show_prediction(self, made) -> None:
        """What the learner predicted at this step (None: nothing yet) and, once measured, what happened."""
        if self._lesson is not None:
            self.prediction.show_prediction(self._lesson.steps[self._index].predict, made)
            self._render_task()

    def show_task(self, task: Task | None, state: str = WAITING, values: dict | None = None,
                  unmet: list[tuple[Condition, str]] = ()) -> None:
        """The task's live state: ``values`` are formatted measured values by name, ``unmet``
        the conditions not yet met with their measured value (for a lesson without a status)."""
        self._task_view = (task, state, dict(values or {}), list(unmet))
        self._render_task()

    def show_hint(self, k: int) -> None:
        """The first ``k`` hints of the step's task (the last one newest)."""
        self._hint = k
        self._render_hints()

    @property
    def task_passed(self) -> bool:
        return self._task_view is not None and self._task_view[1] == PASSED

    def _render_step(self) -> None:
        lesson, index, lang = self._lesson, self._index, current_language()
        step = lesson.steps[index]
        self.title.setText(lesson.title.get(lang))
        self.counter.setText(self.tr("Step {n} of {m}").format(n=index + 1, m=len(lesson.steps)))
        self.step_title.setText(step.title.get(lang) if step.title else "")
        self.step_title.setVisible(step.title is not None)
        self.text.setText(step.text.get(lang))
        self.task_box.setVisible(step.task is not None)
        self.back_button.setEnabled(index > 0)
        last = index == len(lesson.steps) - 1
        self.next_button.setText(self.tr("Finish ✓") if last else self.tr("Next ▶"))
        self.sheet_button.setVisible(last and bool(lesson.predictions()))
        self._render_task()
        self._render_hints()

    def _render_task(self) -> None:
        if self._lesson is None:
            return
        step = self._lesson.steps[self._index]
        waiting = step.task is not None and not self.task_passed
        self.next_button.setEnabled(not waiting)
        self.skip_button.setVisible(waiting)
        if step.task is None or self._task_view is None:
            self.status.setText("")
            return
        task, state, values, unmet = self._task_view
        lang = current_language()
        if self.prediction.waiting:
            self.status.setText(f'<span style="color:{WAITING_COLOR}">● '
                                + self.tr("First lock in your prediction above.") + "</span>")
        elif state == PASSED:
            self.status.setText(f'<span style="color:{DONE_COLOR}">✔ {fill(task.done.get(lang), values)}</span>')
        elif task.status is not None:
            self.status.setText(f'<span style="color:{WAITING_COLOR}">● {fill(task.status.get(lang), values)}</span>')
        else:
            lines = [self._unmet_line(c, measured) for c, measured in unmet]
            self.status.setText(f'<span style="color:{WAITING_COLOR}">● ' + "<br>● ".join(lines) + "</span>")

    def _unmet_line(self, condition: Condition, measured: str) -> str:
        if condition.op == "at_least":
            return self.tr("{name} = {value}: it should be at least {bound}").format(
                name=condition.value, value=measured, bound=condition.operand)
        if condition.op == "at_most":
            return self.tr("{name} = {value}: it should be at most {bound}").format(
                name=condition.value, value=measured, bound=condition.operand)
        return self.tr("{name} = {value}: it should be {bound}").format(
            name=condition.value, value=measured, bound=condition.operand)

    def _render_hints(self) -> None:
        if self._lesson is None:
            return
        task = self._lesson.steps[self._index].task
        hints = task.hints if task is not None else ()
        lang = current_language()
        shown = hints[:self._hint]
        self.hint.setText("<br>".join(f"💡 {h.get(lang)}" for h in shown))
        self.hint.setVisible(bool(shown))
        self.hint_button.setVisible(len(hints) > 0)
        self.hint_button.setEnabled(self._hint < len(hints) and not self.task_passed)
        self.hint_button.setText(self.tr("Hint ({k} of {n})").format(k=min(self._hint + 1, len(hints)),
                                                                     n=len(hints)))

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.catalog.retranslate()
        self.catalog_button.setToolTip(self.tr("Leave this lesson and choose another (your place is kept)"))
        self.hint_button.setToolTip(self.tr("Show the next hint for this task"))
        self.back_button.setToolTip(self.tr("The step before this one"))
        self.next_button.setToolTip(self.tr("The next step (it waits until the task is done, unless you skip)"))
        self.catalog_button.setText(self.tr("☰ All lessons"))
        self.task_caption.setText(self.tr("Your turn"))
        self.reset_button.setText(self.tr("⟲ Reset this step"))
        self.reset_button.setToolTip(self.tr("Set the app back to how this step began"))
        self.back_button.setText(self.tr("◀ Back"))
        self.skip_button.setText(self.tr("Skip"))
        self.prediction.retranslate()
        self.sheet_button.setText(self.tr("My lesson sheet…"))
        self.sheet_button.setToolTip(self.tr("Your predictions in this lesson and what happened, to print or save as PDF"))
        self.skip_button.setToolTip(self.tr("Go on without doing the task"))
        if self._lesson is not None:
            self._render_step()
