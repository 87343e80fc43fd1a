"""The training doctor on small networks and real MNIST digits: each fault named when a run has
it, and not when a run like it is healthy; what it measures is what the trainer did; watching
changes nothing in the training."""

import json
import math

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.doctor import CODES, Diagnosis, Doctor, Fix, rules
from annviz.nn.doctor.diagnosis import nice, series
from annviz.nn.doctor.doctor import probe_every, stride
from annviz.nn.doctor.signals import KEEP_RECENT, MAX_POINTS, Series, StepSample, probe
from annviz.nn.doctor.texts import describe_fix, explain, title
from annviz.nn.history import EpochRecord
from annviz.presets import preset_config


@pytest.fixture(autouse=True)
def one_blas_thread():
    """As the app trains; two threads on a busy machine can be many times slower."""
    with threadpool_limits(1, user_api="blas"):
        yield


@pytest.fixture(scope="module")
def digits():
    ds = load_dataset("mnist")
    return to_inputs(ds.train_images[:3000]), np.asarray(ds.train_labels[:3000], dtype=np.int64)


def watch(digits, batches=250, mutate=None, validation=None, n=None, **config):
    """Train a fresh network on the first ``n`` digits for at most ``batches`` batches with a
    doctor watching; returns (the doctor's diagnoses by code, the doctor)."""
    cfg = TrainConfig(**{"hidden": (16, 16), "activation": "sigmoid", "optimizer": "sgd", "lr": 0.5,
                         "batch_size": 10, "epochs": 10, **config})
    x, y = digits
    x, y = x[:n], y[:n]
    if validation:
        cut = int(len(x) * (1 - validation))
        x, y, validation = x[:cut], y[:cut], (x[cut:], y[cut:])
    net = Network(cfg.layer_sizes(), cfg.layer_activations(), seed=cfg.seed)
    if mutate is not None:
        mutate(net)
    trainer = Trainer(net, cfg, (x, y), validation=validation)
    doctor = Doctor(trainer)
    with np.errstate(all="ignore"):
        for event in trainer.steps():
            if event.step >= batches:
                break
    named = doctor.finish()
    for d in named:    # every diagnosis can be told, in both languages, with its fixes
        for lang in ("en", "ko"):
            text = explain(d, lang)
            assert title(d.code, lang) and "{" not in text and len(text) > 100
            assert all(describe_fix(f, lang) for f in d.fixes)
        assert 1 <= len(d.fixes) <= 2 and d.batch <= d.named_at
        json.dumps(d.to_dict())
    return {d.code: d for d in named}, doctor


def kill_relus(net):
    for b in net.biases[:-1]:
        b[...] = -1.0


# (code, the broken run that must name it, a healthy run like it that must name nothing)
CASES = {
    "lr_too_high": (dict(lr=50.0), dict(lr=0.5)),
    "lr_too_low": (dict(optimizer="adam", lr=1e-6, batch_size=32), dict(optimizer="adam", lr=1e-3, batch_size=32)),
    "vanishing_gradients": (dict(hidden=(32,) * 6), dict(hidden=(32, 32))),
    "dead_relu": (dict(hidden=(64, 32), activation="relu", optimizer="adam", lr=1e-3, batch_size=32,
                       mutate=kill_relus),
                  dict(hidden=(64, 32), activation="relu", optimizer="adam", lr=1e-3, batch_size=32)),
    "saturated": (dict(optimizer="adam", lr=0.1, batch_size=32), dict(optimizer="adam", lr=1e-3, batch_size=32)),
    "stuck": (dict(optimizer="sgd", lr=1e-4, batch_size=32), dict(optimizer="sgd", lr=0.2, batch_size=32)),
}


@pytest.mark.parametrize("code", CASES)
def test_each_fault_is_named_in_a_run_that_has_it_and_not_in_a_healthy_one(digits, code):
    broken, healthy = CASES[code]
    named, _ = watch(digits, **broken)
    assert code in named, f"{code} not named: {sorted(named)}"
    assert named[code].named_at <= 200
    named, _ = watch(digits, **healthy)
    assert named == {}, f"a healthy run named {sorted(named)}"


