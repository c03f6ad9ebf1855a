"""Running processes in isolated containers: the ``Executor`` seam and its backends."""

from __future__ import annotations

from builder.runtime.executor import MountSpec, ProcessSpec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from builder.runtime.backend import Executor, OutputCallback

__all__ = ["Executor", "MountSpec", "OutputCallback", "ProcessSpec"]


def __getattr__(name: str) -> Any:
    if name in ("Executor", "OutputCallback"):  # imported on first use: they need typing
        from builder.runtime import backend

        return getattr(backend, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
