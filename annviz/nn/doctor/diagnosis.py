"""A diagnosis and its fixes: plain data, ready for JSON and for the app.

A ``Diagnosis`` names one fault of a run (``code``, one of ``CODES``), the batch where it began
(``batch``) and the batch where the doctor was sure of it (``named_at``), the ``evidence`` (numbers,
and a small ``series`` to plot: ``{"label", "batch": [...], "value": [...], "reference"}``), and one
or two ``Fix``es, best first. A fix is settings of ``TrainConfig`` (by their field names, so the
app can ``config.replace(**fix.settings)``) and whether trying it means starting again from batch
0 with the same seed (``restart``): a change of η, momentum, L2 or epochs can continue from a
moment before the fault began, anything else (activation, initialisation, data, optimizer,
layers) needs a fresh start.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

#: Every fault the doctor can name, in the order the app lists them.
CODES = ("diverged", "lr_too_high", "lr_too_low", "vanishing_gradients", "dead_relu", "saturated",
         "overfitting", "stuck")

#: Settings a run can change and continue with (the trainer's ``set_hyperparameters`` and
#: ``add_epochs``); a fix of anything else restarts from batch 0.
CONTINUE_SETTINGS = frozenset({"lr", "momentum", "weight_decay", "epochs"})

MAX_SERIES_POINTS = 64


@dataclass(frozen=True)
class Fix:
    settings: dict                    # TrainConfig field → new value

    @property
    def restart(self) -> bool:
        return not set(self.settings) <= CONTINUE_SETTINGS

    def to_dict(self) -> dict:
        return {"set": dict(self.settings), "restart": self.restart}


@dataclass(frozen=True)
class Diagnosis:
    code: str
    batch: int                        # the batch where the fault began (batches done, from 1)
    named_at: int                     # the batch after which the doctor named it
    evidence: dict = field(default_factory=dict)
    fixes: tuple[Fix, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnosis {self.code!r} (known: {', '.join(CODES)})")

    def to_dict(self) -> dict:
        """For ``annviz train --json``: code, batch, named_at, evidence, fix (a list, best first)."""
        return {"code": self.code, "batch": self.batch, "named_at": self.named_at,
                "evidence": self.evidence, "fix": [f.to_dict() for f in self.fixes]}


def series(label: str, points: list[tuple[int, float]], reference: float | None = None) -> dict:
    """A series for the evidence plot: at most MAX_SERIES_POINTS (batch, value) pairs, evenly
    picked, the last one always kept; values rounded to 4 significant digits."""
    if len(points) > MAX_SERIES_POINTS:
        step = len(points) / MAX_SERIES_POINTS
        picked = [points[int(i * step)] for i in range(MAX_SERIES_POINTS - 1)] + [points[-1]]
    else:
        picked = list(points)
    return {"label": label, "batch": [int(b) for b, _ in picked],
            "value": [round_sig(v) for _, v in picked],
            "reference": None if reference is None else round_sig(reference)}


def round_sig(value: float, digits: int = 4) -> float:
    """``value`` to ``digits`` significant digits (NaN and infinities as they are)."""
    if not math.isfinite(value) or value == 0:
        return float(value)
    return round(float(value), digits - 1 - math.floor(math.log10(abs(value))))


def nice(value: float, down: bool = False) -> float:
    """The nearest of 1, 2, 5 × 10ᵏ (a learning rate a learner can read and type); ``down``:
    the largest of them not above ``value`` (a lowered η that must not overshoot again)."""
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"not a positive number: {value}")
    k = math.floor(math.log10(value))
    # as decimals: 1e309 is inf (no OverflowError), 1e-325 is 0 (no log of 0), both left out; so
    # an η or λ of 5e-324 or 1e308 — positive numbers a setting may hold — gets a positive, finite
    # answer (10ᵏ or 5 × 10ᵏ as a float is never above the value: there is always one to pick)
    candidates = [c for c in (float(f"{m}e{e}") for e in (k - 1, k, k + 1) for m in (1, 2, 5)) if 0 < c < math.inf]
    if down:
        best = max(c for c in candidates if c <= value * (1 + 1e-9))
    else:
        best = min(candidates, key=lambda c: abs(math.log(c / value)))
    return float(f"{best:.3g}")
