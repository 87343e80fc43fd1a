"""The training process: the app's runs trained in a Python of their own.

Why. Python runs one thread at a time. In a thread of the app, every millisecond the GUI thread
spent in Python (a view redrawn, a pad stroke) the training waited for the interpreter lock, and
the other way round: the app trained at ~80 % of the speed of the command line, and strokes
waited behind batches. In its own process the loop has its own interpreter lock; the two share
only the processor's cores.

What crosses, as pickles over one socket pair (``channel.py``):

- to the process: ``Job`` (what to train: a network and configuration — with a moment's state to
  continue from — or a finished run's trainer, without its data, to go on with), then the GUI's
  commands as they are given (``pacing.Command``: pause, holds, steps, the pace…; ``To``: more
  epochs, new η/μ/λ, pause at the epoch's end), and ``To.QUIT``;
- from it: what the loop sends (``From.SENT`` with a ``loop.Sent`` and its payload), ``PAUSED``
  and ``RESUMED``, and at the end ``FINISHED`` with the trainer (its network, history, optimizer,
  doctor — the data left behind: ``Trainer.without_data``) or ``FAILED`` with the exception.

The process serves one run after another (the data is read for each, as the thread did) and
ends when told, or as soon as its socket closes: when the app ends, however it ends. It reads
its socket in a thread of its own, so a command reaches the loop between two batches, as in the
app; the loop's thread never waits for the socket.

``python -m annviz.run FD APP_PID`` (run/__main__.py): FD is the socket's file descriptor,
inherited; APP_PID the app's process, which this one does not outlive.
"""

from __future__ import annotations

import gc
import logging
import pickle
import queue
import socket
import sys
import threading
import traceback
from dataclasses import dataclass
from enum import Enum

from annviz.nn.config import TrainConfig
from annviz.nn.network import Network
from annviz.nn.trainer import Trainer, TrainerState
from annviz.recipes import build_trainer, prepare_data
from annviz.run import channel
from annviz.run.loop import RunLoop
from annviz.run.pacing import Command, Gate, Pace, obey

log = logging.getLogger(__name__)

#: At the end, how long the writer may take to send what is left.
QUIT_WRITE_S = 2.0


class To(Enum):
    """Messages to the process, besides ``Job`` and ``pacing.Command``."""

    ADD_EPOCHS = "add_epochs"                  # n
    HYPERPARAMETERS = "hyperparameters"        # dict: lr=, momentum=, weight_decay=
    PAUSE_AT_EPOCH_END = "pause_at_epoch_end"  # bool
    QUIT = "quit"


class From(Enum):
    """Messages from the process."""

    SENT = "sent"            # loop.Sent, payload…
    PAUSED = "paused"
    RESUMED = "resumed"
    FINISHED = "finished"    # Trainer, without its data
    FAILED = "failed"        # the exception (or a RuntimeError with its text), traceback text


@dataclass
class Job:
    """One run: a fresh ``network`` trained by ``config`` (from ``start`` if given: a moment's
    state), or ``trainer`` — a finished run's, without its data — going on. Also how the run
    begins: paused or not, recorded or not, its BLAS threads, and the names of its classes."""

    config: TrainConfig
    network: Network | None = None
    start: TrainerState | None = None
    trainer: Trainer | None = None
    paused: bool = False
    record: bool = True
    blas_threads: int = 1
    class_names: tuple[str, ...] = ()

    def make_trainer(self) -> Trainer:
        """The trainer, with its data read here (in the training process, or the worker thread)."""
        data = prepare_data(self.config)
        if self.trainer is not None:
            return self.trainer.with_data(data.train, data.test, data.validation)
        assert self.network is not None
        trainer = build_trainer(self.network, self.config, data)
        if self.start is not None:
            trainer.restore(self.start)
            trainer.epochs = max(self.config.epochs, len(trainer.history.epochs) + 1)
        return trainer


