"""Running processes in isolated containers: the ``Executor`` seam and its backends."""

from __future__ import annotations

from builder.runtime.executor import Executor, MountSpec, OutputCallback, ProcessSpec

__all__ = ["Executor", "MountSpec", "OutputCallback", "ProcessSpec"]
