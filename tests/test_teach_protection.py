"""Each way of keeping a network from forgetting (annviz/teach_protection.py, annviz/teach.py) on
a tiny network: taught a new task with it, the old task's loss rises less than without it —
measured. (Early stopping and augmentation were measured too and do not protect: README.)"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from annviz.data.datasets import load_dataset, to_inputs
from annviz.data.preprocess import canvas_to_mnist
from annviz.nn import Network, load_model
from annviz.nn.config import TrainConfig
from annviz.nn.losses import get_loss
from annviz.nn.trainer import Trainer
from annviz.paths import bundled_model
from annviz.teach import TeachConfig, pick_replay, prepare_lesson, teach
from annviz.teach_protection import Anchor, ProtectedTrainer, fisher_diagonal, make_anchor

sys.path.insert(0, str(Path(__file__).parent))
from writers import write  # noqa: E402

N_IN, CLASSES = 8, 3
CE = get_loss("cross-entropy")


def clusters(rng, n, centres, labels):
    """n points around each centre, with that centre's label."""
    x = np.concatenate([c + 0.35 * rng.standard_normal((n, N_IN)) for c in centres]).astype(np.float32)
    return x, np.repeat(np.asarray(labels, np.int64), n)


@pytest.fixture(scope="module")
def tasks():
    """A small network that learnt an old task (three clusters), and a new task: three other
    clusters with the same labels."""
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((CLASSES, N_IN)).astype(np.float32) * 1.5
    old = clusters(rng, 200, centres, [0, 1, 2])
    new = clusters(rng, 30, rng.standard_normal((CLASSES, N_IN)).astype(np.float32) * 1.5, [1, 2, 0])
    network = Network.build([N_IN, 12, CLASSES], hidden="sigmoid", output="softmax", seed=0)
    config = TrainConfig(hidden=(12,), loss="cross-entropy", optimizer="adam", lr=0.01,
                         batch_size=32, epochs=30, seed=0).validate()
    Trainer(network, config, old).run()
    assert (network.predict(old[0]) == old[1]).mean() > 0.95
    return network, old, new


def fine_tune(network, train, anchor=None, check=None, epochs=6):
    net = network.copy()
    config = TrainConfig(hidden=(12,), loss="cross-entropy", optimizer="adam", lr=0.01,
                         batch_size=16, epochs=epochs, seed=1).validate()
    anchor = anchor or Anchor([w.copy() for w in net.weights], [b.copy() for b in net.biases])
    trainer = ProtectedTrainer(net, config, train, anchor, check=check)
    trainer.run()
    return net


# --- on mnist-classic (784-16-16-10): MNIST is the old task, a writer's digits the new one ---------

OFF = {"replay": 0, "distill": 0.0}      # every protection off, as protect=False
PROTECTIONS = {
    "replay": {"replay": 2000, "distill": 0.0},
    "replay of the nearest MNIST digits": {"replay": 2000, "distill": 0.0, "replay_pick": "nearest"},
    "distillation": {"replay": 0, "distill": 2.0},
    "L2 pull toward the starting weights": {**OFF, "anchor": 1.0},
    "elastic weight consolidation": {**OFF, "anchor": 1.0, "ewc": True},
    "first layer frozen": {**OFF, "freeze_first": True},
}


@pytest.fixture(scope="module")
def lesson():
    """mnist-classic, the slanted writer's digits (5 of each to teach, 3 held out), and 3,000
    MNIST test digits to measure the old task's loss on."""
    network, _ = load_model(bundled_model("mnist-classic"))
    def inputs(canvases, labels):
        return np.array([canvas_to_mnist(c).reshape(-1) for c in canvases]), np.array(labels)
    mnist = load_dataset("mnist")
    old = to_inputs(mnist.test_images[:3000]), mnist.test_labels[:3000].astype(np.int64)
    return network, inputs(*write("slanted", 5, seed=1)), inputs(*write("slanted", 3, seed=2)), old


def mnist_rise(lesson, **config) -> tuple[float, float]:
    """(how much the MNIST loss rose, the writer's loss after) for a lesson of 4 epochs."""
    network, mine, held, old = lesson
    taught = teach(network, mine, held, TeachConfig(seed=0, epochs=4, **config)).network
    return taught.loss(*old, CE) - network.loss(*old, CE), taught.loss(*mine, CE)


@pytest.fixture(scope="module")
def unprotected_rise(lesson):
    rise, learnt = mnist_rise(lesson, protect=False)
    assert mnist_rise(lesson, **OFF)[0] == pytest.approx(rise)   # all off is no protection
    assert rise > 0.15 and learnt < 0.1       # it learns the writer, and forgets MNIST
    return rise


