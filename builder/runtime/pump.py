"""Drain a process's stdout, stderr and status pipes together, line by line."""

from __future__ import annotations

import json
import os
import selectors
from collections.abc import Callable
from typing import Any

from builder.runtime.executor import OutputCallback

_READ = 1 << 16


def pump(
    stdout: int,
    stderr: int,
    on_output: OutputCallback,
    status: int | None = None,
    on_status: Callable[[dict[str, Any]], None] | None = None,
) -> None:
    """Read until every pipe is at EOF (the caller closes them).

    Lines go to ``on_output`` as they complete (pieces of 64 KiB for very long lines);
    ``status`` carries JSON lines handed to ``on_status``. Reading both output pipes in one
    loop means a process that fills one of them can never block the other.
    """
    sel = selectors.DefaultSelector()
    names = {stdout: "stdout", stderr: "stderr"}
    pending: dict[int, bytearray] = {stdout: bytearray(), stderr: bytearray()}
    fds = [stdout, stderr] + ([status] if status is not None else [])
    if status is not None:
        pending[status] = bytearray()
    try:
        for fd in fds:
            os.set_blocking(fd, False)
            sel.register(fd, selectors.EVENT_READ)
        open_fds = len(fds)
        while open_fds:
            for key, _ in sel.select():
                fd = key.fd
                try:
                    data = os.read(fd, _READ)
                except BlockingIOError:
                    continue
                buf = pending[fd]
                if not data:
                    sel.unregister(fd)
                    open_fds -= 1
                    if buf:
                        _deliver(fd, bytes(buf), names, on_output, status, on_status)
                        buf.clear()
                    continue
                buf += data
                start = 0
                while True:
                    end = buf.find(b"\n", start)
                    if end < 0:
                        break
                    if fd != status:  # long lines go out in pieces of at most _READ
                        while end + 1 - start > _READ:
                            _deliver(fd, bytes(buf[start : start + _READ]), names, on_output,
                                     status, on_status)
                            start += _READ
                    _deliver(fd, bytes(buf[start : end + 1]), names, on_output, status,
                             on_status)
                    start = end + 1
                if fd != status:
                    while len(buf) - start >= _READ:
                        _deliver(fd, bytes(buf[start : start + _READ]), names, on_output,
                                 status, on_status)
                        start += _READ
                del buf[:start]
    finally:
        sel.close()


def _deliver(fd: int, line: bytes, names: dict[int, str], on_output: OutputCallback,
             status: int | None, on_status: Callable[[dict[str, Any]], None] | None) -> None:
    if fd == status:
        if on_status is not None:
            try:
                item = json.loads(line)
            except ValueError:
                return
            if isinstance(item, dict):
                on_status(item)
        return
    on_output(names[fd], line)
