"""The doctor's rules at each threshold's boundary, on hand-made samples: just below, at and just
above every limit, and the whole diagnosis a learner gets (its batch, its evidence as
``annviz train --json`` writes it, its fixes, its paragraph in both languages).

The samples are written by hand (no training): each case states the numbers the rule reads and
the verdict the rule's docstring promises for them. The expected fixes are worked out by hand
from ``rules.lr_fix``'s documented rule (η × TARGET_RATIO / ratio, rounded to 1, 2, 5 × 10ᵏ)."""

import math

import pytest

from annviz.nn import TrainConfig
from annviz.nn.doctor import Diagnosis, Doctor, Fix, rules
from annviz.nn.doctor.signals import ProbeSample, Series, StepSample
from annviz.nn.doctor.texts import describe_fix, explain, title
from annviz.nn.history import EpochRecord

NOW = 777   # the batch the chart says it is at (a diagnosis's named_at)


class Chart:
    """What the rules read (``rules.Chart``), set by hand; the doctor's own onset and
    index_after."""

    onset = staticmethod(Doctor.onset)
    index_after = Doctor.index_after

    def __init__(self, steps=(), probes=(), lr=0.5, first_loss=None, start_loss=None,
                 first_ratio=None, n_classes=10, named=(), **config):
        self.config = TrainConfig(**config)
        self.steps = Series(steps)
        self.probes = Series(probes)
        self.named = {d.code: d for d in named}
        self.n_classes = n_classes
        self.first_ratio = first_ratio
        self.lr = lr
        self.first_loss = first_loss
        self.start_loss = start_loss

    def diagnosis(self, code, batch, evidence, fixes, named_at=None):
        return Diagnosis(code, int(batch), NOW if named_at is None else int(named_at), evidence,
                         tuple(fixes))


def step(batch, loss=1.0, ratio=(0.01, 0.01), grad=(1.0, 1.0)):
    return StepSample(batch, float(loss), tuple(grad), tuple(ratio), max(ratio))


def probe(batch, accuracy=0.9, dead=(None, None), saturated=(None, None)):
    return ProbeSample(batch, accuracy, tuple(dead), tuple(saturated), True)


def told(d):
    """The paragraph and fixes a learner reads, in both languages: filled, no None."""
    for lang in ("en", "ko"):
        text = explain(d, lang)
        assert title(d.code, lang) and "{" not in text and "None" not in text and "nan" not in text
        for f in d.fixes:
            assert describe_fix(f, lang)
    return d


def fix_dicts(d):
    return [f.to_dict() for f in d.fixes]


ADAM = {"set": {"optimizer": "adam", "lr": 0.001}, "restart": True}


# --- median, lr_fix, the fixes ----------------------------------------------------------------

@pytest.mark.parametrize("values, expected", [
    ([5.0], 5.0), ([3.0, 1.0, 2.0], 2.0), ([9.0, 1.0], 5.0), ([4.0, 1.0, 3.0, 2.0], 2.5),
    ([6.0, 1.0, 5.0, 2.0, 4.0, 3.0], 3.5), ([5.0, 1.0, 4.0, 2.0, 3.0], 3.0),
    (iter([2.0, 8.0, 4.0]), 4.0),
])
def test_median_of_odd_and_even_counts(values, expected):
    # wrong answers: the upper middle (3 for 1..4), a mean (10/3), the lower middle (2 for 1..4)
    assert rules.median(values) == expected


@pytest.mark.parametrize("lr, ratio, expected", [
    (0.01, 1e-4, 2.0),       # 200× → 2
    (0.01, 1e-6, 10.0),      # at most 1000×
    (0.01414, 1e-6, 10.0),   # 1000× = 14.14, just below √200 → 10 (1001× would give 20)
    (0.1414, 0.004, 1.0),    # at least 10×: 1.414, just below √2 → 1 (11× would give 2)
    (0.1414, math.nan, 1.0),  # no ratio: 10×
    (0.1414, 0.0, 1.0),      # a ratio of 0 (no step): 10×, no division by 0
    (0.1414, math.inf, 1.0),
])
def test_a_raised_learning_rate_is_ten_to_a_thousand_times_higher(lr, ratio, expected):
    assert rules.lr_fix(Chart(lr=lr), ratio, lower=False).settings == {"lr": expected}


