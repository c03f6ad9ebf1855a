"""Run a graph of jobs in parallel: a ready queue, one run per key, cancellation.

The scheduler knows nothing about Dockerfiles: a :class:`Job` is a callable with
dependencies. Jobs whose dependencies are done run on a thread pool (``jobs`` at a time).
When a job fails, nothing new is started, the running jobs are asked to stop through the
shared :class:`Cancel` token, and the first error is raised once every running job has
returned. ``KeyLocks`` make one cache key run once, also across processes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from builder.errors import BuildError
from builder.record import Record


class Cancelled(BuildError):
    """The build was cancelled (another step failed, or the user interrupted it)."""


class Cancel:
    """A cancellation token shared by the jobs of one run.

    Jobs call :meth:`check` at safe points, or register a callback (for example an
    executor's ``cancel``) with :meth:`on_cancel`, which runs at once if already cancelled.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []
        self.reason = ""

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self, reason: str = "cancelled") -> None:
        """Cancel the run; every registered callback is called once."""
        with self._lock:
            if self._event.is_set():
                return
            self.reason = reason
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for cb in callbacks:
            with contextlib.suppress(Exception):  # a failing hook must not hide the others
                cb()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the run was cancelled."""
        if self._event.is_set():
            raise Cancelled(self.reason)

    @contextmanager
    def on_cancel(self, callback: Callable[[], None]) -> Iterator[None]:
        """Call ``callback`` if the run is cancelled while the block runs."""
        with self._lock:
            registered = not self._event.is_set()
            if registered:
                self._callbacks.append(callback)
        if not registered:
            callback()
        try:
            yield
        finally:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)


class Job(Record):
    """One unit of work: ``run(cancel, results_of_deps)`` returns the job's result.

    An ``urgent`` job starts before every other ready job. A job that finishes what
    another holds (a lock other jobs may wait on) must be urgent: it then starts as soon as
    the job it follows frees its thread, never behind a job that waits for it."""

    __slots__ = ("id", "run", "deps", "name", "extra", "urgent")
    _hashable = False
    id: str
    run: Callable[[Cancel, Mapping[str, Any]], Any]
    deps: tuple[str, ...]
    name: str
    extra: dict[str, Any]
    urgent: bool

    def __init__(self, id: str, run: Callable[[Cancel, Mapping[str, Any]], Any],
                 deps: tuple[str, ...] = (), name: str = "",
                 extra: dict[str, Any] | None = None, urgent: bool = False) -> None:
        self.id = id
        self.run = run
        self.deps = deps
        self.name = name
        self.extra = {} if extra is None else extra
        self.urgent = urgent


class Scheduler:
    """Runs jobs when their dependencies are done, ``jobs`` at a time."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.cancel = Cancel()

    def run(self, jobs: Mapping[str, Job]) -> dict[str, Any]:
        """Run every job; returns results by id, or raises the first failure."""
        for job in jobs.values():
            for dep in job.deps:
                if dep not in jobs:
                    raise BuildError(f"internal error: job {job.id} depends on unknown {dep}")
        results: dict[str, Any] = {}
        waiting = {jid: set(job.deps) for jid, job in jobs.items()}
        running: dict[Future[Any], str] = {}
        error: BaseException | None = None
        pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="step")
        try:
            while waiting or running:
                if error is None and not self.cancel.cancelled:
                    # started only when a thread is free (urgent ones first), never queued
                    # behind the pool's busy threads
                    ready = sorted((j for j, deps in waiting.items() if not deps),
                                   key=lambda j: not jobs[j].urgent)
                    for jid in ready[: self.jobs - len(running)]:
                        del waiting[jid]
                        job = jobs[jid]
                        deps = {d: results[d] for d in job.deps}
                        running[pool.submit(job.run, self.cancel, deps)] = jid
                if not running:
                    if waiting and error is None and not self.cancel.cancelled:
                        raise BuildError("internal error: the job graph has a cycle")
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    jid = running.pop(fut)
                    exc = fut.exception()
                    if exc is not None:
                        # the first real failure wins over the cancellations it causes
                        if error is None or (
                            isinstance(error, Cancelled) and not isinstance(exc, Cancelled)
                        ):
                            error = exc
                        self.cancel.cancel(f"{jobs[jid].name or jid} failed")
                        continue
                    results[jid] = fut.result()
                    for pending in waiting.values():
                        pending.discard(jid)
        except BaseException as exc:  # KeyboardInterrupt: stop the running jobs first
            self.cancel.cancel("interrupted")
            wait(running)
            raise exc
        finally:
            pool.shutdown(wait=True)
        if error is not None:
            raise error
        if self.cancel.cancelled:
            raise Cancelled(self.cancel.reason)
        return results


class KeyLocks:
    """Exclusive locks on cache keys, shared by threads and processes (``flock``)."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        """Hold the lock on ``key`` for the block (blocks while another holder runs)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        name = key.replace(":", "-").replace("/", "_")
        fd = os.open(self.directory / f"{name}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
