"""The loss landscape of a hand-made run against a reference written here: three moments whose
weights move along two chosen directions, a 2-3-3-2 network (tanh, relu, sigmoid) trained with
label smoothing, and the loss at every grid point computed by a plain forward pass; the grid's
extent from the path's, the progress reported, a stop obeyed."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn import TrainConfig
from annviz.nn.landscape import flatten, landscape, plane, unflatten
from annviz.nn.recording import Moment, Recording

SIZES = [2, 3, 3, 2]
ACTIVATIONS = ["tanh", "relu", "sigmoid"]
SMOOTHING = 0.1
D = 2 * 3 + 3 * 3 + 3 * 2 + 3 + 3 + 2


def exact(rng, scale, n=D):
    """Random multiples of 1/64: float16 holds them, and the moves below, exactly (a moment keeps
    its weights as float16)."""
    return np.round(rng.uniform(-scale, scale, n) * 64) / 64


@pytest.fixture(scope="module")
def run():
    rng = np.random.default_rng(3)
    centre, u, v = exact(rng, 0.5), exact(rng, 1.0), exact(rng, 1.0)
    thetas = [centre + 0.25 * u, centre + v / 32, centre]       # a long move, a short one, the end
    rec = Recording(TrainConfig(hidden=(3, 3), label_smoothing=SMOOTHING), SIZES, ACTIVATIONS, ["a", "b"], 5)
    for step, theta in zip((0, 5, 10), thetas):
        w, b = unflatten(theta, SIZES)
        rec.add(Moment(step, step / 5, None if step == 0 else 0.5, 0.1, tuple(w), tuple(b)))
    return rec, thetas, (u, v)


X = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5], [0.0, 2.0]], np.float32)
Y = np.array([0, 1, 1, 0])


def plain_loss(theta):
    """The network of θ on (X, Y) by explicit loops: binary cross-entropy of the sigmoid outputs
    against smoothed one-hot targets, summed over the outputs, averaged over the examples."""
    at, weights = 0, []
    for n_in, n_out in zip(SIZES[:-1], SIZES[1:]):
        weights.append([[theta[at + o * n_in + i] for i in range(n_in)] for o in range(n_out)])
        at += n_in * n_out
    biases = []
    for n_out in SIZES[1:]:
        biases.append(list(theta[at:at + n_out]))
        at += n_out
    f = [math.tanh, lambda z: max(z, 0.0), lambda z: 1 / (1 + math.exp(-z))]
    total = 0.0
    for x, y in zip(X.tolist(), Y.tolist()):
        a = x
        for w, b, g in zip(weights, biases, f):
            a = [g(sum(wi * ai for wi, ai in zip(row, a)) + bo) for row, bo in zip(w, b)]
        for k, ak in enumerate(a):
            t = (1 - SMOOTHING) * (k == y) + SMOOTHING / 2
            total -= t * math.log(ak) + (1 - t) * math.log(1 - ak)
    return total / len(X)


def test_flatten_and_unflatten_are_each_others_inverse(run):
    rec, thetas, _ = run
    w, b = unflatten(thetas[0], SIZES)
    assert [a.shape for a in w] == [(3, 2), (3, 3), (2, 3)] and [a.shape for a in b] == [(3,), (3,), (2,)]
    assert w[1][2, 0] == np.float32(thetas[0][6 + 2 * 3 + 0]) and b[2][1] == np.float32(thetas[0][-1])
    np.testing.assert_array_equal(flatten(w, b), thetas[0])
    assert flatten(w, b).dtype == np.float64 and w[0].dtype == b[0].dtype == np.float32
    assert flatten([w[0].astype(np.float16)], [b[0].astype(np.float16)]).dtype == np.float64


def test_the_plane_goes_through_the_end_and_holds_both_moves(run):
    rec, thetas, (u, v) = run
    p = plane(rec)
    np.testing.assert_array_equal(p.centre, thetas[-1])
    np.testing.assert_allclose(p.basis @ p.basis.T, np.eye(2), atol=1e-12)
    q, _ = np.linalg.qr(np.stack([u, v]).T)                   # the plane of the two moves
    np.testing.assert_allclose(p.basis.T @ p.basis, q @ q.T, atol=1e-10)
    for theta, (a, b) in zip(thetas, p.coords):
        np.testing.assert_allclose(p.point(a, b), theta, atol=1e-12)
    assert np.hypot(*p.coords[0]) == pytest.approx(0.25 * np.linalg.norm(u), rel=1e-12)
    assert abs(p.coords[0][0]) > abs(p.coords[0][1])          # the first direction: the long move
    assert p.steps.tolist() == [0, 5, 10]


def test_the_landscape_is_the_loss_at_each_grid_point_and_each_moment(run):
    rec, thetas, _ = run
    calls = []
    land = landscape(rec, X, Y, grid=5, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)]
    coords = land.plane.coords
    lo, hi = coords.min(axis=0), coords.max(axis=0)
    widest = (hi - lo).max()
    span = np.maximum(hi - lo, 0.2 * widest)                  # a narrow side widened to 1/5 of the other
    assert span[1] == pytest.approx(0.2 * widest) and widest < 1   # (the case this run makes)
    np.testing.assert_allclose(land.alphas, np.linspace(lo[0] - span[0] / 4, hi[0] + span[0] / 4, 5), rtol=1e-12)
    np.testing.assert_allclose(land.betas, np.linspace(lo[1] - span[1] / 4, hi[1] + span[1] / 4, 5), rtol=1e-12)
    for j, b in enumerate(land.betas):
        for i, a in enumerate(land.alphas):
            assert land.grid[j, i] == pytest.approx(plain_loss(land.plane.point(a, b)), rel=1e-5, abs=1e-6)
    for k, theta in enumerate(thetas):
        assert land.path_loss[k] == pytest.approx(plain_loss(theta), rel=1e-5, abs=1e-6)
    assert len(set(np.round(land.grid.ravel(), 6))) > 20        # a landscape, not a constant


def test_a_run_that_never_moved_gets_a_small_square_around_its_point(run):
    rec, thetas, _ = run
    still = Recording(rec.config, SIZES, ACTIVATIONS, ["a", "b"], 5)
    for step in (0, 1):
        still.add(Moment(step, step / 5, None, 0.1, *map(tuple, unflatten(thetas[-1], SIZES))))
    land = landscape(still, X, Y, grid=3)
    half = 0.25 * 0.2 * 1e-3
    np.testing.assert_allclose(land.alphas, [-half, 0, half], atol=1e-15)
    np.testing.assert_allclose(land.betas, [-half, 0, half], atol=1e-15)
    np.testing.assert_allclose(land.plane.basis @ land.plane.basis.T, np.eye(2), atol=1e-12)
    assert land.grid[1, 1] == pytest.approx(plain_loss(thetas[-1]), rel=1e-5)
    np.testing.assert_array_equal(plane(still).basis, land.plane.basis)   # the same plane each time


def test_a_landscape_stops_when_asked_and_a_run_without_moments_has_none(run):
    rec, _, _ = run
    asked = []
    assert landscape(rec, X, Y, grid=4, go_on=lambda: len(asked) < 2 and not asked.append(1)) is None
    assert len(asked) == 2
    empty = Recording(rec.config, SIZES, ACTIVATIONS, ["a", "b"], 5)
    with pytest.raises(ValueError) as caught:
        plane(empty)
    assert str(caught.value) == "a run with no recorded moment has no path"
