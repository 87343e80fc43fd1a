"""The sweep behind the ``fast`` recipe: which recipe reaches 98.5 % MNIST test accuracy soonest?

    .venv/bin/python tests/benchmarks/bench_fast_sweep.py [--seeds 3] [--threads 1] [--only NAME ...]

Every candidate is trained with ``--seeds`` seeds (0, 1, 2: none picked) through the same code
as ``annviz train`` (``annviz.recipes``), against the clock of ``fast_clock.py``: the batch after
which test accuracy first reaches 98.5 % (checked outside the clock), the training seconds to it
(wall and the training thread's CPU time) and the accuracy at the end of the whole recipe. A
candidate counts only if all its seeds reach the target. Batches to the target do not depend on
the machine at all; what a batch costs does, and a sweep takes long enough for the machine's load
to come and go: so at the end the CPU time of one batch of each network is measured again, in
rounds that take every network in turn (one BLAS thread: then the CPU time is the work done), and
the table is sorted by median batches × that cost. The CPU seconds measured during each run are
shown too. The candidates are the grid below: network sizes, epochs (the one-cycle
schedule's length), peak learning rate, label smoothing and batch size, each varied around the
recipe measured in issue 25 (784-512-256-10, Adam, one cycle to η ≈ 3e-3, ε = 0.1, batch 256),
with η on the training panel's 1-2-5 scale (2e-3, 5e-3) so that the panel can show the recipe.
Not collected by pytest; about 25 minutes on two busy cores (one core's work).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
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
    # second round, around the cheapest of the first: one hidden layer of 512
    candidate((512,), 4),
    candidate((512,), 6),
    candidate((512,), 5, lr=1e-2),
    candidate((512,), 5, smoothing=0.2),
    candidate((384,), 6),
    # third round: η = 0.01 did best on it
    candidate((512,), 4, lr=1e-2),
    candidate((512,), 5, lr=2e-2),
]


def batch_costs(configs, data, rounds: int = 5, n: int = 30) -> dict[str, float]:
    """CPU milliseconds of one training batch for each configuration's network and batch size,
    measured in rounds that take every configuration in turn (so a change of load falls on all
    of them alike); the median of the rounds. The first 5 batches of each round are not timed."""
    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        for config in configs:
            trainer = build_trainer(build_network(config), config, data)
            trainer.test = None
            steps = trainer.steps()
            for _ in range(5):
                next(steps)
            start = time.thread_time()
            for _ in range(n):
                next(steps)
            times.setdefault(shape_of(config), []).append(1000 * (time.thread_time() - start) / n)
    return {key: float(np.median(values)) for key, values in times.items()}


def shape_of(c: TrainConfig) -> str:
    return f"{'-'.join(map(str, (784, *c.hidden, 10)))} b{c.batch_size}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--target", type=float, default=0.985)
    parser.add_argument("--every", type=int, default=16, help="batches between two accuracy checks")
    parser.add_argument("--only", nargs="*", help="run only candidates whose name contains one of these")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--from-json", type=Path, help="take the runs from an earlier --json and only "
                        "measure the batch costs again")
    args = parser.parse_args()
    grid = [c for c in GRID if not args.only or any(o in name_of(c) for o in args.only)]
    data = prepare_data(GRID[0])
    rows = json.loads(args.from_json.read_text()) if args.from_json else []
    print(f"{len(grid)} candidates × {args.seeds} seeds, {args.threads} BLAS thread(s), target "
          f"{args.target:.1%}", flush=True)
    with threadpool_limits(args.threads, user_api="blas"):
        for config in grid if not args.from_json else []:
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
            rows.append({"name": name_of(config), "shape": shape_of(config),
                         "reached": f"{sum(r.reached for r in runs)}/{len(runs)}", "all": reached,
                         "batches": float(np.median([r.batches if r.reached else np.inf for r in runs])),
                         "cpu_s": float(np.median([r.cpu_s for r in runs])),
                         "wall_s": float(np.median([r.wall_s for r in runs])),
                         "epochs": float(np.median([r.epochs for r in runs])),
                         "final": float(np.median([r.final_accuracy for r in runs])),
                         "whole_cpu_s": float(np.median([r.final_cpu_s for r in runs]))})
        # The runs above took minutes each while the machine's load came and went; the cost of a
        # batch of each network, measured now in interleaved rounds, makes them comparable.
        print("a batch of each network, CPU ms (interleaved rounds) …", flush=True)
        shapes = {r["shape"]: next(c for c in GRID if shape_of(c) == r["shape"]) for r in rows}
        costs = batch_costs(list(shapes.values()), data)
    for r in rows:
        r["batch_ms"] = costs[r["shape"]]
        r["work_s"] = r["batches"] * r["batch_ms"] / 1000   # ∞ unless every seed reached the target
    rows.sort(key=lambda r: (not r["all"], r["work_s"], r["name"]))
    print(f"\n| recipe | seeds at {args.target:.1%} | batches to it (median) | epochs | CPU ms a batch | "
          f"CPU s to {args.target:.1%} (batches × ms) | CPU s measured in the run | accuracy at the end |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        done = r["all"]
        print(f"| {r['name']} | {r['reached']} | {r['batches']:.0f} | {r['epochs']:.2f} | {r['batch_ms']:.1f} | "
              f"{r['work_s']:.2f} | {r['cpu_s']:.2f} | {r['final']:.2%} |" if done else
              f"| {r['name']} | {r['reached']} | — | — | {r['batch_ms']:.1f} | — | — | {r['final']:.2%} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
