"""Training in the training process (run/process.py), seen from the app as a ``TrainingWorker``.

``RemoteTrainingWorker`` has the worker's signals and commands. Its ``work``, in the controller's
``WorkerThread``, is a relay: it hands the ``Job`` to a training process, passes on every command
of the GUI thread as it is given (its ``control`` and ``pace`` tell an ``_Outbox``, which wakes
the relay), and turns what the process sends into the worker's signals, in the GUI thread as
always. What the process sends are copies by nature (pickles).

The processes: one is started ahead (``warm_up``, when the training controller is made), so a
run does not wait for Python and NumPy to start; after a run, its process waits for the next
(one is kept). A process that fails to answer a stop within ``KILL_AFTER_S`` is ended — the
relay then fails as a thread that did not stop would — and one that dies is replaced at the next
run. When no process can be started at all, the run is trained in the worker thread instead.
"""

from __future__ import annotations

import atexit
import collections
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection, wait

from annviz.gui.threads import Worker
from annviz.gui.training.worker import TrainingWorker
from annviz.nn.trainer import Trainer
from annviz.run.pacing import Command, Pace
from annviz.run.process import From, Job, To, carry_out

log = logging.getLogger(__name__)

#: After a stop was asked for, how long the relay waits for the run's end before it ends the
#: process. The controller waits 2 s for the thread, and ending the process takes its share of
#: that (at 1.5 s, a loaded machine went past 2 s); a batch of the page's networks takes ms.
KILL_AFTER_S = 1.0
#: How long a process may take to end when told to, before it is killed.
QUIT_TIMEOUT_S = 1.0


class RemoteError(Exception):
    """The training process's traceback, as the cause of the error it sent."""


class TrainingProcess:
    """One training process and the app's end of its socket."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.popen = subprocess.Popen(
                [sys.executable, "-m", "annviz.run", str(theirs.fileno()), str(os.getpid())],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, close_fds=True)
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())

    def alive(self) -> bool:
        return self.popen.poll() is None

    def quit(self) -> None:
        """Tell it to end; killed if it does not within ``QUIT_TIMEOUT_S``."""
        try:
            self.conn.send((To.QUIT,))
        except OSError:
            pass
        self.end()

    def end(self, timeout: float = QUIT_TIMEOUT_S) -> None:
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(QUIT_TIMEOUT_S)
        self.conn.close()

    def kill(self) -> None:
        self.popen.kill()
        self.end()


class _Pool:
    """The processes waiting for a run (at most one). Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[TrainingProcess] = []
        self._busy: set[TrainingProcess] = set()

    def warm_up(self) -> None:
        with self._lock:
            if self._idle:
                return
        try:
            process = TrainingProcess()
        except OSError as error:
            log.warning("no training process: %s", error)
            return
        with self._lock:
            self._idle.append(process)

    def acquire(self) -> TrainingProcess:
        """A live process for one run (raises OSError if none can be started)."""
        with self._lock:
            while self._idle:
                process = self._idle.pop()
                if process.alive():
                    self._busy.add(process)
                    return process
                process.end()
        process = TrainingProcess()
        with self._lock:
            self._busy.add(process)
        return process

    def release(self, process: TrainingProcess, reusable: bool) -> None:
        with self._lock:
            self._busy.discard(process)
            keep = reusable and process.alive() and not self._idle
            if keep:
                self._idle.append(process)
        if keep:
            return
        if reusable:
            process.quit()      # one is kept already
        else:
            process.kill()      # it did not answer, or its answer could not be read

    def idle_pids(self) -> list[int]:
        with self._lock:
            return [process.popen.pid for process in self._idle]

    def busy_pids(self) -> list[int]:
        with self._lock:
            return [process.popen.pid for process in self._busy]

    def close(self) -> None:
        """End every process (the app ends)."""
        with self._lock:
            idle, busy = self._idle, list(self._busy)
            self._idle, self._busy = [], set()
        for process in idle:
            process.quit()
        for process in busy:
            process.kill()


POOL = _Pool()
atexit.register(POOL.close)


def warm_up() -> None:
    """Start a training process ahead of the first run (returns at once)."""
    POOL.warm_up()


