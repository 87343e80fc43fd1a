"""Training in the training process (run/process.py), seen from the app as a ``TrainingWorker``.

``RemoteTrainingWorker`` has the worker's signals and commands. Its ``work``, in the controller's
``WorkerThread``, is a relay: it hands the ``Job`` to a training process, passes on every command
of the GUI thread as it is given (its ``control`` and ``pace`` tell an ``_Outbox``, which wakes
the relay), and turns what the process sends into the worker's signals, in the GUI thread as
always. What the process sends are copies by nature (pickles).

The processes: one is started ahead (``warm_up``, when the training controller is made), so a
run does not wait for Python and NumPy to start; after a run, its process waits for the next
(one is kept). A process that does not answer a stop in time is ended — the relay then fails as
a thread that did not stop would: in ``PATIENCE_S`` when the user stopped the run (the run is
kept if it ends at all), in half the time the window waits when it closes (``Worker.hurry``). One
that dies is replaced at the next run. When no process can be started at all, the run is trained
in the worker thread instead. The relay never blocks on the process's socket (``channel.Inbox``,
``channel.send_before``): a process frozen halfway through a message cannot hold it.
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
from multiprocessing.connection import wait

from annviz.gui.threads import Worker
from annviz.gui.training.worker import TrainingWorker
from annviz.nn.trainer import Trainer
from annviz.run import channel
from annviz.run.pacing import Command, Pace
from annviz.run.process import From, Job, To, carry_out

log = logging.getLogger(__name__)

#: After the user's stop, how long the relay waits for the run's end before it ends the process
#: as hung. Generous: the run is kept when it ends, and an epoch's evaluation on a busy school
#: laptop may take seconds.
PATIENCE_S = 30.0
#: When the window closes and waits ``seconds`` for the thread (``Worker.hurry``), the share of
#: them the process has to end its run; ending the process and the thread take the rest.
HURRY_SHARE = 0.5
#: How long a message may wait for the process to take it (its reader takes each as it comes);
#: a job waits for a process that is still starting.
SEND_S = 1.0
JOB_S = 30.0
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
        self.sock = ours
        self.inbox = channel.Inbox(ours)      # the socket is read (and written) without blocking

    def alive(self) -> bool:
        return self.popen.poll() is None

    def send(self, message, within: float = SEND_S, cancelled=lambda: False) -> None:
        """``message`` to the process; ``TimeoutError`` if it did not take it ``within`` seconds
        (or once ``cancelled()``)."""
        channel.send_before(self.sock, message, time.monotonic() + within, cancelled)

    def quit(self) -> None:
        """Tell it to end; killed if it does not within ``QUIT_TIMEOUT_S``."""
        try:
            self.send((To.QUIT,))
        except OSError:
            pass
        self.end()

    def end(self, timeout: float = QUIT_TIMEOUT_S) -> None:
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(QUIT_TIMEOUT_S)
        self.sock.close()

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
        self.wake()

    def wake(self) -> None:
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
        self._end_by: float | None = None     # hurried: the process is ended then at the latest
        self.control.listen(self._outbox.put)
        self.pace.listen(self._outbox.put)

    # --- commands (GUI thread): the loop's, for the process ----------------------------------

    def add_epochs(self, n: int = 1) -> None:
        self._outbox.put(To.ADD_EPOCHS, n)

    def set_hyperparameters(self, **changes: float) -> None:
        self._outbox.put(To.HYPERPARAMETERS, changes)

    def set_pause_at_epoch_end(self, on: bool) -> None:
        self._outbox.put(To.PAUSE_AT_EPOCH_END, bool(on))

    def hurry(self, seconds: float) -> None:
        self._end_by = time.monotonic() + seconds * HURRY_SHARE
        self._outbox.wake()

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
            return self._relay(process)
        finally:
            self._outbox.close()
            POOL.release(process, reusable=self._answered)

    def _hand_over(self, job: Job) -> TrainingProcess:
        """A process with ``job`` sent to it: a kept one, or — if that one turns out to have
        ended meanwhile (its socket refuses the job) — a new one. Raises OSError if none, and
        RuntimeError when the window closes meanwhile."""
        for attempt in range(2):
            process = POOL.acquire()
            try:
                process.send(job, JOB_S, self._hurried_past)
                return process
            except OSError:
                POOL.release(process, reusable=False)
                if self._hurried_past():
                    raise RuntimeError("the window closed before the training process took the run") from None
                if attempt:
                    raise
        raise AssertionError("not reached")

    def _hurried_past(self) -> bool:
        return self._end_by is not None and time.monotonic() >= self._end_by

    def _work_here(self, job: Job) -> Trainer:
        self.control.listen(None)
        self.pace.listen(None)
        for message in self._outbox.take():   # the control's and pace's took effect here already
            carry_out(self.loop, message)
        self._outbox.close()
        return self.loop.run(job.make_trainer)

    def _relay(self, process: TrainingProcess) -> Trainer:
        stop_asked: float | None = None
        while True:
            try:
                for message in self._outbox.take():
                    process.send(message)
                if self.control.stop_requested and stop_asked is None:
                    process.send((Command.STOP,))    # also for the thread's interruption alone
                    stop_asked = time.monotonic()
            except OSError:
                raise RuntimeError("the training process stopped taking messages: it was ended") from None
            now = time.monotonic()
            deadline = None if stop_asked is None else stop_asked + PATIENCE_S
            if self._end_by is not None:
                deadline = self._end_by if deadline is None else min(deadline, self._end_by)
            if deadline is not None and now >= deadline:
                raise RuntimeError(f"the training process did not stop within "
                                   f"{now - (stop_asked or now):.1f} s: it was ended")
            timeout = 0.25 if deadline is None else min(0.25, deadline - now)
            if process.inbox in wait([process.inbox, self._outbox.wakeup], timeout=timeout):
                try:
                    messages = process.inbox.take()
                except EOFError:
                    raise RuntimeError("the training process ended unexpectedly") from None
                for message in messages:
                    done = self._take(message)
                    if done is not None:
                        return done

    def _take(self, message: tuple) -> Trainer | None:
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
