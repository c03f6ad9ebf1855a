"""The copy snapshotter: a plain copy of the merged layers, diffed by comparison.

Slower than overlay and heavier on disk, but it works anywhere (inside a container whose
root is an overlayfs, without mount privileges).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from builder.errors import SnapshotError
from builder.layers import Change
from builder.snapshot.base import Mount, check_lowers, snapshot_dir
from builder.snapshot.tree import compare, copy_tree, merged, remove_tree


class CopySnapshotter:
    """A :class:`~builder.snapshot.Snapshotter` that copies; snapshots live in ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).absolute()

    def _make(self, key: str, lowers: Sequence[Path], readonly: bool) -> Mount:
        layers = check_lowers(list(lowers))
        directory = snapshot_dir(self.root, key)
        rootfs = directory / "rootfs"
        try:
            if layers:
                copy_tree(merged(layers), rootfs)
            else:
                rootfs.mkdir(mode=0o755)
        except BaseException:
            remove_tree(directory)
            raise
        return Mount(key, rootfs, rootfs, tuple(layers), readonly, "copy", directory)

    def prepare(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A writable copy of ``lowers``."""
        return self._make(key, lowers, readonly=False)

    def empty(self, key: str) -> Mount:
        """An empty writable directory."""
        return self._make(key, (), readonly=False)

    def view(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A copy of ``lowers`` that executors mount read-only."""
        return self._make(key, lowers, readonly=True)

    def diff(self, mount: Mount) -> list[Change]:
        """Compare the copy with the merged layers."""
        if mount.readonly:
            return []
        if not mount.rootfs.is_dir():
            raise SnapshotError(f"snapshot {mount.key!r} was removed")
        if not mount.lowers:
            return compare(str(mount.rootfs), None)
        return compare(str(mount.rootfs), merged(list(mount.lowers)))

    def detach(self, mount: Mount) -> Path | None:
        """Nothing to hand over: a copy holds the whole tree, not the changes."""
        return None

    def remove(self, mount: Mount) -> None:
        """Delete the copy."""
        remove_tree(mount.dir)
