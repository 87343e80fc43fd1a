"""What keeps a network from forgetting MNIST while it learns a learner's digits (annviz/teach.py).

Besides replay (MNIST examples mixed into the lesson, :func:`annviz.teach.prepare_lesson`), three
anchors to the network as it was before the lesson, each a term added to the gradient of every
step by :class:`ProtectedTrainer`:

- **distillation** (Hinton, Vinyals & Dean 2015; "learning without forgetting", Li & Hoiem 2016):
  each step also sees a batch of MNIST inputs whose targets are the original network's own
  outputs (its probabilities), so the function it computed on MNIST is pulled back, not only
  the labels it got right. Weight ``distill``; for softmax and cross-entropy the gradient with
  respect to the output's z is (p_now − p_before) / batch (the loss's own δ, to soft targets).
- **an L2 pull toward the starting weights** ("L2-SP", Li, Grandvalet & Davoine 2018):
  λ/2 · Σ (w − w₀)², gradient λ (w − w₀). Weight ``anchor``.
- **elastic weight consolidation** (Kirkpatrick et al., PNAS 2017): the same pull, each weight's
  weighted by how much MNIST's loss depends on it — the diagonal of the Fisher information,
  estimated from the original network's gradients on MNIST examples, scaled to a mean of 1 so
  that ``anchor`` means the same with or without it.

and **freezing the first layer** (its weights and biases get no gradient: the features drawn from
the pixels stay as MNIST taught them). No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from annviz.nn.config import TrainConfig
from annviz.nn.losses import get_loss
from annviz.nn.network import Network
from annviz.nn.trainer import Trainer

FISHER_BATCH = 100   # examples per gradient in the Fisher estimate


@dataclass
class Anchor:
    """The network before the lesson, and how strongly the lesson is held to it."""

    weights: list[np.ndarray]            # the starting weights and biases (copies)
    biases: list[np.ndarray]
    anchor: float = 0.0                  # λ of the pull toward them (L2-SP, or EWC with fisher)
    fisher_w: list[np.ndarray] | None = None   # per weight, mean 1 over all parameters; None: L2-SP
    fisher_b: list[np.ndarray] | None = None
    distill: float = 0.0                 # weight of the distillation term
    pool: np.ndarray | None = None       # MNIST inputs for distillation (n, 784)
    targets: np.ndarray | None = None    # the original network's outputs on them (n, 10)
    freeze_first: bool = False

    @property
    def active(self) -> bool:
        return bool(self.anchor or (self.distill and self.pool is not None) or self.freeze_first)


def make_anchor(network: Network, *, anchor: float = 0.0, ewc: bool = False, distill: float = 0.0,
                freeze_first: bool = False, mnist_x: np.ndarray | None = None,
                mnist_y: np.ndarray | None = None, loss: str = "cross-entropy") -> Anchor:
    """The anchor for a lesson that starts from ``network``. ``mnist_x``/``mnist_y``: MNIST
    examples for the distillation pool (inputs only) and the Fisher estimate (with labels)."""
    result = Anchor([w.copy() for w in network.weights], [b.copy() for b in network.biases],
                    anchor=anchor, distill=distill, freeze_first=freeze_first)
    if distill and mnist_x is not None and len(mnist_x):
        result.pool = mnist_x
        result.targets = network.predict_proba(mnist_x)
    if anchor and ewc and mnist_x is not None and len(mnist_x):
        result.fisher_w, result.fisher_b = fisher_diagonal(network, mnist_x, mnist_y, loss)
    return result


def fisher_diagonal(network: Network, x: np.ndarray, y: np.ndarray, loss: str = "cross-entropy"):
    """The diagonal of the empirical Fisher information of ``network`` on (x, y) — the mean of the
    squared gradients of batches of FISHER_BATCH — scaled so that its mean over all parameters
    is 1: (per-weight arrays, per-bias arrays)."""
    cost = get_loss(loss)
    fw = [np.zeros_like(w) for w in network.weights]
    fb = [np.zeros_like(b) for b in network.biases]
    batches = max(1, len(x) // FISHER_BATCH)
    for k in range(batches):
        part = slice(k * FISHER_BATCH, (k + 1) * FISHER_BATCH)
        _, grads = network.gradients(x[part], y[part], cost)
        for acc, g in zip(fw + fb, grads.grad_w + grads.grad_b):
            acc += g * g
    total = sum(float(a.sum()) for a in fw + fb)
    count = sum(a.size for a in fw + fb)
    scale = count / total if total > 0 else 1.0
    return [a * np.float32(scale) for a in fw], [a * np.float32(scale) for a in fb]


class ProtectedTrainer(Trainer):
    """A trainer whose every step also holds the network to its ``Anchor`` (see the module)."""

    def __init__(self, network: Network, config: TrainConfig, train, anchor: Anchor,
                 check: tuple | None = None, **kwargs):
        super().__init__(network, config, train, **kwargs)
        self.anchor = anchor
        self._draw = np.random.default_rng([config.seed, 1])   # the distillation batches
        self.check = check          # early stopping: (my digits set aside, MNIST examples set aside)
        self.best: tuple[float, int, tuple] | None = None   # (score, epoch, (weights, biases))
        if check is not None:
            self.best = (self.check_score(), 0, network.snapshot())

    def check_score(self) -> float:
        """Accuracy on my digits set aside plus accuracy on the MNIST examples set aside."""
        return sum(float((self.network.predict(x) == y).mean()) for x, y in self.check if len(y))

    def steps(self):
        yield from super().steps()
        if self.best is not None and self.history.status == "finished":
            self.network.set_parameters(*self.best[2])   # the epoch that did best on the checks

    def _end_epoch(self, epoch, *args):
        record = super()._end_epoch(epoch, *args)
        if record is not None and self.check is not None:
            score = self.check_score()
            if score > self.best[0]:
                self.best = (score, epoch + 1, self.network.snapshot())
        return record

    def learn(self, x: np.ndarray, y: np.ndarray, lr: float, step: int):
        net, cost, anchor = self.network, self.loss, self.anchor
        forward = net.forward(x)
        out, out_activation = forward.output, net.layer_activations[-1]
        loss = cost.value(out, y, out_activation)
        delta = cost.delta(forward.zs[-1], out, y, out_activation)
        grads = net.backprop(forward, delta)
        if not math.isfinite(loss):
            return "became NaN or infinite"
        if self._rising(loss, step):
            return f"rose to {self._smoothed:.3g} from {self._start_loss:.3g}"
        if anchor.distill and anchor.pool is not None:
            pick = self._draw.integers(len(anchor.pool), size=len(x))
            old = net.forward(anchor.pool[pick])   # the loss's own δ, to soft targets
            soft = cost.delta(old.zs[-1], old.output, anchor.targets[pick], out_activation)
            more = net.backprop(old, soft * np.float32(anchor.distill))
            for g, m in zip(grads.grad_w + grads.grad_b, more.grad_w + more.grad_b):
                g += m
        if anchor.anchor:
            params = zip(net.weights + net.biases, anchor.weights + anchor.biases,
                         grads.grad_w + grads.grad_b,
                         (anchor.fisher_w + anchor.fisher_b) if anchor.fisher_w is not None
                         else [None] * (2 * net.n_layers))
            for p, p0, g, f in params:
                pull = (p - p0) * np.float32(anchor.anchor)
                g += pull if f is None else pull * f
        if anchor.freeze_first:
            grads.grad_w[0][...] = 0
            grads.grad_b[0][...] = 0
        self.optimizer.lr = lr
        self.optimizer.step(net.weights + net.biases, grads.grad_w + grads.grad_b, net.n_layers)
        return loss, out