class _Run:
    """The run under way in this process: its gate, pace and loop, which the reader commands."""

    def __init__(self, job: Job, send):
        self.job = job
        self.gate = Gate(job.paused)
        self.pace = Pace()
        self.gate.on_pause_change(lambda: send(From.PAUSED), lambda: send(From.RESUMED))
        self.loop = RunLoop(self.gate, self.pace, lambda kind, *payload: send(From.SENT, kind, *payload),
                            job.class_names, job.record, job.blas_threads)

    def obey(self, message) -> None:
        what, *args = message
        if isinstance(what, Command):
            obey(self.gate, self.pace, what, *args)
        else:
            carry_out(self.loop, message)


def carry_out(loop: RunLoop, message: tuple) -> None:
    """A ``To`` message for ``loop`` (more epochs, new η/μ/λ, pause at the epoch's end); QUIT
    and anything else is not the loop's."""
    what, *args = message
    if what is To.ADD_EPOCHS:
        loop.add_epochs(*args)
    elif what is To.HYPERPARAMETERS:
        loop.set_hyperparameters(**args[0])
    elif what is To.PAUSE_AT_EPOCH_END:
        loop.set_pause_at_epoch_end(*args)


class Server:
    """The process's side: reads the socket in a thread, writes it in another, trains in the
    main thread — which never waits for the socket: a large message (a network's weights) waits
    in the kernel's buffer until the app reads it, and the app's reader may wait for its own
    interpreter lock behind the GUI thread (measured: the loop then lost ~40 % of its time)."""

    def __init__(self, sock: socket.socket):
        self._sock = sock
        self._lock = threading.Lock()
        self._run: _Run | None = None
        self._runs: queue.Queue[_Run | None] = queue.Queue()
        self._outgoing: queue.SimpleQueue[tuple | None] = queue.SimpleQueue()

    def send(self, *message) -> None:
        """Sent in order, by the writer (never blocks)."""
        self._outgoing.put(message)

    def serve(self) -> None:
        reader = threading.Thread(target=self._read, name="annviz-training-reader", daemon=True)
        writer = threading.Thread(target=self._write, name="annviz-training-writer", daemon=True)
        reader.start()
        writer.start()
        while (run := self._runs.get()) is not None:
            self._train(run)
        self._outgoing.put(None)
        writer.join(QUIT_WRITE_S)

    def _write(self) -> None:
        while (message := self._outgoing.get()) is not None:
            try:
                channel.send(self._sock, message)
            except OSError:
                return            # the app has gone: the reader ends the process

    def _read(self) -> None:
        """Every message as it comes: a job becomes the run under way at once, so the commands
        that follow it find it; EOF or QUIT stop the run and the process."""
        while True:
            try:
                message = channel.receive(self._sock)
            except Exception:  # noqa: BLE001 — ended, or no longer readable: the process ends
                message = (To.QUIT,)
            if isinstance(message, Job):
                run = _Run(message, self.send)
                with self._lock:
                    self._run = run
                self._runs.put(run)
                continue
            with self._lock:
                run = self._run
            if message[0] is To.QUIT:
                if run is not None:
                    run.gate.request_stop()
                self._runs.put(None)
                return
            if run is not None:
                run.obey(message)

    def _train(self, run: _Run) -> None:
        error: Exception | None = None
        try:
            trainer = run.loop.run(run.job.make_trainer)
        except Exception as caught:  # noqa: BLE001 — anything at all goes to the app as a message
            error, text = caught, traceback.format_exc()
        run.job = None   # its network and state: this process keeps nothing of a run
        with self._lock:
            self._run = None   # before the answer: the app's next job may follow it at once
        if error is not None:
            self._fail(error, text)
            return
        self.send(From.FINISHED, trainer.without_data())
        del trainer
        gc.collect()

    def _fail(self, error: Exception, text: str) -> None:
        try:
            pickle.loads(pickle.dumps(error))
        except Exception:  # noqa: BLE001 — an exception that does not pickle goes as its text
            error = RuntimeError(f"{type(error).__name__}: {error}")
        self.send(From.FAILED, error, text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="annviz training process: %(message)s")
    sock = socket.socket(fileno=int(argv[0]))
    try:
        Server(sock).serve()
    finally:
        sock.close()
    return 0
