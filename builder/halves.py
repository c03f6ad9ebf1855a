"""Per-file work split in two: one half in this process, the other in a forked child.

Copying tens of thousands of small files is mostly Python's own work per file, so threads
serialize on the GIL (and measured slower than one thread); a forked child runs on a second
core. The child gets its half, runs the same function and sends back the
result (pickled) or the error it raised; the parent runs the first half meanwhile. Only
the calling thread exists in the child: the function must touch files and its arguments,
never locks, stores or caches of the parent.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import warnings
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TypeVar

from builder.errors import DockyardError

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 2000
"""Below this many items a fork (a few ms) costs more than half the work saves."""


def worth_splitting(count: int) -> bool:
    """Whether ``count`` items are worth a second process on this machine."""
    return count >= MIN_ITEMS and (os.cpu_count() or 1) >= 2


def in_two(run: Callable[[Sequence[T]], R], items: Sequence[T], split: int) -> tuple[R, R]:
    """``(run(items[:split]), run(items[split:]))``, the second in a forked child.

    An error of either half is raised here, after the child has ended: the child's own
    (a :class:`DockyardError` as it was, anything else as a DockyardError naming it), or
    the parent's, which kills the child first. The child's outcome comes back through an
    unnamed temp file read once it has exited, not a pipe read to its end: a process that
    another thread forked while the pipe was open would hold the end open too.
    """
    import tempfile

    from builder.runtime import syscalls as sc  # loaded here: a child loads no library

    with tempfile.TemporaryFile() as result:
        with warnings.catch_warnings():  # 3.12+ warns of forks beside threads (docstring)
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # pragma: no cover (the child's lines run in another process)
            _child(run, items[split:], result.fileno(), sc)
        try:
            mine = run(items[:split])
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        result.seek(0)
        payload = result.read()
    try:
        ok, value = pickle.loads(payload)
    except Exception:
        raise DockyardError(f"a helper process ended without its result "
                            f"(wait status {status})") from None
    if not ok:
        raise value
    return mine, value


def _child(run: Callable[[Sequence[T]], R], part: Sequence[T], fd: int,
           sc: ModuleType) -> None:
    """Run ``part``, write the pickled outcome to ``fd`` and exit (never returns)."""
    code = 0
    try:
        sc.prctl(sc.PR_SET_PDEATHSIG, signal.SIGKILL)  # gone with the thread that forked
        # Ctrl-C is the parent's to handle: it cancels the build, and kills this child
        # only if its own half fails
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        outcome: tuple[bool, object] = (True, run(part))
    except BaseException as exc:  # every error goes back to the parent
        error = exc if isinstance(exc, DockyardError) else DockyardError(
            f"{type(exc).__name__}: {exc}")
        outcome = (False, error)
        code = 1
    try:
        try:
            data = pickle.dumps(outcome)
        except Exception as exc:  # an error whose fields do not pickle
            data = pickle.dumps((False, DockyardError(str(outcome[1]) or repr(exc))))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os._exit(code)
