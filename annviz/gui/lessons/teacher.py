"""Teacher mode's bar in the lesson panel (issue 24 §3): any step opened directly, the step's answer
shown — the conditions its checks pass on, the lesson's own answer (values set, buttons pressed, the
drawing) — and a button that plays that answer on screen for the class.

A plain view: ``show_step(lesson, index)`` fills it; ``step_chosen(index)`` and ``answer_clicked``
are facts for the player, which decides. View → Teacher mode shows it (``LessonsArea``); the player
lifts the step's locks and does not wait for predictions while it is on.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.lessons.driver import current_language
from annviz.gui.lessons.labels import plain
from annviz.lessons.model import Action, Condition, Lesson, Task

DRAWING_PX = 72
OPS = {"eq": "=", "at_least": "≥", "at_most": "≤"}


def condition_text(condition: Condition, widget: str | None = None) -> str:
    """A check's condition as the teacher reads it: "theta ≥ 2.95", "training-lr: value ≤ 0.02"."""
    operand = condition.operand
    if isinstance(operand, bool):
        shown = "true" if operand else "false"
    elif isinstance(operand, (int, float)):
        shown = f"{operand:g}".replace("-", "−")
    else:
        shown = str(operand)
    name = f"{widget}: {condition.value}" if widget else condition.value
    return f"{name} {OPS[condition.op]} {shown}"


def action_text(action: Action) -> str:
    """One action of a lesson's answer as the file names it: "set lab-neuron-threshold = 3.0"."""
    params = dict(action.params)
    if action.do == "set":
        value = params["value"]
        return f"set {params['widget']} = {str(value).lower() if isinstance(value, bool) else value}"
    if action.do == "press":
        return f"press {params['widget']}"
    if action.do == "draw":
        return f"draw ({len(params['strokes'])} ✎)"
    details = ", ".join(f"{k} = {v}" for k, v in params.items())
    return f"{action.do} ({details})" if details else action.do


def drawing(actions) -> QPixmap | None:
    """The strokes of the answer's ``draw`` actions, drawn small (None if it draws nothing)."""
    strokes = [s for a in actions if a.do == "draw" for s in a.get("strokes")]
    if not strokes:
        return None
    size = zoom.px(DRAWING_PX)
    picture = QPixmap(size, size)
    picture.fill(QColor("black"))
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), max(2.0, size / 14), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    for stroke in strokes:
        points = [QPointF(x * size, y * size) for x, y in stroke]
        if len(points) == 1:
            painter.drawPoint(points[0])
        for a, b in zip(points, points[1:]):
            painter.drawLine(a, b)
    painter.end()
    return picture


class TeacherBar(QFrame):
    step_chosen = Signal(int)
    answer_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-teacher")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._lesson: Lesson | None = None
        self._index = 0
        self._words = action_text              # how an action is said (set_words: as on screen)
        self.caption = QLabel()
        zoom.relative_font(self.caption, 1.0, bold=True)
        self.steps = QComboBox()
        self.steps.setObjectName("lesson-teacher-steps")
        self.steps.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.steps.setMinimumContentsLength(8)
        self.steps.activated.connect(self.step_chosen)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        zoom.relative_font(self.answer, 0.95)
        self.picture = QLabel()
        self.do_button = QPushButton()
        self.do_button.setObjectName("lesson-teacher-answer")
        self.do_button.clicked.connect(self.answer_clicked)
        row = QHBoxLayout()
        row.addWidget(self.caption)
        row.addWidget(self.steps, 1)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.addLayout(row)
        box.addLayout(answer_row)
        box.addWidget(self.do_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def show_step(self, lesson: Lesson, index: int) -> None:
        """The step chooser at ``index`` of ``lesson``, and that step's answer."""
        self._lesson, self._index = lesson, index
        self._render()

    def set_words(self, words) -> None:
        """Say the answer's actions with ``words(action) → str`` (the words on screen)."""
        self._words = words
        self._render()

    def answer_text(self) -> str:
        """What the bar says of the step's answer (plain text, for tests and the clipboard)."""
        return self.answer.text()

    def _render(self) -> None:
        lesson, lang = self._lesson, current_language()
        if lesson is None:
            return
        self.steps.blockSignals(True)
        self.steps.clear()
        for i, step in enumerate(lesson.steps):
            title = step.title.get(lang) if step.title else ""
            self.steps.addItem(f"{i + 1}. {plain(title)}".rstrip(". ") if title else str(i + 1))
        self.steps.setCurrentIndex(self._index)
        self.steps.blockSignals(False)
        task: Task | None = lesson.steps[self._index].task
        self.do_button.setVisible(task is not None and bool(task.answer))
        picture = drawing(task.answer) if task is not None else None
        self.picture.setVisible(picture is not None)
        if picture is not None:
            self.picture.setPixmap(picture)
        if task is None:
            self.answer.setText(self.tr("This step has no task."))
            return
        passes = " · ".join(condition_text(c, check.widget) for check in task.checks for c in check.conditions)
        lines = [self.tr("It passes when: {conditions}").format(conditions=html.escape(passes))]
        if task.answer:
            steps = "; ".join(_repeated([self._words(a) for a in task.answer]))
            lines.append(self.tr("The lesson's answer: {actions}").format(actions=html.escape(steps)))
        self.answer.setText("<br>".join(lines))

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Teacher"))
        self.steps.setToolTip(self.tr("Open any step of this lesson directly"))
        self.do_button.setText(self.tr("Show the answer on screen"))
        self.do_button.setToolTip(self.tr("Do the lesson's own answer to this step, for the class to see"))
        self._render()


def _repeated(words: list[str]) -> list[str]:
    """The same words done n times in a row said once, "× n" after them."""
    out: list[str] = []
    for word in words:
        if out and out[-1][0] == word:
            out[-1][1] += 1
        else:
            out.append([word, 1])
    return [word if n == 1 else f"{word} × {n}" for word, n in out]
