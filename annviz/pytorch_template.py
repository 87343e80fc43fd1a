#!/usr/bin/env python3
"""An annviz network in PyTorch: evaluate it, train it further.

annviz wrote this file (File → Export → PyTorch script) with the network's own values in the
block "This network" below, and its weights beside it (WEIGHTS_FILE): an annviz model file, whose
tensors are the state_dict of AnnvizMLP below (AnnvizCNN for a convolutional network). Say this
file is model.py:

    python model.py                   # loss and accuracy on the MNIST test set
    python model.py --data DIR        # ... reading the IDX files in DIR
    python model.py --epochs 3        # train 3 more epochs with annviz's settings, then evaluate
    python model.py --epochs 3 --save better.safetensors   # ... and save (annviz opens it)

Needs torch, numpy and safetensors. The data are read from local files, never downloaded:
without --data, the MNIST that annviz bundles is used when annviz is installed.
"""

# annviz keeps this file as annviz/pytorch_template.py: a program of its own (linted, compiled by
# its tests), into which annviz/pytorch_export.py writes a network's values, each as a Python
# literal, between the two lines "This network" and "end of this network" and nowhere else.

import argparse
import gzip
import json
import math
import sys
from pathlib import Path

import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from torch import nn
from torch.nn import functional as F

# --- This network (written by annviz's export; the rest of the file is the same for every network)
TITLE = "model"  # the model's name
NETWORK = "784-10 softmax"  # the network, as annviz describes it
ANNVIZ_VERSION = "0"  # the annviz that wrote this file
WEIGHTS_FILE = "model.safetensors"  # beside this file: the weights, an annviz model file
SIZES = [784, 10]  # an MLP's neurons per layer, the 784 input pixels first (None: a CNN, see LAYERS)
LAYERS = None  # a convolutional network's layers as its model file lists them (None: an MLP)
ACTIVATIONS = ["softmax"]  # one per Linear (or conv and dense) layer; the last is the output's
LOSS = "cross-entropy"  # "cross-entropy" or "mse"
SETTINGS_RECORDED = True  # False: the model's file records no training settings; these are annviz's defaults
OPTIMIZER = "sgd"  # "sgd", "momentum" or "adam"
LR = 0.1  # learning rate
MOMENTUM = 0.9  # used by the "momentum" optimizer
WEIGHT_DECAY = 0.0  # L2, on the weights only (not the biases)
SCHEDULE = "constant"  # "constant"; "cosine": from LR down to 0; "one-cycle": up to LR and down
LABEL_SMOOTHING = 0.0  # ε: cross-entropy's targets are (1 - ε)·one-hot + ε/classes
BATCH_SIZE = 32
AUGMENT = False  # random turns, scalings and shifts of every training batch
SEED = 0
DATASET = "mnist"
# --- end of this network -----------------------------------------------------------------------

WEIGHTS = Path(__file__).resolve().with_name(WEIGHTS_FILE)


# --- the network --------------------------------------------------------------------------------

ACTIVATION_FUNCTIONS = {  # name -> how PyTorch computes it (element-wise on z, or softmax over the outputs)
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": F.leaky_relu,  # slope 0.01 below zero, as annviz's
    "identity": lambda z: z,
    "softmax": lambda z: torch.softmax(z, dim=-1),
    "step": lambda z: (z >= 0).to(z.dtype),  # no slope: a step layer does not learn
}


class AnnvizMLP(nn.Module):
    """Linear layers in an nn.ModuleList named "layers", as annviz's model files store them.

    forward returns the last layer's weighted input z (the logits, for a softmax output), which
    the loss takes; probabilities applies the output activation: what annviz shows."""

    def __init__(self, sizes=SIZES, activations=ACTIVATIONS):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes, sizes[1:]))
        self.activations = list(activations)

    def forward(self, x):  # x: (batch, 784), pixels in [0, 1], white ink on black, row by row
        for layer, name in zip(self.layers[:-1], self.activations):
            x = ACTIVATION_FUNCTIONS[name](layer(x))
        return self.layers[-1](x)

    def probabilities(self, x):
        return ACTIVATION_FUNCTIONS[self.activations[-1]](self(x))


