"""LabPage: the neuron lab — one neuron, a perceptron that learns, a small network on the plane.

Three tabs that tell one story: a neuron with sliders, a single neuron learning a straight line
(and failing on XOR), and a network with hidden layers carving out any shape. The perceptron's
"add a hidden layer" button opens the playground on the perceptron's own points, with a small
hidden layer that can separate them. ``shutdown()`` stops the
playground's training thread; the main window calls it on close.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from annviz.data.planar import GATE_DOMAIN, PlanarDataset
from annviz.gui.common import room
from annviz.gui.common.tabs import CurrentPageSizer
from annviz.gui.lab.neuron_view import NeuronView
from annviz.gui.lab.perceptron_view import DATASETS as PERCEPTRON_DATASETS
from annviz.gui.lab.perceptron_view import PerceptronView
from annviz.gui.lab.playground_model import Hyper, PlaygroundConfig
from annviz.gui.lab.playground_view import PlaygroundView
from annviz.setupmodel import NeuronPart, PerceptronPart, PlaygroundPart, PointsPart

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

    def setup_parts(self) -> tuple[NeuronPart, PerceptronPart, PlaygroundPart]:
        """What a setup keeps of the lab: the neuron, the perceptron's points and rule, the
        playground's network and data (``annviz.setupmodel``)."""
        neuron = self.neuron_view.neuron
        view = self.perceptron_view
        controls = self.playground_view.controls
        config, hyper = controls.config(), controls.hyper()
        return (NeuronPart(neuron.xs, neuron.ws, neuron.b, neuron.activation, self.neuron_view.tasty),
                PerceptronPart(view.dataset.currentData(), view.rule.currentData(), view.learning_rate.value(),
                               PointsPart(view.data.x, view.data.y)),
                PlaygroundPart(config.dataset, config.noise, controls.test_share.value() / 100, config.seed,
                               config.features, config.hidden, config.activation, hyper.learning_rate,
                               hyper.batch_size, hyper.l2, controls.epochs_per_update(),
                               PointsPart(config.points.x, config.points.y) if config.points is not None else None))

    def apply_setup_parts(self, neuron: NeuronPart | None, perceptron: PerceptronPart | None,
                          playground: PlaygroundPart | None) -> None:
        """Show what a setup kept of the lab (a part that is None is left as it is)."""
        if neuron is not None:
            self.neuron_view.set_neuron(neuron.xs, neuron.ws, neuron.b, neuron.activation, neuron.tasty)
        if perceptron is not None:
            p = perceptron
            self.perceptron_view.set_points(PlanarDataset(p.points.x, p.points.y, GATE_DOMAIN), p.points_name,
                                            p.rule, p.learning_rate)
        if playground is not None:
            g = playground
            points = PlanarDataset(g.points.x, g.points.y, GATE_DOMAIN) if g.points is not None else None
            config = PlaygroundConfig(dataset=g.dataset, noise=g.noise, test_fraction=g.test_share,
                                      features=g.features, hidden=g.hidden, activation=g.activation,
                                      seed=g.seed, points=points)
            self.playground_view.controls.set_everything(config, Hyper(g.learning_rate, g.batch_size, g.l2),
                                                          g.speed)

    def shutdown(self) -> None:
        """Stop background work (the playground's thread) within a second."""
        self.perceptron_view.stop()
        self.playground_view.shutdown()
