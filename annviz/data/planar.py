"""Points on the plane with two classes: the datasets of the neuron lab. NumPy only.

Two families, each returned as a ``PlanarDataset`` (points ``x`` (n, 2), labels ``y`` (n,) of
0 or 1, and the square ``domain`` the points live in, for plotting):

- logic gates for one neuron: AND, OR, XOR on the corners of the unit square — four points, or
  a cloud of jittered copies of each corner — and two linearly separable blobs;
- the TensorFlow Playground datasets on [−6, 6]²: circle, XOR (quadrants), two spirals, two
  gaussian blobs, each with the Playground's notion of noise (0 = clean, 0.5 = very noisy).

Everything is seeded: the same arguments give the same points. ``train_test_split`` shuffles and
cuts a dataset in two; ``feature_map`` turns points into the inputs x₁, x₂, x₁², x₂², x₁x₂,
sin x₁, sin x₂ a network may be given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

PLAYGROUND_DOMAIN = (-6.0, 6.0)
GATE_DOMAIN = (-0.5, 1.5)


@dataclass(frozen=True)
class PlanarDataset:
    """Two-class points on the plane."""

    x: np.ndarray                      # (n, 2) float32, the points (x₁, x₂)
    y: np.ndarray                      # (n,) int64, the class: 1 or 0
    domain: tuple[float, float]        # (lo, hi): the square both coordinates are drawn in

    def __len__(self) -> int:
        return len(self.y)

    def subset(self, index: np.ndarray) -> PlanarDataset:
        return PlanarDataset(self.x[index], self.y[index], self.domain)


def _dataset(x: ArrayLike, y: ArrayLike, domain: tuple[float, float]) -> PlanarDataset:
    return PlanarDataset(np.asarray(x, dtype=np.float32).reshape(-1, 2),
                         np.asarray(y, dtype=np.int64).reshape(-1), domain)


# --- one neuron: logic gates and two blobs --------------------------------------------------

#: The truth table of each gate: the label for the corners (0,0), (0,1), (1,0), (1,1).
GATES = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "xor": (0, 1, 1, 0)}
CORNERS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)


def logic_gate(name: str, copies: int = 1, jitter: float = 0.0, seed: int = 0) -> PlanarDataset:
    """AND, OR or XOR: the four corners of the unit square, or ``copies`` jittered copies of each.

    ``jitter`` is the standard deviation of the Gaussian offset added to each copy.
    """
    key = name.strip().lower()
    if key not in GATES:
        raise ValueError(f"unknown gate {name!r} (known: {', '.join(GATES)})")
    rng = np.random.default_rng(seed)
    x: np.ndarray = np.repeat(CORNERS, copies, axis=0)              # (4·copies, 2)
    y = np.repeat(np.array(GATES[key]), copies)                     # (4·copies,)
    if jitter > 0:
        x = x + rng.normal(0.0, jitter, size=x.shape)
    return _dataset(x, y, GATE_DOMAIN)


def two_blobs(n: int = 40, spread: float = 0.12, seed: int = 0) -> PlanarDataset:
    """Two round clouds in the unit square a straight line can separate; class 1 at top right."""
    rng = np.random.default_rng(seed)
    n1 = n // 2
    centres = np.where(np.arange(n)[:, None] < n1, [0.75, 0.7], [0.25, 0.3])   # (n, 2)
    x = centres + rng.normal(0.0, spread, size=(n, 2))
    y = (np.arange(n) < n1).astype(np.int64)
    return _dataset(x, y, GATE_DOMAIN)


# --- the Playground datasets on [−6, 6]² -----------------------------------------------------

def circle(n: int = 400, noise: float = 0.0, seed: int = 0) -> PlanarDataset:
    """Class 1 inside radius 2.5, class 0 in the ring 3.5…5; noise blurs the labels' border."""
    rng = np.random.default_rng(seed)
    radius = 5.0
    n1 = n // 2
    inner = np.arange(n) < n1
    r = np.where(inner, rng.uniform(0, 0.5 * radius, n), rng.uniform(0.7 * radius, radius, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    x = np.stack([r * np.sin(angle), r * np.cos(angle)], axis=1)      # (n, 2)
    # As in the Playground: the label is read at a noisy copy of the point, which is drawn clean.
    shifted = x + rng.uniform(-radius, radius, size=(n, 2)) * noise
    y = (np.hypot(shifted[:, 0], shifted[:, 1]) < 0.5 * radius).astype(np.int64)
    return _dataset(x, y, PLAYGROUND_DOMAIN)


def xor(n: int = 400, noise: float = 0.0, seed: int = 0) -> PlanarDataset:
    """The four quadrants: class 1 where x₁ and x₂ have the same sign."""
    rng = np.random.default_rng(seed)
    padding = 0.3
    x = rng.uniform(-5, 5, size=(n, 2))
    x += np.where(x > 0, padding, -padding)                          # keep clear of the axes
    shifted = x + rng.uniform(-5, 5, size=(n, 2)) * noise
    y = (shifted[:, 0] * shifted[:, 1] >= 0).astype(np.int64)
    return _dataset(x, y, PLAYGROUND_DOMAIN)


def spirals(n: int = 400, noise: float = 0.0, seed: int = 0) -> PlanarDataset:
    """Two interleaved spirals, one per class, 1.75 turns each."""
    rng = np.random.default_rng(seed)
    half = n // 2
    y = np.concatenate([np.ones(half, dtype=np.int64), np.zeros(n - half, dtype=np.int64)])
    i = np.concatenate([np.arange(half), np.arange(n - half)]) / max(half, 1)
    r = 5.0 * i
    t = 1.75 * i * 2 * np.pi + np.where(y == 1, 0.0, np.pi)         # the second spiral turned by π
    x = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
    x += rng.uniform(-1, 1, size=(n, 2)) * noise
    return _dataset(x, y, PLAYGROUND_DOMAIN)


def gaussian(n: int = 400, noise: float = 0.0, seed: int = 0) -> PlanarDataset:
    """Two gaussian blobs around (2, 2) (class 1) and (−2, −2); noise widens them."""
    rng = np.random.default_rng(seed)
    sigma = np.sqrt(0.5 + 3.5 * min(max(noise, 0.0), 0.5) / 0.5)     # variance 0.5 … 4
    n1 = n // 2
    y = (np.arange(n) < n1).astype(np.int64)
    centres = np.where(y[:, None] == 1, 2.0, -2.0)
    x = centres + rng.normal(0.0, sigma, size=(n, 2))
    return _dataset(x, y, PLAYGROUND_DOMAIN)


PLAYGROUND_DATASETS: dict[str, Callable[..., PlanarDataset]] = {
    "circle": circle, "xor": xor, "gaussian": gaussian, "spirals": spirals,
}


def make_dataset(name: str, n: int = 400, noise: float = 0.0, seed: int = 0) -> PlanarDataset:
    """A Playground dataset by name: "circle", "xor", "gaussian" or "spirals"."""
    if name not in PLAYGROUND_DATASETS:
        raise ValueError(f"unknown dataset {name!r} (known: {', '.join(PLAYGROUND_DATASETS)})")
    return PLAYGROUND_DATASETS[name](n=n, noise=noise, seed=seed)


def train_test_split(data: PlanarDataset, test_fraction: float = 0.5,
                     seed: int = 0) -> tuple[PlanarDataset, PlanarDataset]:
    """Shuffle and cut: (train, test), the test part holding round(n · test_fraction) points."""
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"test_fraction must be in [0, 1), got {test_fraction}")
    order = np.random.default_rng(seed).permutation(len(data))
    n_test = int(round(len(data) * test_fraction))
    return data.subset(order[n_test:]), data.subset(order[:n_test])


# --- features: what the network is given -----------------------------------------------------

FEATURES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 * x1,
    "x2^2": lambda x1, x2: x2 * x2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}
