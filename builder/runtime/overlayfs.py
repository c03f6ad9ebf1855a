"""Mounting overlayfs: the new mount API (one ``lowerdir+`` per layer, no 4 KiB option
limit), with the legacy ``mount(2)`` as a fallback. Cheap to import (no layer code)."""

from __future__ import annotations

import errno
import os

from builder.runtime import syscalls as sc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

_OPTIONS = (("redirect_dir", "off"), ("metacopy", "off"), ("index", "off"))


def overlay_unusable(directory: str | Path) -> str | None:
    """Why overlay snapshots cannot live under ``directory``, or None when they can.

    Checks privileges and the filesystem, then mounts a tiny overlay to be sure.
    """
    import shutil

    if os.geteuid() != 0:
        return "overlay snapshots need root (CAP_SYS_ADMIN); rootless overlay is not supported yet"
    from pathlib import Path

    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if sc.statfs_type(directory) == sc.OVERLAYFS_SUPER_MAGIC:
            return (f"{directory} is on an overlayfs, which cannot hold overlay upper dirs: "
                    "put the dockyard root on a volume or tmpfs")
    except OSError as exc:
        return f"cannot use {directory}: {exc.strerror}"
    probe = directory / f".probe-{os.getpid()}"
    try:
        for name in ("lower", "upper", "work", "merged"):
            (probe / name).mkdir(parents=True, exist_ok=True)
        _mount(probe / "merged", [probe / "lower"], probe / "upper", probe / "work", True)
        sc.umount(probe / "merged")
    except OSError as exc:
        return f"overlayfs does not work in {directory}: {exc.strerror or exc}"
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    return None


def _mount(target: str | Path, lowers_top_first: Sequence[str | Path],
           upper: str | Path | None, work: str | Path | None, volatile: bool) -> None:
    try:
        ctx = sc.FsContext("overlay")
    except OSError as exc:
        if exc.errno != errno.ENOSYS:
            raise
        _legacy_mount(target, lowers_top_first, upper, work, volatile)
        return
    try:
        for lower in lowers_top_first:
            ctx.set_string("lowerdir+", str(lower))
        if upper is not None and work is not None:
            ctx.set_string("upperdir", str(upper))
            ctx.set_string("workdir", str(work))
            if volatile:
                ctx.set_flag("volatile")
        for key, value in _OPTIONS:
            ctx.set_string(key, value)
        ctx.mount_at(target, readonly=upper is None)
    finally:
        ctx.close()


def mount_overlay(target: str | Path, lowers: Sequence[str | Path], upper: str | Path,
                  work: str | Path, volatile: bool = True) -> None:
    """Mount a writable overlay of ``lowers`` (bottom first) at ``target``; raises OSError.

    For a snapshot kept across mounts (a container's): ``work`` must be empty.
    """
    _mount(target, list(reversed(lowers)), upper, work, volatile)


def _legacy_mount(target: str | Path, lowers_top_first: Sequence[str | Path],
                  upper: str | Path | None, work: str | Path | None, volatile: bool) -> None:
    opts = ["lowerdir=" + ":".join(str(p) for p in lowers_top_first)]
    if upper is not None and work is not None:
        opts += [f"upperdir={upper}", f"workdir={work}"] + (["volatile"] if volatile else [])
    opts += [f"{k}={v}" for k, v in _OPTIONS]
    data = ",".join(opts)
    if len(data) >= 4000:
        raise OSError(errno.E2BIG, "overlay options exceed the 4 KiB mount(2) limit and the new "
                      "mount API is unavailable")
    sc.mount("overlay", target, "overlay", 0 if upper else sc.MS_RDONLY, data)
