"""A directory treated as a root file system: every path resolves inside it, as in a chroot.

Paths are walked one component at a time through directory file descriptors opened with
``O_NOFOLLOW``. A symlink met on the way is read and resolved *inside* the root: an absolute
target restarts at the root and ``..`` stops at it, like ``openat2(RESOLVE_IN_ROOT)`` or
containerd's ``fs.RootPath``. Nothing outside the root is ever opened, created or changed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from builder.errors import BuildError

__all__ = ["RootDir", "split_path"]

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_MAX_SYMLINKS = 40


def split_path(path: str) -> list[str]:
    """The components of a ``/``-separated path, without empty and ``.`` parts."""
    return [p for p in path.split("/") if p not in ("", ".")]


class RootDir:
    """A root directory and safe path operations inside it. Close it (or use ``with``)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as e:
            raise BuildError(f"cannot open {self.path}: {e.strerror}") from None

    @classmethod
    def from_fd(cls, fd: int, path: Path | str) -> RootDir:
        """A RootDir owning the open directory ``fd`` (``path`` is for messages only)."""
        root = cls.__new__(cls)
        root.path = Path(path)
        root.fd = fd
        return root

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> RootDir:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _walk(
        self,
        comps: list[str],
        *,
        create: bool,
        owner: tuple[int, int] | None = None,
        follow: bool = True,
    ) -> tuple[int, list[str]]:
        """Open the directory at ``comps``; returns its fd and its symlink-free path."""
        fds = [os.dup(self.fd)]
        names: list[str] = []
        todo = list(comps)
        hops = 0
        try:
            while todo:
                name = todo.pop(0)
                if name in ("", "."):
                    continue
                if name == "..":
                    if names:
                        os.close(fds.pop())
                        names.pop()
                    continue
                try:
                    fd = os.open(name, _DIR_FLAGS, dir_fd=fds[-1])
                except FileNotFoundError:
                    if not create:
                        raise
                    fd = self._mkdir(fds[-1], name, owner)
                except OSError as e:
                    if e.errno not in (errno.ELOOP, errno.ENOTDIR):
                        raise
                    st = os.stat(name, dir_fd=fds[-1], follow_symlinks=False)
                    if not stat.S_ISLNK(st.st_mode) or not follow:
                        raise NotADirectoryError(
                            errno.ENOTDIR, "not a directory", "/" + "/".join([*names, name])
                        ) from None
                    hops += 1
                    if hops > _MAX_SYMLINKS:
                        raise OSError(errno.ELOOP, "too many levels of symbolic links") from None
                    target = os.readlink(name, dir_fd=fds[-1])
                    if target.startswith("/"):
                        for extra in fds[1:]:
                            os.close(extra)
                        del fds[1:]
                        names.clear()
                    todo = target.split("/") + todo
                    continue
                fds.append(fd)
                names.append(name)
        except BaseException:
            for fd in fds:
                os.close(fd)
            raise
        for fd in fds[:-1]:
            os.close(fd)
        return fds[-1], names

    def _mkdir(self, parent: int, name: str, owner: tuple[int, int] | None) -> int:
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o700, dir_fd=parent)
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent)
        os.fchmod(fd, 0o755)
        if owner is not None and os.geteuid() == 0:
            os.fchown(fd, *owner)
        return fd

    def open_dir(
        self, path: str | list[str], *, create: bool = False, owner: tuple[int, int] | None = None
    ) -> int:
        """A directory fd for ``path`` (symlinks followed inside the root); with ``create``,
        missing directories are made with mode 0755 and ``owner`` (default: the caller)."""
        comps = split_path(path) if isinstance(path, str) else path
        return self._walk(comps, create=create, owner=owner)[0]

    def open_dir_nofollow(self, path: str) -> int:
        """A directory fd for ``path``; a symlink anywhere on it is an error (ENOTDIR)."""
        return self._walk(split_path(path), create=False, follow=False)[0]

    def locate(
        self, path: str, *, create: bool = False, owner: tuple[int, int] | None = None
    ) -> tuple[int, str, str]:
        """Resolve ``path`` inside the root, following symlinks in every component including
        the last one (even a dangling one). Returns ``(parent fd, name, resolved path)``; the
        name may not exist. With ``create``, missing parents are created (see open_dir)."""
        comps = split_path(path)
        hops = 0
        while True:
            if not comps:
                return os.dup(self.fd), ".", "/"
            parent, names = self._walk(comps[:-1], create=create, owner=owner)
            name = comps[-1]
            if name == "..":
                os.close(parent)
                comps = names[:-1]
                continue
            try:
                st = os.stat(name, dir_fd=parent, follow_symlinks=False)
            except FileNotFoundError:
                return parent, name, "/" + "/".join([*names, name])
            if not stat.S_ISLNK(st.st_mode):
                return parent, name, "/" + "/".join([*names, name])
            target = os.readlink(name, dir_fd=parent)
            os.close(parent)
            hops += 1
            if hops > _MAX_SYMLINKS:
                raise OSError(errno.ELOOP, "too many levels of symbolic links", path)
            comps = split_path(target) if target.startswith("/") else names + target.split("/")
            comps = [c for c in comps if c not in ("", ".")]

    def resolve(self, path: str) -> str:
        """The symlink-free path ``path`` names inside the root (it may not exist)."""
        parent, _, resolved = self.locate(path)
        os.close(parent)
        return resolved
