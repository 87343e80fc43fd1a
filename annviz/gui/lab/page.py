"""LabPage: the neuron lab — one neuron, a perceptron that learns, a small network on the plane.

Three tabs that tell one story: a neuron with sliders, a single neuron learning a straight line
(and failing on XOR), and a network with hidden layers carving out any shape. The perceptron's
"add a hidden layer" button opens the playground on the perceptron's own points, with a small
hidden layer that can separate them. ``shutdown()`` stops the
playground's training thread; the main window calls it on close.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from annviz.gui.common import room
from annviz.gui.common.tabs import CurrentPageSizer
from annviz.gui.lab.neuron_view import NeuronView
from annviz.gui.lab.perceptron_view import DATASETS as PERCEPTRON_DATASETS
from annviz.gui.lab.perceptron_view import PerceptronView
from annviz.gui.lab.playground_view import PlaygroundView

TABS = ("neuron", "perceptron", "playground")
#: The network the perceptron's points are handed to: one hidden layer of 4, and its learning rate.
HIDDEN_FOR_PERCEPTRON = (4,)
HIDDEN_LEARNING_RATE = 0.3


class LabPage(QWidget):
    """The lab as one page of the main window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lab-page")
        self.tabs = room.whole_tabs(QTabWidget())
        self.neuron_view = NeuronView()
        self.perceptron_view = PerceptronView()
        self.playground_view = PlaygroundView()
        for name, view in zip(TABS, (self.neuron_view, self.perceptron_view, self.playground_view)):
            view.setObjectName(f"lab-{name}")
            self.tabs.addTab(view, "")
        self.perceptron_view.hidden_layer_requested.connect(self._on_hidden_layer_requested)
        CurrentPageSizer(self.tabs)            # as wide as the tab in front: room for a lesson beside it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.retranslate()

    def title(self) -> str:
        """The page's name in the main window (translated)."""
        return self.tr("Neuron lab")

    def concepts_html(self) -> str:
        """Help → Concepts on this screen: the part in front says."""
        return self.tabs.currentWidget().concepts_html()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("① One neuron"))
        self.tabs.setTabText(1, self.tr("② A perceptron that learns"))
        self.tabs.setTabText(2, self.tr("③ A network on the plane"))


    def open_part(self, part: str, preset: str | None = None, dataset: str | None = None,
                  hidden: tuple[int, ...] | None = None, play: bool = False) -> None:
        """Show one tab ("neuron", "perceptron", "playground"), optionally set up."""
        self.tabs.setCurrentIndex(TABS.index(part))
        if part == "neuron" and preset == "tasty":
            self.neuron_view.load_tasty_preset()
        elif part == "perceptron":
            if dataset in PERCEPTRON_DATASETS:
                self.perceptron_view.set_dataset(dataset)
            self.perceptron_view.run_button.setChecked(play)
        elif part == "playground":
            config = self.playground_view.controls.config()
            self.playground_view.load_preset(dataset or config.dataset, hidden or config.hidden, play=play)

    def _on_hidden_layer_requested(self, points) -> None:
        """From the perceptron stuck on XOR (or any points no line separates) to a network with one
        hidden layer of 4 tanh neurons learning the same points: on XOR's four corners it gets
        them all right within a few hundred epochs (η = 0.3), a few seconds."""
        self.perceptron_view.stop()
        self.tabs.setCurrentIndex(TABS.index("playground"))
        self.playground_view.load_points(points, HIDDEN_FOR_PERCEPTRON, HIDDEN_LEARNING_RATE, play=True)

    def shutdown(self) -> None:
        """Stop background work (the playground's thread) within a second."""
        self.perceptron_view.stop()
        self.playground_view.shutdown()
