"""``cp`` between a container and the host, with Docker's destination rules.

Container paths resolve through :class:`~builder.rootdir.RootDir`: every symlink met is
followed *inside* the container's root and every file is opened relative to a directory fd
with ``O_NOFOLLOW``, so a link pointing out of the container reaches nothing outside it.
A running container is reached through ``/proc/<init>/root`` (its mounts included); a
stopped one has its overlay mounted in a private mount namespace of this process.

Ownership is Docker's documented one: what is copied into a container is owned by its
root, what is copied out by the user copying; with ``archive`` (``-a``) each entry keeps the
owner it had at the source. A tar stream out always holds the container's owners.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from builder.errors import ContainerError
from builder.rootdir import RootDir, split_path
from builder.runner.container import Container, supervisor_alive
from builder.runtime import syscalls as sc

if TYPE_CHECKING:
    from tarfile import TarFile

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


def _locate_link(rd: RootDir, src: str) -> tuple[int, str, str]:
    """As :meth:`RootDir.locate`, but a symlink at the end of ``src`` is not followed."""
    comps = split_path(src)
    if not comps or comps[-1] == "..":
        return rd.locate(src)
    parent = rd.open_dir(comps[:-1])
    return parent, comps[-1], "/" + "/".join(comps)


def _source(rd: RootDir, src: str, follow: bool) -> tuple[int, str, str, os.stat_result]:
    """Where the container's ``src`` is: its parent dir's fd (the caller closes it), its
    name there, its resolved path and its lstat. A symlink at its end is not followed but
    with ``follow`` or a trailing ``/`` or ``/.``."""
    contents_only = src.endswith("/.")
    try:
        if follow or src.endswith("/") or contents_only:
            parent, name, resolved = rd.locate(src.rstrip("/") if not contents_only else src)
        else:
            parent, name, resolved = _locate_link(rd, src)
    except OSError as exc:
        raise ContainerError(f"Could not find the file {src} in container: "
                             f"{exc.strerror}") from None
    try:
        return parent, name, resolved, os.stat(name, dir_fd=parent, follow_symlinks=False)
    except OSError as exc:
        os.close(parent)
        if isinstance(exc, FileNotFoundError):
            raise ContainerError(f"Could not find the file {src} in container") from None
        raise ContainerError(f"cannot read {src} in container: {exc.strerror}") from None


def copy_out(root: Path, src: str, dest: Path | str, follow: bool = False,
             archive: bool = False) -> None:
    """Copy ``src`` (a path in the container) to ``dest`` on the host (owned by the
    caller, or with ``archive`` by the container's owners).

    A symlink named by ``src`` is copied as a link, as Docker's ``cp`` does, unless
    ``follow`` (``-L``) or ``src`` ends with ``/`` or ``/.``. ``dest`` is the caller's own
    path (a symlink in it is followed); below it, every entry is made relative to a
    directory fd without following anything, and what is in the way is replaced as Docker's
    untar does (a non-directory by what comes; a directory only by a directory), so links
    left there by an earlier copy lead nowhere."""
    contents_only = src.endswith("/.")
    dir_only = os.fspath(dest).endswith("/")  # as Docker: then it must be a directory
    dest = Path(dest)
    with RootDir(root) as rd:
        parent, name, resolved, st = _source(rd, src, follow)
        try:
            if stat.S_ISDIR(st.st_mode):
                if contents_only or not dest.exists():
                    target = dest
                elif dest.is_dir():
                    target = dest / Path(resolved).name
                else:
                    raise ContainerError(f"cannot copy a directory to a file: {dest}")
                if target == dest:
                    try:
                        dest.mkdir()
                    except FileNotFoundError:
                        raise ContainerError(
                            f"destination directory {dest.parent} does not exist") from None
                    except FileExistsError:
                        pass
                    if not dest.is_dir():
                        raise ContainerError(f"cannot copy a directory to a file: {dest}")
            else:
                if dir_only and not dest.is_dir():
                    raise ContainerError(f"destination directory {dest} does not exist")
                target = dest / Path(resolved).name if dest.is_dir() else dest
                if not target.parent.is_dir():
                    raise ContainerError(f"destination directory {target.parent} does not exist")
            host = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            try:
                if target == dest and stat.S_ISDIR(st.st_mode):
                    # the caller's own directory: entered even through a link
                    fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=parent)
                    into = os.open(dest, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
                    try:
                        _out_dir(fd, into, str(dest), archive)
                        _set_mode(into, st, _owner(st, archive))
                    finally:
                        os.close(fd)
                        os.close(into)
                else:
                    _out_entry(parent, name, st, host, target.name, str(target), archive)
            except OSError as exc:
                where = f" ({exc.filename})" if exc.filename else ""
                raise ContainerError(f"cannot copy {src} to {dest}: {exc.strerror}{where}") \
                    from None
            finally:
                os.close(host)
        finally:
            os.close(parent)


# file systems whose contents a copy out of a running container leaves behind (Docker's cp
# reads the container's own files, where these are empty mount points)
_PSEUDO_FS = frozenset((
    0x9FA0,  # proc
    0x62656572,  # sysfs
    0x1CD1,  # devpts
    0x19800202,  # mqueue
    0x27E0EB,  # cgroup
    0x63677270,  # cgroup2
    0x73636673,  # securityfs
    0x64626720,  # debugfs
    0x74726163,  # tracefs
    0xCAFE4A11,  # bpf
))


def _make_room(host: int, name: str, is_dir: bool, shown: str) -> bool:
    """Clear ``name`` in the host directory ``host`` for an entry of the container, as
    Docker's untar does: a directory stays for a directory (True: it exists), anything else
    is removed; a directory for a non-directory, or a non-directory for a directory, is an
    error."""
    try:
        st = os.stat(name, dir_fd=host, follow_symlinks=False)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(st.st_mode):
        if is_dir:
            return True
        raise ContainerError(f"cannot overwrite directory {shown} with non-directory")
    if is_dir:
        raise ContainerError(f"cannot overwrite non-directory {shown} with directory")
    os.unlink(name, dir_fd=host)
    return False


def _set_mode(fd: int, st: os.stat_result, owner: tuple[int, int] | None) -> None:
    """Give the open ``fd`` the permissions and modification time of ``st`` and ``owner``
    (first: a change of owner clears the set-user-ID and set-group-ID bits). The access time
    is the modification time, as Docker's untar sets it."""
    if owner is not None:
        os.fchown(fd, *owner)
    os.fchmod(fd, stat.S_IMODE(st.st_mode))
    os.utime(fd, ns=(st.st_mtime_ns, st.st_mtime_ns))


def _link_times(dir_fd: int, name: str, st: os.stat_result) -> None:
    """Give the symlink ``name`` the modification time of ``st`` (see :func:`_set_mode`)."""
    os.utime(name, ns=(st.st_mtime_ns, st.st_mtime_ns), dir_fd=dir_fd, follow_symlinks=False)


def _owner(st: os.stat_result, archive: bool) -> tuple[int, int] | None:
    """The owner an entry copied out gets: with ``archive`` its own, else the caller's."""
    return (st.st_uid, st.st_gid) if archive else None


def _out_entry(dir_fd: int, name: str, st: os.stat_result, host: int, host_name: str,
               shown: str, archive: bool) -> None:
    """Copy the container's ``name`` in ``dir_fd`` to ``host_name`` in the host directory
    ``host`` (with ``archive``, with its owners); anything but a file, a directory or a
    symlink is left out."""
    if stat.S_ISLNK(st.st_mode):
        _make_room(host, host_name, False, shown)
        os.symlink(os.readlink(name, dir_fd=dir_fd), host_name, dir_fd=host)
        if archive:
            os.chown(host_name, st.st_uid, st.st_gid, dir_fd=host, follow_symlinks=False)
        _link_times(host, host_name, st)
    elif stat.S_ISREG(st.st_mode):
        src = _open_file(dir_fd, name)
        if src is None:
            return
        try:
            _make_room(host, host_name, False, shown)
            out = os.open(host_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600,
                          dir_fd=host)
            try:
                with open(src, "rb", closefd=False) as fin, \
                        open(out, "wb", closefd=False) as fout:
                    shutil.copyfileobj(fin, fout, 1 << 20)
                _set_mode(out, st, _owner(st, archive))
            finally:
                os.close(out)
        finally:
            os.close(src)
    elif stat.S_ISDIR(st.st_mode):
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
        try:
            if not _make_room(host, host_name, True, shown):
                os.mkdir(host_name, 0o700, dir_fd=host)
            into = os.open(host_name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=host)
            try:
                _out_dir(fd, into, shown, archive)
                _set_mode(into, st, _owner(st, archive))
            finally:
                os.close(into)
        finally:
            os.close(fd)


def _out_dir(fd: int, host: int, shown: str, archive: bool) -> None:
    for name, st in _children(fd):
        _out_entry(fd, name, st, host, name, f"{shown}/{name}", archive)


def _children(fd: int) -> Iterator[tuple[str, os.stat_result]]:
    """The entries of the container's directory ``fd``, sorted, with their lstat: none in a
    pseudo file system (see :data:`_PSEUDO_FS`), and none that went meanwhile (a running
    container)."""
    if sc.statfs_type(fd) in _PSEUDO_FS:
        return
    for name in sorted(os.listdir(fd)):
        try:
            yield name, os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            continue


def _open_file(dir_fd: int, name: str) -> int | None:
    """The container's regular file ``name`` open for reading, or None when something else
    is there now (put since its lstat: ``O_NONBLOCK`` keeps a fifo from blocking)."""
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | _NOFOLLOW, dir_fd=dir_fd)
    if stat.S_ISREG(os.fstat(fd).st_mode):
        return fd
    os.close(fd)
    return None