class Step(nn.Module):
    def forward(self, z):
        return (z >= 0).to(z.dtype)


ACTIVATION_MODULES = {  # a hidden activation as a module of a convolutional network's nn.Sequential
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "leaky_relu": nn.LeakyReLU,  # slope 0.01 below zero by default, as annviz's
    "step": Step,
}


class AnnvizCNN(nn.Sequential):
    """The convolutional network as the nn.Sequential whose state_dict annviz's model file is
    (0.weight, 3.weight, …): each conv or dense layer, then its activation's module (none after
    the last layer: its z are the logits the loss takes; probabilities applies the output
    activation: what annviz shows). Convolutions have stride 1, pools are 2×2."""

    def __init__(self, layers=LAYERS, activations=ACTIVATIONS):
        modules, (channels, height, width), n = [], (1, 28, 28), 0
        for i, layer in enumerate(layers):
            kind = layer["kind"]
            if kind == "conv":
                modules.append(nn.Conv2d(channels, layer["filters"], layer["kernel"], padding=layer["padding"]))
                channels = layer["filters"]
                height = height + 2 * layer["padding"] - layer["kernel"] + 1
                width = width + 2 * layer["padding"] - layer["kernel"] + 1
            elif kind == "pool":
                modules.append(nn.MaxPool2d(2))
                height, width = height // 2, width // 2
            elif kind == "flatten":
                modules.append(nn.Flatten())
                channels, height, width = channels * height * width, 1, 1
            else:
                modules.append(nn.Linear(channels, layer["size"]))
                channels = layer["size"]
            if kind in ("conv", "dense"):
                if i < len(layers) - 1 and activations[n] != "identity":
                    modules.append(ACTIVATION_MODULES[activations[n]]())
                n += 1
        super().__init__(*modules)
        self.output_activation = activations[-1]

    def forward(self, x):  # x: (batch, 784), pixels in [0, 1], white ink on black, row by row
        return super().forward(x.view(-1, 1, 28, 28))

    def probabilities(self, x):
        return ACTIVATION_FUNCTIONS[self.output_activation](self(x))


def make_model():
    """The network, its weights not yet loaded: AnnvizMLP, or AnnvizCNN for a convolutional one."""
    return AnnvizMLP() if LAYERS is None else AnnvizCNN()


# --- the loss -----------------------------------------------------------------------------------

def smoothed(y, z):
    """The target vectors of the labels y: (1 - ε)·one-hot + ε/classes (ε = LABEL_SMOOTHING)."""
    return F.one_hot(y, z.shape[1]).to(z.dtype) * (1 - LABEL_SMOOTHING) + LABEL_SMOOTHING / z.shape[1]


def loss_fn(z, y):
    """annviz's loss LOSS, the batch mean, from z (batch, n_out) and labels y (batch,)."""
    output = ACTIVATIONS[-1]
    if LOSS == "mse":  # half the squared distance to the one-hot target
        a = ACTIVATION_FUNCTIONS[output](z)
        targets = F.one_hot(y, z.shape[1]).to(z.dtype)
        return 0.5 * ((a - targets) ** 2).sum() / len(z)
    if output == "softmax":  # -log of the true class's probability, the targets smoothed
        return F.cross_entropy(z, y, label_smoothing=LABEL_SMOOTHING)
    if output == "sigmoid":  # binary cross-entropy per output, summed
        return F.binary_cross_entropy_with_logits(z, smoothed(y, z), reduction="sum") / len(z)
    a = ACTIVATION_FUNCTIONS[output](z)
    eps = torch.finfo(z.dtype).eps  # the smallest probability inside the log
    return -(smoothed(y, z) * torch.log(a.clamp_min(eps))).sum(1).mean()


# --- data: MNIST's IDX files --------------------------------------------------------------------

