"""The sweep behind the ``fast`` recipe: which recipe reaches 98.5 % MNIST test accuracy soonest?

    .venv/bin/python tests/benchmarks/bench_fast_sweep.py [--seeds 3] [--threads 1] [--only NAME ...]

Every candidate is trained with ``--seeds`` seeds (0, 1, 2: none picked) through the same code
as ``annviz train`` (``annviz.recipes``), against the clock of ``fast_clock.py``: the batch after
which test accuracy first reaches 98.5 % (checked outside the clock), the training seconds to it
(wall and the training thread's CPU time) and the accuracy at the end of the whole recipe. A
candidate counts only if all its seeds reach the target; the table is sorted by the median CPU
seconds (one BLAS thread by default: then CPU seconds are the work done, which a busy machine
disturbs far less than the wall clock; batches and epochs to the target do not depend on the
machine at all). The candidates are the grid below: network sizes, epochs (the one-cycle
schedule's length), peak learning rate, label smoothing and batch size, each varied around the
recipe measured in issue 25 (784-512-256-10, Adam, one cycle to η ≈ 3e-3, ε = 0.1, batch 256),
with η on the training panel's 1-2-5 scale (2e-3, 5e-3) so that the panel can show the recipe.
Not collected by pytest; about 25 minutes on two busy cores (one core's work).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from annviz.nn import TrainConfig  # noqa: E402
from annviz.recipes import build_network, build_trainer, prepare_data  # noqa: E402
from fast_clock import race_trainer  # noqa: E402

BASE = dict(activation="relu", optimizer="adam", schedule="one-cycle", loss="cross-entropy")


def candidate(hidden, epochs, lr=5e-3, smoothing=0.1, batch=256) -> TrainConfig:
    return TrainConfig(hidden=hidden, epochs=epochs, lr=lr, label_smoothing=smoothing, batch_size=batch, **BASE)


def name_of(c: TrainConfig) -> str:
    return (f"{'-'.join(map(str, (784, *c.hidden, 10)))} e{c.epochs} η{c.lr:g} ε{c.label_smoothing:g} "
            f"b{c.batch_size}")


GRID = [
    candidate((512, 256), 4),                      # the recipe (issue 25's, η on the panel's 1-2-5 scale)
    candidate((512, 256), 3),                      # shorter
    candidate((512, 256), 4, lr=1e-2),             # the peak η
    candidate((512, 256), 4, lr=2e-3),
    candidate((512, 256), 4, smoothing=0.2),       # label smoothing
    candidate((512, 256), 4, smoothing=0.0),       #   none
    candidate((512, 256), 4, lr=1e-3).replace(schedule="constant"),  # no one cycle: Adam's usual η
    candidate((512, 256), 4, lr=1e-3, smoothing=0.0).replace(schedule="constant"),  # neither addition
    candidate((512, 256), 4, batch=128),           # batch size
    candidate((512, 256), 4, batch=512),
    candidate((512, 128), 4),                      # smaller networks: cheaper batches
    candidate((512,), 5),
    candidate((1024,), 3),                         # wider, shallower
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--target", type=float, default=0.985)
    parser.add_argument("--every", type=int, default=16, help="batches between two accuracy checks")
    parser.add_argument("--only", nargs="*", help="run only candidates whose name contains one of these")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    grid = [c for c in GRID if not args.only or any(o in name_of(c) for o in args.only)]
    data = prepare_data(GRID[0])
    rows = []
    print(f"{len(grid)} candidates × {args.seeds} seeds, {args.threads} BLAS thread(s), target "
          f"{args.target:.1%}", flush=True)
    with threadpool_limits(args.threads, user_api="blas"):
        for config in grid:
            runs = []
            for seed in range(args.seeds):
                c = config.replace(seed=seed)
                trainer = build_trainer(build_network(c), c, data)
                r = race_trainer(trainer, data.test, target=args.target, every=args.every)
                runs.append(r)
                print(f"  {name_of(c)} seed {seed}: {'reached' if r.reached else 'MISSED'} at batch "
                      f"{r.batches} ({r.epochs:.2f} epochs, {r.accuracy_at:.2%}) in {r.cpu_s:.2f} CPU s / "
                      f"{r.wall_s:.2f} wall s; final {r.final_accuracy:.2%}; checks {r.check_s:.0f} s", flush=True)
            reached = all(r.reached for r in runs)
            rows.append({"name": name_of(config), "reached": f"{sum(r.reached for r in runs)}/{len(runs)}",
                         "all": reached,
                         "cpu_s": float(np.median([r.cpu_s for r in runs])),
                         "wall_s": float(np.median([r.wall_s for r in runs])),
                         "epochs": float(np.median([r.epochs for r in runs])),
                         "final": float(np.median([r.final_accuracy for r in runs])),
                         "whole_cpu_s": float(np.median([r.final_cpu_s for r in runs]))})
    rows.sort(key=lambda r: (not r["all"], r["cpu_s"]))
    print(f"\n| recipe | reached | CPU s to {args.target:.1%} (median) | epochs to it | wall s | "
          "accuracy at the end | CPU s, whole recipe |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        cpu = f"{r['cpu_s']:.2f}" if r["all"] else "—"
        print(f"| {r['name']} | {r['reached']} | {cpu} | {r['epochs']:.2f} | {r['wall_s']:.2f} | "
              f"{r['final']:.2%} | {r['whole_cpu_s']:.2f} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
