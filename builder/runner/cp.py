"""``cp`` between a container and the host, with Docker's destination rules.

Container paths resolve through :class:`~builder.rootdir.RootDir`: every symlink met is
followed *inside* the container's root and every file is opened relative to a directory fd
with ``O_NOFOLLOW``, so a link pointing out of the container reaches nothing outside it.
A running container is reached through ``/proc/<init>/root`` (its mounts included); a
stopped one has its overlay mounted in a private mount namespace of this process.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from builder.errors import ContainerError
from builder.rootdir import RootDir
from builder.runner.container import Container, supervisor_alive
from builder.runtime import syscalls as sc

_NOFOLLOW = os.O_NOFOLLOW | os.O_CLOEXEC


@contextlib.contextmanager
def container_root(c: Container) -> Iterator[Path]:
    """A host path showing the container's root file system."""
    c.reload()
    pid = int(c.state.get("Pid") or 0)
    if c.running and supervisor_alive(c.state) and pid > 0:
        yield Path(f"/proc/{pid}/root")
        return
    rootfs = Path(c.dir) / "rootfs"
    if c.config.get("Snapshot") != "overlay":
        yield rootfs.resolve()
        return
    from builder.runner.plan import empty_lower, reset_dir
    from builder.runtime.overlayfs import mount_overlay

    with c.locked():
        c.reload()
        if c.running:
            raise ContainerError(f"container {c.name} started while copying: try again")
        sc.unshare(sc.CLONE_NEWNS)  # this process only: the mount goes when it exits
        sc.mount(None, "/", None, sc.MS_REC | sc.MS_PRIVATE)
        work = Path(c.dir) / "work"
        reset_dir(str(work))
        lowers = [Path(p) for p in c.config.get("LowerDirs") or []] or [Path(empty_lower(c))]
        try:
            mount_overlay(rootfs, lowers, Path(c.dir) / "upper", work)
        except OSError as exc:
            raise ContainerError(f"cannot mount the container's files: {exc.strerror}") from None
        try:
            yield rootfs
        finally:
            with contextlib.suppress(OSError):
                sc.umount(rootfs, sc.MNT_DETACH)


def copy_out(root: Path, src: str, dest: Path) -> None:
    """Copy ``src`` (a path in the container) to ``dest`` on the host."""
    contents_only = src.endswith("/.")
    with RootDir(root) as rd:
        try:
            parent, name, resolved = rd.locate(src.rstrip("/") if not contents_only else src)
        except OSError as exc:
            raise ContainerError(f"Could not find the file {src} in container: "
                                 f"{exc.strerror}") from None
        try:
            try:
                st = os.stat(name, dir_fd=parent, follow_symlinks=False)
            except FileNotFoundError:
                raise ContainerError(f"Could not find the file {src} in container") from None
            if stat.S_ISDIR(st.st_mode):
                fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=parent)
                try:
                    if contents_only or not dest.exists():
                        target = dest
                    elif dest.is_dir():
                        target = dest / Path(resolved).name
                    else:
                        raise ContainerError(f"cannot copy a directory to a file: {dest}")
                    target.mkdir(exist_ok=True)
                    _out_dir(fd, target)
                    os.chmod(target, stat.S_IMODE(st.st_mode))
                finally:
                    os.close(fd)
                return
            target = dest / Path(resolved).name if dest.is_dir() else dest
            if not target.parent.is_dir():
                raise ContainerError(f"destination directory {target.parent} does not exist")
            _out_entry(parent, name, st, target)
        finally:
            os.close(parent)


def _out_entry(dir_fd: int, name: str, st: os.stat_result, target: Path) -> None:
    if stat.S_ISLNK(st.st_mode):
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        os.symlink(os.readlink(name, dir_fd=dir_fd), target)
    elif stat.S_ISREG(st.st_mode):
        src = os.open(name, os.O_RDONLY | _NOFOLLOW, dir_fd=dir_fd)
        try:
            with open(src, "rb", closefd=False) as fin, open(target, "wb") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
        finally:
            os.close(src)
        os.chmod(target, stat.S_IMODE(st.st_mode))
    elif stat.S_ISDIR(st.st_mode):
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
        try:
            target.mkdir(exist_ok=True)
            _out_dir(fd, target)
            os.chmod(target, stat.S_IMODE(st.st_mode))
        finally:
            os.close(fd)


def _out_dir(fd: int, target: Path) -> None:
    for name in os.listdir(fd):
        st = os.stat(name, dir_fd=fd, follow_symlinks=False)
        _out_entry(fd, name, st, target / name)


def copy_in(root: Path, src: Path, dest: str) -> None:
    """Copy ``src`` on the host to ``dest`` in the container (owned by root, as Docker)."""
    contents_only = str(src).endswith("/.")
    try:
        st = os.lstat(src)
    except OSError as exc:
        raise ContainerError(f"could not find the file {src}: {exc.strerror}") from None
    with RootDir(root) as rd:
        try:
            parent, name, _ = rd.locate(dest)
        except OSError as exc:
            raise ContainerError(f"cannot resolve {dest} in the container: "
                                 f"{exc.strerror}") from None
        try:
            try:
                dest_st: os.stat_result | None = os.stat(name, dir_fd=parent,
                                                         follow_symlinks=False)
            except FileNotFoundError:
                dest_st = None
            if dest_st is not None and stat.S_ISDIR(dest_st.st_mode):
                fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=parent)
                try:
                    if stat.S_ISDIR(st.st_mode) and contents_only:
                        _in_dir(src, fd)
                    else:
                        _in_entry(src, st, fd, Path(os.path.abspath(src)).name)
                finally:
                    os.close(fd)
            elif dest.endswith("/") and not stat.S_ISDIR(st.st_mode):
                raise ContainerError(f"destination directory {dest} does not exist")
            else:
                _in_entry(src, st, parent, name)
        except OSError as exc:
            raise ContainerError(f"cannot copy to {dest}: {exc.strerror}") from None
        finally:
            os.close(parent)


def _in_entry(src: Path, st: os.stat_result, dir_fd: int, name: str) -> None:
    mode = stat.S_IMODE(st.st_mode)
    if stat.S_ISDIR(st.st_mode):
        with contextlib.suppress(FileExistsError):
            os.mkdir(name, 0o700, dir_fd=dir_fd)
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
        try:
            _in_dir(src, fd)
            os.fchmod(fd, mode)
            os.fchown(fd, 0, 0)
        finally:
            os.close(fd)
    elif stat.S_ISLNK(st.st_mode):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=dir_fd)
        os.symlink(os.readlink(src), name, dir_fd=dir_fd)
        os.chown(name, 0, 0, dir_fd=dir_fd, follow_symlinks=False)
    elif stat.S_ISREG(st.st_mode):
        try:
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _NOFOLLOW, 0o600,
                         dir_fd=dir_fd)
        except OSError as exc:
            if exc.errno != errno.ELOOP:
                raise
            os.unlink(name, dir_fd=dir_fd)  # a link there: replace it, never follow it
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600,
                         dir_fd=dir_fd)
        try:
            with open(src, "rb") as fin, open(fd, "wb", closefd=False) as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
            os.fchmod(fd, mode)
            os.fchown(fd, 0, 0)
        finally:
            os.close(fd)


def _in_dir(src: Path, fd: int) -> None:
    for entry in os.scandir(src):
        _in_entry(Path(entry.path), entry.stat(follow_symlinks=False), fd, entry.name)