def test_too_high_a_learning_rate_is_named_within_a_few_batches_with_a_lower_one_to_try(digits):
    named, doctor = watch(digits, lr=50.0)
    d = named["lr_too_high"]
    assert d.named_at <= 16 and d.evidence["lr"] == 50.0
    assert d.evidence["loss"] > rules.CLIMB * d.evidence["first_loss"] or d.evidence["ratio"] > rules.HIGH_RATIO
    lower = d.fixes[0]
    assert set(lower.settings) == {"lr"} and 50.0 / 1000 <= lower.settings["lr"] <= 50.0 / 10
    assert not lower.restart                         # η: continue from before it began
    assert d.fixes[1].settings == {"optimizer": "adam", "lr": 0.001} and d.fixes[1].restart


def test_the_too_high_preset_is_explained_by_its_climbing_loss_not_its_collapsed_ratio(digits):
    """η = 1000 with squared error: the loss climbs while the sigmoid units saturate, so the
    update/weight ratio falls to ~0: the text says what was seen, the loss."""
    too_high = preset_config("too-high")
    named, _ = watch(digits, **{k: getattr(too_high, k) for k in ("hidden", "activation", "loss", "lr", "batch_size")})
    d = named["lr_too_high"]
    assert d.evidence["sign"] == "loss" and d.evidence["loss"] > rules.CLIMB * d.evidence["first_loss"]
    en, ko = explain(d), explain(d, "ko")
    assert f"the loss climbs instead of falling: it started at {d.evidence['first_loss']:.3g}" in en
    assert "%" not in en and "%" not in ko and "손실이 줄어들지 않고 올라갑니다" in ko
    # big steps with a loss that has not climbed 1.5×: the ratio is the evidence, and the text says it
    named, _ = watch(digits, lr=5.0, activation="relu", hidden=(32,))
    d = named["lr_too_high"]
    assert d.evidence["sign"] == "steps" and d.evidence["ratio"] > rules.HIGH_RATIO
    assert f"{d.evidence['ratio']:.1%} of their size" in explain(d) and "climbs instead" not in explain(d)


def test_too_low_a_learning_rate_suggests_one_about_a_thousand_times_higher(digits):
    named, _ = watch(digits, optimizer="adam", lr=1e-6, batch_size=32)
    d = named["lr_too_low"]
    assert d.batch == 1 and d.evidence["ratio"] < rules.LOW_RATIO
    assert d.fixes[0].settings == {"lr": 0.001}      # ×1000: the most it raises at once
    assert named["stuck"].fixes == d.fixes            # a symptom takes its cause's fix


def test_weights_that_overflow_are_named_diverged_at_that_batch(digits):
    named, doctor = watch(digits, lr=1e300, hidden=(32,), activation="relu")
    assert set(named) == {"diverged"}
    assert named["diverged"].batch == 1 and named["diverged"].evidence["what"] == "weights"
    assert doctor.next_step > 10**9                   # it stops watching a run that is over


def test_a_nan_loss_the_trainer_stops_on_is_named_diverged(digits):
    def poison(net):
        net.weights[0][0, 0] = np.nan
    named, _ = watch(digits, mutate=poison)
    assert set(named) == {"diverged"} and named["diverged"].batch == 1
    assert named["diverged"].evidence["what"] == "loss"


def test_a_loss_the_trainer_stops_for_climbing_is_named_lr_too_high_even_unwatched(digits):
    """The trainer stopped on a climb the doctor did not see (it watched no step)."""
    cfg = TrainConfig(hidden=(16, 16), optimizer="sgd", lr=50.0, batch_size=10, epochs=1)
    x, y = digits
    trainer = Trainer(Network(cfg.layer_sizes(), cfg.layer_activations()), cfg, (x, y))
    doctor = Doctor(trainer)
    doctor.next_step = 10**9
    with np.errstate(all="ignore"):
        for _ in trainer.steps():
            doctor.next_step = 10**9
    assert trainer.history.status == "diverged" and "rose" in trainer.history.stop_reason
    named = {d.code: d for d in doctor.finish()}
    assert set(named) == {"lr_too_high"} and named["lr_too_high"].batch == trainer.history.batches + 1


