"""Why did the network say that, and how does one step of learning change it? Pure NumPy.

Everything here reuses the core's own forward pass, backpropagation and optimizer, so the numbers
the insight views show are exactly the numbers the network computes.

- ``input_times_gradient``: which pixels pushed class k's score z_k up or down, x ⊙ ∂z_k/∂x;
  ``explain_class``: that, the gradient and z_k from one forward and backward pass (the insight
  page's "Why this answer" shows it).
- ``contributions``: the same idea for every neuron and every edge of the diagram.
- ``learning_step``: one SGD step on one example, keeping every stage (forward, loss, δ, ∂L/∂W,
  new weights, new prediction) for the "one step of learning, slowed down" view.
- ``softmax_steps``: softmax as the three steps a learner can follow (z − max, exp, ÷ sum);
  ``softmax_rest``: one softmax output as a sigmoid of its own z, the others held.

One example at a time (x shaped (n_in,) or (1, n_in)): these views explain a single input.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.nn.losses import Loss
from annviz.nn.network import Forward, Gradients, Network
from annviz.nn.optimizers import make_optimizer


def _one_example(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x)
    if x.ndim == 1:
        x = x[None, :]
    if x.shape[0] != 1:
        raise ValueError(f"expected one example, got a batch of {x.shape[0]}")
    return x


# --- attribution ---------------------------------------------------------------------------

def input_times_gradient(network: Network, x: np.ndarray, k: int) -> np.ndarray:
    """x ⊙ ∂z_k/∂x for the output neuron k's score z_k, (n_in,).

    Positive where a pixel pushed the answer towards class k, negative where it pushed against.
    For a network without hidden layers the pixels sum to z_k(x) − z_k(blank input).
    """
    x = _one_example(x)
    grad = network.score_gradient(x, k)            # (1, n_in), the core's backprop
    return (x * grad)[0]


@dataclass(frozen=True)
class ClassExplanation:
    """Why output k has the score z_k for one input: what "Why this answer" shows.

    ``gradient`` = ∂z_k/∂x and ``attribution`` = x ⊙ ∂z_k/∂x, (n_in,) each. With no hidden layer
    (``exact``) the pixels' pushes plus the output's bias are z_k exactly; with hidden layers the
    ``rest``, z_k − Σ pushes, comes from the biases and the bends of the non-linear layers."""

    k: int
    gradient: np.ndarray
    attribution: np.ndarray
    z: float                      # z_k
    bias: float                   # b_k, output k's own bias
    exact: bool

    @property
    def pushes_up(self) -> float:
        """The sum of the pixels that pushed z_k up."""
        return float(self.attribution[self.attribution > 0].sum())

    @property
    def pushes_down(self) -> float:
        """The sum of the pixels that pushed z_k down (≤ 0)."""
        return float(self.attribution[self.attribution < 0].sum())

    @property
    def total(self) -> float:
        """Σ x ⊙ ∂z_k/∂x: every pixel's push."""
        return float(self.attribution.sum())

    @property
    def rest(self) -> float:
        """z_k − the pixels' pushes."""
        return self.z - self.total


def explain_class(network: Network, x: np.ndarray, k: int) -> ClassExplanation:
    """Output k's score for the single input x, its gradient and attribution: one forward pass
    and one backward pass (``Network.score_gradient``'s, whose numbers these are)."""
    x = _one_example(x)
    fwd = network.forward(x)
    seed = np.zeros_like(fwd.zs[-1])
    seed[:, k] = 1                                  # backprop from z_k itself
    gradient = network.backprop(fwd, seed, input_grad=True).grad_input
    assert gradient is not None                     # backprop computes it when input_grad is True
    return ClassExplanation(k=k, gradient=gradient[0], attribution=(x * gradient)[0],
                            z=float(fwd.zs[-1][0, k]), bias=float(network.biases[-1][k]),
                            exact=network.n_layers == 1)


class Contributions:
    """How much each neuron and each edge contributed to the output score z_k.

    ``neurons[m]`` (one entry per layer of ``sizes``, input layer first): a ⊙ ∂z_k/∂a, the
    activation times the slope of z_k with respect to it. The output layer holds z_k at k, 0
    elsewhere. ``edges[l]`` (one per weight layer, (n_out, n_in)): δ_i · W_ij · a_j, with
    δ = ∂z_k/∂z of layer l. A neuron's contribution is the sum of its outgoing edges'.

    The edges are computed the first time they are asked for: the explorer's inspector asks for
    the neurons' alone with every stroke, and the edges of a 784-input layer are ~100,000
    products (of a stroke's ~0.7 ms here, most).
    """

    def __init__(self, k: int, neurons: list[np.ndarray], deltas: list[np.ndarray],
                 weights: list[np.ndarray], activations: list[np.ndarray]):
        self.k, self.neurons = k, neurons
        self._parts = (deltas, weights, activations)
        self._edges: list[np.ndarray] | None = None

    @property
    def edges(self) -> list[np.ndarray]:
        if self._edges is None:
            deltas, weights, activations = self._parts
            self._edges = [d[:, None] * w * a[None, :] for d, w, a in zip(deltas, weights, activations)]
        return self._edges


