"""Teach a trained network a learner's own handwriting, without making it forget MNIST.

The recipe, shared by ``annviz teach`` and the GUI's "Teach it": fine-tune a copy of the network
on the learner's training digits (never the held-out ones), optionally augmented as the trainer
augments (each repeated copy differently; off by default: it cost more MNIST accuracy), and
**protected** from forgetting what it knew in two ways (``protect``, on by default):

- **replay**: ``replay`` MNIST training examples mixed in (van de Ven, Siegelmann & Tolias, Nature
  Communications 11, 4069, 2020). Each epoch holds them (a seeded sample, the same every epoch)
  and the learner's digits repeated so that they make up about half of it — a few dozen
  drawings would otherwise be lost among thousands of MNIST digits;
- **distillation**: every step also sees a batch of MNIST inputs whose targets are the original
  network's own outputs, weight ``distill`` (annviz/teach_protection.py).

Measured on real handwriting (the UCI optical digits, 2, 5 or 10 of each taught, README): replay
alone cost mnist-classic 0.9–1.8 points of MNIST accuracy; with distillation 0.3–0.8, for
+8…+14 points on the learner's held-out digits. The other protections compared — a stronger or chosen replay, an L2 pull toward
the starting weights, elastic weight consolidation, a frozen first layer, early stopping on a
split of the learner's digits — are options here for the benchmark. Without protection the same
number of steps goes to the learner's digits alone, and MNIST accuracy falls: catastrophic
forgetting, made visible.

The two things measured before and after: accuracy on the learner's held-out digits (overall and
per label) and on the MNIST test set. The trainer's epoch records carry both (``val_accuracy``:
held out; ``test_accuracy``: MNIST). No Qt here; the caller owns the network it passes (a copy
is taught, the original stays).
"""

from __future__ import annotations

import datetime
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import numpy as np

from annviz.data.augment import augment_batch
from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn.config import ConfigError, TrainConfig
from annviz.nn.losses import get_loss
from annviz.nn.metrics import confusion_matrix, evaluate, per_class_accuracy
from annviz.nn.modelfile import ModelInfo
from annviz.nn.network import Network
from annviz.nn.optimizers import SCHEDULES
from annviz.nn.trainer import BatchEvent, Trainer
from annviz.teach_protection import ProtectedTrainer, make_anchor

Split = tuple[np.ndarray, np.ndarray]
MAX_REPLAY = 60_000     # all of MNIST's training set
MAX_EPOCHS = 1000
REPLAY_PICKS = ("random", "nearest", "mixed")


class TeachError(ValueError):
    """Nothing to teach from, or a setting that cannot work; the message says which."""


@dataclass(frozen=True)
class TeachConfig:
    epochs: int = 8                 # passes over the mix of my digits and replayed examples
    replay: int = 2000              # MNIST training examples mixed in; 0 = without replay
    lr: float = 3e-4                # Adam's learning rate
    batch_size: int = 32
    augment: bool = False           # each copy of my digits shifted, rotated, scaled as the trainer
                                    # does (costs a small network more MNIST accuracy: README)
    seed: int = 0                   # the replay sample, the shuffling, the augmentation
    mine_share: float = 0.5         # about this share of each epoch is my digits
    protect: bool = True            # False: my digits alone, no replay, no anchor (forgetting shown)
    replay_pick: str = "random"     # "random", "nearest" (the MNIST examples nearest my digits), "mixed"
    distill: float = 2.0            # weight of distillation on MNIST inputs (teach_protection)
    anchor: float = 0.0             # λ of the pull toward the starting weights
    ewc: bool = False               # the pull weighted by the Fisher information (EWC)
    freeze_first: bool = False      # the first layer does not learn
    early_stop: bool = False        # keep the epoch best on a split of my digits and of MNIST
    distill_pool: int = 10_000      # MNIST inputs the distillation draws from
    schedule: str = "constant"      # the learning rate: "constant" or "cosine" (down to 0)

    def validate(self) -> TeachConfig:
        if not 1 <= self.epochs <= MAX_EPOCHS:
            raise TeachError(f"epochs must be 1 to {MAX_EPOCHS}, got {self.epochs}")
        if not 0 <= self.replay <= MAX_REPLAY:
            raise TeachError(f"replay must be 0 to {MAX_REPLAY:,} MNIST examples, got {self.replay}")
        if not 0 < self.mine_share < 1:
            raise TeachError(f"the share of my digits must be in (0, 1), got {self.mine_share}")
        if self.replay_pick not in REPLAY_PICKS:
            raise TeachError(f"replay_pick must be one of {', '.join(REPLAY_PICKS)}, got {self.replay_pick!r}")
        for name in ("distill", "anchor"):
            value = getattr(self, name)
            if not (math.isfinite(value) and 0 <= value <= 1e6):
                raise TeachError(f"{name} must be a number from 0 to 1e6, got {value}")
        if self.schedule not in SCHEDULES:
            raise TeachError(f"schedule must be one of {', '.join(SCHEDULES)}, got {self.schedule!r}")
        if not 1 <= self.distill_pool <= MAX_REPLAY:
            raise TeachError(f"distill_pool must be 1 to {MAX_REPLAY:,} MNIST examples, got {self.distill_pool}")
        return self

    def train_config(self, network: Network, loss: str) -> TrainConfig:
        """The trainer's configuration for fine-tuning ``network`` (its own architecture)."""
        try:
            return TrainConfig(hidden=tuple(network.sizes[1:-1]),
                               hidden_activations=tuple(network.activation_names[:-1]),
                               output=network.activation_names[-1], loss=loss, optimizer="adam",
                               lr=self.lr, batch_size=self.batch_size, epochs=self.epochs,
                               schedule=self.schedule,
                               seed=self.seed, dataset="mnist").validate()
        except ConfigError as error:
            raise TeachError(str(error)) from None


