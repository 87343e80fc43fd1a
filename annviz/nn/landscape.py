"""The loss landscape with the path taken: the loss on the plane the recorded weights moved through.

A network's weights and biases, flattened, are one point θ of a space with as many dimensions as
parameters; a run is a path through it, and the time machine recorded points of that path (the
moments). Li et al. (2018, *Visualizing the Loss Landscape of Neural Nets*, §7) draw the path on
the plane through the final point spanned by the first two principal directions of the moves
θ_i − θ_final: the plane that holds as much of the path as any plane can. Here:

- ``plane(run)``: the centre c = the last moment's θ, and an orthonormal basis (e₁, e₂) — the
  first two right singular vectors of the matrix of θ_i − c (at most ``MAX_PCA_MOMENTS`` moments,
  evenly picked, for the memory: 784-128-64-10 has 109,386 parameters); a run whose moves span
  one direction only gets a second one orthogonal to it (a fixed random one), so the plane always
  exists. Each moment's coordinates are (e₁·(θ_i − c), e₂·(θ_i − c)); its projection onto the
  plane, c + a e₁ + b e₂, is θ_i itself when θ_i lies on the plane (a run of three moments, or
  the last).
- ``landscape(run, x, y, …)``: the loss on a fixed batch (the app: the first 1,000 training
  images) at every point of a ``GRID``×``GRID`` grid of the plane around the path (its extent
  plus a margin), and at every path point's projection (``path_loss``). The first layer's weighted
  input is linear in its weights, so X·W₁ᵀ is computed three times in all (for c, e₁, e₂) and
  each grid point adds them: the grid costs 441 passes through the layers after the first.

Pure NumPy, no Qt; ``go_on`` and ``progress`` let the app's background thread stop it and show
how far it is (gui/training/landscape_view.py). Speed: ``tests/benchmarks/bench_landscape.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from annviz.nn.activations import get_activation
from annviz.nn.losses import get_loss
from annviz.nn.recording import Recording

GRID = 21
MAX_PCA_MOMENTS = 64
MARGIN = 0.25          # of the path's extent, on each side


def flatten(weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> np.ndarray:
    """θ: every weight then every bias, layer by layer, as one float64 vector."""
    return np.concatenate([np.ravel(w) for w in weights] + [np.ravel(b) for b in biases]).astype(np.float64)


def unflatten(theta: np.ndarray, sizes: list[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The weights and biases (float32) of the vector ``theta`` for a network of ``sizes``."""
    weights, biases, at = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        weights.append(theta[at:at + n_in * n_out].reshape(n_out, n_in).astype(np.float32))
        at += n_in * n_out
    for n_out in sizes[1:]:
        biases.append(theta[at:at + n_out].astype(np.float32))
        at += n_out
    return weights, biases


@dataclass(frozen=True)
class Plane:
    centre: np.ndarray        # θ of the last moment (D,)
    basis: np.ndarray         # (2, D), orthonormal rows
    coords: np.ndarray        # (n_moments, 2): each moment's (a, b)
    steps: np.ndarray         # the moments' batches

    def point(self, a: float, b: float) -> np.ndarray:
        """θ at (a, b) of the plane: c + a e₁ + b e₂."""
        return self.centre + a * self.basis[0] + b * self.basis[1]


def plane(run: Recording) -> Plane:
    """The plane through the last moment spanned by the moves' first two principal directions."""
    moments = run.moments
    if not moments:
        raise ValueError("a run with no recorded moment has no path")
    centre = flatten(*moments[-1].parameters())
    picked = sorted({round(i) for i in np.linspace(0, len(moments) - 1, min(len(moments), MAX_PCA_MOMENTS))})
    moves = np.stack([flatten(*moments[i].parameters()) - centre for i in picked])
    # right singular vectors through the small Gram matrix: M Mᵀ = U S² Uᵀ, V = Mᵀ U / S
    values, vectors = np.linalg.eigh(moves @ moves.T)
    order = np.argsort(values)[::-1]
    directions: list[np.ndarray] = []
    for k in order[:2]:
        if values[k] > 1e-12 * max(values[order[0]], 1e-300):
            directions.append(moves.T @ vectors[:, k])
    rng = np.random.default_rng(0)
    while len(directions) < 2:                  # a straight path (or none): any orthogonal direction
        directions.append(rng.standard_normal(len(centre)))
    q, _ = np.linalg.qr(np.stack(directions).T)   # orthonormal, in the same order
    basis = q.T[:2].copy()
    coords = np.array([basis @ (flatten(*m.parameters()) - centre) for m in moments])
    return Plane(centre, basis, coords, np.array([m.step for m in moments], dtype=np.int64))


@dataclass(frozen=True)
class Landscape:
    plane: Plane
    alphas: np.ndarray        # (GRID,) the grid's coordinates along e₁
    betas: np.ndarray         # (GRID,) … along e₂
    grid: np.ndarray          # (GRID, GRID): loss at (alphas[i], betas[j]) is grid[j, i]
    path_loss: np.ndarray     # (n_moments,): loss at each moment's projection onto the plane


class PlaneLoss:
    """The loss on the fixed batch (x, y) at points (a, b) of ``plane`` for ``run``'s network,
    with the first layer's three products computed once."""

    def __init__(self, run: Recording, p: Plane, x: np.ndarray, y: np.ndarray):
        self.sizes = list(run.sizes)
        self.activations = [get_activation(name) for name in run.activations]
        self.loss = get_loss(run.config.loss, run.config.label_smoothing)
        self.x, self.y, self.plane = np.asarray(x, np.float32), np.asarray(y), p
        n_in, n_out = self.sizes[0], self.sizes[1]
        first = n_in * n_out
        self._first = [v[:first].reshape(n_out, n_in) for v in (p.centre, p.basis[0], p.basis[1])]
        self._products = [(self.x @ w.T.astype(np.float32)).astype(np.float32) for w in self._first]

    def __call__(self, a: float, b: float) -> float:
        theta = self.plane.point(a, b)
        weights, biases = unflatten(theta, self.sizes)
        zc, z1, z2 = self._products
        z = zc + np.float32(a) * z1 + np.float32(b) * z2 + biases[0]
        out = self.activations[0].f(z)
        for w, bias, f in zip(weights[1:], biases[1:], self.activations[1:]):
            out = f.f(out @ w.T + bias)
        return self.loss.value(out, self.y, self.activations[-1])


def landscape(run: Recording, x: np.ndarray, y: np.ndarray, grid: int = GRID,
              go_on: Callable[[], bool] = lambda: True,
              progress: Callable[[int, int], None] = lambda done, total: None) -> Landscape | None:
    """The loss landscape of ``run`` on (x, y) (None when ``go_on()`` said stop)."""
    p = plane(run)
    loss = PlaneLoss(run, p, x, y)
    lo, hi = p.coords.min(axis=0), p.coords.max(axis=0)
    span = np.maximum(hi - lo, max(float((hi - lo).max()), 1e-3) * 0.2)
    lo, hi = lo - MARGIN * span, hi + MARGIN * span
    alphas, betas = np.linspace(lo[0], hi[0], grid), np.linspace(lo[1], hi[1], grid)
    values = np.zeros((grid, grid))
    total = grid + 1
    with np.errstate(all="ignore"):
        for j, b in enumerate(betas):
            if not go_on():
                return None
            values[j] = [loss(a, b) for a in alphas]
            progress(j + 1, total)
        path = np.array([loss(a, b) for a, b in p.coords])
    progress(total, total)
    return Landscape(p, alphas, betas, values, path)
