"""A learning rate or an L2 factor at the ends of the numbers a setting may hold (any positive
finite η, any λ ≥ 0: 5e-324, 1e307 pass ``TrainConfig.validate``) still gets a fix the app can
apply — a positive, finite setting — instead of crashing the doctor (before: "math domain error"
for an η below 1e-322, OverflowError for 1e308, a "lowered" η of 0).

Expected values by hand: the candidates are 1, 2, 5 × 10ᵏ⁻¹…10ᵏ⁺¹ as decimals (``float("5e-323")``
is 10 × the smallest float, 4.94e-323); ``nice`` picks the nearest, or the largest not above."""

from __future__ import annotations

import math

import pytest

from annviz.nn import TrainConfig
from annviz.nn.doctor import Diagnosis, Doctor, rules
from annviz.nn.doctor.diagnosis import nice
from annviz.nn.doctor.signals import Series, StepSample
from annviz.nn.history import EpochRecord

TINY = math.ulp(0.0)           # 5e-324, the smallest positive float


@pytest.mark.parametrize("value, down, expected", [
    (TINY, False, TINY),             # 1e-324 and 2e-324 are 0 as floats, 5e-324 is itself
    (TINY, True, TINY),
    (1.5e-323, False, 2e-323),       # 3 × 5e-324: by ratio nearer 2e-323 (4 ×: 4/3) than 1e-323 (2 ×: 3/2)
    (10 * TINY, False, 5e-323),
    (8e-323, False, 1e-322),
    (1e-323, True, 1e-323),          # a candidate itself is the largest not above it
    (1e-322, True, 1e-322),
    (2e-322, True, 2e-322),
    (1e308, False, 1e308),           # 10ᵏ⁺¹ = 1e309 is no float
    (1e308, True, 1e308),
    (1.7e308, False, 1e308),         # 2e308 is no float: 1e308 the nearest that is
    (1.7e308, True, 1e308),
    (1.7976931348623157e308, True, 1e308),   # the largest float: × (1 + 1e-9) is inf, 2e308 is no float
    (0.5, True, 0.5), (0.3, False, 0.2), (0.35, False, 0.5), (0.07, True, 0.05),
])
def test_eta_is_rounded_to_a_positive_finite_number_from_any_positive_finite_one(value, down, expected):
    # wrong answers: ValueError (log of a candidate 0), OverflowError (10.0 ** 309), 0.0, inf,
    # 5e-324 for 1e-323 (the largest strictly below)
    assert nice(value, down=down) == expected


class Chart:
    """What the rules read, set by hand."""

    onset = staticmethod(Doctor.onset)
    index_after = Doctor.index_after

    def __init__(self, steps=(), lr=0.5, start_loss=None, **config):
        self.config = TrainConfig(lr=lr, **config)
        self.steps, self.probes = Series(steps), Series()
        self.named, self.n_classes, self.first_ratio = {}, 10, None
        self.lr, self.first_loss, self.start_loss = lr, 1.0, start_loss

    def diagnosis(self, code, batch, evidence, fixes, named_at=None):
        return Diagnosis(code, int(batch), 999 if named_at is None else int(named_at), evidence, tuple(fixes))


def applies(chart, fix):
    """The fix as the app applies it: the run's settings with the fix's, validated."""
    return chart.config.replace(**fix.settings).validate()


def test_a_run_at_the_smallest_eta_is_told_to_raise_it():
    """η = 5e-324: the steps are 0 (ratio 0 < 1e-3), the loss stays: too low. Raised 10× (the
    ratio is no number to scale by): 5e-323."""
    chart = Chart([StepSample(b, 1.0, (1.0, 1.0), (0.0, 0.0), 0.0) for b in range(100, 108)],
                  lr=TINY, start_loss=1.0, optimizer="sgd")
    d = rules.lr_too_low(chart)
    assert d.code == "lr_too_low" and [f.settings for f in d.fixes] == [{"lr": 5e-323}]
    assert applies(chart, d.fixes[0]).lr == 5e-323


@pytest.mark.parametrize("lr", [TINY, 3 * TINY, 1e-323, 1.7e308])
def test_a_run_that_diverged_at_an_absurd_eta_is_told_a_lower_positive_one(lr):
    """η × 0.1 of 5e-324 is 0: the lowered η is the smallest float, never 0 (which no run can
    take); at 1.7e308, 1e307 (η × 0.1 rounded down)."""
    chart = Chart(lr=lr, optimizer="sgd")
    (fix, adam) = rules.diverged(chart, 3, "outputs").fixes
    new = applies(chart, fix).lr
    assert 0 < new <= lr and math.isfinite(new)
    assert new == {TINY: TINY, 3 * TINY: TINY, 1e-323: TINY, 1.7e308: 1e307}[lr]


def test_an_overfitting_run_at_a_huge_l2_is_told_a_finite_one():
    """λ = 1e307: ten times it, rounded to 1, 2, 5 × 10ᵏ, is 1e308 (not 1e309: no float)."""
    chart = Chart(lr=0.1, weight_decay=1e307, n_train=None)
    epochs = [EpochRecord(1, 0.5, 0.80, val_accuracy=0.75), EpochRecord(2, 0.4, 0.97, val_accuracy=0.75)]
    d = rules.overfitting(chart, epochs, 10)
    assert d.code == "overfitting" and d.fixes[0].settings == {"weight_decay": 1e308}
    assert applies(chart, d.fixes[0]).weight_decay == 1e308
