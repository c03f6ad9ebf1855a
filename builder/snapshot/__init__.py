"""Rootfs snapshots: a writable (or read-only) tree over read-only layer dirs, and its diff.

Two implementations of :class:`Snapshotter`: :class:`OverlaySnapshotter` (overlayfs, the
default as root) and :class:`CopySnapshotter` (a plain copy, for when overlayfs cannot be
used). :func:`default_snapshotter` picks one and says why.
"""

from __future__ import annotations

from pathlib import Path

from builder.snapshot.base import Mount, Snapshotter
from builder.snapshot.copy import CopySnapshotter
from builder.snapshot.overlay import OverlaySnapshotter, overlay_unusable


def default_snapshotter(snapshots_dir: Path) -> tuple[Snapshotter, str | None]:
    """Overlay when it works under ``snapshots_dir``, else copy plus the reason why not."""
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
