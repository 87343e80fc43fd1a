"""The playground's network and data, without Qt: what the worker thread trains and pictures.

A ``Playground`` is built from a ``PlaygroundConfig`` (dataset, noise, split, features,
architecture, seed): it makes the points (or takes the ones it is given: the perceptron's), splits them, maps them to features and creates a
``Network`` with one sigmoid output (the probability of class 1) trained with cross-entropy and
plain SGD (L2 as weight decay). ``train_epoch`` runs one pass over the training points in
mini-batches; ``snapshot`` evaluates the network on a grid over the plane and returns read-only
copies — the heat map, every hidden neuron's picture, the weights, the loss curves — safe to
hand to the GUI thread.

The page builds a Playground, shows its points (which never change), and hands it to the
worker; from then on only the worker touches its network.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from annviz.data.planar import PlanarDataset, feature_map, grid, make_dataset, train_test_split
from annviz.nn.losses import get_loss
from annviz.nn.network import Network
from annviz.nn.optimizers import make_optimizer

_generation = itertools.count(1)


@dataclass(frozen=True)
class PlaygroundConfig:
    """Everything that defines a fresh playground (changing any of it resets training)."""

    dataset: str = "circle"                  # circle, xor, gaussian, spirals, or "points" (below)
    noise: float = 0.0                       # 0 … 0.5, as in the Playground
    test_fraction: float = 0.5               # share of the points kept for testing
    n_points: int = 500
    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (4, 2)         # neurons per hidden layer (0–6 layers of 1–8)
    activation: str = "tanh"                 # of the hidden layers; the output is a sigmoid
    seed: int = 0                            # for the points, the split and the initial weights
    # Points given as they are (the perceptron's), instead of a made dataset: then noise and
    # n_points do not apply, and test_fraction 0 keeps every point for training.
    points: PlanarDataset | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Hyper:
    """What may change while training runs."""

    learning_rate: float = 0.03
    batch_size: int = 10
    l2: float = 0.0                          # weight decay λ: adds λ·W to each weight gradient


@dataclass(frozen=True)
class Snapshot:
    """What the views show, computed in the worker; every array is a read-only copy."""

    generation: int                          # which Playground it came from
    epoch: int
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float
    output: np.ndarray                       # (res, res) P(class 1) over the plane, row 0 at the bottom
    hidden: tuple[np.ndarray, ...]           # per hidden layer (n, res, res) activations
    weights: tuple[np.ndarray, ...]          # per layer (n_out, n_in)
    biases: tuple[np.ndarray, ...]
    loss_epochs: np.ndarray                  # (k,) epochs at which the losses were measured
    train_losses: np.ndarray                 # (k,)
    test_losses: np.ndarray                  # (k,)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.float32, copy=True)
    a.flags.writeable = False
    return a


@dataclass
class _Curves:
    epochs: list[int] = field(default_factory=list)
    train: list[float] = field(default_factory=list)
    test: list[float] = field(default_factory=list)


class Playground:
    """A small network learning two classes of points on the plane."""

    def __init__(self, config: PlaygroundConfig, hyper: Hyper = Hyper(), resolution: int = 64):
        self.config = config
        self.hyper = hyper
        self.resolution = resolution
        self.generation = next(_generation)
        data = (config.points if config.points is not None else
                make_dataset(config.dataset, config.n_points, config.noise, config.seed))
        self.train, self.test = train_test_split(data, config.test_fraction, config.seed)
        self.domain = data.domain
        self.x_train = feature_map(self.train.x, config.features)    # (n_train, n_features)
        self.y_train = self.train.y[:, None].astype(np.float32)      # (n_train, 1)
        self.x_test = feature_map(self.test.x, config.features)
        self.y_test = self.test.y[:, None].astype(np.float32)
        self.x_grid = feature_map(grid(self.domain, resolution), config.features)  # (res², n_f)
        sizes = [len(config.features), *config.hidden, 1]
        activations = [config.activation] * len(config.hidden) + ["sigmoid"]
        self.network = Network(sizes, activations, seed=config.seed)
        self.loss = get_loss("cross-entropy")
        self.optimizer = make_optimizer("sgd", hyper.learning_rate, weight_decay=hyper.l2)
        self._rng = np.random.default_rng(config.seed)
        self.epoch = 0
        self._curves = _Curves()
        self._record_losses()

    # --- training ----------------------------------------------------------------------------

    def set_hyper(self, hyper: Hyper) -> None:
        """New learning rate, batch size or L2; training continues from the current weights."""
        self.hyper = hyper
        self.optimizer.lr = hyper.learning_rate
        self.optimizer.weight_decay = hyper.l2

    def train_epoch(self) -> None:
        """One pass over the training points in shuffled mini-batches; records the losses."""
        net, n = self.network, len(self.y_train)
        order = self._rng.permutation(n)
        batch = max(1, self.hyper.batch_size)
        params = net.weights + net.biases
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            _, grads = net.gradients(self.x_train[idx], self.y_train[idx], self.loss)
            self.optimizer.step(params, grads.grad_w + grads.grad_b, net.n_layers)
        self.epoch += 1
        self._record_losses()

    def _loss_and_accuracy(self, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        if len(y) == 0:
            return float("nan"), float("nan")
        # float64: in float32 the loss's clip to 1 − 10⁻¹² rounds to 1, and log(0) = −∞.
        a = self.network.predict_proba(x).astype(np.float64)           # (n, 1)
        loss = self.loss.value(a, y, self.network.layer_activations[-1])
        return loss, float(np.mean((a >= 0.5) == (y >= 0.5)))

    def _record_losses(self) -> None:
        self._train_eval = self._loss_and_accuracy(self.x_train, self.y_train)
        self._test_eval = self._loss_and_accuracy(self.x_test, self.y_test)
        if not np.isfinite(self._train_eval[0]):
            raise FloatingPointError("the loss is no longer a number: the learning rate is too high")
        self._curves.epochs.append(self.epoch)
        self._curves.train.append(self._train_eval[0])
        self._curves.test.append(self._test_eval[0])

    @property
    def test_accuracy(self) -> float:
        return self._test_eval[1]

    # --- what the views show -----------------------------------------------------------------

    def feature_images(self) -> np.ndarray:
        """Each input feature over the plane, (n_features, res, res)."""
        res = self.resolution
        return self.x_grid.T.reshape(-1, res, res).copy()

    def snapshot(self) -> Snapshot:
        """The current state as read-only copies (see ``Snapshot``)."""
        res = self.resolution
        fwd = self.network.forward(self.x_grid)
        hidden = tuple(_frozen(a.T.reshape(-1, res, res)) for a in fwd.activations[1:-1])
        weights, biases = self.network.snapshot()
        c = self._curves
        return Snapshot(
            generation=self.generation, epoch=self.epoch,
            train_loss=self._train_eval[0], test_loss=self._test_eval[0],
            train_accuracy=self._train_eval[1], test_accuracy=self._test_eval[1],
            output=_frozen(fwd.output.reshape(res, res)), hidden=hidden,
            weights=weights, biases=biases,
            loss_epochs=_frozen(c.epochs), train_losses=_frozen(c.train), test_losses=_frozen(c.test),
        )

    @property
    def points(self) -> tuple[PlanarDataset, PlanarDataset]:
        """(train, test) points on the plane."""
        return self.train, self.test
