"""The numbers the explorer writes out, computed from the network and one forward pass.

Pure NumPy, no Qt (the explorer's views only draw them), so the tests check them directly:

- ``parameter_formula``: 784·16 + 16·16 + 16·10 weights + 42 biases = 13,002, for any sizes;
- ``weighted_input_terms``: z = Σ wᵢaᵢ + b split into its largest terms and "the rest";
- ``evidence``: how much of the winning output's score flows through each neuron of a layer,
  and ``evidence_rank``: a neuron's place among its layer's by the size of its share;
- ``strongest_edges``: the connections the diagram draws when there are too many to draw all.

Layers are counted as in ``Network.sizes`` (0 = input layer, last = output layer).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annviz.nn.attribution import Contributions


@dataclass(frozen=True)
class ParameterCount:
    products: str      # "784·16 + 16·16 + 16·10"
    n_weights: int     # 12,960
    n_biases: int      # 42

    @property
    def total(self) -> int:
        return self.n_weights + self.n_biases


def parameter_formula(sizes: list[int]) -> ParameterCount:
    """The weights as a sum of layer products and the biases, as the notes write them."""
    products = " + ".join(f"{n_in}·{n_out}" for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    n_weights = sum(n_in * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))
    return ParameterCount(products, n_weights, sum(sizes[1:]))


@dataclass(frozen=True)
class WeightedInput:
    """z = Σ wᵢaᵢ + b for one neuron, with the largest terms first."""

    indices: np.ndarray    # (k,) input indices of the largest |wᵢaᵢ|
    weights: np.ndarray    # (k,) their wᵢ
    inputs: np.ndarray     # (k,) their aᵢ
    n_rest: int            # how many terms are left out
    rest: float            # their sum
    bias: float
    z: float               # the whole sum (equals the forward pass's z)


def weighted_input_terms(w: np.ndarray, a: np.ndarray, b: float, k: int = 5) -> WeightedInput:
    """Split w·a + b into the k largest terms |wᵢaᵢ| (of equal ones, the first inputs) and the
    sum of the others."""
    w = np.asarray(w, dtype=np.float64)
    a = np.asarray(a, dtype=np.float64)
    terms = w * a                                           # (n_in,)
    top = np.argsort(-np.abs(terms), kind="stable")[:k]      # equal terms in the inputs' order
    rest_mask = np.ones(terms.size, bool)
    rest_mask[top] = False
    return WeightedInput(top, w[top], a[top], int(rest_mask.sum()), float(terms[rest_mask].sum()),
                         float(b), float(terms.sum() + b))


def evidence(contributions: Contributions, layer: int) -> np.ndarray | None:
    """Each neuron's signed share of the evidence for output k: aⱼ∂z_k/∂aⱼ / Σ|aᵢ∂z_k/∂aᵢ|.

    For the last hidden layer this is exact: z_k = Σ w_kj a_j + b_k, and the term w_kj a_j is
    neuron j's part. For earlier layers it is the same idea taken through the slopes of the
    layers in between (``attribution.contributions``, which the app state computes once per
    input). None for the output layer itself.
    """
    if not 0 <= layer < len(contributions.neurons) - 1:
        return None
    contribution = contributions.neurons[layer]
    scale = np.abs(contribution).sum()
    return contribution / scale if scale > 0 else np.zeros_like(contribution)


def evidence_rank(shares: np.ndarray, index: int) -> int:
    """Neuron ``index``'s rank in its layer by the size of its share |shareᵢ| (1: the largest;
    neurons with equal shares share the better rank)."""
    shares = np.asarray(shares)
    return int((np.abs(shares) > abs(shares[index])).sum()) + 1


def strongest_edges(contribution: np.ndarray, budget: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, cols) of the ``budget`` largest |contribution| entries, or of all when they fit."""
    if contribution.size <= budget:
        rows, cols = np.indices(contribution.shape)
        return rows.ravel(), cols.ravel()
    flat = np.argpartition(np.abs(contribution).ravel(), -budget)[-budget:]
    where = np.unravel_index(flat, contribution.shape)
    return np.asarray(where[0]), np.asarray(where[1])
