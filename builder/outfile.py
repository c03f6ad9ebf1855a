"""Files the user names for output (``save -o``, ``build -o type=docker|oci,dest=``), or the
standard output: written as Docker writes them, with errors that say which file."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from builder.errors import OutputError


@contextlib.contextmanager
def output_file(path: Path | str) -> Iterator[BinaryIO]:
    """Yield a file to write ``path`` with.

    A symlink is followed, as Docker's ``os.Create`` does. A regular file (or none) is
    replaced all at once when the block ends, keeping an existing file's mode, so a failed
    write leaves it as it was; anything else (a device such as /dev/stdout, a fifo) is
    written in place, never replaced by a file. An ``OSError`` becomes an
    :class:`OutputError` naming ``path``."""
    from builder.blobs import atomic_file

    shown = os.fspath(path)
    try:
        real = Path(os.path.realpath(path))
        try:
            st: os.stat_result | None = os.stat(real)
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {shown}: it is a directory")
        if st is not None and not stat.S_ISREG(st.st_mode):
            with open(real, "wb") as out:
                yield out
            return
        mode = 0o644 if st is None else stat.S_IMODE(st.st_mode)
        with atomic_file(real, mode=mode) as out:
            yield out
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def output_stream(dest: str | None, terminal: str) -> Iterator[BinaryIO]:
    """:func:`output_file` for ``dest``, or the standard output when ``dest`` is None:
    refused with the message ``terminal`` when it is a terminal; a write error there is an
    :class:`OutputError` (a reader gone away stays a ``BrokenPipeError``: status 141,
    nothing to say)."""
    if dest is not None:
        with output_file(dest) as out:
            yield out
        return
    if sys.stdout.isatty():
        raise OutputError(terminal)
    try:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write to the standard output: {exc.strerror}") from None
