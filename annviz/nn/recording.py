"""The time machine's film: moments of a training run, recorded as it trains.

A ``Moment`` is the network as it was after batch ``step`` (step 0: before the first), with the
epoch, the loss and the learning rate then. The ``Recorder`` takes exact float32 copies (a copy
costs the training thread ~25 µs per 100,000 weights, converting to float16 ~25 times that), and a
``Recording`` keeps the weights in float16 (``Recording.add`` converts; in the app that is the GUI
thread, on the other core): the pictures and the
predictions shown while scrubbing need no more (float16 keeps ~3 significant digits: a weight of
0.1234 comes back as 0.1234 ± 0.00003, relative error ≤ 2⁻¹¹ ≈ 0.05 %). Moments at the end of an
epoch also keep the full ``TrainerState`` (float32 weights, the optimizer's arrays, the shuffling
generator), so a new run can continue from them bit for bit. So do a few moments early in the
first epoch (``EARLY_STATE_EVERY``): the training doctor (nn/doctor) names most faults within the
first 200 batches, and "Replay with the fix" continues from the last full state before the fault
began.

Which batches: most change happens early, so the schedule is log-spaced — every batch at first,
then further and further apart (each at least ``ratio`` × the one before) — plus every epoch's
end. ``RecordSchedule.for_run`` picks the ratio that gives about ``target`` moments over the run
as planned; a run that goes on longer continues on the same spacing.

A ``Recording`` is the moments of one run with its configuration; ``Recordings`` keeps the last
runs of a session within a memory cap, thinning the oldest first (every other log-spaced moment;
epoch ends stay).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, DTypeLike

from annviz.nn.config import TrainConfig
from annviz.nn.history import History
from annviz.nn.trainer import BatchEvent, Trainer, TrainerState

TARGET_MOMENTS = 200
MAX_RUN_BYTES = 150 * 2**20      # one run, whatever its length (the bound for 784-128-64-10 × 20 epochs)
MAX_STATES = 64                  # epoch ends that keep the whole state, at most (older ones thinned)
PICTURE_DTYPE = np.float16
#: Early full states: every EARLY_STATE_EVERY batches of the first epoch, at most MAX_EARLY_STATES
#: of them (the first 512 batches: the doctor names most faults within 200), and together at most
#: EARLY_STATES_SHARE of MAX_RUN_BYTES (the state at batch 0 gives their size; 784-128-64-10 with
#: Adam on 60,000 examples: ~2.2 MB each, so 8 of them, the first 256 batches).
EARLY_STATE_EVERY = 32
MAX_EARLY_STATES = 16
EARLY_STATES_SHARE = 1 / 8


class RecordSchedule:
    """Which steps to record: 0, then log-spaced steps (ratio ``ratio``), and every epoch's end."""

    def __init__(self, ratio: float):
        if not ratio > 1:
            raise ValueError(f"the ratio must be above 1, got {ratio}")
        self.ratio = ratio
        self._next = 1            # the next log-spaced step

    @classmethod
    def for_run(cls, total_steps: int, target: int = TARGET_MOMENTS) -> RecordSchedule:
        """The schedule with about ``target`` log-spaced moments in ``total_steps`` (all of them
        when there are fewer steps than that)."""
        if total_steps <= target:
            return cls(1.0 + 1e-9)
        low, high = 1.0 + 1e-9, 2.0
        for _ in range(60):   # bisection: fewer moments as the ratio grows
            mid = (low + high) / 2
            if count_log_steps(mid, total_steps) >= target:
                low = mid
            else:
                high = mid
        return cls(low)

    def wants(self, step: int, epoch_end: bool = False) -> bool:
        """Should the moment after ``step`` be recorded? Call for every step, in order."""
        due = step >= self._next
        if due:
            self._next = next_log_step(step, self.ratio)
        return due or epoch_end or step == 0


def next_log_step(step: int, ratio: float) -> int:
    return max(step + 1, math.floor(step * ratio))


def count_log_steps(ratio: float, total_steps: int) -> int:
    n, step = 0, 1
    while step <= total_steps:
        n += 1
        step = next_log_step(step, ratio)
    return n


