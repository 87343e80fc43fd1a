"""What a change to a network changed: its answer for one input, and its first layer's weights.

Two views ask it, and only draw the answers: the explorer's "Touch this neuron" (the original
network against its edited copy, for the drawing on the pad) and "My digits" after a lesson (the
network before the lesson against now, for one of the learner's digits and for the weight
pictures of the first layer).

- ``answer``: the class a network's output activations answer, and how sure (the activation of
  that class, as the app shows it);
- ``answer_change``: the answers of two networks for the same input;
- ``weight_change``: ΔW = now − before for each neuron of a layer, and the neurons whose weights
  moved most (‖ΔW‖, the Euclidean norm of a neuron's row); ``most_changed`` orders them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.nn.network import Network


@dataclass(frozen=True)
class Answer:
    """The class ``k`` answered, its activation ``confidence`` and all of them (n_out,)."""

    k: int
    confidence: float
    probabilities: np.ndarray


def answer(probabilities: np.ndarray) -> Answer:
    """The answer of one example's output activations (n_out,): the largest, the first if tied."""
    p = np.asarray(probabilities)
    k = int(np.argmax(p))
    return Answer(k, float(p[k]), p)


@dataclass(frozen=True)
class AnswerChange:
    """What ``before`` and ``after`` (two networks) answer for one input."""

    before: Answer
    after: Answer

    @property
    def changed(self) -> bool:
        """Whether the class answered changed."""
        return self.before.k != self.after.k


def answer_change(before: Network, after: Network, x: np.ndarray) -> AnswerChange:
    """The answers of the networks ``before`` and ``after`` for the single input x (n_in,),
    each from its own forward pass (neither network is changed)."""
    x = np.asarray(x).reshape(1, -1)
    return AnswerChange(answer(before.predict_proba(x)[0]), answer(after.predict_proba(x)[0]))


def most_changed(before: np.ndarray, now: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` neurons (rows) whose incoming weights moved most, largest first (in
    float64; equal moves in the neurons' order)."""
    size = np.linalg.norm(np.asarray(now, np.float64) - before, axis=1)   # (neurons,)
    return np.argsort(-size, kind="stable")[:n]


@dataclass(frozen=True)
class WeightChange:
    """A layer's weights now against before: ``delta`` = now − before (n, n_in), float32, and the
    neurons to show: ``shown`` (all of them when they fit, else those that moved most) and the
    ``highlighted`` few that moved most, largest first."""

    delta: np.ndarray
    shown: np.ndarray
    highlighted: np.ndarray


def weight_change(before: np.ndarray, now: np.ndarray, shown: int, highlighted: int) -> WeightChange:
    """ΔW of each neuron, the ``shown`` neurons (all, in their order, if there are no more) and
    the ``highlighted`` ones, for weights ``before`` and ``now`` of the same shape (n, n_in)."""
    delta = np.asarray(now, np.float32) - before
    order = most_changed(before, now, len(delta))
    every = np.arange(len(delta)) if len(delta) <= shown else order[:shown]
    return WeightChange(delta, every, order[:highlighted])
