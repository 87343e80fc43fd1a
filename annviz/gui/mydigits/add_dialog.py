""""Add to my digits": which digit is this drawing? The network's answer is pre-selected.

Enter (or *Add*) keeps the answer; a click on another digit, or its key 0–9, adds the drawing as
that digit at once. ``chosen(int)`` says which; Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import zoom


class AddDigitDialog(QDialog):
    chosen = Signal(int)   # the label the drawing is added as

    def __init__(self, prediction: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.prediction = prediction
        self._question = QLabel()
        self._question.setWordWrap(True)
        grid = QGridLayout()
        self.digit_buttons: list[QPushButton] = []
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setCheckable(True)
            button.setChecked(digit == prediction)
            zoom.pixels(button, min_width=44, min_height=44)
            zoom.relative_font(button, 1.8)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, d=digit: self._choose(d))
            grid.addWidget(button, digit // 5, digit % 5)
            self.digit_buttons.append(button)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                         | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setDefault(True)
        self.add_button.setEnabled(prediction is not None)
        self._buttons.accepted.connect(lambda: self._choose(self.prediction))
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._question)
        layout.addLayout(grid)
        layout.addWidget(self._buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add to my digits"))
        if self.prediction is None:
            self._question.setText(self.tr("Which digit is it? Click it or press its key."))
        else:
            self._question.setText(self.tr("The network reads a {digit}. Is that right? Enter adds it "
                                           "as a {digit}; otherwise click the right digit or press "
                                           "its key.").format(digit=self.prediction))
        self.add_button.setText(self.tr("Add"))


    def keyPressEvent(self, event) -> None:
        text = event.text()
        if len(text) == 1 and text.isdigit() and text.isascii():
            self._choose(int(text))
            return
        super().keyPressEvent(event)

    def _choose(self, digit: int | None) -> None:
        if digit is None:
            return
        self.chosen.emit(digit)
        self.accept()
