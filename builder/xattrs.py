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


def strip_xattrs(path: str) -> None:
    """Remove every xattr of the file ``path`` (a symlink is not followed), keeping its mode
    (an ACL removed may leave the mode its mask made)."""
    names = os.listxattr(path, follow_symlinks=False)
    if not names:
        return
    mode = os.lstat(path).st_mode
    for name in names:
        os.removexattr(path, name, follow_symlinks=False)
    if os.lstat(path).st_mode != mode:
        os.chmod(path, mode & 0o7777)
