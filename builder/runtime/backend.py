"""The ``Executor`` seam the backends (native, runc) implement, and their output callback.

Apart from :mod:`builder.runtime.executor` so that importing :class:`ProcessSpec` (the
runner does, on every ``dockyard run``) does not import ``typing`` for ``Protocol``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from builder.runtime.executor import ProcessSpec

OutputCallback = Callable[[str, bytes], None]
"""``on_output(stream, line)``: ``stream`` is ``"stdout"`` or ``"stderr"``; ``line`` ends with
``b"\\n"`` except for a final unterminated line (long lines arrive in 64 KiB pieces)."""


class Executor(Protocol):
    """Runs one process in a prepared rootfs, isolated like ``docker run`` with defaults.

    Called by the op that runs a RUN step and by the runner's supervisor. ``run`` blocks
    until the process has exited and every process it started is gone and every mount it
    made is released; ``on_output`` is called from the calling thread, line by line, in the
    order each stream produced them. ``cancel`` may be called from any thread (or a signal
    handler): it kills every run of this executor in progress, whose ``run`` then raises
    :class:`~builder.errors.ExecutionError`. Setup failures (bad user, missing
    executable, no privileges) raise :class:`~builder.errors.ExecutionError`.
    """

    def run(self, rootfs: Path, spec: ProcessSpec, on_output: OutputCallback) -> int:
        """Run ``spec`` in ``rootfs``; return the exit status (128+signal if killed)."""
        ...

    def cancel(self) -> None:
        """Kill every process of every run in progress."""
        ...
