"""annviz's convolutional network written as one would write it in PyTorch (for bench_cnn.py).

The same layers as ``TrainConfig.conv_layers`` builds (each convolution 5×5, padded by 2, its
activation, a 2×2 max-pool; a flatten; the dense layers) as an ``nn.Sequential`` of ``Conv2d``,
``ReLU``, ``MaxPool2d``, ``Flatten`` and ``Linear``; the same initialisation (annviz's "auto": He
for ReLU layers, Xavier for the softmax layer, as PyTorch counts a kernel's fans; zero biases);
the same optimizer (Adam, β = (0.9, 0.999), ε = 1e-8, L2 on the weights only), the same
learning-rate schedule stepped per batch, the same label smoothing, batch size and epochs; the
training set as one float32 tensor of images in memory, shuffled each epoch, batches taken by
index. Only the random numbers differ (torch's generator draws the weights and the order).
Needs torch (``pip install torch==2.13.0`` installs the CPU build); never imported by annviz.
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch import nn

from annviz.nn.config import TrainConfig
from annviz.nn.network import default_init
from annviz.nn.optimizers import ONE_CYCLE_END, ONE_CYCLE_START, ONE_CYCLE_WARMUP

ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh,
               "leaky_relu": lambda: nn.LeakyReLU(0.01)}
SIDE = 28   # MNIST's images, one channel


def unsupported(config: TrainConfig) -> str | None:
    """What in ``config`` this PyTorch version does not do as annviz does (None: nothing)."""
    if config.augment:
        return "augmentation (annviz's own random shifts, rotations and scalings)"
    if config.output != "softmax" or config.loss != "cross-entropy":
        return f"{config.output} outputs with {config.loss} (only softmax with cross-entropy)"
    if config.optimizer != "adam":
        return f"the {config.optimizer} optimizer (only Adam)"
    if any(a not in ACTIVATIONS for a in config.layer_activations()[:-1]):
        return f"activations {config.layer_activations()[:-1]}"
    return None


def _init(weight: torch.Tensor, activation: str, config: TrainConfig) -> None:
    scheme = default_init(activation) if config.init == "auto" else config.init
    if scheme == "he":
        nn.init.kaiming_normal_(weight, nonlinearity="relu")      # N(0, 2 / fan_in)
    else:
        nn.init.xavier_normal_(weight)                            # N(0, 2 / (fan_in + fan_out))


def build(config: TrainConfig, seed: int, n_out: int = 10) -> nn.Sequential:
    torch.manual_seed(seed)
    *hidden_acts, _ = config.layer_activations()
    layers: list[nn.Module] = []
    channels, side = 1, SIDE
    for filters in config.conv:
        conv = nn.Conv2d(channels, filters, 5, padding=2)
        _init(conv.weight, config.activation, config)
        nn.init.zeros_(conv.bias)
        layers += [conv, ACTIVATIONS[config.activation](), nn.MaxPool2d(2)]
        channels, side = filters, side // 2
    layers.append(nn.Flatten())
    n_in = channels * side * side
    for size, activation in zip(config.hidden, hidden_acts):
        linear = nn.Linear(n_in, size)
        _init(linear.weight, activation, config)
        nn.init.zeros_(linear.bias)
        layers += [linear, ACTIVATIONS[activation]()]
        n_in = size
    last = nn.Linear(n_in, n_out)
    _init(last.weight, "softmax", config)
    nn.init.zeros_(last.bias)
    return nn.Sequential(*layers, last)


def images(x: np.ndarray) -> torch.Tensor:
    """Rows of pixels (n, 784), float32, as a tensor of images (n, 1, 28, 28) sharing the memory."""
    return torch.from_numpy(x).view(-1, 1, SIDE, SIDE)


def batches(model: nn.Sequential, config: TrainConfig, x: torch.Tensor, y: torch.Tensor, seed: int):
    """Train ``model`` on images x (n, 1, 28, 28) and labels y, one mini-batch per ``next()``
    (which gives the batch's size), to the end of the recipe."""
    n, bs = len(x), config.batch_size
    total = config.epochs * math.ceil(n / bs)
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    optimizer = torch.optim.Adam([{"params": weights, "weight_decay": config.weight_decay},
                                  {"params": biases, "weight_decay": 0.0}], lr=config.lr)
    schedule = None
    if config.schedule == "cosine":
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total, eta_min=0.0)
    elif config.schedule == "one-cycle":
        schedule = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=config.lr, total_steps=total, pct_start=ONE_CYCLE_WARMUP,
            div_factor=ONE_CYCLE_START, final_div_factor=ONE_CYCLE_END, anneal_strategy="cos",
            cycle_momentum=False)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    generator = torch.Generator().manual_seed(seed)
    model.train()
    done = 0
    for _ in range(config.epochs):
        order = torch.randperm(n, generator=generator)
        for start in range(0, n, bs):
            idx = order[start:start + bs]
            loss = loss_fn(model(x[idx]), y[idx])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            done += 1
            if schedule is not None and done < total:   # no step past the last (OneCycleLR refuses)
                schedule.step()
            yield len(idx)


def snapshot(model: nn.Module):
    return [p.detach().clone() for p in model.parameters()]


def restore(model: nn.Module, weights) -> None:
    with torch.no_grad():
        for p, w in zip(model.parameters(), weights):
            p.copy_(w)


def predictor(model: nn.Module):
    @torch.no_grad()
    def predict(x: np.ndarray) -> np.ndarray:
        return model(images(np.ascontiguousarray(x, dtype=np.float32))).argmax(1).numpy()
    return predict
