"""Rootfs snapshots: a writable (or read-only) tree over read-only layer dirs, and its diff.

Two implementations of :class:`Snapshotter`: :class:`OverlaySnapshotter` (overlayfs, the
default as root) and :class:`CopySnapshotter` (a plain copy, for when overlayfs cannot be
used). :func:`default_snapshotter` picks one and says why. The names are imported on first
use, so ``builder.snapshot.overlay`` alone stays cheap to import.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from builder.snapshot.base import Mount, Snapshotter
    from builder.snapshot.copy import CopySnapshotter
    from builder.snapshot.overlay import OverlaySnapshotter, overlay_unusable

_LAZY = {
    "Mount": "builder.snapshot.base",
    "Snapshotter": "builder.snapshot.base",
    "CopySnapshotter": "builder.snapshot.copy",
    "OverlaySnapshotter": "builder.snapshot.overlay",
    "overlay_unusable": "builder.snapshot.overlay",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'builder.snapshot' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def default_snapshotter(snapshots_dir: Path) -> tuple[Snapshotter, str | None]:
    """Overlay when it works under ``snapshots_dir``, else copy plus the reason why not."""
    from builder.snapshot.copy import CopySnapshotter
    from builder.snapshot.overlay import OverlaySnapshotter, overlay_unusable

    reason = overlay_unusable(snapshots_dir)
    if reason is None:
        return OverlaySnapshotter(snapshots_dir), None
    return CopySnapshotter(snapshots_dir), reason


__all__ = [
    "CopySnapshotter",
    "Mount",
    "OverlaySnapshotter",
    "Snapshotter",
    "default_snapshotter",
    "overlay_unusable",
]
