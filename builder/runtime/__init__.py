"""Running processes in isolated containers: the ``Executor`` seam and its backends."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from builder.runtime.backend import Executor, OutputCallback
    from builder.runtime.executor import MountSpec, ProcessSpec

__all__ = ["Executor", "MountSpec", "OutputCallback", "ProcessSpec"]


def __getattr__(name: str) -> Any:
    # imported on first use: `dockyard run` forks its container's init after importing
    # builder.runtime.syscalls, before it needs these
    if name in ("Executor", "OutputCallback"):
        from builder.runtime import backend

        return getattr(backend, name)
    if name in ("MountSpec", "ProcessSpec"):
        from builder.runtime import executor

        return getattr(executor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
