"""The perceptron rule separates what a line can separate (AND, OR), and never XOR."""

import numpy as np
import pytest

from annviz.data.planar import logic_gate, two_blobs
from annviz.nn.perceptron import LearningRun, Perceptron, linearly_separable, train


@pytest.mark.parametrize("gate", ["and", "or"])
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_rule_separates_linearly_separable_gates(gate, seed):
    data = logic_gate(gate)
    p = Perceptron(rule="perceptron", learning_rate=0.1, seed=seed)
    result = train(p, data.x, data.y, max_epochs=200, seed=seed)
    assert result.converged
    assert p.errors(data.x, data.y) == 0
    np.testing.assert_array_equal(p.predict(data.x), data.y)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rule_never_separates_xor(seed):
    data = logic_gate("xor")
    p = Perceptron(rule="perceptron", learning_rate=0.1, seed=seed)
    result = train(p, data.x, data.y, max_epochs=1000, seed=seed)
    assert not result.converged
    assert min(result.error_history) > 0
    assert p.errors(data.x, data.y) > 0


def test_sigmoid_gradient_descent_separates_blobs_and_lowers_the_loss():
    data = two_blobs(60, seed=4)
    p = Perceptron(rule="sigmoid", learning_rate=0.5, seed=0)

    def cross_entropy():
        a = np.clip(p.output(data.x), 1e-12, 1 - 1e-12)
        return -np.mean(data.y * np.log(a) + (1 - data.y) * np.log(1 - a))

    before = cross_entropy()
    train(p, data.x, data.y, max_epochs=200)
    assert cross_entropy() < before
    assert p.errors(data.x, data.y) == 0


def test_one_update_follows_the_formula():
    p = Perceptron(n_inputs=2, rule="perceptron", learning_rate=0.25, seed=0)
    p.w[:] = [1.0, -1.0]
    p.b = 0.5
    x = np.array([0.0, 1.0])          # z = −0.5 → ŷ = 0, but y = 1
    assert p.learn(x, 1) == 1.0
    np.testing.assert_allclose(p.w, [1.0, -0.75])
    assert p.b == pytest.approx(0.75)
    assert p.learn(np.array([1.0, 0.0]), 1) == 0.0   # right answer: nothing moves
    np.testing.assert_allclose(p.w, [1.0, -0.75])


def test_sigmoid_update_is_gradient_descent_on_cross_entropy():
    p = Perceptron(n_inputs=3, rule="sigmoid", learning_rate=0.1, seed=5)
    x, y = np.array([0.3, -1.2, 2.0]), 1.0
    w, b = p.w.copy(), p.b
    a = 1 / (1 + np.exp(-(x @ w + b)))
    p.learn(x, y)
    np.testing.assert_allclose(p.w, w - 0.1 * (a - y) * x)
    assert p.b == pytest.approx(b - 0.1 * (a - y))


def test_learning_run_steps_one_example_at_a_time():
    data = logic_gate("or")
    run = LearningRun(Perceptron(seed=1), data.x, data.y, seed=0)
    first = run.next_index
    run.step()
    assert run.position == 1 and run.epochs_done == 0
    assert 0 <= first < 4
    for _ in range(3):
        run.step()
    assert run.epochs_done == 1 and run.position == 0
    assert len(run.error_history) == 1
    assert sorted(run.order) == [0, 1, 2, 3]


@pytest.mark.parametrize(("gate", "separable"), [("and", True), ("or", True), ("xor", False)])
def test_separability_of_the_gates(gate, separable):
    data = logic_gate(gate)
    assert linearly_separable(data.x, data.y) is separable
    jittered = logic_gate(gate, copies=10, jitter=0.05, seed=3)
    assert linearly_separable(jittered.x, jittered.y) is separable


@pytest.mark.parametrize("seed", range(20))
def test_points_labelled_by_a_line_are_separable_and_the_rule_agrees(seed):
    """Independent witness: the perceptron rule converges only on separable points."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(30, 2))
    w, b = rng.normal(size=2), rng.uniform(-0.3, 0.3)
    z = x @ w + b
    keep = np.abs(z) > 0.05                            # a margin, so the rule converges soon
    x, y = x[keep], (z[keep] > 0).astype(int)
    assert linearly_separable(x, y)
    assert train(Perceptron(rule="perceptron", learning_rate=0.1, seed=seed), x, y, max_epochs=5000).converged


@pytest.mark.parametrize("seed", range(10))
def test_a_class_surrounded_by_the_other_is_not_separable(seed):
    """Independent witness: a point of class 1 inside a triangle of class-0 points can never lie on
    the other side of a line from all three (a line's half-plane is convex)."""
    rng = np.random.default_rng(seed)
    corners = rng.uniform(-1, 1, size=(3, 2))
    weights = rng.dirichlet([1, 1, 1])
    inside = weights @ corners
    others = rng.uniform(-1, 1, size=(10, 2))
    x = np.vstack([corners, inside, others])
    y = np.array([0, 0, 0, 1] + list(rng.integers(0, 2, 10)))
    assert not linearly_separable(x, y)
    assert not linearly_separable(x, 1 - y)


def test_separability_edge_cases():
    assert linearly_separable(np.zeros((0, 2)), np.zeros(0))                  # no points
    assert linearly_separable([[0, 0], [1, 1]], [1, 1])                       # one class
    assert not linearly_separable([[0.5, 0.5], [0.5, 0.5]], [0, 1])           # the same point twice
    assert linearly_separable([[0, 0], [1, 0], [2, 0]], [0, 0, 1])            # on one line
    assert not linearly_separable([[0, 0], [1, 0], [2, 0]], [0, 1, 0])
    with pytest.raises(ValueError):
        linearly_separable(np.zeros((3, 3)), [0, 1, 0])


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError):
        Perceptron(rule="hebb")


def test_perceptron_and_planar_data_never_import_qt():
    import subprocess
    import sys
    code = ("import sys, annviz.nn.perceptron, annviz.data.planar, annviz.gui.lab.playground_model, "
            "annviz.gui.lab.neuron_model; "
            "qt = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "assert not qt, qt")
    subprocess.run([sys.executable, "-c", code], check=True)
