"""The plane of the loss landscape at its corners, on hand-made paths whose every moment lies in a
plane (each weight a whole number or a power of two: float16, as a recording keeps them, holds
them exactly): the plane found is that plane — each moment's point of the plane is the moment
itself — when the one sideways step is in a long run's middle, when the whole path is tiny, and a
wobble of 1e-21 of the path's size is rounding, not a direction."""

from __future__ import annotations

import numpy as np
import pytest

from annviz.nn.config import TrainConfig
from annviz.nn.landscape import flatten, plane, unflatten
from annviz.nn.recording import Moment, Recording

SIZES = [2, 1, 2]          # θ = (w₀₀, w₀₁, w₁₀, w₁₁, b₀, b₁₀, b₁₁): 7 numbers


def run_through(thetas) -> Recording:
    run = Recording(TrainConfig(hidden=(1,)), SIZES, ["sigmoid", "softmax"], ["a", "b"], 10)
    for step, theta in enumerate(thetas):
        run.add(Moment(step, step / 10, None if step == 0 else 0.5, 0.1, *map(tuple, unflatten(np.array(theta), SIZES))))
    return run


def on_its_plane(run: Recording) -> bool:
    """Whether every moment is its own point of the plane: c + a e₁ + b e₂ = θ."""
    p = plane(run)
    return all(np.allclose(p.point(a, b), flatten(*m.parameters()), rtol=0, atol=1e-9 * max(1.0, abs(a), abs(b)))
               for (a, b), m in zip(p.coords, run.moments))


def e(i: int, size: float = 1.0) -> np.ndarray:
    v = np.zeros(7)
    v[i] = size
    return v


@pytest.mark.parametrize("n, sideways", [(100, 13), (60, 3), (60, 9), (130, 66)])
def test_one_sideways_step_in_a_long_run_is_on_the_plane(n, sideways):
    """n moments along w₀₀ (0, 1, …), one of them also a step along b₀: the path lies in the
    plane of those two directions. More than 64 moments: 64 evenly spread from the first to the
    last (the middle one here among them) find it; fewer: every one."""
    thetas = [e(0, i) + (e(4) if i == sideways else 0) for i in range(n)]
    run = run_through(thetas)
    assert len(run.moments) == n and on_its_plane(run)
    assert abs(plane(run).basis[:, 4]).max() > 0.99            # b₀ is one of the plane's directions


def test_a_tiny_path_that_bends_is_on_its_plane():
    """Steps of 2⁻¹⁰ along w₀₀, one of 2⁻²⁰ along b₁₀: every squared length is far below 1, the
    bend 10⁻⁶ of the path's — a direction, not rounding."""
    run = run_through([e(0, 2.0 ** -10), e(0, 2 * 2.0 ** -10) + e(5, 2.0 ** -20), e(0, 3 * 2.0 ** -10)])
    assert on_its_plane(run)


def test_a_wobble_of_rounding_size_draws_the_plane_of_the_straight_path():
    """A straight path of steps of 1024 along w₀₀, and the same with one moment off by 2⁻²⁴ along
    b₁₀ (6e-8, a 10⁻²¹ part of the path's squared length: rounding): the same plane — the
    straight path's second direction, not the wobble's."""
    straight = plane(run_through([e(0, 1024.0 * i) for i in range(4)]))
    wobbly = plane(run_through([e(0, 1024.0 * i) + (e(5, 2.0 ** -24) if i == 1 else 0) for i in range(4)]))
    np.testing.assert_allclose(abs(wobbly.basis), abs(straight.basis), atol=1e-9)
    assert abs(wobbly.basis[1, 5]) < 0.99
