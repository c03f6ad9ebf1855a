"""The scheduler: dependencies, parallelism, failure and cancellation, key locks."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from builder.errors import BuildError
from builder.scheduler import Cancel, Cancelled, Job, KeyLocks, Scheduler


def test_dependencies_run_first_and_results_flow() -> None:
    order: list[str] = []

    def make(name: str) -> Any:
        def run(cancel: Cancel, deps: Mapping[str, Any]) -> str:
            order.append(name)
            return name + "".join(sorted(deps.values()))

        return run

    jobs = {
        "a": Job("a", make("a")),
        "b": Job("b", make("b"), ("a",)),
        "c": Job("c", make("c"), ("a",)),
        "d": Job("d", make("d"), ("b", "c")),
    }
    results = Scheduler(jobs=2).run(jobs)
    assert results["d"] == "dbaca"
    assert order[0] == "a" and order[-1] == "d"


def test_independent_jobs_run_in_parallel() -> None:
    barrier = threading.Barrier(2, timeout=5)

    def run(cancel: Cancel, deps: Mapping[str, Any]) -> int:
        return barrier.wait()  # both must be running at once, or this times out

    jobs = {"x": Job("x", run), "y": Job("y", run)}
    assert sorted(Scheduler(jobs=2).run(jobs).values()) == [0, 1]


def test_an_urgent_job_starts_before_jobs_that_wait_for_it() -> None:
    """``hold`` takes a lock that only its urgent follow-up ``release`` gives back; ``wait``
    needs it. With one thread, ``wait`` must not start (and block the thread) first."""
    lock = threading.Lock()
    order: list[str] = []

    def hold(cancel: Cancel, deps: Mapping[str, Any]) -> None:
        lock.acquire()
        order.append("hold")

    def release(cancel: Cancel, deps: Mapping[str, Any]) -> None:
        order.append("release")
        lock.release()

    def wait(cancel: Cancel, deps: Mapping[str, Any]) -> None:
        if not lock.acquire(timeout=5):
            raise BuildError("started while the lock was held")
        order.append("wait")
        lock.release()

    jobs = {
        "hold": Job("hold", hold),
        "wait": Job("wait", wait),  # ready at once, but started only when a thread is free
        "release": Job("release", release, ("hold",), urgent=True),
    }
    Scheduler(jobs=1).run(jobs)
    assert order == ["hold", "release", "wait"]


def test_failure_cancels_siblings_and_starts_nothing_new() -> None:
    started: list[str] = []
    sibling_stopped = threading.Event()

    def fail(cancel: Cancel, deps: Mapping[str, Any]) -> None:
        time.sleep(0.1)
        raise BuildError("step failed")

    def slow(cancel: Cancel, deps: Mapping[str, Any]) -> None:
        started.append("slow")
        with cancel.on_cancel(sibling_stopped.set):
            for _ in range(100):
                cancel.check()
                time.sleep(0.05)

    def later(cancel: Cancel, deps: Mapping[str, Any]) -> None:
        started.append("later")

    jobs = {"f": Job("f", fail), "s": Job("s", slow), "l": Job("l", later, ("f",))}
    with pytest.raises(BuildError, match="step failed") as info:
        Scheduler(jobs=2).run(jobs)
    assert not isinstance(info.value, Cancelled)
    assert sibling_stopped.is_set() and "later" not in started


def test_cancel_callbacks_run_once_even_when_late() -> None:
    cancel = Cancel()
    calls: list[int] = []
    cancel.cancel("stop")
    with cancel.on_cancel(lambda: calls.append(1)):
        pass
    cancel.cancel("again")
    assert calls == [1] and cancel.reason == "stop"
    with pytest.raises(Cancelled):
        cancel.check()


def test_unknown_dependency_is_an_error() -> None:
    with pytest.raises(BuildError, match="unknown"):
        Scheduler().run({"a": Job("a", lambda c, d: None, ("nope",))})


_WORKER = """
import sys, time
from pathlib import Path
from builder.scheduler import KeyLocks
locks, counter = KeyLocks(sys.argv[1]), Path(sys.argv[2])
with locks.hold("blake3:abc"):
    if not counter.exists():          # a cache lookup under the lock
        time.sleep(0.3)               # the step runs
        counter.write_text("ran by " + sys.argv[3])
"""


def test_key_lock_runs_a_key_once_across_processes(tmp_path: Path) -> None:
    counter = tmp_path / "result"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(tmp_path / "locks"), str(counter), str(i)]
        )
        for i in range(4)
    ]
    assert all(p.wait(timeout=30) == 0 for p in procs)
    assert counter.read_text().startswith("ran by ")


def test_key_lock_excludes_threads(tmp_path: Path) -> None:
    locks = KeyLocks(tmp_path)
    inside = 0
    peak = 0
    guard = threading.Lock()

    def worker() -> None:
        nonlocal inside, peak
        with locks.hold("k"):
            with guard:
                inside += 1
                peak = max(peak, inside)
            time.sleep(0.02)
            with guard:
                inside -= 1

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == 1
