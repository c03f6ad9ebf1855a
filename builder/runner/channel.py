"""The status channel between the supervisor and a container's init: one JSON message at a
time, init to supervisor.

With a terminal, init sends the terminal's master fd along, so the channel is a
``SOCK_SEQPACKET`` socket pair (one message per datagram; fds pass with ``SCM_RIGHTS``),
built on ``_socket``, the C module under :mod:`socket` (importing :mod:`socket` itself, with
:mod:`selectors` and its enums, would cost about 3 ms of every ``dockyard run``). Without
one, it is a pipe of newline-terminated messages (each written at once, under ``PIPE_BUF``),
so a plain run does not load the socket module at all.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import _socket

_FD_SIZE = 4  # a C int: fds travel as native ints (struct's "i"; not imported for them)


class End:
    """One end of a channel: an fd to poll, write to (init) or :meth:`receive` from."""

    __slots__ = ("fd", "sock", "pending")

    def __init__(self, fd: int, sock: _socket.socket | None = None) -> None:
        self.fd = fd
        self.sock = sock
        self.pending = b""

    def fileno(self) -> int:
        return self.fd

    def setblocking(self, flag: bool) -> None:
        if self.sock is not None:
            self.sock.setblocking(flag)
        else:
            os.set_blocking(self.fd, flag)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        elif self.fd >= 0:
            os.close(self.fd)
        self.fd = -1

    def receive(self) -> tuple[bytes, list[int]]:
        """One message and the fds that came with it; ``b""`` at the end. Raises
        BlockingIOError when none is ready on a non-blocking end."""
        if self.sock is not None:
            return recv_fds(self.sock, 65536, 1)
        while True:
            line, newline, rest = self.pending.partition(b"\n")
            if newline:
                self.pending = rest
                if line:
                    return line, []
                continue
            chunk = os.read(self.fd, 65536)
            if not chunk:
                line, self.pending = self.pending, b""
                return line, []  # a message cut short, then the end
            self.pending += chunk


def pair(pass_fds: bool) -> tuple[End, End]:
    """The supervisor's end and init's end (neither inherited across exec); ``pass_fds``
    for a channel that carries fds."""
    if not pass_fds:
        r, w = os.pipe2(os.O_CLOEXEC)
        return End(r), End(w)
    import _socket

    ours, theirs = _socket.socketpair(_socket.AF_UNIX, _socket.SOCK_SEQPACKET)
    return End(ours.fileno(), ours), End(theirs.fileno(), theirs)


def send_fds(fd: int, data: bytes, fds: list[int]) -> None:
    """Send ``data`` with ``fds`` attached on the socket channel end ``fd``."""
    import _socket

    sock = _socket.socket(fileno=os.dup(fd))
    try:
        sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS,
                               b"".join(fd.to_bytes(_FD_SIZE, sys.byteorder) for fd in fds))])
    finally:
        sock.close()


def recv_fds(sock: _socket.socket, bufsize: int, maxfds: int) -> tuple[bytes, list[int]]:
    """One message (empty at EOF) and the fds that came with it."""
    import _socket

    msg, ancdata, _flags, _addr = sock.recvmsg(bufsize, _socket.CMSG_LEN(maxfds * _FD_SIZE))
    fds: list[int] = []
    for level, kind, raw in ancdata:
        if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
            fds += [int.from_bytes(raw[i:i + _FD_SIZE], sys.byteorder)
                    for i in range(0, len(raw) - _FD_SIZE + 1, _FD_SIZE)]
    return msg, fds
