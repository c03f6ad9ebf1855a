"""The COPY/ADD file operation: resolve sources, apply Docker's destination rules, write files.

Pure file system code: :func:`copy_into` reads from a :class:`SourceTree` (the scanned build
context, or a stage's/image's root file system as a :class:`DirectoryTree`) and writes into
a target directory (a snapshot's rootfs, or an empty directory for ``--link``) through
:class:`~builder.rootdir.RootDir`, so a symlink in the target never leads outside it.

Rules (BuildKit's, from ``dockerfile2llb/convert_copy.go`` and fsutil's ``copy``): sources are
relative to the source root (``..`` cannot climb out); wildcards use Go ``filepath.Match``
per path component; a directory copies its contents; a symlink named as a source is followed
inside the root; a trailing ``/`` (or ``.``) on the destination means a directory; a
relative destination is relative to WORKDIR; a file copied onto an existing directory goes
inside it; several sources need a destination ending in ``/``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Literal

from blake3 import blake3

from builder.chmod import Chmod, parse_chmod
from builder.context import ContextSnapshot, Entry
from builder.errors import BuildError, ContextError
from builder.fetch import Downloads, download, is_git_source, is_url, url_filename
from builder.halves import worth_splitting
from builder.ignore import PatternMatcher, go_clean
from builder.instructions import Add, Copy, InlineFile
from builder.layers.tarformat import MAX_OCTAL_11
from builder.record import Record
from builder.rootdir import RootDir
from builder.sourcetree import (
    WILDCARD,
    DirectoryTree,
    SourceItem,
    SourceTree,
    not_found,
    resolve_items,
)
from builder.users import resolve_chown
from builder.xattrs import set_xattrs, strip_xattrs

if TYPE_CHECKING:
    from builder.graph import Step
    from builder.layers.writer import Content

__all__ = ["Base", "CopyRequest", "CopyResult", "context_digest", "copy_into",
           "sources_digester"]

_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_CHUNK = 1 << 20
_NODES = {"fifo": stat.S_IFIFO, "char": stat.S_IFCHR, "block": stat.S_IFBLK}


class CopyRequest(Record):
    """One COPY or ADD, its words already expanded. ``dest`` is as written (relative to
    ``workdir`` unless absolute); ``contents`` are heredoc files."""

    __slots__ = ("sources", "dest", "contents", "workdir", "chown", "chmod", "excludes",
                 "parents", "link", "command", "unpack", "checksum", "keep_git_dir")
    sources: Final[tuple[str, ...]]
    dest: Final[str]
    contents: Final[tuple[InlineFile, ...]]
    workdir: Final[str]
    chown: Final[str]
    chmod: Final[str]
    excludes: Final[tuple[str, ...]]
    parents: Final[bool]
    link: Final[bool]
    command: Final[Literal["COPY", "ADD"]]
    unpack: Final[bool | None]  # ADD: None = local archives yes, URLs no
    checksum: Final[str]
    keep_git_dir: Final[bool]

    def __init__(
        self,
        sources: tuple[str, ...] = (),
        dest: str = "",
        contents: tuple[InlineFile, ...] = (),
        workdir: str = "/",
        chown: str = "",
        chmod: str = "",
        excludes: tuple[str, ...] = (),
        parents: bool = False,
        link: bool = False,
        command: Literal["COPY", "ADD"] = "COPY",
        unpack: bool | None = None,
        checksum: str = "",
        keep_git_dir: bool = False,
    ) -> None:
        self.sources = sources
        self.dest = dest
        self.contents = contents
        self.workdir = workdir
        self.chown = chown
        self.chmod = chmod
        self.excludes = excludes
        self.parents = parents
        self.link = link
        self.command = command
        self.unpack = unpack
        self.checksum = checksum
        self.keep_git_dir = keep_git_dir

    @classmethod
    def from_instruction(
        cls, instr: Copy | Add, *, workdir: str = "/", expand: Callable[[str], str] | None = None
    ) -> CopyRequest:
        """The request for a parsed COPY/ADD; ``expand`` expands sources, dest, --chown,
        --chmod and --checksum (not --exclude, as Docker)."""
        ex = expand or (lambda s: s)
        common = cls(
            sources=tuple(ex(s) for s in instr.sources),
            dest=ex(instr.dest),
            contents=instr.contents,
            workdir=workdir,
            chown=ex(instr.chown) if instr.chown else "",
            chmod=ex(instr.chmod) if instr.chmod else "",
            excludes=instr.excludes,
            link=instr.link,
        )
        if isinstance(instr, Add):
            checksum = ex(instr.checksum) if instr.checksum else ""
            return common.replace(command="ADD", unpack=instr.unpack, checksum=checksum,
                                  keep_git_dir=bool(instr.keep_git_dir))
        return common.replace(parents=instr.parents)

    @classmethod
    def from_step(cls, step: Step) -> CopyRequest:
        """The request for a planned COPY/ADD step (its words are already expanded; so are
        heredoc contents)."""
        ins: dict[str, Any] = step.instruction
        common = cls(
            sources=tuple(ins.get("sources", ())),
            dest=ins.get("dest", ""),
            contents=tuple(InlineFile(n, d, expand=False) for n, d in ins.get("inline", ())),
            workdir=step.workdir or "/",
            chown=ins.get("chown", ""),
            chmod=ins.get("chmod", ""),
            excludes=tuple(ins.get("excludes", ())),
            link=bool(ins.get("link")),
        )
        if step.kind == "ADD":
            return common.replace(
                command="ADD", unpack=ins.get("unpack"), checksum=ins.get("checksum", ""),
                keep_git_dir=bool(ins.get("keep_git_dir")),
            )
        return common.replace(parents=bool(ins.get("parents")))

    def destination(self) -> tuple[str, bool]:
        """The absolute, cleaned destination and whether it names a directory."""
        dest = self.dest
        if dest in ("", "."):
            dest = "./"
        is_dir = dest.endswith(("/", "/.")) or dest == "."
        if not dest.startswith("/"):
            dest = self.workdir.rstrip("/") + "/" + dest
        return go_clean(dest), is_dir


class CopyResult(Record):
    """What a copy wrote."""

    __slots__ = ("files", "dirs", "symlinks", "bytes", "archives", "skipped", "contents",
                 "kept")
    _hashable = False
    files: int
    dirs: int
    symlinks: int
    bytes: int
    archives: int  # ADD archives extracted
    skipped: list[str]
    # the files linked from the pool, by path in the target: their content's blake3 digest
    # and the lstat of the inode that holds it (:data:`builder.layers.writer.Content`, what
    # the layer writer may key frames by, and what settling the target need not stat again)
    contents: dict[str, Content]
    # a copy over a :class:`Base`: the paths (relative, as a layer names them) it left to
    # the base, which holds them as this copy would have written them; else None
    kept: set[str] | None

    def __init__(self, files: int = 0, dirs: int = 0, symlinks: int = 0, bytes: int = 0,
                 archives: int = 0, skipped: list[str] | None = None,
                 contents: dict[str, Content] | None = None,
                 kept: set[str] | None = None) -> None:
        self.files = files
        self.dirs = dirs
        self.symlinks = symlinks
        self.bytes = bytes
        self.archives = archives
        self.skipped = [] if skipped is None else skipped
        self.contents = {} if contents is None else contents
        self.kept = kept

    def add(self, other: CopyResult) -> None:
        """Count ``other`` in too."""
        self.files += other.files
        self.dirs += other.dirs
        self.symlinks += other.symlinks
        self.bytes += other.bytes
        self.archives += other.archives
        self.skipped.extend(other.skipped)
        self.contents.update(other.contents)
        if other.kept:
            self.kept = (self.kept or set()) | other.kept


class Base(Record):
    """A layer an earlier run of a COPY from the context wrote: its unpacked ``directory``,
    the files it linked from the pool (by path, :attr:`CopyResult.contents`) and the
    metadata of its directories (by path: mode, uid, gid and mtime, as settled; those with
    xattrs are left out). A copy over it writes only what differs from it (see
    :func:`copy_into`)."""

    __slots__ = ("directory", "contents", "dirs")
    _hashable = False
    directory: Final[str]
    contents: Final[Mapping[str, Content]]
    dirs: Final[Mapping[str, tuple[int, int, int, int]]]

    def __init__(self, directory: str, contents: Mapping[str, Content],
                 dirs: Mapping[str, tuple[int, int, int, int]]) -> None:
        self.directory = directory
        self.contents = contents
        self.dirs = dirs


class _Op:
    """The state of one copy: target root, ownership policy, counters."""

    def __init__(
        self,
        request: CopyRequest,
        tree: SourceTree | None,
        root: RootDir,
        owner: tuple[int, int] | None,
        mode: Chmod | None,
    ) -> None:
        self.req = request
        self.tree = tree
        self.root = root
        self.owner = owner  # --chown
        self.mode = mode  # --chmod
        self.reset_owner = isinstance(tree, ContextSnapshot)
        # Without root (outside a user namespace) files simply belong to the caller.
        self.can_chown = os.geteuid() == 0
        self.result = CopyResult()
        self.exclude = PatternMatcher(request.excludes) if request.excludes else None
        self.pool = -1  # fd of the file pool, when the target may link from it
        self.pooled: set[str] = set()  # pool keys linked by this copy
        self.unlinked: frozenset[str] = frozenset()  # digests this process must not link
        self.split_tries = 3  # directories left to consider for a split (see _split_plan)
        self.remote: Downloads | None = None  # the build's URL and git sources
        self.links: dict[str, str] = {}  # hardlink group → where this item wrote it first
        self.base: Base | None = None  # the layer this copy writes only the changes of

    def mode_of(self, entry: Entry) -> int:
        """The mode ``entry`` gets: its own, or what --chmod makes of it."""
        return entry.mode if self.mode is None else self.mode.apply(entry.mode,
                                                                    entry.kind == "dir")

    def ids(self, entry: Entry) -> tuple[int, int]:
        if self.owner is not None:
            return self.owner
        return (0, 0) if self.reset_owner else (entry.uid, entry.gid)

    # --- writing ------------------------------------------------------------------------

    def _meta(self, fd: int, entry: Entry, *, is_dir: bool = False,
              mtime_ns: int | None = None) -> None:
        if self.can_chown:
            os.fchown(fd, *self.ids(entry))
        os.fchmod(fd, self.mode_of(entry))
        if entry.xattrs:  # after the owner: a chown drops file capabilities
            set_xattrs(fd, entry.xattrs)
        mtime_ns = entry.mtime_ns if mtime_ns is None else mtime_ns
        if mtime_ns:
            os.utime(fd, ns=(mtime_ns, mtime_ns))
        if is_dir:
            self.result.dirs += 1

    def write_file(
        self, parent: int, name: str, display: str, entry: Entry, data: Iterator[bytes],
        mtime_ns: int | None = None,
    ) -> None:
        """Write ``data`` to a new file ``name`` in ``parent`` with ``entry``'s metadata
        (its mtime replaced by ``mtime_ns`` when given)."""
        try:
            fd = os.open(name, _FILE_FLAGS, 0o600, dir_fd=parent)
        except FileExistsError:  # rare: something is there already; make way and retry
            _clear(parent, name, display)
            fd = os.open(name, _FILE_FLAGS, 0o600, dir_fd=parent)
        try:
            for chunk in data:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
                self.result.bytes += len(chunk)
            self._meta(fd, entry, mtime_ns=mtime_ns)
        finally:
            os.close(fd)
        self.result.files += 1

    def copy_entry(
        self, path: str, entry: Entry, parent: int, name: str, display: str,
        src_dir: _SourceDir | None = None,
    ) -> None:
        """Copy the non-directory ``entry`` (at tree ``path``; ``src_dir`` is its open source
        directory, if the caller has it) to ``name`` in ``parent``."""
        assert self.tree is not None
        if entry.kind == "symlink":
            _clear(parent, name, display)
            os.symlink(entry.link, name, dir_fd=parent)
            if self.can_chown:
                os.chown(name, *self.ids(entry), dir_fd=parent, follow_symlinks=False)
            if entry.mtime_ns:
                ns = (entry.mtime_ns, entry.mtime_ns)
                os.utime(name, ns=ns, dir_fd=parent, follow_symlinks=False)
            self.result.symlinks += 1
            return
        if entry.kind in _NODES:  # FIFOs and devices are made anew, as Docker copies them
            _clear(parent, name, display)
            os.mknod(name, _NODES[entry.kind] | 0o600, entry.rdev, dir_fd=parent)
            if self.can_chown:
                os.chown(name, *self.ids(entry), dir_fd=parent, follow_symlinks=False)
            os.chmod(name, self.mode_of(entry), dir_fd=parent)
            if entry.mtime_ns:
                os.utime(name, ns=(entry.mtime_ns, entry.mtime_ns), dir_fd=parent)
            self.result.files += 1
            return
        group = entry.link if entry.kind == "file" else ""
        if group:  # hardlinked in the context: linked again where the item has it first
            first = self.links.get(group)
            if first is not None and self._link(first, parent, name, display):
                return
            self.links[group] = display
        if self.pool >= 0 and entry.digest and entry.mtime_ns >= 1_000_000_000 \
                and not entry.xattrs:  # the pool keys no xattrs
            self.pooled_file(path, entry, parent, name, display, src_dir)
        else:
            self.copy_file(path, entry, parent, name, display, src_dir)

    def _link(self, first: str, parent: int, name: str, display: str) -> bool:
        """Hardlink ``name`` to the file this copy wrote at ``first``; False when it cannot
        (the caller copies the file instead)."""
        head, _, leaf = first.rpartition("/")
        try:
            source = self.root.open_dir_nofollow(head or "/")
        except OSError:
            return False
        try:
            try:
                os.link(leaf, name, src_dir_fd=source, dst_dir_fd=parent, follow_symlinks=False)
            except FileExistsError:
                _clear(parent, name, display)
                os.link(leaf, name, src_dir_fd=source, dst_dir_fd=parent, follow_symlinks=False)
        except OSError:
            return False
        finally:
            os.close(source)
        self.result.files += 1
        return True

    def copy_file(
        self, path: str, entry: Entry, parent: int, name: str, display: str,
        src_dir: _SourceDir | None, mtime_ns: int | None = None,
    ) -> None:
        """Write the tree file ``path`` (``entry``) to ``name``, with its metadata (the
        mtime replaced by ``mtime_ns`` when given)."""
        if src_dir is None:
            assert self.tree is not None
            with _SourceDir(self.tree, path.rpartition("/")[0] or ".") as opened:
                self.write_file(parent, name, display, entry, self._read(opened, path, entry),
                                mtime_ns)
        else:
            self.write_file(parent, name, display, entry, self._read(src_dir, path, entry),
                            mtime_ns)

    def pooled_file(
        self, path: str, entry: Entry, parent: int, name: str, display: str,
        src_dir: _SourceDir | None,
    ) -> None:
        """Link the file from the pool when it holds this content with this metadata (the
        mtime in whole seconds, as the layer keeps it); else write it and add it. A file
        is linked once per copy: a second link would make the layer carry a hardlink."""
        uid, gid, mode, seconds = self._written_as(entry)
        key = f"{entry.digest}-{mode:o}-{uid}-{gid}-{seconds}"
        first = key not in self.pooled and entry.digest not in self.unlinked
        if first:
            self.pooled.add(key)
            try:
                os.link(key, name, src_dir_fd=self.pool, dst_dir_fd=parent,
                        follow_symlinks=False)
            except OSError:  # not pooled yet (or something is at name, or too many links)
                pass
            else:
                self.result.files += 1
                self.result.bytes += entry.size
                self._pooled(key, entry, display)
                return
        self.copy_file(path, entry, parent, name, display, src_dir, seconds * 1_000_000_000)
        if first:
            with contextlib.suppress(OSError):  # pooled meanwhile by another build
                # a pooled file has no xattrs (the layer keeps none of those a new file
                # may get, an inherited ACL or a security label): a step that links it
                # need not list them (builder.snapshot.promote.settle_plain)
                strip_xattrs(f"/proc/self/fd/{parent}/{name}")
                os.link(name, key, src_dir_fd=parent, dst_dir_fd=self.pool,
                        follow_symlinks=False)
                self._pooled(key, entry, display)

    def _pooled(self, key: str, entry: Entry, display: str) -> None:
        """List the file at ``display``, the pool's inode ``key`` now, in the contents."""
        with contextlib.suppress(OSError):
            st = os.stat(key, dir_fd=self.pool, follow_symlinks=False)
            self.result.contents[display.lstrip("/")] = (
                entry.digest, st.st_ino, st.st_mode, st.st_uid, st.st_gid,
                st.st_size, st.st_mtime_ns, st.st_atime_ns, st.st_nlink, st.st_dev)

    def _written_as(self, entry: Entry) -> tuple[int, int, int, int]:
        """The owner, mode and mtime (whole seconds, as a layer keeps it) ``entry`` gets."""
        uid, gid = self.ids(entry) if self.can_chown else (os.geteuid(), os.getegid())
        return uid, gid, self.mode_of(entry), min(entry.mtime_ns // 1_000_000_000, MAX_OCTAL_11)

    def in_base(self, entry: Entry, display: str) -> bool:
        """Whether the base holds the non-directory ``entry`` at ``display`` as this copy
        would link it from the pool (then it is left to the base, and listed as kept)."""
        assert self.base is not None and self.result.kept is not None
        if entry.kind != "file" or not entry.digest or entry.mtime_ns < 1_000_000_000 \
                or entry.xattrs:
            return False
        rel = display.lstrip("/")
        have = self.base.contents.get(rel)
        if have is None or len(have) != 10 or have[0] != entry.digest:
            return False
        uid, gid, mode, seconds = self._written_as(entry)
        # (digest, inode, st_mode, uid, gid, size, mtime_ns, ...): see Content
        if (have[2] & 0o7777 != mode or have[3] != uid or have[4] != gid  # type: ignore[misc]
                or have[6] // 1_000_000_000 != seconds):  # type: ignore[misc]
            return False
        self.result.kept.add(rel)
        return True

    def dir_in_base(self, entry: Entry, display: str) -> bool:
        """Whether the base has the directory ``entry`` at ``display`` with the metadata
        this copy gives it (its mtime as settling left it: whole seconds)."""
        assert self.base is not None
        if not entry.mtime_ns or entry.xattrs:
            return False
        have = self.base.dirs.get(display.lstrip("/"))
        if have is None:
            return False
        st_mode, st_uid, st_gid, mtime_ns = have
        uid, gid, mode, seconds = self._written_as(entry)
        return (stat.S_ISDIR(st_mode) and stat.S_IMODE(st_mode) == mode and st_uid == uid
                and st_gid == gid and mtime_ns // 1_000_000_000 == seconds)

    def _read(self, src_dir: _SourceDir, path: str, entry: Entry) -> Iterator[bytes]:
        """``path``'s content in chunks, checked against the digest the scan took."""
        assert self.tree is not None
        fd = self.tree.open_file_at(src_dir.fd(), path.rpartition("/")[2], path)
        try:
            check = blake3() if entry.digest else None
            # a file of the scanned size is read whole in one call (asking one byte more
            # tells that it has not grown)
            size = entry.size + 1 if entry.size < _CHUNK else _CHUNK
            while chunk := os.read(fd, size):
                if check is not None:
                    check.update(chunk)
                yield chunk
                size = _CHUNK
        finally:
            os.close(fd)
        if check is not None and check.hexdigest() != entry.digest:
            raise ContextError(f'"/{path}" changed in the build context while it was copied')

    def make_dir(self, parent: int, name: str, display: str, entry: Entry, overwrite: bool) -> int:
        """Create (or reuse) the directory ``name`` and give it ``entry``'s metadata when it
        is new or ``overwrite``; returns its fd."""
        try:
            st = os.stat(name, dir_fd=parent, follow_symlinks=False)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISDIR(st.st_mode):
            raise BuildError(f"{self.req.command} failed: cannot copy to non-directory: {display}")
        if st is None:
            os.mkdir(name, 0o700, dir_fd=parent)
        fd = os.open(
            name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=parent
        )
        if st is None or overwrite:
            self._meta(fd, entry, is_dir=True)
        return fd

    def copy_children(
        self, path: str, rel: str, dst: _LazyDir, include: PatternMatcher | None
    ) -> None:
        """Copy what is below the tree directory ``path`` into ``dst``; ``rel`` is ``path``
        relative to the copied item (what --exclude and --parents patterns see)."""
        assert self.tree is not None
        with _SourceDir(self.tree, path) as src:
            names = self.tree.children(path)
            plan = self._split_plan(path, names) if dst.made() else None
            if plan is None:
                for name in names:
                    self._copy_child(path, rel, name, dst, include, src)
                return
            split, shared = plan
            self.split_tries = 0  # one split a copy: each half stays in its process
            parent = os.getpid()

            def half(part: Sequence[str]) -> tuple[CopyResult, set[str]]:
                """Copy ``part`` of the names; what it wrote, and the pool keys this copy
                has linked so far (the child's reach the parent this way)."""
                if os.getpid() != parent:  # the child's half links no digest of the first
                    self.unlinked = self.unlinked | shared
                before, self.result = self.result, CopyResult()
                try:
                    for name in part:
                        self._copy_child(path, rel, name, dst, include, src)
                    return self.result, self.pooled
                finally:
                    self.result = before

            from builder.halves import in_two

            for result, pooled in in_two(half, names, split):
                self.result.add(result)
                self.pooled |= pooled

    def _split_plan(self, path: str, names: list[str]) -> tuple[int, frozenset[str]] | None:
        """Whether to copy the context directory ``path``'s children ``names`` in two
        processes (see :mod:`builder.halves`): the index that halves their files, and the
        digests found on both sides, which only the first half may link from the pool (a
        second link would make the layer carry a hardlink). None when the files are few,
        one child holds over three quarters of them, or a file is hardlinked in the context
        (each link is made where the first of its group was written, in one process). A copy
        considers only the first three directories it copies that have two children or
        more."""
        tree = self.tree
        if (not isinstance(tree, ContextSnapshot) or len(names) < 2 or self.split_tries <= 0
                or not worth_splitting(len(tree.entries))):
            return None
        self.split_tries -= 1
        counts: list[int] = []
        digests: list[set[str]] = []
        for name in names:
            count, found = 0, set()
            for entry in tree.walk(name if path == "." else f"{path}/{name}"):
                count += 1
                if entry.digest:
                    found.add(entry.digest)
                    if entry.link:  # a hardlink is made where its group was written first
                        return None
            counts.append(count)
            digests.append(found)
        total = sum(counts)
        if not worth_splitting(total):
            return None
        split, done, best = 1, 0, total
        for i in range(1, len(names)):
            done += counts[i - 1]
            if abs(2 * done - total) < best:
                split, best = i, abs(2 * done - total)
        if best * 2 > total:  # one side would hold over three quarters
            return None
        shared = set().union(*digests[:split]) & set().union(*digests[split:])
        return split, frozenset(shared)

    def _copy_child(
        self, path: str, rel: str, name: str, dst: _LazyDir, include: PatternMatcher | None,
        src: _SourceDir,
    ) -> None:
        assert self.tree is not None
        child = name if path == "." else f"{path}/{name}"
        child_rel = f"{rel}/{name}" if rel else name
        entry = self.tree.get(child)
        if entry is None:  # a socket (or a whiteout device) in a stage's rootfs
            self.result.skipped.append(f"/{child}: sockets are not copied")
            return
        included = include is None or include.matches_or_parent_matches(child_rel)
        excluded = self.exclude is not None and self.exclude.matches_or_parent_matches(
            child_rel
        )
        display = f"{dst.display.rstrip('/')}/{name}"
        if included and not excluded:
            if self.base is not None:
                self._copy_child_over_base(child, child_rel, name, entry, dst, include, src,
                                           display)
                return
            if entry.kind == "dir":
                fd = self.make_dir(dst.fd(), name, display, entry, overwrite=True)
                opened = _LazyDir.opened(fd, display)
                try:
                    self.copy_children(child, child_rel, opened, include)
                    _keep_mtime(fd, entry)
                finally:
                    opened.close()
            else:
                self.copy_entry(child, entry, dst.fd(), name, display, src)
            return
        if entry.kind != "dir":
            return
        descend = (
            self.exclude is not None and self.exclude.may_match_inside(child_rel)
            if excluded
            else include is not None and _may_include(include, child_rel)
        )
        if descend:
            lazy = _LazyDir(dst, name, display, entry, self)
            try:
                self.copy_children(child, child_rel, lazy, include)
                if lazy.made():
                    _keep_mtime(lazy.fd(), entry)
            finally:
                lazy.close()

    def _copy_child_over_base(
        self, child: str, child_rel: str, name: str, entry: Entry, dst: _LazyDir,
        include: PatternMatcher | None, src: _SourceDir, display: str,
    ) -> None:
        """:meth:`_copy_child` of an included entry when the copy has a base: what the base
        holds as it would be written is left to it (a directory is made only when it
        differs or something below it is written)."""
        assert self.result.kept is not None
        if entry.kind != "dir":
            if not self.in_base(entry, display):
                self.copy_entry(child, entry, dst.fd(), name, display, src)
            return
        lazy = _LazyDir(dst, name, display, entry, self)
        try:
            self.copy_children(child, child_rel, lazy, include)
            if not lazy.made() and not self.dir_in_base(entry, display):
                lazy.fd()
            if lazy.made():
                _keep_mtime(lazy.fd(), entry)
            else:
                self.result.kept.add(display.lstrip("/"))
        finally:
            lazy.close()


def _keep_mtime(fd: int, entry: Entry) -> None:
    """Give a copied directory its source's mtime again once its children are written (as
    Docker and BuildKit do: writing them moved it to now)."""
    if entry.mtime_ns:
        os.utime(fd, ns=(entry.mtime_ns, entry.mtime_ns))


class _SourceDir:
    """A source tree directory, opened the first time a file in it is read."""

    def __init__(self, tree: SourceTree, path: str) -> None:
        self.tree, self.path = tree, path
        self._fd = -1

    def fd(self) -> int:
        if self._fd < 0:
            self._fd = self.tree.open_dir(self.path)
        return self._fd

    def __enter__(self) -> _SourceDir:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _may_include(include: PatternMatcher, rel: str) -> bool:
    for pattern in include.patterns:
        lit: list[str] = []
        for comp in pattern.split("/"):
            if WILDCARD.search(comp):
                break
            lit.append(comp)
        else:
            lit = lit[:-1] if lit else lit
        parts = rel.split("/")
        k = min(len(parts), len(lit))
        if parts[:k] == lit[:k]:
            return True
    return False


class _LazyDir:
    """A target directory created only when something is written into it (--parents,
    exceptions under excluded directories), with its source directory's metadata."""

    def __init__(
        self, parent: _LazyDir | None, name: str, display: str, entry: Entry | None, op: _Op | None
    ) -> None:
        self.parent, self.name, self.display, self.entry, self.op = parent, name, display, entry, op
        self._fd = -1

    @classmethod
    def opened(cls, fd: int, display: str) -> _LazyDir:
        lazy = cls(None, "", display, None, None)
        lazy._fd = fd
        return lazy

    def fd(self) -> int:
        if self._fd < 0:
            assert self.parent is not None and self.entry is not None and self.op is not None
            self._fd = self.op.make_dir(
                self.parent.fd(), self.name, self.display, self.entry, overwrite=True
            )
        return self._fd

    def made(self) -> bool:
        """Whether something was written into it (so it exists)."""
        return self._fd >= 0

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def _clear(parent: int, name: str, display: str) -> None:
    """Remove a non-directory at ``name`` so a new one can be created; a directory there is
    an error (Docker: "cannot replace to directory ... with file")."""
    try:
        st = os.stat(name, dir_fd=parent, follow_symlinks=False)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        raise BuildError(f"cannot replace to directory {display} with file")
    os.unlink(name, dir_fd=parent)


def copy_into(
    request: CopyRequest,
    source: SourceTree | None,
    target: Path | str,
    *,
    expand: Callable[[str], str] | None = None,
    users_root: Path | str | None = None,
    pool: Path | None = None,
    remote: Downloads | None = None,
    base: Base | None = None,
) -> CopyResult:
    """Perform ``request`` reading from ``source`` and writing into the directory ``target``.

    ``users_root`` is the root file system whose ``/etc/passwd`` and ``/etc/group`` resolve
    ``--chown`` names (default ``target``; pass the stage's rootfs when ``target`` is the
    empty directory of a ``--link`` copy). ``expand`` expands heredoc contents whose
    ``expand`` flag is set. ``pool`` is a directory on ``target``'s file system whose
    files are never changed in place: context files are linked from it when it has them
    and added to it when not (the caller keeps mtimes whole seconds and unclamped in the
    layer). ``remote`` gives URL and git sources as the build fetched them (for its cache
    keys, :func:`sources_digester`); without it a URL is downloaded here and a git source
    is refused.

    ``base`` (with ``pool``, into an empty ``target``): the layer an earlier run of this
    COPY wrote. Files the base holds as this copy would link them from the pool, and
    directories it has with their metadata, are not written: the result lists them as
    ``kept``. ``target`` over the base is then what the copy would write, once every path
    of the base is written or kept (else a path was removed since, which ``target`` over
    the base cannot show: the caller copies again without it). No pool file the base
    links is linked again (two paths of one inode would make the layer carry a hardlink).
    A base is not used by ADD, ``--parents``, ``--exclude``, heredocs, other sources than
    the context, or a context with hardlinks.

    Raises BuildError (or ContextError) with Docker's wording.
    """
    req = request
    mode = parse_chmod(req.chmod) if req.chmod else None
    owner = resolve_chown(req.chown, users_root or target) if req.chown else None
    if req.checksum and req.command != "ADD":
        raise BuildError("checksum can't be specified for COPY")
    if req.checksum and (len(req.sources) != 1 or not is_url(req.sources[0])):
        raise BuildError("checksum requires a single HTTP(S) source")
    dest, dest_is_dir = req.destination()
    try:
        with RootDir(target) as root:
            op = _Op(req, source, root, owner, mode)
            op.remote = remote
            if pool is not None and isinstance(source, ContextSnapshot):
                op.pool = os.open(pool, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
                if base is not None and _base_usable(req, source):
                    op.base = base
                    op.result.kept = set()
                    op.split_tries = 0  # what is written is little
                    op.unlinked = frozenset(c[0] for c in base.contents.values())
            try:
                _run(op, dest, dest_is_dir, expand)
            finally:
                if op.pool >= 0:
                    os.close(op.pool)
            return op.result
    except OSError as e:
        where = f" {e.filename}" if e.filename else ""
        raise BuildError(f"{req.command} failed:{where}: {e.strerror or e}") from None


def _base_usable(req: CopyRequest, source: ContextSnapshot) -> bool:
    """Whether a copy of ``req`` may write over a :class:`Base` (see :func:`copy_into`)."""
    return (req.command == "COPY" and not req.parents and not req.excludes
            and not req.contents and not any(is_url(s) or is_git_source(s) for s in req.sources)
            and not any(e.link for e in source.entries.values() if e.kind == "file"))


def _run(op: _Op, dest: str, dest_is_dir: bool, expand: Callable[[str], str] | None) -> None:
    req, source = op.req, op.tree
    plans: list[tuple[str, list[SourceItem]]] = []
    for src in req.sources:
        if is_url(src) or is_git_source(src):
            if req.command != "ADD":
                raise BuildError("source can't be a URL for COPY")
            plans.append((src, []))
            continue
        if source is None:
            raise BuildError(f'{req.command} failed: "{src}": no build context')
        plans.append((src, [] if req.parents else resolve_items(source, src, req.command)))
    count = len(req.sources) + len(req.contents)
    if (count > 1 or any(len(items) > 1 for _, items in plans)) and not dest_is_dir:
        raise BuildError(
            f"When using {req.command} with more than one source file, the destination "
            "must be a directory and end with a /"
        )
    for src, items in plans:
        if is_git_source(src):
            _copy_git(op, src, dest)
        elif is_url(src):
            _copy_url(op, src, dest, dest_is_dir)
        elif req.parents:
            assert source is not None
            _copy_parents(op, source, src, dest)
        else:
            for item in items:
                _copy_item(op, item, dest, dest_is_dir)
    for inline in req.contents:
        _copy_inline(op, inline, dest, dest_is_dir, expand)


def context_digest(request: CopyRequest, snapshot: ContextSnapshot) -> str:
    """The content half of the cache key of a COPY/ADD from the build context: the digest of
    what its local sources select (URL sources are left to the caller; heredocs are part of
    the instruction). A ``--parents`` source counts its whole base directory, a superset:
    a change there may cost a rebuild but can never give a wrong hit. Raises BuildError for
    a missing source, as the copy would."""
    paths: list[str] = []
    for src in request.sources:
        if is_url(src) or is_git_source(src):
            continue
        if request.parents:
            head, sep, _ = src.partition("/./")
            base = go_clean("/" + (head if sep else "/")).lstrip("/") or "."
            try:
                paths.append(snapshot.resolve(base))
            except ContextError as e:
                raise BuildError(f"{request.command} failed: {e.message}") from None
        else:
            paths.extend(item.path for item in resolve_items(snapshot, src, request.command))
    return snapshot.digest(paths)


def sources_digester(snapshot: ContextSnapshot,
                     remote: Downloads | None = None) -> Callable[[Step], str | None]:
    """A ``sources_digest`` callable for :mod:`builder.cachekey`: ``blake3:<hex>`` of the
    context content a COPY/ADD step selects (see :func:`context_digest`) or a RUN step
    bind-mounts, and of what ``remote`` downloads for its URL sources (their content and
    name in the image, as the classic builder's checksum; a ``--checksum`` stands for the
    content, unfetched) and the commit a git source names now (as BuildKit keys it); None
    for ``--from`` copies, and URL or git sources without ``remote``."""

    def digest(step: Step) -> str | None:
        ins = step.instruction
        if ins.get("from"):
            return None
        if step.kind == "RUN":
            paths = [
                str(m.get("source") or ".")
                for m in ins.get("mounts", [])
                if m.get("type") == "bind" and not m.get("from")
            ]
            try:
                return "blake3:" + snapshot.digest([snapshot.resolve(p) for p in paths])
            except ContextError as e:
                raise BuildError(e.message, step.location) from None
        request = CopyRequest.from_step(step)
        urls = [s for s in request.sources if is_url(s) or is_git_source(s)]
        if urls and (remote is None or step.kind != "ADD"
                     or (request.checksum and len(request.sources) != 1)):
            return None  # the copy itself reports what is wrong
        try:
            local = context_digest(request, snapshot)
            if not urls:
                return "blake3:" + local
            assert remote is not None
            hasher = blake3(local.encode())
            for url in urls:
                if is_git_source(url):
                    commit = remote.git_commit(url)
                    hasher.update(f"\0git\0{url}\0{commit}\0{request.keep_git_dir}".encode())
                elif request.checksum:  # pinned: it names the content, as BuildKit keys it,
                    # and the download waits for the step to run
                    hasher.update(f"\0{url}\0{request.checksum}\0{url_filename(url)}".encode())
                else:
                    got = remote.fetch(url, request.checksum)
                    hasher.update(f"\0{url}\0{got.sha256}\0{got.filename}".encode())
            return "blake3:" + hasher.hexdigest()
        except BuildError as e:
            raise BuildError(e.message, step.location) from None

    return digest


def _ensure(op: _Op, dest: str, dest_is_dir: bool) -> None:
    parent = dest if dest_is_dir else dest.rpartition("/")[0] or "/"
    os.close(op.root.open_dir(parent, create=True, owner=op.owner))


def _target(op: _Op, dest: str, name: str, src_is_dir: bool) -> tuple[int, str, str, bool]:
    """(parent fd, name, display, exists-as-dir) of where an item lands (fsutil's
    prepareTargetDir): a non-directory onto an existing directory goes inside it."""
    parent, leaf, resolved = op.root.locate(dest, create=True, owner=op.owner)
    try:
        st = os.stat(leaf, dir_fd=parent, follow_symlinks=False) if leaf != "." else None
    except FileNotFoundError:
        st = None
    is_dir = leaf == "." or (st is not None and stat.S_ISDIR(st.st_mode))
    if is_dir and not src_is_dir:
        inner = op.root.open_dir(resolved)
        os.close(parent)
        return inner, name, f"{resolved.rstrip('/')}/{name}", False
    return parent, leaf, resolved, is_dir


def _copy_item(op: _Op, item: SourceItem, dest: str, dest_is_dir: bool) -> None:
    tree = op.tree
    assert tree is not None
    op.links = {}  # hardlinks are kept within one source, as Docker copies each by a tar
    entry = tree.get(item.path)
    if entry is None:
        raise not_found(tree, item.path, op.req.command)
    if op.exclude is not None and op.exclude.matches_or_parent_matches(item.exclude_name):
        return
    _ensure(op, dest, dest_is_dir)
    if op.req.command == "ADD" and op.req.unpack is not False and entry.kind == "file":
        from builder.unpack import is_archive, unpack_into  # tarfile: only ADD needs it

        path = item.path
        if is_archive(lambda: tree.open(path)):
            unpack_into(op.root, dest, lambda: tree.open(path), owner=op.owner, dest_owner=op.owner)
            op.result.archives += 1
            return
    parent, name, display, _ = _target(op, dest, item.name, entry.kind == "dir")
    try:
        if entry.kind != "dir":
            if op.base is None or not op.in_base(entry, display):
                op.copy_entry(item.path, entry, parent, name, display)
            return
        if name == ".":
            fd = os.dup(parent)
        else:
            try:
                os.stat(name, dir_fd=parent, follow_symlinks=False)
            except FileNotFoundError:
                fd = _new_dir(op, parent, name)
            else:
                fd = op.make_dir(parent, name, display, entry, overwrite=False)
        lazy = _LazyDir.opened(fd, display)
        try:
            op.copy_children(item.path, "", lazy, None)
        finally:
            lazy.close()
    finally:
        os.close(parent)


def _new_dir(op: _Op, parent: int, name: str) -> int:
    """The new directory a directory's contents are copied into: made like the destination's
    parents (mode 0755, the --chown owner), never with the source directory's mode or owner,
    as Docker's and BuildKit's MkdirAll make it."""
    os.mkdir(name, 0o700, dir_fd=parent)
    fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=parent)
    if op.owner is not None and op.can_chown:
        os.fchown(fd, *op.owner)
    os.fchmod(fd, 0o755)
    op.result.dirs += 1
    return fd


def _copy_parents(op: _Op, tree: SourceTree, src: str, dest: str) -> None:
    head, sep, tail = src.partition("/./")
    base, pattern = (head, tail) if sep else ("/", src)
    base = go_clean("/" + base).lstrip("/") or "."
    pattern = go_clean("/" + pattern).lstrip("/")
    try:
        base = tree.resolve(base)
    except ContextError as e:
        raise BuildError(f"{op.req.command} failed: {e.message}") from None
    if not WILDCARD.search(base) and not WILDCARD.search(pattern):
        full = pattern if base == "." else f"{base}/{pattern}"
        if tree.get(full) is None:
            raise not_found(tree, full, op.req.command)
    if tree.get(base) is None:
        raise not_found(tree, base, op.req.command)
    _copy_children_into(op, base, dest, PatternMatcher([pattern]))


def _copy_children_into(op: _Op, base: str, dest: str, include: PatternMatcher | None) -> None:
    """Copy what is below the tree directory ``base`` into the directory ``dest`` (made if
    needed), as one source (its hardlinks kept together)."""
    _ensure(op, dest, True)
    op.links = {}
    lazy = _LazyDir.opened(op.root.open_dir(dest, create=True, owner=op.owner), dest)
    try:
        op.copy_children(base, "", lazy, include)
    finally:
        lazy.close()


def _copy_inline(
    op: _Op, inline: InlineFile, dest: str, dest_is_dir: bool, expand: Callable[[str], str] | None
) -> None:
    data = inline.data
    if inline.chomp:
        data = "".join(line.lstrip("\t") for line in data.splitlines(keepends=True))
    if inline.expand and expand is not None:
        data = expand(data)
    payload = data.encode("utf-8", "surrogateescape")
    entry = Entry(inline.name, "file", 0o644, 0, 0, len(payload))
    _ensure(op, dest, dest_is_dir)
    parent, name, display, exists_dir = _target(op, dest, inline.name.rpartition("/")[2], False)
    try:
        if exists_dir:
            raise BuildError(f"cannot replace to directory {display} with file")
        op.write_file(parent, name, display, entry, iter((payload,)))
    finally:
        os.close(parent)


def _copy_url(op: _Op, url: str, dest: str, dest_is_dir: bool) -> None:
    from builder.unpack import is_archive, unpack_into

    with contextlib.ExitStack() as stack:
        if op.remote is not None:  # fetched by the build, which removes it
            got = op.remote.fetch(url, op.req.checksum)
        else:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="dockyard-add-"))
            got = download(url, tmp, checksum=op.req.checksum)
        _ensure(op, dest, dest_is_dir)
        opener = functools.partial(_open_binary, got.path)
        if op.req.unpack and is_archive(opener):
            unpack_into(op.root, dest, opener, owner=op.owner, dest_owner=op.owner)
            op.result.archives += 1
            return
        mtime = int(got.mtime * 1e9) if got.mtime is not None else 0
        entry = Entry(got.filename, "file", 0o600, 0, 0, got.size, mtime_ns=mtime)
        parent, name, display, _ = _target(op, dest, got.filename, False)
        try:
            with open(got.path, "rb") as f:
                op.write_file(parent, name, display, entry, iter(lambda: f.read(_CHUNK), b""))
        finally:
            os.close(parent)


def _copy_git(op: _Op, src: str, dest: str) -> None:
    """The checkout of a git source, copied into the directory ``dest`` (made if needed),
    as BuildKit's ``ADD <git>`` does (its ``.git`` only with ``--keep-git-dir``)."""
    if op.remote is None:
        raise BuildError(f"ADD failed: {src}: a git source needs a build")
    if op.req.checksum:
        raise BuildError(f"ADD failed: {src}: --checksum is not supported for git sources")
    with DirectoryTree(op.remote.git_tree(src, op.req.keep_git_dir)) as tree:
        sub = _Op(op.req, tree, op.root, op.owner, op.mode)
        _copy_children_into(sub, ".", dest, None)
        op.result.add(sub.result)


def _open_binary(path: Path) -> BinaryIO:
    return path.open("rb")