def copy_in(root: Path, src: Path, dest: str, follow: bool = False,
            archive: bool = False) -> None:
    """Copy ``src`` on the host to ``dest`` in the container (owned by root, as Docker
    documents, or with ``archive`` by the source's owners); a symlink ``src`` is copied as a
    link unless ``follow`` (``-L``)."""
    contents_only = str(src).endswith("/.")
    try:
        st = os.stat(src) if follow else os.lstat(src)
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
                        _in_dir(src, fd, archive)
                    else:
                        _in_entry(src, st, fd, Path(os.path.abspath(src)).name, archive)
                finally:
                    os.close(fd)
            elif dest.endswith("/") and not stat.S_ISDIR(st.st_mode):
                raise ContainerError(f"destination directory {dest} does not exist")
            else:
                _in_entry(src, st, parent, name, archive)
        except OSError as exc:
            raise ContainerError(f"cannot copy to {dest}: {exc.strerror}") from None
        finally:
            os.close(parent)


def _in_entry(src: Path, st: os.stat_result, dir_fd: int, name: str, archive: bool) -> None:
    owner = (st.st_uid, st.st_gid) if archive else (0, 0)
    if stat.S_ISDIR(st.st_mode):
        if not _make_room(dir_fd, name, True, name):
            os.mkdir(name, 0o700, dir_fd=dir_fd)
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
        try:
            _in_dir(src, fd, archive)
            _set_mode(fd, st, owner)
        finally:
            os.close(fd)
    elif stat.S_ISLNK(st.st_mode):
        _make_room(dir_fd, name, False, name)
        os.symlink(os.readlink(src), name, dir_fd=dir_fd)
        os.chown(name, *owner, dir_fd=dir_fd, follow_symlinks=False)
        _link_times(dir_fd, name, st)
    elif stat.S_ISREG(st.st_mode):
        # what is there (a link, a fifo, a device node, a file linked elsewhere) is replaced,
        # never opened: O_EXCL makes sure the file written is the one made here
        _make_room(dir_fd, name, False, name)
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600,
                     dir_fd=dir_fd)
        try:
            with open(src, "rb") as fin, open(fd, "wb", closefd=False) as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
            _set_mode(fd, st, owner)
        finally:
            os.close(fd)


