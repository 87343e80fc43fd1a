"""Training in its own process (run/process.py, gui/training/remote.py): the same run as in a
thread, bit for bit; every command reaches it; a failure, a death or a hang of the process is a
message, never a hang of the app; with no process at all the run is trained in the thread."""

from __future__ import annotations

import os
import signal
import socket
import time

import numpy as np
import pytest

from annviz.gui.threads import WorkerThread, unfinished_threads
from annviz.gui.training import remote
from annviz.gui.training.remote import POOL, RemoteTrainingWorker, TrainingProcess
from annviz.gui.training.worker import TrainingWorker
from annviz.nn.config import TrainConfig
from annviz.recipes import build_network
from annviz.run.process import Job
from test_training_worker import TINY, collect

SLOW = TrainConfig(hidden=(8,), activation="relu", optimizer="sgd", lr=0.01, batch_size=1,
                   epochs=50, n_train=1000)


def job(config: TrainConfig = TINY, **kw) -> Job:
    return Job(config, build_network(config), class_names=tuple("0123456789"), **kw)


def run_in(thread: WorkerThread, worker, qtbot, timeout: int = 20_000) -> dict:
    got = collect(worker)
    thread.start(worker)
    qtbot.waitUntil(lambda: bool(got["finished"] or got["failed"]), timeout=timeout)
    assert thread.stop(2000)
    return got


@pytest.fixture
def thread(qtbot):
    thread = WorkerThread("training-test")
    yield thread
    assert thread.stop(3000)
    assert not unfinished_threads()


def test_a_run_in_the_process_is_the_run_in_a_thread_bit_for_bit(thread, qtbot):
    there = run_in(thread, RemoteTrainingWorker(job()), qtbot)["finished"][0]
    here = run_in(thread, TrainingWorker(job().make_trainer), qtbot)["finished"][0]
    assert there.history.status == here.history.status == "finished"
    assert there.history.batches == here.history.batches == 2 * 63
    for a, b in zip(there.network.weights + there.network.biases, here.network.weights + here.network.biases):
        np.testing.assert_array_equal(a, b)
    # The trainer comes back without its data, and one more epoch goes on from it exactly.
    assert there.train_x.size == 0
    there.add_epochs(1)
    here.add_epochs(1)
    on = run_in(thread, RemoteTrainingWorker(Job(TINY, trainer=there)), qtbot)["finished"][0]
    here_on = run_in(thread, TrainingWorker(lambda: here), qtbot)["finished"][0]
    assert on.history.batches == 3 * 63
    np.testing.assert_array_equal(on.network.weights[0], here_on.network.weights[0])


def test_commands_reach_the_process_between_two_batches(thread, qtbot):
    worker = RemoteTrainingWorker(job(SLOW, paused=True))
    got = collect(worker)
    thread.start(worker)
    qtbot.waitUntil(lambda: bool(got["paused"]), timeout=10_000)
    assert not got["progress"]                               # paused before the first batch
    worker.control.step(3)
    qtbot.waitUntil(lambda: bool(got["progress"]) and got["progress"][-1].step == 3, timeout=5000)
    qtbot.wait(300)
    assert got["progress"][-1].step == 3                     # exactly three, then paused again
    worker.set_hyperparameters(lr=0.05)
    worker.add_epochs(2)
    worker.control.resume()
    qtbot.waitUntil(lambda: bool(got["resumed"]), timeout=5000)
    qtbot.waitUntil(lambda: got["progress"][-1].lr == 0.05, timeout=5000)
    assert got["progress"][-1].epochs == 52
    worker.control.hold("test", True)
    qtbot.wait(200)                                          # the batch going on ends
    held = len(got["progress"])
    qtbot.wait(300)
    assert len(got["progress"]) == held                      # nothing while held
    worker.control.hold("test", False)
    qtbot.waitUntil(lambda: len(got["progress"]) > held, timeout=3000)
    thread.request_stop()
    qtbot.waitUntil(lambda: bool(got["finished"]), timeout=3000)
    assert got["finished"][0].history.status == "stopped" and not got["failed"]
    assert got["finished"][0].base_lr == 0.05