def test_deep_relu_networks_have_no_vanishing_gradients(digits):
    named, _ = watch(digits, hidden=(32,) * 6, activation="relu", optimizer="adam", lr=1e-3, batch_size=32)
    assert "vanishing_gradients" not in named


def test_vanishing_gradients_suggest_relu_then_fewer_layers(digits):
    named, _ = watch(digits, hidden=(32,) * 6)
    d = named["vanishing_gradients"]
    assert d.evidence["gradient_ratio"] < rules.VANISH and d.evidence["layers"] == 7
    # η 0.5 would kill the ReLUs at once (tests/nn/test_doctor_fixes.py replays it)
    assert d.fixes[0].settings == {"activation": "relu", "init": "he", "lr": 0.05} and d.fixes[0].restart
    assert d.fixes[1].settings == {"hidden": (32, 32)}


def test_dead_relus_are_measured_on_the_probe_and_named_with_their_layer(digits):
    named, doctor = watch(digits, **{**CASES["dead_relu"][0]})
    d = named["dead_relu"]
    assert d.evidence["share"] >= rules.DEAD and d.evidence["layer"] in (1, 2)
    assert doctor.probes[-1].dead[d.evidence["layer"] - 1] == d.evidence["share"]
    assert "lr_too_low" not in named                  # tiny steps, but η is not the cause
    assert d.fixes[0].settings == {"init": "he"}


def test_saturated_units_at_a_flat_end_for_most_inputs_after_big_steps(digits):
    named, doctor = watch(digits, **CASES["saturated"][0])
    d = named["saturated"]
    assert d.evidence["share"] >= rules.SATURATED
    assert doctor.probes[-1].saturated[d.evidence["layer"] - 1] >= rules.SATURATED
    assert set(d.fixes[0].settings) == {"lr"} and d.fixes[0].settings["lr"] < 0.1   # big steps put them there
    assert d.fixes[1].settings == {"activation": "relu", "init": "he", "lr": 0.001}   # Adam's cap for ReLU


def test_stuck_is_judged_only_after_a_fair_share_of_the_run(digits):
    named, _ = watch(digits, batches=rules.STUCK_AFTER - 1, optimizer="sgd", lr=1e-4, batch_size=32)
    assert "stuck" not in named
    named, _ = watch(digits, batches=250, optimizer="sgd", lr=1e-4, batch_size=32)
    assert named["stuck"].named_at >= rules.STUCK_AFTER and named["stuck"].evidence["chance"] == 0.1


def test_overfitting_is_named_on_the_validation_split_when_the_gap_opens(digits):
    named, doctor = watch(digits, batches=10**6, n=500, validation=0.2, hidden=(128, 64), activation="relu",
                          optimizer="adam", lr=1e-3, batch_size=64, epochs=30)
    assert set(named) == {"overfitting"}
    d = named["overfitting"]
    epochs = doctor.trainer.history.epochs
    per_epoch = doctor.trainer.batches_per_epoch
    opening = next(e.epoch for e in epochs if e.train_accuracy - e.val_accuracy >= rules.GAP)
    assert opening <= d.named_at / per_epoch <= opening + 2
    assert d.fixes[0].settings == {"weight_decay": 1e-3}      # all the digits are in use: L2
    assert d.fixes[1].settings == {"epochs": d.evidence["best_epoch"]} and not d.fixes[1].restart
    assert d.evidence["gap"] >= rules.GAP


def test_overfitting_is_never_judged_on_the_test_set(digits):
    """The same run with its held-out examples given as the test set: no validation, no verdict."""
    cfg = TrainConfig(hidden=(128, 64), activation="relu", optimizer="adam", lr=1e-3, batch_size=64, epochs=15)
    x, y = digits
    trainer = Trainer(Network(cfg.layer_sizes(), cfg.layer_activations()), cfg, (x[:400], y[:400]),
                      test=(x[400:500], y[400:500]))
    doctor = Doctor(trainer)
    trainer.run()
    last = trainer.history.epochs[-1]
    assert last.train_accuracy - last.test_accuracy > rules.GAP   # it did overfit
    assert "overfitting" not in {d.code for d in doctor.finish()}


