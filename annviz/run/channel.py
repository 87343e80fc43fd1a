"""Pickled messages over a stream socket: the app and its training process talk this way.

Each message is its pickle after its length (8 bytes, big-endian). The process reads and writes
its end blocking, in threads of its own (``receive``, ``send``). The app's relay must never wait
on the process it may have to end: an ``Inbox`` reads only what has arrived and hands out the
messages it completes, so a process frozen halfway through a message (a network's weights are
larger than the socket's buffer) cannot hold the relay past its deadline; and the relay sends
before a deadline (``send_before``).

Not ``multiprocessing.connection``: its ``recv`` has no timeout and waits for the whole message
once any of it has come.
"""

from __future__ import annotations

import pickle
import select
import socket
import struct
import time
from collections.abc import Callable

HEADER = struct.Struct("!Q")
#: Larger than any message the process sends (a large network's trainer is ~100 MB): a length
#: beyond it means the stream is no longer read where a message begins.
MAX_MESSAGE = 1 << 32
#: How often a send waiting for room looks whether it was cancelled.
WAIT_S = 0.05


class ChannelError(OSError):
    """The stream cannot be read as messages (a length beyond ``MAX_MESSAGE``)."""


def send(sock: socket.socket, message: object) -> None:
    """Send ``message`` whole on a blocking socket."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(HEADER.pack(len(data)))
    sock.sendall(data)


def send_before(sock: socket.socket, message: object, deadline: float,
                cancelled: Callable[[], bool] = lambda: False) -> None:
    """Send ``message`` whole on a non-blocking socket (an ``Inbox``'s), waiting for room in it
    until ``deadline`` (``time.monotonic``) at most, and not once ``cancelled()``: then
    ``TimeoutError`` — the stream is broken (part of a message may have gone): close it."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view, sent = memoryview(HEADER.pack(len(data)) + data), 0
    while sent < len(view):
        try:
            sent += sock.send(view[sent:])
            continue
        except (BlockingIOError, InterruptedError):
            pass
        if time.monotonic() >= deadline or cancelled():
            raise TimeoutError(f"the peer took {sent:,} of {len(view):,} bytes in time")
        select.select([], [sock], [], min(WAIT_S, max(0.0, deadline - time.monotonic())))


def receive(sock: socket.socket) -> object:
    """The next message, waiting for it on a blocking socket; ``EOFError`` when the stream ends."""
    (size,) = HEADER.unpack(_exactly(sock, HEADER.size))
    if size > MAX_MESSAGE:
        raise ChannelError(f"a message of {size:,} bytes")
    return pickle.loads(_exactly(sock, size))


def _exactly(sock: socket.socket, n: int) -> bytearray:
    buffer = bytearray(n)
    view, got = memoryview(buffer), 0
    while got < n:
        k = sock.recv_into(view[got:])
        if k == 0:
            raise EOFError
        got += k
    return buffer


class Inbox:
    """The messages coming in on ``sock``, read without ever blocking (the socket is made
    non-blocking: wait for it to be readable with ``select`` or ``wait``, then ``take``)."""

    def __init__(self, sock: socket.socket):
        self._sock = sock
        sock.setblocking(False)
        self._header = bytearray()
        self._body: bytearray | None = None
        self._got = 0

    def fileno(self) -> int:
        return self._sock.fileno()

    def take(self) -> list:
        """Every message completed by what has arrived (possibly none). ``EOFError`` once the
        stream has ended and every message before its end was taken."""
        messages: list = []
        try:
            while self._read_some(messages):
                pass
        except EOFError:
            if messages:
                return messages     # the next call raises it again (the stream stays ended)
            raise
        return messages

    def _read_some(self, messages: list) -> bool:
        """One read; False when nothing more has arrived."""
        try:
            if self._body is None:
                chunk = self._sock.recv(HEADER.size - len(self._header))
                if not chunk:
                    raise EOFError
                self._header += chunk
                if len(self._header) == HEADER.size:
                    (size,) = HEADER.unpack(self._header)
                    if size > MAX_MESSAGE:
                        raise ChannelError(f"a message of {size:,} bytes")
                    self._header.clear()
                    self._body, self._got = bytearray(size), 0
            else:
                k = self._sock.recv_into(memoryview(self._body)[self._got:])
                if k == 0:
                    raise EOFError
                self._got += k
        except (BlockingIOError, InterruptedError):
            return False
        except ConnectionResetError:
            raise EOFError from None     # the peer ended with our messages unread: ended all the same
        if self._body is not None and self._got == len(self._body):
            messages.append(pickle.loads(self._body))
            self._body = None
        return True
