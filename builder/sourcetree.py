"""Where COPY reads from: the source tree protocol, root file systems as trees, and the
resolution of source arguments (Go ``filepath.Match`` wildcards per component, symlinks
followed inside the root, ``..`` never climbing out)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Protocol

from builder.context import READ_NOFOLLOW, ContextSnapshot, Entry, entry_from_stat
from builder.errors import BuildError, ContextError
from builder.ignore import go_clean
from builder.record import Record
from builder.rootdir import RootDir, split_path
from builder.xattrs import Xattrs, kept_xattrs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, Final

__all__ = [
    "WILDCARD",
    "DirectoryTree",
    "SourceItem",
    "SourceTree",
    "not_found",
    "resolve_items",
    "resolve_sources",
]

WILDCARD = re.compile(r"(?<!\\)[*?\[]")


class SourceTree(Protocol):
    """Where COPY reads from. Paths are relative, ``/``-separated, ``.`` is the root.

    Implementations never follow a symlink except in :meth:`resolve`, and never read outside
    their root. Called from the copy op only; may block on disk I/O.
    """

    def get(self, path: str) -> Entry | None:
        """The entry at ``path`` without following it, or None."""
        ...

    def children(self, path: str) -> list[str]:
        """Sorted child names of the directory ``path``."""
        ...

    def resolve(self, path: str) -> str:
        """``path`` with every symlink followed inside the root (it may not exist)."""
        ...

    def open(self, path: str) -> BinaryIO:
        """The regular file ``path`` for reading (no symlink followed)."""
        ...

    def open_dir(self, path: str) -> int:
        """A directory fd for ``path`` (no symlink followed); the caller closes it."""
        ...

    def open_file_at(self, dir_fd: int, name: str, path: str) -> int:
        """A read-only fd for the regular file ``name`` in ``dir_fd`` (no symlink followed;
        ``path`` is its tree path, for messages); the caller closes it."""
        ...


class DirectoryTree:
    """A root file system directory (``COPY --from``) as a :class:`SourceTree`; owners and
    the xattrs a layer keeps are kept.

    Symlinks resolve as in a chroot. FIFOs, sockets and devices are not offered."""

    def __init__(self, root: Path | str) -> None:
        self.root = RootDir(root)

    def close(self) -> None:
        self.root.close()

    def __enter__(self) -> DirectoryTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, path: str) -> Entry | None:
        comps = split_path(path)
        try:
            if not comps:
                return entry_from_stat(".", os.fstat(self.root.fd))
            parent = self.root.open_dir_nofollow("/".join(comps[:-1]))
            try:
                st = os.stat(comps[-1], dir_fd=parent, follow_symlinks=False)
                fmt = stat.S_IFMT(st.st_mode)
                if fmt == stat.S_IFSOCK or (fmt == stat.S_IFCHR and st.st_rdev == 0):
                    return None  # sockets, and overlay whiteouts, are never copied
                link = os.readlink(comps[-1], dir_fd=parent) if fmt == stat.S_IFLNK else ""
                xattrs: Xattrs = ()
                if fmt in (stat.S_IFREG, stat.S_IFDIR):  # through the held parent
                    xattrs = kept_xattrs(f"/proc/self/fd/{parent}/{comps[-1]}")
            finally:
                os.close(parent)
        except (FileNotFoundError, NotADirectoryError):
            return None
        return entry_from_stat("/".join(comps), st, link=link, xattrs=xattrs)

    def children(self, path: str) -> list[str]:
        fd = self.root.open_dir_nofollow(path)
        try:
            return sorted(os.listdir(fd))
        finally:
            os.close(fd)

    def resolve(self, path: str) -> str:
        return self.root.resolve(path).lstrip("/") or "."

    def open(self, path: str) -> BinaryIO:
        comps = split_path(path)
        parent = self.root.open_dir_nofollow("/".join(comps[:-1]))
        try:
            return os.fdopen(self.open_file_at(parent, comps[-1], path), "rb")
        finally:
            os.close(parent)

    def open_dir(self, path: str) -> int:
        return self.root.open_dir_nofollow(path)

    @staticmethod
    def open_file_at(dir_fd: int, name: str, path: str) -> int:
        return os.open(name, READ_NOFOLLOW, dir_fd=dir_fd)


class SourceItem(Record):
    """One thing a source argument selected."""

    __slots__ = ("path", "name", "exclude_name")
    path: Final[str]  # resolved path in the tree
    name: Final[str]  # the base name the copy takes (the unresolved one)
    exclude_name: Final[str]  # the name --exclude patterns see for the item itself

    def __init__(self, path: str, name: str, exclude_name: str) -> None:
        self.path = path
        self.name = name
        self.exclude_name = exclude_name


def resolve_sources(tree: SourceTree, source: str, command: str = "COPY") -> list[str]:
    """The tree paths one (local) source argument selects, for cache keys: wildcards
    expanded, symlinks followed. A missing plain path is an error; an empty wildcard is not."""
    return [item.path for item in resolve_items(tree, source, command)]


def not_found(tree: SourceTree, rel: str, command: str) -> BuildError:
    """Docker's "not found" error for a source path."""
    where = " in the build context" if isinstance(tree, ContextSnapshot) else ""
    return BuildError(f'{command} failed: "/{rel}": not found{where}')


def resolve_items(tree: SourceTree, source: str, command: str = "COPY") -> list[SourceItem]:
    """What one local source argument selects, in Go's walk order."""
    rel = go_clean("/" + source).lstrip("/") or "."
    comps = split_path(rel)
    first = next((i for i, c in enumerate(comps) if WILDCARD.search(c)), None)
    try:
        if first is None:
            resolved = tree.resolve(rel)
            if tree.get(resolved) is None:
                raise not_found(tree, rel, command)
            name = comps[-1] if comps else "."
            return [SourceItem(resolved, name, name)]
        base = tree.resolve("/".join(comps[:first]) or ".")
        patterns = [_glob(c) for c in comps[first:]]
        found: list[SourceItem] = []
        _match(tree, base, patterns, 0, "", found)
        return found
    except ContextError as e:
        raise BuildError(f"{command} failed: {e.message}") from None


def _match(
    tree: SourceTree,
    path: str,
    pats: list[re.Pattern[str]],
    i: int,
    rel: str,
    out: list[SourceItem],
) -> None:
    entry = tree.get(path)
    if entry is None or entry.kind != "dir":
        return
    for name in tree.children(path):
        if not pats[i].fullmatch(name):
            continue
        child = name if path == "." else f"{path}/{name}"
        child_rel = f"{rel}/{name}" if rel else name
        if i == len(pats) - 1:
            out.append(SourceItem(tree.resolve(child), name, child_rel))
        else:
            _match(tree, child, pats, i + 1, child_rel, out)


def _glob(pattern: str) -> re.Pattern[str]:
    """Go ``filepath.Match`` for one path component, as a regex."""
    from builder.gomatch import PatternError, compile_pattern

    try:
        return compile_pattern(pattern)
    except PatternError:
        raise BuildError(f"syntax error in pattern {pattern!r}") from None
