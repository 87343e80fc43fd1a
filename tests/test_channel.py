"""run/channel.py: the messages between the app and its training process arrive whole and in
order however the stream is cut, and the app's side never waits on a peer that stalls."""

from __future__ import annotations

import pickle
import socket
import threading
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annviz.run import channel

MESSAGES = [("sent", 1, np.arange(5, dtype=np.float32)), ("paused",), {"lr": 0.05}, "x" * 70_000]


def frames(messages) -> bytes:
    """The stream the process writes for ``messages``, built here from the format's words."""
    out = b""
    for message in messages:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        out += len(data).to_bytes(8, "big") + data
    return out


def same(a, b) -> bool:
    return pickle.dumps(a) == pickle.dumps(b)


@pytest.fixture
def pair():
    ours, theirs = socket.socketpair()
    yield ours, theirs
    ours.close()
    theirs.close()


@settings(max_examples=60, deadline=None)
@given(cuts=st.lists(st.integers(0, 71_000), max_size=12))
def test_an_inbox_hands_out_each_message_whole_and_in_order_wherever_the_stream_is_cut(cuts):
    stream = frames(MESSAGES)
    points = sorted({min(c, len(stream)) for c in cuts} | {len(stream)})
    ours, theirs = socket.socketpair()
    inbox = channel.Inbox(ours)
    got, start = [], 0
    with ours, theirs:
        for point in points:
            theirs.sendall(stream[start:point])
            start = point
            time.sleep(0.001)
            got += inbox.take()
            if point < len(stream):
                assert len(got) < len(MESSAGES)           # not before the last byte has come
        for _ in range(100):
            if len(got) == len(MESSAGES):
                break
            got += inbox.take()
            time.sleep(0.002)
    assert len(got) == len(MESSAGES) and all(same(a, b) for a, b in zip(got, MESSAGES))


def test_an_inbox_returns_at_once_with_half_a_message(pair):
    ours, theirs = pair
    inbox = channel.Inbox(ours)
    theirs.sendall(frames(["y" * 100_000])[:50_000])           # the rest never comes
    start = time.monotonic()
    assert inbox.take() == [] and inbox.take() == []
    assert time.monotonic() - start < 0.5


def test_the_end_of_the_stream_comes_after_the_messages_before_it(pair):
    ours, theirs = pair
    inbox = channel.Inbox(ours)
    theirs.sendall(frames([("finished", 1)]))
    theirs.close()
    time.sleep(0.05)
    assert inbox.take() == [("finished", 1)]
    with pytest.raises(EOFError):
        inbox.take()
    with pytest.raises(EOFError):                            # and stays ended
        inbox.take()


@pytest.mark.parametrize("cut", [3, 8, 20])   # in the length, after it, in the pickle
def test_an_end_halfway_through_a_message_is_the_end(pair, cut):
    ours, theirs = pair
    inbox = channel.Inbox(ours)
    theirs.sendall(frames(["z" * 100])[:cut])
    theirs.close()
    time.sleep(0.05)
    with pytest.raises(EOFError):
        inbox.take()


def test_a_length_beyond_any_message_is_refused_not_allocated(pair):
    ours, theirs = pair
    theirs.sendall((channel.MAX_MESSAGE + 1).to_bytes(8, "big"))
    inbox = channel.Inbox(ours)
    time.sleep(0.05)
    with pytest.raises(channel.ChannelError):
        inbox.take()
    theirs.setblocking(True)
    ours.setblocking(True)
    ours.sendall((channel.MAX_MESSAGE + 1).to_bytes(8, "big"))
    with pytest.raises(channel.ChannelError):
        channel.receive(theirs)


def test_what_one_side_sends_the_other_receives(pair):
    ours, theirs = pair
    inbox = channel.Inbox(ours)
    big = np.random.default_rng(0).standard_normal((512, 784)).astype(np.float32)   # > the buffer
    sender = threading.Thread(target=lambda: [channel.send(theirs, m) for m in (("w", big), ("end",))])
    sender.start()
    got: list = []
    deadline = time.monotonic() + 10
    while len(got) < 2 and time.monotonic() < deadline:
        got += inbox.take()
        time.sleep(0.001)
    sender.join(5)
    assert got[0][0] == "w" and np.array_equal(got[0][1], big) and got[1] == ("end",)
    # and the other way, waiting on a blocking socket
    channel.send_before(ours, ("stop",), time.monotonic() + 5)
    theirs.settimeout(5)
    assert channel.receive(theirs) == ("stop",)


def test_a_send_to_a_peer_that_takes_nothing_gives_up_at_its_deadline(pair):
    ours, theirs = pair
    channel.Inbox(ours)                                       # non-blocking, as the relay's
    big = b"b" * 20_000_000                                   # far more than the buffers hold
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        channel.send_before(ours, big, start + 0.3)
    assert 0.3 <= time.monotonic() - start < 1.5


def test_a_cancelled_send_gives_up_before_its_deadline(pair):
    ours, theirs = pair
    channel.Inbox(ours)
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        channel.send_before(ours, b"b" * 20_000_000, start + 30, cancelled=lambda: time.monotonic() > start + 0.2)
    assert time.monotonic() - start < 1.5