def test_enough_data_does_not_overfit(digits):
    named, doctor = watch(digits, batches=10**6, validation=0.2, hidden=(32,), activation="relu",
                          optimizer="adam", lr=1e-3, batch_size=32, epochs=4)
    assert named == {} and doctor.trainer.history.epochs[-1].val_accuracy > 0.85


def test_each_fault_is_named_at_most_once(digits):
    named, doctor = watch(digits, batches=10**6, optimizer="adam", lr=1e-6, batch_size=10, epochs=2)
    assert [d.code for d in doctor.diagnoses].count("lr_too_low") == 1
    assert len(doctor.diagnoses) == len(set(d.code for d in doctor.diagnoses))


# --- what the doctor measures, and that watching changes nothing -------------------------------

@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_watching_changes_nothing_in_the_training(digits, optimizer):
    def train(with_doctor):
        cfg = TrainConfig(hidden=(32, 16), activation="relu", optimizer=optimizer, lr=0.01,
                          weight_decay=1e-4, batch_size=32, epochs=1, seed=3)
        trainer = Trainer(Network(cfg.layer_sizes(), cfg.layer_activations(), seed=3), cfg, digits)
        if with_doctor:
            Doctor(trainer)
        trainer.run()
        return trainer.network.weights + trainer.network.biases, trainer.history.batch_loss.y
    (watched, losses), (plain, plain_losses) = train(True), train(False)
    assert all(np.array_equal(a, b) for a, b in zip(watched, plain))
    assert np.array_equal(losses, plain_losses)


class Recorder:
    """An observer that asks for every step and keeps what it is given."""

    next_step = 0

    def __init__(self, network):
        self.network, self.seen = network, []

    def gradients(self, step, grad_w):
        self.grad = [float(np.linalg.norm(g)) for g in grad_w]

    def updated(self, step, loss, updates):
        self.seen.append((step, loss, self.grad, [float(np.linalg.norm(u)) for u in updates]))


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_the_observer_gets_the_steps_gradients_and_updates(digits, optimizer):
    cfg = TrainConfig(hidden=(16,), activation="relu", optimizer=optimizer, lr=0.05, weight_decay=1e-3,
                      batch_size=32, epochs=1)
    x, y = digits[0][:32], digits[1][:32]
    trainer = Trainer(Network(cfg.layer_sizes(), cfg.layer_activations()), cfg, digits)
    trainer.observer = watcher = Recorder(trainer.network)
    net = trainer.network
    for step in range(3):
        before = [p.copy() for p in net.weights + net.biases]
        loss, grads = net.copy().gradients(x, y, trainer.loss)
        trainer.learn(x, y, cfg.lr, step)
        seen_step, seen_loss, seen_grad, seen_update = watcher.seen[-1]
        assert seen_step == step and seen_loss == pytest.approx(loss, rel=1e-5)
        assert seen_grad == pytest.approx([np.linalg.norm(g) for g in grads.grad_w], rel=1e-4)
        change = [np.linalg.norm(p - b) for p, b in zip(net.weights + net.biases, before)]
        assert seen_update == pytest.approx(change, rel=1e-3, abs=1e-9)


def test_the_observer_is_called_only_on_the_steps_it_asks_for(digits):
    cfg = TrainConfig(hidden=(16,), optimizer="sgd", lr=0.1, batch_size=10, epochs=7)
    trainer = Trainer(Network(cfg.layer_sizes(), cfg.layer_activations()), cfg, digits)
    assert Trainer.observer is None and trainer.observer is None   # the default path: no watcher
    doctor = Doctor(trainer)
    trainer.run()
    batches = [s.batch for s in doctor.steps]
    assert batches[:31] == list(range(1, 32))
    assert all(b - a == stride(a) for a, b in zip(batches, batches[1:]))
    assert [p.batch for p in doctor.probes] == [b for b in batches if b % probe_every(b) == 0]
    assert len(batches) < trainer.history.batches / 10
    doctor.detach()
    assert trainer.observer is None


def test_the_samples_stay_within_their_memory_bound():
    kept = Series()
    for i in range(3 * MAX_POINTS):
        kept.add(i)
    assert len(kept) <= MAX_POINTS and kept[-KEEP_RECENT:] == list(range(3 * MAX_POINTS - KEEP_RECENT, 3 * MAX_POINTS))
    assert kept == sorted(kept) and kept[0] == 0


