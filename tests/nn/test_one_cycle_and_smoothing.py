"""The one-cycle learning-rate schedule and label smoothing, each against a computation of its own.

- One cycle: values worked out by hand from its definition (Smith & Topin's one cycle, shaped as
  PyTorch's ``OneCycleLR``), the shape of the whole curve, and — where torch is installed —
  ``torch.optim.lr_scheduler.OneCycleLR`` itself, step by step. The trainer uses it over the run.
- Label smoothing: the loss against −Σ t log softmax(z) computed in float64 from explicit target
  vectors, its δ against central differences of that loss, sigmoid outputs too, and — where torch
  is installed — ``F.cross_entropy(label_smoothing=ε)``. ε = 0 is plain cross-entropy.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn.activations import get_activation
from annviz.nn.config import ConfigError, TrainConfig
from annviz.nn.losses import CrossEntropy, get_loss
from annviz.nn.network import Network
from annviz.nn.optimizers import scheduled_lr
from annviz.nn.trainer import Trainer

# --- one cycle ------------------------------------------------------------------------------


def test_one_cycle_by_hand():
    """100 steps, peak 0.01: start 0.01/25 at step 0, the peak at step 24 (a quarter, less one:
    PyTorch's pct_start · total − 1), 0.01/25/1e4 at the last step, halfway values on the cosines."""
    lr = lambda step: scheduled_lr("one-cycle", 0.01, step, 100)  # noqa: E731
    assert lr(0) == pytest.approx(0.0004, rel=1e-12)
    assert lr(12) == pytest.approx((0.0004 + 0.01) / 2, rel=1e-12)        # halfway up
    assert lr(24) == pytest.approx(0.01, rel=1e-12)
    last = 0.0004 / 1e4
    assert lr(99) == pytest.approx(last, rel=1e-9)
    assert lr(61.5) == pytest.approx((0.01 + last) / 2, rel=1e-12)        # halfway down: (24 + 99) / 2
    assert lr(150) == pytest.approx(last, rel=1e-9)                        # past the end: stays there


def test_one_cycle_rises_then_falls_and_the_peak_is_the_learning_rate():
    values = [scheduled_lr("one-cycle", 3e-3, s, 940) for s in range(940)]
    peak = int(np.argmax(values))
    assert peak == 234 and values[peak] == pytest.approx(3e-3)
    assert all(a < b for a, b in zip(values[:peak], values[1:peak + 1]))
    assert all(a > b for a, b in zip(values[peak:-1], values[peak + 1:]))
    assert min(values) == values[-1] > 0


def test_one_cycle_is_pytorchs_one_cycle_lr():
    torch = pytest.importorskip("torch")
    for total, peak in ((100, 0.01), (940, 3e-3), (37, 0.5)):
        param = torch.nn.Parameter(torch.zeros(1))
        optimizer = torch.optim.Adam([param], lr=peak)
        schedule = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, peak, total_steps=total, pct_start=0.25, div_factor=25, final_div_factor=1e4,
            cycle_momentum=False, anneal_strategy="cos")
        for step in range(total):
            assert scheduled_lr("one-cycle", peak, step, total) == pytest.approx(
                optimizer.param_groups[0]["lr"], rel=1e-12, abs=1e-15), (total, step)
            optimizer.step()
            schedule.step()


def test_the_trainer_follows_the_cycle_over_the_whole_run():
    config = TrainConfig(hidden=(8,), activation="relu", optimizer="adam", lr=0.02, schedule="one-cycle",
                         batch_size=10, epochs=3, seed=1)
    rng = np.random.default_rng(0)
    x, y = rng.random((50, 784), dtype=np.float32), rng.integers(0, 10, 50)
    trainer = Trainer(Network(config.layer_sizes(), config.layer_activations(), seed=1), config, (x, y))
    lrs = [event.lr for event in trainer.steps()]
    assert len(lrs) == 15
    assert lrs == [scheduled_lr("one-cycle", 0.02, s, 15) for s in range(15)]
    assert lrs[0] == pytest.approx(0.02 / 25) and max(lrs) < 0.02 and lrs[-1] < 1e-6


# --- label smoothing ------------------------------------------------------------------------


def smoothed_targets(y, k, eps):
    t = np.full((len(y), k), eps / k)
    t[np.arange(len(y)), y] += 1 - eps
    return t


def reference_loss(z, y, eps):
    """−Σ_k t_k log softmax(z)_k, the batch mean, in float64 from the explicit targets."""
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-(smoothed_targets(y, z.shape[1], eps) * log_p).sum() / len(z))


