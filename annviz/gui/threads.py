"""Every background thread of the app goes through here: a ``Worker`` and the ``WorkerThread`` that runs it.

Why one helper. The window once froze for good at the end of a training run: the worker object
had been moved to its QThread and was ``deleteLater``-ed there, so its destructor ran in the
worker thread, holding one of Qt's connection mutexes and waiting for the Python interpreter
lock — while the GUI thread held that lock inside a Qt call that waited for the same mutex.
Two locks taken in opposite orders by two threads. The rules that make this impossible:

- **No QObject that Python touches lives in, or dies in, a worker thread.** A ``Worker`` is a
  QObject created in the GUI thread and never moved. Its ``work()`` runs in the thread; what it
  reports goes through ``send(Class.signal, *args)`` — the signal as its class declares it, e.g.
  ``TrainingWorker.progress`` — which hands the arguments to the GUI thread, where the worker's
  own instance of that signal is emitted. (Not ``self.progress``: that makes a signal instance, a
  Qt object, in the worker thread — sent across and dropped in the GUI thread, such instances
  crashed PySide6 6.11 in a test run.) So every signal a view receives is emitted in the GUI
  thread, whatever it is connected to. What a worker sends are copies (STYLE.md).
- **The thread runs no event loop** (``QThread.run`` is the work itself), so nothing can be
  delivered to, or deferred-deleted in, that thread.
- **The GUI thread lets go of the worker and the QThread only after the thread has finished** and
  a ``wait()`` with a timeout has returned True. A thread that does not stop in time is logged,
  reported through ``failed``, and kept referenced (destroying a running QThread aborts the
  process) instead of being waited for without end.
- **Cycles are collected in the GUI thread** (``gui/common/collector.py``): automatic collection,
  started by a worker's allocations, freed dropped widgets in the worker. A worker is in no cycle
  of its own (its control reaches back to it weakly), so it goes — with what its work held — as
  soon as the GUI thread lets go of it; and a thread's end asks the collector for a full
  collection at its next tick (``collect_soon``), for what the work let go of in cycles.
- **Cooperative control**: a ``Control`` (a ``threading.Condition`` and a few fields) carries
  stop, pause, resume, single steps and holds from the GUI thread to the work loop, which calls
  ``wait_for_turn()`` between two units of work. ``paused`` and ``resumed`` are emitted when the
  loop really waits or goes on — not when the button was pressed.

A ``WorkerThread`` runs one worker at a time: ``start(worker)``, ``request_stop()`` (returns at
once), ``stop(timeout_ms)`` (returns True once the thread has ended and every signal the worker
still had on its way has been delivered; the worker is told how long it has, ``Worker.hurry``),
``is_running()``; ``ended(worker)`` is emitted in the
GUI thread once the thread has finished and been waited for.
"""

from __future__ import annotations

import logging
import traceback
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, Signal, Slot

from annviz.gui.common import collector
from annviz.run.pacing import Gate

log = logging.getLogger(__name__)

#: How long ``stop`` waits by default for a worker to notice the stop request and return.
STOP_TIMEOUT_MS = 2000
#: How long the GUI thread waits, after a thread said it finished, for it to be gone for real.
FINISH_TIMEOUT_MS = 2000

_stuck: list[QThread] = []   # threads that did not stop in time: never destroyed while running
_started: set[QThread] = set()   # started by a WorkerThread and not yet waited for


def unfinished_threads() -> list[str]:
    """Names of the threads started here that have not ended (or did not stop in time)."""
    return sorted(t.objectName() for t in [*_started, *_stuck] if not t.isFinished())


class Control(Gate):
    """``run/pacing.py``'s ``Gate`` for a loop in a ``WorkerThread``: a stop is also the thread's
    interruption (``QThread.requestInterruption``), which the gate's waits notice within 0.25 s."""

    @property
    def stop_requested(self) -> bool:
        return self._stop or QThread.currentThread().isInterruptionRequested()


