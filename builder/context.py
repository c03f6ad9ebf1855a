"""The build context: where it comes from, what COPY/ADD may see, and its content digests.

:func:`open_context` turns a directory (or a tar stream on stdin) plus a Dockerfile into a
:class:`BuildContext`. :func:`scan` walks the context once, honouring ``.dockerignore``
(``<Dockerfile>.dockerignore`` next to the Dockerfile wins, as in BuildKit), and records every
kept entry as an :class:`Entry`: type, mode, owner, size, symlink target and, for regular
files, a blake3 content hash. Hashing runs in threads; a :class:`StatCache` record per context
root remembers ``path -> (dev, ino, size, mtime_ns, ctime_ns, mode), digest`` so an unchanged
file is never read twice. Symlinks are recorded, never followed, and nothing outside the root
is read.

:meth:`ContextSnapshot.digest` is the content half of a COPY/ADD cache key: canonical records
(path under the selection, type, mode, uid, gid, size, link target, content hash) and never an
mtime.
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import re
import stat
from contextlib import ExitStack
from operator import attrgetter
from pathlib import Path

from blake3 import blake3

from builder.capped import LIMIT_TEXT, read_capped
from builder.errors import ContextError
from builder.ignore import PatternMatcher, go_clean, read_ignore_file
from builder.record import Record
from builder.xattrs import Xattrs, kept_xattrs

TYPE_CHECKING = False
if TYPE_CHECKING:
    import tempfile
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from concurrent.futures import Future
    from typing import Any, BinaryIO, Final, Literal

    from builder.context_state import Listing

    EntryKind = Literal["file", "dir", "symlink", "fifo", "char", "block"]
    StatKey = tuple[int, int, int, int, int, int]  # dev, ino, size, mtime_ns, ctime_ns, mode
    # what the stat cache keeps of a file: its stat key, blake3 and kept xattrs (if any)
    FileRecord = tuple[StatKey, str] | tuple[StatKey, str, Xattrs]

__all__ = [
    "BuildContext",
    "ContextSnapshot",
    "Entry",
    "ScanStats",
    "StatCache",
    "entry_from_stat",
    "ignore_patterns",
    "open_context",
    "scan",
]

# the characters json.dumps(..., ensure_ascii=False) escapes in a string
_ESCAPED = re.compile(r'[\x00-\x1f\\"]')
_HEX64 = re.compile(r"[0-9a-f]{64}")  # a digest in a state record
_NAME = attrgetter("name")  # a DirEntry's
_CHUNK = 1 << 20
_MAX_SYMLINKS = 40
_LARGE = 1 << 20  # files hashed in worker threads from this size
_DIR_NOFOLLOW = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
# reading a source file: no symlink followed; O_NONBLOCK, so a file swapped for a FIFO
# since it was listed cannot hang the build
READ_NOFOLLOW = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


class Entry(Record):
    """One kept path of the context. ``path`` is relative and ``/``-separated (``.`` = root).

    Equality and hashing leave ``mtime_ns`` out.
    """

    __slots__ = (
        "path", "kind", "mode", "uid", "gid", "size", "link", "digest", "mtime_ns", "rdev",
        "xattrs",
    )  # fmt: skip
    path: Final[str]
    kind: Final[EntryKind]
    mode: Final[int]  # permission bits incl. setuid/setgid/sticky (S_IMODE)
    uid: Final[int]
    gid: Final[int]
    size: Final[int]  # 0 for directories and symlinks
    # a symlink's target, as stored; for a regular file hardlinked to other kept files,
    # the first of them in walk order (the group's name); else ""
    link: Final[str]
    digest: Final[str]  # blake3 hex of the content, regular files only
    mtime_ns: Final[int]  # kept for copies; never hashed
    rdev: Final[int]  # device number of a char or block device
    xattrs: Final[Xattrs]  # those a layer keeps (files and directories)

    def __init__(
        self,
        path: str,
        kind: EntryKind,
        mode: int,
        uid: int,
        gid: int,
        size: int,
        link: str = "",
        digest: str = "",
        mtime_ns: int = 0,
        rdev: int = 0,
        xattrs: Xattrs = (),
    ) -> None:
        self.path = path
        self.kind = kind
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.link = link
        self.digest = digest
        self.mtime_ns = mtime_ns
        self.rdev = rdev
        self.xattrs = xattrs

    def _key(self) -> tuple[object, ...]:
        # spelled out (Record's field-by-name lookup is slower): a context's entries are
        # compared and hashed by the ten thousand
        return (self.path, self.kind, self.mode, self.uid, self.gid, self.size, self.link,
                self.digest, self.rdev, self.xattrs)  # fmt: skip

    def record(self, name: str, link: str | None = None) -> bytes:
        """The canonical record hashed by :meth:`ContextSnapshot.digest` (no mtime): the
        JSON list ``[name, kind, mode, uid, gid, size, link, digest(, rdev)(, xattrs)]``
        (xattrs as an object of hex values), ``link`` in place of the entry's own when
        given."""
        link = self.link if link is None else link
        if not self.xattrs and _ESCAPED.search(name) is None and _ESCAPED.search(link) is None:
            # what json.dumps writes when no string needs escaping, ~5x faster
            rdev = f", {self.rdev}" if self.kind in ("char", "block") else ""
            text = (f'["{name}", "{self.kind}", {self.mode}, {self.uid}, {self.gid}, '
                    f'{self.size}, "{link}", "{self.digest}"{rdev}]\n')
            return text.encode("utf-8", "surrogateescape")
        fields = [name, self.kind, self.mode, self.uid, self.gid, self.size, link]
        extra: list[object] = [self.rdev] if self.kind in ("char", "block") else []
        if self.xattrs:
            extra.append({n: v.hex() for n, v in self.xattrs})
        text = json.dumps([*fields, self.digest, *extra], ensure_ascii=False)
        return text.encode("utf-8", "surrogateescape") + b"\n"


class ScanStats(Record):
    """What a :func:`scan` did: ``hashed`` files were read, ``cached`` came from the cache;
    ``skipped`` has one message per special file skipped."""

    __slots__ = (
        "entries", "files", "hashed", "hashed_bytes", "cached", "skipped",
    )  # fmt: skip
    _hashable = False
    entries: int
    files: int
    hashed: int
    hashed_bytes: int
    cached: int
    skipped: list[str]

    def __init__(
        self,
        entries: int = 0,
        files: int = 0,
        hashed: int = 0,
        hashed_bytes: int = 0,
        cached: int = 0,
        skipped: list[str] | None = None,
    ) -> None:
        self.entries = entries
        self.files = files
        self.hashed = hashed
        self.hashed_bytes = hashed_bytes
        self.cached = cached
        self.skipped = [] if skipped is None else skipped


class StatCache:
    """Persistent memo of a context's file digests (diskcache): for each context root and
    .dockerignore, one record ``relative path -> (stat key, blake3[, kept xattrs])``, read
    and written whole, so a rebuild looks up 20,000 files with one read (and two Dockerfiles
    ignoring different files keep a record each).

    Process-safe (diskcache's own locking; two builds of one context at once may each write
    the record, and the loser's files are hashed again next time). A hit needs the same
    device, inode, size, mtime_ns, ctime_ns and mode; any change means the file is read again.

    The state records (:meth:`load_state`) are small files beside it (``state/``), so that a
    no-op rebuild, which reads only those, neither imports nor opens diskcache.
    """

    def __init__(self, directory: Path | str) -> None:
        self._directory = Path(directory)
        self._opened: Any = None

    @property
    def _cache(self) -> Any:
        if self._opened is None:
            import diskcache  # type: ignore[import-untyped]

            self._opened = diskcache.Cache(str(self._directory))
        return self._opened

    @classmethod
    def for_root(cls, root: Path | str) -> StatCache:
        """The stat cache of a dockyard root: ``<root>/cache/stat``."""
        return cls(Path(root) / "cache" / "stat")

    def load(self, context_root: str,
             patterns: Sequence[str] = ()) -> dict[str, FileRecord]:
        """What was remembered of the context at ``context_root`` seen through ``patterns``
        (its .dockerignore); empty when nothing, or something unreadable, was."""
        value = self._cache.get(("files-m", context_root, tuple(patterns)))
        try:
            files = marshal.loads(value) if isinstance(value, bytes) else None
        except (ValueError, EOFError, TypeError):
            return {}
        return files if isinstance(files, dict) else {}

    def store(self, context_root: str, patterns: Sequence[str],
              files: dict[str, FileRecord]) -> None:
        """Remember ``files`` as all that is known of that context through ``patterns``
        (marshalled: for 20,000 files 3 ms to write and 12 ms to read, against pickle's 14 ms
        and 17 ms)."""
        self._cache.set(("files-m", context_root, tuple(patterns)), marshal.dumps(files))

    def _state_path(self, context_root: str, patterns: Sequence[str]) -> Path:
        name = blake3("\0".join([context_root, *patterns]).encode(
            "utf-8", "surrogateescape")).hexdigest()
        return self._directory.parent / "state" / name

    def load_state(self, context_root: str, patterns: Sequence[str] = ()) -> tuple[str, str]:
        """The state digest (:mod:`builder.context_state`) last remembered for that context
        and the content fingerprint a scan found then; empty strings when none (or when
        what is there is not two digests)."""
        try:
            text = self._state_path(context_root, patterns).read_text("ascii")
        except (OSError, UnicodeDecodeError):
            return "", ""
        values = text.split()
        if len(values) == 3 and values[0] == "v1" and all(_HEX64.fullmatch(v)
                                                          for v in values[1:]):
            return values[1], values[2]
        return "", ""

    def store_state(self, context_root: str, patterns: Sequence[str], state: str,
                    fingerprint: str) -> None:
        """Remember that the context in ``state`` has the content ``fingerprint`` (a whole
        record or none: written aside, then renamed into place)."""
        import threading  # not at load: a no-op rebuild never writes one

        path = self._state_path(context_root, patterns)
        aside = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            aside.write_text(f"v1 {state} {fingerprint}\n", "ascii")
            os.replace(aside, path)
        except OSError:  # a record not kept: the next build scans
            with contextlib.suppress(OSError):
                aside.unlink()

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()
            self._opened = None

    def __enter__(self) -> StatCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stat_key(st: os.stat_result) -> StatKey:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode)


def _hash_file(path: str, expect: os.stat_result) -> tuple[str, StatKey | None]:
    """blake3 of a regular file opened without following links; the stat key to cache, or
    None when the file changed while it was read (then it is not cached)."""
    try:
        fd = os.open(path, READ_NOFOLLOW)
    except OSError as e:
        raise ContextError(f"cannot read {path}: {e.strerror}") from None
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode) or (before.st_dev, before.st_ino) != (
            expect.st_dev,
            expect.st_ino,
        ):
            raise ContextError(f"{path} was replaced while the context was scanned")
        hasher = blake3(max_threads=blake3.AUTO) if before.st_size > 8 * _CHUNK else blake3()
        while chunk := os.read(fd, _CHUNK):
            hasher.update(chunk)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    key = _stat_key(before)
    return hasher.hexdigest(), key if _stat_key(after) == key else None


def _records(entries: Sequence[Entry], names: Sequence[str]) -> bytes:
    """The records :meth:`ContextSnapshot.digest` hashes for ``entries`` named ``names``
    (see :meth:`Entry.record`): a file hardlinked to others of the selection names the
    first of them as its link."""
    firsts: dict[str, str] = {}  # hardlink group → its first name here
    records: list[bytes] = []
    for entry, name in zip(entries, names, strict=True):
        if entry.link and entry.kind == "file":
            first = firsts.setdefault(entry.link, name)
            records.append(entry.record(name, "" if first == name else first))
        else:
            records.append(entry.record(name))
    return b"".join(records)


def _plain_records(entries: Sequence[Entry], names: Sequence[str]) -> bytes | None:
    """:func:`_records` in one pass for the common case: no xattrs, devices or hardlinks,
    and no name or link that JSON escapes; None otherwise."""
    if any(e.xattrs or e.kind in ("char", "block") or (e.link and e.kind == "file")
           for e in entries):
        return None
    if _ESCAPED.search("".join(names)) or _ESCAPED.search("".join([e.link for e in entries])):
        return None
    return "".join([
        f'["{n}", "{e.kind}", {e.mode}, {e.uid}, {e.gid}, {e.size}, "{e.link}", "{e.digest}"]\n'
        for e, n in zip(entries, names, strict=True)
    ]).encode("utf-8", "surrogateescape")


class ContextSnapshot:
    """The result of :func:`scan`: the kept entries of a context directory, sorted by path.

    Ignored paths are invisible: :meth:`get` returns None and :meth:`children` omits them.
    """

    def __init__(self, root: Path, entries: Mapping[str, Entry], stats: ScanStats) -> None:
        self.root = root
        self.entries: Mapping[str, Entry] = dict(sorted(entries.items()))
        self.stats = stats
        self._children: dict[str, list[str]] = {}
        for path in self.entries:
            if path != ".":
                parent, _, name = path.rpartition("/")
                self._children.setdefault(parent or ".", []).append(name)

    @staticmethod
    def normalize(path: str) -> str:
        """``/a/./b/`` -> ``a/b``; ``/``, ``""`` -> ``.``; ``..`` cannot climb above the root."""
        return go_clean("/" + path).lstrip("/") or "."

    def get(self, path: str) -> Entry | None:
        """The entry at ``path`` (not following symlinks), or None if absent or ignored."""
        hit = self.entries.get(path)  # keys are clean: an exact hit needs no normalizing
        return hit if hit is not None else self.entries.get(self.normalize(path))

    def children(self, path: str) -> list[str]:
        """Names of the kept children of the directory ``path``, sorted."""
        names = self._children.get(path)
        if names is None:
            names = self._children.get(self.normalize(path), [])
        return list(names)

    def walk(self, path: str) -> Iterator[Entry]:
        """The entry at ``path`` and, for a directory, every kept entry below it, in sorted
        pre-order (a directory, then its children by name, recursively)."""
        top = self.get(path)
        if top is None:
            return
        yield top
        if top.kind != "dir":
            return
        stack = [(top.path, iter(self._children.get(top.path, ())))]
        while stack:
            parent, names = stack[-1]
            name = next(names, None)
            if name is None:
                stack.pop()
                continue
            child = self.entries[name if parent == "." else f"{parent}/{name}"]
            yield child
            if child.kind == "dir":
                stack.append((child.path, iter(self._children.get(child.path, ()))))

    def resolve(self, path: str) -> str:
        """Follow symlinks in ``path`` (every component) inside the context; the final path.

        The context root acts as a chroot, as Docker's ``FollowSymlinkInScope`` and
        BuildKit's: an absolute link target starts again at the context root and ``..``
        never climbs above it, so nothing outside is reached. The result may not exist.
        """
        parts = [p for p in self.normalize(path).split("/") if p != "."]
        done: list[str] = []
        hops = 0
        while parts:
            name = parts.pop(0)
            if name == "..":
                if done:
                    done.pop()
                continue
            entry = self.entries.get("/".join([*done, name]))
            if entry is None or entry.kind != "symlink":
                done.append(name)
                continue
            hops += 1
            if hops > _MAX_SYMLINKS:
                raise ContextError(f'"/{path.lstrip("/")}": too many levels of symbolic links')
            if entry.link.startswith("/"):
                done = []
            parts = [p for p in entry.link.split("/") if p not in ("", ".")] + parts
        return "/".join(done) or "."

    def digest(self, paths: Sequence[str]) -> str:
        """blake3 over the canonical records of each selected path and everything below it.

        Records name entries relative to their selection (``.`` for the selected path itself),
        and each selection is prefixed with its own normalised path, so renaming or swapping
        two selected files changes the digest; mtimes never do. Files hardlinked together
        are recorded as a tar holds them: the first (of the selection) as a file, each other
        one with its name as the link. A missing path is an error.
        """
        hasher = blake3()
        for raw in paths:
            sel = self.normalize(raw)
            if sel not in self.entries:
                raise ContextError(f'"/{sel}": not found in the build context')
            hasher.update(json.dumps(["select", sel]).encode() + b"\n")
            skip = 0 if sel == "." else len(sel) + 1
            entries = list(self.walk(sel))
            names = ["." if e.path == sel else e.path[skip:] for e in entries]
            # hashed at once: one update per record costs more
            hasher.update(_plain_records(entries, names) or _records(entries, names))
        return hasher.hexdigest()

    def open(self, path: str) -> BinaryIO:
        """Open the regular file ``path`` for reading, never following a symlink (any
        component); the caller closes it."""
        entry = self.get(path)
        if entry is None or entry.kind != "file":
            raise ContextError(f'"/{self.normalize(path)}": not a file in the build context')
        parent, _, name = entry.path.rpartition("/")
        fd = self.open_dir(parent or ".")
        try:
            return os.fdopen(self.open_file_at(fd, name, entry.path), "rb")
        finally:
            os.close(fd)

    def open_dir(self, path: str) -> int:
        """A directory fd for ``path``, no component followed if it is a symlink; the
        caller closes it."""
        fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            for comp in self.normalize(path).split("/"):
                if comp != ".":
                    nxt = os.open(comp, _DIR_NOFOLLOW, dir_fd=fd)
                    os.close(fd)
                    fd = nxt
        except OSError as e:
            os.close(fd)
            raise ContextError(f'"/{path}" changed in the build context: {e.strerror}') from None
        return fd

    @staticmethod
    def open_file_at(dir_fd: int, name: str, path: str) -> int:
        """A read-only fd for the file ``name`` in the directory ``dir_fd`` (``path`` in the
        context, for the message), not following a symlink; the caller closes it."""
        try:
            return os.open(name, READ_NOFOLLOW, dir_fd=dir_fd)
        except OSError as e:
            raise ContextError(f'"/{path}" changed in the build context: {e.strerror}') from None


def ignore_patterns(
    context_dir: Path | str | None,
    dockerfile: Path | str | None,
    read: Callable[[Path], bytes | None] | None = None,
) -> list[str]:
    """The .dockerignore patterns that apply: ``<dockerfile>.dockerignore`` beside the
    Dockerfile when it exists, else ``<context>/.dockerignore``, else none. ``read`` gives a
    candidate's bytes (None: no such file); by default it is read from the host."""
    candidates: list[Path] = []
    if dockerfile is not None:
        df = Path(dockerfile)
        candidates.append(df.with_name(df.name + ".dockerignore"))
    if context_dir is not None:
        candidates.append(Path(context_dir) / ".dockerignore")
    for candidate in candidates:
        data = (read or _read_ignore_file)(candidate)
        if data is not None:
            return read_ignore_file(data)
    return []


def _read_ignore_file(path: Path) -> bytes | None:
    try:
        data = read_capped(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ContextError(f"cannot read {path}: {e.strerror}") from None
    if data is None:
        raise ContextError(f"{path} is larger than {LIMIT_TEXT}")
    return data


def scan(
    root: Path | str,
    patterns: Sequence[str] = (),
    *,
    stat_cache: StatCache | None = None,
    threads: int | None = None,
    listing: Listing | None = None,
) -> ContextSnapshot:
    """Walk ``root`` and record every entry not excluded by ``patterns``.

    ``listing``, from a walk just before (:func:`builder.context_state.state_digest` with
    the same root and patterns), gives the directories' entries and their lstat instead of
    listing and stat'ing them again.

    Excluded directories are skipped unless an exception pattern could re-include something
    inside (then the directory is recorded only if something below it is kept). FIFOs,
    sockets and devices are skipped with a message in ``stats.skipped``. Files missing from
    ``stat_cache`` (or changed since) are hashed: those of 1 MiB or more in ``threads``
    worker threads (default: one fewer than the cores, at most 4), the others in this one.
    """
    root_path = Path(root).absolute()
    try:
        root_st = os.stat(root_path)
    except OSError as e:
        raise ContextError(f"cannot read the build context {root_path}: {e.strerror}") from None
    if not stat.S_ISDIR(root_st.st_mode):
        raise ContextError(f"the build context {root_path} is not a directory")
    matcher = PatternMatcher(patterns) if patterns else None
    stats = ScanStats()
    entries: dict[str, Entry] = {".": entry_from_stat(".", root_st)}
    to_hash: list[tuple[str, str, os.stat_result]] = []  # rel, abs, lstat
    seen, links = None, {}
    if listing is not None and listing.dirs and listing.root == str(root_path) \
            and listing.patterns == tuple(patterns):
        seen, links = listing.dirs, listing.links

    def visit(rel_dir: str, abs_dir: str) -> bool:
        kept_any = False
        listed = seen.get(abs_dir) if seen is not None else None
        children = _listed(abs_dir) if listed is None else [
            (e.name, e.stat(follow_symlinks=False), links.get(e.path))  # stat: cached
            for e in sorted(listed, key=_NAME)
        ]
        head = abs_dir if abs_dir.endswith("/") else abs_dir + "/"  # as os.scandir joins
        for name, st, link in children:
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            path = head + name
            excluded = matcher is not None and matcher.matches_or_parent_matches(rel)
            fmt = stat.S_IFMT(st.st_mode)
            if fmt == stat.S_IFDIR:
                if excluded and not (matcher is not None and matcher.may_match_inside(rel)):
                    continue
                if not excluded:
                    entries[rel] = entry_from_stat(rel, st, xattrs=kept_xattrs(path))
                if visit(rel, path) and excluded:
                    entries[rel] = entry_from_stat(rel, st, xattrs=kept_xattrs(path))
                    kept_any = True
                kept_any = kept_any or not excluded
                continue
            if excluded:
                continue
            if fmt == stat.S_IFREG:
                to_hash.append((rel, path, st))
            elif fmt in _SPECIAL and not (fmt == stat.S_IFCHR and st.st_rdev == 0):
                entries[rel] = entry_from_stat(rel, st)  # copied as such, as Docker does
            elif fmt == stat.S_IFLNK:
                if link is None:
                    try:
                        link = os.readlink(path)
                    except OSError as e:
                        raise ContextError(
                            f"cannot read the symlink {path}: {e.strerror}"
                        ) from None
                entries[rel] = entry_from_stat(rel, st, link=link)
            else:
                stats.skipped.append(
                    f"skipping {_special_name(fmt)} {rel!r}: it cannot be part of a build context"
                )
                continue
            kept_any = True
        return kept_any

    visit(".", str(root_path))
    known = stat_cache.load(str(root_path), patterns) if stat_cache is not None else {}
    remember = _hash_all(to_hash, entries, stats, known, threads)
    _group_hardlinks(to_hash, entries)
    if stat_cache is not None and remember != known:
        stat_cache.store(str(root_path), patterns, remember)
    stats.entries = len(entries)
    return ContextSnapshot(root_path, entries, stats)


def _listed(directory: str) -> list[tuple[str, os.stat_result, str | None]]:
    """The entries of ``directory`` by name, with their lstat (those removed meanwhile
    left out)."""
    try:
        with os.scandir(directory) as it:
            children = sorted(it, key=_NAME)
    except OSError as e:
        raise ContextError(f"cannot read {directory}: {e.strerror}") from None
    out: list[tuple[str, os.stat_result, str | None]] = []
    for child in children:
        try:
            out.append((child.name, child.stat(follow_symlinks=False), None))
        except FileNotFoundError:
            continue  # removed while we were scanning
    return out


def _hash_all(
    files: list[tuple[str, str, os.stat_result]],
    entries: dict[str, Entry],
    stats: ScanStats,
    known: dict[str, FileRecord],
    threads: int | None,
) -> dict[str, FileRecord]:
    """Give every file its entry, from ``known`` digests whose stat key still matches or by
    reading it; returns what the stat cache should now remember of these files."""
    stats.files = len(files)
    misses: list[tuple[str, str, os.stat_result]] = []
    remember: dict[str, FileRecord] = {}
    cached = 0
    for rel, abs_path, st in files:
        hit = known.get(rel)
        # _stat_key(st), and entry_from_stat(...) of a regular file, spelled out: this loop
        # runs once per file of the context on every scan
        if hit is not None and hit[0] == (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns,
                                          st.st_ctime_ns, st.st_mode):
            cached += 1
            entries[rel] = Entry(rel, "file", st.st_mode & 0o7777, st.st_uid, st.st_gid,
                                 st.st_size, "", hit[1], st.st_mtime_ns, 0,
                                 hit[2] if len(hit) > 2 else ())
            remember[rel] = hit
        else:
            misses.append((rel, abs_path, st))
    stats.cached += cached
    if misses:
        _hash_misses(misses, entries, stats, remember, threads)
    return remember


def _hash_misses(
    misses: list[tuple[str, str, os.stat_result]],
    entries: dict[str, Entry],
    stats: ScanStats,
    remember: dict[str, FileRecord],
    threads: int | None,
) -> None:
    # Large files are read in worker threads (reading and blake3 release the GIL); small
    # ones in this thread meanwhile: per small file the work is mostly Python's, and
    # threads contending for the GIL made a 20,000-file scan twice as slow as one thread.
    large = [i for i, m in enumerate(misses) if m[2].st_size >= _LARGE]
    # this thread is busy with the small files: one core fewer for the workers
    workers = min(len(large), threads or max(1, min(4, (os.cpu_count() or 1) - 1)))
    in_pool: dict[int, Future[tuple[str, StatKey | None]]] = {}
    results: dict[int, tuple[str, StatKey | None]] = {}
    with ExitStack() as stack:
        if workers:
            from concurrent.futures import ThreadPoolExecutor  # only for large files

            pool = ThreadPoolExecutor(max_workers=workers)
            stack.callback(pool.shutdown, wait=True, cancel_futures=True)
            in_pool = {i: pool.submit(_hash_file, misses[i][1], misses[i][2]) for i in large}
        for i, (_rel, abs_path, st) in enumerate(misses):
            if i not in in_pool:
                results[i] = _hash_file(abs_path, st)
        for i, future in in_pool.items():
            results[i] = future.result()
    for i, (rel, abs_path, st) in enumerate(misses):
        digest, key = results[i]
        # read after the content: a change of xattrs since changes the ctime the key holds
        xattrs = kept_xattrs(abs_path)
        entries[rel] = entry_from_stat(rel, st, digest=digest, xattrs=xattrs)
        stats.hashed += 1
        stats.hashed_bytes += st.st_size
        if key is not None:
            remember[rel] = (key, digest, xattrs) if xattrs else (key, digest)


def _group_hardlinks(files: list[tuple[str, str, os.stat_result]],
                     entries: dict[str, Entry]) -> None:
    """Name the group of each kept file that shares its inode with other kept files: the
    group's first path in walk order (``files``' order), as ``Entry.link``."""
    inodes: dict[tuple[int, int], list[str]] = {}
    for rel, _abs_path, st in files:
        if st.st_nlink > 1:
            inodes.setdefault((st.st_dev, st.st_ino), []).append(rel)
    for group in inodes.values():
        if len(group) > 1:
            for rel in group:
                entries[rel] = entries[rel].replace(link=group[0])


_SPECIAL: dict[int, EntryKind] = {
    stat.S_IFIFO: "fifo",
    stat.S_IFCHR: "char",
    stat.S_IFBLK: "block",
}


def entry_from_stat(rel: str, st: os.stat_result, *, link: str = "", digest: str = "",
                    xattrs: Xattrs = ()) -> Entry:
    """The Entry for ``rel`` from its lstat result (FIFOs and devices as such, any other
    non-directory, non-link as a file)."""
    fmt = stat.S_IFMT(st.st_mode)
    kind: EntryKind = _SPECIAL.get(fmt, "file")
    if fmt in (stat.S_IFDIR, stat.S_IFLNK):
        kind = "dir" if fmt == stat.S_IFDIR else "symlink"
    size = st.st_size if kind == "file" else 0
    mode = stat.S_IMODE(st.st_mode)
    rdev = st.st_rdev if kind in ("char", "block") else 0
    return Entry(rel, kind, mode, st.st_uid, st.st_gid, size, link, digest, st.st_mtime_ns, rdev,
                 xattrs)


def _special_name(fmt: int) -> str:
    return {
        stat.S_IFIFO: "fifo",
        stat.S_IFSOCK: "socket",
        stat.S_IFCHR: "character device",
        stat.S_IFBLK: "block device",
    }.get(fmt, "special file")


# --- the whole context ----------------------------------------------------------------------


class BuildContext(Record):
    """A ready build context: its scan and the Dockerfile text. Close it to remove the
    temporary directory of a context that came as a tar stream."""

    __slots__ = ("snapshot", "dockerfile", "dockerfile_name", "_tmp")
    _hashable = False
    snapshot: ContextSnapshot
    dockerfile: str
    dockerfile_name: str
    _tmp: tempfile.TemporaryDirectory[str] | None

    def __init__(
        self,
        snapshot: ContextSnapshot,
        dockerfile: str,
        dockerfile_name: str,
        _tmp: tempfile.TemporaryDirectory[str] | None = None,
    ) -> None:
        self.snapshot = snapshot
        self.dockerfile = dockerfile
        self.dockerfile_name = dockerfile_name
        self._tmp = _tmp

    @property
    def root(self) -> Path:
        return self.snapshot.root

    def close(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> BuildContext:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_context(
    context: Path | str,
    dockerfile: Path | str | None = None,
    *,
    stdin: BinaryIO | None = None,
    stat_cache: StatCache | None = None,
    threads: int | None = None,
    listing: Listing | None = None,
) -> BuildContext:
    """Prepare the build context the way ``docker build`` does.

    ``context`` is a directory or ``-``: stdin then holds either a tar archive (any
    compression; the Dockerfile is read from inside it) or a plain Dockerfile with an empty
    context. ``dockerfile`` is a path (default ``<context>/Dockerfile``; it may lie outside the
    context) or ``-`` for stdin. The stat cache and ``listing`` (see :func:`scan`) are used
    for directory contexts only.
    """
    if str(context) == "-":
        return _from_stdin(_need_stdin(stdin), dockerfile, threads)
    ctx_dir = Path(context)
    if not ctx_dir.is_dir():
        if ctx_dir.exists():
            raise ContextError("unable to prepare context: context must be a directory: "
                               f"{ctx_dir.absolute()}")
        raise ContextError(f"unable to prepare context: path {str(context)!r} not found")
    if str(dockerfile) == "-":
        text = _decode(_capped(_need_stdin(stdin), "-"), "-")
        patterns = ignore_patterns(ctx_dir, None)
        return BuildContext(
            scan(ctx_dir, patterns, stat_cache=stat_cache, threads=threads), text, "Dockerfile"
        )
    df_path = Path(dockerfile) if dockerfile is not None else ctx_dir / "Dockerfile"
    try:
        text = _decode(_capped(df_path, str(df_path)), str(df_path))
    except FileNotFoundError:
        raise ContextError(
            f"failed to read dockerfile: open {df_path}: no such file or directory"
        ) from None
    except OSError as e:
        raise ContextError(f"failed to read dockerfile {df_path}: {e.strerror}") from None
    patterns = ignore_patterns(ctx_dir, df_path)
    snap = scan(ctx_dir, patterns, stat_cache=stat_cache, threads=threads, listing=listing)
    return BuildContext(snap, text, df_path.name)


def _read_in_root(root: Path, path: str) -> bytes | None:
    """The regular file at ``path`` in the tree ``root``, every symlink on the way resolved
    inside it (None: no such file)."""
    from builder.rootdir import RootDir

    try:
        with RootDir(root) as rd:
            parent, name, _ = rd.locate(path)
            try:
                fd = os.open(name, READ_NOFOLLOW, dir_fd=parent)
            finally:
                os.close(parent)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as e:
        raise ContextError(f"cannot read {path} in the context archive: {e.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with open(fd, "rb", closefd=False) as f:
            data = read_capped(f)
    finally:
        os.close(fd)
    if data is None:
        raise ContextError(f"{path} in the context archive is larger than {LIMIT_TEXT}")
    return data


def _need_stdin(stdin: BinaryIO | None) -> BinaryIO:
    if stdin is None:
        raise ContextError("the build context or Dockerfile is '-' but no stdin was given")
    return stdin


def _capped(source: Path | BinaryIO, name: str) -> bytes:
    """The Dockerfile's bytes; a :class:`ContextError` past the bound (OSError as ``open``)."""
    data = read_capped(source)
    if data is None:
        raise ContextError(f"the Dockerfile {name} is larger than {LIMIT_TEXT}")
    return data


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContextError(f"the Dockerfile {name} is not valid UTF-8") from None


def _from_stdin(
    stdin: BinaryIO, dockerfile: Path | str | None, threads: int | None
) -> BuildContext:
    if str(dockerfile) == "-":
        raise ContextError("cannot read both the build context and the Dockerfile from stdin")
    import tempfile

    tmp = tempfile.TemporaryDirectory(prefix="dockyard-context-")
    try:
        root = Path(tmp.name) / "context"
        root.mkdir()
        from builder.context_tar import extract_tar, is_archive, joined, peek

        head = peek(stdin, 512)
        data = joined(head, stdin)
        if not is_archive(head):
            text = _decode(_capped(data, "-"), "-")
            return BuildContext(scan(root, threads=threads), text, "Dockerfile", tmp)
        extract_tar(data, root)
        # the Dockerfile and the ignore files are read inside the archive's tree, its
        # symlinks resolved there (as Docker's scoped paths), never on the host
        name = go_clean("/" + str(dockerfile or "Dockerfile")).lstrip("/")
        found = _read_in_root(root, name)
        if found is None:
            raise ContextError(
                f"failed to read dockerfile: {name} not found in the context archive"
            )
        text = _decode(found, name)
        patterns = ignore_patterns(
            root, root / name, lambda p: _read_in_root(root, str(p.relative_to(root))))
        snap = scan(root, patterns, threads=threads)
        return BuildContext(snap, text, name.rpartition("/")[2], tmp)
    except BaseException:
        tmp.cleanup()
        raise