@pytest.mark.parametrize("lr, ratio, first, expected", [
    (500.0, 10.0, None, 1.0),       # 0.02 / 10 = 0.002×
    (1000.0, 100.0, None, 1.0),     # at most 1000× lower (not 0.0002×)
    (10.0, 0.5, None, 0.2),         # 0.04× → 0.4, down to 0.2
    (10.0, 0.1, None, 1.0),         # at least 10× lower (0.2× would give 2)
    (10.0, math.nan, None, 1.0),    # no ratio: 10× lower
    (10.0, 0.0, None, 1.0),
    (10.0, 0.1, 0.0, 1.0),          # a first step of 0 says nothing (no division by 0)
    (10.0, 0.1, 0.5, 1.0),          # a first ratio ≤ 1 never lowers more than 10×
    (10.0, 0.1, 20.0, 0.05),        # the first step 200× too big: 0.1 / 20 = 0.005×
    (10.0, 0.1, math.inf, 1.0),     # not a number: ignored
    (1e-16, 0.1, 1e308, 1e-17),     # η × 0.1 / 1e308 underflows to 0: 10× lower instead
])
def test_a_lowered_learning_rate(lr, ratio, first, expected):
    assert rules.lr_fix(Chart(lr=lr, first_ratio=first), ratio, lower=True).settings == {"lr": expected}


def test_a_lowered_learning_rate_for_a_chart_without_a_first_ratio():
    class Bare:
        lr = 10.0
    assert rules.lr_fix(Bare(), 0.5, lower=True).settings == {"lr": 0.2}


def test_relu_fix_clears_per_layer_activations_and_caps_the_learning_rate():
    per_layer = Chart(lr=0.5, optimizer="sgd", hidden=(8, 8), hidden_activations=("tanh", "sigmoid"))
    assert rules.relu_fix(per_layer).settings == {"activation": "relu", "init": "he",
                                                  "hidden_activations": (), "lr": 0.05}
    assert rules.relu_fix(Chart(lr=0.001, optimizer="adam")).settings == {"activation": "relu", "init": "he"}


def test_adam_is_suggested_only_to_a_run_without_it():
    assert rules.adam_fix(Chart(optimizer="adam")) is None
    assert rules.adam_fix(Chart(optimizer="momentum")).to_dict() == ADAM


# --- lr_too_high --------------------------------------------------------------------------------

def climbing():
    """Loss 2 at first, exactly 1.5 × 2 = 3 at batch 4 (not a climb: above is), 5 from batch 5."""
    losses = [2.0, 2.0, 2.0, 3.0] + [5.0] * 8
    return [step(b, loss, ratio=(0.04, 0.02) if b > 4 else (0.01, 0.01), grad=(1.0, 2.0))
            for b, loss in zip(range(1, 13), losses)]


def test_a_climbing_loss_names_lr_too_high_from_the_batch_it_passed_one_and_a_half_times_the_first():
    d = told(rules.lr_too_high(Chart(climbing(), lr=0.5, first_loss=2.0, optimizer="sgd")))
    assert (d.code, d.batch, d.named_at) == ("lr_too_high", 5, NOW)
    assert d.evidence == {
        "sign": "loss", "ratio": 0.04, "layer": 1, "loss": 5.0, "first_loss": 2.0, "lr": 0.5,
        "series": {"label": "loss", "batch": list(range(1, 13)),
                   "value": [2.0, 2.0, 2.0, 3.0] + [5.0] * 8, "reference": 3.0}}
    # 0.02 / 0.04 = 0.5× capped at 0.1× → 0.05; then Adam
    assert fix_dicts(d) == [{"set": {"lr": 0.05}, "restart": False}, ADAM]
    assert "climbs" in explain(d, "en") and "올라갑니다" in explain(d, "ko")