DIGITS = [str(d) for d in range(10)]
#: BLAS threads while teaching, as the app trains (annviz/gui/training/blas_threads.py): with two,
#: which wait for each other on a busy machine, a lesson of mnist-best took 130 s instead of 17 s.
TEACH_BLAS_THREADS = 1


@contextmanager
def teaching_threads(n: int = TEACH_BLAS_THREADS) -> Iterator[int]:
    """BLAS libraries limited to ``n`` threads inside (reading, preparing, teaching)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=n, user_api="blas"):
        yield n


def single_label_warning(labels: np.ndarray, config: TeachConfig) -> str | None:
    """A warning when every digit to teach from has one label: the network is pushed to answer
    that digit for everything, and (without protection) forgets the others."""
    present = np.unique(np.asarray(labels))
    if len(present) != 1:
        return None
    digit = int(present[0])
    return (f"every digit to teach from is a {digit}: the model learns to answer {digit} more "
            + ("and forgets the other digits (add some of them)" if not config.protect else
               "often, and may forget some of the other digits (add some of them)"))


def check_teachable(network: Network, class_names, name: str = "the model") -> None:
    """TeachError unless ``network`` reads 28×28 digits into the ten classes 0–9 (what the
    lesson's replayed MNIST examples and the learner's digits are), and is a multilayer
    perceptron (the protections and the page are written for one)."""
    if not getattr(network, "is_mlp", True):
        raise TeachError(f"{name} is a convolutional network; teaching it your digits works on "
                         "multilayer perceptrons for now")
    if network.sizes[0] != 784 or list(class_names) != DIGITS:
        raise TeachError(f"{name} does not classify 28×28 digits 0 to 9 (its classes: "
                         f"{', '.join(map(str, list(class_names)[:10]))}), so it cannot learn "
                         "handwritten digits")


@dataclass
class Scores:
    """How a network does on the learner's held-out digits and on the MNIST test set."""

    held_out: float | None                   # accuracy; None when nothing is held out
    held_out_per_label: list[float | None]   # per digit 0–9; None for a label without held-out digits
    mnist: float

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Lesson:
    """Everything a fine-tune needs, arrays ready for the trainer."""

    mine: Split                 # my training digits
    held_out: Split             # my held-out digits
    mnist_test: Split
    train: Split                # the mix: my digits (repeated) + replayed MNIST examples
    config: TeachConfig
    repeats: int                # copies of each of my digits per epoch
    mnist_pool: Split | None = None   # MNIST training examples the anchors use (distillation, EWC)
    check: tuple[Split, Split] | None = None   # early stopping: my digits and MNIST's set aside

    @property
    def counts(self) -> dict:
        return {"train": np.bincount(self.mine[1], minlength=10).tolist(),
                "held_out": np.bincount(self.held_out[1], minlength=10).tolist()}


