"""The lesson panel beside the page: the list of lessons, or the lesson being followed.

A plain view with two faces. The list shows every lesson with the learner's progress ("step 3 of
7", "finished"), what the chosen one teaches and its achievement standard; a file that cannot be
read shows its one-line error. The lesson face shows the lesson's title, "Step n of m", the
step's text, the task with its live state ("z = −0.30: not tasty yet") or what to say once it is
done, hints one at a time, and Back / Skip / Next and "Reset this step". Its buttons only emit
signals; the player (player.py) decides. Texts come in the language on screen: the lesson's own
in English or Korean, the panel's through ``tr()``; ``retranslate`` shows both again.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import room, zoom
from annviz.gui.common.file_errors import refusal
from annviz.gui.lessons.driver import current_language
from annviz.gui.lessons.predict_box import PredictionBox
from annviz.gui.lessons.teacher import TeacherBar
from annviz.lessons.library import Entry
from annviz.lessons.model import Condition, Lesson, Task, fill
from annviz.lessons.vocabulary import CONCEPTS

WAITING, PASSED = "waiting", "passed"
DONE_COLOR, WAITING_COLOR = "#1b7a3a", "#8a5a00"


def _label(scale: float = 1.0, bold: bool = False, rich: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    zoom.relative_font(label, scale, bold=bold)        # follows View → Zoom
    return label


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
        self._entries: list[Entry] = []
        self._progress: dict[str, tuple[int, bool]] = {}
        self._note = ""
        self._lesson: Lesson | None = None
        self._index = 0
        self._task_view: tuple | None = None     # (task, state, values, unmet) last shown
        self._hint: int = 0                      # hints shown so far
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_catalog())
        self.stack.addWidget(self._build_lesson())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 2, 4)
        layout.addWidget(self.stack)
        zoom.pixels(self, min_width=room.DRAWER_MIN_WIDTH)   # a drawer: its text wraps, Next stays in
        self.retranslate()

    def sizeHint(self) -> QSize:                              # noqa: N802
        return QSize(room.drawer_width(), super().sizeHint().height())

    # --- building ------------------------------------------------------------------------------

    def _build_catalog(self) -> QWidget:
        page = QWidget()
        self.catalog_title = _label(1.3, bold=True, rich=False)
        self.note = _label()
        self.lessons = QListWidget()
        self.lessons.setWordWrap(True)
        self.lessons.currentRowChanged.connect(self._on_lesson_row_changed)
        self.lessons.itemDoubleClicked.connect(lambda _item: self._on_start_clicked())
        self.about = _label()
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.start_button, self.restart_button = QPushButton(), QPushButton()
        self.open_button, self.folder_button = QPushButton(), QPushButton()
        self.start_button.clicked.connect(self._on_start_clicked)
        self.restart_button.clicked.connect(self._on_restart_clicked)
        self.open_button.clicked.connect(self.open_file_clicked)
        self.folder_button.clicked.connect(self.folder_clicked)
        self.catalog_sheet_button = QPushButton()          # the chosen lesson's sheet
        self.catalog_sheet_button.clicked.connect(
            lambda: self.chosen_entry and self.sheet_clicked.emit(self.chosen_entry.lesson))
        start = QHBoxLayout()
        start.addWidget(self.start_button, 1)
        start.addWidget(self.restart_button)
        files = QVBoxLayout()                  # one above the other: the panel stays narrow
        files.addWidget(self.open_button)
        files.addWidget(self.folder_button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.catalog_title, 0), (self.note, 0), (self.lessons, 3), (self.about, 2)):
            box.addWidget(widget, stretch)
        box.addLayout(start)
        box.addWidget(self.catalog_sheet_button)
        box.addLayout(files)
        return page

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
        self._entries, self._progress, self._note = list(entries), dict(progress), note
        self._lesson = None
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.stack.setCurrentIndex(0)
        row = max(self.lessons.currentRow(), 0)
        self._fill_catalog()
        self.lessons.setCurrentRow(min(row, self.lessons.count() - 1))

    @property
    def chosen_entry(self) -> Entry | None:
        row = self.lessons.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def choose(self, name: str, after: bool = False) -> None:
        """Select the lesson called ``name`` in the list (``after``: the one after it, if any)."""
        for row, entry in enumerate(self._entries):
            if entry.name == name:
                self.lessons.setCurrentRow(min(row + after, len(self._entries) - 1))

    def _fill_catalog(self) -> None:
        lang = current_language()
        self.lessons.blockSignals(True)
        self.lessons.clear()
        for entry in self._entries:
            item = QListWidgetItem()
            if entry.lesson is None:
                item.setText(f"⚠ {entry.path.name}")
                item.setToolTip(refusal(entry.problem) if entry.problem is not None else entry.error)
            else:
                lesson = entry.lesson
                number = f"{lesson.number}. " if lesson.number is not None else ""
                item.setText(f"{number}{_plain(lesson.title.get(lang))}\n{self._progress_text(entry)}")
            self.lessons.addItem(item)
        self.lessons.blockSignals(False)
        self._on_lesson_row_changed(self.lessons.currentRow())

    def _progress_text(self, entry: Entry) -> str:
        step, done = self._progress.get(entry.name, (0, False))
        n = len(entry.lesson.steps)
        if done:
            return self.tr("✓ finished")
        if step > 0:
            return self.tr("stopped at step {n} of {m}").format(n=step + 1, m=n)
        return self.tr("{m} steps").format(m=n)

    def _on_lesson_row_changed(self, _row: int) -> None:
        entry = self.chosen_entry
        lang = current_language()
        started = entry is not None and self._progress.get(entry.name, (0, False))[0] > 0
        self.start_button.setEnabled(entry is not None and entry.lesson is not None)
        self.catalog_sheet_button.setVisible(entry is not None and entry.lesson is not None
                                             and bool(entry.lesson.predictions()))
        self.restart_button.setVisible(started)
        self.start_button.setText(self.tr("Continue") if started else self.tr("Start"))
        if entry is None:
            self.about.setText("")
        elif entry.lesson is None:
            self.about.setText(self.tr("This lesson file cannot be used:") + "<br>" + _escape(
                refusal(entry.problem) if entry.problem is not None else entry.error))
        else:
            lesson = entry.lesson
            lines = [f"<b>{lesson.title.get(lang)}</b>", lesson.summary.get(lang)]
            if lesson.concepts:
                words = " · ".join(CONCEPTS[c][1 if lang == "ko" else 0] for c in lesson.concepts)
                lines.append(self.tr("Concepts: {words}").format(words=words))
            if lesson.minutes:
                lines.append(self.tr("About {n} minutes").format(n=lesson.minutes))
            if lesson.standard:
                lines.append(self.tr("Achievement standard (인공지능 기초): {code}").format(code=lesson.standard))
            if not entry.bundled:
                lines.append(self.tr("From your lessons folder: {path}").format(path=_escape(str(entry.path))))
            self.about.setText("<br>".join(lines))

    def _on_start_clicked(self) -> None:
        entry = self.chosen_entry
        if entry is not None and entry.lesson is not None:
            self.entry_chosen.emit(entry, False)

    def _on_restart_clicked(self) -> None:
        entry = self.chosen_entry
        if entry is not None and entry.lesson is not None:
            self.entry_chosen.emit(entry, True)

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
        self.catalog_title.setText(self.tr("Lessons"))
        self.note.setText(self._note)
        self.note.setVisible(bool(self._note))
        self.start_button.setToolTip(self.tr("Follow the chosen lesson from where you stopped"))
        self.restart_button.setText(self.tr("Start over"))
        self.restart_button.setToolTip(self.tr("Follow the chosen lesson from its first step"))
        self.open_button.setToolTip(self.tr("Follow a lesson from a .toml file a teacher gave you"))
        self.catalog_button.setToolTip(self.tr("Leave this lesson and choose another (your place is kept)"))
        self.hint_button.setToolTip(self.tr("Show the next hint for this task"))
        self.back_button.setToolTip(self.tr("The step before this one"))
        self.next_button.setToolTip(self.tr("The next step (it waits until the task is done, unless you skip)"))
        self.open_button.setText(self.tr("Open a lesson file…"))
        self.folder_button.setText(self.tr("Your lessons folder…"))
        self.folder_button.setToolTip(self.tr("Lessons put in this folder (.toml files) appear in the list"))
        self.catalog_button.setText(self.tr("☰ All lessons"))
        self.task_caption.setText(self.tr("Your turn"))
        self.reset_button.setText(self.tr("⟲ Reset this step"))
        self.reset_button.setToolTip(self.tr("Set the app back to how this step began"))
        self.back_button.setText(self.tr("◀ Back"))
        self.skip_button.setText(self.tr("Skip"))
        self.prediction.retranslate()
        self.sheet_button.setText(self.tr("My lesson sheet…"))
        self.sheet_button.setToolTip(self.tr("Your predictions in this lesson and what happened, to print or save as PDF"))
        self.catalog_sheet_button.setText(self.tr("My lesson sheet…"))
        self.catalog_sheet_button.setToolTip(self.tr("Your predictions in the chosen lesson and what happened, "
                                                     "to print or save as PDF"))
        self.skip_button.setToolTip(self.tr("Go on without doing the task"))
        self._fill_catalog()
        if self._lesson is not None:
            self._render_step()


def _plain(html: str) -> str:
    """A title without its tags, for the list."""
    return re.sub(r"<[^<>]*>", "", html)


def _escape(text: str | None) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
