"""How good is it: accuracy, the confusion matrix, a gallery per cell, a confidence threshold.

Shows ``TestResults`` given through ``show_results``; clicking a matrix cell fills the gallery
with exactly the test images of that (true, predicted) pair, most confident first. Clicking an
image emits ``example_chosen(index)``; the page loads it into the explorer.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QSlider, QVBoxLayout, QWidget

from annviz.gui.common import room, zoom
from annviz.gui.insight.confusion_view import CORRECT, MISTAKE, ConfusionView
from annviz.gui.insight.gallery import Gallery, example_caption
from annviz.nn.evaluation import TestResults


class EvaluationTab(QWidget):
    example_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._results: TestResults | None = None
        self._class_names: list[str] = []
        self._cell: tuple[int, int] | None = None

        self.progress = QProgressBar()
        self.summary = QLabel()
        zoom.relative_font(self.summary, 1.65, bold=True)
        self.summary.setWordWrap(True)                 # a narrow page: two lines, not a wider page
        self._summary_fit = room.WholeText(self.summary)
        self.confusion = ConfusionView()
        self.confusion.cell_clicked.connect(self._on_cell_clicked)
        self.threshold_box = QGroupBox()
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(0, 99)
        self.threshold.setValue(90)
        self.threshold.valueChanged.connect(self._on_threshold_changed)
        self.threshold_label = QLabel()
        self.threshold_label.setWordWrap(True)
        # Two lines kept for it from the start: its text grows when the results come, and a layout
        # that only then asks how high a wrapped label must be can leave it one line high.
        zoom.lines_high(self.threshold_label, 2, fixed=False)
        for widget, name in ((self.summary, "accuracy"), (self.confusion, "confusion"),
                             (self.threshold_box, "threshold-box"), (self.threshold, "threshold")):
            widget.setObjectName(f"insight-{name}")   # lessons name widgets by these
        self.gallery_title = QLabel()
        self.gallery_title.setWordWrap(True)
        self.gallery = Gallery()
        self.gallery.setObjectName("insight-gallery")
        self.gallery.example_chosen.connect(self.example_chosen)

        box = QVBoxLayout(self.threshold_box)
        box.addWidget(self.threshold)
        box.addWidget(self.threshold_label)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.progress)
        right.addWidget(self.threshold_box)
        right.addWidget(self.gallery_title)
        right.addWidget(self.gallery, 1)
        self.confusion_caption = QLabel()                        # what the colours mean
        self.confusion_caption.setTextFormat(Qt.TextFormat.RichText)
        self.confusion_caption.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.confusion, 1)
        left.addWidget(self.confusion_caption)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.retranslate()

    # --- public ------------------------------------------------------------------------------

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def show_failure(self, message: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(self.tr("Could not evaluate: {message}").format(message=message))
        self._summary_fit.refit()

    def show_results(self, results: TestResults, class_names: list[str]) -> None:
        self._results, self._class_names = results, list(class_names)
        self.progress.setVisible(False)
        self.confusion.show_confusion(results.confusion, self._class_names, results.per_class_accuracy)
        self.retranslate()
        if self._cell is not None:   # keep the chosen cell, e.g. while training sends new weights
            self.select_cell(*self._cell)

    @property
    def cell(self) -> tuple[int, int] | None:
        """The chosen (true, predicted) cell of the matrix, if any."""
        return self._cell

    def select_cell(self, true: int, predicted: int) -> None:
        """Fill the gallery with the test images of class ``true`` predicted as ``predicted``
        (as soon as there are results)."""
        self._cell = (true, predicted)
        results = self._results
        if results is None:
            return
        indices = results.cell(true, predicted)
        names = self._class_names
        captions = [example_caption(names[results.labels[i]], names[results.predictions[i]],
                                    results.confidences[i]) for i in indices]
        self.gallery.show_examples(indices, results.images, captions)
        self.confusion.mark_cell(true, predicted)
        self._update_gallery_title()

    # --- handlers ----------------------------------------------------------------------------

    def _on_cell_clicked(self, true: int, predicted: int) -> None:
        self.select_cell(true, predicted)

    def _on_threshold_changed(self, _value: int) -> None:
        self._update_threshold()

    # --- texts -------------------------------------------------------------------------------

    def concepts_html(self) -> str:
        """Help → Concepts on this screen, for this tab."""
        return self.tr(
            "<p><b>Accuracy</b>: the share of the <b>test</b> images the network answers right. The test "
            "images were never used in training, so they show how the network does on digits it has "
            "not seen.</p>"
            "<p><b>Confusion matrix</b>: a row per true class, a column per <b>prediction</b>; the "
            "diagonal holds the right answers and every other cell one kind of mistake (a 4 read as a "
            "9). Click a cell to see its images.</p>"
            "<p><b>Confidence threshold</b>: the output layer's softmax gives each class a probability "
            "p<sub>k</sub> = e<sup>z<sub>k</sub></sup> / Σ<sub>j</sub> e<sup>z<sub>j</sub></sup>; "
            "below the threshold the app answers “not sure”.</p>")

    def retranslate(self) -> None:
        self.confusion.set_axis_titles(self.tr("true class"), self.tr("predicted class"),
                                       self.tr("accuracy per class"))
        self.confusion_caption.setText(
            f'<span style="color:rgb{tuple(int(c) for c in CORRECT)}">■</span>&nbsp;'
            + self.tr("green: right answers (the diagonal)") + "&nbsp;&nbsp;&nbsp;"
            + f'<span style="color:rgb{tuple(int(c) for c in MISTAKE)}">■</span>&nbsp;'
            + self.tr("grey: mistakes") + "&nbsp;&nbsp;&nbsp;"
            + self.tr("the darker a cell, the more test images it holds; the number is the count"))
        self.threshold_box.setTitle(self.tr("Confidence threshold: below it the model says \"not sure\""))
        self.threshold.setToolTip(self.tr("Answers whose largest probability p_k = e^z_k / Σ e^z_j is below this "
                                          "are \"not sure\" (here and in the explorer)"))
        results = self._results
        if results is None:
            self.summary.setText(self.tr("Evaluating the test set…"))
            self._summary_fit.refit()
        else:
            self.summary.setText(self.tr("Accuracy {accuracy:.2f}% on {n:,} test images").format(
                accuracy=100 * results.accuracy, n=results.n))
            self._summary_fit.refit()
        self._update_threshold()
        self._update_gallery_title()

    def _update_threshold(self) -> None:
        threshold = self.threshold.value() / 100
        if self._results is None:
            self.threshold_label.setText(self.tr("Threshold {t:.0f}%").format(t=100 * threshold))
            return
        count, accuracy = self._results.answered(threshold)
        n = self._results.n
        self.threshold_label.setText(self.tr(
            "Threshold {t:.0f}%: the model answers {count:,} of {n:,} images ({share:.1f}%) and "
            "says \"not sure\" for {unsure:,}. Accuracy of its answers: {accuracy}.").format(
            t=100 * threshold, count=count, n=n, share=100 * count / max(n, 1), unsure=n - count,
            accuracy="–" if np.isnan(accuracy) else f"{100 * accuracy:.2f}%"))

    def _update_gallery_title(self) -> None:
        if self._cell is None or self._results is None:
            self.gallery_title.setText(self.tr("Click a cell of the confusion matrix to see its test images."))
            return
        true, predicted = self._cell
        names = dict(true=self._class_names[true], predicted=self._class_names[predicted])
        if self.gallery.count() == 1:
            text = self.tr("1 test image of class {true} predicted as {predicted}. Click it to load it "
                           "into the explorer.").format(**names)
        else:
            text = self.tr("{count:,} test images of class {true} predicted as {predicted}, most "
                           "confident first. Click one to load it into the explorer.").format(
                count=self.gallery.count(), **names)
        self.gallery_title.setText(text)
