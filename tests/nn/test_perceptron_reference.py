"""The perceptron lesson's maths against references written here: the convex hull against a
naive one (a point is a corner unless it lies in a triangle of the others), separability of
hand-placed points that only an edge's perpendicular separates, the line z = 0 itself, the
documented start (weights uniform in ±scale from the seed), and reproducible runs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from annviz.nn.perceptron import LearningRun, Perceptron, _convex_hull, linearly_separable, train


def naive_corners(points):
    """The corners of the convex hull: the distinct points not inside (or on) a triangle or a
    segment of the other points."""
    pts = sorted({tuple(p) for p in np.asarray(points, float).tolist()})

    def inside(p, a, b, c):
        def cross(o, u, v):
            return (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0])
        s = [cross(a, b, p), cross(b, c, p), cross(c, a, p)]
        if cross(a, b, c) == 0:     # degenerate: p on one of the segments
            return any(cross(u, v, p) == 0 and min(u[0], v[0]) <= p[0] <= max(u[0], v[0])
                       and min(u[1], v[1]) <= p[1] <= max(u[1], v[1]) for u, v in ((a, b), (b, c), (a, c)))
        return all(v >= 0 for v in s) or all(v <= 0 for v in s)

    return {p for p in pts if not any(inside(p, *t) for t in itertools.combinations([q for q in pts if q != p], 3))
            and not any(inside(p, a, b, b) for a, b in itertools.combinations([q for q in pts if q != p], 2))}


@pytest.mark.parametrize("seed", range(6))
def test_the_convex_hull_is_its_corners_once_each_counter_clockwise(seed):
    rng = np.random.default_rng(seed)
    points = rng.integers(-5, 6, size=(3 + 2 * seed, 2))
    hull = _convex_hull(points)
    corners = {tuple(map(float, p)) for p in hull}
    assert corners == naive_corners(points) and len(hull) == len(corners)
    if len(hull) >= 3:   # counter-clockwise: every turn is to the left
        for o, a, b in zip(hull, np.roll(hull, -1, 0), np.roll(hull, -2, 0)):
            assert (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]) > 0


@pytest.mark.parametrize("points, corners", [
    ([[0, 0], [1, 1], [2, 2]], [[0, 0], [2, 2]]),                 # collinear: the ends
    ([[0, 0], [2, 0], [1, 1], [1, 0]], [[0, 0], [2, 0], [1, 1]]),
    ([[0, 0], [0, 0], [3, 1]], [[0, 0], [3, 1]]),
    ([[1, 1]], [[1, 1]]),
    ([[0, 0], [4, 0], [4, 4], [0, 4], [2, 2], [1, 3]], [[0, 0], [4, 0], [4, 4], [0, 4]]),
])
def test_hulls_of_hand_placed_points(points, corners):
    np.testing.assert_array_equal(_convex_hull(np.array(points, float)), corners)


@pytest.mark.parametrize("x, y, separable", [
    ([[0, 0], [2, 2], [2, 0]], [1, 1, 0], True),       # only the perpendicular of the class-1 edge separates
    ([[0, 0], [4, 2], [2, 0]], [1, 1, 0], True),
    ([[0, 0], [4, 2], [2, 1]], [1, 1, 0], False),      # on the segment between them
    ([[1, 1], [1, 1]], [1, 0], False),                 # one point in both classes
    ([[0, 0], [1, 0]], [1, 0], True),
    ([[0, 0], [2, 0], [1, 0]], [1, 1, 0], False),
    ([[0, 0], [2, 0], [1, 0]], [0, 0, 1], False),
    ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], False),    # XOR
    ([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1], True),     # OR
    ([[3, 3], [5, 5]], [1, 1], True),                  # one class only
])
def test_separability_of_hand_placed_points(x, y, separable):
    assert linearly_separable(np.array(x), np.array(y)) is separable
    if separable and len(set(y)) == 2:       # the rule finds a line where one exists
        result = train(Perceptron(2, seed=1), np.array(x, float), np.array(y), max_epochs=500)
        assert result.converged


def test_points_not_on_a_plane_are_refused():
    with pytest.raises(ValueError) as caught:
        linearly_separable(np.zeros(3), np.zeros(3))
    assert str(caught.value) == "points on the plane are (n, 2), got shape (3,)"
    with pytest.raises(ValueError) as unknown:
        Perceptron(rule="hebb")
    assert str(unknown.value) == "unknown rule 'hebb' (known: perceptron, sigmoid)"


def test_the_start_is_uniform_in_plus_minus_scale_from_the_seed():
    rng = np.random.default_rng(0)
    w, b = rng.uniform(-0.5, 0.5, 5), float(rng.uniform(-0.5, 0.5))
    for p in (Perceptron(5), Perceptron(5, seed=0, scale=0.5)):
        np.testing.assert_array_equal(p.w, w)
        assert p.b == b and p.rule == "perceptron"
    wide = Perceptron(2000, seed=3, scale=2.0)
    assert -2.0 <= wide.w.min() < -1.9 and 1.9 < wide.w.max() <= 2.0
    assert Perceptron(3, "sigmoid").rule == "sigmoid"


def test_a_point_on_the_line_is_class_one():
    p = Perceptron(2)
    p.w[...] = [1.0, -1.0]
    p.b = 0.0
    got = p.predict(np.array([[2, 2], [2, 2.5], [2.5, 2]]))
    assert got.dtype == np.int64 and got.tolist() == [1, 0, 1]


def test_runs_with_the_same_seed_repeat_and_stop_at_max_epochs():
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    xor = np.array([0, 1, 1, 0])
    first = train(Perceptron(2, seed=2), x, xor, max_epochs=3)
    assert (first.converged, first.epochs, len(first.error_history)) == (False, 3, 3)
    assert train(Perceptron(2, seed=2), x, xor, max_epochs=3, seed=0) == first
    assert train(Perceptron(2, seed=2), x, xor, max_epochs=3, seed=0).error_history == first.error_history
    orders = []
    for _ in range(2):
        run = LearningRun(Perceptron(2, seed=2), x, xor, seed=4)
        run.epoch()
        run.epoch()
        orders.append((run.order.tolist(), run.error_history, run.perceptron.w.tolist()))
    assert orders[0] == orders[1]
    done = train(Perceptron(2, seed=2), x, np.array([0, 1, 1, 1]), max_epochs=100)
    assert done.converged and done.epochs == len(done.error_history) and done.error_history[-1] == 0


def test_the_default_learning_rate_is_a_tenth():
    p, q = Perceptron(2, seed=0), Perceptron(2, seed=0)
    before = p.w.copy()
    p.learn(np.array([1.0, 2.0]), 1.0 - p.predict(np.array([[1.0, 2.0]]))[0])   # a mistake: one update
    q.learning_rate = 0.1
    q.learn(np.array([1.0, 2.0]), 1.0 - q.predict(np.array([[1.0, 2.0]]))[0])
    np.testing.assert_array_equal(p.w, q.w)
    assert np.abs(p.w - before).max() == pytest.approx(0.2)       # η × 1 × x₂ = 0.1 × 2


def test_training_stops_after_100_epochs_by_default_and_uses_its_seed():
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    xor = np.array([0, 1, 1, 0])
    assert train(Perceptron(2, seed=2), x, xor).epochs == 100
    rng = np.random.default_rng(1)
    points = rng.normal(size=(8, 2))
    labels = (points[:, 0] + 0.3 * points[:, 1] > 0).astype(int)
    weights = []
    for seed in (0, 5):                      # each seed its own order of the examples
        by_hand = LearningRun(Perceptron(2, seed=2), points, labels, seed=seed)
        by_hand.epoch()
        trained = Perceptron(2, seed=2)
        result = train(trained, points, labels, max_epochs=1, seed=seed)
        assert result.error_history == by_hand.error_history
        np.testing.assert_array_equal(trained.w, by_hand.perceptron.w)
        weights.append(trained.w.tolist())
    assert weights[0] != weights[1]
    runs = [LearningRun(Perceptron(2, seed=2), x, xor, seed=s) for s in (0, 5)]
    assert runs[0].order.tolist() != runs[1].order.tolist()


@pytest.mark.parametrize("x, y, separable", [
    ([[1, 1], [0, 0]], [1, 0], True),                      # along (1, 1) only
    ([[0, 0], [4 * 2**31, 2 * 2**31], [2 * 2**31, 0]], [1, 1, 0], True),   # squares past 2^63: no overflow
    ([[0, 0], [4 * 10**9, 2 * 10**9], [2 * 10**9, 10**9]], [1, 1, 0], False),
])
def test_separability_of_whole_numbers(x, y, separable):
    assert linearly_separable(np.array(x, dtype=np.int64), np.array(y)) is separable