#: How each feature is written on screen.
FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂",
                  "sin(x1)": "sin x₁", "sin(x2)": "sin x₂"}


def feature_map(x: np.ndarray, features: Sequence[str] = ("x1", "x2")) -> np.ndarray:
    """The chosen features of each point, (n, len(features)) float32, in the order given."""
    unknown = [f for f in features if f not in FEATURES]
    if unknown or not features:
        raise ValueError(f"features must be a non-empty choice of {', '.join(FEATURES)}; got {features}")
    x = np.asarray(x, dtype=np.float32)
    x1, x2 = x[:, 0], x[:, 1]
    return np.stack([FEATURES[f](x1, x2) for f in features], axis=1).astype(np.float32)


def grid(domain: tuple[float, float], resolution: int) -> np.ndarray:
    """Centres of a resolution × resolution grid over the domain, row by row from the bottom.

    Shape (resolution², 2): row r holds x₂ = const, so ``values.reshape(resolution, resolution)``
    is an image whose row 0 is the bottom of the plane.
    """
    lo, hi = domain
    step = (hi - lo) / resolution
    ticks = lo + step * (np.arange(resolution) + 0.5)
    x1, x2 = np.meshgrid(ticks, ticks)                               # (res, res) each
    return np.stack([x1.ravel(), x2.ravel()], axis=1).astype(np.float32)
