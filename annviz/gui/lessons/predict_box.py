"""The lesson panel's "Predict first" box: the question, a number or a choice, and — once the
step's task is done — the prediction beside what happened.

A plain view: ``show_prediction(prediction, made)`` shows the question with an empty answer (no
prediction made yet), or what the learner predicted and, once measured, what happened (✓ when a
choice was right or a number came within a tenth of its range). Its button emits
``predicted(answer)`` — a number, or the index of the choice — and the player decides. Nothing is
ever pre-selected: a learner who clicks through commits to nothing by accident. ``set_answer`` and
``commit`` do what a learner's typing and click do (the lesson tests use them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annviz.gui.common import zoom
from annviz.gui.lessons.driver import current_language
from annviz.lessons.model import Prediction
from annviz.lessons.prediction import Made, answer_text

RIGHT_COLOR, WRONG_COLOR = "#1b7a3a", "#8a5a00"


class PredictionBox(QFrame):
    predicted = Signal(object)          # the number, or the index of the choice

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lesson-prediction")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._prediction: Prediction | None = None
        self._made: Made | None = None
        self._required = True                   # teacher mode: shown, never waited for
        self._choice_labels: list[QLabel] = []
        self.caption = self._label(bold=True)
        self.question = self._label(1.1)
        self.number = QDoubleSpinBox()
        self.number.setObjectName("lesson-prediction-number")
        self.number.setSpecialValueText("?")            # the minimum shows "?" until the learner types
        self.unit = self._label()
        self.choices = QVBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idToggled.connect(lambda _id, _on: self._update_commit())
        self.number.valueChanged.connect(lambda _v: self._update_commit())
        self.commit_button = QPushButton()
        self.commit_button.setObjectName("lesson-prediction-commit")
        self.commit_button.clicked.connect(self.commit)
        self.said = self._label(1.1)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.unit)
        number_row.addStretch(1)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addLayout(number_row)
        form.addLayout(self.choices)
        commit_row = QHBoxLayout()
        commit_row.addWidget(self.commit_button)
        commit_row.addStretch(1)
        form.addLayout(commit_row)
        box = QVBoxLayout(self)
        for widget in (self.caption, self.question, self.form, self.said):
            box.addWidget(widget)
        self.retranslate()

    @staticmethod
    def _label(scale: float = 1.0, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        zoom.relative_font(label, scale, bold=bold)
        return label

    # --- public ----------------------------------------------------------------------------------

    def show_prediction(self, prediction: Prediction | None, made: Made | None = None) -> None:
        """The step's prediction (None: the box hides), with what the learner made of it so far."""
        self._made = made
        if prediction is not self._prediction:
            self._prediction = prediction
            self._build_form()
        self.setVisible(prediction is not None)
        self._render()

    @property
    def waiting(self) -> bool:
        """Whether the step waits for the learner's prediction."""
        return self._required and self._prediction is not None and self._made is None

    def set_required(self, required: bool) -> None:
        """Whether the step waits for a prediction (not in teacher mode: the form stays, optional)."""
        self._required = required
        self._render()

    def set_answer(self, answer) -> None:
        """Type the number, or pick the choice of index ``answer`` (as a learner would)."""
        if self._prediction is None:
            return
        if self._prediction.is_number:
            self.number.setValue(float(answer))
        else:
            button = self.group.button(int(answer))
            if button is not None:
                button.setChecked(True)

    def answer(self):
        """The answer on screen, or None while there is none (no choice picked, the number untouched)."""
        if self._prediction is None:
            return None
        if self._prediction.is_number:
            value = round(self.number.value(), self._prediction.decimals)
            return None if self.number.text() == self.number.specialValueText() else value
        picked = self.group.checkedId()
        return picked if picked >= 0 else None

    def commit(self) -> None:
        """The learner's click on "Lock in my prediction"."""
        answer = self.answer()
        if self._prediction is not None and self._made is None and answer is not None:
            self.predicted.emit(answer)

    # --- internals -------------------------------------------------------------------------------

    def _build_form(self) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
        while self.choices.count():
            row = self.choices.takeAt(0).widget()
            if row is not None:
                row.deleteLater()
        self._choice_labels: list[QLabel] = []
        prediction = self._prediction
        is_number = prediction is not None and prediction.is_number
        self.number.setVisible(is_number)
        self.unit.setVisible(is_number and bool(prediction.unit))
        if is_number:
            self.number.blockSignals(True)
            step = 10.0 ** -prediction.decimals
            self.number.setDecimals(prediction.decimals)
            self.number.setRange(prediction.low - step, prediction.high)    # one step below: "?"
            self.number.setSingleStep(max(step, (prediction.high - prediction.low) / 100))
            self.number.setValue(self.number.minimum())
            self.number.blockSignals(False)
            self.unit.setText(prediction.unit)
        elif prediction is not None:
            for i in range(len(prediction.choices)):
                row, button, label = _choice_row()     # a radio button beside a label that wraps
                self.group.addButton(button, i)
                self._choice_labels.append(label)
                self.choices.addWidget(row)

    def _render(self) -> None:
        prediction, made, lang = self._prediction, self._made, current_language()
        if prediction is None:
            return
        self.question.setText(prediction.question.get(lang))
        for button, label in zip(self.group.buttons(), self._choice_labels):
            text = prediction.choices[self.group.id(button)].text.get(lang)
            label.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(text)
        self.form.setVisible(made is None)
        self._update_commit()
        if made is None:
            self.said.hide()
            return
        lines = [self.tr("You predicted: {answer}").format(answer=answer_text(prediction, made.answer, lang))]
        if made.result is None:
            lines.append(self.tr("Now do the task and see what happens."))
        else:
            seen = made.result
            if made.outcome is not None:
                seen = prediction.choices[made.outcome].text.get(lang)
            right = made.outcome == made.answer if prediction.choices else None
            mark = "" if right is None else (" ✓" if right else " ✗")
            colour = RIGHT_COLOR if right in (None, True) else WRONG_COLOR
            unit = prediction.unit if prediction.is_number else ""
            lines.append(f'<span style="color:{colour}">' + self.tr("What happened: {result}").format(
                result=f"{seen}{unit}") + f"{mark}</span>")
            lines.append(f"<i>{prediction.takeaway.get(lang)}</i>")
        self.said.setText("<br>".join(lines))
        self.said.show()

    def _update_commit(self) -> None:
        self.commit_button.setEnabled(self._made is None and self.answer() is not None)

    def choice_texts(self) -> list[str]:
        """The choices as shown, in order."""
        return [label.text() for label in self._choice_labels]

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Predict first"))
        self.commit_button.setText(self.tr("Lock in my prediction"))
        self.commit_button.setToolTip(self.tr("Your prediction is kept; then the step's task opens"))
        self.number.setToolTip(self.tr("Your prediction: type a number (“?” until you do)"))
        self._render()


class _Picker(QObject):
    """A click on a choice's label picks its radio button."""

    def __init__(self, button: QRadioButton):
        super().__init__(button)
        self.button = button

    def eventFilter(self, watched, event) -> bool:                   # noqa: N802
        if event.type() == QEvent.Type.MouseButtonRelease and self.button.isEnabled():
            self.button.setChecked(True)
            return True
        return False


def _choice_row() -> tuple[QWidget, QRadioButton, QLabel]:
    row = QWidget()
    button, label = QRadioButton(), QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    zoom.relative_font(label, 1.0)
    label.installEventFilter(_Picker(button))
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    box.addWidget(label, 1)
    return row, button, label
