"""The extended attributes a layer keeps: ``user.*`` (but overlayfs' own ``user.overlay.*``)
and file capabilities (``security.capability``), as BuildKit's copies and layers keep
them; the others (SELinux labels, ACLs, ``trusted.*``) belong to the host."""

from __future__ import annotations

import errno
import os

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