def test_slow_motion_and_the_pause_at_an_epochs_end_reach_the_process(thread, qtbot):
    config = TINY.replace(n_train=160, batch_size=16, epochs=3)    # 10 batches an epoch
    worker = RemoteTrainingWorker(job(config))
    worker.set_pause_at_epoch_end(True)
    worker.pace.set_speed(40)                                      # 40 batches a second at most
    got = collect(worker)
    worker.snapshot.connect(lambda *_: worker.pace.taken())       # shown at once
    start = time.monotonic()
    thread.start(worker)
    qtbot.waitUntil(lambda: bool(got["paused"]), timeout=10_000)
    assert got["progress"][-1].step == 10 and got["progress"][-1].pace == 40
    assert [p.step for p in got["progress"]] == list(range(1, 11))   # every batch sent
    assert time.monotonic() - start > 0.15                         # 9 gaps of 25 ms; free: ~10 ms
    thread.request_stop()
    qtbot.waitUntil(lambda: bool(got["finished"]), timeout=3000)


def test_a_failure_in_the_process_is_the_same_message_as_in_a_thread(thread, qtbot, tmp_path):
    missing = TINY.replace(dataset=str(tmp_path / "gone"))
    there = run_in(thread, RemoteTrainingWorker(Job(missing, build_network(TINY))), qtbot)
    here = run_in(thread, TrainingWorker(Job(missing, build_network(TINY)).make_trainer), qtbot)
    assert there["failed"] == here["failed"] and "gone" in there["failed"][0]
    assert not there["finished"]
    # The process that failed serves the next run.
    assert run_in(thread, RemoteTrainingWorker(job()), qtbot)["finished"]


def training(thread: WorkerThread, qtbot) -> tuple[dict, int]:
    """A slow run under way in a process: what its worker sent so far, and the process's id."""
    worker = RemoteTrainingWorker(job(SLOW))
    got = collect(worker)
    thread.start(worker)
    qtbot.waitUntil(lambda: bool(got["progress"]), timeout=10_000)
    [pid] = POOL.busy_pids()
    return got, pid


def test_a_process_that_dies_mid_run_is_a_message_and_the_next_run_gets_another(thread, qtbot):
    got, pid = training(thread, qtbot)
    os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: bool(got["failed"]), timeout=3000)
    assert "ended unexpectedly" in got["failed"][0] and not got["finished"]
    assert thread.stop(2000)
    assert run_in(thread, RemoteTrainingWorker(job()), qtbot)["finished"]


def test_a_process_that_does_not_answer_a_stop_is_ended_in_time(thread, qtbot):
    got, pid = training(thread, qtbot)
    os.kill(pid, signal.SIGSTOP)                             # frozen: it cannot answer
    try:
        start = time.monotonic()
        assert thread.stop(2000)                             # within the controller's wait
        assert time.monotonic() - start < 2.0
        assert "did not stop" in got["failed"][0]
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert pid not in POOL.busy_pids() + POOL.idle_pids()


def test_a_stop_the_user_asked_for_waits_for_a_slow_process_and_keeps_the_run(thread, qtbot):
    """A busy laptop may take seconds to end a batch or an epoch's evaluation: the run is not
    thrown away after a second."""
    got, pid = training(thread, qtbot)
    os.kill(pid, signal.SIGSTOP)                             # as slow as it gets
    try:
        thread.request_stop()
        qtbot.wait(1500)                                     # past the window's share of 2 s
        assert not got["failed"] and not got["finished"]
    finally:
        os.kill(pid, signal.SIGCONT)
    qtbot.waitUntil(lambda: bool(got["finished"]), timeout=5000)
    assert got["finished"][0].history.status == "stopped" and not got["failed"]
    assert got["finished"][0].history.batches >= len(got["progress"])


class HalfMessage:
    """A stand-in for a training process that froze halfway through sending a network."""

    def __init__(self):
        from annviz.run import channel

        self.sock, self.theirs = socket.socketpair()
        self.inbox = channel.Inbox(self.sock)
        self.theirs.sendall(channel.HEADER.pack(10_000_000) + b"x" * 1000)   # and no more
        self.killed = False

    def send(self, message, within=1.0, cancelled=lambda: False):
        pass                                                 # taken (its reader is alive)

    def alive(self):
        return not self.killed

    def kill(self):
        self.killed = True
        self.sock.close()
        self.theirs.close()