def test_big_steps_name_lr_too_high_from_the_first_step_above_the_limit():
    ratios = [0.01, 0.3, 0.5, 0.3] + [0.4] * 8      # exactly 0.3 is not above
    steps = [step(b, 1.0, ratio=(0.05, r, 0.1), grad=(1.0, 1.0, 1.0))
             for b, r in zip(range(1, 13), ratios)]
    d = told(rules.lr_too_high(Chart(steps, lr=2.0, first_loss=1.0, optimizer="adam")))
    assert (d.code, d.batch) == ("lr_too_high", 5)
    assert d.evidence == {
        "sign": "steps", "ratio": 0.4, "layer": 2, "loss": 1.0, "first_loss": 1.0, "lr": 2.0,
        "series": {"label": "update/weight ratio", "batch": list(range(1, 13)),
                   "value": [0.1] + ratios[1:], "reference": 0.3}}   # the largest layer's
    assert fix_dicts(d) == [{"set": {"lr": 0.1}, "restart": False}]   # 0.05× → 0.1; Adam already
    assert "0.4" not in explain(d, "en") and "40.0%" in explain(d, "en")


@pytest.mark.parametrize("loss, ratio, first_loss, n, named", [
    (3.0, 0.3, 2.0, 8, False),       # at both limits: healthy
    (3.0001, 0.3, 2.0, 8, True),     # loss just above 1.5 × the first
    (3.0, 0.3001, 2.0, 8, True),     # ratio just above 0.3
    (2.9, 0.29, 2.0, 8, False),
    (9.0, 0.9, 2.0, 7, False),       # one sample short of a window
    (9.0, 0.9, None, 8, False),      # no first loss yet
    (1.0, 0.9, 2.0, 30, True),
])
def test_lr_too_high_at_its_limits(loss, ratio, first_loss, n, named):
    steps = [step(b, loss, ratio=(ratio,), grad=(1.0,)) for b in range(1, n + 1)]
    d = rules.lr_too_high(Chart(steps, first_loss=first_loss))
    assert (d is not None) == named
    if named:
        assert d.evidence["sign"] == ("loss" if loss > 3.0 else "steps")


def test_a_trainer_that_stopped_for_a_climbing_loss_names_lr_too_high_at_that_batch():
    steps = [step(b, 1.0 + b, ratio=(0.2, 0.5), grad=(1.0, 1.0)) for b in range(1, 11)]
    d = told(rules.trainer_stopped_climbing(Chart(steps, lr=1.0, first_loss=2.0, optimizer="sgd"), 42))
    assert (d.code, d.batch, d.named_at) == ("lr_too_high", 42, NOW)
    assert d.evidence == {
        "sign": "loss", "ratio": 0.5, "layer": 0, "loss": 11.0, "first_loss": 2.0, "lr": 1.0,
        "series": {"label": "loss", "batch": list(range(1, 11)),
                   "value": [1.0 + b for b in range(1, 11)], "reference": None}}
    assert fix_dicts(d) == [{"set": {"lr": 0.02}, "restart": False}, ADAM]   # 0.04× → 0.04 → 0.02


def test_a_trainer_that_stopped_before_any_sample_still_names_lr_too_high():
    d = rules.trainer_stopped_climbing(Chart([], lr=1.0, optimizer="sgd"), 3)
    assert (d.code, d.batch) == ("lr_too_high", 3)
    e = d.evidence
    assert math.isnan(e["ratio"]) and math.isnan(e["loss"]) and math.isnan(e["first_loss"])
    assert (e["sign"], e["layer"], e["series"]["batch"]) == ("loss", 0, [])
    assert fix_dicts(d) == [{"set": {"lr": 0.1}, "restart": False}, ADAM]


