"""The doctor's corners no other test reached: the evidence plot thinned out evenly, η rounded
from a number that is not one, unknown codes refused with the known ones listed, where a run that
holds began, the probe batch of a default doctor, a network whose weights are zero, the check
schedule late in a run, a divergence the doctor saw before the trainer stopped, the flat ends of
sigmoid and tanh exactly at their limits, a replay from batch 1, and the fixes for a run stuck at
chance.

Every expected number is worked out by hand in the test (no training, except the one short run
whose recording a replay starts from)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from test_recording import record_run

from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.doctor import Diagnosis, Doctor, Fix, rules
from annviz.nn.doctor.diagnosis import MAX_SERIES_POINTS, nice, series
from annviz.nn.doctor.doctor import first_step_ratio
from annviz.nn.doctor.replay import replay_plan
from annviz.nn.doctor.signals import ProbeSample, Series, StepSample, probe

# --- the evidence plot, η's rounding, the codes ----------------------------------------------


@pytest.mark.parametrize("n, expected", [
    (64, list(range(64))),                                       # 64 fit: every one
    (65, [int(i * 65 / 64) for i in range(63)] + [64]),          # one too many: evenly picked, the last kept
    (128, [2 * i for i in range(63)] + [127]),                   # every other one, then the last
    (640, [10 * i for i in range(63)] + [639]),
])
def test_a_long_series_is_thinned_to_evenly_spread_points_and_the_last(n, expected):
    # wrong answers: i / step (0, 0, 1, 1, … for 128: the start twice over), the first 64 only
    got = series("loss", [(b, 0.5 * b) for b in range(n)])
    assert len(got["batch"]) == min(n, MAX_SERIES_POINTS) and got["batch"] == expected
    assert got["value"] == [0.5 * b for b in expected]


@pytest.mark.parametrize("value, shown", [
    (0, "0"), (0.0, "0.0"), (-1.0, "-1.0"), (math.inf, "inf"), (-math.inf, "-inf"), (math.nan, "nan"),
])
def test_eta_is_rounded_only_from_a_positive_number_and_the_refusal_says_which(value, shown):
    # wrong answers: log10's "math domain error" or OverflowError instead (0, −1, inf reaching
    # the rounding), no message at all
    for down in (False, True):
        with pytest.raises(ValueError) as error:
            nice(value, down=down)
        assert str(error.value) == f"not a positive number: {shown}"


def test_an_unknown_diagnosis_is_refused_with_every_known_code():
    with pytest.raises(ValueError) as error:
        Diagnosis("too_slow", 1, 2)
    assert str(error.value) == ("unknown diagnosis 'too_slow' (known: diverged, lr_too_high, lr_too_low, "
                                "vanishing_gradients, dead_relu, saturated, overfitting, stuck)")


@pytest.mark.parametrize("values, expected", [
    ([5, 1, 5, 1], 2),          # the newest sample does not hold: back one to the one that does
    ([5, 1, 1, 5, 1, 1], 3),
    ([1, 5, 1, 1, 1], 1),
    ([5, 5, 1, 1, 1], 0),       # a run back to the first sample: from the first
])
def test_onset_walks_back_one_sample_at_a_time(values, expected):
    # wrong answer: stepping back two at a time jumps over the sample that holds (and past the
    # start: the newest sample)
    samples = list(enumerate(values))
    assert Doctor.onset(samples, lambda s: s[1] >= 5) == (expected, values[expected])


@pytest.mark.parametrize("update_sq, weight_sq", [
    ([1e300, 1.0], [1e-300, 1.0]),    # ‖ΔW‖²/‖W‖² overflows, though their product is 1
    ([1e200, 1.0], [1e-200, 4.0]),
])
def test_a_first_ratio_that_overflows_is_no_ratio(update_sq, weight_sq):
    assert math.isnan(first_step_ratio(update_sq, weight_sq))


# --- a doctor on a tiny network ----------------------------------------------------------------


def watched(n=16, optimizer="sgd", lr=0.5):
    """A doctor on a 4-3-2 sigmoid network with ‖W‖² = 1 and 4 (each entry the same) over ``n``
    examples whose first input is their index."""
    cfg = TrainConfig(hidden=(3,), activation="sigmoid", optimizer=optimizer, lr=lr, batch_size=10, epochs=1)
    net = Network([4, 3, 2], ["sigmoid", "softmax"], seed=0)
    net.weights[0][...] = 1 / math.sqrt(12)
    net.weights[1][...] = 2 / math.sqrt(6)
    x = np.zeros((n, 4), np.float32)
    x[:, 0] = np.arange(n)
    trainer = Trainer(net, cfg, (x, np.arange(n) % 2))
    return trainer


def feed(doctor, batch, ratio=0.01, grads=(1.0, 1.0)):
    """One watched step as Trainer.learn makes it: ‖∇W‖ of each layer, then updates with
    ‖ΔW‖/‖W‖ = ratio (first layer) and 0.001 (second)."""
    doctor.gradients(batch - 1, [np.full((3, 4), grads[0] / math.sqrt(12)), np.full((2, 3), grads[1] / math.sqrt(6))])
    doctor.updated(batch - 1, 1.0, [np.full((3, 4), ratio / math.sqrt(12)), np.full((2, 3), 0.002 / math.sqrt(6)),
                                    np.zeros(3), np.zeros(2)])


def test_a_default_doctor_probes_the_same_examples_as_seed_0_each_time():
    """The probe batch is fixed: the same 128 distinct examples for every run of the app (the
    doctor's thresholds were measured on it), chosen by seed 0."""
    trainer = watched(n=300)
    chosen = [Doctor(trainer).probe_x[:, 0].tolist() for _ in range(2)]
    assert chosen[0] == chosen[1] == Doctor(trainer, seed=0).probe_x[:, 0].tolist()
    assert chosen[0] != Doctor(trainer, seed=1).probe_x[:, 0].tolist()
    assert len(set(chosen[0])) == 128 and chosen[0] == sorted(chosen[0])
    assert Doctor(trainer).probe_y.tolist() == [int(i) % 2 for i in chosen[0]]


def test_a_layer_of_zero_weights_sizes_the_first_step_from_the_other_layers():
    """SGD's first step is −η∇W: where a layer's ‖W‖ is 0 its ratio is no number, and the other
    layers' η‖∇W‖/‖W‖ give it (η = 0.5, ‖∇W‖ = 3, ‖W‖ = 1: 1.5) — no division by zero."""
    trainer = watched()
    trainer.network.weights[1][...] = 0
    doctor = Doctor(trainer)
    feed(doctor, 1, grads=(3.0, 1.0))
    assert doctor.first_ratio == pytest.approx(1.5, rel=1e-5)
    assert len(doctor.steps) == 1 and doctor.steps[-1].ratio[1] == math.inf   # ΔW ≠ 0 from W = 0


def test_a_network_of_zero_weights_is_watched_without_a_first_ratio():
    trainer = watched()
    for w in trainer.network.weights:
        w[...] = 0
    doctor = Doctor(trainer)
    for batch in (1, 2, 3):
        feed(doctor, batch)
        assert doctor.first_ratio is not None and math.isnan(doctor.first_ratio)   # measured: no number
    assert [s.batch for s in doctor.steps] == [1, 2, 3]


def test_late_in_a_run_a_verdict_that_turns_on_an_odd_sample_waits_for_the_fourth():
    """After batch 256 the rules are checked every fourth step sample. Big steps from batch 254
    on: the window of 8 holds 5 big ones at the 258th sample (batch 304), is first checked at
    the 260th (batch 336)."""
    doctor = Doctor(watched(lr=2.0))
    for b in range(1, 254):
        feed(doctor, b, ratio=0.01)
    for b in (254, 255, 272, 288, 304, 320, 336):   # samples 254 … 260 (a sample every 16 batches)
        feed(doctor, b, ratio=0.5)
    assert [d.named_at for d in doctor.diagnoses if d.code == "lr_too_high"] == [336]


@pytest.mark.parametrize("reason", ["rose to 3.2 from 0.693", "became NaN or infinite"])
def test_a_divergence_the_doctor_saw_is_not_named_again_when_the_trainer_stops(reason):
    """The weights overflowed at batch 3: "diverged". The trainer then stops the run, whatever
    it says: that is the same fault — not a second diagnosis (a too high η), not a second
    "diverged"."""
    trainer = watched(lr=3.0)
    doctor = Doctor(trainer)
    feed(doctor, 1)
    feed(doctor, 2)
    trainer.network.weights[1][0, 0] = np.inf
    feed(doctor, 3)
    trainer.history.status, trainer.history.stop_reason = "diverged", reason
    named = doctor.finish()
    assert [(d.code, d.batch, d.evidence["what"]) for d in named] == [("diverged", 3, "weights")]


# --- the flat ends at their limits ---------------------------------------------------------------


def exactly_at(name, limit):
    """A 1-1-2 network of ``name`` and an input z whose activation a is at the flat end's limit
    exactly (|a| = 0.98 for tanh, |a − ½| = 0.49 for sigmoid, in the network's float32), and the
    next input above it."""
    net = Network([1, 1, 2], [name, "softmax"], seed=0)
    net.weights[0][...] = 1
    net.biases[0][...] = 0
    z0 = np.float32(math.atanh(0.98) if name == "tanh" else math.log(0.99 / 0.01))
    z = z0 + np.arange(-4000, 4000, dtype=np.float32) * np.spacing(z0)
    a = net.forward(z[:, None]).activations[1][:, 0]
    off = np.abs(a) if name == "tanh" else np.abs(a - np.float32(0.5))
    at = np.flatnonzero(off == np.float32(limit))
    above = np.flatnonzero(off > np.float32(limit))
    assert at.size and above.size
    return net, z[at[-1]], z[above[0]]


@pytest.mark.parametrize("name, limit", [("tanh", 0.98), ("sigmoid", 0.49)])
def test_a_unit_exactly_at_the_flat_ends_limit_is_not_saturated_just_above_it_is(name, limit):
    # wrong answer: |a| ≥ 0.98 (or |a − ½| ≥ 0.49) counts the limit itself as flat
    net, at, above = exactly_at(name, limit)
    y = np.zeros(10, int)
    assert probe(net, np.full((10, 1), at, np.float32), y, 32).saturated == (0.0,)
    assert probe(net, np.full((10, 1), above, np.float32), y, 32).saturated == (1.0,)


# --- a replay from batch 1, the fixes of a run stuck at chance ---------------------------------


def test_a_fault_after_the_first_batch_replays_from_the_state_after_it():
    """One batch an epoch: the state after batch 1 is kept. A fault at batch 2 continues from
    there (not from batch 0: that is a fresh start of the same seed)."""
    config = TrainConfig(hidden=(4,), optimizer="adam", lr=0.01, batch_size=10, epochs=3, n_train=10)
    run = record_run(config)[1]
    fault = Diagnosis("lr_too_high", 2, 3, {}, (Fix({"lr": 0.001}),))
    plan = replay_plan(run, fault, Fix({"lr": 0.001}))
    assert not plan.restart and plan.start_from.step == 1 and plan.start_from.state is not None
    assert replay_plan(run, Diagnosis("lr_too_high", 1, 3, {}, ()), Fix({"lr": 0.001})).restart


class Chart:
    """What the rules read, set by hand."""

    onset = staticmethod(Doctor.onset)
    index_after = Doctor.index_after

    def __init__(self, steps, probes, lr=0.5, **config):
        self.config = TrainConfig(**config)
        self.steps, self.probes = Series(steps), Series(probes)
        self.named, self.n_classes, self.first_ratio = {}, 10, None
        self.lr, self.first_loss, self.start_loss = lr, None, None

    def diagnosis(self, code, batch, evidence, fixes, named_at=None):
        return Diagnosis(code, int(batch), 999 if named_at is None else int(named_at), evidence, tuple(fixes))


def stuck_fixes(ratios, **config):
    steps = [StepSample(b, 1.0, (1.0,), (r,), r) for b, r in enumerate(ratios, start=150)]
    probes = [ProbeSample(b, 0.1, (None, None), (None, None), True) for b in (160, 192)]
    return [f.settings for f in rules.stuck(Chart(steps, probes, **config)).fixes]


@pytest.mark.parametrize("ratios, expected", [
    ([1e-4] * 8, [{"lr": 100.0}]),             # η × 200 (0.02 / 1e-4, at most × 1000): 0.5 → 100
    ([1e-4] * 7 + [0.01], [{"lr": 100.0}]),      # the newest 8: median 1e-4 — not the ones after the 8th
    ([0.01] * 8 + [1e-4], []),                   # the newest 8: median 0.01, in the band
])
def test_a_stuck_run_with_tiny_steps_gets_a_higher_eta_from_its_newest_steps(ratios, expected):
    adam = [{"optimizer": "adam", "lr": 0.001}]
    assert stuck_fixes(ratios, optimizer="sgd", hidden=(16,))[: len(expected) + 1] == expected + adam


@pytest.mark.parametrize("activations, relu", [
    (("sigmoid", "relu"), True),     # the first hidden layer decides: a sigmoid there, gradients vanish
    (("tanh", "relu"), True),
    (("relu", "sigmoid"), False),
    (("relu", "tanh"), False),
])
def test_a_stuck_deep_network_gets_relu_when_its_first_hidden_layer_is_sigmoid_or_tanh(activations, relu):
    got = stuck_fixes([0.01] * 8, optimizer="adam", lr=0.001, hidden=(16, 16), hidden_activations=activations)
    assert got == ([{"activation": "relu", "init": "he", "hidden_activations": ()}] if relu else [{"init": "he"}])
