"""Timing shared by the benchmarks: the median wall time of a callable, the command to time."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 3) -> float:
    """The median of ``runs`` timed calls of ``fn``, in ms, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def dockyard_exe() -> list[str]:
    """The ``dockyard`` command as a user runs it: the console script beside this Python
    (``python -m builder`` when it is not installed)."""
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("dockyard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "builder"]
