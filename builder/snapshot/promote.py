"""Turning a committed overlay upper dir into the layer's unpacked directory, in place.

After a step's upper dir has been written as a layer, extracting that layer again
(:meth:`builder.store.Store.unpacked`) would rebuild, file by file, the tree the upper dir
already holds. :func:`promote_upper` instead edits the (unmounted) upper dir until it is
exactly what ``apply_layer(blob, dir, overlay=True)`` of that layer gives:

- entries the diff left out (mount-point stubs, copied-up directories nothing changed
  under) and sockets (tar cannot carry them) are removed;
- whiteouts become fresh char devices 0:0, mode 000, owned by root (overlayfs may share
  one inode among all of them);
- xattrs are those the layer keeps (``user.*`` but ``user.overlay.*``, and
  ``security.capability``) on files and directories, none on other entries; opaque
  directories carry ``trusted.overlay.opaque=y`` and nothing else of overlay's;
- mtimes and atimes are the tar's: whole seconds, clamped to ``[0, epoch]`` (or the tar
  maximum), directories set after their children;
- the top directory is mode 755, owned by root, without xattrs.

Content, modes, owners, symlink targets, device numbers and hardlinks are left as they
are: the layer was written from them. Anything unexpected raises :class:`SnapshotError`
(the caller then extracts the layer as before).

A plain snapshot (one that began empty and was never mounted, so everything in it is new)
takes one walk instead of a diff and a promotion: :func:`settle_plain` makes each entry
what extraction gives *before* the layer is written, and returns the changes to write.
The layer is the same: the tar keeps whole-second times and only the xattrs kept here,
and skips sockets; :func:`promote_top` then finishes the top directory.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping, Sequence
from operator import attrgetter

from builder.errors import SnapshotError
from builder.layers import Change
from builder.layers.writer import Content, Stat, mtime_limit, pooled_stat
from builder.runtime.stubs import STUB_XATTR
from builder.snapshot.tree import OPAQUE_XATTRS, is_opaque, is_whiteout
from builder.xattrs import keep_xattr, strip_xattrs

__all__ = ["promote_top", "promote_upper", "settle_plain"]

_OPAQUE = "trusted.overlay.opaque"
_WHITEOUT_MODE = stat.S_IFCHR  # mode 000, as overlayfs and the layer applier make them


def promote_upper(directory: str, changes: Sequence[Change], epoch: int | None) -> None:
    """Make ``directory`` (an unmounted upper dir) what extracting the layer written from
    ``changes`` with ``epoch`` gives (see the module docstring)."""
    kinds = {c.path: c.kind for c in changes}
    ancestors = {c.path.rpartition("/")[0] for c in changes}
    limit = mtime_limit(epoch)
    walker = _Walker(kinds, ancestors, limit)
    try:
        walker.directory(directory, "")
    except OSError as exc:
        raise SnapshotError(
            f"cannot turn {directory} into a layer dir: {exc.strerror or exc}") from None
    if walker.seen != len(kinds):
        raise SnapshotError(
            f"{directory} holds {walker.seen} of the layer's {len(kinds)} entries")
    promote_top(directory)


def promote_top(directory: str) -> None:
    """Give a layer dir's top directory what extraction gives it: mode 755, owned by root,
    no xattrs."""
    try:
        strip_xattrs(directory, names=_names(directory))
        os.chown(directory, 0, 0, follow_symlinks=False)
        os.chmod(directory, 0o755)
    except OSError as exc:
        raise SnapshotError(
            f"cannot turn {directory} into a layer dir: {exc.strerror or exc}") from None


def settle_plain(directory: str, epoch: int | None,
                 known: dict[str, Stat] | None = None,
                 pooled: Mapping[str, Content] | None = None) -> list[Change]:
    """The changes of the plain snapshot ``directory`` (every entry, as ``add``; a char
    device 0:0 as ``delete``), sorted parents first, each entry already made what
    extracting the layer written from them with ``epoch`` gives (see the module
    docstring). Sockets and empty mount-point stubs are removed, as a promotion would.

    ``known`` is filled with the lstat of each source left with no xattr the layer keeps,
    for :func:`builder.layers.write_layer`: the layer it writes from them is the same (its
    times are the whole seconds set here, the modes those kept here).

    ``pooled`` names the files a copy linked from the file pool (by path: their digest and
    inode, :attr:`builder.copy.CopyResult.contents`); a pooled file has no xattrs, so
    those still on that inode are not listed."""
    limit = mtime_limit(epoch)
    out: list[Change] = []
    try:
        _settle_dir(directory, "", limit, out, {} if known is None else known, pooled or {})
    except OSError as exc:
        raise SnapshotError(
            f"cannot read the snapshot {directory}: {exc.strerror or exc}") from None
    return out


def _settle_dir(path: str, rel: str, limit: int, out: list[Change],
                known: dict[str, Stat],
                pooled: Mapping[str, Content]) -> bool:
    """Settle what is below ``path``; whether a diff would list anything there."""
    with os.scandir(path) as it:
        entries = sorted(it, key=attrgetter("name"))
    if any(not e.name.isascii() for e in entries):  # str order is byte order for ASCII
        entries.sort(key=lambda e: os.fsencode(e.name))
    listed = False
    prefix = f"{rel}/" if rel else ""
    for entry in entries:
        child = prefix + entry.name
        entry_path = entry.path
        # a file the copy linked from the pool, still that inode (the listing's inode number
        # tells, without a stat): it has no xattrs, and the lstat the copy took of it stands
        linked = pooled.get(child)
        if linked is not None and (linked[1] != entry.inode()
                                   or not entry.is_file(follow_symlinks=False)):
            linked = None
        st = (pooled_stat(linked) if linked else None) or entry.stat(follow_symlinks=False)
        fmt = stat.S_IFMT(st.st_mode)
        if fmt == stat.S_IFCHR and is_whiteout(st):
            out.append(Change(child, "delete"))
            _fresh_whiteout(entry_path)
            listed = True
            continue
        if fmt == stat.S_IFSOCK:  # a diff lists it, the layer skips it, promotion removes it
            _remove(entry_path, st)
            listed = True
            continue
        names = [] if linked else _names(entry_path)
        stub = bool(names) and STUB_XATTR in names
        opaque = False
        if fmt == stat.S_IFDIR:
            mark = len(out)
            opaque = bool(names) and not set(names).isdisjoint(OPAQUE_XATTRS) \
                and is_opaque(entry_path)
            if opaque:
                out.append(Change(child, "opaque", entry_path))
            below = _settle_dir(entry_path, child, limit, out, known, pooled)
            if not opaque:
                if not below and stub:  # an empty mount-point stub
                    _remove(entry_path, st)
                    continue
                out.insert(mark, Change(child, "add", entry_path))
        elif fmt == stat.S_IFREG and stub and st.st_size == 0:
            _remove(entry_path, st)
            continue
        else:
            out.append(Change(child, "add", entry_path))
        listed = True
        mtime = st.st_mtime_ns
        if names or opaque or fmt == stat.S_IFDIR or mtime != st.st_atime_ns \
                or mtime % 1_000_000_000 or not 0 <= mtime // 1_000_000_000 <= limit:
            _settle_entry(entry_path, st, names, opaque, limit)  # else it is as it should be
        if not names or not any(keep_xattr(n) for n in names):
            known[entry_path] = st
    return listed


def _names(path: str) -> list[str]:
    try:
        return os.listxattr(path, follow_symlinks=False)
    except OSError:
        return []


def _settle_entry(path: str, st: Stat, names: list[str], opaque: bool,
                  limit: int) -> None:
    """Make one entry (whose xattrs are ``names``) what extraction gives it: the layer's
    xattrs only, its whole-second time as mtime and atime."""
    fmt = stat.S_IFMT(st.st_mode)
    files = fmt in (stat.S_IFREG, stat.S_IFDIR)  # the only ones a layer keeps xattrs of

    def keep(name: str) -> bool:
        return (files and keep_xattr(name)) or (opaque and name == _OPAQUE)

    # the layer has the mode as it was (an ACL gone may leave the mode it masked)
    strip_xattrs(path, keep, names, st.st_mode)
    if opaque:
        os.setxattr(path, _OPAQUE, b"y", follow_symlinks=False)
    seconds = st.st_mtime_ns // 1_000_000_000
    seconds = min(max(seconds, 0), limit)
    ns = seconds * 1_000_000_000
    if st.st_mtime_ns != ns or st.st_atime_ns != ns or fmt == stat.S_IFDIR:
        os.utime(path, ns=(ns, ns), follow_symlinks=False)


class _Walker:
    def __init__(self, kinds: Mapping[str, str], ancestors: set[str], limit: int) -> None:
        self.kinds = kinds
        self.ancestors = ancestors
        self.limit = limit
        self.seen = 0

    def directory(self, path: str, rel: str) -> None:
        """Fix every entry below ``path`` (children before their directory's times)."""
        with os.scandir(path) as it:
            entries = list(it)
        for entry in entries:
            child = f"{rel}/{entry.name}" if rel else entry.name
            st = entry.stat(follow_symlinks=False)
            kind = self.kinds.get(child)
            if kind is None or stat.S_ISSOCK(st.st_mode):
                if kind is None and child in self.ancestors:
                    raise SnapshotError(f"{child!r} holds layer entries but is not one")
                self.seen += kind is not None
                _remove(entry.path, st)
                continue
            self.seen += 1
            if kind == "delete":
                if not is_whiteout(st):
                    raise SnapshotError(f"{child!r} is deleted but is no whiteout")
                _fresh_whiteout(entry.path)
                continue
            if stat.S_ISDIR(st.st_mode):
                self.directory(entry.path, child)
            elif kind == "opaque":
                raise SnapshotError(f"{child!r} is opaque but no directory")
            self.entry(entry.path, st, opaque=kind == "opaque")

    def entry(self, path: str, st: os.stat_result, opaque: bool) -> None:
        _settle_entry(path, st, _names(path), opaque, self.limit)


def _fresh_whiteout(path: str) -> None:
    st = os.lstat(path)
    if (st.st_nlink == 1 and st.st_uid == 0 and st.st_gid == 0 and st.st_mode & 0o7777 == 0
            and not os.listxattr(path, follow_symlinks=False)):
        return
    os.unlink(path)
    os.mknod(path, _WHITEOUT_MODE, os.makedev(0, 0))


def _remove(path: str, st: Stat) -> None:
    if stat.S_ISDIR(st.st_mode):
        with os.scandir(path) as it:
            for entry in list(it):
                _remove(entry.path, entry.stat(follow_symlinks=False))
        os.rmdir(path)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
