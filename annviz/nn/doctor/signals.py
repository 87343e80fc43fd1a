"""What the doctor measures while a run trains, kept in bounded memory.

Two kinds of sample, both taken in the training thread:

- a **step sample** (``StepSample``), on the steps the schedule picks: the batch's loss, and per
  weight layer the gradient's norm ‖∇W‖ and the update/weight ratio ‖ΔW‖ / ‖W‖ (Frobenius norms
  of the arrays the trainer and the optimizer already hold: three dot products a layer, no copy);
- a **probe** (``ProbeSample``), now and then: a forward pass over a fixed batch of training
  examples, giving per hidden layer the share of ReLU units that output 0 for every one of them
  (dead) or the share of sigmoid/tanh units whose output sits at a flat end (|a − ½| > 0.49 for
  sigmoid, |a| > 0.98 for tanh) for at least 90 % of them (saturated), and the accuracy on it.
  Per unit, like the dead ReLU: a trained sigmoid network has many outputs at a flat end for
  some inputs and not for others (a unit that answers yes or no), and learns well; a unit at a
  flat end for nearly every input says the same thing to every digit and its slope is ≈ 0.

``Series`` keeps each kind in order; past ``MAX_POINTS`` it drops every other old point, so an
hour-long run keeps the same memory and the recent points (which the rules read) stay dense.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import numpy as np

if TYPE_CHECKING:
    from annviz.nn.network import Network

S = TypeVar("S")

MAX_POINTS = 4096          # samples of each kind kept at most (thinned as they come)
KEEP_RECENT = 256          # the newest samples are never thinned (the rules' windows)

# Saturation, as the issue defines it: the output within 1 % of a flat end, where the slope is
# below 0.0099 (sigmoid; its slope is at most 0.25) or 0.0396 (tanh; at most 1).
SIGMOID_SATURATED = 0.49   # |a − ½| above this
TANH_SATURATED = 0.98      # |a| above this
UNIT_SATURATED = 0.9       # a unit is saturated when at a flat end for this share of the probe


@dataclass(frozen=True)
class StepSample:
    batch: int                       # batches done, this one included (BatchEvent.step)
    loss: float
    grad_norm: tuple[float, ...]     # ‖∇W‖ per weight layer, before the update
    ratio: tuple[float, ...]         # ‖ΔW‖ / ‖W‖ per weight layer, after it
    top_ratio: float                 # the largest of them


@dataclass(frozen=True)
class ProbeSample:
    batch: int
    accuracy: float
    dead: tuple[float | None, ...]       # per hidden layer: share of dead units (ReLU layers), else None
    saturated: tuple[float | None, ...]  # per hidden layer: share of saturated units (sigmoid, tanh)
    finite: bool                         # every output of the probe a finite number


class Series(list[S]):
    """Samples in order, at most ``MAX_POINTS``: when full, every other point older than the
    newest ``KEEP_RECENT`` goes."""

    def add(self, sample: S) -> None:
        self.append(sample)
        if len(self) > MAX_POINTS:
            old = len(self) - KEEP_RECENT
            self[:old] = self[:old:2]


def squared_norms(arrays: Iterable[np.ndarray]) -> list[float]:
    """‖a‖² of each array, as float (inf when it overflows or holds one; NaN when it holds one)."""
    return [float(np.vdot(a, a)) for a in arrays]


def step_sample(batch: int, loss: float, grad_sq: list[float], update_sq: list[float],
                weight_sq: list[float]) -> StepSample:
    ratio = tuple(math.sqrt(u / w) if w > 0 else math.inf if u > 0 else 0.0
                  for u, w in zip(update_sq, weight_sq))
    return StepSample(batch, float(loss), tuple(math.sqrt(g) if g >= 0 else math.nan for g in grad_sq),
                      ratio, max(ratio))


def probe(network: Network, x: np.ndarray, y: np.ndarray, batch: int) -> ProbeSample:
    """The network on the probe batch (x, y): dead and saturated shares per hidden layer, accuracy."""
    fwd = network.forward(x)
    dead: list[float | None] = []
    saturated: list[float | None] = []
    finite = True
    for a, name in zip(fwd.activations[1:-1], network.activation_names[:-1]):
        if name == "relu":
            dead.append(1.0 - float((a > 0).any(axis=0).mean()))
            saturated.append(None)
        elif name in ("sigmoid", "tanh"):
            flat = np.abs(a - 0.5) > SIGMOID_SATURATED if name == "sigmoid" else np.abs(a) > TANH_SATURATED
            saturated.append(float((flat.mean(axis=0) >= UNIT_SATURATED).mean()))
            dead.append(None)
        else:            # leaky ReLU keeps a slope everywhere: it neither dies nor saturates
            dead.append(None)
            saturated.append(None)
    out = fwd.output
    if not np.isfinite(out).all():
        finite = False
    accuracy = float((out.argmax(axis=1) == y).mean())
    return ProbeSample(batch, accuracy, tuple(dead), tuple(saturated), finite)