def contributions(network: Network, x: np.ndarray, k: int, fwd: Forward | None = None) -> Contributions:
    """Contribution of every neuron and edge to output k's score for the single input x."""
    x = _one_example(x)
    fwd = fwd or network.forward(x)
    seed = np.zeros_like(fwd.zs[-1])
    seed[0, k] = 1                                  # start backprop from z_k itself
    deltas = [d[0] for d in network.backprop(fwd, seed).deltas]   # ∂z_k/∂z per weight layer
    activations = [a[0] for a in fwd.activations[:-1]]
    # a_j · Σ_i δ_i W_ij: the sum of neuron j's outgoing edges, without making the edges
    neurons = [a * (d @ w) for d, w, a in zip(deltas, network.weights, activations)]
    output = np.zeros_like(fwd.zs[-1][0])
    output[k] = fwd.zs[-1][0, k]
    neurons.append(output)
    return Contributions(k, neurons, deltas, list(network.weights), activations)


# --- one step of learning ------------------------------------------------------------------

@dataclass
class LearningStep:
    """Every stage of one SGD step on one example, with the real numbers.

    Per weight layer l: ``deltas[l]`` = ∂L/∂z (n_out,), ``grad_w[l]`` = ∂L/∂W (n_out, n_in),
    ``grad_b[l]`` = ∂L/∂b. ``new_weights``/``new_biases`` = W − η ∂L/∂W, computed by the core's
    SGD optimizer; ``after`` is the forward pass of the same input with them.
    """

    x: np.ndarray                 # (n_in,)
    label: int
    lr: float
    before: Forward
    loss: float
    deltas: list[np.ndarray]
    grad_w: list[np.ndarray]
    grad_b: list[np.ndarray]
    weights: list[np.ndarray]     # before the step (copies)
    biases: list[np.ndarray]
    new_weights: list[np.ndarray]
    new_biases: list[np.ndarray]
    after: Forward
    new_loss: float

    @property
    def probabilities(self) -> np.ndarray:
        return self.before.output[0]

    @property
    def new_probabilities(self) -> np.ndarray:
        return self.after.output[0]

    @property
    def weight_changes(self) -> list[np.ndarray]:
        """W_after − W_before per layer (= −η ∂L/∂W up to rounding)."""
        return [new - old for new, old in zip(self.new_weights, self.weights)]


def learning_step(network: Network, x: np.ndarray, y: int, loss: Loss, lr: float) -> LearningStep:
    """One SGD step of a copy of ``network`` on the single example (x, y); ``network`` is untouched."""
    x = _one_example(x).astype(network.dtype)
    labels = np.array([int(y)])
    before = network.forward(x)
    value, grads = network.gradients(x, labels, loss)
    stepped = network.copy()
    params = stepped.weights + stepped.biases
    grads_for_step = [g.copy() for g in grads.grad_w + grads.grad_b]  # the optimizer overwrites them
    make_optimizer("sgd", lr).step(params, grads_for_step, stepped.n_layers)
    after = stepped.forward(x)
    return LearningStep(
        x=x[0], label=int(y), lr=lr, before=before, loss=value,
        deltas=[d[0] for d in grads.deltas], grad_w=grads.grad_w, grad_b=grads.grad_b,
        weights=[w.copy() for w in network.weights], biases=[b.copy() for b in network.biases],
        new_weights=stepped.weights, new_biases=stepped.biases,
        after=after, new_loss=stepped.loss(x, labels, loss),
    )


def example_gradients(network: Network, x: np.ndarray, y: int, loss: Loss) -> tuple[float, Gradients]:
    """Loss and gradients for the single example (x, label y)."""
    return network.gradients(_one_example(x), np.array([int(y)]), loss)


# --- softmax, step by step -----------------------------------------------------------------

@dataclass
class SoftmaxSteps:
    """softmax(z) = exp(z − max z) / Σ exp(z − max z), each step kept, (n,) each."""

    z: np.ndarray
    shifted: np.ndarray          # z − max z (every exponent ≤ 0: no overflow)
    exps: np.ndarray             # e^(z − max z)
    total: float                 # Σ e^(z − max z)
    probabilities: np.ndarray    # exps / total


def softmax_steps(z: np.ndarray) -> SoftmaxSteps:
    """The steps of the core's softmax for one score vector z, (n,)."""
    z = np.asarray(z)
    shifted = z - z.max()
    exps = np.exp(shifted)
    total = exps.sum()
    return SoftmaxSteps(z, shifted, exps, float(total), exps / total)


def softmax_rest(z: np.ndarray, k: int) -> float:
    """c = log Σ_{j≠k} e^(z_j), so that softmax's output k is σ(z_k − c) = e^(z_k) / (e^(z_k) + e^c):
    the curve of output k as z_k alone changes, the other outputs held (the inspector draws it).

    Computed in float64 without overflow (``logaddexp``: log-sum-exp); −∞ for a single output."""
    others = np.delete(np.asarray(z, dtype=np.float64), k)
    return float(np.logaddexp.reduce(others))