class Worker(QObject):
    """Work for a background thread. Subclass it: declare signals, implement ``work()``.

    Created (and destroyed) in the GUI thread; ``work()`` runs in the worker thread and reports
    through ``send`` (and ``warn``). Calling ``run()`` directly, in the GUI thread, runs the same
    work with every signal emitted at once (handy in tests).

    When ``work()`` raises, ``errored`` carries the exception and its traceback's text (for a log
    or a "Show Details"), then ``failed`` one line for the user; a thread that does not stop in
    time is reported with ``failed`` alone (there is no exception).
    """

    finished = Signal(object)      # what work() returned
    failed = Signal(str)           # work() raised, or its thread did not stop: one line for the user
    errored = Signal(object, str)  # work() raised: the exception, and its traceback as text
    warned = Signal(str)           # something the user may want to know; the work goes on (warn)
    paused = Signal()              # the loop is now waiting for a pause
    resumed = Signal()             # ... and goes on

    _relay = Signal(object, object)

    def __init__(self, paused: bool = False):
        super().__init__()
        self.control = Control(paused)
        # The control reaches back to the worker weakly: no cycle, so the worker (and what its
        # work holds: a trainer and its data) goes when the GUI thread lets go of it, not when
        # the collector next looks (tests/gui/test_run_end_memory.py).
        me = weakref.ref(self)
        self.control.on_pause_change(lambda: _send_to(me, Worker.paused), lambda: _send_to(me, Worker.resumed))
        # Each declared signal's instance, made here in the GUI thread, by the class's signal.
        self._signals = {signal: getattr(self, name) for klass in type(self).__mro__
                         if issubclass(klass, Worker) for name, signal in vars(klass).items()
                         if isinstance(signal, Signal) and name != "_relay"}
        # Auto connection: direct when sent from the GUI thread, queued from any other.
        self._relay.connect(self._on_relay)

    def work(self):
        """The work itself, in the worker thread. Call ``self.control.wait_for_turn()`` between two
        units and return when it is False; what it returns goes out with ``finished``."""
        raise NotImplementedError

    def hurry(self, seconds: float) -> None:
        """A stop was asked for and someone waits for the work's end ``seconds`` at most (the
        window closes). GUI thread. A worker whose work can be ended by force (a process)
        does so in time; a thread cannot be, and this does nothing."""

    def send(self, signal: Signal, *args) -> None:
        """Emit ``signal`` (as the class declares it: ``Worker.finished``) with ``args`` in the GUI
        thread, from any thread. Send copies.

        Raises TypeError for anything but a signal this worker's class declares."""
        if signal not in self._signals:
            raise TypeError(f"{type(self).__name__} declares no signal {signal!r}: send one "
                            "as its class declares it (e.g. Worker.finished), not self.finished")
        self._relay.emit(signal, args)

    def warn(self, message: str) -> None:
        """Say something the user may want to know without stopping (``warned``, in the GUI thread);
        it is logged as a warning too."""
        log.warning("%s: %s", type(self).__name__, message)
        self.send(Worker.warned, message)

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 — anything at all becomes a message
            log.exception("%s failed", type(self).__name__)
            self.send(Worker.errored, error, traceback.format_exc())
            self.send(Worker.failed, f"{type(error).__name__}: {error}")
        else:
            self.send(Worker.finished, result)

    @Slot(object, object)
    def _on_relay(self, signal: Signal, args) -> None:
        self._signals[signal].emit(*args)


def _send_to(worker: weakref.ref[Worker], signal: Signal) -> None:
    alive = worker()
    if alive is not None:
        alive.send(signal)


class _Runner(QThread):
    """The thread itself: ``run`` is the worker's work (no event loop in this thread)."""

    def __init__(self, worker: Worker, name: str):
        super().__init__()
        self.worker = worker   # kept by the GUI thread until this thread has been waited for
        self.setObjectName(name)

    def run(self) -> None:
        self.worker.run()


class WorkerThread(QObject):
    """Owns the thread that runs one ``Worker`` at a time (see the module docstring)."""

    ended = Signal(object)   # the worker whose thread has finished (GUI thread, after wait())

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._runner: _Runner | None = None

    @property
    def worker(self) -> Worker | None:
        return self._runner.worker if self._runner is not None else None

    def is_running(self) -> bool:
        return self._runner is not None

    def start(self, worker: Worker) -> None:
        """Run ``worker`` in a new thread. A thread still running is stopped first."""
        if self._runner is not None and not self.stop():
            raise RuntimeError(f"the {self.name} thread did not stop")
        runner = _Runner(worker, self.name)
        runner.finished.connect(self._on_runner_finished)  # queued: self lives in the GUI thread
        self._runner = runner
        _started.add(runner)
        log.debug("%s thread starts %s", self.name, type(worker).__name__)
        runner.start()

    def request_stop(self) -> None:
        """Ask the worker to stop at its next check; returns at once."""
        if self._runner is not None:
            self._runner.worker.control.request_stop()
            self._runner.requestInterruption()

    def stop(self, timeout_ms: int = STOP_TIMEOUT_MS) -> bool:
        """Stop the worker and wait for its thread; True once it has ended (safe to repeat).

        When this returns True, every signal the worker had sent has been emitted, and ``ended``
        too. False: the thread did not stop in time; it was logged and reported with ``failed``.
        """
        runner = self._runner
        if runner is None:
            return True
        self.request_stop()
        runner.worker.hurry(timeout_ms / 1000)
        if not runner.wait(timeout_ms):
            return self._give_up(runner, f"did not stop within {timeout_ms / 1000:g} s")
        self._deliver_pending(runner.worker)
        if self._runner is runner:   # the queued ``finished`` was not among what was delivered
            self._end(runner)
        return True

    @Slot()
    def _on_runner_finished(self) -> None:
        runner = self._runner
        if runner is None or not runner.isFinished() and not runner.wait(FINISH_TIMEOUT_MS):
            if runner is not None:
                self._give_up(runner, "said it finished but did not end")
            return
        self._end(runner)

    def _end(self, runner: _Runner) -> None:
        self._runner = None
        _started.discard(runner)
        log.debug("%s thread ended", self.name)
        self.ended.emit(runner.worker)
        # ``runner`` (the QThread) and its worker go when the last reference here goes: in the
        # GUI thread, after the thread has finished. What the work let go of in a cycle (a
        # trainer and its doctor, with the run's data) goes at the collector's next tick.
        collector.collect_soon()

    def _deliver_pending(self, worker: Worker) -> None:
        """Emit now what the worker sent before it ended (its relays are posted to the GUI thread)."""
        QCoreApplication.sendPostedEvents(worker, QEvent.Type.MetaCall.value)
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)

    def _give_up(self, runner: _Runner, what: str) -> bool:
        message = f"the {self.name} thread {what}"
        log.error(message)
        _stuck.append(runner)   # a QThread destroyed while running would abort the app
        _started.discard(runner)
        if self._runner is runner:
            self._runner = None
        runner.worker.failed.emit(message)
        return False