@dataclass(eq=False)   # compared by identity: its arrays have no single truth value
class Moment:
    step: int                          # batches done (0: before training)
    epoch: float                       # epochs done, fractional (step / batches per epoch)
    loss: float | None                 # the loss of batch ``step`` (None at step 0)
    lr: float
    weights: tuple[np.ndarray, ...]    # float16, read-only
    biases: tuple[np.ndarray, ...]
    state: TrainerState | None = None  # at an epoch's end (and a few early): everything to continue from here
    own_bytes: int = field(init=False, repr=False)   # of the pictures (counted once: asked often)

    def __post_init__(self) -> None:
        self.own_bytes = sum(a.nbytes for a in self.weights + self.biases)

    @property
    def nbytes(self) -> int:
        return self.own_bytes + (self.state.nbytes if self.state is not None else 0)

    def parameters(self, dtype: DTypeLike = np.float32) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The weights and biases as ``dtype`` arrays (the exact float32 ones where kept)."""
        if self.state is not None:
            return [w.astype(dtype) for w in self.state.weights], [b.astype(dtype) for b in self.state.biases]
        return [w.astype(dtype) for w in self.weights], [b.astype(dtype) for b in self.biases]


def picture_copy(arrays: Iterable[ArrayLike], dtype: DTypeLike = PICTURE_DTYPE) -> tuple[np.ndarray, ...]:
    """Read-only copies of ``arrays`` as ``dtype``. A weight beyond what float16 holds (±65504: a
    run diverging) is kept as that largest value, and NaN as 0, so a picture is always finite
    (a file holding infinities is refused when read)."""
    if np.dtype(dtype) == PICTURE_DTYPE:
        top = float(np.finfo(PICTURE_DTYPE).max)
        copies = tuple(np.nan_to_num(np.clip(a, -top, top), nan=0.0).astype(dtype) for a in arrays)
    else:
        copies = tuple(np.array(a, dtype=dtype) for a in arrays)
    for a in copies:
        a.flags.writeable = False
    return copies


class Recorder:
    """Watches one trainer's run and makes the moments its schedule asks for (``early_states``:
    also the full state every EARLY_STATE_EVERY batches early in the first epoch)."""

    def __init__(self, trainer: Trainer, target: int = TARGET_MOMENTS, early_states: bool = True):
        self.trainer = trainer
        self.schedule = RecordSchedule.for_run(trainer.epochs * trainer.batches_per_epoch, target)
        self.early_left = MAX_EARLY_STATES if early_states else 0

    def start(self) -> Moment | None:
        """The moment before the next batch: step 0 of a new run (None when continuing)."""
        if self.trainer.history.batches:
            self.early_left = 0     # a continued run: its first epoch was its own run's
            return None
        self.schedule.wants(0)
        first = self._moment(0, 0.0, None, self.trainer.base_lr, with_state=True)
        state_bytes = first.state.nbytes if first.state is not None else 0   # (it has one: with_state)
        share = int(EARLY_STATES_SHARE * MAX_RUN_BYTES) // max(state_bytes, 1)
        self.early_left = min(self.early_left, share)
        return first

    def observe(self, event: BatchEvent) -> Moment | None:
        """After each batch: the moment to record, or None."""
        epoch_end = event.epoch_record is not None
        early = (self.early_left > 0 and event.epoch == 0 and not epoch_end
                 and event.step % EARLY_STATE_EVERY == 0)
        if not self.schedule.wants(event.step, epoch_end) and not early:
            return None
        if early:
            self.early_left -= 1
        epoch = event.epoch + event.batch / event.batches_per_epoch
        return self._moment(event.step, epoch, event.loss, event.lr, with_state=epoch_end or early)

    def _moment(self, step: int, epoch: float, loss: float | None, lr: float, with_state: bool) -> Moment:
        net = self.trainer.network
        state = self.trainer.state(mid_epoch=True) if with_state else None
        return Moment(step, float(epoch), None if loss is None else float(loss), float(lr),
                      picture_copy(net.weights, np.float32), picture_copy(net.biases, np.float32), state)


@dataclass(eq=False)
class Recording:
    """The moments of one run, in order, with what it was trained with."""

    config: TrainConfig
    sizes: list[int]
    activations: list[str]
    class_names: list[str]
    batches_per_epoch: int
    moments: list[Moment] = field(default_factory=list)
    exact: bool = True                 # False once η, μ or λ changed during the run
    blas_threads: int = 1              # the thread count it was trained with (bits depend on it)
    blas_library: str = ""             # and the BLAS library (e.g. "openblas 0.3.27 Haswell"), if known
    label: str = ""                    # what tells it apart from the other runs (set by Recordings)
    continued_from: float | None = None  # the epoch of another run it was continued from
    history: History | None = None     # the run's history once it has ended
    diagnoses: list = field(default_factory=list)   # the doctor's (nn/doctor); saved (nn/doctor/stored.py)

    def __post_init__(self) -> None:
        self._recount()

    def _recount(self) -> None:
        """The running totals ``add`` keeps up to date (counting them anew at every add made
        loading 20,000 moments take a minute: quadratic)."""
        self._nbytes = sum(m.nbytes for m in self.moments)
        self._n_states = sum(m.state is not None for m in self.moments)

    @classmethod
    def of(cls, trainer: Trainer, class_names: Iterable[str], blas_threads: int = 1, blas_library: str = "") -> Recording:
        """An empty recording of ``trainer``'s run."""
        net = trainer.network
        return cls(trainer.config, list(net.sizes), list(net.activation_names), list(class_names),
                   trainer.batches_per_epoch, blas_threads=blas_threads, blas_library=blas_library)

    def add(self, moment: Moment) -> None:
        """Append the next moment; a run that outgrows MAX_RUN_BYTES is thinned."""
        if self.moments and moment.step <= self.moments[-1].step:
            raise ValueError(f"moment {moment.step} comes after {self.moments[-1].step}")
        if any(a.dtype != PICTURE_DTYPE for a in moment.weights + moment.biases):
            moment = replace(moment, weights=picture_copy(moment.weights), biases=picture_copy(moment.biases))
        self.moments.append(moment)
        self._nbytes += moment.nbytes
        self._n_states += moment.state is not None
        if moment.state is not None and self._n_states > MAX_STATES:
            thin_states(self.moments)
            self._recount()
        while self.nbytes > MAX_RUN_BYTES and self.thin():
            pass

    @property
    def nbytes(self) -> int:
        return self._nbytes

    def steps(self) -> np.ndarray:
        return np.array([m.step for m in self.moments], dtype=np.int64)

    def nearest(self, step: int) -> Moment:
        """The moment recorded at or just before ``step`` (the first if none is)."""
        i = int(np.searchsorted(self.steps(), step, side="right")) - 1
        return self.moments[max(i, 0)]

    def thin(self) -> bool:
        """Make room: drop every other moment that has no state (the first and last stay); when
        none is left to drop, every other epoch end forgets its state (its pictures stay).
        False when nothing more can go."""
        kept = thin_pictures(self.moments)
        if kept is not None:
            self.moments = kept
            self._recount()
            return True
        thinned = thin_states(self.moments)
        self._recount()
        return thinned


