"""The training loop: mini-batches, epochs, evaluation and a history. It draws nothing.

``Trainer.steps()`` is a generator that trains one mini-batch per ``next()`` and yields a
``BatchEvent``; whoever drives it (the command line, the GUI's worker thread, a test) decides
when to pause, step or stop. ``Trainer.run(callback)`` drives it to the end.

Fast path: the data is float32, each batch is gathered with one ``np.take`` into a buffer reused
from batch to batch (no new array per batch), forward and backward are whole-batch matrix
products, and augmentation (when on) transforms the whole batch with array operations.
"""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from annviz.nn.config import TrainConfig
from annviz.nn.history import BoundedSeries, EpochRecord, History
from annviz.nn.losses import get_loss
from annviz.nn.metrics import evaluate
from annviz.nn.network import Network
from annviz.nn.optimizers import make_optimizer, scheduled_lr

DIVERGED_MESSAGE = ("the loss {what} at epoch {epoch}, batch {batch}: the learning rate "
                    "({lr:g}) is probably too high. Training stopped; the weights are the last "
                    "good ones, from before it diverged.")

# Divergence is a loss that turns NaN or infinite, or — since a bounded loss such as mean squared
# error over sigmoid or softmax outputs never does — a smoothed loss that climbs well above where
# it started: training is making the network worse.
RISE_FACTOR = 1.5      # smoothed loss above RISE_FACTOR × the starting loss counts as diverging
SMOOTHING = 0.1        # weight of the newest batch in the smoothed (exponential moving) loss
RISE_AFTER = 20        # batches before a rise can count (the smoothed loss needs a few to settle)


@dataclass(frozen=True)
class BatchEvent:
    epoch: int                         # 0-based epoch this batch belongs to
    batch: int                         # batches done in this epoch (1-based)
    batches_per_epoch: int
    step: int                          # batches done in all
    loss: float
    lr: float
    samples_per_s: float               # over the current epoch so far
    epoch_record: EpochRecord | None = None   # set on the batch that ends an epoch


@dataclass
class _EpochProgress:
    """Where the current epoch stands: its shuffled order, the next batch, running sums."""

    order: np.ndarray
    next_batch: int = 0
    loss_sum: float = 0.0
    correct: int = 0
    seen: int = 0
    seconds: float = 0.0