def pick_replay(mnist_x: np.ndarray | None, mnist_y: np.ndarray, mine: Split, n: int, how: str,
                rng: np.random.Generator) -> np.ndarray:
    """Indices of ``n`` MNIST training examples to replay: a random sample ("random", which needs
    no ``mnist_x``), the ones nearest my digits ("nearest": each of mine in turn takes its nearest
    of the same label not yet taken), or half each ("mixed")."""
    if n == 0:
        return np.zeros(0, np.int64)
    if how == "random":
        return np.sort(rng.choice(len(mnist_y), n, replace=False))
    n_near = n if how == "nearest" else n // 2
    x, y = mine
    ranked = []
    for label in np.unique(y):
        same = np.flatnonzero(mnist_y == label)
        cand = mnist_x[same]
        # squared distances of my digits of this label to MNIST's of the same label
        d = (cand * cand).sum(1)[None, :] - 2 * x[y == label] @ cand.T
        ranked.append(same[np.argsort(d, axis=1)])       # (mine of label, candidates)
    chosen: list[int] = []
    taken = set()
    depth = 0
    while len(chosen) < n_near and depth < max(r.shape[1] for r in ranked):
        for r in ranked:
            if depth >= r.shape[1]:
                continue
            for i in r[:, depth]:
                if int(i) not in taken and len(chosen) < n_near:
                    taken.add(int(i))
                    chosen.append(int(i))
        depth += 1
    rest = np.setdiff1d(np.arange(len(mnist_y)), np.array(chosen, np.int64))
    extra = rng.choice(rest, n - len(chosen), replace=False) if n > len(chosen) else []
    return np.sort(np.concatenate([np.array(chosen, np.int64), np.asarray(extra, np.int64)]))


def prepare_lesson(mine: Split, held_out: Split, config: TeachConfig) -> Lesson:
    """The mix to train on: my digits repeated to about ``mine_share`` of each epoch, plus
    ``replay`` MNIST training examples (the same seeded sample every epoch); without protection,
    my digits alone, in epochs as long as with the default replay."""
    config.validate()
    x, y = np.asarray(mine[0], np.float32).reshape(-1, 784), np.asarray(mine[1], np.int64)
    if len(x) == 0:
        raise TeachError("no digits to teach from: every digit is held out, or there are none")
    mnist = load_dataset("mnist")
    rng = np.random.default_rng(config.seed)
    replay = config.replay if config.protect else 0
    everything = to_inputs(mnist.train_images) if replay and config.replay_pick != "random" else None
    pick = pick_replay(everything, mnist.train_labels, (x, y), replay, config.replay_pick, rng)
    replay_x, replay_y = to_inputs(mnist.train_images[pick]), mnist.train_labels[pick].astype(np.int64)
    # my digits : replay = share : 1 − share; without replay, epochs as long as with the default
    share = config.mine_share
    wanted = (replay * share / (1 - share) if replay
              else TeachConfig.replay / (1 - share))   # examples of mine per epoch
    repeats = max(1, round(wanted / len(x)))
    check = None
    if config.early_stop and config.protect:
        x, y, mine_check = _set_aside(x, y)
        others = np.setdiff1d(np.arange(mnist.n_train), pick)
        chosen = np.random.default_rng([config.seed, 3]).choice(others, CHECK_MNIST, replace=False)
        check = (mine_check, (to_inputs(mnist.train_images[chosen]),
                              mnist.train_labels[chosen].astype(np.int64)))
        repeats = max(1, round(wanted / len(x)))
    copies = np.tile(x, (repeats, 1))
    if config.augment:   # each copy but the first differently; MNIST is replayed as it is
        copies[len(x):] = augment_batch(copies[len(x):], rng)
    train = (np.concatenate([copies, replay_x]),
             np.concatenate([np.tile(y, repeats), replay_y]))
    test = (to_inputs(mnist.test_images), mnist.test_labels.astype(np.int64))
    held = (np.asarray(held_out[0], np.float32).reshape(-1, 784), np.asarray(held_out[1], np.int64))
    pool = None
    if config.protect and (config.distill or (config.anchor and config.ewc)):
        chosen = np.sort(np.random.default_rng([config.seed, 2]).choice(
            mnist.n_train, min(config.distill_pool, mnist.n_train), replace=False))
        pool = (to_inputs(mnist.train_images[chosen]), mnist.train_labels[chosen].astype(np.int64))
    return Lesson((x, y), held, test, train, config, repeats, pool, check)