class _Outbox:
    """Commands of the GUI thread for the relay, which a byte on a socket pair wakes. Thread-safe;
    it holds nothing of the worker (no cycle: the worker's control and pace tell it). Closed, it
    takes nothing more."""

    def __init__(self) -> None:
        self._messages: collections.deque = collections.deque()
        self.wakeup, self._wake = socket.socketpair()
        self.wakeup.setblocking(False)
        self._wake.setblocking(False)
        self._closed = False

    def put(self, *message) -> None:
        if self._closed:
            return
        self._messages.append(message)
        try:
            self._wake.send(b"!")
        except OSError:
            pass   # full (the relay is behind: it looks anyway) or closed meanwhile

    def take(self) -> list[tuple]:
        try:
            while self.wakeup.recv(4096):
                pass
        except OSError:
            pass
        taken = []
        while self._messages:
            taken.append(self._messages.popleft())
        return taken

    def close(self) -> None:
        self._closed = True
        self.wakeup.close()
        self._wake.close()
        self._messages.clear()


class RemoteTrainingWorker(TrainingWorker):
    """Trains ``job`` in a training process; the signals and commands of ``TrainingWorker``."""

    SHARES_INTERPRETER = False

    def __init__(self, job: Job, pace: Pace | None = None):
        super().__init__(None, paused=job.paused, class_names=job.class_names, record=job.record,
                         blas_threads=job.blas_threads, pace=pace)
        self._job: Job | None = job
        self._outbox = _Outbox()
        self.control.listen(self._outbox.put)
        self.pace.listen(self._outbox.put)

    # --- commands (GUI thread): the loop's, for the process ----------------------------------

    def add_epochs(self, n: int = 1) -> None:
        self._outbox.put(To.ADD_EPOCHS, n)

    def set_hyperparameters(self, **changes: float) -> None:
        self._outbox.put(To.HYPERPARAMETERS, changes)

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self._outbox.put(To.PAUSE_AT_EPOCH_END, bool(on))

    # --- the relay (worker thread) -----------------------------------------------------------

    def work(self) -> Trainer:
        job, self._job = self._job, None
        self._answered = False
        try:
            process = self._hand_over(job)
        except OSError as error:
            log.warning("no training process (%s): training in a thread of the app", error)
            return self._work_here(job)
        del job
        try:
            return self._relay(process.conn)
        finally:
            self._outbox.close()
            POOL.release(process, reusable=self._answered)

    def _hand_over(self, job: Job) -> TrainingProcess:
        """A process with ``job`` sent to it: a kept one, or — if that one turns out to have
        ended meanwhile (its socket refuses the job) — a new one. Raises OSError if none."""
        for attempt in range(2):
            process = POOL.acquire()
            try:
                process.conn.send(job)
                return process
            except OSError:
                POOL.release(process, reusable=False)
                if attempt:
                    raise
        raise AssertionError("not reached")

    def _work_here(self, job: Job) -> Trainer:
        self.control.listen(None)
        self.pace.listen(None)
        for message in self._outbox.take():   # the control's and pace's took effect here already
            carry_out(self.loop, message)
        self._outbox.close()
        return self.loop.run(job.make_trainer)

    def _relay(self, conn: Connection) -> Trainer:
        stop_asked: float | None = None
        while True:
            for message in self._outbox.take():
                conn.send(message)
            if self.control.stop_requested and stop_asked is None:
                conn.send((Command.STOP,))    # also for the thread's interruption alone
                stop_asked = time.monotonic()
            if stop_asked is not None and time.monotonic() - stop_asked > KILL_AFTER_S:
                raise RuntimeError(f"the training process did not stop within {KILL_AFTER_S:g} s: "
                                   "it was ended")
            timeout = 0.25 if stop_asked is None else max(0.0, stop_asked + KILL_AFTER_S - time.monotonic())
            ready = wait([conn, self._outbox.wakeup], timeout=min(0.25, timeout))
            if conn in ready:
                while conn.poll():
                    done = self._take(conn)
                    if done is not None:
                        return done

    def _take(self, conn: Connection) -> Trainer | None:
        try:
            message = conn.recv()
        except EOFError:
            raise RuntimeError("the training process ended unexpectedly") from None
        what, *payload = message
        if what is From.SENT:
            self.send_sent(*payload)
        elif what is From.PAUSED:
            self.send(Worker.paused)
        elif what is From.RESUMED:
            self.send(Worker.resumed)
        elif what is From.FINISHED:
            self._answered = True       # the process is ready for another run
            return payload[0]
        elif what is From.FAILED:
            self._answered = True
            error, text = payload
            raise error from RemoteError(text)
        return None
