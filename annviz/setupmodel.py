"""What a setup holds (``Setup`` and its parts): plain data, no Qt, no file format.

``annviz.setupfile`` reads and writes it as a ``.annviz`` file; ``annviz.gui.setup`` gathers it
from the pages and applies it to them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.lessons.model import Lesson
from annviz.nn.config import TrainConfig
from annviz.nn.modelfile import ModelInfo
from annviz.nn.network import Network


@dataclass(frozen=True)
class NeuronPart:
    """The lab's one neuron: inputs x, weights w, bias b, activation; ``tasty``: the preset's names."""

    xs: tuple[float, ...]
    ws: tuple[float, ...]
    b: float
    activation: str
    tasty: bool = False


@dataclass(frozen=True, eq=False)
class PointsPart:
    """Two-class points on the plane: x (n, 2) float32 and their classes y (n,) 0 or 1."""

    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class PerceptronPart:
    points_name: str               # which points: "and", "or", "xor", "blobs" or "custom"
    rule: str                      # "perceptron" or "sigmoid"
    learning_rate: float
    points: PointsPart


@dataclass(frozen=True)
class PlaygroundPart:
    dataset: str
    noise: float
    test_share: float
    seed: int
    features: tuple[str, ...]
    hidden: tuple[int, ...]
    activation: str
    learning_rate: float
    batch_size: int
    l2: float
    speed: int
    points: PointsPart | None = None   # only for the perceptron's points (setupfile.GIVEN_POINTS)


@dataclass(frozen=True, eq=False)
class ModelPart:
    """A bundled model by name, or a model carried in the file (``network``, ``info``)."""

    bundled: str | None = None
    name: str = ""                     # the embedded model's name where it was saved (its file's stem)
    network: Network | None = None
    info: ModelInfo | None = None


@dataclass(frozen=True, eq=False)
class ConvolutionPart:
    """The Convolution page: its CNN (``source`` "bundled", "trained" on ③ or "file", the network
    carried as a ``ModelPart``; ``name`` the file's), the network's input for the drawing, 28×28
    float32 in [0, 1] (None: a blank pad), "Don't centre" off or on, and the hand filter: its
    kernel (3×3 or 5×5) and the positions it has been slid to."""

    source: str
    model: ModelPart | None = None
    name: str = ""
    drawing: np.ndarray | None = None
    centred: bool = True
    hand_kernel: np.ndarray | None = None
    hand_positions: int = 0


@dataclass(frozen=True)
class ViewsPart:
    """What the views show that a lesson's checks read: the confidence threshold (in %), the
    diagram coloured by contribution, the nudged weight (l from 1, i, j) and h, the learning step's
    stage (from 1) and η, the mistake on screen (from 1) and the confusion matrix's chosen cell."""

    threshold: int | None = None
    contribution: bool | None = None
    nudge: tuple[int, int, int, float] | None = None      # (layer, i, j, h)
    stepper: tuple[int, float] | None = None              # (stage, learning rate)
    mistake: int | None = None
    cell: tuple[int, int] | None = None                   # (true, predicted)


@dataclass(eq=False)
class Setup:
    """Everything a setup file can hold; None: the file says nothing about that part."""

    page: str | None = None
    tab: str | None = None
    model: ModelPart | None = None
    input: np.ndarray | None = None            # (28, 28) uint8, as the network sees it ×255
    input_label: int | None = None
    input_exact: np.ndarray | None = None      # (28, 28) float32 in [0, 1]: the input to the bit (a drawing's)
    selected_neuron: tuple[int, int] | None = None
    training: TrainConfig | None = None
    neuron: NeuronPart | None = None
    perceptron: PerceptronPart | None = None
    playground: PlaygroundPart | None = None
    lesson: tuple[str, int] | None = None      # (lesson name, step number)
    lesson_embedded: Lesson | None = None      # the lesson itself, when it is not a bundled one
    views: ViewsPart | None = None
    teacher_mode: bool | None = None           # open in teacher mode (True), not (False), or as it is
    convolution: ConvolutionPart | None = None # the Convolution page's CNN, drawing and hand filter
