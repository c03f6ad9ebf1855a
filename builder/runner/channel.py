"""The status channel between the supervisor and a container's init: a ``SOCK_SEQPACKET``
socket pair (one message per datagram; file descriptors pass along with ``SCM_RIGHTS``).

Built on ``_socket``, the C module under :mod:`socket`: importing :mod:`socket` itself
(it imports :mod:`selectors` and turns its constants into enums) would cost about 3 ms of
every ``dockyard run``. The calls are the ones :func:`socket.socketpair`,
:func:`socket.send_fds` and :func:`socket.recv_fds` make.
"""

from __future__ import annotations

import _socket
import os
import struct

_FD_SIZE = struct.calcsize("i")


def pair() -> tuple[_socket.socket, _socket.socket]:
    """Two connected ends (not inherited across exec)."""
    return _socket.socketpair(_socket.AF_UNIX, _socket.SOCK_SEQPACKET)


def send_fds(fd: int, data: bytes, fds: list[int]) -> None:
    """Send ``data`` with ``fds`` attached on the channel end ``fd``."""
    sock = _socket.socket(fileno=os.dup(fd))
    try:
        sock.sendmsg([data], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS,
                               struct.pack(f"{len(fds)}i", *fds))])
    finally:
        sock.close()


def recv_fds(sock: _socket.socket, bufsize: int, maxfds: int) -> tuple[bytes, list[int]]:
    """One message (empty at EOF) and the fds that came with it."""
    msg, ancdata, _flags, _addr = sock.recvmsg(bufsize, _socket.CMSG_LEN(maxfds * _FD_SIZE))
    fds: list[int] = []
    for level, kind, raw in ancdata:
        if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
            count = len(raw) // _FD_SIZE
            fds += struct.unpack(f"{count}i", raw[:count * _FD_SIZE])
    return msg, fds
