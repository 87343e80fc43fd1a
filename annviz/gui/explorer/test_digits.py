"""Real MNIST test digits for the pad: a random one, or step through them, with the true label.

The dataset is read the first time a digit is asked for (not at start-up), from the dataset the
model was trained on when that is known, else the bundled MNIST. A chosen digit goes to
``AppState.show_example``, the path every ready-made example takes; the label here shows the
true label of whichever example arrives that way (e.g. one picked on the insight page).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from annviz.data.datasets import to_inputs
from annviz.gui.common import zoom
from annviz.gui.state import AppState


class TestDigitPicker(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None, seed: int | None = None):
        super().__init__(parent)
        self._state = state
        self._dataset = None
        self._seed = seed
        self._rng: np.random.Generator | None = None   # made at the first random digit (numpy.random
                                                        # is imported then, not at the app's start)
        self.index: int | None = None        # of the test digit on the pad, if it came from here
        self._label: int | None = None       # the true class of the example on the pad
        self._sending: int | None = None     # the index being sent to the state
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.random_button = QPushButton()
        self.random_button.setObjectName("explorer-test-digit")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.label = QLabel()
        # A label appearing or growing must not widen the row: that would shift and shrink the pad.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        zoom.lines_high(self.label, 1, fixed=False)
        self.label.installEventFilter(self)
        buttons = QHBoxLayout()
        for widget in (self.previous_button, self.random_button, self.next_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)                 # the label on its own line: a narrow pad keeps it
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(zoom.px(2))
        layout.addLayout(buttons)
        layout.addWidget(self.label)
        self.previous_button.clicked.connect(lambda: self.show_index((self.index or 0) - 1))
        # On a fresh pad ▶ starts at the first test image, #0 (and ◀ at the last).
        self.next_button.clicked.connect(lambda: self.show_index(0 if self.index is None else self.index + 1))
        self.random_button.clicked.connect(self.show_random)
        state.example_loaded.connect(self._on_example_loaded)
        self.retranslate()

    def retranslate(self) -> None:
        # at least the short label ("true label: 8") fits, whatever the room
        zoom.text_wide(self.label, self.tr("true label: {name}").format(name="8"), 4)
        self.random_button.setText(self.tr("Random test digit"))
        self.random_button.setToolTip(self.tr("Load a real handwritten digit from the MNIST test set"))
        self.previous_button.setToolTip(self.tr("Previous test digit"))
        self.next_button.setToolTip(self.tr("Next test digit"))
        self._show_label()


    def rezoom(self) -> None:
        """The label's text chosen again for the width it has in the new font."""
        self._show_label()

    def forget(self) -> None:
        """The pad no longer shows a test digit."""
        self.index = self._label = None
        self._show_label()

    def show_random(self) -> None:
        dataset = self._load()
        if dataset is not None:
            if self._rng is None:
                self._rng = np.random.default_rng(self._seed)
            self.show_index(int(self._rng.integers(len(dataset.test_labels))))

    def show_index(self, index: int) -> None:
        dataset = self._load()
        if dataset is None:
            return
        self._sending = index % len(dataset.test_labels)
        try:
            self._state.show_example(to_inputs(dataset.test_images[self._sending]).reshape(28, 28),
                                     int(dataset.test_labels[self._sending]))
        finally:
            self._sending = None

    def _on_example_loaded(self, image, label) -> None:
        self.index, self._label = self._sending, label
        self._show_label()

    def _load(self):
        if self._dataset is None:
            from annviz.data import load_dataset, load_named_dataset
            try:
                self._dataset = load_named_dataset(self._state.info.dataset or "mnist")
            except (ValueError, OSError):
                try:
                    self._dataset = load_dataset("mnist")
                except (ValueError, OSError) as error:
                    self.label.setText(str(error))
                    return None
        return self._dataset

    def _show_label(self) -> None:
        names = self._state.class_names if self.index is None else self._dataset.class_names
        if self._label is None:
            self.label.setText("")
            return
        name = names[self._label] if self._label < len(names) else str(self._label)
        short = self.tr("true label: {name}").format(name=name)
        text = short if self.index is None else self.tr("test image #{i} · true label: {name}").format(
            i=self.index, name=name)
        # Too narrow for it (a page that borrows the pad, a big zoom): the label alone, all in the tip
        tip = ""
        if self.label.isVisible() and self.label.fontMetrics().horizontalAdvance(text) > self.label.contentsRect().width():
            text, tip = short, text
        self.label.setText(text)
        self.label.setToolTip(tip)

    def eventFilter(self, watched, event) -> bool:
        # a resize, or being shown (a hidden page's label was measured while it could not be)
        # getattr: a filter may still be called while its window is torn down, attributes gone
        if watched is getattr(self, "label", None) and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._show_label()
        return super().eventFilter(watched, event)