@dataclass
class TrainerState:
    """A run between two epochs, complete enough to continue it bit for bit (``Trainer.restore``):
    the weights, the optimizer's running arrays, the shuffling generator, the batches and epochs
    done and the divergence detector. Arrays are copies. The batch losses are not kept (a run's
    own recording has them): a run continued from here draws its curve from here on."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    optimizer: dict                    # Optimizer.running_state()
    rng: dict                          # numpy's bit generator state
    batches: int                       # batches trained so far
    epochs: tuple[EpochRecord, ...]    # the epochs so far (the records themselves, not copies)
    good: tuple | None                 # the last good (weights, biases); None: the weights themselves
    start_loss: float | None
    smoothed: float | None
    train_seconds: float
    #: In the middle of an epoch (``Trainer.state(mid_epoch=True)``): that epoch's shuffled order
    #: (a copy), the batch size it was cut in, the next batch and the running sums; None between
    #: two epochs.
    epoch_progress: dict | None = None

    @property
    def nbytes(self) -> int:
        good = [] if self.good is None else [*self.good[0], *self.good[1]]
        arrays = sum(a.nbytes for a in [*self.weights, *self.biases, *self.optimizer["arrays"], *good])
        order = 0 if self.epoch_progress is None else self.epoch_progress["order"].nbytes
        return arrays + order + 8 * len(self.epochs)   # the tuple of records (shared with the history)

    @property
    def mid_epoch(self) -> bool:
        return self.epoch_progress is not None


class StepObserver(Protocol):
    """What ``Trainer.observer`` is (the doctor): see there."""

    next_step: int

    def gradients(self, step: int, grad_w: list[np.ndarray]) -> None: ...
    def updated(self, step: int, loss: float, updates: list[np.ndarray]) -> None: ...


class Trainer:
    """Trains ``network`` in place on ``train`` = (x (n, n_in) float32, y (n,) int labels)."""

    checkpoint_every = 25  # batches between copies of the last good weights
    #: An optional watcher of the steps (``annviz.nn.doctor.Doctor``): on a step ≥ its
    #: ``next_step``, ``learn`` calls ``gradients(step, grad_w)`` before the update and
    #: ``updated(step, loss, update_arrays)`` after it — the arrays themselves, no copies.
    observer: StepObserver | None = None

    def __init__(self, network: Network, config: TrainConfig, train: tuple[np.ndarray, np.ndarray],
                 test: tuple[np.ndarray, np.ndarray] | None = None,
                 validation: tuple[np.ndarray, np.ndarray] | None = None,
                 augment_fn: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = None):
        self.network = network
        self.config = config.validate()
        self.train_x = np.ascontiguousarray(train[0], dtype=network.dtype)
        self.train_y = np.asarray(train[1], dtype=np.int64)
        if len(self.train_x) != len(self.train_y) or len(self.train_x) == 0:
            raise ValueError(f"{len(self.train_x)} training examples but {len(self.train_y)} labels")
        self.test = test
        self.validation = validation
        if config.augment and augment_fn is None:  # the data layer has it: annviz.nn never imports it
            raise ValueError("config.augment is on but no augment_fn was given "
                             "(annviz.recipes.build_trainer passes annviz.data.augment_batch)")
        self.augment_fn = augment_fn if config.augment else None
        self.loss = get_loss(config.loss, config.label_smoothing)
        self.optimizer = make_optimizer(config.optimizer, config.lr, config.momentum, config.weight_decay)
        self.base_lr = config.lr
        self.epochs = config.epochs
        self.rng = np.random.default_rng(config.seed)
        self.history = History()
        self._stop = False
        self._good = network.snapshot()
        self._start_loss: float | None = None
        self._smoothed: float | None = None
        self._progress: _EpochProgress | None = None  # the epoch under way
        self._batch_x: np.ndarray | None = None         # the buffer each batch is gathered into
        self._train_seconds = 0.0

    # --- control, callable between two batches (e.g. from another thread) -------------------

    def request_stop(self) -> None:
        self._stop = True

    def set_hyperparameters(self, lr: float | None = None, momentum: float | None = None,
                            weight_decay: float | None = None) -> None:
        """Change η, μ or λ for the following batches."""
        if lr is not None:
            if not (math.isfinite(lr) and lr > 0):
                raise ValueError(f"the learning rate must be a positive number, got {lr}")
            self.base_lr = lr
        if momentum is not None and hasattr(self.optimizer, "momentum"):
            self.optimizer.momentum = momentum
        if weight_decay is not None:
            self.optimizer.weight_decay = max(0.0, weight_decay)

    def set_start_loss(self, loss: float) -> None:
        """Judge divergence against ``loss`` — say the loss over every training example before a
        fine-tune — instead of the first batch's, which may be far easier than the rest."""
        self._start_loss = self._smoothed = float(loss)

    def add_epochs(self, n: int = 1) -> None:
        self.epochs += n

    def without_data(self) -> Trainer:
        """This trainer with its data let go of (to be sent to another process: the network,
        optimizer, history and random state are what a run is; the data is read again there).
        Nothing but ``with_data`` may follow, before training on."""
        self.train_x = self.train_y = np.empty(0, np.float32)
        self.test = self.validation = self._batch_x = None
        return self

    def with_data(self, train: tuple[np.ndarray, np.ndarray],
                  test: tuple[np.ndarray, np.ndarray] | None = None,
                  validation: tuple[np.ndarray, np.ndarray] | None = None) -> Trainer:
        """The data of ``without_data`` back: the same arrays give the same run, bit for bit."""
        self.train_x = np.ascontiguousarray(train[0], dtype=self.network.dtype)
        self.train_y = np.asarray(train[1], dtype=np.int64)
        self.test, self.validation = test, validation
        # Read-only arrays come out of a pickle backed by its bytes, never to be written again:
        # the last good weights are copied into arrays of their own (the checkpoints write there).
        weights, biases = self._good
        self._good = (tuple(a.copy() for a in weights), tuple(a.copy() for a in biases))
        for a in self._good[0] + self._good[1]:
            a.flags.writeable = False
        return self

    def state(self, mid_epoch: bool = False) -> TrainerState:
        """This run as it stands between two batches. In the middle of an epoch only when
        ``mid_epoch`` (the state then carries the epoch's order and running sums: the time
        machine keeps a few such early in a run, for the doctor's replays); otherwise raises
        ValueError there."""
        p = self._progress
        if p is not None and not mid_epoch:
            raise ValueError("a run can be saved only between two epochs")
        weights, biases = self.network.snapshot()
        same = all(np.array_equal(g, a) for g, a in zip(self._good[0] + self._good[1], weights + biases))
        progress = None if p is None else {
            "order": p.order.copy(), "batch_size": self.config.batch_size, "next_batch": p.next_batch,
            "loss_sum": p.loss_sum, "correct": p.correct, "seen": p.seen, "seconds": p.seconds}
        return TrainerState(weights, biases, self.optimizer.running_state(),
                            copy.deepcopy(dict(self.rng.bit_generator.state)), self.history.batches,
                            tuple(self.history.epochs),
                            None if same else copy.deepcopy(self._good), self._start_loss,
                            self._smoothed, self._train_seconds, progress)

    def restore(self, state: TrainerState) -> None:
        """Continue from ``state`` (made by a trainer of the same network shape and data): the
        next batch is the one that would have followed. η, μ, λ, the batch size and the epochs
        planned stay as this trainer's configuration says: that is how a run continues with other
        settings. A state from the middle of an epoch continues that epoch in its order, so it
        needs the batch size it was taken with (ValueError otherwise, before anything changes)."""
        p = state.epoch_progress
        if p is not None and p["batch_size"] != self.config.batch_size:
            raise ValueError(f"a state from the middle of an epoch continues only with its batch size "
                             f"({p['batch_size']}), not {self.config.batch_size}")
        self.network.set_parameters(state.weights, state.biases)
        self.optimizer.restore_running_state(state.optimizer)
        self.rng.bit_generator.state = copy.deepcopy(state.rng)
        # Between two epochs no batch is half-done: the batches done are the epochs done in this
        # trainer's batch size (the state's own count when it is the same; another when not).
        batches = len(state.epochs) * self.batches_per_epoch if state.epochs and p is None else state.batches
        self.history = History(BoundedSeries(start=batches), list(copy.deepcopy(state.epochs)))
        self._good = copy.deepcopy(state.good if state.good is not None else (state.weights, state.biases))
        self._start_loss, self._smoothed = state.start_loss, state.smoothed
        self._train_seconds = state.train_seconds
        self._progress = None if p is None else _EpochProgress(
            p["order"].copy(), p["next_batch"], p["loss_sum"], p["correct"], p["seen"], p["seconds"])

    @property
    def batches_per_epoch(self) -> int:
        return math.ceil(len(self.train_x) / self.config.batch_size)

    # --- the loop ----------------------------------------------------------------------------

    def run(self, callback: Callable[[BatchEvent], bool | None] | None = None) -> History:
        """Train to the end; ``callback`` after each batch may return False to stop."""
        for event in self.steps():
            if callback is not None and callback(event) is False:
                self.request_stop()
        return self.history

    def steps(self) -> Iterator[BatchEvent]:
        """Train one mini-batch per ``next()``. After a stop, calling it again continues the run
        where it was, in the middle of an epoch if need be.

        The bookkeeping lives here — batching, the learning-rate schedule, checkpoints, epochs,
        accounting; the learning itself is ``learn``.
        """
        cfg, hist = self.config, self.history
        bs, nb = cfg.batch_size, self.batches_per_epoch
        params = self.network.weights + self.network.biases
        hist.status, hist.stop_reason = "running", None
        step = hist.batches
        while len(hist.epochs) < self.epochs:
            epoch = len(hist.epochs)
            if self._progress is None:
                self._progress = _EpochProgress(self.rng.permutation(len(self.train_x)))
            p = self._progress
            while p.next_batch < nb:
                if self._stop:
                    hist.status, hist.stop_reason = "stopped", "stopped by request"
                    self._stop = False
                    return
                b = p.next_batch
                t0 = time.perf_counter()
                idx = p.order[b * bs:(b + 1) * bs]
                xb, yb = self._gather(idx), self.train_y[idx]
                if self.augment_fn is not None:
                    xb = self.augment_fn(xb, self.rng)
                lr = scheduled_lr(cfg.schedule, self.base_lr, step, self.epochs * nb)
                learned = self.learn(xb, yb, lr, step)
                if isinstance(learned, str):
                    self._diverged(learned, epoch, b + 1, lr)
                    return
                loss, out = learned
                p.seconds += time.perf_counter() - t0
                step += 1
                p.next_batch += 1
                p.loss_sum += loss * len(idx)
                p.correct += int((out.argmax(axis=1) == yb).sum())
                p.seen += len(idx)
                hist.batch_loss.append(step, loss)
                if step % self.checkpoint_every == 0 and self._healthy() and self._finite(params):
                    self._checkpoint()
                speed = p.seen / max(p.seconds, 1e-9)
                record = None
                if p.next_batch == nb:
                    self._progress = None
                    self._train_seconds += p.seconds
                    record = self._end_epoch(epoch, p.loss_sum / p.seen, p.correct / p.seen, speed,
                                             self._train_seconds)
                    if record is None:
                        self._diverged("became NaN or infinite", epoch, b + 1, lr)
                        return
                yield BatchEvent(epoch, b + 1, nb, step, loss, lr, speed, record)
        hist.status = "finished"

    def learn(self, x: np.ndarray, y: np.ndarray, lr: float, step: int) -> tuple[float, np.ndarray] | str:
        """One step of gradient descent on the mini-batch (x, y): forward → loss → backward → update.

        Returns (loss, output activations) — or, updating nothing, what went wrong: a loss that is
        not finite, or a smoothed loss that has climbed (see RISE_FACTOR). The gradients are not
        searched for infinities every step (that cost 4 % of a step): an infinite gradient makes
        the weights infinite, the next loss is then NaN, and the run goes back to the last good
        weights, which are only ever taken from finite ones.
        """
        net, cost = self.network, self.loss
        forward = net.forward(x)                                      # every layer's z and a
        out, out_activation = forward.output, net.layer_activations[-1]
        loss = cost.value(out, y, out_activation)                     # C, averaged over the batch
        delta = cost.delta(forward.zs[-1], out, y, out_activation)    # ∂C/∂z of the output layer
        grads = net.backprop(forward, delta)                          # ∂C/∂W, ∂C/∂b of every layer
        if not math.isfinite(loss):
            return "became NaN or infinite"
        if self._rising(loss, step):
            return f"rose to {self._smoothed:.3g} from {self._start_loss:.3g}"
        self.optimizer.lr = lr
        watch = self.observer        # the doctor (nn/doctor), on the steps it asks for
        if watch is not None and step < watch.next_step:
            watch = None
        if watch is not None:
            watch.gradients(step, grads.grad_w)      # before the update overwrites them
        self.optimizer.step(net.weights + net.biases, grads.grad_w + grads.grad_b, net.n_layers)
        if watch is not None:
            watch.updated(step, loss, self.optimizer.update_arrays(grads.grad_w + grads.grad_b))
        return loss, out

    # --- helpers -----------------------------------------------------------------------------

    def _gather(self, idx: np.ndarray) -> np.ndarray:
        """The training inputs ``idx`` in this trainer's batch buffer (valid until the next
        batch: nothing keeps a batch's inputs past its step)."""
        if self._batch_x is None or len(self._batch_x) < len(idx):
            self._batch_x = np.empty((self.config.batch_size, self.train_x.shape[1]), self.train_x.dtype)
        out = self._batch_x[:len(idx)]
        return np.take(self.train_x, idx, axis=0, out=out, mode="clip")  # idx is in range: no check

    @staticmethod
    def _finite(arrays: Iterable[np.ndarray]) -> bool:
        return all(math.isfinite(float(a.sum())) for a in arrays)

    def _rising(self, loss: float, step: int) -> bool:
        """Track the smoothed loss; True once it has climbed RISE_FACTOR × above its start.

        The start is the loss of the first batch, computed before any update was applied.
        """
        if self._start_loss is None or self._smoothed is None:    # (both set together)
            self._start_loss = self._smoothed = loss
            return False
        self._smoothed += SMOOTHING * (loss - self._smoothed)
        return step >= RISE_AFTER and self._smoothed > RISE_FACTOR * self._start_loss

    def _healthy(self) -> bool:
        return self._start_loss is None or self._smoothed is None or self._smoothed <= self._start_loss

    def _checkpoint(self) -> None:
        for dst, src in zip(self._good[0] + self._good[1], self.network.weights + self.network.biases):
            dst.flags.writeable = True
            np.copyto(dst, src)
            dst.flags.writeable = False

    def _diverged(self, what: str, epoch: int, batch: int, lr: float) -> None:  # what: see learn
        self.mark_diverged(DIVERGED_MESSAGE.format(what=what, epoch=epoch + 1, batch=batch, lr=lr),
                           self._good)

    def mark_diverged(self, reason: str, good: tuple) -> None:
        """The run made the network worse: back to ``good`` = (weights, biases), status "diverged".

        Also for whoever drives the loop and finds out afterwards (nn/baseline.py)."""
        self.network.set_parameters(*good)
        self._start_loss = self._smoothed = None  # a resumed run (say with a lower η) starts afresh
        self.history.status = "diverged"
        self.history.stop_reason = reason

    def _end_epoch(self, epoch: int, train_loss: float, train_acc: float, samples_per_s: float,
                   seconds: float) -> EpochRecord | None:
        if not self._finite(self.network.weights + self.network.biases):
            return None
        if self._healthy():
            self._checkpoint()
        record = EpochRecord(epoch + 1, float(train_loss), float(train_acc),
                             samples_per_s=float(samples_per_s), seconds=float(seconds))
        if self.validation is not None and len(self.validation[0]):
            record.val_loss, record.val_accuracy = evaluate(self.network, *self.validation, self.loss)
        if self.test is not None and len(self.test[0]):
            record.test_loss, record.test_accuracy = evaluate(self.network, *self.test, self.loss)
        self.history.epochs.append(record)
        return record
