"""Rootfs snapshots: a writable (or read-only) tree over read-only layer dirs, and its diff.

Two implementations of :class:`Snapshotter`: :class:`OverlaySnapshotter` (overlayfs, the
default as root) and :class:`CopySnapshotter` (a plain copy, for when overlayfs cannot be
used). :func:`default_snapshotter` picks one and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from builder.layers import Change


@dataclass(frozen=True)
class Mount:
    """A prepared snapshot: the process sees ``rootfs``; its changes land in ``upper``.

    ``upper`` is the overlay upper dir, or ``rootfs`` itself for a copy.
    """

    key: str
    rootfs: Path
    upper: Path | None
    lowers: tuple[Path, ...]
    readonly: bool
    kind: Literal["overlay", "bind", "copy"]
    dir: Path


class Snapshotter(Protocol):
    """Makes rootfs snapshots from layer dirs (bottom first) and reports what changed.

    Called by the op that runs a step and by the runner. ``key`` names the snapshot (safe
    characters ``[A-Za-z0-9._-]``; unique among live snapshots). Layer dirs are never
    written. Every method blocks on filesystem work; a snapshotter is safe to use from
    several threads for different keys.
    """

    def prepare(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A writable snapshot over ``lowers``."""
        ...

    def view(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A read-only snapshot over ``lowers``."""
        ...

    def diff(self, mount: Mount) -> list[Change]:
        """What changed in ``mount`` since it was prepared: sorted, parents first, in the
        form :func:`builder.layers.write_layer` takes; empty when nothing changed. Sources
        point into the snapshot, so write the layer before :meth:`remove`."""
        ...

    def remove(self, mount: Mount) -> None:
        """Unmount (if mounted) and delete the snapshot; idempotent."""
        ...


from builder.snapshot.copy import CopySnapshotter  # noqa: E402
from builder.snapshot.overlay import OverlaySnapshotter, overlay_unusable  # noqa: E402


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
