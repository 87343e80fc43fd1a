"""One neuron that learns: Rosenblatt's perceptron rule and its smooth cousin, gradient descent.

The neuron computes z = w·x + b and the output ŷ = f(z). Both ways of learning change the
parameters after each example by the same formula,

    w ← w + η (y − ŷ) x          b ← b + η (y − ŷ)

- with the unit step f = u (ŷ is 0 or 1) this is the perceptron learning rule: nothing moves
  when the answer is right, and a wrong answer pulls the line towards the example;
- with the sigmoid f = σ (ŷ in (0, 1)) it is exactly one step of gradient descent on the
  cross-entropy loss, whose gradient is (ŷ − y) x: every example moves the line a little.

The perceptron rule stops on data a straight line can separate (the convergence theorem) and
never stops on XOR; gradient descent may need many epochs even on separable data, so a run that
ends with errors proves nothing. ``linearly_separable`` answers the question exactly for points
on the plane. Written for one example per call, so the lab can animate every update;
``train`` runs whole epochs until there are no errors. NumPy only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from annviz.nn.activations import get_activation

RULES = ("perceptron", "sigmoid")


class Perceptron:
    """A single neuron with weights ``w`` (n_inputs,), bias ``b`` and a learning rule.

    ``rule`` is "perceptron" (unit step, the perceptron rule) or "sigmoid" (gradient descent).
    """

    def __init__(self, n_inputs: int = 2, rule: str = "perceptron", learning_rate: float = 0.1,
                 seed: int | None = 0, scale: float = 0.5):
        if rule not in RULES:
            raise ValueError(f"unknown rule {rule!r} (known: {', '.join(RULES)})")
        self.rule = rule
        self.learning_rate = learning_rate
        self.activation = get_activation("step" if rule == "perceptron" else "sigmoid")
        rng = np.random.default_rng(seed)
        self.w = rng.uniform(-scale, scale, n_inputs)                 # (n_inputs,)
        self.b = float(rng.uniform(-scale, scale))

    def z(self, x: np.ndarray) -> np.ndarray:
        """The weighted input w·x + b of each example, (batch,) — or a scalar for one example."""
        return np.asarray(x, dtype=np.float64) @ self.w + self.b

    def output(self, x: np.ndarray) -> np.ndarray:
        """ŷ = f(z): 0 or 1 for the step, a value in (0, 1) for the sigmoid."""
        return self.activation.f(self.z(x))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The class each example falls in, 0 or 1: the side of the line z = 0 it lies on."""
        return (self.z(x) >= 0).astype(np.int64)

    def errors(self, x: np.ndarray, y: np.ndarray) -> int:
        """How many examples the neuron puts on the wrong side of its line."""
        return int(np.count_nonzero(self.predict(x) != np.asarray(y)))

    def learn(self, x: np.ndarray, y: float) -> float:
        """Learn from one example: w ← w + η (y − ŷ) x, b ← b + η (y − ŷ). Returns y − ŷ."""
        x = np.asarray(x, dtype=np.float64)
        error = float(y) - float(self.output(x))
        self.w += self.learning_rate * error * x
        self.b += self.learning_rate * error
        return error