def test_diverged_keeps_the_last_loss_and_the_loss_curve():
    steps = [step(1, 2.0), step(2, 7.5), step(3, 123456.0)]
    d = told(rules.diverged(Chart(steps, lr=3.0, optimizer="momentum"), 4, "weights"))
    assert (d.code, d.batch, d.named_at) == ("diverged", 4, NOW)
    assert d.evidence == {"what": "weights", "lr": 3.0, "last_loss": 123500.0,
                          "series": {"label": "loss", "batch": [1, 2, 3],
                                     "value": [2.0, 7.5, 123500.0], "reference": None}}
    assert fix_dicts(d) == [{"set": {"lr": 0.2}, "restart": False}, ADAM]   # 10× lower: 0.3 → 0.2
    empty = rules.diverged(Chart([], lr=3.0, optimizer="adam"), 1, "loss")
    assert empty.evidence["last_loss"] is None and fix_dicts(empty) == [{"set": {"lr": 0.2}, "restart": False}]


# --- lr_too_low --------------------------------------------------------------------------------

def test_tiny_steps_and_a_loss_that_barely_moves_name_lr_too_low_from_the_first_tiny_step():
    ratios = [0.01, 0.01, 0.01, 1e-3] + [5e-4] * 8     # exactly 1e-3 is not below
    steps = [step(b, 1.9, ratio=(r, r / 2), grad=(1.0, 1.0)) for b, r in zip(range(90, 102), ratios)]
    d = told(rules.lr_too_low(Chart(steps, lr=0.01, start_loss=2.0, optimizer="sgd")))
    assert (d.code, d.batch, d.named_at) == ("lr_too_low", 94, NOW)
    assert d.evidence == {
        "ratio": 5e-4, "loss": 1.9, "first_loss": 2.0, "lr": 0.01,
        "series": {"label": "update/weight ratio", "batch": list(range(90, 102)),
                   "value": ratios, "reference": 1e-3}}
    assert fix_dicts(d) == [{"set": {"lr": 0.5}, "restart": False}]    # 40× → 0.4 → 0.5


@pytest.mark.parametrize("ratio, loss, last, n, start, named", [
    (9.9e-4, 1.8, 100, 8, 2.0, True),      # loss exactly 90 % of the start: still
    (1e-3, 1.8, 100, 8, 2.0, False),       # ratio exactly 1e-3: healthy
    (9.9e-4, 1.79, 100, 8, 2.0, False),    # the loss fell more than 10 %
    (0.5, 2.0, 100, 8, 2.0, False),        # the loss did not fall, but the steps are big
    (9.9e-4, 1.8, 99, 8, 2.0, False),      # before batch 100
    (9.9e-4, 1.8, 120, 7, 2.0, False),     # one sample short of a window
    (9.9e-4, 1.8, 120, 8, None, False),    # no start loss yet
])
def test_lr_too_low_at_its_limits(ratio, loss, last, n, start, named):
    steps = [step(b, loss, ratio=(ratio,), grad=(1.0,)) for b in range(last - n + 1, last + 1)]
    assert (rules.lr_too_low(Chart(steps, start_loss=start)) is not None) == named


# --- vanishing gradients -----------------------------------------------------------------------

@pytest.mark.parametrize("first, last, expected", [
    (1.0, 4.0, 0.25), (1e200, 1e200, 1.0), (1.0, 0.0, math.nan), (math.inf, 1.0, math.nan),
])
def test_gradient_ratio_is_the_first_layers_over_the_last(first, last, expected):
    got = rules.gradient_ratio(step(1, grad=(first, 7.0, last)))
    assert got == expected or (math.isnan(got) and math.isnan(expected))


def vanishing(n=12, hidden=(12, 10, 8), ratios=None):
    ratios = ratios or [0.5, 0.5, 0.5, 0.01] + [0.001] * (n - 4)    # exactly 0.01 is not below
    return [step(b, 1.0, grad=(r, 0.1, 0.5, 1.0)) for b, r in zip(range(1, n + 1), ratios)]


