"""The doctor: watches one trainer's run and names what goes wrong.

    doctor = Doctor(trainer)          # attaches itself as the trainer's observer
    for event in trainer.steps():
        ...
    diagnoses = doctor.finish()       # also the divergence the trainer stopped on, the last epoch

The trainer calls ``gradients`` and ``updated`` from ``Trainer.learn`` on the steps at or after
``next_step`` (see ``trainer.Trainer.observer``); everything here runs in the training thread,
takes no copy of the weights, and keeps bounded memory. What it costs is a schedule: every
batch at first (where most faults show), then one in ``stride(batch)``; a probe (one forward
pass over ``PROBE_SIZE`` fixed training examples) every ``probe_every(batch)`` batches.
``tests/benchmarks/bench_doctor.py`` measures the time spent here against the training time.

A diagnosis is named at most once per kind and run (``diagnoses`` keeps them in the order they
were named). The doctor never stops a run: divergence is the trainer's to stop. Like the trainer,
it belongs to the thread that trains: read ``diagnoses`` there (in the app, the worker sends
copies; a ``Diagnosis`` is frozen plain data).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from annviz.nn.doctor import rules
from annviz.nn.doctor.diagnosis import Diagnosis, Fix
from annviz.nn.doctor.signals import ProbeSample, S, Series, StepSample, probe, squared_norms, step_sample

if TYPE_CHECKING:   # the trainer calls in; nothing here makes one
    from annviz.nn.trainer import Trainer

PROBE_SIZE = 128       # examples in the probe batch (dead and saturated units, accuracy)
CHECK_EVERY = 4        # step samples between two checks (in the first 256 batches: each)
NEVER = 2**62


def stride(batch: int) -> int:
    """Batches between two step samples after ``batch``."""
    return 1 if batch < 32 else 16 if batch < 256 else 32 if batch < 4096 else 64


def probe_every(batch: int) -> int:
    return 32 if batch <= 256 else 512


def first_step_ratio(update_sq: list[float], weight_sq: list[float]) -> float:
    """The largest layer's ‖ΔW‖ / ‖W‖ with W before the step: for SGD, momentum and Adam alike
    the first step is η times something that does not depend on η, so this ratio is proportional
    to η (``rules.lr_fix`` scales η by it). NaN when it is not a number (an overflow, W = 0)."""
    ratios = [math.sqrt(u / w) for u, w in zip(update_sq, weight_sq) if w > 0 and math.isfinite(u / w)]
    return max(ratios) if ratios and len(ratios) == len(weight_sq) else math.nan


class Doctor:
    """Watches ``trainer`` (attached at once; ``detach`` lets go)."""

    def __init__(self, trainer: Trainer, probe_size: int = PROBE_SIZE, seed: int = 0) -> None:
        self.trainer = trainer
        self.network = trainer.network
        self.config = trainer.config
        self.n_classes = self.network.sizes[-1]
        x, y = trainer.train_x, trainer.train_y
        idx = np.sort(np.random.default_rng(seed).choice(len(x), min(probe_size, len(x)), replace=False))
        self.probe_x, self.probe_y = x[idx], y[idx]          # fancy indexing: copies
        self.steps: Series[StepSample] = Series()
        self.probes: Series[ProbeSample] = Series()
        self.named: dict[str, Diagnosis] = {}
        self.start_losses: list[float] = []   # the first WINDOW sampled losses
        self._grad_sq: list[float] = []
        self._first_weight_sq: list[float] | None = None
        self.first_ratio: float | None = None  # the first watched step's ‖ΔW‖/‖W before‖ (largest layer)
        self._epochs_seen = len(trainer.history.epochs)
        self._now = 0
        self._samples = 0
        self.next_step = 0   # the trainer's learn() calls in on steps ≥ this (0-based)
        trainer.observer = self

    def detach(self) -> None:
        if self.trainer.observer is self:
            self.trainer.observer = None

    @property
    def lr(self) -> float:
        return self.trainer.base_lr

    @property
    def first_loss(self) -> float | None:
        """The loss of the first batch watched (before its update): the start of a climb."""
        return self.start_losses[0] if self.start_losses else None

    @property
    def start_loss(self) -> float | None:
        """The median loss of the first WINDOW batches watched: a steadier start."""
        return rules.median(self.start_losses) if len(self.start_losses) == rules.WINDOW else None

    @property
    def diagnoses(self) -> list[Diagnosis]:
        return list(self.named.values())

    # --- called by Trainer.learn ------------------------------------------------------------

    def gradients(self, step: int, grad_w: list[np.ndarray]) -> None:
        """Before the update: ‖∇W‖² of each layer (the optimizer overwrites the gradients)."""
        self._grad_sq = squared_norms(grad_w)
        if self._first_weight_sq is None:
            self._first_weight_sq = squared_norms(self.network.weights)

    def updated(self, step: int, loss: float, updates: list[np.ndarray]) -> None:
        """After the update of batch ``step + 1``: ``updates`` hold each parameter's change."""
        batch = self._now = step + 1
        net = self.network
        weight_sq = squared_norms(net.weights)
        update_sq = squared_norms(updates[: net.n_layers])
        self.next_step = (batch // stride(batch) + 1) * stride(batch) - 1
        if self.first_ratio is None and self._first_weight_sq is not None:
            self.first_ratio = first_step_ratio(update_sq, self._first_weight_sq)
            if not math.isfinite(self.first_ratio) and self.config.optimizer in ("sgd", "momentum"):
                # the step overflowed; SGD's first step is −η ∇W (momentum's too: v starts at 0)
                self.first_ratio = max((self.lr * math.sqrt(g / w) for g, w in
                                        zip(self._grad_sq, self._first_weight_sq) if w > 0),
                                       default=math.nan)
        if not all(math.isfinite(w) for w in weight_sq):
            self._name_diverged(batch, "weights")
            return
        self.steps.add(step_sample(batch, loss, self._grad_sq, update_sq, weight_sq))
        self._samples += 1
        if len(self.start_losses) < rules.WINDOW:   # where the loss started
            self.start_losses.append(float(loss))
        probed = batch % probe_every(batch) == 0
        if probed:
            self.probes.add(probe(net, self.probe_x, self.probe_y, batch))
            if not self.probes[-1].finite:
                self._name_diverged(batch, "outputs")
                return
        if batch < 256 or self._samples % CHECK_EVERY == 0:
            self._check(rules.STEP_CHECKS)
        if probed:
            self._check(rules.PROBE_CHECKS)

    # --- the verdicts ------------------------------------------------------------------------

    def finish(self) -> list[Diagnosis]:
        """After the trainer's loop ends (or pauses): the epochs not yet judged, and a
        divergence the trainer stopped the run on. Returns every diagnosis so far."""
        self._check_epochs()
        hist = self.trainer.history
        if hist.status == "diverged" and "diverged" not in self.named:
            batch = hist.batches + 1   # the batch the trainer refused
            self._now = max(self._now, batch)
            if "NaN" in (hist.stop_reason or ""):
                self._name_diverged(batch, "loss")
            elif "lr_too_high" not in self.named:
                self._add(rules.trainer_stopped_climbing(self, batch))
        return self.diagnoses

    def _check(self, checks: Iterable[Callable[[Doctor], Diagnosis | None]]) -> None:
        for check in checks:
            code = check.__name__
            if code not in self.named and not any(c in self.named for c in rules.EXPLAINED_BY.get(code, ())):
                self._add(check(self))
        self._check_epochs()

    def _check_epochs(self) -> None:
        epochs = self.trainer.history.epochs
        while self._epochs_seen < len(epochs):
            self._epochs_seen += 1
            if "overfitting" not in self.named:
                self._add(rules.overfitting(self, epochs[: self._epochs_seen],
                                            self.trainer.batches_per_epoch))

    def _name_diverged(self, batch: int, what: str) -> None:
        self.next_step = NEVER
        if "diverged" not in self.named:
            self._add(rules.diverged(self, batch, what))

    def _add(self, diagnosis: Diagnosis | None) -> None:
        if diagnosis is not None and diagnosis.code not in self.named:
            self.named[diagnosis.code] = diagnosis

    # --- helpers for the rules ---------------------------------------------------------------

    def diagnosis(self, code: str, batch: int, evidence: dict[str, Any], fixes: tuple[Fix, ...],
                  named_at: int | None = None) -> Diagnosis:
        return Diagnosis(code, int(batch), int(self._now if named_at is None else named_at),
                         evidence, tuple(fixes))

    @staticmethod
    def onset(samples: Sequence[S], holds: Callable[[S], bool]) -> S:
        """Where the newest run of samples for which ``holds`` is true began: from the newest
        sample that holds (a verdict on a window's median may not hold for the very newest),
        back as long as it holds."""
        i = len(samples) - 1
        while i > 0 and not holds(samples[i]):
            i -= 1
        while i > 0 and holds(samples[i - 1]):
            i -= 1
        return samples[i]

    def index_after(self, batch: int) -> int:
        """How many step samples were taken at or before ``batch``."""
        return bisect.bisect_right(self.steps, batch, key=lambda s: s.batch)