@pytest.mark.parametrize("name", PROTECTIONS)
def test_each_protection_makes_the_mnist_loss_rise_less(lesson, unprotected_rise, name):
    network, mine, _, _ = lesson
    rise, learnt = mnist_rise(lesson, **PROTECTIONS[name])
    assert rise < 0.6 * unprotected_rise, (name, rise, unprotected_rise)
    assert learnt < network.loss(*mine, CE) / 2, name      # ... and the writer is still learnt


def test_without_any_anchor_the_protected_trainer_is_the_plain_trainer(tasks):
    network, _, new = tasks
    config = TrainConfig(hidden=(12,), loss="cross-entropy", optimizer="adam", lr=0.01,
                         batch_size=16, epochs=2, seed=1).validate()
    plain, guarded = network.copy(), network.copy()
    Trainer(plain, config, new).run()
    none = Anchor([w.copy() for w in network.weights], [b.copy() for b in network.biases])
    assert not none.active
    ProtectedTrainer(guarded, config, new, none).run()
    for a, b in zip(plain.weights + plain.biases, guarded.weights + guarded.biases):
        assert np.array_equal(a, b)


def test_the_first_layer_frozen_does_not_move_and_the_others_do(tasks):
    network, old, new = tasks
    taught = fine_tune(network, new, make_anchor(network, freeze_first=True))
    assert np.array_equal(taught.weights[0], network.weights[0])
    assert np.array_equal(taught.biases[0], network.biases[0])
    assert not np.array_equal(taught.weights[1], network.weights[1])


def test_the_fisher_weights_what_the_old_task_depends_on(tasks):
    network, old, _ = tasks
    fw, fb = fisher_diagonal(network, *old)
    values = np.concatenate([a.ravel() for a in fw + fb])
    assert values.mean() == pytest.approx(1.0, rel=1e-5) and (values >= 0).all()
    # an input that is always zero carries no information: its weights get no Fisher weight
    blank = old[0].copy()
    blank[:, 3] = 0
    fw, _ = fisher_diagonal(network, blank, old[1])
    assert np.abs(fw[0][:, 3]).max() == 0 and fw[0][:, 2].max() > 0


def test_early_stopping_keeps_the_epoch_best_on_the_checks(tasks):
    network, old, new = tasks
    config = TrainConfig(hidden=(12,), loss="cross-entropy", optimizer="adam", lr=0.01,
                         batch_size=16, epochs=6, seed=1).validate()
    for check, learnt in ((((new[0][::4], new[1][::4]),), True),    # the new task: once learnt
                          (((old[0][1::8], old[1][1::8]),), False)):  # the old one: before it all
        net = network.copy()
        trainer = ProtectedTrainer(net, config, new, make_anchor(network), check=check)
        scores = [trainer.check_score()]
        for event in trainer.steps():
            if event.epoch_record is not None:
                scores.append(trainer.check_score())
        best = int(np.argmax(scores))
        assert best == trainer.best[1] and (best > 0) == learnt, scores
        assert trainer.check_score() == pytest.approx(max(scores)) and max(scores) > scores[-1] - 1e-9
        moved = not np.array_equal(net.weights[0], network.weights[0])
        assert moved == learnt               # when nothing did better: the weights from before


def test_the_nearest_replay_is_the_mnist_digits_most_like_mine():
    mnist = load_dataset("mnist")
    chosen = np.array([5, 17, 300, 4000, 59_999])
    mine = to_inputs(mnist.train_images[chosen]), mnist.train_labels[chosen].astype(np.int64)
    everything = to_inputs(mnist.train_images)
    rng = np.random.default_rng(0)
    near = pick_replay(everything, mnist.train_labels, mine, 5, "nearest", rng)
    assert near.tolist() == chosen.tolist()                  # each digit is nearest itself
    more = pick_replay(everything, mnist.train_labels, mine, 50, "nearest", rng)
    assert set(chosen) <= set(more.tolist()) and len(set(more.tolist())) == 50
    assert set(mnist.train_labels[more].tolist()) == set(mine[1].tolist())   # of my digits' labels
    mixed = pick_replay(everything, mnist.train_labels, mine, 50, "mixed", rng)
    assert set(chosen) <= set(mixed.tolist()) and len(set(mixed.tolist())) == 50
    random = pick_replay(everything, mnist.train_labels, mine, 50, "random", rng)
    assert not set(chosen) <= set(random.tolist())


def test_a_lesson_with_the_nearest_replay_replays_them():
    mnist = load_dataset("mnist")
    chosen = np.array([5, 17, 300, 4000, 59_999])
    mine = to_inputs(mnist.train_images[chosen]), mnist.train_labels[chosen].astype(np.int64)
    lesson = prepare_lesson(mine, mine, TeachConfig(replay=5, replay_pick="nearest"))
    assert np.array_equal(lesson.train[0][-5:], mine[0]) and np.array_equal(lesson.train[1][-5:], mine[1])
    lesson = prepare_lesson(mine, mine, TeachConfig(replay=5))    # a random sample: others
    assert not np.array_equal(lesson.train[0][-5:], mine[0])