def test_vanishing_gradients_name_the_ratio_each_layers_gradient_and_the_fixes():
    d = told(rules.vanishing_gradients(Chart(vanishing(), hidden=(12, 10, 8), activation="sigmoid",
                                             optimizer="adam", lr=0.001)))
    assert (d.code, d.batch, d.named_at) == ("vanishing_gradients", 5, NOW)
    assert d.evidence == {
        "gradient_ratio": 0.001, "gradient_norms": [0.001, 0.1, 0.5, 1.0], "layers": 4,
        "series": {"label": "first layer's gradient ÷ last layer's", "batch": list(range(1, 13)),
                   "value": [0.5, 0.5, 0.5, 0.01] + [0.001] * 8, "reference": 0.01}}
    assert fix_dicts(d) == [{"set": {"activation": "relu", "init": "he"}, "restart": True},
                            {"set": {"hidden": (12, 10)}, "restart": True}]


@pytest.mark.parametrize("hidden, activations, expected", [
    ((16, 16), ("sigmoid", "sigmoid"), [{"activation": "relu", "init": "he", "hidden_activations": ()}]),
    ((16, 16), ("tanh", "relu"), [{"activation": "relu", "init": "he", "hidden_activations": ()}]),
    ((16, 16), ("relu", "tanh"), []),
    ((12, 10, 8), ("relu", "relu", "relu"), [{"hidden": (12, 10)}]),
])
def test_vanishing_gradients_suggest_relu_for_a_sigmoid_or_tanh_start_and_two_layers_for_a_deep_net(
        hidden, activations, expected):
    d = rules.vanishing_gradients(Chart(vanishing(), hidden=hidden, hidden_activations=activations,
                                        optimizer="adam", lr=0.001))
    assert [f.settings for f in d.fixes] == expected


@pytest.mark.parametrize("hidden, n, ratios, named", [
    ((16, 16), 8, [0.0099] * 8, True),
    ((16, 16), 8, [0.01] * 8, False),                             # at the limit: healthy
    ((16,), 8, [0.001] * 8, False),                               # one hidden layer: never
    ((16, 16), 7, [0.001] * 7, False),                            # one sample short
    ((16, 16), 8, [math.nan] * 4 + [0.001] * 4, True),            # half the window measured
    ((16, 16), 8, [math.nan] * 5 + [0.001] * 3, False),           # less than half
])
def test_vanishing_gradients_at_their_limits(hidden, n, ratios, named):
    steps = [step(b, 1.0, grad=(r, 1.0, 1.0)) for b, r in zip(range(1, n + 1), ratios)]
    assert (rules.vanishing_gradients(Chart(steps, hidden=hidden, optimizer="adam", lr=0.001)) is not None) == named


# --- dead and saturated units ------------------------------------------------------------------

def share_probes(attribute):
    shares = [(0.2, 0.1, None), (0.5, 0.6, None), (0.9, 0.5, None), (0.8123456, 0.55, None)]
    return [probe(32 * (i + 1), **{attribute: s}) for i, s in enumerate(shares)]


@pytest.mark.parametrize("code, attribute, fixes", [
    ("dead_relu", "dead", [{"init": "he"}, {"activation": "leaky_relu"}]),
    ("saturated", "saturated", [{"activation": "relu", "init": "he"}]),
])
def test_dead_or_saturated_units_name_the_fullest_layer_from_when_half_of_it_was(code, attribute, fixes):
    steps = [step(b, 1.0, ratio=(0.3 if b == 40 else 0.01,)) for b in range(1, 129)]  # 0.3: not big
    d = told(getattr(rules, code)(Chart(steps, share_probes(attribute), lr=0.001, optimizer="adam")))
    assert (d.code, d.batch, d.named_at) == (code, 64, NOW)
    assert d.evidence == {
        "share": 0.8123, "layer": 1, "shares": [0.8123, 0.55, None],
        "series": {"label": "share of layer 1's units", "batch": [32, 64, 96, 128],
                   "value": [0.2, 0.5, 0.9, 0.8123], "reference": 0.5}}
    assert [f.settings for f in d.fixes] == fixes


