"""Snapshots a build left when it was killed (SIGKILL, a crash, the machine's power): a build
names its snapshots ``<kind>-<pid>-<n>``, so those of a process that is gone are unmounted
and deleted by the next build or prune (:func:`sweep_stale`)."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from builder.rmtree import remove_tree
from builder.runtime import syscalls as sc

_OWNED = re.compile(r"[a-z]+-([0-9]+)-[0-9]+")
_GONE = ".stale-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def sweep_stale(root: Path) -> list[str]:
    """Unmount and delete the snapshots under ``root`` whose build process is gone (and
    those another sweep was deleting when it died); their names."""
    try:
        with os.scandir(root) as it:
            names = [e.name for e in it]
    except FileNotFoundError:
        return []
    swept = []
    for name in names:
        if name.startswith(_GONE):
            aside = root / name  # a sweep that died on it
        else:
            owned = _OWNED.fullmatch(name)
            if owned is None or _alive(int(owned.group(1))):
                continue
            aside = root / f"{_GONE}{name}"
            try:
                # the one sweep that moves it aside deletes it (the mount moves along)
                os.rename(root / name, aside)
            except FileNotFoundError:
                continue
        try:
            sc.umount(aside / "rootfs", sc.MNT_DETACH)
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.ENOENT):  # not mounted (plain), gone
                continue  # still mounted: deleting would reach into the layers below
        remove_tree(aside)
        swept.append(name)
    return swept
