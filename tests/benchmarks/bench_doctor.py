"""Benchmark: does the training doctor name the right fault, and only then? And what does it cost?

    .venv/bin/python tests/benchmarks/bench_doctor.py [--seeds 3] [--only NAME ...] [--max-epochs N]

Broken runs (issue 27): η × 100 and ÷ 1000 of a good value for SGD (the lecture notes' network,
the linear classifier) and Adam (the fast ReLU network, and the command line's default sigmoid
network); the "too high a learning rate" preset; a 7-layer sigmoid network; an initialisation
that kills the ReLUs (every hidden bias −1); 500 training examples for 50 epochs with a
validation share of 0.2. Each broken run has its set of accepted codes: one run can show several
faults at once. A broken run passes when the doctor names at least one accepted code and no code
outside the set within its first 200 batches (the run is trained for exactly that long); the
overfitting run, when it names ``overfitting`` and nothing else, at most 2 epochs after the gap
opens — the first epoch whose training accuracy is 5 points above its validation accuracy (judged
on the validation split; the trainer is given no test set).

Healthy runs: each preset of the training page except "too high a learning rate", as the preset
says (full MNIST, its epochs), and ``annviz train``'s defaults, each with a validation share of
1/12 so that overfitting is judged too; a healthy run passes when the doctor names nothing at
all, to the end of the run.

Targets: ≥ 90 % of broken runs pass; ≥ 95 % of healthy runs pass. Every run: ``--seeds`` seeds
(0, 1, 2, …), one BLAS thread (as the app trains), the same code path as the app and the command
line (``annviz.recipes``). The doctor's cost is timed inside it (its two hooks), as bench_scrub
times the recorder: its share of the training time, over the first epoch (the densest) and the
whole run, for each healthy preset. A quality benchmark: the machine may be busy while it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from annviz.gui.training.presets import preset_named  # noqa: E402
from annviz.nn.config import TrainConfig  # noqa: E402
from annviz.nn.doctor import Doctor  # noqa: E402
from annviz.nn.doctor.rules import GAP  # noqa: E402
from annviz.recipes import build_network, build_trainer, prepare_data  # noqa: E402

FIRST_BATCHES = 200     # a broken run is judged on its first 200 batches
HEALTHY_VALIDATION = 1 / 12

NOTES, FAST, LINEAR = (preset_named(k).config for k in ("notes", "fast", "linear"))
CLI_DEFAULT = TrainConfig()    # annviz train's defaults: 784-16-16-10 sigmoid, Adam, η = 0.001


def kill_relus(network) -> None:
    """An initialisation that kills ReLUs: every hidden bias −1 (the weights are He's)."""
    for b in network.biases[:-1]:
        b[...] = -1.0


@dataclass
class Case:
    name: str
    config: TrainConfig
    accepted: frozenset = frozenset()      # empty: a healthy run (no code at all)
    mutate: object = None
    overfitting: bool = False

    @property
    def healthy(self) -> bool:
        return not self.accepted


HIGH = {"lr_too_high", "diverged", "stuck"}
LOW = {"lr_too_low", "stuck"}
BROKEN = [
    Case("SGD, notes' network, η × 100 (50)", NOTES.replace(lr=NOTES.lr * 100), frozenset(HIGH | {"saturated"})),
    Case("SGD, notes' network, η ÷ 1000", NOTES.replace(lr=NOTES.lr / 1000), frozenset(LOW)),
    Case("SGD, linear, η × 100 (20)", LINEAR.replace(lr=LINEAR.lr * 100), frozenset(HIGH)),
    Case("SGD, linear, η ÷ 1000", LINEAR.replace(lr=LINEAR.lr / 1000), frozenset(LOW)),
    Case("Adam, ReLU 128-64, η × 100 (0.1)", FAST.replace(lr=FAST.lr * 100), frozenset(HIGH | {"dead_relu"})),
    Case("Adam, ReLU 128-64, η ÷ 1000", FAST.replace(lr=FAST.lr / 1000), frozenset(LOW)),
    Case("Adam, sigmoid 16-16, η × 100 (0.1)", CLI_DEFAULT.replace(lr=0.1), frozenset(HIGH | {"saturated"})),
    Case("Adam, sigmoid 16-16, η ÷ 1000", CLI_DEFAULT.replace(lr=1e-6), frozenset(LOW)),
    Case('preset "too high a learning rate" (η = 1000, MSE)', preset_named("too-high").config,
         frozenset(HIGH | {"saturated"})),
    Case("7 layers of sigmoid (6 × 32), SGD η = 0.5", NOTES.replace(hidden=(32,) * 6),
         frozenset({"vanishing_gradients", "saturated", "stuck"})),
    Case("ReLU 128-64, every hidden bias −1", FAST, frozenset({"dead_relu", "stuck"}), kill_relus),
    Case("500 examples, 50 epochs, validation 0.2", FAST.replace(n_train=500, validation_share=0.2, epochs=50),
         frozenset({"overfitting"}), overfitting=True),
]
HEALTHY = [Case(f'preset "{key}"', preset_named(key).config.replace(validation_share=HEALTHY_VALIDATION))
           for key in ("notes", "fast", "linear")] + [
    Case("annviz train's defaults (sigmoid 16-16, Adam, 10 epochs)",
         CLI_DEFAULT.replace(validation_share=HEALTHY_VALIDATION))]


class TimedDoctor(Doctor):
    """The doctor, with the time spent in its hooks counted (first epoch, and in all)."""

    inside = inside_first = 0.0

    def gradients(self, step, grad_w):
        t = time.perf_counter()
        super().gradients(step, grad_w)
        self._count(step, time.perf_counter() - t)

    def updated(self, step, loss, updates):
        t = time.perf_counter()
        super().updated(step, loss, updates)
        self._count(step, time.perf_counter() - t)

    def _count(self, step, seconds):
        self.inside += seconds
        if step < self.trainer.batches_per_epoch:
            self.inside_first += seconds


@dataclass
class Result:
    case: Case
    seed: int
    named: list = field(default_factory=list)    # Diagnosis objects
    passed: bool = False
    note: str = ""
    seconds: float = 0.0
    share_first: float = 0.0
    share_all: float = 0.0


def run(case: Case, seed: int, max_epochs: int | None) -> Result:
    config = case.config.replace(seed=seed)
    if max_epochs is not None and case.healthy:
        config = config.replace(epochs=min(config.epochs, max_epochs))
    data = prepare_data(config)
    network = build_network(config, n_out=data.n_classes)
    if case.mutate is not None:
        case.mutate(network)
    trainer = build_trainer(network, config, data)
    trainer.test = None            # the doctor never sees the test set; and it saves the time
    doctor = TimedDoctor(trainer)
    limit = None if case.healthy or case.overfitting else FIRST_BATCHES
    first_epoch = 0.0
    start = time.perf_counter()
    with threadpool_limits(1, user_api="blas"), np.errstate(all="ignore"):
        for event in trainer.steps():
            if event.epoch_record is not None and event.epoch == 0:
                first_epoch = time.perf_counter() - start
            if limit is not None and event.step >= limit:
                break
        seconds = time.perf_counter() - start
        named = doctor.finish()
    result = Result(case, seed, named, seconds=seconds,
                    share_all=doctor.inside / seconds,
                    share_first=doctor.inside_first / first_epoch if first_epoch else 0.0)
    codes = {d.code for d in named}
    if case.healthy:
        result.passed = not codes
    elif case.overfitting:
        epochs = trainer.history.epochs
        opening = next((e.epoch for e in epochs if e.train_accuracy - e.val_accuracy >= GAP), None)
        found = next((d for d in named if d.code == "overfitting"), None)
        at = None if found is None else found.named_at / trainer.batches_per_epoch
        result.note = f"gap opened at epoch {opening}, named after epoch {at:g}" if at else f"gap opened at epoch {opening}"
        result.passed = (codes == {"overfitting"} and opening is not None and opening <= at <= opening + 2)
    else:
        result.passed = bool(codes & case.accepted) and codes <= case.accepted and all(
            d.named_at <= FIRST_BATCHES for d in named)
    return result


def describe(result: Result) -> str:
    if not result.named:
        return "—"
    return ", ".join(f"`{d.code}` {d.batch}→{d.named_at}" for d in result.named)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="cases whose name contains one of these")
    parser.add_argument("--max-epochs", type=int, default=None, help="cap the healthy runs' epochs (a quick look)")
    args = parser.parse_args()
    cases = [c for c in BROKEN + HEALTHY if not args.only or any(o in c.name for o in args.only)]
    results: list[Result] = []
    for case in cases:
        for seed in range(args.seeds):
            r = run(case, seed, args.max_epochs)
            results.append(r)
            cost = (f"; doctor {100 * r.share_first:.2f} % of epoch 1, {100 * r.share_all:.2f} % in all"
                    if case.healthy else "")
            print(f"{'ok  ' if r.passed else 'FAIL'} {case.name}, seed {seed}: {describe(r)} "
                  f"{r.note} ({r.seconds:.1f} s{cost})", flush=True)

    print("\n| run | accepted codes | seed 0, 1, 2: codes named (began → named after batch) | passed |")
    print("| --- | --- | --- | --- |")
    for case in cases:
        rows = [r for r in results if r.case is case]
        accepted = "none" if case.healthy else ", ".join(f"`{c}`" for c in sorted(case.accepted))
        seen = "; ".join(describe(r) + (f" ({r.note})" if r.note else "") for r in rows)
        print(f"| {case.name} | {accepted} | {seen} | {sum(r.passed for r in rows)}/{len(rows)} |")
    for kind, target in (("broken", 0.90), ("healthy", 0.95)):
        rows = [r for r in results if r.case.healthy == (kind == "healthy")]
        if rows:
            rate = sum(r.passed for r in rows) / len(rows)
            print(f"\n{kind} runs passed: {sum(r.passed for r in rows)}/{len(rows)} = {100 * rate:.0f} % "
                  f"(target ≥ {100 * target:.0f} %): {'met' if rate >= target else 'NOT MET'}")
    healthy = [r for r in results if r.case.healthy]
    if healthy:
        print("\nthe doctor's share of the training time (timed inside it), healthy presets:")
        for case in [c for c in cases if c.healthy]:
            rows = [r for r in healthy if r.case is case]
            print(f"  {case.name}: first epoch median {100 * np.median([r.share_first for r in rows]):.2f} % "
                  f"(max {100 * max(r.share_first for r in rows):.2f} %), whole run median "
                  f"{100 * np.median([r.share_all for r in rows]):.2f} %; run {np.median([r.seconds for r in rows]):.0f} s")


if __name__ == "__main__":
    main()
