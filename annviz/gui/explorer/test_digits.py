"""Real MNIST test digits for the pad: a random one, or step through them, with the true label.

The dataset is read the first time a digit is asked for (not at start-up), from the dataset the
model was trained on when that is known, else the bundled MNIST.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from annviz.gui.i18n import is_language_change
from annviz.gui.state import AppState


class TestDigitPicker(QWidget):
    digit_chosen = Signal(object, str)  # the (28, 28) uint8 image and its true class name

    def __init__(self, state: AppState, parent: QWidget | None = None, seed: int | None = None):
        super().__init__(parent)
        self._state = state
        self._dataset = None
        self._rng = np.random.default_rng(seed)
        self.index: int | None = None
        self._previous = QToolButton()
        self._previous.setText("◀")
        self._random = QPushButton()
        self._next = QToolButton()
        self._next.setText("▶")
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self._previous, self._random, self._next):
            layout.addWidget(widget)
        layout.addWidget(self.label, 1)
        self._previous.clicked.connect(lambda: self.show_index((self.index or 0) - 1))
        self._next.clicked.connect(lambda: self.show_index(-1 if self.index is None else self.index + 1))
        self._random.clicked.connect(self.show_random)
        self.retranslate()

    def retranslate(self) -> None:
        self._random.setText(self.tr("Random test digit"))
        self._random.setToolTip(self.tr("Load a real handwritten digit from the MNIST test set"))
        self._previous.setToolTip(self.tr("Previous test digit"))
        self._next.setToolTip(self.tr("Next test digit"))
        self._show_label()

    def changeEvent(self, event) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def forget(self) -> None:
        """The pad no longer shows a test digit."""
        self.index = None
        self._show_label()

    def show_random(self) -> None:
        dataset = self._load()
        if dataset is not None:
            self.show_index(int(self._rng.integers(len(dataset.test_labels))))

    def show_index(self, index: int) -> None:
        dataset = self._load()
        if dataset is None:
            return
        self.index = index % len(dataset.test_labels)
        name = dataset.class_names[int(dataset.test_labels[self.index])]
        self._show_label()
        self.digit_chosen.emit(np.asarray(dataset.test_images[self.index]), name)

    def _load(self):
        if self._dataset is None:
            from annviz.data import load_dataset
            try:
                self._dataset = load_dataset(self._state.info.dataset or "mnist")
            except (ValueError, OSError):
                try:
                    self._dataset = load_dataset("mnist")
                except (ValueError, OSError) as error:
                    self.label.setText(str(error))
                    return None
        return self._dataset

    def _show_label(self) -> None:
        if self.index is None or self._dataset is None:
            self.label.setText("")
            return
        name = self._dataset.class_names[int(self._dataset.test_labels[self.index])]
        self.label.setText(self.tr("test image #{i} · true label: {name}").format(i=self.index, name=name))
