"""ADD's local archive extraction: detect a (compressed) tar and unpack it like ``tar -x``.

The destination directory acts as the root of the extraction (as Docker's chrootarchive):
entry paths and symlinks resolve inside it, ``..`` climbing above it is refused, and files
are created with ``O_EXCL|O_NOFOLLOW`` after removing what was there. Whiteout names
(``.wh.*``) are ordinary files here; this is not a layer.
"""

from __future__ import annotations

import os
import shutil
import stat
import tarfile
from collections.abc import Callable
from typing import IO, BinaryIO, cast

import zstandard

from builder.context_tar import joined, peek
from builder.errors import BuildError
from builder.rootdir import RootDir

__all__ = ["extract_members", "is_archive", "open_tar", "path_parts", "unpack_into"]

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_CHUNK = 1 << 20


def open_tar(stream: BinaryIO) -> tarfile.TarFile:
    """A streaming tar reader over ``stream`` (plain, gzip, bzip2, xz or zstd)."""
    head = peek(stream, 4)
    data = joined(head, stream)
    if head.startswith(_ZSTD_MAGIC):
        reader = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True)
        return tarfile.open(fileobj=cast(IO[bytes], reader), mode="r|")
    return tarfile.open(fileobj=data, mode="r|*")


def is_archive(opener: Callable[[], BinaryIO]) -> bool:
    """Whether the file ``opener`` opens is a tar archive with at least one entry (judged by
    content, never by name; BuildKit's ``isArchivePath``)."""
    with opener() as stream:
        try:
            with open_tar(stream) as tar:
                return tar.next() is not None
        except (tarfile.TarError, EOFError, OSError, zstandard.ZstdError):
            return False


def path_parts(name: str, what: str) -> list[str]:
    """The components of an archive's path ``name`` (its ``what``: entry, hardlink), clean
    and relative; a ``..`` that climbs above the archive's root is a BuildError."""
    parts: list[str] = []
    for part in name.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                raise BuildError(f"archive {what} {name!r} escapes the destination directory")
            parts.pop()
        else:
            parts.append(part)
    return parts


def _remove(parent: int, name: str, keep_dir: bool) -> None:
    try:
        st = os.stat(name, dir_fd=parent, follow_symlinks=False)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        if keep_dir:
            return
        shutil.rmtree(name, dir_fd=parent)
    else:
        os.unlink(name, dir_fd=parent)


def unpack_into(
    root: RootDir,
    dest: str,
    opener: Callable[[], BinaryIO],
    *,
    owner: tuple[int, int] | None,
    dest_owner: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """Extract the archive ``opener`` opens into ``dest`` (inside ``root``), creating
    ``dest`` and its parents (mode 0755, ``dest_owner``). ``owner`` (``--chown``) replaces
    the archive's owners. Returns ``(entries, bytes)``."""
    dfd = root.open_dir(dest, create=True, owner=dest_owner)
    sub = RootDir.from_fd(dfd, root.path / dest.lstrip("/"))
    try:
        with opener() as stream, open_tar(stream) as tar:
            return extract_members(tar, sub, owner)
    except (tarfile.TarError, EOFError, zstandard.ZstdError) as e:
        raise BuildError(f"cannot extract archive into {dest}: {e}") from None
    except OSError as e:
        raise BuildError(f"cannot extract archive into {dest}: {e}") from None
    finally:
        sub.close()


def extract_members(
    tar: tarfile.TarFile,
    root: RootDir,
    owner: tuple[int, int] | None,
    *,
    check: Callable[[tarfile.TarInfo], None] | None = None,
    chown: bool = True,
) -> tuple[int, int]:
    """Extract every member of ``tar`` inside ``root``, as ``tar -x`` into an empty or
    existing directory: ``check`` (which raises to refuse) sees each member first; an entry
    replaces what is at its path (a directory stays, merged); a ``..`` climbing above
    ``root`` is a BuildError. As root and with ``chown``, entries get ``owner``, else the
    archive's owners. Directories get their modes and times once their children are written.
    Returns ``(entries, bytes)``; tar and OS errors are the caller's to word."""
    chown = chown and os.geteuid() == 0
    entries = written = 0
    dirs: list[tuple[list[str], tarfile.TarInfo]] = []
    for member in tar:
        entries += 1
        if check is not None:
            check(member)
        comps = path_parts(member.name, "entry")
        if not comps:
            continue
        ids = owner or (member.uid, member.gid)
        if member.isdir():
            # a file or symlink where the directory goes is replaced, as tar -x does
            parent = root.open_dir(comps[:-1], create=True, owner=owner)
            try:
                _remove(parent, comps[-1], keep_dir=True)
            finally:
                os.close(parent)
            fd = root.open_dir(comps, create=True, owner=owner)
            os.close(fd)
            dirs.append((comps, member))
            continue
        parent = root.open_dir(comps[:-1], create=True, owner=owner)
        try:
            _remove(parent, comps[-1], keep_dir=False)
            written += _extract_entry(tar, member, root, parent, comps[-1], ids, chown)
        finally:
            os.close(parent)
    for comps, member in reversed(dirs):
        fd = root.open_dir(comps)
        try:
            if chown:
                os.fchown(fd, *(owner or (member.uid, member.gid)))
            os.fchmod(fd, member.mode & 0o7777)
            os.utime(fd, (member.mtime, member.mtime))
        finally:
            os.close(fd)
    return entries, written


def _extract_entry(tar: tarfile.TarFile, member: tarfile.TarInfo, root: RootDir, parent: int,
                   name: str, ids: tuple[int, int], chown: bool) -> int:
    """Create the non-directory ``member`` as ``name`` in the directory ``parent``; the
    bytes written."""
    written = 0
    if member.isreg():
        src = tar.extractfile(member)
        assert src is not None
        fd = os.open(name, _FILE_FLAGS, 0o600, dir_fd=parent)
        try:
            while chunk := src.read(_CHUNK):
                os.write(fd, chunk)
                written += len(chunk)
            if chown:
                os.fchown(fd, *ids)
            os.fchmod(fd, member.mode & 0o7777)
            os.utime(fd, (member.mtime, member.mtime))
        finally:
            os.close(fd)
    elif member.issym():
        os.symlink(member.linkname, name, dir_fd=parent)
        if chown:
            os.chown(name, *ids, dir_fd=parent, follow_symlinks=False)
    elif member.islnk():
        target = path_parts(member.linkname, "hardlink")
        if not target:
            raise BuildError(f"archive hardlink {member.name!r} has no target")
        tparent = root.open_dir(target[:-1])
        try:
            os.link(target[-1], name, src_dir_fd=tparent, dst_dir_fd=parent,
                    follow_symlinks=False)
        finally:
            os.close(tparent)
        # the link's own header sets the shared inode's owner and mode, as Docker's and
        # BuildKit's extraction do
        st = os.stat(name, dir_fd=parent, follow_symlinks=False)
        if chown:
            os.chown(name, *ids, dir_fd=parent, follow_symlinks=False)
        if not stat.S_ISLNK(st.st_mode):
            os.chmod(name, member.mode & 0o7777, dir_fd=parent)
    elif (member.ischr() or member.isblk() or member.isfifo()) and os.geteuid() == 0:
        kind = (stat.S_IFCHR if member.ischr() else
                stat.S_IFBLK if member.isblk() else stat.S_IFIFO)
        device = os.makedev(member.devmajor, member.devminor)
        os.mknod(name, kind | (member.mode & 0o7777), device, dir_fd=parent)
        if chown:
            os.chown(name, *ids, dir_fd=parent, follow_symlinks=False)
    return written
