"""annviz's ``fast`` recipe written as one would write it in PyTorch (for bench_fast.py).

The same network (784-512-256-10 ReLU, He initialisation for the ReLU layers and Xavier for the
softmax layer, zero biases, as annviz's "auto"), the same optimizer (Adam, β = (0.9, 0.999),
ε = 1e-8), the same one cycle of the learning rate (``OneCycleLR`` with annviz's shape), the same
label smoothing (``CrossEntropyLoss(label_smoothing=ε)``), the same batch size and epochs, the
training set as one float32 tensor in memory, shuffled each epoch, batches taken by index. Only
the random numbers differ (torch's generator draws the weights and the order). Needs torch
(``pip install torch==2.13.0`` installs the CPU build); never imported by annviz.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from annviz.nn.config import TrainConfig
from annviz.nn.optimizers import ONE_CYCLE_END, ONE_CYCLE_START, ONE_CYCLE_WARMUP


def build(config: TrainConfig, seed: int) -> nn.Sequential:
    torch.manual_seed(seed)
    sizes = [784, *config.hidden, 10]
    layers: list[nn.Module] = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        linear = nn.Linear(n_in, n_out)
        last = i == len(sizes) - 2
        if last:
            nn.init.xavier_normal_(linear.weight)
        else:
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")   # N(0, 2 / n_in)
        nn.init.zeros_(linear.bias)
        layers += [linear] if last else [linear, nn.ReLU()]
    return nn.Sequential(*layers)


def batches(model: nn.Sequential, config: TrainConfig, x: torch.Tensor, y: torch.Tensor, seed: int):
    """Train ``model`` on (x, y) one mini-batch per ``next()``, to the end of the recipe."""
    n, bs = len(x), config.batch_size
    per_epoch = math.ceil(n / bs)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=config.lr, total_steps=config.epochs * per_epoch, pct_start=ONE_CYCLE_WARMUP,
        div_factor=ONE_CYCLE_START, final_div_factor=ONE_CYCLE_END, anneal_strategy="cos",
        cycle_momentum=False)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    generator = torch.Generator().manual_seed(seed)
    model.train()
    for _ in range(config.epochs):
        order = torch.randperm(n, generator=generator)
        for start in range(0, n, bs):
            idx = order[start:start + bs]
            loss = loss_fn(model(x[idx]), y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
            yield


def snapshot(model: nn.Module):
    return [p.detach().clone() for p in model.parameters()]


def restore(model: nn.Module, weights) -> None:
    with torch.no_grad():
        for p, w in zip(model.parameters(), weights):
            p.copy_(w)


def predictor(model: nn.Module):
    @torch.no_grad()
    def predict(x: np.ndarray) -> np.ndarray:
        return model(torch.from_numpy(x)).argmax(1).numpy()
    return predict
