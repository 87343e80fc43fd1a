"""The app model: the one object that owns "the current model" and "the current input" — no Qt.

Views never reach into each other or into the network: they call the setters here and listen to
its facts. ``AppModel`` is plain Python (tested without Qt); the GUI's ``AppState``
(``annviz.gui.state``) is the same model announcing each fact as a Qt signal of the same name.
Every change recomputes the forward pass for the current input (microseconds) and announces it
with ``forward_changed``, so the diagram, the probabilities and the inspector always
show the same numbers.

The facts (``Fact``; the Qt signal of each is named after its value):
- ``model_changed``: a different network (its architecture may differ) or different metadata.
- ``weights_changed``: the same architecture with new numbers (e.g. a training snapshot).
- ``input_changed``: the 28×28 input changed, or became blank (``input_image is None``).
- ``forward_changed``: ``forward`` was recomputed (after any of the above).
- ``example_loaded(image, label)``: a ready-made example (e.g. a test image) was chosen as the
  input: the (28, 28) float32 image exactly as the network receives it and its true class index
  (or None). Sent just before the input changes, so the pad can show it; see ``show_example``.
- ``neuron_selected(layer, index)``: a neuron was picked; ``layer`` counts layers of ``sizes``
  (0 = input layer, 1 = first hidden layer, …, last = output layer).
- ``weight_selected(layer, i, j)``: the weight ``network.weights[layer][i, j]`` was picked, the
  edge from neuron j of layer ``layer`` to neuron i of layer ``layer + 1`` (W^(layer+1) on screen).
- ``explained_class_changed``: the learner chose another output class to explain
  (``chosen_class``; ``explained_class`` is that or, by default, the predicted class).
- ``confidence_threshold_changed``: below ``confidence_threshold`` the app's answer is "not sure"
  (set on the insight page, shown in the explorer too).
- ``edits_changed``: the neuron edits the current network carries changed (``edits``).

Edits: a network made by touching neurons of a model (``annviz.nn.neuron_edit``) is put in the
state with the model's path and its ``edits``, so that every view shows it and the window never
saves it over the model's file. The edits are remembered with the network object itself, so a
part that puts a network back (Discard after training, the time machine's "now") puts back its
edits too.

With the input, the state keeps ``input_problem``: why a drawing may not be prepared like an MNIST
digit ("small", "flat", "blob", "thin", or None; ``annviz.data.preprocess.drawing_problem``), and
``input_label``: its true class when it is an example shown with one (None for a drawing).

What a view built late (a page built when first shown) would have heard since the start, the
state keeps: ``example_label`` (the last example's true class), ``input_label``, the selection,
and ``first_weights``, a copy of the current network's weights as they were when it became the
current one (``set_model``; ``set_weights`` changes the network's own arrays, not these): the
training page's weight histograms draw them as the outline.
"""

from __future__ import annotations

import enum
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from annviz.data.preprocess import canvas_to_mnist, drawing_problem
from annviz.nn.attribution import Contributions, contributions
from annviz.nn.modelfile import ModelInfo
from annviz.nn.network import Forward, Network


class Fact(enum.Enum):
    """What changed; the value is the name of the Qt signal that says it (``AppState``)."""

    MODEL = "model_changed"
    WEIGHTS = "weights_changed"
    INPUT = "input_changed"
    FORWARD = "forward_changed"
    EXAMPLE = "example_loaded"                     # (image, label)
    NEURON = "neuron_selected"                     # (layer, index)
    WEIGHT = "weight_selected"                     # (layer, i, j)
    EXPLAINED_CLASS = "explained_class_changed"
    CONFIDENCE_THRESHOLD = "confidence_threshold_changed"
    EDITS = "edits_changed"
    MODEL_RENAMED = "model_renamed"                # the same network, now saved as another file


