"""The doctor's fixes learn: a run replayed from batch 0 with the first fix the doctor suggests
trains to well above chance, with no fault named — for runs that diverged under SGD (η × 100,
η = 1000 with squared error, weights that overflow at once) and for a deep sigmoid network's
vanishing gradients (ReLU, whose η the fix lowers). The fix of before (η ÷ 10, ReLU at the same
η) is the wrong answer each test must refuse."""

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import TrainConfig, Trainer
from annviz.nn.doctor import Doctor, rules
from annviz.nn.doctor.diagnosis import nice
from annviz.recipes import build_network

NOTES = TrainConfig(hidden=(16, 16), activation="sigmoid", optimizer="sgd", lr=0.5, batch_size=10, epochs=10)


@pytest.fixture(autouse=True)
def one_blas_thread():
    with threadpool_limits(1, user_api="blas"):
        yield


@pytest.fixture(scope="module")
def digits():
    ds = load_dataset("mnist")
    x, y = to_inputs(ds.train_images[:3000]), np.asarray(ds.train_labels[:3000], dtype=np.int64)
    return (x[:2000], y[:2000]), (x[2000:], y[2000:])      # trained on, held out


def train(digits, cfg, batches):
    """(diagnoses by code, accuracy in [0, 1] on the held-out digits, the trainer's status)."""
    (x, y), (hx, hy) = digits
    net = build_network(cfg)
    trainer = Trainer(net, cfg, (x, y))
    doctor = Doctor(trainer)
    with np.errstate(all="ignore"):
        for event in trainer.steps():
            if event.step >= batches:
                break
    named = {d.code: d for d in doctor.finish()}
    with np.errstate(all="ignore"):
        accuracy = float((net.forward(hx).output.argmax(axis=1) == hy).mean())
    return named, accuracy, trainer.history.status


@pytest.mark.parametrize("broken,code", [
    (NOTES.replace(lr=50.0), "lr_too_high"),                                         # η × 100
    (NOTES.replace(loss="mse", lr=1000.0, batch_size=32), "lr_too_high"),            # the "too high" preset
    (NOTES.replace(lr=1e300), "diverged"),                                           # overflow at batch 1
])
def test_the_lower_eta_of_a_diverged_sgd_run_learns(digits, broken, code):
    named, _, status = train(digits, broken, 200)
    assert status == "diverged" and code in named
    fix = named[code].fixes[0]
    assert set(fix.settings) == {"lr"} and fix.settings["lr"] < broken.lr
    again, accuracy, status = train(digits, broken.replace(**fix.settings), 200)
    assert status != "diverged" and again == {} and accuracy > 0.5, (fix.settings, accuracy, sorted(again))
    # the wrong answer: the fix of before, η ÷ 10, diverges again or learns far less
    _, before, before_status = train(digits, broken.replace(lr=nice(broken.lr / 10)), 200)
    assert before_status == "diverged" or before < accuracy - 0.1, (before, accuracy)


def test_every_lowered_eta_of_a_run_gives_the_same_first_step(digits):
    """The first step's ratio is proportional to η: the fix does not depend on how far off η was."""
    suggested = {train(digits, NOTES.replace(lr=lr), 16)[0]["lr_too_high"].fixes[0].settings["lr"]
                 for lr in (50.0, 1e3, 1e4)}
    assert suggested == {0.5}


def test_the_relu_fix_for_vanishing_gradients_learns(digits):
    deep = NOTES.replace(hidden=(32,) * 6)
    named, accuracy, _ = train(digits, deep, 200)
    assert "vanishing_gradients" in named and accuracy < 0.2
    fix = named["vanishing_gradients"].fixes[0]
    assert fix.settings["activation"] == "relu" and fix.restart
    again, accuracy, _ = train(digits, deep.replace(**fix.settings), 300)
    assert again == {} and accuracy > 0.5, (fix.settings, accuracy, sorted(again))
    # the wrong answer: ReLU at the sigmoid network's η kills the units
    settings = {k: v for k, v in fix.settings.items() if k != "lr"}
    again, accuracy, _ = train(digits, deep.replace(**settings), 300)
    assert "dead_relu" in again and accuracy < 0.2


@pytest.mark.parametrize("optimizer,lr,kept", [("sgd", 0.5, 0.05), ("sgd", 0.01, None),
                                               ("momentum", 0.1, 0.005), ("adam", 1e-3, None)])
def test_the_relu_fix_lowers_only_an_eta_above_its_optimizers_cap(optimizer, lr, kept):
    class Doc:
        config = TrainConfig(hidden=(16, 16), optimizer=optimizer, lr=lr)
    Doc.lr = lr
    assert rules.relu_fix(Doc).settings.get("lr") == kept
