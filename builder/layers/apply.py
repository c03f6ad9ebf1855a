"""Applying a layer tarball to a directory, safely.

Every path is resolved relative to a file descriptor of the target with a component-by-component
walk that never follows a symlink out of it: ``..`` stops at the root and an absolute symlink
target restarts at the root, exactly like ``openat2(RESOLVE_IN_ROOT)`` or a chroot. The final
component is never followed: files are created with ``O_EXCL|O_NOFOLLOW`` after removing what
was there, symlinks are created as-is, hardlinks use ``linkat`` without following.

Entry names are cleaned like Docker does (a leading ``/`` is dropped); a name or hardlink
target that climbs above the root with ``..`` is refused with LayerError.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import BinaryIO, cast

from builder.errors import LayerError
from builder.layers.compression import HashingReader, open_uncompressed
from builder.layers.reader import TarReader
from builder.layers.tarformat import BLK, CHR, DIR, FIFO, LNK, SYM, Header
from builder.record import Record
from builder.xattrs import keep_xattr

_WALK_FLAGS = os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_LIST_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_REGULAR = frozenset((b"0", b"\0", b"7"))
_MAX_SYMLINKS = 40
_WH = b".wh."
_OPAQUE = b".wh..wh..opq"


class ApplyStats(Record):
    """Counts of what :func:`apply_layer` did."""

    __slots__ = ("entries", "bytes", "whiteouts", "opaques", "skipped", "diff_id", "tar_size")
    _hashable = False
    entries: int  # tar entries read (whiteouts included)
    bytes: int  # file content bytes written
    whiteouts: int  # ".wh.<name>" entries applied
    opaques: int  # ".wh..wh..opq" markers applied
    skipped: int  # entries not materialised (device nodes without permission)
    diff_id: str | None  # sha256 of the uncompressed tar, with ``hash_tar``
    tar_size: int  # its length, with ``hash_tar``

    def __init__(self, entries: int = 0, bytes: int = 0, whiteouts: int = 0, opaques: int = 0,
                 skipped: int = 0, diff_id: str | None = None, tar_size: int = 0) -> None:
        self.entries = entries
        self.bytes = bytes
        self.whiteouts = whiteouts
        self.opaques = opaques
        self.skipped = skipped
        self.diff_id = diff_id
        self.tar_size = tar_size


def apply_layer(
    blob: BinaryIO,
    target: Path | str,
    *,
    devices: bool | None = None,
    chown: bool | None = None,
    overlay: bool = False,
    hash_tar: bool = False,
) -> ApplyStats:
    """Extract the layer in ``blob`` (gzip, zstd or plain tar, detected) into ``target``.

    Nothing outside ``target`` is created, changed or removed. Whiteouts remove the lower
    path; an opaque marker empties its directory of everything this layer did not add
    (wherever the marker sits in the archive); whiteout files never appear in the result. A
    directory over a directory keeps its children and takes the new attributes; anything else
    is replaced. Directory mtimes are set after their children are written.

    ``devices``: create char/block device nodes (default: when running as root); otherwise
    they are skipped and counted in ``ApplyStats.skipped``. ``chown``: apply the archive's
    uid/gid (default: when running as root). The xattrs ``security.capability`` and ``user.*``
    are restored where the file system allows. Malformed or hostile input raises LayerError;
    the target may then hold a partial result.

    ``overlay``: keep the layer in overlayfs's own format instead, so that ``target`` can be
    stacked as an overlay lower directory: a whiteout becomes a char device 0:0 and an opaque
    marker the ``trusted.overlay.opaque=y`` xattr on its directory (needs root).

    ``hash_tar``: hash the whole uncompressed stream, padding included, into
    ``ApplyStats.diff_id`` and ``tar_size`` (for the caller to check against the diff_id).
    """
    is_root = os.geteuid() == 0
    try:
        if not os.path.isdir(target):
            os.makedirs(target)
        root = os.open(target, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        where = os.fspath(target)
        raise LayerError(f"cannot use {where} as a layer target: {exc.strerror}") from None
    try:
        applier = _Applier(
            root,
            devices=is_root if devices is None else devices,
            chown=is_root if chown is None else chown,
            defer_dir_modes=not is_root,
            overlay=overlay,
        )
        with open_uncompressed(blob, prefetch=True) as stream:
            hashing = HashingReader(stream) if hash_tar else None
            reader = TarReader(cast(BinaryIO, hashing) if hashing else stream)
            try:
                for header in reader:
                    applier.apply(header, reader)
                applier.finish()
            finally:
                applier.close()
            reader.drain()
        if hashing is not None:
            applier.stats.diff_id = hashing.digest()
            applier.stats.tar_size = hashing.size
        return applier.stats
    finally:
        os.close(root)


def _clean(name: bytes, what: str = "entry") -> list[bytes]:
    parts: list[bytes] = []
    for part in name.split(b"/"):
        if part == b"" or part == b".":
            continue
        if part == b"..":
            if not parts:
                raise LayerError(f"layer {what} {_show(name)} escapes the target directory")
            parts.pop()
        else:
            parts.append(part)
    return parts


def _show(name: bytes) -> str:
    return repr(name.decode("utf-8", "backslashreplace"))


class _Applier:
    def __init__(
        self, root: int, *, devices: bool, chown: bool, defer_dir_modes: bool, overlay: bool = False
    ) -> None:
        self.overlay = overlay
        self.root = root
        self.devices = devices
        self.chown = chown
        self.defer_dir_modes = defer_dir_modes
        self.stats = ApplyStats()
        self.created: set[bytes] = set()  # paths this layer created
        self.touched: set[bytes] = set()  # ancestors of those
        self.dirs: dict[bytes, tuple[list[bytes], int, int]] = {}  # path: (comps, mode, mtime)
        self._pkey: bytes | None = None
        self._pfd = -1

    # --- path resolution -------------------------------------------------------------------

    def close(self) -> None:
        self._forget_parent()

    def _forget_parent(self) -> None:
        if self._pfd >= 0:
            os.close(self._pfd)
        self._pkey, self._pfd = None, -1

    def _invalidate(self) -> None:
        # Something on a cached resolution path may have changed. The cached fd stays open
        # (a caller may be using it) until the next _parent() call replaces it.
        self._pkey = None

    def _walk(self, comps: list[bytes], create: bool) -> int | None:
        """An O_PATH fd of the directory ``comps`` resolved inside the root (None if missing
        and not ``create``)."""
        stack = [self.root]
        todo = comps[::-1]
        hops = 0
        try:
            while todo:
                part = todo.pop()
                if part == b"" or part == b".":
                    continue
                if part == b"..":
                    if len(stack) > 1:
                        os.close(stack.pop())
                    continue
                here = stack[-1]
                try:
                    fd = os.open(part, _WALK_FLAGS, dir_fd=here)
                except FileNotFoundError:
                    if not create:
                        return None
                    with contextlib.suppress(FileExistsError):
                        os.mkdir(part, 0o755, dir_fd=here)
                    fd = os.open(part, _WALK_FLAGS, dir_fd=here)
                except NotADirectoryError:
                    st = os.lstat(part, dir_fd=here)
                    if not stat.S_ISLNK(st.st_mode):
                        if not create:
                            return None
                        raise LayerError(
                            f"{_show(b'/'.join(comps))}: {_show(part)} is not a directory"
                        ) from None
                    hops += 1
                    if hops > _MAX_SYMLINKS:
                        raise LayerError(
                            f"{_show(b'/'.join(comps))}: too many levels of symbolic links"
                        ) from None
                    link = os.readlink(part, dir_fd=here)
                    if link.startswith(b"/"):
                        while len(stack) > 1:
                            os.close(stack.pop())
                    todo.extend(link.split(b"/")[::-1])
                    continue
                stack.append(fd)
            return stack.pop() if len(stack) > 1 else os.dup(self.root)
        finally:
            for fd in stack[1:]:
                os.close(fd)

    def _parent(self, comps: list[bytes], create: bool = True) -> int | None:
        key = b"/".join(comps)
        if key != self._pkey:
            self._forget_parent()
            fd = self._walk(comps, create)
            if fd is None:
                return None
            self._pkey, self._pfd = key, fd
        return self._pfd

    def _parent_dir(self, comps: list[bytes]) -> int:
        fd = self._parent(comps)
        assert fd is not None
        return fd

    def _mark_created(self, comps: list[bytes], key: bytes) -> None:
        self.created.add(key)
        for i in range(len(comps) - 1, 0, -1):
            ancestor = b"/".join(comps[:i])
            if ancestor in self.touched:
                break
            self.touched.add(ancestor)

    def _remove(self, dfd: int, name: bytes, st: os.stat_result | None = None) -> None:
        if st is None:
            try:
                st = os.lstat(name, dir_fd=dfd)
            except FileNotFoundError:
                return
        if stat.S_ISDIR(st.st_mode):
            self._invalidate()
            sub = os.open(name, _LIST_FLAGS, dir_fd=dfd)
            try:
                self._empty(sub)
            finally:
                os.close(sub)
            os.rmdir(name, dir_fd=dfd)
        else:
            if stat.S_ISLNK(st.st_mode):
                self._invalidate()
            os.unlink(name, dir_fd=dfd)

    def _empty(self, dfd: int) -> None:
        with os.scandir(dfd) as it:
            names = [os.fsencode(e.name) for e in it]
        for name in names:
            self._remove(dfd, name)

    def _clear_lower(self, dfd: int, key: bytes) -> None:
        """Remove the children of ``dfd`` that this layer did not create (opaque marker)."""
        with os.scandir(dfd) as it:
            names = [os.fsencode(e.name) for e in it]
        for name in names:
            child = key + b"/" + name if key else name
            if child in self.created or child in self.touched:
                st = os.lstat(name, dir_fd=dfd)
                if stat.S_ISDIR(st.st_mode):
                    sub = os.open(name, _LIST_FLAGS, dir_fd=dfd)
                    try:
                        self._clear_lower(sub, child)
                    finally:
                        os.close(sub)
            else:
                self._remove(dfd, name)

    # --- entries ---------------------------------------------------------------------------

    def apply(self, h: Header, reader: TarReader) -> None:
        self.stats.entries += 1
        comps = _clean(h.name)
        try:
            if not comps:
                self._apply_root(h)
            elif comps[-1].startswith(_WH):
                self._whiteout(comps)
            else:
                self._entry(comps, h, reader)
        except (OSError, ValueError, OverflowError) as exc:
            # ValueError / OverflowError: values the OS calls cannot take (huge ids, ...)
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise LayerError(f"cannot apply layer entry {_show(h.name)}: {reason}") from None

    def _apply_root(self, h: Header) -> None:
        if h.typeflag != DIR:
            raise LayerError(f"layer entry {_show(h.name)} would replace the target directory")
        fd = os.dup(self.root)
        try:
            self._attributes(fd, h, is_dir=True)
        finally:
            os.close(fd)
        self.dirs[b""] = ([], h.mode, h.mtime_ns)

    def _whiteout(self, comps: list[bytes]) -> None:
        base = comps[-1]
        parent = comps[:-1]
        pkey = b"/".join(parent)
        if self.overlay:
            self._overlay_whiteout(parent, base)
            return
        if base == _OPAQUE:
            self.stats.opaques += 1
            self._forget_parent()
            dfd = self._walk(parent, create=False)
            if dfd is None:
                return
            try:
                listing = os.open(".", _LIST_FLAGS, dir_fd=dfd)
            finally:
                os.close(dfd)
            try:
                self._clear_lower(listing, pkey)
            finally:
                os.close(listing)
            return
        victim = base[len(_WH) :]
        if victim in (b"", b".", b".."):
            raise LayerError(f"invalid whiteout {_show(b'/'.join(comps))}")
        self.stats.whiteouts += 1
        key = pkey + b"/" + victim if pkey else victim
        if key in self.created:
            return  # whiteouts never hide entries of their own layer
        dfd = self._walk(parent, create=False)
        if dfd is None:
            return
        try:
            self._remove(dfd, victim)
        finally:
            os.close(dfd)

    def _overlay_whiteout(self, parent: list[bytes], base: bytes) -> None:
        """Record a whiteout or opaque marker the way overlayfs keeps it in an upper dir."""
        victim = base[len(_WH) :]
        if base != _OPAQUE and victim in (b"", b".", b".."):
            raise LayerError(f"invalid whiteout {_show(b'/'.join([*parent, base]))}")
        self._forget_parent()
        dfd = self._walk(parent, create=True)
        assert dfd is not None
        try:
            if base == _OPAQUE:
                self.stats.opaques += 1
                os.setxattr(f"/proc/self/fd/{dfd}", "trusted.overlay.opaque", b"y")
                return
            self.stats.whiteouts += 1
            with contextlib.suppress(FileNotFoundError):
                self._remove(dfd, victim)
            os.mknod(victim, stat.S_IFCHR | 0o000, os.makedev(0, 0), dir_fd=dfd)
        except PermissionError:
            raise LayerError(
                "overlay-format layers need root (whiteouts are device nodes)"
            ) from None
        finally:
            os.close(dfd)

    def _entry(self, comps: list[bytes], h: Header, reader: TarReader) -> None:
        base = comps[-1]
        key = b"/".join(comps)
        kind = h.typeflag
        if kind == b"\0" and h.name.endswith(b"/"):
            kind = DIR
        pfd = self._parent_dir(comps[:-1])
        try:
            st: os.stat_result | None = os.lstat(base, dir_fd=pfd)
        except FileNotFoundError:
            st = None
        if kind == LNK:
            # resolve the link target before anything is removed, and never follow it
            target = _clean(h.linkname, "hardlink target")
            if not target:
                raise LayerError(f"hardlink {_show(h.name)} points at the target directory")
            tfd = self._walk(target[:-1], create=False)
            if tfd is None:
                raise LayerError(
                    f"hardlink {_show(h.name)}: target {_show(h.linkname)} does not exist"
                )
            try:
                if st is not None:
                    self._remove(pfd, base, st)
                    self.dirs.pop(key, None)
                try:
                    os.link(target[-1], base, src_dir_fd=tfd, dst_dir_fd=pfd, follow_symlinks=False)
                except OSError as exc:
                    raise LayerError(
                        f"hardlink {_show(h.name)} to {_show(h.linkname)}: {exc.strerror}"
                    ) from None
            finally:
                os.close(tfd)
            self._mark_created(comps, key)
            return

        if st is not None and not (kind == DIR and stat.S_ISDIR(st.st_mode)):
            self._remove(pfd, base, st)
            st = None
            self.dirs.pop(key, None)

        if kind in _REGULAR:
            fd = os.open(base, _CREATE_FLAGS, 0o600, dir_fd=pfd)
            try:
                self.stats.bytes += reader.copy_to_fd(fd)
                self._attributes(fd, h)
                os.utime(fd, ns=(h.mtime_ns, h.mtime_ns))
            finally:
                os.close(fd)
        elif kind == DIR:
            if st is None:
                os.mkdir(base, 0o700, dir_fd=pfd)
            fd = os.open(base, _LIST_FLAGS, dir_fd=pfd)
            try:
                self._attributes(fd, h, is_dir=True)
            finally:
                os.close(fd)
            self.dirs[key] = (comps, h.mode, h.mtime_ns)
        elif kind == SYM:
            os.symlink(h.linkname, base, dir_fd=pfd)
            if self.chown:
                os.chown(base, h.uid, h.gid, dir_fd=pfd, follow_symlinks=False)
            os.utime(base, ns=(h.mtime_ns, h.mtime_ns), dir_fd=pfd, follow_symlinks=False)
        elif kind in (CHR, BLK, FIFO):
            if kind == FIFO:
                os.mkfifo(base, 0o600, dir_fd=pfd)
            elif not self.devices:
                self.stats.skipped += 1
                return
            else:
                fmt = stat.S_IFCHR if kind == CHR else stat.S_IFBLK
                os.mknod(base, fmt | 0o600, os.makedev(h.devmajor, h.devminor), dir_fd=pfd)
            if self.chown:
                os.chown(base, h.uid, h.gid, dir_fd=pfd, follow_symlinks=False)
            os.chmod(base, h.mode, dir_fd=pfd, follow_symlinks=False)
            os.utime(base, ns=(h.mtime_ns, h.mtime_ns), dir_fd=pfd, follow_symlinks=False)
        else:
            raise LayerError(f"unsupported tar entry type {kind!r} for {_show(h.name)}")
        self._mark_created(comps, key)

    def _attributes(self, fd: int, h: Header, is_dir: bool = False) -> None:
        if self.chown:
            os.fchown(fd, h.uid, h.gid)
        if not (is_dir and self.defer_dir_modes):
            os.fchmod(fd, h.mode)
        for name, value in h.xattrs.items():
            if keep_xattr(name):
                try:
                    os.setxattr(fd, name, value)
                except OSError:
                    continue

    def finish(self) -> None:
        """Set directory modes (when deferred) and mtimes, now that children are written."""
        self._forget_parent()
        for comps, mode, mtime_ns in self.dirs.values():
            try:
                if not comps:
                    if self.defer_dir_modes:
                        os.fchmod(self.root, mode)
                    os.utime(self.root, ns=(mtime_ns, mtime_ns))
                    continue
                pfd = self._parent(comps[:-1], create=False)
                if pfd is None:
                    continue  # removed later in this layer
                if self.defer_dir_modes:
                    os.chmod(comps[-1], mode, dir_fd=pfd, follow_symlinks=False)
                os.utime(comps[-1], ns=(mtime_ns, mtime_ns), dir_fd=pfd, follow_symlinks=False)
            except FileNotFoundError:
                continue  # removed later in this layer
            except (OSError, ValueError, OverflowError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise LayerError(
                    f"cannot set attributes of {_show(b'/'.join(comps))}: {reason}"
                ) from None
        self._forget_parent()