# --- the plain data ------------------------------------------------------------------------------

def test_a_fix_restarts_unless_it_only_changes_what_a_run_can_continue_with():
    assert not Fix({"lr": 0.01}).restart and not Fix({"epochs": 3}).restart
    assert not Fix({"weight_decay": 1e-3, "momentum": 0.5}).restart
    assert Fix({"activation": "relu", "init": "he"}).restart and Fix({"n_train": None}).restart
    assert Fix({"lr": 0.001, "optimizer": "adam"}).restart
    with pytest.raises(ValueError):
        Diagnosis("too_slow", 1, 1)
    assert set(CODES) == set(rules.EXPLAINED_BY) | {c.__name__ for c in rules.STEP_CHECKS + rules.PROBE_CHECKS} \
        | {"diverged", "overfitting"}


@pytest.mark.parametrize("value, expected", [(0.0123, 0.01), (0.03, 0.02), (0.04, 0.05), (7.0, 5.0),
                                             (8.0, 10.0), (1e-6, 1e-6), (1.5e-3, 0.002)])
def test_nice_rounds_a_learning_rate_to_1_2_or_5(value, expected):
    assert nice(value) == pytest.approx(expected)


@pytest.mark.parametrize("value, expected", [(0.38, 0.2), (0.5, 0.5), (12.1, 10.0), (0.0999, 0.05),
                                             (1.9e-3, 1e-3), (7.0, 5.0)])
def test_nice_down_never_rounds_a_lowered_learning_rate_up(value, expected):
    assert nice(value, down=True) == pytest.approx(expected)


def test_an_evidence_series_is_small_and_keeps_its_last_point():
    s = series("loss", [(b, math.sqrt(b)) for b in range(1, 1001)], reference=1 / 3)
    assert len(s["batch"]) == len(s["value"]) == 64 and s["batch"][-1] == 1000 and s["batch"][0] == 1
    assert s["reference"] == 0.3333 and s["value"][-1] == round(math.sqrt(1000), 2)


# --- the rules on numbers made up to sit on each side of a threshold ----------------------------

def idle_doctor(**config):
    """A doctor on a run that has not trained: its samples are the test's to write."""
    cfg = TrainConfig(**{"hidden": (16, 16), "optimizer": "sgd", "lr": 0.5, **config})
    x = np.zeros((20, 784), np.float32)
    return Doctor(Trainer(Network(cfg.layer_sizes(), cfg.layer_activations()), cfg, (x, np.zeros(20, int))))


def feed(doctor, losses, ratios, grads=(1.0, 1.0, 1.0)):
    for i, (loss, ratio) in enumerate(zip(losses, ratios), start=1):
        doctor.steps.add(StepSample(i, loss, tuple(grads), (ratio, ratio / 2, ratio / 4), ratio))
        if len(doctor.start_losses) < rules.WINDOW:
            doctor.start_losses.append(loss)


@pytest.mark.parametrize("losses, ratio, named", [
    ([2.3] * 16, 0.5, True),                     # big steps, though the loss does not climb
    ([2.3] * 16, 0.2, False),                    # big for Karpathy, normal for SGD's first steps
    ([2.3] + [3.6] * 15, 0.01, True),            # the loss climbed 1.5× with normal steps
    ([2.3] + [3.3] * 15, 0.01, False),
    ([2.3] + [3.6] * 13 + [2.3, 2.3], 0.01, True),   # it began at batch 2, whatever the last two
])
def test_lr_too_high_on_either_the_ratio_or_a_climbing_loss(losses, ratio, named):
    doctor = idle_doctor()
    feed(doctor, losses, [ratio] * len(losses))
    d = rules.lr_too_high(doctor)
    assert (d is not None) == named
    if named:
        assert d.batch == (1 if ratio > rules.HIGH_RATIO else 2) and d.evidence["layer"] == 1