# The thinning rules, for the moments of a Recording and for a recording streamed to disk
# (runwriter.RecordingWriter): anything with ``state`` (None or not, assignable) will do.

def thin_pictures(moments: list) -> list | None:
    """``moments`` without every other one that has no state (the first and last stay), or None
    when there is none to drop."""
    last = len(moments) - 1
    inner = [i for i, m in enumerate(moments) if m.state is None and 0 < i < last]
    if not inner:
        return None
    drop = set(inner[::2])
    return [m for i, m in enumerate(moments) if i not in drop]


def thin_states(moments: list) -> bool:
    """Every other epoch end between the first and the last forgets its state; False if none had one."""
    stated = [m for m in moments[1:-1] if m.state is not None]
    for m in stated[::2]:
        m.state = None
    return bool(stated)


class Recordings:
    """The last runs of a session, newest last, together within ``cap_bytes``."""

    def __init__(self, keep: int = 6, cap_bytes: int = 400 * 2**20):
        self.keep, self.cap_bytes = keep, cap_bytes
        self.runs: list[Recording] = []

    def add(self, run: Recording) -> None:
        self.runs.append(run)
        del self.runs[:-self.keep]
        self.runs_changed()

    def runs_changed(self) -> None:
        """Call after a run grew: older runs are thinned (oldest first) until all fit the cap."""
        for run in self.runs:
            label = differences(run.config, [r.config for r in self.runs if r is not run])
            if run.continued_from is not None:
                label = ", ".join(filter(None, [label, f"from epoch {run.continued_from:g}"]))
            run.label = label
        for run in self.runs[:-1]:
            while self.nbytes > self.cap_bytes and run.thin():
                pass

    @property
    def nbytes(self) -> int:
        return sum(r.nbytes for r in self.runs)


LABELLED_FIELDS = ("hidden", "activation", "optimizer", "lr", "batch_size", "epochs", "loss",
                   "momentum", "weight_decay", "schedule", "augment", "init", "seed", "n_train",
                   "dataset")


def differences(config: TrainConfig, others: list[TrainConfig]) -> str:
    """What sets ``config`` apart from ``others``: e.g. "η 0.5, sigmoid" (empty if nothing)."""
    parts = []
    for name in LABELLED_FIELDS:
        value = getattr(config, name)
        if any(getattr(o, name) != value for o in others):
            parts.append(describe(name, value))
    return ", ".join(parts)


def describe(name: str, value: Any) -> str:
    if name == "hidden":
        return "layers " + ("-".join(map(str, value)) or "none")
    symbols = {"lr": "η", "momentum": "μ", "weight_decay": "λ", "batch_size": "batch"}
    if name in symbols:
        return f"{symbols[name]} {value:g}"
    if isinstance(value, bool):
        return f"{name} {'on' if value else 'off'}"
    if name in ("activation", "optimizer", "loss", "schedule", "init", "dataset"):
        return str(value)
    return f"{name.replace('_', ' ')} {value}"
