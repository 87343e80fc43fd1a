"""Training speed: annviz's NumPy trainer beside PyTorch CPU, and time to 98.5 % for mnist-best.

    python tests/benchmarks/bench_train.py [--threads N] [--epochs E] [--skip-torch] [--skip-tta]

Throughput is samples per second of training (forward, backward, Adam update; evaluation
excluded) on full MNIST, batch 64, for 784-16-16-10 (sigmoid) and 784-128-64-10 (ReLU); each
figure is the best of ``--repeats`` epochs. PyTorch runs the same networks, the same batches and
the same optimizer with the same number of threads, when it is installed
(``pip install torch==2.13.0`` installs the CPU build). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
from threadpoolctl import threadpool_limits

from annviz.data.datasets import load_dataset, to_inputs
from annviz.nn import TrainConfig, Trainer
from annviz.recipes import build_network, build_trainer, prepare_data

NETWORKS = {"784-16-16-10 sigmoid": ((16, 16), "sigmoid"), "784-128-64-10 relu": ((128, 64), "relu")}

# The mnist-best recipe (models/README.md).
BEST = dict(hidden=(512, 256), activation="relu", lr=1e-3, batch_size=128, epochs=20,
            schedule="cosine", augment=True, seed=0)


def annviz_throughput(x, y, hidden, activation, epochs) -> float:
    cfg = TrainConfig(hidden=hidden, activation=activation, batch_size=64, epochs=epochs, optimizer="adam")
    trainer = Trainer(build_network(cfg), cfg, (x, y))
    return max(e.samples_per_s for e in trainer.run().epochs)


def torch_throughput(x, y, hidden, activation, epochs, threads) -> float:
    import torch

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    act = {"sigmoid": torch.nn.Sigmoid, "relu": torch.nn.ReLU}[activation]
    sizes = [784, *hidden, 10]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))
    rng = np.random.default_rng(0)
    best = 0.0
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(x)))
        t0 = time.perf_counter()
        for b in range(0, len(x), 64):
            idx = order[b:b + 64]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
        best = max(best, len(x) / (time.perf_counter() - t0))
    return best


def time_to_accuracy(target: float = 0.985) -> dict:
    cfg = TrainConfig(**BEST)
    data = prepare_data(cfg)
    trainer = build_trainer(build_network(cfg), cfg, data)
    t0 = time.perf_counter()
    for event in trainer.steps():
        record = event.epoch_record
        if record is not None:
            print(f"  epoch {record.epoch}: test accuracy {record.test_accuracy:.4f} "
                  f"after {time.perf_counter() - t0:.1f} s", flush=True)
            if record.test_accuracy >= target:
                return {"seconds": time.perf_counter() - t0, "epoch": record.epoch,
                        "test_accuracy": record.test_accuracy}
    return {"seconds": None, "epoch": None, "test_accuracy": trainer.history.epochs[-1].test_accuracy}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3, help="epochs per measurement (best is kept)")
    parser.add_argument("--skip-torch", action="store_true")
    parser.add_argument("--skip-tta", action="store_true")
    args = parser.parse_args()

    ds = load_dataset("mnist")
    x, y = to_inputs(ds.train_images), np.asarray(ds.train_labels, dtype=np.int64)
    results = {"threads": args.threads, "throughput": {}}
    with threadpool_limits(limits=args.threads, user_api="blas"):
        for name, (hidden, activation) in NETWORKS.items():
            row = {"annviz": annviz_throughput(x, y, hidden, activation, args.repeats)}
            if not args.skip_torch:
                try:
                    row["torch"] = torch_throughput(x, y, hidden, activation, args.repeats, args.threads)
                    row["ratio"] = row["annviz"] / row["torch"]
                except ImportError:
                    row["torch"] = None
            results["throughput"][name] = row
            ratio = f"  ({row['ratio']:.2f}× PyTorch {row['torch']:,.0f})" if row.get("ratio") else ""
            print(f"{name}: annviz {row['annviz']:,.0f} samples/s{ratio}", flush=True)
        if not args.skip_tta:
            print("time to 98.5 % test accuracy with the mnist-best recipe:")
            results["time_to_98.5"] = time_to_accuracy()
            print(f"  {results['time_to_98.5']}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
