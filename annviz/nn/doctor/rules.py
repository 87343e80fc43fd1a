"""When the doctor names a fault: the thresholds, where each comes from, and the checks.

Each check reads the doctor's samples (``signals.py``) and returns a ``Diagnosis`` or None. A
verdict always rests on several samples (a window of ``WINDOW`` step samples, or two probes in
a row), so one unlucky batch never names anything. The thresholds, with their sources and the
figures measured on annviz's own runs that placed them (``tests/benchmarks/bench_doctor.py``
re-measures both sides: the broken runs must be caught, the healthy presets left alone):

- **Update/weight ratio** ‖ΔW‖/‖W‖ per step. Karpathy (CS231n, "Neural Networks Part 3",
  *ratio of weights:updates*) gives ~1e-3 as a rough healthy value; Goodfellow, Bengio and
  Courville (*Deep Learning*, §8.1.3 and 11.5) explain the too-high/too-low shapes of the loss.
  Windowed medians for the largest layer, first 200 batches: the healthy presets and
  ``annviz train``'s defaults 0.004–0.11 (SGD at η = 0.5 or 0.2 takes big early steps), η ÷ 1000
  1e-5–1e-4, η × 100 0.2–1. So "far above" is ``HIGH_RATIO`` = 0.3 and "far below"
  ``LOW_RATIO`` = 1e-3 (Karpathy's value: healthy runs start 4× above it, the slow ones 10×
  below; late in a healthy Adam run it falls to 6e-4, which the loss guard below covers).
- **The loss climbs**: a windowed median above ``CLIMB`` = 1.5 × the first batch's loss — the
  trainer's own divergence rule (``trainer.RISE_FACTOR``). **Barely moves**: the windowed median
  still ≥ ``STILL`` = 90 % of the first window's after ``SLOW_AFTER`` = 100 batches. The ratio
  is what tells a small η; the loss is the guard for late in a healthy run, when the steps have
  shrunk below 1e-3 but the loss has long fallen.
- **Vanishing gradients**: ‖∇W‖ of the first layer below ``VANISH`` = 1e-2 × the last layer's.
  Glorot and Bengio (2010, *Understanding the difficulty of training deep feedforward neural
  networks*) and Hochreiter (1991) show each sigmoid layer multiplying the gradient by σ' ≤ ¼:
  a 7-layer sigmoid net measures 5e-4–1e-3; the healthy presets 0.16–10.
- **Dead ReLU**: ``DEAD`` = half of a ReLU layer's units output 0 on every probe example, two
  probes in a row. "Most units dead" is the issue's words; Lu et al. (2019, *Dying ReLU and
  initialization*) and Karpathy's CS231n notes ("as much as 40 % of your network can be dead")
  describe it. The healthy ReLU preset: ≤ 13 % in any layer; a run that kills them: 75–100 %.
- **Saturated**: ``SATURATED`` = half of a sigmoid/tanh layer's units at a flat end for ≥ 90 %
  of the probe (the issue's |a − ½| > 0.49, |a| > 0.98), two probes in a row. LeCun et al.
  (1998, *Efficient BackProp*, §4.4) and Glorot and Bengio (2010) on saturated units. The
  lecture notes' network after 10 epochs: ≤ 19 % of its units (though 85 % of its outputs).
- **Stuck**: the probe's accuracy at most ``STUCK_MARGIN`` = 10 points above chance (1 / the
  classes), two probes in a row, from ``STUCK_AFTER`` = 150 batches (the healthy runs are at
  41–94 % by batch 128; the notes' network is the slowest, at 9–20 % until batch 64).
- **Overfitting**: on the validation split only (never the test set), at an epoch's end:
  training accuracy ``GAP`` = 5 points above validation accuracy, validation no better than its
  best of an earlier epoch by more than ``STALL`` = 1 point, and the gap wider than at that best
  epoch. Prechelt (1998, *Early stopping — but when?*) stops on the same signal; the healthy
  presets keep a gap of ≤ 1.5 points (validation share 1/12).

The fixes' η (``lr_fix``): a lowered η gives the first step an update/weight ratio of
``FIRST_TARGET`` = 0.1, just above the healthy presets' first steps (0.007–0.08, measured against
the weights before the step), rounded down to 1, 2 or 5 × 10ᵏ. Measured on 3,000 digits, 200
batches, each replayed from batch 0 with the fix: the "too high" preset (η = 1000, squared error)
→ η = 10, 77 % on 1,000 test digits; the notes' network at η = 50 or 10⁴ → 0.5, 64 %; at 10³⁰⁰
(weights overflow at batch 1: ``diverged``) → 0.5; the linear classifier at η = 20 → 0.2, 87 %;
a ReLU network with SGD at η = 10 → 0.2, 82 %, with momentum at η = 5 → 0.1, 84 %; none of the
replays named anything. (At 0.05: the same or 5–10 points lower.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar

from annviz.nn.config import TrainConfig
from annviz.nn.doctor.diagnosis import Diagnosis, Fix, nice, round_sig, series
from annviz.nn.doctor.signals import ProbeSample, Series, StepSample
from annviz.nn.history import EpochRecord

WINDOW = 8               # step samples a ratio or loss verdict rests on
HIGH_RATIO = 0.3
LOW_RATIO = 1e-3
CLIMB = 1.5
STILL = 0.9
SLOW_AFTER = 100
VANISH = 1e-2
DEAD = 0.5
SATURATED = 0.5
STUCK_MARGIN = 0.1
STUCK_AFTER = 150
GAP = 0.05
STALL = 0.01
TARGET_RATIO = 0.02      # a fix of η aims here: about the middle of the healthy 0.004–0.11
FIRST_TARGET = 0.1       # … and a lowered η's first step here (the healthy presets: 0.007–0.08)
#: The highest η the ReLU fix keeps, by optimizer: measured on a 7-layer (6 × 32) ReLU network
#: with He's initialisation, 3,000 MNIST digits, batches of 10, 300 batches — SGD: η = 0.5 kills
#: the units (10 %), 0.2 → 50 %, 0.1 → 66 %, 0.05 → 71 %; momentum 0.9: 0.005 → 69 %; Adam:
#: 0.001 → 79 %.
RELU_LR = {"sgd": 0.05, "momentum": 0.005, "adam": 0.001}

S = TypeVar("S")


class Chart(Protocol):
    """What the checks read of the doctor (``doctor.Doctor`` is one; it imports this module)."""

    config: TrainConfig
    steps: Series[StepSample]
    probes: Series[ProbeSample]
    named: dict[str, Diagnosis]
    n_classes: int
    first_ratio: float | None

    @property
    def lr(self) -> float: ...
    @property
    def first_loss(self) -> float | None: ...
    @property
    def start_loss(self) -> float | None: ...
    def diagnosis(self, code: str, batch: int, evidence: dict[str, Any], fixes: tuple[Fix, ...],
                  named_at: int | None = None) -> Diagnosis: ...
    def onset(self, samples: Sequence[S], holds: Callable[[S], bool]) -> S: ...
    def index_after(self, batch: int) -> int: ...


def median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else 0.5 * (ordered[n // 2 - 1] + ordered[n // 2])


# --- the fixes -------------------------------------------------------------------------------

def lr_fix(doc: Chart, ratio: float, lower: bool) -> Fix:
    """η scaled to bring the update/weight ratio to TARGET_RATIO, rounded to 1, 2 or 5 × 10ᵏ.

    Raised: by the windowed ``ratio``, at least 10× and at most 1000×. Lowered: at least 10×,
    and, where the run's own numbers say more, as far as the smaller of two estimates — the
    windowed ``ratio`` (at most 1000× lower: measured after big steps it saturates near 1, or
    near 0 once the units are at a flat end) and the first step's ratio to the weights before it
    (``Doctor.first_ratio``), which is proportional to η for SGD, momentum and Adam alike: η ×
    FIRST_TARGET / first_ratio gives a first step of the size a healthy run takes, however far
    off η was (η = 1000 with squared error → about 5; η = 50 for the notes' network → 0.5)."""
    if not lower:
        factor = TARGET_RATIO / ratio if math.isfinite(ratio) and ratio > 0 else 10.0
        return Fix({"lr": nice(doc.lr * min(max(factor, 10.0), 1e3))})
    factor = max(TARGET_RATIO / ratio, 1e-3) if math.isfinite(ratio) and ratio > 0 else 0.1
    first = getattr(doc, "first_ratio", None)
    if first is not None and math.isfinite(first) and first > 0:
        factor = min(factor, FIRST_TARGET / first)
    lr = doc.lr * min(factor, 0.1)
    # η × 0.1 underflows to 0 for an η below 5e-323 (a positive number a setting may hold)
    return Fix({"lr": nice(lr if lr > 0 and math.isfinite(lr) else max(doc.lr * 0.1, math.ulp(0.0)), down=True)})


def relu_fix(doc: Chart) -> Fix:
    """ReLU in the hidden layers, He's initialisation — and η no higher than RELU_LR: a sigmoid
    network's η is often too high for ReLUs (SGD at the notes' η = 0.5 kills most of a 7-layer
    ReLU network's units at once; at 0.05 it learns)."""
    settings: dict[str, object] = {"activation": "relu", "init": "he"}
    if doc.config.hidden_activations:
        settings["hidden_activations"] = ()
    cap = RELU_LR.get(doc.config.optimizer)
    if cap is not None and doc.lr > cap:
        settings["lr"] = cap
    return Fix(settings)


def adam_fix(doc: Chart) -> Fix | None:
    return None if doc.config.optimizer == "adam" else Fix({"optimizer": "adam", "lr": 0.001})


def fixes(*candidates: Fix | None) -> tuple[Fix, ...]:
    return tuple(f for f in candidates if f is not None)[:2]


# --- the checks ------------------------------------------------------------------------------

def lr_too_high(doc: Chart) -> Diagnosis | None:
    w = doc.steps[-WINDOW:]
    if len(w) < WINDOW or doc.first_loss is None:
        return None
    loss, ratio = median(s.loss for s in w), median(s.top_ratio for s in w)
    climbed, big = loss > CLIMB * doc.first_loss, ratio > HIGH_RATIO
    if not (climbed or big):
        return None
    if climbed:
        limit = CLIMB * doc.first_loss
        onset = doc.onset(doc.steps, lambda s: s.loss > limit)
        plot = series("loss", [(s.batch, s.loss) for s in doc.steps], limit)
    else:
        onset = doc.onset(doc.steps, lambda s: s.top_ratio > HIGH_RATIO)
        plot = series("update/weight ratio", [(s.batch, s.top_ratio) for s in doc.steps], HIGH_RATIO)
    layer = max(range(len(w[-1].ratio)), key=lambda l: median(s.ratio[l] for s in w))
    return doc.diagnosis("lr_too_high", onset.batch, {
        "sign": "loss" if climbed else "steps",       # which text explains it (texts.SIGN_TEXTS)
        "ratio": round_sig(ratio), "layer": layer + 1, "loss": round_sig(loss),
        "first_loss": round_sig(doc.first_loss), "lr": doc.lr, "series": plot,
    }, fixes(lr_fix(doc, ratio, lower=True), adam_fix(doc)))


def trainer_stopped_climbing(doc: Chart, batch: int) -> Diagnosis:
    """The trainer stopped the run because its smoothed loss climbed: η too high."""
    ratio = median(s.top_ratio for s in doc.steps[-WINDOW:]) if doc.steps else math.nan
    loss = doc.steps[-1].loss if doc.steps else math.nan
    return doc.diagnosis("lr_too_high", batch, {
        "sign": "loss", "ratio": round_sig(ratio), "layer": 0, "loss": round_sig(loss),
        "first_loss": round_sig(doc.first_loss if doc.first_loss is not None else math.nan),
        "lr": doc.lr, "series": series("loss", [(s.batch, s.loss) for s in doc.steps]),
    }, fixes(lr_fix(doc, ratio, lower=True), adam_fix(doc)))


def diverged(doc: Chart, batch: int, what: str) -> Diagnosis:
    return doc.diagnosis("diverged", batch, {
        "what": what, "lr": doc.lr,
        "last_loss": round_sig(doc.steps[-1].loss) if doc.steps else None,
        "series": series("loss", [(s.batch, s.loss) for s in doc.steps]),
    }, fixes(lr_fix(doc, math.nan, lower=True), adam_fix(doc)))


def lr_too_low(doc: Chart) -> Diagnosis | None:
    w = doc.steps[-WINDOW:]
    if len(w) < WINDOW or doc.start_loss is None or w[-1].batch < SLOW_AFTER:
        return None
    loss, ratio = median(s.loss for s in w), median(s.top_ratio for s in w)
    if not (ratio < LOW_RATIO and loss >= STILL * doc.start_loss):
        return None
    onset = doc.onset(doc.steps, lambda s: s.top_ratio < LOW_RATIO)
    return doc.diagnosis("lr_too_low", onset.batch, {
        "ratio": round_sig(ratio), "loss": round_sig(loss), "first_loss": round_sig(doc.start_loss),
        "lr": doc.lr,
        "series": series("update/weight ratio", [(s.batch, s.top_ratio) for s in doc.steps], LOW_RATIO),
    }, (lr_fix(doc, ratio, lower=False),))


def gradient_ratio(sample: StepSample) -> float:
    first, last = sample.grad_norm[0], sample.grad_norm[-1]
    return first / last if last > 0 and math.isfinite(first / last) else math.nan


def vanishing_gradients(doc: Chart) -> Diagnosis | None:
    if len(doc.config.hidden) < 2:
        return None
    values = [r for r in (gradient_ratio(s) for s in doc.steps[-WINDOW:]) if not math.isnan(r)]
    if len(doc.steps) < WINDOW or len(values) < WINDOW // 2 or median(values) >= VANISH:
        return None
    w = doc.steps[-WINDOW:]
    onset = doc.onset(doc.steps, lambda s: gradient_ratio(s) < VANISH)
    per_layer = [round_sig(median(s.grad_norm[l] for s in w)) for l in range(len(w[-1].grad_norm))]
    candidates = [relu_fix(doc)] if doc.config.layer_activations()[0] in ("sigmoid", "tanh") else []
    if len(doc.config.hidden) > 2:
        candidates.append(Fix({"hidden": tuple(doc.config.hidden[:2])}))
    return doc.diagnosis("vanishing_gradients", onset.batch, {
        "gradient_ratio": round_sig(median(values)), "gradient_norms": per_layer,
        "layers": len(per_layer),
        "series": series("first layer's gradient ÷ last layer's",
                         [(s.batch, gradient_ratio(s)) for s in doc.steps], VANISH),
    }, fixes(*candidates))


def _probe_share(doc: Chart, code: str, attribute: str, threshold: float) -> Diagnosis | None:
    if len(doc.probes) < 2:
        return None
    last, before = (getattr(p, attribute) for p in doc.probes[-2:][::-1])
    layers = [l for l, (a, b) in enumerate(zip(last, before))
              if a is not None and b is not None and a >= threshold and b >= threshold]
    if not layers:
        return None
    layer = max(layers, key=lambda l: last[l])
    onset = doc.onset(doc.probes, lambda p: getattr(p, attribute)[layer] >= threshold)
    high = any(s.top_ratio > HIGH_RATIO for s in doc.steps[: doc.index_after(onset.batch)])
    if code == "dead_relu":
        candidates = [Fix({"init": "he"}), Fix({"activation": "leaky_relu"})]
    else:
        candidates = [relu_fix(doc)]
    if high:   # big steps threw the units there: a lower η first
        candidates.insert(0, lr_fix(doc, median(s.top_ratio for s in doc.steps[:WINDOW]), lower=True))
    return doc.diagnosis(code, onset.batch, {
        "share": round_sig(last[layer]), "layer": layer + 1,
        "shares": [None if v is None else round_sig(v) for v in last],
        "series": series(f"share of layer {layer + 1}'s units",
                         [(p.batch, getattr(p, attribute)[layer]) for p in doc.probes], threshold),
    }, fixes(*candidates))


def dead_relu(doc: Chart) -> Diagnosis | None:
    return _probe_share(doc, "dead_relu", "dead", DEAD)


def saturated(doc: Chart) -> Diagnosis | None:
    return _probe_share(doc, "saturated", "saturated", SATURATED)


def stuck(doc: Chart) -> Diagnosis | None:
    chance = 1 / doc.n_classes
    near = chance + STUCK_MARGIN
    if len(doc.probes) < 2 or doc.probes[-2].batch < STUCK_AFTER:
        return None
    if not all(p.accuracy <= near for p in doc.probes[-2:]):
        return None
    onset = doc.onset(doc.probes, lambda p: p.accuracy <= near)
    return doc.diagnosis("stuck", onset.batch, {
        "accuracy": round_sig(doc.probes[-1].accuracy), "chance": round_sig(chance),
        "series": series("accuracy on the probe", [(p.batch, p.accuracy) for p in doc.probes], near),
    }, stuck_fixes(doc))


def stuck_fixes(doc: Chart) -> tuple[Fix, ...]:
    """A symptom: the fixes of the cause already named, if any; else η back into the healthy
    band, ReLU for a deep sigmoid/tanh net, Adam — the first two that apply."""
    for cause in doc.named.values():
        if cause.fixes:
            return cause.fixes
    cfg = doc.config
    step = doc.steps[-WINDOW:]
    ratio = median(s.top_ratio for s in step) if step else math.nan
    candidates: list[Fix | None] = []
    if ratio < LOW_RATIO:
        candidates.append(lr_fix(doc, ratio, lower=False))
    elif ratio > HIGH_RATIO:
        candidates.append(lr_fix(doc, ratio, lower=True))
    if cfg.layer_activations()[0] in ("sigmoid", "tanh") and len(cfg.hidden) >= 2:
        candidates.append(relu_fix(doc))
    candidates.append(adam_fix(doc))
    return fixes(*candidates) or (Fix({"init": "he"}),)   # Adam, ReLU, steps in the band: afresh


def overfitting(doc: Chart, epochs: Sequence[EpochRecord], batches_per_epoch: int) -> Diagnosis | None:
    """``epochs``: the run's EpochRecords so far; judged at the last one."""
    rows = [(e, e.val_accuracy) for e in epochs if e.val_accuracy is not None]
    if len(rows) < 2:
        return None
    now, now_val = rows[-1]
    best, best_val = max(rows[:-1], key=lambda row: row[1])   # the first of the best
    gap, gap_then = now.train_accuracy - now_val, best.train_accuracy - best_val
    if not (gap >= GAP and now_val <= best_val + STALL and gap > gap_then
            and now.train_accuracy > best.train_accuracy):
        return None
    cfg = doc.config
    more = Fix({"n_train": None}) if cfg.n_train is not None else Fix(
        {"weight_decay": 1e-3 if cfg.weight_decay == 0 else nice(cfg.weight_decay * 10)})
    return doc.diagnosis("overfitting", best.epoch * batches_per_epoch, {
        "train_accuracy": round_sig(now.train_accuracy), "val_accuracy": round_sig(now_val),
        "gap": round_sig(gap), "best_epoch": best.epoch, "best_val_accuracy": round_sig(best_val),
        "series": series("training − validation accuracy",
                         [(e.epoch * batches_per_epoch, e.train_accuracy - val) for e, val in rows], GAP),
    }, (more, Fix({"epochs": best.epoch})), named_at=now.epoch * batches_per_epoch)


#: The checks of the step samples, and those of the probes, in this order (a cause before its
#: symptoms; stuck takes the fixes of a cause already named).
STEP_CHECKS = (lr_too_high, vanishing_gradients, lr_too_low)
PROBE_CHECKS = (dead_relu, saturated, stuck)

#: A code is not named once one of these is: they explain its numbers, and their fix is the one
#: to try. A dead or vanishing network takes tiny steps whatever η (not η's fault); units thrown
#: to a flat end by big steps pass no gradient back (not the depth's fault).
EXPLAINED_BY = {
    "lr_too_low": ("dead_relu", "vanishing_gradients", "diverged"),
    "vanishing_gradients": ("lr_too_high", "saturated", "diverged"),
}