@pytest.mark.parametrize("eps", [0.0, 0.1, 0.3])
def test_smoothed_cross_entropy_matches_the_explicit_targets(eps):
    rng = np.random.default_rng(2)
    z = rng.normal(0, 3, (32, 10))
    y = rng.integers(0, 10, 32)
    softmax = get_activation("softmax")
    a = softmax.f(z)
    loss = get_loss("cross-entropy", eps)
    assert loss.value(a, y, softmax) == pytest.approx(reference_loss(z, y, eps), rel=1e-10)
    # δ against central differences of the reference loss, one logit at a time
    delta = loss.delta(z, a, y, softmax)
    h = 1e-6
    numeric = np.zeros_like(z)
    for i, k in [(0, 0), (0, int(y[0])), (5, 3), (31, int(y[31])), (17, 9)]:
        up, down = z.copy(), z.copy()
        up[i, k] += h
        down[i, k] -= h
        numeric[i, k] = (reference_loss(up, y, eps) - reference_loss(down, y, eps)) / (2 * h)
        assert delta[i, k] == pytest.approx(numeric[i, k], rel=1e-5, abs=1e-9)


def test_smoothing_with_sigmoid_outputs_smooths_each_units_target():
    rng = np.random.default_rng(3)
    z = rng.normal(0, 2, (16, 10))
    y = rng.integers(0, 10, 16)
    sigmoid = get_activation("sigmoid")
    a = sigmoid.f(z)
    t = smoothed_targets(y, 10, 0.2)
    expected = -(t * np.log(a) + (1 - t) * np.log(1 - a)).sum() / 16
    loss = get_loss("cross-entropy", 0.2)
    assert loss.value(a, y, sigmoid) == pytest.approx(expected, rel=1e-10)
    np.testing.assert_allclose(loss.delta(z, a, y, sigmoid), (a - t) / 16, rtol=1e-12)


def test_smoothing_changes_the_loss_and_zero_changes_nothing():
    rng = np.random.default_rng(4)
    z = rng.normal(0, 3, (8, 10)).astype(np.float32)
    y = rng.integers(0, 10, 8)
    softmax = get_activation("softmax")
    a = softmax.f(z)
    plain, off, on = CrossEntropy(), get_loss("cross-entropy", 0.0), get_loss("cross-entropy", 0.1)
    assert off.value(a, y, softmax) == plain.value(a, y, softmax)
    np.testing.assert_array_equal(off.delta(z, a, y, softmax), plain.delta(z, a, y, softmax))
    assert on.value(a, y, softmax) != pytest.approx(plain.value(a, y, softmax), rel=1e-3)
    # the smoothed δ pulls the wrong classes' probabilities to ε/K, not to 0
    d = on.delta(z, a, y, softmax)
    assert d.dtype == np.float32
    np.testing.assert_allclose(d.sum(axis=1), 0, atol=1e-6)


def test_smoothed_cross_entropy_is_pytorchs():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    z = rng.normal(0, 3, (64, 10))
    y = rng.integers(0, 10, 64)
    softmax = get_activation("softmax")
    zt = torch.tensor(z, requires_grad=True)
    theirs = torch.nn.functional.cross_entropy(zt, torch.from_numpy(y), label_smoothing=0.1)
    theirs.backward()
    ours = get_loss("cross-entropy", 0.1)
    assert ours.value(softmax.f(z), y, softmax) == pytest.approx(theirs.item(), rel=1e-10)
    np.testing.assert_allclose(ours.delta(z, softmax.f(z), y, softmax), zt.grad.numpy(), rtol=1e-8, atol=1e-12)


@pytest.mark.parametrize("settings, words", [
    (dict(label_smoothing=-0.1), "label smoothing must be in [0, 1)"),
    (dict(label_smoothing=1.0), "label smoothing must be in [0, 1)"),
    (dict(label_smoothing=math.nan), "label smoothing must be in [0, 1)"),
    (dict(label_smoothing=0.1, loss="mse"), "label smoothing needs the cross-entropy loss"),
    (dict(schedule="one-cycles"), "unknown learning-rate schedule 'one-cycles'"),
])
def test_absurd_settings_are_refused_with_the_setting_named(settings, words):
    with pytest.raises(ConfigError, match=words.replace("[", r"\[").replace(")", r"\)")):
        TrainConfig(**settings).validate()


def test_the_trainer_trains_with_the_smoothed_loss():
    """One batch of every example: its loss is the smoothed loss of the untrained network."""
    config = TrainConfig(hidden=(8,), activation="relu", label_smoothing=0.1, batch_size=50, epochs=1)
    rng = np.random.default_rng(0)
    x, y = rng.random((50, 784), dtype=np.float32), rng.integers(0, 10, 50)
    untrained = Network(config.layer_sizes(), config.layer_activations(), seed=1)
    trainer = Trainer(untrained.copy(), config, (x, y), (x, y))
    first = next(trainer.steps())
    assert first.loss == pytest.approx(untrained.loss(x, y, get_loss("cross-entropy", 0.1)), rel=1e-6)
    assert first.loss != pytest.approx(untrained.loss(x, y, get_loss("cross-entropy")), rel=1e-3)
