"""The mistakes browser: every test image the model gets wrong, most confident mistake first.

Previous / Next walk the list; the model's output for each class is drawn beside the image.
"Show in the explorer" emits ``example_chosen(index)``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annviz.gui.common import zoom
from annviz.gui.insight.plots import BarsPanel, ImagePanel
from annviz.nn.evaluation import TestResults


class MistakesTab(QWidget):
    example_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._results: TestResults | None = None
        self._class_names: list[str] = []
        self._mistakes = np.zeros(0, dtype=np.int64)
        self._position = 0
        self._wanted: int | None = None          # a position asked for before the results came

        self.image = ImagePanel(size=280)
        self.bars = BarsPanel()
        self.caption = QLabel()
        zoom.relative_font(self.caption, 1.55)
        self.caption.setWordWrap(True)
        self.counter = QLabel()
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.load_button = QPushButton()
        for widget, name in ((self.caption, "caption"), (self.previous_button, "previous"),
                             (self.next_button, "next"), (self.load_button, "show")):
            widget.setObjectName(f"insight-mistake-{name}")   # lessons name widgets by these
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.load_button.clicked.connect(self._on_load_clicked)

        buttons = QHBoxLayout()
        for w in (self.previous_button, self.counter, self.next_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.load_button)
        grid = QGridLayout()
        grid.addWidget(self.image, 0, 0)
        grid.addWidget(self.bars, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_results(self, results: TestResults, class_names: list[str]) -> None:
        self._results, self._class_names = results, list(class_names)
        self._mistakes = results.mistakes()
        self._position = 0
        if self._wanted is not None and len(self._mistakes):
            self._position = min(self._wanted, len(self._mistakes) - 1)
        self._wanted = None
        self._show_current()

    @property
    def current_index(self) -> int | None:
        """The test-set index of the mistake on screen."""
        return int(self._mistakes[self._position]) if len(self._mistakes) else None

    @property
    def position(self) -> int:
        """Which mistake is on screen, counted from 0 (most confident first)."""
        return self._position

    @property
    def count(self) -> int:
        """How many test images the model gets wrong."""
        return len(self._mistakes)

    def _on_previous_clicked(self) -> None:
        self._move(-1)

    def _on_next_clicked(self) -> None:
        self._move(+1)

    def _on_load_clicked(self) -> None:
        if self.current_index is not None:
            self.example_chosen.emit(self.current_index)

    def forget_results(self) -> None:
        """The model changed: its mistakes are not known until the new evaluation comes."""
        self._results, self._mistakes, self._position = None, np.zeros(0, dtype=np.int64), 0
        self._show_current()

    def go_to(self, position: int) -> None:
        """Show mistake ``position`` (from 0, most confident first), as soon as there are results."""
        if len(self._mistakes):
            self._position = min(max(position, 0), len(self._mistakes) - 1)
            self._show_current()
        else:
            self._wanted = max(position, 0)

    def _move(self, step: int) -> None:
        if len(self._mistakes):
            self._position = (self._position + step) % len(self._mistakes)
            self._show_current()

    def _show_current(self) -> None:
        index, results = self.current_index, self._results
        has = index is not None
        for w in (self.previous_button, self.next_button, self.load_button):
            w.setEnabled(has)
        if not has:
            self.retranslate()
            return
        names = self._class_names
        self.image.show_grey(results.images[index] / 255.0)
        self.bars.show_values(results.probabilities[index], [str(i) for i in range(len(names))],
                              highlight=int(results.labels[index]), y_range=(0.0, 1.0))
        self.retranslate()

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p><b>Mistakes</b>: the test images the network got wrong, the most confident first. A "
            "confident mistake shows what the network has learned to look at — often not what a "
            "person looks at. Show one in the explorer to follow it through the layers.</p>")

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next ▶"))
        self.load_button.setText(self.tr("Show in the explorer"))
        self.previous_button.setToolTip(self.tr("The mistake before (more confident)"))
        self.next_button.setToolTip(self.tr("The next mistake (less confident)"))
        self.load_button.setToolTip(self.tr("Make this test image the input and open the explorer"))
        self.bars.setLabel("left", self.tr("output (probability)"))
        self.bars.setLabel("bottom", self.tr("class (green: the true class)"))
        index, results = self.current_index, self._results
        if results is None:
            self.caption.setText(self.tr("Evaluating the test set…"))
            self.counter.setText("")
        elif index is None:
            self.caption.setText(self.tr("No mistakes on the test set."))
            self.counter.setText("")
        else:
            names = self._class_names
            self.caption.setText(self.tr(
                "Test image #{index}: it is {true}, the model says {predicted} with {confidence:.1f}% "
                "confidence.").format(index=index, true=names[results.labels[index]],
                                      predicted=names[results.predictions[index]],
                                      confidence=100 * results.confidences[index]))
            self.counter.setText(self.tr("mistake {i:,} of {n:,} (most confident first)").format(
                i=self._position + 1, n=len(self._mistakes)))