CHECK_MNIST = 2000     # MNIST training examples (not replayed) that early stopping checks


def _set_aside(x: np.ndarray, y: np.ndarray):
    """Every fourth of my digits of each label set aside for early stopping (none of a label
    with fewer than four): (x, y kept, (x, y) set aside)."""
    aside = np.zeros(len(y), bool)
    for label in np.unique(y):
        where = np.flatnonzero(y == label)
        aside[where[3::4]] = True
    return x[~aside], y[~aside], (x[aside], y[aside])


def score(network: Network, lesson: Lesson) -> Scores:
    """Accuracy on my held-out digits (overall and per label) and on the MNIST test set."""
    x, y = lesson.held_out
    if len(y):
        predictions = network.predict(x)
        per_label = per_class_accuracy(confusion_matrix(y, predictions, 10))
        held = float((predictions == y).mean())
        per = [None if np.isnan(a) else float(a) for a in per_label]
    else:
        held, per = None, [None] * 10
    loss = get_loss("cross-entropy")
    _, mnist = evaluate(network, *lesson.mnist_test, loss)
    return Scores(held, per, float(mnist))


def make_trainer(network: Network, lesson: Lesson, loss: str = "cross-entropy") -> Trainer:
    """A trainer that fine-tunes ``network`` in place; each epoch record carries the held-out
    accuracy (``val_accuracy``) and the MNIST test accuracy (``test_accuracy``)."""
    config = lesson.config.train_config(network, loss)
    held = lesson.held_out if len(lesson.held_out[1]) else None
    c = lesson.config
    pool_x, pool_y = lesson.mnist_pool if lesson.mnist_pool is not None else (None, None)
    anchor = make_anchor(network, anchor=c.anchor if c.protect else 0.0, ewc=c.ewc,
                         distill=c.distill if c.protect else 0.0,
                         freeze_first=c.freeze_first and c.protect, mnist_x=pool_x, mnist_y=pool_y,
                         loss=loss)
    trainer = ProtectedTrainer(network, config, lesson.train, anchor, check=lesson.check,
                               test=lesson.mnist_test, validation=held)
    trainer.set_start_loss(network.loss(*lesson.train, trainer.loss))
    return trainer


@dataclass
class TeachResult:
    network: Network            # the taught copy
    before: Scores
    after: Scores
    lesson: Lesson
    seconds: float
    status: str                 # the trainer's: finished, stopped or diverged
    stop_reason: str | None = None
    epochs: list = field(default_factory=list)   # the trainer's EpochRecords


def teach(network: Network, mine: Split, held_out: Split, config: TeachConfig = TeachConfig(),
          loss: str = "cross-entropy",
          on_batch: Callable[[BatchEvent], bool | None] | None = None) -> TeachResult:
    """Fine-tune a copy of ``network`` (see the module); ``on_batch`` may return False to stop."""
    start = time.perf_counter()
    lesson = prepare_lesson(mine, held_out, config)
    before = score(network, lesson)
    taught = network.copy()
    trainer = make_trainer(taught, lesson, loss)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        history = trainer.run(on_batch)
    return TeachResult(taught, before, score(taught, lesson), lesson, time.perf_counter() - start,
                       history.status, history.stop_reason, list(history.epochs))


def lesson_record(result: TeachResult, source: str) -> dict:
    """What a model file keeps about a lesson (``history["taught"]``): when, from what, how, and
    the accuracies before and after."""
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "source": source,
        "digits": result.lesson.counts,
        "config": asdict(result.lesson.config),
        "epochs_done": len(result.epochs),
        "status": result.status,
        "before": result.before.to_dict(),
        "after": result.after.to_dict(),
    }


def taught_info(info: ModelInfo, result: TeachResult, source: str) -> ModelInfo:
    """The taught model's metadata: the original's, its MNIST test accuracy now, and this lesson
    appended to ``history["taught"]``."""
    history = dict(info.history)
    history["taught"] = [*history.get("taught", []), lesson_record(result, source)] \
        if isinstance(history.get("taught"), list) else [lesson_record(result, source)]
    return ModelInfo(loss=info.loss, dataset=info.dataset, class_names=list(info.class_names),
                     test_accuracy=result.after.mnist, history=history, config=dict(info.config),
                     extra=dict(info.extra))
