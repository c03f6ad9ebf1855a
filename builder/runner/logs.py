"""Container logs in Docker's json-file format: one JSON object per line,
``{"log": "text\\n", "stream": "stdout", "time": "2026-01-01T00:00:00.000000000Z"}``."""

from __future__ import annotations

import os

from builder.jsonio import dumps, loads
from builder.runner.container import now

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

_MAX_LINE = 16 * 1024  # Docker splits longer lines into 16 KiB pieces


class LogWriter:
    """Splits a container's output streams into lines and appends them to the log file."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o640)
        self.pending: dict[str, bytearray] = {"stdout": bytearray(), "stderr": bytearray()}

    def write(self, stream: str, data: bytes) -> None:
        """Record ``data`` of ``stream``; complete lines are written at once."""
        buf = self.pending[stream]
        buf += data
        out = []
        start = 0
        while True:
            end = buf.find(b"\n", start)
            if end < 0 or end + 1 - start > _MAX_LINE:
                if len(buf) - start >= _MAX_LINE:
                    out.append(self._entry(stream, bytes(buf[start:start + _MAX_LINE])))
                    start += _MAX_LINE
                    continue
                break
            out.append(self._entry(stream, bytes(buf[start:end + 1])))
            start = end + 1
        del buf[:start]
        if out:
            os.write(self.fd, b"".join(out))

    def flush(self) -> None:
        """Write unterminated remainders (at the end of the container's run)."""
        for stream, buf in self.pending.items():
            if buf:
                os.write(self.fd, self._entry(stream, bytes(buf)))
                buf.clear()

    def close(self) -> None:
        self.flush()
        os.close(self.fd)

    @staticmethod
    def _entry(stream: str, data: bytes) -> bytes:
        text = data.decode("utf-8", errors="replace")
        return dumps({"log": text, "stream": stream, "time": now()}).encode() + b"\n"


def read_entries(path: str, offset: int = 0) -> Iterator[tuple[int, dict[str, Any]]]:
    """(end offset, entry) for every complete entry after ``offset``."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            for line in f:
                if not line.endswith(b"\n"):
                    return
                offset += len(line)
                try:
                    entry = loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict):
                    yield offset, entry
    except FileNotFoundError:
        return