class AppModel:
    #: The insight page's confidence threshold when the app starts.
    DEFAULT_CONFIDENCE_THRESHOLD = 0.9

    def __init__(self) -> None:
        self._listeners: list[Callable[[Fact, tuple], None]] = []
        self.network: Network | None = None
        self.info = ModelInfo()
        self.model_path: Path | None = None
        self.input_image: np.ndarray | None = None   # (28, 28) float32 in [0, 1], or None
        self.forward: Forward | None = None          # for the current input, batch of one
        self.selected: tuple[int, int] | None = None
        self.selected_weight: tuple[int, int, int] | None = None
        self.chosen_class: int | None = None         # the class the learner asked about; None = predicted
        self.input_problem: str | None = None        # "small", "flat", "blob", "thin" or None (see the docstring)
        self.confidence_threshold = self.DEFAULT_CONFIDENCE_THRESHOLD
        self.example_label: int | None = None        # the true label of the last example shown with one
        self.input_label: int | None = None          # the current input's, if it is such an example
        self.first_weights: list[np.ndarray] = []    # the network's weights when it became current
        self._contributions: dict[int, Contributions] = {}   # of the current forward pass, by class
        self._edits: weakref.WeakKeyDictionary[Network, tuple] = weakref.WeakKeyDictionary()

    # --- the model ---------------------------------------------------------------------------

    def set_model(self, network: Network, info: ModelInfo | None = None, path: Path | None = None,
                  edits: tuple = ()) -> None:
        """Use ``network`` from now on (the state keeps it; callers should not change it later).

        ``edits``: the neuron edits that made ``network`` from the model at ``path`` (see above).
        The views show multilayer perceptrons: a network that is not one (``is_mlp``) is a
        caller's mistake — the window refuses it first, with a message (main_window, setup)."""
        if not getattr(network, "is_mlp", True):
            raise ValueError(f"the views show multilayer perceptrons, not {network!r}")
        if edits:
            self._edits[network] = tuple(edits)
        self.network = network
        self.first_weights = [w.copy() for w in network.weights]
        self.info = info or ModelInfo()
        self.model_path = Path(path) if path is not None else None
        if self.selected is not None and not self._valid_neuron(*self.selected):
            self.selected = None
        if self.selected_weight is not None and not self._valid_weight(*self.selected_weight):
            self.selected_weight = None
        if self.chosen_class is not None and self.chosen_class >= network.sizes[-1]:
            self.chosen_class = None
        self._recompute(announce=False)  # listeners of model_changed may read forward already
        self._announce(Fact.MODEL)
        self._announce(Fact.FORWARD)

    def set_weights(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """New values for the current network's parameters (same shapes), e.g. from training.

        ``weights_changed`` goes out, then always ``forward_changed`` (views that show both need
        to refresh only on the second)."""
        if self.network is None:
            return
        self.network.set_parameters(weights, biases)
        self._announce(Fact.WEIGHTS)
        self._recompute()

    def set_model_path(self, path: Path) -> None:
        """The current network was saved as ``path`` (Save as): it is the model there now."""
        self.model_path = Path(path)
        self._announce(Fact.MODEL_RENAMED)

    @property
    def edits(self) -> tuple:
        """The neuron edits (``NeuronEdit``) that make the current network differ from the model at
        ``model_path``; empty for a network as it was loaded or trained."""
        return () if self.network is None else self._edits.get(self.network, ())

    def set_edits(self, edits: tuple) -> None:
        """The current network now carries these edits (e.g. after ``set_weights`` with an edited
        neuron's numbers); emits ``edits_changed``."""
        if self.network is None:
            return
        if edits:
            self._edits[self.network] = tuple(edits)
        else:
            self._edits.pop(self.network, None)
        self._announce(Fact.EDITS)

    @property
    def class_names(self) -> list[str]:
        return list(self.info.class_names)

    # --- the input ---------------------------------------------------------------------------

    def set_input(self, image: np.ndarray | None) -> None:
        """The 28×28 image in [0, 1] the network receives, or None for "nothing drawn"."""
        self._set_input(image, None)

    def _set_input(self, image: np.ndarray | None, problem: str | None, label: int | None = None) -> None:
        if image is not None:
            image = np.asarray(image, dtype=np.float32).reshape(28, 28)
        self.input_image = image
        self.input_problem = problem
        self.input_label = label
        self._announce(Fact.INPUT)
        self._recompute()

    def show_example(self, image: np.ndarray, label: int | None = None) -> None:
        """Make a ready-made 28×28 example in [0, 1] the input, exactly as given (no preprocessing).

        ``example_loaded(image, label)`` goes out first (the pad shows the image), then the input
        changes as with ``set_input``. The state keeps a read-only copy.
        """
        image = np.array(image, dtype=np.float32).reshape(28, 28)
        image.flags.writeable = False
        if label is not None:
            self.example_label = int(label)
        self._announce(Fact.EXAMPLE, image, None if label is None else int(label))
        self._set_input(image, None, None if label is None else int(label))

    def set_canvas(self, canvas: np.ndarray) -> None:
        """A drawing of any size (see ``canvas_to_mnist``) becomes the input."""
        prepared = canvas_to_mnist(canvas)
        self._set_input(prepared, drawing_problem(canvas, prepared))

    def set_confidence_threshold(self, threshold: float) -> None:
        """Answers less confident than this (0…1) are "not sure"."""
        threshold = float(np.clip(threshold, 0.0, 1.0))
        if threshold != self.confidence_threshold:
            self.confidence_threshold = threshold
            self._announce(Fact.CONFIDENCE_THRESHOLD)

    @property
    def probabilities(self) -> np.ndarray | None:
        """The output activations for the current input, (n_out,), or None."""
        return None if self.forward is None else self.forward.output[0]

    @property
    def prediction(self) -> int | None:
        p = self.probabilities
        return None if p is None else int(np.argmax(p))

    @property
    def explained_class(self) -> int | None:
        """The output class the "why" views explain: the chosen one, else the predicted one."""
        return self.chosen_class if self.chosen_class is not None else self.prediction

    def choose_class(self, k: int | None) -> None:
        """Explain output class ``k`` from now on (None: always the predicted class)."""
        k = None if k is None or self.network is None or not 0 <= k < self.network.sizes[-1] else int(k)
        if k != self.chosen_class:
            self.chosen_class = k
            self._announce(Fact.EXPLAINED_CLASS)

    # --- selection ---------------------------------------------------------------------------

    def select_neuron(self, layer: int, index: int) -> None:
        if not self._valid_neuron(layer, index):
            return
        self.selected = (layer, index)
        self._announce(Fact.NEURON, layer, index)

    def select_weight(self, layer: int, i: int, j: int) -> None:
        """Pick the weight ``network.weights[layer][i, j]``."""
        if not self._valid_weight(layer, i, j):
            return
        self.selected_weight = (layer, i, j)
        self._announce(Fact.WEIGHT, layer, i, j)

    def _valid_weight(self, layer: int, i: int, j: int) -> bool:
        return (self.network is not None and 0 <= layer < len(self.network.weights)
                and 0 <= i < self.network.sizes[layer + 1] and 0 <= j < self.network.sizes[layer])

    def _valid_neuron(self, layer: int, index: int) -> bool:
        return (self.network is not None and 0 <= layer < len(self.network.sizes)
                and 0 <= index < self.network.sizes[layer])

    # --- listeners ---------------------------------------------------------------------------

    def listen(self, listener: Callable[[Fact, tuple], None]) -> None:
        """Call ``listener(fact, args)`` after each change, in the order of the changes."""
        self._listeners.append(listener)

    def _announce(self, fact: Fact, *args: object) -> None:
        for listener in self._listeners:
            listener(fact, args)

    # --- internals ---------------------------------------------------------------------------

    def contributions(self, k: int | None = None) -> Contributions | None:
        """How much each pixel, neuron and edge of the current input added to output k's score
        (``attribution.contributions``; k: the explained class by default). Computed once per
        input, weights and class, the first time a view asks; None with nothing to explain."""
        k = self.explained_class if k is None else k
        if self.network is None or self.forward is None or k is None:
            return None
        if k not in self._contributions:
            self._contributions[k] = contributions(self.network, self.forward.activations[0], k,
                                                   self.forward)
        return self._contributions[k]

    def _recompute(self, announce: bool = True) -> None:
        self._contributions = {}
        if self.network is None or self.input_image is None:
            self.forward = None
        else:
            self.forward = self.network.forward(self.input_image.reshape(1, -1))
        if announce:
            self._announce(Fact.FORWARD)
