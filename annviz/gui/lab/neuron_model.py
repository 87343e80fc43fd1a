"""One artificial neuron as numbers, without Qt: z = w·x + b and a = f(z).

The neuron view keeps a ``Neuron`` and shows what it computes; the same words appear on screen.
With the unit step the neuron fires when w·x ≥ θ, with the threshold θ = −b.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.nn.activations import Activation, Step, get_activation

#: The activations offered in the chooser, by their ``annviz.nn`` names.
NEURON_ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu")

#: The "Is it tasty?" preset: four senses and how much each one counts, and the bias of someone
#: who dislikes mint chocolate.
TASTY_WEIGHTS = (0.3, 1.0, 1.3, 2.1)        # sight, hearing, smell, taste
TASTY_BIAS = -5.0
TASTY_SIGNALS = (1.0, 1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Neuron:
    """Inputs ``xs``, weights ``ws`` (same length), bias ``b`` and an activation name."""

    xs: tuple[float, ...]
    ws: tuple[float, ...]
    b: float
    activation: str = "sigmoid"

    @property
    def weighted_sum(self) -> float:
        """w·x = w₁x₁ + … + wₙxₙ, without the bias."""
        return float(np.dot(self.ws, self.xs))

    @property
    def z(self) -> float:
        """The weighted input z = w·x + b = (w₁, …, wₙ, b)·(x₁, …, xₙ, 1)."""
        return float(np.dot(self.ws + (self.b,), self.xs + (1.0,)))

    @property
    def threshold(self) -> float:
        """θ = −b: the step neuron fires when w·x ≥ θ."""
        return -self.b

    @property
    def a(self) -> float:
        """The output a = f(z)."""
        return float(get_activation(self.activation).f(np.array([self.z]))[0])


class Shifted(Activation):
    """a = f(s + b) as a function of s = w·x: the curve the bias slides sideways.

    Plotting f over s (not z) is what makes the bias visible: changing b moves the whole curve
    by −b. For the step, ``shifted`` returns ``Step(θ)`` with θ = −b, whose threshold is marked.
    """

    def __init__(self, inner: Activation, b: float):
        self.inner, self.b = inner, b
        self.name = inner.name

    def f(self, s):
        return self.inner.f(s + self.b)

    def df(self, s):
        return self.inner.df(s + self.b)


def shifted(activation: str, b: float) -> Activation:
    """The activation as a function of s = w·x for the bias b."""
    if get_activation(activation).name == "step":
        return Step(threshold=-b)
    return Shifted(get_activation(activation), b)
