"""The loss landscape with the path taken: the plane, the path's coordinates and the losses,
checked against networks built here from the plane's own points (independent forward passes)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.landscape import GRID, Plane, PlaneLoss, flatten, landscape, plane, unflatten
from annviz.nn.losses import get_loss
from annviz.nn.recording import Recorder, Recording


@pytest.fixture(autouse=True)
def one_blas_thread():
    with threadpool_limits(1, user_api="blas"):
        yield


@pytest.fixture(scope="module")
def digits():
    ds = load_dataset("mnist")
    return to_inputs(ds.train_images[:400]), np.asarray(ds.train_labels[:400], np.int64)


def record(digits, keep=None, **config) -> Recording:
    cfg = TrainConfig(**{"hidden": (8,), "activation": "relu", "optimizer": "sgd", "lr": 0.2,
                         "batch_size": 20, "epochs": 1, **config})
    trainer = Trainer(Network(cfg.layer_sizes(), cfg.layer_activations(), seed=1), cfg, digits)
    recorder, run = Recorder(trainer), Recording.of(trainer, [str(k) for k in range(10)])
    run.add(recorder.start())
    for event in trainer.steps():
        moment = recorder.observe(event)
        if moment is not None:
            run.add(moment)
    if keep is not None:
        run.moments = [run.moments[i] for i in keep]
    return run


def true_loss(run, theta, x, y) -> float:
    """The loss of the network whose parameters are ``theta``, built and run from scratch."""
    net = Network(run.sizes, run.activations, *unflatten(theta, run.sizes))
    return net.loss(x, y, get_loss(run.config.loss, run.config.label_smoothing))


def test_the_plane_has_an_orthonormal_basis_through_the_last_moment(digits):
    run = record(digits)
    p = plane(run)
    assert len(run.moments) >= 10
    assert np.allclose(p.basis @ p.basis.T, np.eye(2), atol=1e-10)
    assert np.array_equal(p.centre, flatten(*run.moments[-1].parameters()))
    assert np.allclose(p.coords[-1], 0) and p.coords.shape == (len(run.moments), 2)
    # the first direction is the one the path moved along most: the start is far along it
    start = flatten(*run.moments[0].parameters()) - p.centre
    assert abs(p.coords[0, 0]) > 0.5 * np.linalg.norm(start)


def test_the_loss_at_each_path_point_is_that_of_the_moments_weights_projected(digits):
    x, y = digits
    run = record(digits)
    result = landscape(run, x[:200], y[:200])
    p = result.plane
    assert result.grid.shape == (GRID, GRID) and len(result.path_loss) == len(run.moments)
    for i, moment in enumerate(run.moments):
        theta = flatten(*moment.parameters())
        projected = p.centre + p.basis.T @ (p.basis @ (theta - p.centre))    # independent projection
        assert result.path_loss[i] == pytest.approx(true_loss(run, projected, x[:200], y[:200]), rel=1e-4)
    # the last moment is the centre, on the plane: its own loss
    assert result.path_loss[-1] == pytest.approx(true_loss(run, p.centre, x[:200], y[:200]), rel=1e-4)
    # grid nodes: the loss at (alphas[i], betas[j]) of the plane
    for i, j in [(0, 0), (GRID - 1, 0), (GRID // 2, GRID // 2), (3, GRID - 1)]:
        theta = p.centre + result.alphas[i] * p.basis[0] + result.betas[j] * p.basis[1]
        assert result.grid[j, i] == pytest.approx(true_loss(run, theta, x[:200], y[:200]), rel=1e-4)
    # the grid covers the path
    assert result.alphas[0] < p.coords[:, 0].min() and result.alphas[-1] > p.coords[:, 0].max()
    assert result.betas[0] < p.coords[:, 1].min() and result.betas[-1] > p.coords[:, 1].max()


def test_a_path_of_three_moments_lies_on_its_plane_so_each_point_has_its_own_loss(digits):
    x, y = digits
    run = record(digits, keep=[0, 5, -1])
    result = landscape(run, x[:200], y[:200], grid=5)
    for i, moment in enumerate(run.moments):
        own = true_loss(run, flatten(*moment.parameters()), x[:200], y[:200])
        assert result.path_loss[i] == pytest.approx(own, rel=1e-4)


def test_a_wrong_plane_or_centre_gives_other_losses(digits):
    """What the checks above catch: the plane's losses computed around another centre, with
    basis vectors that are not orthonormal, or with the directions swapped."""
    x, y = digits
    run = record(digits, keep=[0, 5, -1])
    p = plane(run)
    own = [true_loss(run, flatten(*m.parameters()), x[:200], y[:200]) for m in run.moments]
    mean = np.mean([flatten(*m.parameters()) for m in run.moments], axis=0)
    wrongs = [dataclasses.replace(p, centre=mean),                         # centred on the mean
              dataclasses.replace(p, basis=p.basis * [[2.0], [1.0]]),      # not normalised
              dataclasses.replace(p, basis=p.basis[::-1].copy())]          # directions swapped
    for wrong in wrongs:
        loss = PlaneLoss(run, wrong, x[:200], y[:200])
        assert not np.allclose([loss(a, b) for a, b in p.coords], own, rtol=1e-3)
    right = PlaneLoss(run, p, x[:200], y[:200])
    assert np.allclose([right(a, b) for a, b in p.coords], own, rtol=1e-4)


def test_a_run_that_never_moved_still_has_a_plane_and_stops_when_asked(digits):
    x, y = digits
    run = record(digits, keep=[-1])
    p = plane(run)
    assert isinstance(p, Plane) and np.allclose(p.basis @ p.basis.T, np.eye(2), atol=1e-10)
    done = []
    assert landscape(record(digits), x[:50], y[:50], grid=5, go_on=lambda: len(done) < 2,
                     progress=lambda d, t: done.append((d, t))) is None
    assert done == [(1, 6), (2, 6)]
    with pytest.raises(ValueError):
        plane(dataclasses.replace(run, moments=[]))


def test_a_run_at_eta_1000_has_a_landscape_with_finite_numbers(digits):
    """Lesson 8 asks for the landscape of the η = 1000 run: the moments keep finite pictures."""
    x, y = digits
    with np.errstate(all="ignore"):
        run = record(digits, hidden=(16, 16), activation="sigmoid", loss="mse", lr=1000.0, batch_size=32)
    result = landscape(run, x[:100], y[:100], grid=5)
    assert np.isfinite(result.grid).all() and np.isfinite(result.path_loss).all()
    assert np.isfinite(result.plane.coords).all()
