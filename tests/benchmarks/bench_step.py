"""Benchmark: the core trainer's step beside PyTorch CPU, interleaved, and where a step's time goes.

    /work/torchvenv/bin/python tests/benchmarks/bench_step.py [--rounds 6] [--threads 1 2]

784-128-64-10 ReLU, Adam, batch 64, full MNIST: one epoch of annviz's ``Trainer`` (as ``annviz
train`` runs it), then one epoch of the same network, batches and optimizer in PyTorch, with the
same number of BLAS / intra-op threads, alternating ``--rounds`` times for each thread count (the
machine is shared: its speed drifts from minute to minute, so each round's ratio is reported and
the median taken). Then the breakdown of one annviz step with one thread: the matrix products of
the forward and backward passes, the optimizer, and the rest (activations, loss, bookkeeping).
Needs torch (``pip install torch==2.13.0`` takes the CPU build from this machine's disk).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from threadpoolctl import threadpool_limits

from annviz.nn import TrainConfig
from annviz.recipes import build_network, build_trainer, prepare_data

CONFIG = TrainConfig(hidden=(128, 64), activation="relu", optimizer="adam", lr=1e-3, batch_size=64,
                     epochs=1)


def annviz_epoch(data) -> float:
    trainer = build_trainer(build_network(CONFIG), CONFIG, data)
    trainer.test = None
    start = time.perf_counter()
    trainer.run()
    return len(data.train[0]) / (time.perf_counter() - start)


def torch_epoch(x, y, threads: int) -> float:
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64),
                                torch.nn.ReLU(), torch.nn.Linear(64, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    order = torch.from_numpy(np.random.default_rng(0).permutation(len(x)))
    start = time.perf_counter()
    for b in range(0, len(x), 64):
        idx = order[b:b + 64]
        opt.zero_grad(set_to_none=True)
        loss_fn(model(xt[idx]), yt[idx]).backward()
        opt.step()
    return len(x) / (time.perf_counter() - start)


def breakdown(data, steps: int = 600) -> dict[str, float]:
    """Microseconds per step: the whole step, its matrix products alone, the optimizer alone."""
    trainer = build_trainer(build_network(CONFIG), CONFIG, data)
    net, x, y = trainer.network, trainer.train_x, trainer.train_y
    order = np.random.default_rng(0).permutation(len(x))
    batches = [(x[order[i * 64:(i + 1) * 64]], y[order[i * 64:(i + 1) * 64]]) for i in range(steps)]
    start = time.perf_counter()
    for i, (xb, yb) in enumerate(batches):
        trainer.learn(xb, yb, 1e-3, i)
    whole = (time.perf_counter() - start) / steps
    w = net.weights
    start = time.perf_counter()
    for xb, _ in batches:
        a1 = xb @ w[0].T
        a2 = a1 @ w[1].T
        a2 @ w[2].T
        d3 = np.empty((64, 10), np.float32)
        d3.T @ a2
        d2 = d3 @ w[2]
        d2.T @ a1
        d1 = d2 @ w[1]
        d1.T @ xb
    matmul = (time.perf_counter() - start) / steps
    params = net.weights + net.biases
    grads = [np.ones_like(p) * 1e-3 for p in params]
    start = time.perf_counter()
    for _ in range(steps):
        trainer.optimizer.step(params, [g.copy() for g in grads], net.n_layers)
    copies = time.perf_counter()
    for _ in range(steps):
        [g.copy() for g in grads]
    optimizer = (copies - start - (time.perf_counter() - copies)) / steps
    return {"step": whole * 1e6, "matrix products": matmul * 1e6, "optimizer": optimizer * 1e6,
            "the rest": (whole - matmul - optimizer) * 1e6}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    data = prepare_data(CONFIG)
    x, y = data.train[0], np.asarray(data.train[1], dtype=np.int64)
    for threads in args.threads:
        ratios, ours, theirs = [], [], []
        with threadpool_limits(threads, user_api="blas"):
            for _ in range(args.rounds):
                ours.append(annviz_epoch(data))
                theirs.append(torch_epoch(x, y, threads))
                ratios.append(ours[-1] / theirs[-1])
        print(f"{threads} thread(s): annviz {np.median(ours):,.0f} samples/s, PyTorch "
              f"{np.median(theirs):,.0f} (medians); annviz ÷ PyTorch per round: "
              + ", ".join(f"{r:.2f}" for r in ratios) + f"; median {np.median(ratios):.2f}×", flush=True)
    with threadpool_limits(1, user_api="blas"):
        parts = breakdown(data)
    print("one annviz step, 1 thread: " + ", ".join(f"{k} {v:.0f} µs" for k, v in parts.items()))


if __name__ == "__main__":
    main()
