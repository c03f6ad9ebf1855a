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


def _empty(top: int) -> None:
    """Remove everything under the directory ``top``, depth first without recursion (a
    tree may be as deep as a container made it), one descriptor a level open."""
    # each level: its fd, its name in the level above, the children still to remove
    stack: list[tuple[int, str, list[tuple[str, bool]]]] = [(top, "", _children(top))]
    try:
        while stack:
            fd, here, pending = stack[-1]
            if not pending:  # emptied: closed and removed from the level above (not top)
                stack.pop()
                if stack:
                    os.close(fd)
                    parent = stack[-1][0]
                    _removed(os.rmdir, here, parent, parent)
                continue
            name, is_dir = pending.pop()
            if not is_dir:
                _removed(os.unlink, name, fd, fd)
                continue
            child = _open_dir(name, fd)
            if child < 0:
                continue
            try:
                try:
                    below = _children(child)
                except PermissionError:
                    os.chmod(child, 0o700)
                    below = _children(child)
            except BaseException:
                os.close(child)
                raise
            stack.append((child, name, below))
    finally:
        for fd, _, _ in stack[1:]:
            os.close(fd)


def _children(dir_fd: int) -> list[tuple[str, bool]]:
    try:
        entries = os.scandir(dir_fd)  # on a duplicate of dir_fd
    except OSError as exc:
        if not _more_descriptors(exc):
            raise
        entries = os.scandir(dir_fd)
    with entries:
        return [(e.name, e.is_dir(follow_symlinks=False)) for e in entries]


def _open_dir(name: str, dir_fd: int) -> int:
    """A descriptor of the directory ``name`` in ``dir_fd``; -1 when it is gone, or was
    replaced by something else (which is then removed)."""
    try:
        return _open_nofile(name, dir_fd)
    except FileNotFoundError:  # removed meanwhile, by another process
        return -1
    except NotADirectoryError:  # replaced meanwhile: remove what is there now
        _removed(os.unlink, name, dir_fd, dir_fd)
        return -1
    except PermissionError:  # unreadable: make it readable (through an O_PATH fd, which
        _make_writable(name, dir_fd)  # a swapped-in symlink cannot redirect)
        return _open_nofile(name, dir_fd)


def _open_nofile(name: str, dir_fd: int) -> int:
    """``os.open`` of a directory (see :func:`_more_descriptors`)."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        if not _more_descriptors(exc):
            raise
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)


def _more_descriptors(exc: OSError) -> bool:
    """Whether ``exc`` says this process is out of descriptors (one a level of a deep tree)
    and the soft limit could be raised to the hard one, as Go's runtime raises it."""
    import errno

    if exc.errno != errno.EMFILE:
        return False
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= hard:
        return False
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return True


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
