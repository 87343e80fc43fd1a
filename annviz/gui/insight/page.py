"""The insight page: how good the model is, why it answered, and how it learns.

Built on the app state only (the one contract between views): the page evaluates the current
model on its test set in the background — only while the page is on screen: a new model or new
weights while it is hidden make the results stale, and they are evaluated again once it is shown
(training's weights thus cost nothing while the learner looks elsewhere) — loads chosen test images into the explorer (pad
included) with ``state.show_example``, and shows the current input in the "why" and "how it
learns" tabs. It adds one control of its own, the true label of the current input, which a loss
needs; an example loaded anywhere sets it. The class the "why" tab explains is shared as
``state.chosen_class`` (the diagram colours by it), and a weight picked elsewhere
(``state.weight_selected``) opens in the numeric-slope tab. The last tab shows the model's
dataset (``data_tab.py``); an image clicked there becomes the input too.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from annviz.data.datasets import to_inputs
from annviz.gui.common import room
from annviz.gui.common.evaluator import Evaluator
from annviz.gui.common.tabs import CurrentPageSizer
from annviz.gui.insight.attribution_tab import AttributionTab
from annviz.gui.insight.data_tab import DataTab
from annviz.gui.insight.evaluation_tab import EvaluationTab
from annviz.gui.insight.matrix_tab import MatrixTab
from annviz.gui.insight.mistakes_tab import MistakesTab
from annviz.gui.insight.nudge_tab import NudgeTab
from annviz.gui.insight.stepper_tab import StepperTab
from annviz.gui.state import AppState
from annviz.nn.evaluation import TestResults

#: The tabs, in order, by the names lessons give them (insight-evaluation, …).
TABS = ("evaluation", "mistakes", "why", "step", "nudge", "matrix", "data")
REEVALUATE_AFTER_MS = 1500  # while training sends new weights, evaluate at most this often (if shown)


class InsightPage(QWidget):
    """Evaluation, mistakes, attribution and the learning views for ``state``'s model."""

    explorer_wanted = Signal()   # the learner asked to see the current input in the explorer

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("insight-page")
        self.state = state
        self.results: TestResults | None = None
        self._test_set: tuple[np.ndarray, np.ndarray] | None = None   # overrides the model's dataset
        self._example: tuple[int, np.ndarray] | None = None            # (index, input) loaded by us
        self._stale = False   # the model changed since the last evaluation began (evaluate when shown)
        self._evaluator = Evaluator(self)
        self._evaluator.progress.connect(self._on_evaluation_progress)
        self._evaluator.finished.connect(self._on_evaluation_finished)
        self._evaluator.failed.connect(self._on_evaluation_failed)
        self._reevaluate = QTimer(self, singleShot=True, interval=REEVALUATE_AFTER_MS)
        self._reevaluate.timeout.connect(self._evaluate_if_shown)

        self.input_label = QLabel()
        self.true_label_caption = QLabel()
        self.true_label = QComboBox()
        self.true_label.setObjectName("insight-true-label")
        self.true_label.currentIndexChanged.connect(self._on_true_label_changed)
        self.evaluation = EvaluationTab()
        self.evaluation.threshold.setValue(round(100 * state.confidence_threshold))
        self.evaluation.threshold.valueChanged.connect(self._on_threshold_changed)
        self.mistakes = MistakesTab()
        for tab in (self.evaluation, self.mistakes):
            tab.example_chosen.connect(self._on_example_chosen)
        self.mistakes.example_chosen.connect(self.explorer_wanted)   # its "Show in the explorer"
        self.attribution = AttributionTab()
        self.attribution.class_chosen.connect(self._on_class_chosen)
        self.stepper = StepperTab()
        self.nudge = NudgeTab()
        self.matrix = MatrixTab()
        self.data = DataTab()
        self.data.example_chosen.connect(self._on_data_example_chosen)
        self.tabs = room.whole_tabs(QTabWidget())
        for name, tab in zip(TABS, (self.evaluation, self.mistakes, self.attribution, self.stepper, self.nudge,
                                    self.matrix, self.data)):
            tab.setObjectName(f"insight-{name}")    # lessons name widgets by these
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        CurrentPageSizer(self.tabs)            # as wide as the tab in front: room for a lesson beside it

        header = QHBoxLayout()
        header.addWidget(self.input_label, 1)
        header.addWidget(self.true_label_caption)
        header.addWidget(self.true_label)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        state.model_changed.connect(self._on_model_changed)
        state.weights_changed.connect(self._on_weights_changed)
        state.forward_changed.connect(self._on_forward_changed)
        state.example_loaded.connect(self._on_example_loaded)
        state.explained_class_changed.connect(self._on_explained_class_changed)
        state.weight_selected.connect(self._on_weight_selected)
        self._fill_class_names()
        self.retranslate()
        self._stale = state.network is not None
        # Built after the app started (the window builds it when first shown): what it would have
        # heard since — the label of the last example shown, a weight picked — it reads now.
        if state.example_label is not None:
            self._on_example_loaded(None, state.example_label)
        if state.selected_weight is not None:
            self._on_weight_selected(*state.selected_weight)
        self._on_forward_changed()

    # --- public ------------------------------------------------------------------------------

    def set_test_set(self, images: np.ndarray, labels: np.ndarray) -> None:
        """Evaluate on these uint8 (n, 28, 28) images instead of the model's dataset's test set."""
        self._test_set = (np.asarray(images), np.asarray(labels))
        self.evaluate()

    def evaluate(self) -> None:
        """(Re)start the background evaluation of the current model."""
        self._stale = False
        if self.state.network is None:
            return
        source = self._test_set if self._test_set is not None else self.state.info.dataset
        self._evaluator.evaluate(self.state.network, source)

    def load_example(self, index: int) -> None:
        """Make test image ``index`` the current input of the whole app, with its true label."""
        if self.results is None:
            return
        image = to_inputs(self.results.images[index]).reshape(28, 28)
        self._example = (index, image)
        self.state.show_example(image, int(self.results.labels[index]))

    def setup_views(self) -> dict:
        """What a setup keeps of this page's tabs (``setupmodel.ViewsPart``'s fields): the
        confidence threshold, the nudged weight (layer counted from 1) and its h, the learning
        step's stage (from 1) and η, the mistake shown (from 1) and the confusion matrix's cell."""
        (layer, i, j), cell = self.nudge.weight, self.evaluation.cell
        return dict(
            threshold=self.evaluation.threshold.value(),
            nudge=None if min(layer, i, j) < 0 else (layer + 1, i, j, float(self.nudge.h)),
            stepper=(self.stepper.stage + 1, float(self.stepper.lr.value())),
            mistake=self.mistakes.position + 1 if self.mistakes.count else None,
            cell=None if cell is None else (int(cell[0]), int(cell[1])))

    def apply_setup_views(self, views) -> None:
        """Show what a setup kept (``setupmodel.ViewsPart``); a field that is None is left as it
        is, a nudged weight the current network does not have is not chosen."""
        if views.threshold is not None:
            self.evaluation.threshold.setValue(views.threshold)
        if views.nudge is not None:
            layer, i, j, h = views.nudge
            net = self.state.network
            if net is not None and 1 <= layer <= len(net.weights) and i < net.weights[layer - 1].shape[0] \
                    and j < net.weights[layer - 1].shape[1]:
                self.nudge.choose_weight(layer - 1, i, j)
            self.nudge.set_h(h)
        if views.stepper is not None:
            stage, lr = views.stepper
            self.stepper.lr.setValue(lr)
            self.stepper.go_to(stage - 1)
        if views.mistake is not None:
            self.mistakes.go_to(views.mistake - 1)      # as soon as the test set is evaluated
        if views.cell is not None:
            self.evaluation.select_cell(*views.cell)

    @property
    def label(self) -> int:
        """The true label the loss uses for the current input."""
        return max(self.true_label.currentIndex(), 0)

    def shutdown(self) -> None:
        """Stop the evaluation thread; call before the application quits."""
        self._reevaluate.stop()
        self._evaluator.shutdown()
        self.data.shutdown()

    # --- handlers ----------------------------------------------------------------------------

    def _on_model_changed(self) -> None:
        self._fill_class_names()
        self.results = None
        self.mistakes.forget_results()
        self._reevaluate.stop()
        self._stale = True
        self._evaluate_if_shown()

    def _on_weights_changed(self) -> None:
        self._stale = True
        if self.isVisible() and not self._reevaluate.isActive():
            self._reevaluate.start()

    def _evaluate_if_shown(self) -> None:
        if self._stale and self.isVisible():
            self.evaluate()

    def showEvent(self, event):  # noqa: N802 — Qt's hook: catch up with what changed while hidden
        super().showEvent(event)
        self._evaluate_if_shown()

    def _on_forward_changed(self) -> None:
        if self._example is not None and not self._is_current_input(self._example[1]):
            self._example = None
        self.retranslate_header()
        self._show_current_input()

    def _on_true_label_changed(self, _index: int) -> None:
        self._show_current_input()

    def _on_tab_changed(self, _index: int) -> None:
        self._show_current_input()

    def _on_example_chosen(self, index: int) -> None:
        self.load_example(index)

    def _on_example_loaded(self, image, label) -> None:
        if label is not None and 0 <= label < self.true_label.count():
            with QSignalBlocker(self.true_label):   # the views update once, on forward_changed
                self.true_label.setCurrentIndex(label)

    def _on_data_example_chosen(self, image: np.ndarray, label: int) -> None:
        self.state.show_example(to_inputs(image).reshape(28, 28), label)

    def _on_class_chosen(self, k: int) -> None:
        self.state.choose_class(None if k < 0 else k)

    def _on_explained_class_changed(self) -> None:
        self.attribution.choose_class(self.state.chosen_class)

    def _on_weight_selected(self, layer: int, i: int, j: int) -> None:
        self.nudge.choose_weight(layer, i, j)
        self.tabs.setCurrentWidget(self.nudge)

    def _on_threshold_changed(self, percent: int) -> None:
        self.state.set_confidence_threshold(percent / 100)       # the explorer answers by it too

    def _on_evaluation_progress(self, done: int, total: int) -> None:
        self.evaluation.show_progress(done, total)

    def _on_evaluation_finished(self, results: TestResults) -> None:
        self.results = results
        names = self.state.class_names
        self.evaluation.show_results(results, names)
        self.mistakes.show_results(results, names)

    def _on_evaluation_failed(self, message: str) -> None:
        self.evaluation.show_failure(message)

    # --- helpers -----------------------------------------------------------------------------

    def _show_current_input(self) -> None:
        """Give the current input to the tab on screen (the others catch up when shown)."""
        state, tab = self.state, self.tabs.currentWidget()
        network = state.network
        x = None if state.input_image is None else state.input_image.reshape(-1)
        if tab is self.attribution:
            self.attribution.show_input(network, x, state.class_names)
        elif tab is self.stepper:
            self.stepper.show_case(network, x, self.label, state.info.loss, state.class_names)
        elif tab is self.nudge:
            self.nudge.show_case(network, x, self.label, state.info.loss, state.class_names)
        elif tab is self.matrix:
            self.matrix.show_forward(network, state.forward, state.class_names)
        elif tab is self.data:
            self.data.show_dataset(state.info.dataset or "mnist")

    def _is_current_input(self, image: np.ndarray) -> bool:
        current = self.state.input_image
        return current is not None and np.array_equal(current, image)

    def _fill_class_names(self) -> None:
        keep = self.true_label.currentIndex()
        self.true_label.blockSignals(True)
        self.true_label.clear()
        self.true_label.addItems(self.state.class_names)
        self.true_label.setCurrentIndex(min(max(keep, 0), self.true_label.count() - 1))
        self.true_label.blockSignals(False)
        self.attribution.set_class_names(self.state.class_names)   # its chooser, before it is shown

    # --- texts -------------------------------------------------------------------------------

    def concepts_html(self) -> str:
        """Help → Concepts on this screen: the tab in front says."""
        return self.tabs.currentWidget().concepts_html()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("How good is it"))
        self.tabs.setTabText(1, self.tr("Mistakes"))
        self.tabs.setTabText(2, self.tr("Why this answer"))
        self.tabs.setTabText(3, self.tr("One step of learning"))
        self.tabs.setTabText(4, self.tr("Numeric slope vs backprop"))
        self.tabs.setTabText(5, self.tr("Matrix form"))
        self.tabs.setTabText(6, self.tr("The data"))
        self.true_label_caption.setText(self.tr("True label of this input:"))
        self.true_label.setToolTip(self.tr("The class the input really is: the loss L compares the output with it"))
        self.retranslate_header()

    def retranslate_header(self) -> None:
        p, names = self.state.probabilities, self.state.class_names
        if p is None:
            self.input_label.setText(self.tr("No input yet: draw in the explorer or pick a test image."))
            return
        k = int(np.argmax(p))
        text = self.tr("Current input: the model predicts {name} ({p:.1f}%).").format(name=names[k], p=100 * p[k])
        if self._example is not None:
            text += " " + self.tr("(test image #{index})").format(index=self._example[0])
        self.input_label.setText(text)


    def closeEvent(self, event):  # noqa: N802 — Qt's hook (when the page is a window of its own)
        self.shutdown()
        super().closeEvent(event)
