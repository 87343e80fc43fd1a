"""What the doctor measures and when, on hand-made steps fed the way ``Trainer.learn`` feeds them
(``gradients``, then ``updated``), on a tiny network whose weights' norms are set by hand: the
update/weight ratio, the first step's ratio that sizes a lowered η, the schedule of samples, probes
and checks, divergence; and the words a fix is told in, in both languages."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.doctor import Diagnosis, Doctor, Fix
from annviz.nn.doctor.doctor import first_step_ratio, probe_every, stride
from annviz.nn.doctor.signals import KEEP_RECENT, MAX_POINTS, Series, probe, step_sample
from annviz.nn.doctor.texts import SIGN_TEXTS, TEXTS, describe_fix, explain, explanation, explanations, sign, title
from annviz.nn.history import EpochRecord

# --- the schedule and the first step ----------------------------------------------------------

@pytest.mark.parametrize("batch, expected", [(1, 1), (31, 1), (32, 16), (255, 16), (256, 32), (4095, 32),
                                             (4096, 64), (10**6, 64)])
def test_step_samples_thin_out_as_a_run_goes_on(batch, expected):
    assert stride(batch) == expected


@pytest.mark.parametrize("batch, expected", [(1, 32), (256, 32), (257, 512), (10**6, 512)])
def test_probes_every_32_batches_then_every_512(batch, expected):
    assert probe_every(batch) == expected


@pytest.mark.parametrize("update_sq, weight_sq, expected", [
    ([4.0, 1.0], [1.0, 4.0], 2.0),            # the largest layer's ‖ΔW‖/‖W‖
    ([0.01, 0.0], [0.25, 0.5], 0.2),          # weights below 1 count
    ([1.0, 1.0], [1.0, 0.0], math.nan),       # a layer of zeros: no ratio
    ([math.inf, 1.0], [1.0, 1.0], math.nan),  # an overflowed step: no ratio
])
def test_the_first_steps_ratio(update_sq, weight_sq, expected):
    got = first_step_ratio(update_sq, weight_sq)
    assert got == expected or (math.isnan(got) and math.isnan(expected))


def pairs(values):
    return list(enumerate(values))


@pytest.mark.parametrize("values, expected", [
    ([1, 5, 5, 1, 5, 5, 2], 4),     # the newest run that holds, from where it began
    ([5, 1, 1, 5], 3),              # the newest sample holds on its own
    ([5, 1, 1], 0),
    ([1, 1, 1], 0),                 # nothing holds: the first sample
    ([5, 5, 5, 5], 0),
])
def test_onset_is_where_the_newest_run_that_holds_began(values, expected):
    assert Doctor.onset(pairs(values), lambda s: s[1] >= 5) == (expected, values[expected])


# --- a doctor fed by hand ---------------------------------------------------------------------

def watched(optimizer="sgd", lr=0.5, n=16):
    """A doctor on a 4-3-2 sigmoid network whose weights have ‖W‖² = 1 and 4 (every entry the
    same), over ``n`` examples, all of them in the probe; half of them each class (it answers
    0 to every one: accuracy 0.5, chance)."""
    cfg = TrainConfig(hidden=(3,), activation="sigmoid", optimizer=optimizer, lr=lr, batch_size=10, epochs=1)
    net = Network([4, 3, 2], ["sigmoid", "softmax"], seed=0)
    net.weights[0][...] = 1 / math.sqrt(12)
    net.weights[1][...] = 2 / math.sqrt(6)
    x = np.zeros((n, 4), np.float32)
    y = np.arange(n) % 2
    trainer = Trainer(net, cfg, (x, y))
    return Doctor(trainer, probe_size=16), trainer


def updates(r0, r1=0.001):
    """Update arrays with ‖ΔW‖/‖W‖ = r0 and r1 for the weights of watched()."""
    return [np.full((3, 4), r0 / math.sqrt(12)), np.full((2, 3), 2 * r1 / math.sqrt(6)), np.zeros(3), np.zeros(2)]


def feed(doctor, batch, loss=1.0, ratio=0.01, grads=(1.0, 1.0)):
    doctor.gradients(batch - 1, [np.full((3, 4), grads[0] / math.sqrt(12)), np.full((2, 3), grads[1] / math.sqrt(6))])
    doctor.updated(batch - 1, loss, updates(ratio))


def test_each_step_sample_holds_the_loss_gradients_and_update_ratios():
    doctor, _ = watched()
    feed(doctor, 1, loss=2.5, ratio=0.25, grads=(3.0, 0.5))
    s = doctor.steps[-1]
    assert s.batch == 1 and s.loss == 2.5
    assert s.grad_norm == pytest.approx((3.0, 0.5), rel=1e-5)
    assert s.ratio == pytest.approx((0.25, 0.001), rel=1e-4) and s.top_ratio == pytest.approx(0.25, rel=1e-4)
    assert doctor.first_ratio == pytest.approx(0.25, rel=1e-4) and doctor.first_loss == 2.5
    assert doctor.next_step == 1          # every batch at first (stride 1): the 0-based step 1 next


def test_the_doctor_asks_for_the_steps_its_schedule_wants():
    doctor, _ = watched()
    for batch in (31, 32, 40, 255, 256, 300):
        feed(doctor, batch)
        assert doctor.next_step + 1 == (batch // stride(batch) + 1) * stride(batch)
    assert doctor.next_step == 319        # after batch 300: batch 320 next (0-based 319)


def test_big_steps_are_named_on_the_check_after_the_window_turns():
    doctor, _ = watched(lr=2.0)
    for b in range(1, 6):
        feed(doctor, b, ratio=0.01)
    for b in range(6, 12):
        feed(doctor, b, ratio=0.5)
    (d,) = doctor.diagnoses
    assert (d.code, d.batch, d.named_at) == ("lr_too_high", 6, 10)   # no probe yet (batch 32)     # 5 of 8 above 0.3 at batch 10
    assert d.evidence["ratio"] == pytest.approx(0.5, rel=1e-3)


def high(doctor):
    """When lr_too_high was named (the probes name "stuck" too: this network answers 0 to all)."""
    return [d.named_at for d in doctor.diagnoses if d.code == "lr_too_high"]


def test_after_batch_256_the_rules_are_checked_every_fourth_sample():
    doctor, _ = watched(lr=2.0)
    for b in range(1, 251):
        feed(doctor, b, ratio=0.01)
    for b in (251, 252, 253, 254):          # checked on each: 4 of 8 big is not yet a verdict
        feed(doctor, b, ratio=0.5)
    assert high(doctor) == []
    feed(doctor, 256, ratio=0.5)            # 5 of 8, but the 255th sample: no check
    assert high(doctor) == []
    feed(doctor, 272, ratio=0.5)            # the 256th sample: checked
    assert high(doctor) == [272]


def test_after_batch_256_a_verdict_waits_for_the_next_fourth_sample():
    doctor, _ = watched(lr=2.0)
    for b in range(1, 256):                 # 255 samples
        feed(doctor, b, ratio=0.01)
    for b in range(272, 272 + 16 * 7, 16):     # samples 256 … 262
        feed(doctor, b, ratio=0.5)
    # 5 big of 8 at the 260th sample (batch 336): checked then (260 = 4 × 65)
    assert high(doctor) == [336]


def test_a_first_step_that_overflows_is_sized_from_the_gradient_for_sgd_and_momentum():
    for optimizer, expected in (("sgd", 0.5 * 3.0), ("momentum", 0.5 * 3.0), ("adam", math.nan)):
        doctor, _ = watched(optimizer=optimizer, lr=0.5)
        doctor.gradients(0, [np.full((3, 4), 3.0 / math.sqrt(12)), np.full((2, 3), 1.0 / math.sqrt(6))])
        with np.errstate(all="ignore"):
            doctor.updated(0, 1.0, [np.full((3, 4), np.inf), np.zeros((2, 3)), np.zeros(3), np.zeros(2)])
        # η × ‖∇W‖/‖W‖, the largest layer: 0.5 × 3 / 1 (layer 2: 0.5 × 1 / 2)
        got = doctor.first_ratio
        assert got == pytest.approx(expected, rel=1e-5) or (math.isnan(got) and math.isnan(expected))


def test_weights_that_overflow_name_diverged_once_and_stop_the_watch():
    doctor, trainer = watched(lr=3.0)
    feed(doctor, 1, loss=2.0)
    feed(doctor, 2, loss=7.0)
    trainer.network.weights[1][0, 0] = np.inf
    feed(doctor, 3, loss=1e30)
    (d,) = doctor.diagnoses
    assert (d.code, d.batch, d.evidence["what"], d.evidence["last_loss"]) == ("diverged", 3, "weights", 7.0)
    assert doctor.next_step == 2**62 and len(doctor.steps) == 2


def test_outputs_that_overflow_on_a_probe_name_diverged_at_that_batch():
    doctor, trainer = watched(lr=3.0)
    for b in range(1, 32):
        feed(doctor, b)
    assert len(doctor.probes) == 0
    trainer.network.biases[1][0] = np.nan          # finite weights, NaN outputs
    feed(doctor, 32)
    assert len(doctor.probes) == 1 and doctor.probes[-1].batch == 32 and doctor.probes[-1].finite is False
    assert [(d.code, d.batch, d.evidence["what"]) for d in doctor.diagnoses] == [("diverged", 32, "outputs")]


def test_probes_come_every_32_batches_and_read_the_network():
    doctor, trainer = watched()
    for b in range(1, 97):
        feed(doctor, b)
    assert [p.batch for p in doctor.probes] == [32, 64, 96]
    p = doctor.probes[-1]
    assert p.dead == (None,) and p.saturated == (0.0,) and p.accuracy == 0.5 and p.finite is True


def test_a_run_stuck_at_chance_is_named_on_its_probes():
    doctor, _ = watched(lr=0.5)
    for b in range(1, 193):
        feed(doctor, b)                                    # accuracy 0.5 = chance of 2 classes
    assert [(d.code, d.batch, d.named_at) for d in doctor.diagnoses] == [("stuck", 32, 192)]


def test_epochs_are_judged_for_overfitting_each_once_and_at_the_finish():
    doctor, trainer = watched()
    trainer.history.epochs.extend([EpochRecord(1, 0.5, 0.8, val_accuracy=0.75),
                                   EpochRecord(2, 0.4, 0.97, val_accuracy=0.75)])
    named = doctor.finish()
    assert [(d.code, d.batch, d.named_at) for d in named] == [("overfitting", 2, 4)]   # 16 examples: 2 batches an epoch
    trainer.history.epochs.append(EpochRecord(3, 0.3, 0.99, val_accuracy=0.7))
    assert [d.code for d in doctor.finish()] == ["overfitting"]


def stopped(reason):
    """A doctor whose trainer stopped a diverging run after 5 batches, for ``reason``."""
    doctor, trainer = watched()
    feed(doctor, 1)
    trainer.history.batch_loss.append(np.arange(1, 6), np.ones(5))
    trainer.history.status, trainer.history.stop_reason = "diverged", reason
    return doctor


def test_a_run_the_trainer_stopped_names_why():
    named = stopped("the loss is NaN").finish()
    assert [(d.code, d.batch, d.evidence["what"]) for d in named] == [("diverged", 6, "loss")]
    assert [(d.code, d.batch) for d in stopped("the loss climbed").finish()] == [("lr_too_high", 6)]
    assert [(d.code, d.batch) for d in stopped(None).finish()] == [("lr_too_high", 6)]
    doctor = stopped("the loss is NaN")
    doctor.finish()
    assert [d.code for d in doctor.finish()] == ["diverged"]          # named once


# --- signals ----------------------------------------------------------------------------------

def test_a_long_series_thins_its_old_half_and_keeps_the_recent_points():
    s = Series()
    for i in range(MAX_POINTS):
        s.add(i)
    assert list(s) == list(range(MAX_POINTS))            # full, not yet thinned
    s.add(MAX_POINTS)
    old = MAX_POINTS + 1 - KEEP_RECENT
    assert list(s) == list(range(0, old, 2)) + list(range(old, MAX_POINTS + 1))


@pytest.mark.parametrize("update_sq, weight_sq, ratio", [
    ([0.0625], [0.25], 0.5), ([0.5], [0.0], math.inf), ([0.0], [0.0], 0.0), ([4.0], [1.0], 2.0),
])
def test_a_step_samples_ratio_with_weights_of_zero(update_sq, weight_sq, ratio):
    s = step_sample(7, 1.5, [0.0], update_sq, weight_sq)
    assert s.ratio == (ratio,) and s.top_ratio == ratio and s.grad_norm == (0.0,) and s.batch == 7


def test_a_unit_is_saturated_when_flat_for_nine_tenths_of_the_probe():
    net = Network([2, 2, 2], ["sigmoid", "softmax"], seed=0)
    net.weights[0][...] = [[100.0, 0.0], [0.0, 100.0]]     # unit 1 flat where x₀ = 1, unit 2 where x₁ = 1
    net.biases[0][...] = 0.0
    x = np.array([[1.0, 0.0]] * 9 + [[0.0, 0.0]], np.float32)  # unit 1: flat on 9 of 10; unit 2: never
    assert probe(net, x, np.zeros(10, int), 32).saturated == (0.5,)
    x[8] = 0.0                                                   # 8 of 10: not saturated
    assert probe(net, x, np.zeros(10, int), 32).saturated == (0.0,)


# --- the words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fix, en, ko", [
    (Fix({"lr": 0.05}), "learning rate η = 0.05", "학습률 η = 0.05"),
    (Fix({"activation": "relu", "init": "he", "hidden_activations": ()}),
     "ReLU in the hidden layers, He initialisation, afresh", "은닉층에 렐루(ReLU), He 초기화로 새로 시작"),
    (Fix({"hidden": (12, 10)}), "hidden layers: 12–10", "은닉층: 12–10"),
    (Fix({"n_train": None}), "all the training examples", "학습 데이터 전부"),
    (Fix({"weight_decay": 0.001, "epochs": 3}), "L2 weight decay λ = 0.001, stop after epoch 3",
     "L2 가중치 감쇠 λ = 0.001, 에포크 3에서 멈추기"),
])
def test_a_fix_in_words(fix, en, ko):
    assert describe_fix(fix) == en and describe_fix(fix, "en") == en and describe_fix(fix, "fr") == en
    assert describe_fix(fix, "ko") == ko
    assert describe_fix(fix, lambda text: text.replace("η", "eta")) == en.replace("η", "eta")


def test_a_fix_without_words_is_refused():
    with pytest.raises(KeyError, match="no text for the fix optimizer = 'lbfgs'"):
        describe_fix(Fix({"optimizer": "lbfgs"}))


def test_titles_in_each_language():
    assert title("stuck") == "No progress" and title("stuck", "fr") == "No progress"
    assert title("stuck", "ko") == "학습이 진행되지 않음"
    assert title("stuck", lambda t: f"[{t}]") == "[No progress]"


def climb(evidence):
    return Diagnosis("lr_too_high", 4, 9, {"ratio": 0.5, "layer": 1, "loss": 3.0, "first_loss": 2.0, "lr": 1.0,
                                           **evidence})


def test_which_explanation_fits_what_the_doctor_saw():
    assert explanations("lr_too_high") == [TEXTS["lr_too_high"][1], SIGN_TEXTS["lr_too_high"]["loss"]]
    assert explanations("stuck") == [TEXTS["stuck"][1]]
    # an older file without "sign": the loss exactly 1.5 × the first is not a climb, above is
    assert sign(climb({})) == "steps" and explanation(climb({})) == TEXTS["lr_too_high"][1]
    assert sign(climb({"loss": 3.01})) == "loss"
    assert explanation(climb({"loss": 3.01})) == SIGN_TEXTS["lr_too_high"]["loss"]
    # a file that says which: believed, whatever the numbers
    assert sign(climb({"sign": "steps", "loss": 30.0})) == "steps"
    assert explanation(climb({"sign": "loss"})) == SIGN_TEXTS["lr_too_high"]["loss"]
    assert "climbs" in explain(climb({"sign": "loss"}), "en")
    assert sign(Diagnosis("stuck", 1, 1, {"accuracy": 0.1, "chance": 0.1})) is None