def _in_dir(src: Path, fd: int, archive: bool) -> None:
    for entry in os.scandir(src):
        _in_entry(Path(entry.path), entry.stat(follow_symlinks=False), fd, entry.name,
                  archive)


def copy_out_tar(root: Path, src: str, out: BinaryIO, follow: bool = False) -> None:
    """``cp CONTAINER:SRC -``: ``src`` as a tar stream on ``out`` (entries named from its
    base name, as Docker's), read through directory fds as :func:`copy_out` reads."""
    import tarfile

    contents_only = src.endswith("/.")
    with RootDir(root) as rd:
        parent, name, resolved, st = _source(rd, src, follow)
        try:
            base = "." if contents_only else (Path(resolved).name or ".")
            with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                _tar_entry(parent, name, st, tar, base)
        except OSError as exc:
            raise ContainerError(f"cannot copy {src}: {exc.strerror or exc}") from None
        finally:
            os.close(parent)


def _tar_entry(dir_fd: int, name: str, st: os.stat_result, tar: TarFile, arcname: str) -> None:
    """Add the container's ``name`` in ``dir_fd`` to ``tar`` as ``arcname``."""
    import tarfile

    info = tarfile.TarInfo(arcname)
    info.mode, info.uid, info.gid = stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid
    info.mtime = int(st.st_mtime)
    if stat.S_ISLNK(st.st_mode):
        info.type, info.linkname = tarfile.SYMTYPE, os.readlink(name, dir_fd=dir_fd)
        tar.addfile(info)
    elif stat.S_ISREG(st.st_mode):
        fd = _open_file(dir_fd, name)
        if fd is None:
            return
        try:
            info.size = os.fstat(fd).st_size
            with open(fd, "rb", closefd=False) as f:
                tar.addfile(info, f)
        finally:
            os.close(fd)
    elif stat.S_ISDIR(st.st_mode):
        info.type = tarfile.DIRTYPE
        tar.addfile(info)
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NOFOLLOW, dir_fd=dir_fd)
        try:
            for child, cst in _children(fd):
                _tar_entry(fd, child, cst, tar, f"{arcname}/{child}")
        finally:
            os.close(fd)
    elif stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        info.type = (tarfile.FIFOTYPE if stat.S_ISFIFO(st.st_mode)
                     else tarfile.CHRTYPE if stat.S_ISCHR(st.st_mode) else tarfile.BLKTYPE)
        info.devmajor, info.devminor = os.major(st.st_rdev), os.minor(st.st_rdev)
        tar.addfile(info)


def copy_in_tar(root: Path, stream: BinaryIO, dest: str, archive: bool = False) -> None:
    """``cp - CONTAINER:DEST``: extract the tar on ``stream`` into the directory ``dest``
    (which must exist, as Docker's), inside the container's root; its entries are owned by
    root, or with ``archive`` by the archive's owners."""
    from builder.errors import BuildError
    from builder.unpack import unpack_into

    with RootDir(root) as rd:
        try:
            os.close(rd.open_dir(dest))
        except OSError:
            raise ContainerError(f"destination directory {dest} does not exist in the "
                                 "container") from None
        try:
            # a file of its own over the stream's fd: closing it leaves the stream open
            unpack_into(rd, dest, lambda: open(os.dup(stream.fileno()), "rb"),  # noqa: SIM115
                        owner=None if archive else (0, 0))
        except BuildError as err:
            raise ContainerError(err.message) from None
