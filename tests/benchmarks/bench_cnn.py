"""Benchmark: the reference CNN (``annviz train --conv 8,16``) beside PyTorch CPU (issue 26).

    .venv/bin/python tests/benchmarks/bench_cnn.py [--threads 2] [--rounds 5] [--round-batches 300]
        [--seeds 3] [--lr η] [--epochs N] [--batch N] [--schedule S] [--every 100] [--keep-every 10]
        [--stop-at-target] [--torch-race] [--skip-torch] [--no-profile] [--json FILE] [--quick]

The net: conv 5×5 ×8 pad 2 → ReLU → max-pool 2 → conv 5×5 ×16 pad 2 → ReLU → max-pool 2 →
dense 10, softmax, Adam. Everything runs in one process with ``--threads`` BLAS threads for NumPy
(threadpoolctl) and as many intra-op threads for PyTorch (``torch.set_num_threads``), the data as
float32 arrays / tensors in memory, annviz and PyTorch interleaved (annviz, PyTorch, annviz,
PyTorch …) so that both see the same machine.

1. Throughput: samples per second of training steps (forward, loss, backward, Adam; annviz's
   ``Trainer.steps()`` as the command line and the GUI drive it, PyTorch's idiomatic loop,
   ``torch_cnn.py``), batch 64, full MNIST; ``--rounds`` rounds of ``--round-batches`` batches
   each after a warm-up; the medians and annviz ÷ PyTorch (issue 26's target: ≥ 0.6×). Then
   where annviz's step goes (``cnn_profile.py``: per layer, forward and backward, the loss, the
   optimizer, the trainer's own; and inside each convolution, its products and the rest).
2. Against the clock: the recipe exactly as ``annviz train --conv 8,16 [--lr …] [--epochs …]
   [--batch …] [--schedule …]`` trains it (the command line's own ``train_config``, then
   ``annviz.recipes``), seeds 0, 1, 2 (none picked); time to 98 % and to 99 % test accuracy
   (targets: ≤ 30 s and ≤ 90 s) by ``fast_clock.race_targets``: the clock counts training only,
   loading and the accuracy checks are timed apart. Test accuracy (all 10,000 test images) is
   checked every ``--every`` batches; a passing check replays the weights kept after every
   ``--keep-every``-th batch since the previous one, so a crossing is found to within
   ``--keep-every`` batches — late, never early. Each run goes on to the end of the recipe for its
   final accuracy (``--stop-at-target``: it stops at 99 %). ``--torch-race`` races the PyTorch
   version too, seed by seed after annviz's.

The table printed at the end is the one for the README's Speed section. Wall-clock figures need a
quiet machine. ``--quick`` is a smoke test of the script (a few batches, one round, one seed, 1,000
test images, every figure meaningless), seconds. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from annviz.cli import build_parser  # noqa: E402
from annviz.cli.train import train_config  # noqa: E402
from annviz.nn import blas  # noqa: E402
from annviz.recipes import build_network, build_trainer, prepare_data  # noqa: E402
from cnn_profile import StepProfile, conv_parts  # noqa: E402
from fast_clock import race_targets, race_trainer_targets  # noqa: E402

TARGETS = (0.98, 0.99)
GOALS = {0.98: 30.0, 0.99: 90.0}          # issue 26: seconds of training to each target
RATIO_GOAL = 0.6                          # issue 26: annviz ÷ PyTorch samples/s
THROUGHPUT_BATCH = 64
TORCH_VERSION = "—"                       # set in main once torch is imported
QUICK = dict(rounds=1, round_batches=5, warmup=2, profile_batches=3, parts_repeats=2, seeds=1,
             n_train=12 * 64, epochs=1, test=1000, every=4, keep_every=2)


def reference_config(args):
    """The configuration ``annviz train --conv 8,16`` with the options given here asks for."""
    argv = ["train", "--conv", "8,16"]
    for option, value in (("--lr", args.lr), ("--epochs", args.epochs), ("--batch", args.batch),
                          ("--schedule", args.schedule)):
        if value is not None:
            argv += [option, str(value)]
    return train_config(build_parser().parse_args(argv)), " ".join(["annviz", *argv])


# --- 1. throughput ---------------------------------------------------------------------------

def throughput_config(config):
    """The reference net's training step for the throughput: batch 64, Adam, as many epochs as
    the rounds need (the learning rate's schedule changes no time)."""
    return config.replace(batch_size=THROUGHPUT_BATCH, optimizer="adam", schedule="constant",
                          augment=False, epochs=10_000, seed=0)


def annviz_stepper(config, data):
    trainer = build_trainer(build_network(config, n_out=data.n_classes), config, data)
    trainer.test = trainer.validation = None
    steps = trainer.steps()
    n = len(data.train[0])

    def run(batches: int) -> tuple[int, float]:
        samples, t0 = 0, time.perf_counter()
        for _ in range(batches):
            event = next(steps)
            last = event.batch == event.batches_per_epoch
            samples += n - (event.batches_per_epoch - 1) * config.batch_size if last else config.batch_size
        return samples, time.perf_counter() - t0
    return trainer, steps, run


def torch_stepper(config, data, torch_cnn):
    import torch

    model = torch_cnn.build(config, 0, data.n_classes)
    steps = torch_cnn.batches(model, config, torch_cnn.images(data.train[0]),
                              torch.from_numpy(data.train[1]), 0)

    def run(batches: int) -> tuple[int, float]:
        t0 = time.perf_counter()
        samples = sum(next(steps) for _ in range(batches))
        return samples, time.perf_counter() - t0
    return run


def throughput(config, data, torch_cnn, args) -> dict:
    config = throughput_config(config)
    trainer, steps, ours = annviz_stepper(config, data)
    theirs = torch_stepper(config, data, torch_cnn) if torch_cnn else None
    ours(args.warmup)
    if theirs:
        theirs(args.warmup)
    result = {"annviz": [], "torch": []}
    for r in range(args.rounds):
        samples, seconds = ours(args.round_batches)
        result["annviz"].append(samples / seconds)
        line = f"round {r + 1}/{args.rounds}: annviz {samples / seconds:,.0f} samples/s"
        if theirs:
            samples, seconds = theirs(args.round_batches)
            result["torch"].append(samples / seconds)
            line += f", PyTorch {samples / seconds:,.0f} samples/s"
        print(line, flush=True)
    result["annviz_median"] = float(np.median(result["annviz"]))
    result["torch_median"] = float(np.median(result["torch"])) if result["torch"] else None
    if not args.no_profile:
        result["profile"] = profile(trainer, steps, data, args)
    return result


def profile(trainer, steps, data, args) -> dict:
    with StepProfile(trainer) as prof:
        prof.run(steps, args.profile_batches)
    rows = prof.rows()
    total = rows[-1][1]
    print(f"\nwhere annviz's step goes ({args.profile_batches} batches of {THROUGHPUT_BATCH}, timed from outside; "
          "ms per step):")
    for name, ms in rows:
        print(f"  {name:<58} {ms:8.3f} ms  {ms / total:6.1%}" if total else f"  {name:<58} {ms:8.3f} ms")
    wide = prof.float64_parts()
    print("  float64 results: " + (", ".join(wide) if wide else "none (float32 throughout)"))
    x = data.train[0][:THROUGHPUT_BATCH]
    parts = conv_parts(trainer.network, x, args.parts_repeats)
    print(f"inside each convolution (batch {len(x)}, best of {args.parts_repeats}; ms):")
    for name, p in parts:
        print(f"  {name}; cols {p['cols MB']:.1f} MB")
        print("    " + "; ".join(f"{k} {v:.3f}" for k, v in p.items() if k != "cols MB"))
    return {"rows": rows, "float64": wide, "conv_parts": parts}


# --- 2. against the clock --------------------------------------------------------------------

def annviz_race(config, data, test, args):
    trainer = build_trainer(build_network(config, n_out=data.n_classes), config, data)
    crossings = race_trainer_targets(trainer, test, TARGETS, every=args.every, keep_every=args.keep_every,
                                     run_to_end=not args.stop_at_target)
    return crossings, trainer.history.status, trainer.history.stop_reason


def torch_race(config, data, test, seed, torch_cnn, args):
    import torch

    model = torch_cnn.build(config, seed, data.n_classes)
    per_epoch = -(-len(data.train[0]) // config.batch_size)
    steps = torch_cnn.batches(model, config, torch_cnn.images(data.train[0]), torch.from_numpy(data.train[1]), seed)
    crossings = race_targets(steps, lambda: torch_cnn.snapshot(model), lambda w: torch_cnn.restore(model, w),
                             torch_cnn.predictor(model), test, per_epoch, TARGETS, every=args.every,
                             keep_every=args.keep_every, run_to_end=not args.stop_at_target)
    return crossings, "finished", None


def describe(crossings) -> str:
    parts = []
    for target, r in zip(TARGETS, crossings):
        parts.append(f"{pct(target)} at batch {r.batches} ({r.epochs:.2f} epochs), {r.wall_s:.2f} s wall, "
                     f"{r.cpu_s:.2f} s CPU" if r.reached else f"{pct(target)} MISSED")
    last = crossings[-1]
    return (" | ".join(parts) + f" | end: {last.final_accuracy:.2%} after {last.final_wall_s:.2f} s of training; "
            f"{last.checks} checks, {last.check_s:.1f} s apart")


# --- the table -------------------------------------------------------------------------------

def pct(share: float, digits: int = 2) -> str:
    return f"{100 * share:.{digits}f} %".replace(".00 %", " %")


def median(values):
    """The median, a run that missed counting as never (∞); None if there is nothing."""
    values = [v for v in values if v is not None]
    return float(np.median(values)) if values else None


def seconds_to(r) -> float:
    return r.wall_s if r.reached else math.inf


def seconds_text(value: float) -> str:
    return "never" if value == math.inf else f"{value:.1f} s"


def per_seed(values, text, bold=True) -> str:
    """``a / b / c → median **m**`` (or the one value, bold)."""
    m = text(median(values))
    m = f"**{m}**" if bold else m
    if len(values) == 1:
        return m
    return " / ".join(text(v).removesuffix(" s").removesuffix(" %") for v in values) + f" → median {m}"


def step_summary(prof: dict | None) -> str:
    """annviz's step in a few parts (from the profile), for the table."""
    if not prof:
        return ""
    rows = dict(prof["rows"])
    def total(*words):
        return sum(ms for name, ms in rows.items() if all(w in name for w in words))
    conv_f, conv_b = total("forward ", "conv "), total("backward ", "conv ")
    pools = total("max-pool")
    step = rows["step total"]
    update = total(" update")
    rest = step - conv_f - conv_b - pools - update
    return (f"; annviz's step: {step:.1f} ms = convolutions {conv_f + conv_b:.1f} (forward {conv_f:.1f}, "
            f"backward {conv_b:.1f}) + max-pools {pools:.1f} + Adam {update:.1f} + the rest {rest:.1f}")


def table(tp, ours, theirs, config, command, threads, args) -> str:
    """The rows for the README's Speed section (| what | figure | target |)."""
    seeds = "/".join(str(s) for s in range(args.seeds))
    what = f"reference CNN (`{command}`)"
    figure = f"annviz {tp['annviz_median']:,.0f} samples/s"
    if tp.get("torch_median"):
        figure += f" vs {tp['torch_median']:,.0f} → **{tp['annviz_median'] / tp['torch_median']:.2f}×**"
    lines = ["| what | figure | target |", "| --- | --- | --- |",
             f"| {what}: training throughput vs PyTorch {TORCH_VERSION} CPU, full MNIST, batch "
             f"{THROUGHPUT_BATCH}, Adam (`bench_cnn.py`, {threads} thread(s) each, median of {args.rounds} "
             f"interleaved rounds) | {figure}{step_summary(tp.get('profile'))} | ≥ {RATIO_GOAL}× PyTorch |"]
    if ours:
        for t, target in enumerate(TARGETS):
            figure = per_seed([seconds_to(r[t]) for r in ours], seconds_text)
            if theirs:
                figure += f" (PyTorch: {per_seed([seconds_to(r[t]) for r in theirs], seconds_text, bold=False)})"
            lines.append(f"| {what}: seconds of training to {pct(target, 0)} test accuracy, seeds {seeds} "
                         f"(checks timed apart) | {figure} | ≤ {GOALS[target]:.0f} s |")
        end = f"where it stopped, at {pct(TARGETS[-1], 0)}" if args.stop_at_target else f"after {config.epochs} epochs"
        figure = per_seed([r[-1].final_accuracy for r in ours], pct)
        if theirs:
            figure += f" (PyTorch: {per_seed([r[-1].final_accuracy for r in theirs], pct, bold=False)})"
        lines.append(f"| {what}: test accuracy {end}, seeds {seeds} | {figure} | ≥ {pct(TARGETS[-1], 0)} |")
    return "\n".join(lines)


# --- main ------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="BLAS / intra-op threads (2: this machine's cores)")
    parser.add_argument("--rounds", type=int, default=5, help="throughput rounds (each side)")
    parser.add_argument("--round-batches", type=int, default=300, help="batches per throughput round")
    parser.add_argument("--warmup", type=int, default=30, help="batches each side trains before the rounds")
    parser.add_argument("--profile-batches", type=int, default=200, help="batches of annviz's step profiled")
    parser.add_argument("--parts-repeats", type=int, default=30, help="calls per part inside a convolution (best kept)")
    parser.add_argument("--no-profile", action="store_true", help="skip where annviz's step goes")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--lr", type=float, help="as annviz train's --lr (default: what --conv 8,16 gives)")
    parser.add_argument("--epochs", type=int, help="as annviz train's --epochs")
    parser.add_argument("--batch", type=int, help="as annviz train's --batch (the race only; throughput is "
                        f"at batch {THROUGHPUT_BATCH})")
    parser.add_argument("--schedule", help="as annviz train's --schedule")
    parser.add_argument("--every", type=int, default=100, help="batches between two accuracy checks "
                        "(one check of the 10,000 test images costs about as much as 60 batches of training)")
    parser.add_argument("--keep-every", type=int, default=10,
                        help="weights kept after every k-th batch between checks: crossings found to k batches")
    parser.add_argument("--stop-at-target", action="store_true", help="stop each run once at 99 %% (faster; "
                        "the final accuracy is then the one there)")
    parser.add_argument("--torch-race", action="store_true", help="race PyTorch against the clock too")
    parser.add_argument("--skip-torch", action="store_true", help="annviz only")
    parser.add_argument("--skip-race", action="store_true", help="throughput only")
    parser.add_argument("--quick", action="store_true", help="smoke test: a few batches, 1 round, 1 seed")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    if args.quick:
        for key, value in QUICK.items():
            if key not in ("n_train", "epochs", "test"):
                setattr(args, key, value)

    config, command = reference_config(args)
    if args.quick:
        config = config.replace(n_train=QUICK["n_train"], epochs=QUICK["epochs"])
    load0 = time.perf_counter()
    data = prepare_data(config)
    load_s = time.perf_counter() - load0
    test = data.test if not args.quick else tuple(a[:QUICK["test"]] for a in data.test)
    torch_cnn = None
    if not args.skip_torch:
        try:
            import torch

            import torch_cnn
            torch.set_num_threads(args.threads)
        except ImportError:
            print("torch is not installed: annviz only (pip install torch==2.13.0 for the comparison)")
    why_not = torch_cnn and torch_cnn.unsupported(config)
    if why_not and args.torch_race:
        print(f"PyTorch does not race: its version here does not do {why_not}")
    race_torch = bool(torch_cnn and args.torch_race and not why_not)
    global TORCH_VERSION
    TORCH_VERSION = torch.__version__.split("+")[0] if torch_cnn else "—"

    with threadpool_limits(args.threads, user_api="blas"):
        threads = blas.current_threads()
        print(f"{'QUICK SMOKE TEST (figures meaningless) — ' if args.quick else ''}reference CNN, {command}:\n"
              f"  {config}\n  {threads} BLAS thread(s) ({blas.library() or 'no BLAS found'}); NumPy {np.__version__}"
              + (f"; PyTorch {torch.__version__}, {torch.get_num_threads()} intra-op thread(s)" if torch_cnn else "")
              + f"\n  {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; load average "
              f"{os.getloadavg()[0]:.2f} before; {data.dataset.name} read and prepared in {load_s:.2f} s "
              f"({len(data.train[0]):,} training, {len(test[0]):,} test images)\n", flush=True)
        tp = throughput(config, data, torch_cnn, args)
        if tp["torch_median"]:
            print(f"\nthroughput medians: annviz {tp['annviz_median']:,.0f}, PyTorch {tp['torch_median']:,.0f} "
                  f"samples/s: annviz ÷ PyTorch {tp['annviz_median'] / tp['torch_median']:.2f} "
                  f"(target ≥ {RATIO_GOAL})", flush=True)
        ours, theirs, statuses = [], [], []
        if not args.skip_race:
            print(f"\nagainst the clock: {pct(TARGETS[0])} and {pct(TARGETS[1])} test accuracy, checks every "
                  f"{args.every} batches, crossings to {args.keep_every} batch(es)", flush=True)
            for seed in range(args.seeds):
                c = config.replace(seed=seed)
                crossings, status, reason = annviz_race(c, data, test, args)
                ours.append(crossings)
                statuses.append(status)
                print(f"seed {seed} annviz:  {describe(crossings)}"
                      + ("" if status == "finished" else f" [{status}: {reason}]"), flush=True)
                if race_torch:
                    crossings, _, _ = torch_race(c, data, test, seed, torch_cnn, args)
                    theirs.append(crossings)
                    print(f"seed {seed} PyTorch: {describe(crossings)}", flush=True)

    print(f"\nload average {os.getloadavg()[0]:.2f} after; {threads} thread(s)\n")
    print(table(tp, ours, theirs, config, command, threads, args))
    if args.json:
        args.json.write_text(json.dumps({
            "command": command, "config": config.to_dict(), "threads": threads, "throughput": tp,
            "targets": TARGETS, "annviz": [[vars(r) for r in runs] for runs in ours],
            "torch": [[vars(r) for r in runs] for runs in theirs], "statuses": statuses}, indent=1, default=str))


if __name__ == "__main__":
    main()