@dataclass
class LearningRun:
    """A perceptron going through a dataset one example at a time, epoch after epoch.

    Each epoch visits the examples in a new random order (seeded). ``step`` learns from the next
    example; ``epoch`` finishes the current epoch. Both report the errors counted on the whole
    dataset after the update, which is what the lab shows.
    """

    perceptron: Perceptron
    x: np.ndarray                       # (n, n_inputs)
    y: np.ndarray                       # (n,) of 0 and 1
    seed: int = 0
    epochs_done: int = 0
    position: int = 0                   # index into ``order`` of the next example
    error_history: list[int] = field(default_factory=list)   # errors after each full epoch

    def __post_init__(self) -> None:
        self.x = np.asarray(self.x, dtype=np.float64)
        self.y = np.asarray(self.y)
        self._rng = np.random.default_rng(self.seed)
        self.order = self._rng.permutation(len(self.y))

    @property
    def next_index(self) -> int:
        """Index (into x and y) of the example ``step`` will learn from."""
        return int(self.order[self.position])

    def errors(self) -> int:
        return self.perceptron.errors(self.x, self.y)

    def step(self) -> int:
        """Learn from the next example; returns the dataset's error count afterwards."""
        i = self.next_index
        self.perceptron.learn(self.x[i], self.y[i])
        self.position += 1
        if self.position == len(self.order):
            self.position = 0
            self.epochs_done += 1
            self.order = self._rng.permutation(len(self.y))
            self.error_history.append(self.errors())
        return self.errors()

    def epoch(self) -> int:
        """Learn from the rest of this epoch's examples; returns the error count afterwards."""
        epochs = self.epochs_done
        while self.epochs_done == epochs:
            self.step()
        return self.errors()


@dataclass(frozen=True)
class TrainResult:
    converged: bool                     # an epoch ended with no errors
    epochs: int                         # epochs run
    error_history: list[int]            # errors after each epoch


def train(perceptron: Perceptron, x: np.ndarray, y: np.ndarray, max_epochs: int = 100,
          seed: int = 0) -> TrainResult:
    """Run epochs until the perceptron makes no errors on (x, y), or ``max_epochs`` have passed."""
    run = LearningRun(perceptron, x, y, seed=seed)
    while run.epochs_done < max_epochs:
        if run.epoch() == 0:
            return TrainResult(True, run.epochs_done, run.error_history)
    return TrainResult(False, run.epochs_done, run.error_history)


def _convex_hull(points: np.ndarray) -> np.ndarray:
    """The corners of the convex hull of points on the plane (Andrew's monotone chain), (k, 2)."""
    pts = np.unique(points, axis=0)                                 # sorted by x₁, then x₂
    if len(pts) <= 2:
        return pts

    def turns_left(o: np.ndarray, a: np.ndarray, b: np.ndarray) -> bool:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]) > 0

    def half(seq: np.ndarray) -> list[np.ndarray]:
        chain: list[np.ndarray] = []
        for p in seq:
            while len(chain) >= 2 and not turns_left(chain[-2], chain[-1], p):
                chain.pop()
            chain.append(p)
        return chain[:-1]

    return np.array(half(pts) + half(pts[::-1]))


def linearly_separable(x: np.ndarray, y: np.ndarray) -> bool:
    """Whether one straight line has every class-1 point strictly on one side, class 0 on the other.

    Exact for points on the plane, (n, 2). If the classes can be separated, the widest gap between
    them has the direction of a line joining two corners of their convex hulls, or is perpendicular
    to a hull's edge — which is also the direction between two corners. So it is enough to try,
    for every pair of corners, that direction and its perpendicular: the classes are separable iff
    along one of them every class-1 point projects beyond every class-0 point.
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    if x.ndim != 2 or x.shape[1] != 2:
        raise ValueError(f"points on the plane are (n, 2), got shape {x.shape}")
    ones, zeros = x[y == 1], x[y != 1]
    if len(ones) == 0 or len(zeros) == 0:
        return True
    corners = np.vstack([_convex_hull(ones), _convex_hull(zeros)])          # (k, 2)
    d = (corners[:, None, :] - corners[None, :, :]).reshape(-1, 2)          # (k², 2), both signs
    d = d[np.any(d != 0, axis=1)]
    if len(d) == 0:                                  # one point, in both classes
        return False
    directions = np.vstack([d, np.stack([-d[:, 1], d[:, 0]], axis=1)])      # (m, 2)
    along_ones, along_zeros = ones @ directions.T, zeros @ directions.T       # (n₁, m), (n₀, m)
    return bool(np.any(along_ones.min(axis=0) > along_zeros.max(axis=0)))