def test_units_thrown_there_by_big_steps_get_a_lower_learning_rate_first():
    steps = [step(b, 1.0, ratio=(0.31 if b == 40 else 0.01,)) for b in range(1, 129)]
    d = rules.dead_relu(Chart(steps, share_probes("dead"), lr=1.0, optimizer="adam"))
    # the first window's median ratio 0.01 → 2×, capped at 0.1× → 0.1
    assert [f.settings for f in d.fixes] == [{"lr": 0.1}, {"init": "he"}]
    late = [step(b, 1.0, ratio=(0.9 if b == 65 else 0.01,)) for b in range(1, 129)]   # after the onset
    d = rules.dead_relu(Chart(late, share_probes("dead"), lr=1.0, optimizer="adam"))
    assert [f.settings for f in d.fixes] == [{"init": "he"}, {"activation": "leaky_relu"}]


@pytest.mark.parametrize("before, last, named", [
    ((0.5, 0.1), (0.5, 0.1), True),      # exactly half, twice
    ((0.49, 0.1), (0.9, 0.1), False),    # only the last probe
    ((0.9, 0.1), (0.49, 0.1), False),    # only the one before
    ((None, 0.1), (None, 0.1), False),   # not a ReLU layer
    ((0.1, 0.6), (0.2, 0.7), True),
])
def test_dead_units_at_the_limit(before, last, named):
    d = rules.dead_relu(Chart([step(1)], [probe(32, dead=before), probe(64, dead=last)]))
    assert (d is not None) == named
    assert rules.dead_relu(Chart([step(1)], [probe(64, dead=last)])) is None     # one probe: never


# --- stuck -------------------------------------------------------------------------------------

def test_stuck_names_accuracy_near_chance_from_when_it_began():
    accuracies = [0.5, 0.2, 0.15, 0.12]          # 0.2 = chance + 10 points: near
    probes = [probe(b, a) for b, a in zip((32, 96, 160, 192), accuracies)]
    d = told(rules.stuck(Chart([step(1, ratio=(0.01,))], probes, optimizer="adam", lr=0.001)))
    assert (d.code, d.batch, d.named_at) == ("stuck", 96, NOW)
    assert d.evidence == {"accuracy": 0.12, "chance": 0.1,
                          "series": {"label": "accuracy on the probe", "batch": [32, 96, 160, 192],
                                     "value": accuracies, "reference": 0.2}}
    assert [f.settings for f in d.fixes] == [{"activation": "relu", "init": "he"}]


@pytest.mark.parametrize("accuracies, batches, n_classes, named", [
    ((0.2, 0.2), (150, 182), 10, True),          # at chance + 10 points, from batch 150
    ((0.2001, 0.2), (150, 182), 10, False),
    ((0.2, 0.2001), (150, 182), 10, False),
    ((0.2, 0.2), (149, 181), 10, False),          # judged from batch 150 only
    ((0.9, 0.2, 0.2), (32, 150, 182), 10, True),  # an earlier good probe does not matter
    ((0.6, 0.6), (150, 182), 2, True),            # two classes: chance 50 %
    ((0.9, 0.9), (150, 182), 10, False),
])
def test_stuck_at_its_limits(accuracies, batches, n_classes, named):
    probes = [probe(b, a) for b, a in zip(batches, accuracies)]
    got = rules.stuck(Chart([step(1)], probes, n_classes=n_classes, optimizer="adam", lr=0.001))
    assert (got is not None) == named


