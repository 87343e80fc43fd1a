"""Reference values computed independently of annviz: by hand, or with the textbook formulas in a
few lines of plain Python (no NumPy, none of annviz's code), written here as numbers.

They pin down what a property test cannot: that the bias is added in the forward pass, that Adam
corrects both moments for their bias, that momentum keeps its velocity — mutations of the code
that every other test of tests/nn let through (mutation run: tests/benchmarks/bench_mutation.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn.network import Network
from annviz.nn.optimizers import make_optimizer

P0 = [1.0, -2.0]
GRADIENTS = ([0.5, -0.25], [0.1, 0.3])


def steps(name: str, **kwargs) -> list[list[float]]:
    """The parameter vector P0 after each of the GRADIENTS (float64), with optimizer ``name``."""
    optimizer = make_optimizer(name, 0.1, **kwargs)
    p = np.array(P0, np.float64)
    seen = []
    for g in GRADIENTS:
        optimizer.step([p], [np.array(g, np.float64)], n_weights=1)
        seen.append(p.tolist())
    return seen


def test_adam_two_steps_match_kingma_and_bas_algorithm():
    # m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), p ← p − η m̂/(√v̂ + ε),
    # η 0.1, β₁ 0.9, β₂ 0.999, ε 1e-8. The first step moves each weight by η·sign(g): with v̂
    # uncorrected it would move by √1000 ≈ 32 times that.
    first, second = steps("adam")
    assert first == pytest.approx([0.900000002, -1.900000004], abs=1e-9)
    assert second == pytest.approx([0.8196959063846518, -1.914294476547747], abs=1e-9)


def test_sgd_and_momentum_and_weight_decay_by_hand():
    np.testing.assert_allclose(steps("sgd"), [[0.95, -1.975], [0.94, -2.005]], atol=1e-12)
    # v ← μv − ηg, p ← p + v (μ 0.9): v = (−0.05, 0.025), then (−0.055, −0.0075)
    np.testing.assert_allclose(steps("momentum", momentum=0.9), [[0.95, -1.975], [0.895, -1.9825]], atol=1e-12)
    # L2: g ← g + λp (λ 0.5), then SGD: (0.5 + 0.5, −0.25 − 1.0) → p = (0.9, −1.875)
    assert steps("sgd", weight_decay=0.5)[0] == pytest.approx([0.9, -1.875], abs=1e-12)


def test_a_forward_pass_with_biases_by_hand():
    """2-2-1, sigmoid: z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ = (1−2+0.5, 0.5+4−1) = (−0.5, 3.5),
    a⁽¹⁾ = σ(z⁽¹⁾), z⁽²⁾ = a₁ − 2a₂ + 0.25 = −1.3138…, a⁽²⁾ = σ(z⁽²⁾) = 0.2118…
    (without the biases it would be 0.1533)."""
    net = Network([2, 2, 1], ["sigmoid", "sigmoid"],
                  [np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([[1.0, -2.0]])],
                  [np.array([0.5, -1.0]), np.array([0.25])], dtype=np.float64)
    forward = net.forward(np.array([[1.0, 2.0]]))
    np.testing.assert_allclose(forward.zs[0][0], [-0.5, 3.5], atol=1e-12)
    np.testing.assert_allclose(forward.activations[1][0], [0.3775406687981454, 0.9706877692486436], atol=1e-12)
    np.testing.assert_allclose(forward.zs[1][0], [-1.313834869699142], atol=1e-12)
    np.testing.assert_allclose(forward.output[0], [0.21184583919823732], atol=1e-12)


def test_predict_proba_adds_the_biases_too():
    net = Network([2, 2, 1], ["sigmoid", "sigmoid"],
                  [np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([[1.0, -2.0]])],
                  [np.array([0.5, -1.0]), np.array([0.25])], dtype=np.float64)
    np.testing.assert_allclose(net.predict_proba(np.array([1.0, 2.0])), [[0.21184583919823732]], atol=1e-12)
