"""The extended attributes a layer keeps: ``user.*`` (but overlayfs' own ``user.overlay.*``)
and file capabilities (``security.capability``), as BuildKit's copies and layers keep
them; the others (SELinux labels, ACLs, ``trusted.*``) belong to the host."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable

Xattrs = tuple[tuple[str, bytes], ...]
"""Kept xattrs of one entry: (name, value) pairs sorted by name."""

_KEPT = ("security.capability",)


def keep_xattr(name: str) -> bool:
    """Whether a layer carries the xattr ``name``."""
    if name.startswith("user."):
        return not name.startswith("user.overlay.")
    return name in _KEPT


def kept_xattrs(path: str) -> Xattrs:
    """The kept xattrs of ``path`` (a symlink is not followed); none where the file system
    has no xattrs or the entry went away."""
    try:
        names = os.listxattr(path, follow_symlinks=False)
    except OSError:
        return ()
    found = []
    for name in sorted(names):
        if keep_xattr(name):
            try:
                found.append((name, os.getxattr(path, name, follow_symlinks=False)))
            except OSError:
                continue
    return tuple(found)


def set_xattrs(fd: int, xattrs: Xattrs) -> None:
    """Give the open file or directory ``fd`` these xattrs (after its owner: a chown clears
    file capabilities); a file system without xattrs goes without them, as with BuildKit."""
    for name, value in xattrs:
        try:
            os.setxattr(fd, name, value)
        except OSError as exc:
            if exc.errno != errno.EOPNOTSUPP:
                raise


def strip_xattrs(path: str, keep: Callable[[str], bool] | None = None,
                 names: Iterable[str] | None = None, mode: int | None = None) -> bool:
    """Remove the xattrs of ``path`` (a symlink is not followed) that ``keep`` does not keep
    (all by default; ``names`` are those it has, when listed already), and give it its mode
    again, ``mode`` when given, if that changed (an ACL removed may leave the mode its mask
    made); True if any went."""
    if names is None:
        names = os.listxattr(path, follow_symlinks=False)
    gone = [name for name in names if keep is None or not keep(name)]
    if not gone:
        return False
    if mode is None:
        mode = os.lstat(path).st_mode
    for name in gone:
        os.removexattr(path, name, follow_symlinks=False)
    if not stat.S_ISLNK(mode) and os.lstat(path).st_mode != mode:
        os.chmod(path, mode & 0o7777)
    return True