@pytest.mark.parametrize("config, ratio, expected", [
    (dict(optimizer="sgd", hidden=(16, 16)), 1e-4, [{"lr": 100.0}, {"activation": "relu", "init": "he", "lr": 0.05}]),
    (dict(optimizer="sgd", hidden=(16,)), 1e-3, [{"optimizer": "adam", "lr": 0.001}]),
    (dict(optimizer="sgd", hidden=(16,)), 0.3, [{"optimizer": "adam", "lr": 0.001}]),
    (dict(optimizer="adam", hidden=(16,)), 0.31, [{"lr": 0.02}]),     # 0.5 × 0.02 / 0.31 = 0.032 → 0.02
    (dict(optimizer="adam", hidden=(16, 16), activation="relu"), 0.01, [{"init": "he"}]),
    (dict(optimizer="adam", hidden=(16, 16), activation="tanh"), 0.01, [{"activation": "relu", "init": "he", "lr": 0.001}]),
])
def test_stuck_fixes_when_no_cause_is_named(config, ratio, expected):
    probes = [probe(160, 0.1), probe(192, 0.1)]
    steps = [step(b, ratio=(ratio,)) for b in range(180, 190)]
    d = rules.stuck(Chart(steps, probes, lr=0.5, **config))
    assert [f.settings for f in d.fixes] == expected


def test_stuck_takes_the_fixes_of_a_cause_already_named():
    cause = Diagnosis("saturated", 10, 20, {}, (Fix({"lr": 0.01}),))
    bare = Diagnosis("lr_too_low", 10, 20, {}, ())
    probes = [probe(160, 0.1), probe(192, 0.1)]
    d = rules.stuck(Chart([step(1)], probes, named=(bare, cause), optimizer="sgd", lr=0.5))
    assert d.fixes == (Fix({"lr": 0.01}),)
    no_steps = rules.stuck(Chart([], probes, optimizer="adam", lr=0.5, hidden=(16,)))
    assert [f.settings for f in no_steps.fixes] == [{"init": "he"}]


# --- overfitting -------------------------------------------------------------------------------

def epoch(n, train, val):
    return EpochRecord(n, 0.5, train, val_accuracy=val)


def test_overfitting_names_the_best_epoch_and_the_gap():
    epochs = [epoch(1, 0.8, 0.75), epoch(2, 0.9, 0.8), epoch(3, 0.95, None), epoch(4, 0.97, 0.79)]
    d = told(rules.overfitting(Chart(n_train=500), epochs, 25))
    assert (d.code, d.batch, d.named_at) == ("overfitting", 50, 100)
    assert d.evidence == {
        "train_accuracy": 0.97, "val_accuracy": 0.79, "gap": 0.18, "best_epoch": 2,
        "best_val_accuracy": 0.8,
        "series": {"label": "training − validation accuracy", "batch": [25, 50, 100],
                   "value": [0.05, 0.1, 0.18], "reference": 0.05}}
    assert fix_dicts(d) == [{"set": {"n_train": None}, "restart": True},
                            {"set": {"epochs": 2}, "restart": False}]


@pytest.mark.parametrize("weight_decay, expected", [(0.0, 1e-3), (0.0014, 0.01), (0.002, 0.02)])
def test_overfitting_with_all_the_data_suggests_ten_times_the_weight_decay(weight_decay, expected):
    epochs = [epoch(1, 0.8, 0.75), epoch(2, 0.97, 0.75)]
    d = rules.overfitting(Chart(weight_decay=weight_decay), epochs, 10)
    assert d.fixes[0].settings == {"weight_decay": expected}


@pytest.mark.parametrize("rows, named", [
    ([(0.09, 0.05), (0.1, 0.05)], True),               # gap exactly 5 points
    ([(0.09, 0.05), (0.0999, 0.05)], False),           # just under
    ([(0.45, 0.41), (0.5, 0.42)], True),               # validation exactly 1 point above its best
    ([(0.45, 0.41), (0.5, 0.4201)], False),            # more: still improving
    ([(0.75, 0.5), (0.7578125, 0.5078125)], False),     # the gap no wider than at the best epoch
    ([(0.75, 0.625), (0.75, 0.5)], False),             # training accuracy no higher
    ([(0.9, 0.8)], False),                             # one epoch
])
def test_overfitting_at_its_limits(rows, named):
    epochs = [epoch(i + 1, t, v) for i, (t, v) in enumerate(rows)]
    assert (rules.overfitting(Chart(), epochs, 10) is not None) == named
