"""Where an annviz ConvNet's training step goes, timed from outside (for bench_cnn.py).

Nothing in annviz is edited: for the batches profiled, the functions ``annviz.nn.convnet`` calls
(``conv_forward``, ``conv_backward``, ``maxpool_forward``, ``maxpool_backward``) are replaced in
that module's namespace by timed wrappers, and so are the methods of this network's and this
trainer's own objects (each layer's activation, the loss, the optimizer, ``forward`` and
``backprop``); everything is put back afterwards, even after an error. The dense layers and the
flatten are written inline in ``ConvNet.forward`` and ``backprop``: their time is what is left
of those two. A wrapper costs about a microsecond, against milliseconds per step.

``conv_parts`` then splits each convolution into its matrix products and the rest (padding,
im2col copy, bias, col2im), by timing the real functions and, beside them, the same products on
the same arrays.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np

import annviz.nn.convnet as convnet_module
from annviz.nn.convolution import Workspace, conv_backward, conv_forward

MODULE_FUNCTIONS = ("conv_forward", "conv_backward", "maxpool_forward", "maxpool_backward")


class StepProfile:
    """Seconds per part of the step, summed over the batches profiled, and the float dtypes of
    what each part returned (float64 in a float32 network is a slow path)."""

    def __init__(self, trainer):
        self.trainer, self.net = trainer, trainer.network
        self.seconds: dict[str, float] = defaultdict(float)
        self.dtypes: dict[str, set] = defaultdict(set)
        self.steps = 0
        self._undo: list = []
        conv_ids = [l for l, i in enumerate(self.net.weight_layers) if self.net.layers[i].kind == "conv"]
        self._conv_names = {id(self.net.weights[l]): f"conv {n + 1} {_shape(self.net.weights[l].shape)}"
                            for n, l in enumerate(conv_ids)}

    # --- wrapping ------------------------------------------------------------------------------

    def _timed(self, fn, key):
        seconds, dtypes = self.seconds, self.dtypes

        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            result = fn(*args, **kwargs)
            name = key(*args) if callable(key) else key
            seconds[name] += time.perf_counter() - t0
            for value in result if isinstance(result, tuple) else (result,):
                if isinstance(value, np.ndarray) and value.dtype.kind == "f":
                    dtypes[name].add(value.dtype.name)
            return result
        return timed

    def _patch(self, owner, attribute, key) -> None:
        had_own = attribute in vars(owner)         # a module's function; else a class's method
        original = getattr(owner, attribute)
        self._undo.append((owner, attribute, original if had_own else None))
        setattr(owner, attribute, self._timed(original, key))

    def __enter__(self) -> StepProfile:
        try:
            names = self._conv_names
            self._patch(convnet_module, "conv_forward", lambda x, w, *a: f"forward  {names[id(w)]}")
            self._patch(convnet_module, "conv_backward", lambda d, c, w, *a: f"backward {names[id(w)]}")
            self._patch(convnet_module, "maxpool_forward",
                        lambda x: f"forward  max-pool 2 of {_shape(x.shape[:1] + x.shape[2:])}")
            self._patch(convnet_module, "maxpool_backward",
                        lambda g, which, shape, *a: f"backward max-pool 2 to {_shape(shape[:1] + shape[2:])}")
            for l, act in enumerate(self.net.layer_activations):
                where = f"{act.name} (weight layer {l + 1})"
                self._patch(act, "f", f"forward  {where}")
                self._patch(act, "backward", f"backward {where}")
            self._patch(self.trainer.loss, "value", "loss value")
            self._patch(self.trainer.loss, "delta", "loss δ (dL/dz of the output)")
            self._patch(self.trainer.optimizer, "step", f"{self.trainer.optimizer.name} update")
            self._patch(self.net, "forward", "forward total")
            self._patch(self.net, "backprop", "backward total")
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        while self._undo:
            owner, attribute, original = self._undo.pop()
            if original is None:
                delattr(owner, attribute)          # an instance: its class's method shows again
            else:
                setattr(owner, attribute, original)

    def run(self, steps, n: int) -> None:
        """Train ``n`` batches of the trainer's ``steps()`` generator, timing each whole step."""
        for _ in range(n):
            t0 = time.perf_counter()
            next(steps)
            self.seconds["step total"] += time.perf_counter() - t0
            self.steps += 1

    # --- the table -----------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, float]]:
        """(part, milliseconds per step), in the order of a step; the totals' remainders are the
        dense layers (inline), and the trainer's own work (gathering the batch, bookkeeping)."""
        s, n = dict(self.seconds), max(self.steps, 1)
        parts = [k for k in s if k.startswith(("forward ", "backward ")) and "total" not in k]
        forward = sorted(k for k in parts if k.startswith("forward "))
        backward = sorted((k for k in parts if k.startswith("backward ")), reverse=True)
        inline_f = s.get("forward total", 0) - sum(s[k] for k in forward)
        inline_b = s.get("backward total", 0) - sum(s[k] for k in backward)
        loss = [k for k in s if k.startswith("loss")]
        update = [k for k in s if k.endswith(" update")]
        counted = s.get("forward total", 0) + s.get("backward total", 0) + sum(s[k] for k in loss + update)
        rows = [(k, s[k]) for k in forward] + [("forward  dense layers, flatten (the rest of forward)", inline_f)]
        rows += [(k, s[k]) for k in loss]
        rows += [(k, s[k]) for k in backward] + [("backward dense layers, flatten (the rest of backprop)", inline_b)]
        rows += [(k, s[k]) for k in update]
        rows += [("the trainer's own (batch gather, schedule, bookkeeping)", s.get("step total", 0) - counted)]
        rows += [("step total", s.get("step total", 0))]
        return [(name, 1000 * sec / n) for name, sec in rows]

    def float64_parts(self) -> list[str]:
        return sorted(k for k, kinds in self.dtypes.items() if "float64" in kinds)


