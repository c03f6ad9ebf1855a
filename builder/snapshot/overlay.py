"""The overlayfs snapshotter.

Layer dirs become ``lowerdir`` entries (top first), with a fresh ``upper``/``work`` pair in
the snapshot's directory, mounted with ``redirect_dir=off,metacopy=off,index=off`` so the
upper dir alone describes the changes. The mount uses the new mount API (one
``lowerdir+`` per layer), which has no 4 KiB option limit; past the kernel's 500-layer
limit the bottom layers are flattened into one copied directory first.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from builder.errors import SnapshotError
from builder.layers import Change
from builder.runtime import syscalls as sc
from builder.runtime.overlayfs import _mount, overlay_unusable
from builder.snapshot.base import Mount, check_lowers, snapshot_dir
from builder.snapshot.tree import copy_tree, merged, remove_tree
from builder.snapshot.upper import upper_changes

MAX_LAYERS = 500
__all__ = ["MAX_LAYERS", "OverlaySnapshotter", "overlay_unusable"]


class OverlaySnapshotter:
    """A :class:`~builder.snapshot.Snapshotter` on overlayfs; snapshots live in ``root``.

    ``volatile`` (default) skips overlay's syncs: right for build steps, whose snapshot is
    discarded or committed as a layer, never reused after a crash.
    """

    def __init__(self, root: Path, volatile: bool = True) -> None:
        self.root = Path(root).absolute()
        self.volatile = volatile
        reason = overlay_unusable(self.root)
        if reason is not None:
            raise SnapshotError(reason)

    def _lowers(self, directory: Path, layers: list[Path], spare: int) -> list[Path]:
        # Two steps may make the very same layer (one diff id, one dir); overlayfs refuses a
        # dir twice (ELOOP). The upper copy shadows all of the lower one, so drop the lower.
        layers = list(reversed(dict.fromkeys(reversed(layers))))
        limit = MAX_LAYERS - spare
        if len(layers) <= limit:
            return layers
        flat = directory / "flat"
        cut = len(layers) - limit + 1
        copy_tree(merged(layers[:cut]), flat)
        return [flat, *layers[cut:]]

    def prepare(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A writable overlay over ``lowers`` (bottom first)."""
        layers = check_lowers(list(lowers))
        directory = snapshot_dir(self.root, key)
        rootfs, upper, work = directory / "rootfs", directory / "upper", directory / "work"
        try:
            for path in (rootfs, upper, work):
                path.mkdir()
            upper.chmod(0o755)
            if not layers:
                empty = directory / "empty"
                empty.mkdir()
                mount_lowers = [empty]
            else:
                mount_lowers = self._lowers(directory, layers, 0)
                st = os.stat(layers[-1])
                os.chown(upper, st.st_uid, st.st_gid)
                upper.chmod(st.st_mode & 0o7777)
            _mount(rootfs, list(reversed(mount_lowers)), upper, work, self.volatile)
        except OSError as exc:
            remove_tree(directory)
            raise SnapshotError(f"cannot mount overlay snapshot {key!r}: "
                                f"{exc.strerror or exc}") from None
        except BaseException:
            remove_tree(directory)
            raise
        return Mount(key, rootfs, upper, tuple(layers), False, "overlay", directory)

    def empty(self, key: str) -> Mount:
        """A plain, empty upper dir, written directly (nothing mounted)."""
        directory = snapshot_dir(self.root, key)
        upper = directory / "upper"
        try:
            upper.mkdir()
            upper.chmod(0o755)
        except OSError as exc:
            remove_tree(directory)
            raise SnapshotError(f"cannot create snapshot {key!r}: {exc.strerror}") from None
        return Mount(key, upper, upper, (), False, "plain", directory)

    def view(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A read-only view of ``lowers``: overlay of the layers, or a read-only bind."""
        layers = check_lowers(list(lowers))
        directory = snapshot_dir(self.root, key)
        rootfs = directory / "rootfs"
        kind: Literal["overlay", "bind"]
        try:
            rootfs.mkdir()
            if len(layers) >= 2:
                _mount(rootfs, list(reversed(self._lowers(directory, layers, 0))), None, None,
                       False)
                kind = "overlay"
            else:
                source = layers[0] if layers else directory
                sc.mount(str(source), rootfs, None, sc.MS_BIND)
                sc.mount(None, rootfs, None, sc.MS_BIND | sc.MS_REMOUNT | sc.MS_RDONLY)
                kind = "bind"
        except OSError as exc:
            with contextlib.suppress(OSError):
                sc.umount(rootfs, sc.MNT_DETACH)
            remove_tree(directory)
            raise SnapshotError(f"cannot mount view {key!r}: {exc.strerror or exc}") from None
        return Mount(key, rootfs, None, tuple(layers), True, kind, directory)

    def diff(self, mount: Mount) -> list[Change]:
        """The upper dir's changes (nothing for a read-only view)."""
        if mount.upper is None:
            return []
        if not mount.upper.is_dir():
            raise SnapshotError(f"snapshot {mount.key!r} was removed")
        return upper_changes(mount.upper, mount.lowers)

    def detach(self, mount: Mount) -> Path | None:
        """Unmount the snapshot and return its upper dir (None for a view, or when the
        overlay is still busy: its upper dir must not change while it is mounted)."""
        if mount.upper is None or mount.readonly:
            return None
        try:
            sc.umount(mount.rootfs)
        except OSError as exc:
            if exc.errno != errno.EINVAL:  # EINVAL: not mounted any more
                return None
        return mount.upper

    def remove(self, mount: Mount) -> None:
        """Unmount and delete the snapshot."""
        try:
            sc.umount(mount.rootfs)  # os.path.ismount cannot see a bind mount of the same fs
        except OSError as exc:
            if exc.errno == errno.EBUSY:
                sc.umount(mount.rootfs, sc.MNT_DETACH)
            elif exc.errno not in (errno.EINVAL, errno.ENOENT):
                raise SnapshotError(f"cannot unmount {mount.rootfs}: {exc.strerror}") from None
        remove_tree(mount.dir)
