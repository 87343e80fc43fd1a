"""How long the loss landscape takes (issue 27: ≤ 1 s for 784-16-16-10, ≤ 15 s for 784-128-64-10).

    flock /work/wt/bench.lock python tests/benchmarks/bench_landscape.py [--repeat 3]

A real run of each network (SGD, one epoch on 6,000 MNIST digits, batches of 32: ~190 moments
recorded as the app records them), then ``landscape`` — the plane (the moves' principal
directions) and the 21×21 grid plus the path on the first 1,000 training images — with one
BLAS thread, as the app's background thread has it. Prints the best and the median of the
repeats, the plane's share, and the moments; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import Network, TrainConfig, Trainer
from annviz.nn.landscape import landscape, plane
from annviz.nn.recording import Recorder, Recording

TARGETS = {(16, 16): 1.0, (128, 64): 15.0}


def recorded_run(hidden, x, y) -> Recording:
    cfg = TrainConfig(hidden=hidden, activation="relu", optimizer="sgd", lr=0.1, batch_size=32, epochs=1)
    net = Network(cfg.layer_sizes(), cfg.layer_activations(), seed=0)
    trainer = Trainer(net, cfg, (x, y))
    recorder = Recorder(trainer)
    run = Recording.of(trainer, [str(k) for k in range(10)])
    run.add(recorder.start())
    for event in trainer.steps():
        moment = recorder.observe(event)
        if moment is not None:
            run.add(moment)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ds = load_dataset("mnist")
    x, y = to_inputs(ds.train_images[:6000]), np.asarray(ds.train_labels[:6000], np.int64)
    batch_x, batch_y = x[:1000], y[:1000]
    missed = 0
    with threadpool_limits(1, user_api="blas"):
        for hidden, target in TARGETS.items():
            run = recorded_run(hidden, x, y)
            times, plane_times = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                plane(run)
                plane_times.append(time.perf_counter() - t)
                t = time.perf_counter()
                result = landscape(run, batch_x, batch_y)
                times.append(time.perf_counter() - t)
            name = "784-" + "-".join(map(str, hidden)) + "-10"
            ok = min(times) <= target
            missed += not ok
            print(f"{name}: {len(run.moments)} moments, landscape best {min(times):.2f} s, median "
                  f"{statistics.median(times):.2f} s (the plane {min(plane_times):.2f} s); target ≤ {target:g} s: "
                  f"{'met' if ok else 'MISSED'}; loss {result.grid.min():.3f}–{result.grid.max():.3f}", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