def _shape(shape) -> str:
    return "×".join(str(int(n)) for n in shape)


def _best_ms(fn, repeats: int) -> float:
    """The fastest of ``repeats`` calls, in milliseconds (the machine's noise only adds)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return 1000 * best


def conv_parts(net, x: np.ndarray, repeats: int = 20) -> list[tuple[str, dict[str, float]]]:
    """For each convolution of ``net`` on the batch ``x`` (rows of pixels): milliseconds (best of
    ``repeats``) of the whole forward and backward functions, of their matrix products alone on
    the same arrays, and what is left (padding + im2col copy + bias; grad of the bias + col2im)."""
    fwd = net.forward(x)
    out = []
    for l, i in enumerate(net.weight_layers):
        layer = net.layers[i]
        if layer.kind != "conv":
            continue
        a = np.ascontiguousarray(fwd.activations[i])               # this convolution's input maps
        w, b = net.weights[l], net.biases[l]
        f = w.shape[0]
        ws = Workspace()

        def forward():
            z, cols = conv_forward(a, w, b, layer.padding, ws)
            ws.give("cols", cols)

        z, cols = conv_forward(a, w, b, layer.padding, Workspace())
        w2 = w.reshape(f, -1)
        delta = np.random.default_rng(0).standard_normal(z.shape).astype(z.dtype)
        d = delta.reshape(f, -1)
        input_grad = i != 0                                         # as ConvNet.backprop: none for the input
        parts = {"forward": _best_ms(forward, repeats), "forward product W·cols": _best_ms(lambda: w2 @ cols, repeats)}
        parts["forward rest: pad, im2col copy, bias"] = parts["forward"] - parts["forward product W·cols"]
        parts["backward"] = _best_ms(lambda: conv_backward(delta, cols, w, layer.padding, input_grad, ws), repeats)
        parts["backward product δ·colsᵀ (kernels)"] = _best_ms(lambda: d @ cols.T, repeats)
        parts["backward product Wᵀ·δ (inputs)"] = _best_ms(lambda: w2.T @ d, repeats) if input_grad else 0.0
        products = parts["backward product δ·colsᵀ (kernels)"] + parts["backward product Wᵀ·δ (inputs)"]
        parts["backward rest: bias sum, col2im, crop"] = parts["backward"] - products
        parts["cols MB"] = cols.nbytes / 2**20
        out.append((f"conv {len(out) + 1} {_shape(w.shape)}, input {_shape(a.shape)} (c, n, h, w)", parts))
    net.release(fwd)
    return out
