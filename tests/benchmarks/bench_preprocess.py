"""Benchmark of the data package's hot paths: ``python tests/benchmarks/bench_preprocess.py``.

Prints median and 99th percentile of canvas_to_mnist on a 280x280 canvas (a real MNIST digit
upscaled 10x, as the drawing pad would hand it over) alone and followed by the forward pass of
784-128-64-10, augment_batch for several batch sizes,
and, for reference, reading the full MNIST training images and a 280x280 PNG.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annviz.data import (  # noqa: E402
    augment_batch,
    canvas_to_mnist,
    load_dataset,
    read_idx,
    read_image,
    to_inputs,
    write_png,
)
from annviz.nn import Network  # noqa: E402
from annviz.paths import resources_dir  # noqa: E402


def measure(name: str, run: Callable[[], object], repeats: int, unit: str = "us") -> None:
    run()  # warm up
    seconds = np.empty(repeats)
    for i in range(repeats):
        start = time.perf_counter()
        run()
        seconds[i] = time.perf_counter() - start
    scale = {"us": 1e6, "ms": 1e3}[unit]
    median, p99 = np.median(seconds) * scale, np.percentile(seconds, 99) * scale
    print(f"{name:<48} median {median:8.1f} {unit}   p99 {p99:8.1f} {unit}   (n={repeats})")


def main() -> None:
    mnist = load_dataset("mnist")
    digit = mnist.test_images[0]  # a 7
    canvas = np.kron(255 - digit, np.ones((10, 10), np.uint8))  # 280x280, dark ink on white
    rgba = np.dstack([canvas] * 3 + [np.full_like(canvas, 255)])
    measure("canvas_to_mnist 280x280 uint8", lambda: canvas_to_mnist(canvas), 2000)
    measure("canvas_to_mnist 280x280 float32", lambda: canvas_to_mnist(canvas / 255.0), 2000)
    measure("canvas_to_mnist 280x280 RGBA uint8", lambda: canvas_to_mnist(rgba), 1000)
    measure("canvas_to_mnist 28x28 MNIST digit", lambda: canvas_to_mnist(digit), 2000)
    net = Network.build([784, 128, 64, 10], hidden="relu", seed=0)
    measure("canvas_to_mnist + forward 784-128-64-10",
            lambda: net.forward(canvas_to_mnist(canvas).reshape(1, -1)), 2000)

    rng = np.random.default_rng(0)
    x = to_inputs(mnist.train_images[:256])
    for batch in (64, 128, 256):
        measure(f"augment_batch batch {batch}", lambda b=batch: augment_batch(x[:b], rng), 1000)

    images = resources_dir() / "mnist" / "train-images-idx3-ubyte.gz"
    measure("read_idx train-images (60000, gzip)", lambda: read_idx(images), 10, unit="ms")
    measure("load_dataset('mnist') cached", lambda: load_dataset("mnist"), 1000)
    with tempfile.TemporaryDirectory() as folder:
        png = write_png(Path(folder) / "c.png", canvas)
        measure("read_image 280x280 grey PNG", lambda: read_image(png), 50, unit="ms")


if __name__ == "__main__":
    main()
