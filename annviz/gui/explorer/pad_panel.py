"""The drawing panel: the pad with its tools, the test-digit picker, what the network sees and
the probabilities, side by side.

The panel wires the pad to the app state (every canvas change becomes the input through
``AppState.set_canvas``); the views beside it listen to the state, not to the pad. An example
chosen anywhere (a test digit here, a test image on the insight page) arrives as
``AppState.example_loaded``: the pad shows it, while the input stays exactly that 28×28 image, not
the pad's canvas of it, until something is drawn over it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolButton, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.common.colors import HINT
from annviz.gui.common.pad import DEFAULT_WIDTH, DrawingPad
from annviz.gui.explorer.probabilities import ProbabilityBars
from annviz.gui.explorer.seen import SeenView
from annviz.gui.explorer.test_digits import TestDigitPicker
from annviz.gui.state import AppState


class PadPanel(QWidget):
    add_to_digits = Signal(object)   # "Add to my digits" on a drawing: a copy of the pad's canvas

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self.pad = DrawingPad()
        self.pad.setObjectName("explorer-drawing")
        self.picker = TestDigitPicker(state)
        self.seen = SeenView(state)
        self.seen.setObjectName("explorer-seen")
        self.probabilities = ProbabilityBars(state)
        self.probabilities.setObjectName("explorer-probabilities")
        self.undo_action = QAction(self, shortcut=QKeySequence.StandardKey.Undo)
        self.clear_action = QAction(self)
        self.clear_action.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Escape)])
        self.eraser_action = QAction(self, checkable=True, shortcut=QKeySequence(Qt.Key.Key_E))
        self.test_digit_action = QAction(self, shortcut=QKeySequence("Ctrl+T"))
        # Named and shown by the my-digits area (annviz/gui/mydigits), which owns what it does.
        self.add_digit_action = QAction(self, shortcut=QKeySequence("Ctrl+D"), visible=False)
        self._width_label = QLabel()
        self._width = QSlider(Qt.Orientation.Horizontal)
        self._width.setRange(6, 48)
        self._width.setValue(DEFAULT_WIDTH)
        zoom.pixels(self._width, min_width=50, max_width=140)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        # As high as the longest of its texts needs (two lines at least): a warning in its place
        # must not re-layout (shift) the pad, and no text may be cut.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._hint_fit = room.WholeText(self.hint, 2, fixed=True, texts=self._hint_texts)
        self._problem_shown: object = ()                   # the input problem the hint is for
        brush = QWidget()                                  # the brush's name stays beside its slider
        brush_box = QHBoxLayout(brush)
        brush_box.setContentsMargins(0, 0, 0, 0)
        brush_box.addWidget(self._width_label)
        brush_box.addWidget(self._width)
        tools = room.Flow()                                # wraps rather than widen the panel
        tools.addWidget(brush)
        for action in (self.eraser_action, self.undo_action, self.clear_action, self.add_digit_action):
            button = QToolButton()
            button.setDefaultAction(action)
            if not action.isVisible():
                button.hide()   # never show(): the button has no parent yet
            action.visibleChanged.connect(lambda b=button, a=action: b.setVisible(a.isVisible()))
            tools.addWidget(button)
        left = QVBoxLayout()
        left.addLayout(tools)
        left.addWidget(self.pad, 1)
        left.addWidget(self.hint)
        left.addWidget(self.picker)
        right = QVBoxLayout()
        right.addWidget(self.seen, 2)
        right.addWidget(self.probabilities, 3)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.undo_action.triggered.connect(self.pad.undo)
        self.clear_action.triggered.connect(self._on_clear_triggered)
        self.eraser_action.toggled.connect(self.pad.set_eraser)
        self.test_digit_action.triggered.connect(self.picker.show_random)
        self.add_digit_action.triggered.connect(self._on_add_digit_triggered)
        self._width.valueChanged.connect(self.pad.set_brush_width)
        self.pad.canvas_changed.connect(self._on_canvas_changed)
        state.example_loaded.connect(self._on_example_loaded)
        state.input_changed.connect(self._on_input_changed)
        self.retranslate()

    def shortcuts(self) -> list[QAction]:
        """The panel's keyboard actions, for the page to make active wherever the focus is in it."""
        return [self.undo_action, self.clear_action, self.eraser_action, self.test_digit_action,
                self.add_digit_action]

    def retranslate(self) -> None:
        self.undo_action.setText(self.tr("Undo"))
        self.undo_action.setToolTip(self.tr("Undo the last stroke (Ctrl+Z)"))
        self.clear_action.setText(self.tr("Clear"))
        self.clear_action.setToolTip(self.tr("Clear the pad (Delete or Esc; Ctrl+Z brings it back)"))
        self.eraser_action.setText(self.tr("Eraser"))
        self.eraser_action.setToolTip(self.tr("Erase instead of drawing (E); the right button always erases"))
        self.test_digit_action.setText(self.tr("Random test digit"))
        self._width_label.setText(self.tr("Brush"))
        self._width.setToolTip(self.tr("Brush width"))
        self._show_hint()


    def _on_canvas_changed(self) -> None:
        digit = self.pad.shown_digit()
        if digit is not None:                   # e.g. every stroke undone: the example itself
            self._state.set_input(digit)
        else:
            self._state.set_canvas(self.pad.canvas())

    def _on_add_digit_triggered(self) -> None:
        if not self.pad.is_blank():
            self.add_to_digits.emit(self.pad.canvas())

    def _on_clear_triggered(self) -> None:
        self.pad.clear()
        self.picker.forget()

    def _on_example_loaded(self, image: np.ndarray, label) -> None:
        with QSignalBlocker(self.pad):   # the state makes the image itself the input, not our canvas
            self.pad.show_digit(image)

    def _hint_texts(self) -> list[str]:
        """Under the pad: how to draw, or the warning about a drawing too small, flat, dense or thin."""
        return [self.tr("Draw a digit with the mouse or a pen. Right button erases."),
                self.tr("Drawn very small: it is blown up to MNIST's 20×20 box and the strokes "
                        "become fat blobs. Draw bigger."),
                self.tr("Much wider than tall: no MNIST digit looks like this (even a 1 stands "
                        "upright), so whatever the network answers means little. Draw a digit."),
                self.tr("So dense that, shrunk to MNIST's 20×20 box, it becomes a blob: draw a "
                        "digit with separate, thinner strokes."),
                self.tr("Strokes too thin: shrunk to MNIST's 20×20 box they almost vanish. Draw "
                        "bigger strokes (a wider brush).")]

    def _show_hint(self) -> None:
        """Under the pad: how to draw — or, for a drawing too small or too thin to be prepared like
        an MNIST digit, a warning in its place."""
        problem = self._state.input_problem
        how, small, flat, blob, thin = self._hint_texts()
        text = {"small": small, "flat": flat, "blob": blob, "thin": thin}.get(problem, how)
        self._problem_shown = problem
        self.hint.setStyleSheet("color: #a33;" if problem else f"color: {HINT.name()};")
        self.hint.setText(text)
        fit = getattr(self, "_hint_fit", None)
        if fit is not None:
            fit.refit()                                # a new language: other lengths

    def _on_input_changed(self) -> None:
        if self._state.input_problem != self._problem_shown:     # not on every stroke
            self._show_hint()