@pytest.mark.parametrize("ratio, last_loss, named", [(5e-4, 2.3, True), (2e-3, 2.3, False), (5e-4, 1.9, False)])
def test_lr_too_low_needs_tiny_steps_and_a_loss_that_barely_moves(ratio, last_loss, named):
    doctor = idle_doctor()
    feed(doctor, [2.3] * 100 + [last_loss] * 20, [ratio] * 120)
    assert (rules.lr_too_low(doctor) is not None) == named


def test_vanishing_gradients_compare_the_first_layer_with_the_last():
    doctor = idle_doctor(hidden=(16, 16))
    feed(doctor, [2.3] * 8, [0.01] * 8, grads=(0.009, 0.1, 1.0))
    assert rules.vanishing_gradients(doctor).evidence["gradient_ratio"] == 0.009
    doctor = idle_doctor(hidden=(16, 16))
    feed(doctor, [2.3] * 8, [0.01] * 8, grads=(0.011, 0.1, 1.0))
    assert rules.vanishing_gradients(doctor) is None
    doctor = idle_doctor(hidden=(16, 16))
    feed(doctor, [2.3] * 8, [0.01] * 8, grads=(0.0, 0.0, 0.0))     # nothing flows at all: not this
    assert rules.vanishing_gradients(doctor) is None


def sigmoid_inverse(a):
    return math.log(a / (1 - a))


@pytest.mark.parametrize("activation, output, flat", [
    ("sigmoid", 0.4999 + 0.4905, True), ("sigmoid", 0.5 + 0.4895, False),
    ("sigmoid", 0.5 - 0.4905, True), ("tanh", 0.9805, True), ("tanh", -0.9805, True), ("tanh", 0.9795, False),
])
def test_a_unit_is_saturated_beyond_the_issues_thresholds(activation, output, flat):
    """|a − ½| > 0.49 for sigmoid, |a| > 0.98 for tanh, for ≥ 90 % of the probe."""
    net = Network([784, 4, 10], [activation, "softmax"])
    net.weights[0][...] = 0
    net.biases[0][...] = sigmoid_inverse(output) if activation == "sigmoid" else math.atanh(output)
    x = np.zeros((10, 784), np.float32)
    sample = probe(net, x, np.zeros(10, int), 1)
    assert sample.saturated == ((1.0 if flat else 0.0),) and sample.dead == (None,)
    net.weights[0][:, 0] = -net.biases[0]                     # the first input pulls it to z = 0...
    x[:2, 0] = 1.0                                               # ...in 2 of the 10 examples: 80 %
    assert probe(net, x, np.zeros(10, int), 1).saturated == (0.0,)


def test_a_relu_unit_is_dead_when_it_outputs_zero_for_every_probe_example():
    net = Network([784, 4, 10], ["relu", "softmax"])
    net.weights[0][...] = 0
    net.biases[0][...] = [-1, -1, -1, 1]
    x = np.zeros((10, 784), np.float32)
    assert probe(net, x, np.zeros(10, int), 1).dead == (0.75,)
    net.weights[0][0, 0] = 2.0
    x[3, 0] = 1.0                                                # unit 0 fires for one example
    assert probe(net, x, np.zeros(10, int), 1).dead == (0.5,)


def epoch(n, train, val):
    return EpochRecord(n, 0.0, train, val_accuracy=val)


def test_overfitting_needs_a_gap_a_validation_accuracy_that_stalls_and_a_training_one_that_rises():
    doctor = idle_doctor()
    rising = [epoch(1, 0.70, 0.70), epoch(2, 0.80, 0.76), epoch(3, 0.88, 0.80), epoch(4, 0.94, 0.84)]
    assert rules.overfitting(doctor, rising, 10) is None                # validation still climbing
    stalled = rising[:3] + [epoch(4, 0.94, 0.805)]
    d = rules.overfitting(doctor, stalled, 10)
    assert d.batch == 30 and d.named_at == 40 and d.evidence["best_epoch"] == 3
    narrow = rising[:3] + [epoch(4, 0.84, 0.80)]                        # a gap of 4 points
    assert rules.overfitting(doctor, narrow, 10) is None
    flat_train = rising[:3] + [epoch(4, 0.875, 0.78)]                  # training no longer rises
    assert rules.overfitting(doctor, flat_train, 10) is None
