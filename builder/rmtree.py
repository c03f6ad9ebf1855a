"""Removing a directory tree, cheap to import.

``shutil.rmtree`` would do, but importing :mod:`shutil` (with ``fnmatch``, ``re``, ``bz2``
and ``lzma``) costs a few milliseconds of ``dockyard run --rm``. This walks the tree through
directory file descriptors as ``shutil.rmtree`` does, so a symlink is removed and never
followed, even when something swaps a directory for one meanwhile.
"""

from __future__ import annotations

import os
import stat

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def remove_tree(path: str | os.PathLike[str]) -> None:
    """Remove ``path`` and everything under it, read-only directories too (a file or link is
    just unlinked; a missing path is fine, and so is another process removing it too)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(st.st_mode):
        os.unlink(path)
        return
    try:
        fd = os.open(path, _DIR_FLAGS)
    except FileNotFoundError:  # removed meanwhile, by another process
        return
    try:
        _empty(fd)
    finally:
        os.close(fd)
    _removed(os.rmdir, os.fspath(path), None, None)


def _empty(dir_fd: int) -> None:
    with os.scandir(dir_fd) as entries:
        children = [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]
    for name, is_dir in children:
        if is_dir:
            try:
                fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
            except FileNotFoundError:  # removed meanwhile, by another process
                continue
            except NotADirectoryError:  # replaced meanwhile: remove what is there now
                _removed(os.unlink, name, dir_fd, dir_fd)
                continue
            except PermissionError:  # unreadable: make it readable (through an O_PATH fd,
                _make_writable(name, dir_fd)  # which a swapped-in symlink cannot redirect)
                fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
            try:
                try:
                    _empty(fd)
                except PermissionError:
                    os.chmod(fd, 0o700)
                    _empty(fd)
            finally:
                os.close(fd)
            _removed(os.rmdir, name, dir_fd, dir_fd)
        else:
            _removed(os.unlink, name, dir_fd, dir_fd)


def _make_writable(name: str, dir_fd: int) -> None:
    fd = os.open(name, os.O_PATH | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC, dir_fd=dir_fd)
    try:
        os.chmod(f"/proc/self/fd/{fd}", 0o700)
    finally:
        os.close(fd)


def _removed(remove: Callable[..., None], name: str, dir_fd: int | None,
             parent: int | None) -> None:
    """``remove(name)``; when the parent (inside the tree) is read-only, make it writable
    and try again."""
    try:
        remove(name, dir_fd=dir_fd)
    except FileNotFoundError:
        pass
    except PermissionError:
        if parent is None:
            raise
        os.chmod(parent, 0o700)
        remove(name, dir_fd=dir_fd)