def test_a_process_frozen_halfway_through_a_message_is_ended_when_the_window_closes(thread, qtbot, monkeypatch):
    frozen = HalfMessage()
    monkeypatch.setattr(POOL, "acquire", lambda: frozen)
    worker = RemoteTrainingWorker(job())
    got = collect(worker)
    thread.start(worker)
    qtbot.wait(300)                                          # the relay has the half message
    start = time.monotonic()
    assert thread.stop(2000)
    assert time.monotonic() - start < 2.0
    assert "did not stop" in got["failed"][0] and frozen.killed


def test_the_process_ends_when_the_app_lets_go_of_its_socket():
    process = TrainingProcess()
    process.sock.close()                                     # as when the app ends, however
    assert process.popen.wait(5) == 0


def test_with_no_process_the_run_is_trained_in_the_thread(thread, qtbot, monkeypatch):
    monkeypatch.setattr(remote.sys, "executable", "/nonexistent/python")
    monkeypatch.setattr(POOL, "_idle", [])
    worker = RemoteTrainingWorker(job())
    worker.control.pause()
    worker.control.step(2)
    got = collect(worker)
    thread.start(worker)
    qtbot.waitUntil(lambda: bool(got["paused"]), timeout=5000)
    assert got["progress"][-1].step == 2                     # the commands given before, obeyed
    assert not POOL.busy_pids()
    thread.request_stop()
    qtbot.waitUntil(lambda: bool(got["finished"]), timeout=3000)
    assert got["finished"][0].history.batches == 2


class Unpicklable(Exception):
    def __init__(self):
        super().__init__("made of a lambda")
        self.why = lambda: None


class BrokenJob(Job):
    def make_trainer(self):
        raise Unpicklable()


def test_an_exception_that_does_not_pickle_comes_as_its_text():
    from threading import Thread

    from annviz.run import channel
    from annviz.run.process import From, Server, To

    ours, theirs = socket.socketpair()
    server = Thread(target=Server(theirs).serve)
    server.start()
    channel.send(ours, BrokenJob(TINY, build_network(TINY)))
    ours.settimeout(10)
    what, error, text = channel.receive(ours)
    assert what is From.FAILED and str(error) == "Unpicklable: made of a lambda"
    assert "make_trainer" in text                            # the process's own traceback
    channel.send(ours, (To.QUIT,))
    server.join(5)
    assert not server.is_alive()


def test_the_process_ends_with_the_app_even_if_its_socket_stays_open(tmp_path):
    """A process whose app was killed ends too, though another process still holds its socket."""
    import subprocess
    import sys

    script = tmp_path / "app.py"
    script.write_text(
        "import os, sys, time\n"
        "from annviz.gui.training.remote import TrainingProcess\n"
        "p = TrainingProcess()\n"
        "print(p.popen.pid, flush=True)\n"
        "import subprocess\n"
        "keeper = subprocess.Popen(['sleep', '20'], pass_fds=(p.sock.fileno(),))\n"
        "time.sleep(2)\n"                                   # the process is up and serving
        "print(keeper.pid, flush=True)\n"
        "time.sleep(60)\n")
    app = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pid = int(app.stdout.readline())
    keeper = int(app.stdout.readline())                     # holds the app's end of the socket
    app.kill()                                              # the app dies without a word
    app.wait(5)
    try:
        for _ in range(50):
            if not alive(pid):
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            raise AssertionError("the training process outlived its app")
    finally:
        os.kill(keeper, signal.SIGKILL)


def alive(pid: int) -> bool:
    """Running, not a zombie (an orphan's end may wait to be reaped by whoever adopted it)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_kept_process_that_ended_unseen_is_replaced(thread, qtbot, monkeypatch):
    POOL.warm_up()
    [pid] = POOL.idle_pids()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.2)
    monkeypatch.setattr(TrainingProcess, "alive", lambda self: True)   # not seen to have ended
    got = run_in(thread, RemoteTrainingWorker(job()), qtbot)
    assert got["finished"] and not got["failed"]
    assert pid not in POOL.idle_pids()


def test_a_process_started_from_a_runs_thread_outlives_that_thread(thread, qtbot):
    POOL.close()                                            # none kept: the relay starts one
    assert run_in(thread, RemoteTrainingWorker(job()), qtbot)["finished"]
    [pid] = POOL.idle_pids()
    time.sleep(1.0)                                         # its thread has ended meanwhile
    assert alive(pid)
    assert run_in(thread, RemoteTrainingWorker(job()), qtbot)["finished"]
    assert POOL.idle_pids() == [pid]                        # the same one served again
