"""The Convolution page's training loop, run by a ``threads.WorkerThread`` (see threads.py).

``work`` loads the data and builds the network and its ``Trainer`` from a ``TrainConfig`` (as the
command line does: ``annviz.recipes``), then trains one mini-batch per turn (``wait_for_turn``:
Stop is noticed between two batches). It sends, from its own thread, only copies:

- ``snapshot(weights, biases, progress)`` at most ``UPDATES_PER_S`` times a second, and not
  before the GUI has shown the last one (``snapshot_shown``), so a slow screen never builds up
  a queue; ``progress`` is a ``Progress`` (batches, epochs, the losses since the last snapshot
  and each batch's first-layer kernels, for the time machine);
- ``epoch_done(epoch, test_accuracy)`` at each epoch's end;
- ``finished`` (threads.Worker) with the last ``Progress`` when the run ends or is stopped.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from PySide6.QtCore import Signal

from annviz.gui.threads import Worker
from annviz.nn.config import TrainConfig
from annviz.recipes import build_network, build_trainer, prepare_data

UPDATES_PER_S = 12


@dataclass
class Progress:
    step: int = 0
    batches: int = 0                 # in all the epochs asked for
    epoch: int = 0                   # epochs done
    losses: list[float] = field(default_factory=list)      # batch losses since the last report
    stopped: bool = False
    kernels: list = field(default_factory=list)   # (step, first convolution's kernels (f, k, k)) since then


class ConvTrainWorker(Worker):
    snapshot = Signal(object, object, object)     # weights, biases, Progress
    epoch_done = Signal(int, float)               # epoch (1-based), test accuracy

    def __init__(self, config: TrainConfig):
        super().__init__()
        self.config = config
        self._shown = threading.Event()
        self._shown.set()

    def snapshot_shown(self) -> None:
        """The GUI has shown the last snapshot: the worker may send the next one."""
        self._shown.set()

    def work(self) -> Progress:
        return self._train()

    def _train(self) -> Progress:
        progress = Progress(stopped=True)
        data = prepare_data(self.config)           # ~1 s: the one wait Stop cannot cut short
        if self.control.stop_requested:
            return progress
        net = build_network(self.config, n_out=data.n_classes)
        trainer = build_trainer(net, self.config, data)
        progress = Progress()
        last = 0.0
        for event in trainer.steps():
            progress.step = event.step
            progress.batches = event.batches_per_epoch * self.config.epochs
            progress.losses.append(float(event.loss))
            progress.kernels.append((event.step, net.weights[0][:, 0].copy()))     # 200 floats: the time machine
            if event.epoch_record is not None:
                progress.epoch = event.epoch_record.epoch
                accuracy = event.epoch_record.test_accuracy
                self.send(ConvTrainWorker.epoch_done, progress.epoch, float("nan") if accuracy is None else float(accuracy))
            now = time.perf_counter()
            if now - last >= 1 / UPDATES_PER_S and self._shown.is_set():
                self._shown.clear()
                weights, biases = net.snapshot()
                self.send(ConvTrainWorker.snapshot, weights, biases, progress)
                progress = Progress(progress.step, progress.batches, progress.epoch)
                last = now
            if not self.control.wait_for_turn():
                progress.stopped = True
                break
        weights, biases = net.snapshot()
        self.send(ConvTrainWorker.snapshot, weights, biases, progress)
        return progress