FILES = {"train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
         "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}


def read_idx(path):
    """An IDX file (raw or .gz) as a uint8 array: images (n, 28, 28) or labels (n,)."""
    with (gzip.open if path.suffix == ".gz" else open)(path, "rb") as f:
        data = f.read()
    if data[:2] != bytes(2) or data[2] != 8:  # two zero bytes, then 0x08: unsigned bytes
        sys.exit(f"{path}: not an IDX file of unsigned bytes")
    ndim = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_split(folder, split):
    """(inputs float32 (n, 784) in [0, 1], labels int64 (n,)) of the split "train" or "test"."""
    arrays = []
    for stem in FILES[split]:
        found = [folder / name for name in (stem, stem + ".gz") if (folder / name).is_file()]
        if not found:
            sys.exit(f"{folder} has no {stem}[.gz]: pass --data with a folder of MNIST's IDX files")
        arrays.append(read_idx(found[0]))
    images, labels = arrays
    x = torch.from_numpy(images.reshape(len(images), 784).astype(np.float32) / 255)
    return x, torch.from_numpy(labels.astype(np.int64))


def default_data_folder():
    """The dataset annviz used, where annviz keeps it, if annviz is installed; else None."""
    try:
        from annviz.data.datasets import bundled_mnist_dir, fashion_mnist_dir
    except ImportError:
        return None
    return {"mnist": bundled_mnist_dir, "fashion-mnist": fashion_mnist_dir}.get(DATASET, lambda: None)()


# --- evaluating and training --------------------------------------------------------------------

@torch.no_grad()
def evaluate(model, x, y, chunk=10_000):
    """(mean loss, accuracy) on the examples x with labels y."""
    zs = torch.cat([model(x[i:i + chunk]) for i in range(0, len(x), chunk)])
    return loss_fn(zs, y).item(), (zs.argmax(1) == y).double().mean().item()


def learning_rate(step, total_steps):
    """annviz's learning rate at step (0-based) of total_steps. "one-cycle" is what
    torch.optim.lr_scheduler.OneCycleLR(optimizer, LR, total_steps, pct_start=0.25, div_factor=25,
    final_div_factor=1e4, cycle_momentum=False) gives: LR/25 up to LR over the first quarter of the
    steps, then down to LR/25/1e4, each half along a cosine."""
    if SCHEDULE == "cosine" and total_steps > 0:
        return LR * 0.5 * (1 + math.cos(math.pi * min(step / total_steps, 1.0)))
    if SCHEDULE == "one-cycle" and total_steps > 0:
        def along_cosine(start, end, progress):
            return end + (start - end) * 0.5 * (1 + math.cos(math.pi * progress))
        peak_step, last = 0.25 * total_steps - 1, total_steps - 1
        step = min(step, last)
        if step <= peak_step:
            return along_cosine(LR / 25, LR, step / peak_step if peak_step > 0 else 1.0)
        return along_cosine(LR, LR / 25 / 1e4, (step - peak_step) / (last - peak_step))
    return LR


def affine(x, angles, scales, shifts):
    """Turn, scale and shift each image of x (batch, 784) about the pixel (14, 14), as annviz does:
    output pixel p reads the input at pivot + R(-angle) (p - pivot - shift) / scale, bilinear,
    zero outside. shifts (batch, 2) are (down, right) in pixels."""
    n = len(x)
    c, s = torch.cos(angles) / scales, torch.sin(angles) / scales          # (batch,)
    pivot = 14 / 13.5 - 1  # pixel 14 where pixels 0 and 27 are -1 and 1 (align_corners=True)
    right, down = shifts[:, 1] / 13.5 + pivot, shifts[:, 0] / 13.5 + pivot
    theta = torch.stack([torch.stack([c, -s, pivot - c * right + s * down], 1),
                         torch.stack([s, c, pivot - s * right - c * down], 1)], 1)  # (batch, 2, 3)
    grid = F.affine_grid(theta, (n, 1, 28, 28), align_corners=True)
    out = F.grid_sample(x.view(n, 1, 28, 28), grid, mode="bilinear", padding_mode="zeros",
                        align_corners=True)
    return out.view(n, 784)


def augment(x, generator):
    """annviz's augmentation (when AUGMENT): each image turned by up to ±10°, scaled by 1 ± 0.1 and
    shifted by up to ±2 pixels along each axis, drawn uniformly."""
    def uniform(low, high, *shape):
        return low + (high - low) * torch.rand(*shape, generator=generator)

    n = len(x)
    return affine(x, torch.deg2rad(uniform(-10.0, 10.0, n)), 1 + uniform(-0.1, 0.1, n),
                  uniform(-2.0, 2.0, n, 2))


def make_optimizer(model):
    """annviz's optimizer with its settings; L2 weight decay on the weights, not the biases."""
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    groups = [{"params": weights, "weight_decay": WEIGHT_DECAY}, {"params": biases, "weight_decay": 0.0}]
    if OPTIMIZER == "adam":
        return torch.optim.Adam(groups, lr=LR)  # the same update and ε as annviz's Adam
    if OPTIMIZER == "momentum":
        return torch.optim.SGD(groups, lr=LR, momentum=MOMENTUM)
    return torch.optim.SGD(groups, lr=LR)


def train_step(model, optimizer, xb, yb, lr):
    """One step of gradient descent on a mini-batch: forward → loss → backward → update."""
    for group in optimizer.param_groups:
        group["lr"] = lr
    loss = loss_fn(model(xb), yb)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def train(model, x, y, epochs, test):
    """epochs more passes over (x, y) in shuffled mini-batches, with a fresh optimizer (annviz's
    file keeps the weights, not the optimizer's running averages)."""
    generator = torch.Generator().manual_seed(SEED)
    optimizer = make_optimizer(model)
    batches = math.ceil(len(x) / BATCH_SIZE)
    step = 0
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        total = 0.0
        for start in range(0, len(x), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            xb, yb = x[batch], y[batch]
            if AUGMENT:
                xb = augment(xb, generator)
            total += train_step(model, optimizer, xb, yb, learning_rate(step, epochs * batches)) * len(batch)
            step += 1
        model.eval()
        test_loss, test_accuracy = evaluate(model, *test)
        print(f"epoch {epoch}  train loss {total / len(x):.4f}  test loss {test_loss:.4f}  "
              f"test accuracy {test_accuracy:.2%}", flush=True)


def save(model, path, test_accuracy):
    """An annviz model file again: the tensors, and annviz's metadata with the new accuracy."""
    with safe_open(WEIGHTS, "pt") as f:
        meta = json.loads(f.metadata()["annviz"])
    meta.update(test_accuracy=test_accuracy, history={}, source="pytorch")
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(path),
              metadata={"annviz": json.dumps(meta)})


def main(argv=None):
    parser = argparse.ArgumentParser(description=f"{TITLE} in PyTorch: evaluate it, train it further.")
    parser.add_argument("--data", type=Path, metavar="DIR", help="folder of MNIST's IDX files (default: annviz's own, "
                        "if annviz is installed)")
    parser.add_argument("--epochs", type=int, default=0, metavar="N", help="epochs to train before evaluating")
    parser.add_argument("--save", type=Path, metavar="FILE", help="where to save the trained model (.safetensors)")
    args = parser.parse_args(argv)
    folder = args.data or default_data_folder()
    if folder is None:
        sys.exit(f"no {DATASET} folder: pass --data DIR, a folder with {FILES['test'][0]}[.gz] "
                 "and the other IDX files (this script never downloads)")
    torch.manual_seed(SEED)
    model = make_model()
    model.load_state_dict(load_file(WEIGHTS), strict=True)
    model.eval()
    test = load_split(Path(folder), "test")
    if args.epochs > 0:
        train(model, *load_split(Path(folder), "train"), args.epochs, test)
    loss, accuracy = evaluate(model, *test)
    n = len(test[1])
    print(f"test loss {loss:.4f}  test accuracy {accuracy:.2%} ({round(accuracy * n):,} of {n:,} images)")
    if args.save is not None:
        save(model, args.save, accuracy)
        print(f"saved {args.save}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
