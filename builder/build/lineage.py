"""The last full layer of each COPY from the context, for the next run to write only changes.

A COPY of context files into new paths writes its layer into an empty snapshot, linking
every file from the pool. When one file of a large source changes, that is thousands of
links for one new file. Instead, the layer a full run of the COPY wrote is kept as its
*base* (:class:`Lineage`: the layer's diff_id, its changes and the pool contents it
linked, under ``<root>/cache/lineage/<key>``), and the next run writes only what differs
from it (:func:`builder.copy.copy_into` with a :class:`~builder.copy.Base`). Its layer dir
is then that delta over the base's dir (:meth:`builder.store.Store.adopt_delta`); its blob
is the whole layer, written from both (:func:`merged`).

A record is found by the context directory and the instruction's text: any earlier layer
would do (the copy compares each path with it), this one is likely the closest. Only full
runs write records, so a delta is always over a full layer. A record's first line names its
layer, so GC drops the records of layers it collected (:func:`prune`) without reading them
whole. A record that cannot be read is as good as none.
"""

from __future__ import annotations

import bisect
import marshal
import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from builder.layers import Change
from builder.layers.writer import Content, Frame, PooledStat, Stat, frame_sizes
from builder.record import Record

__all__ = ["Dirs", "Lineage", "complete", "key_for", "load", "merged", "planned", "prune",
           "save"]

_MAGIC = b"dockyard-lineage-3 "
"""How a record starts: the format and version, then the layer's diff_id and a newline."""


Dirs = dict[str, tuple[int, int, int, int]]
"""Directories of a layer by path: their st_mode, uid, gid and mtime_ns."""


class Lineage(Record):
    """A full COPY layer: its ``diff_id``, its changes (path and kind, in layer order), the
    contents of the files it linked from the pool and its directories' metadata (by
    path; a directory with xattrs is left out)."""

    __slots__ = ("diff_id", "paths", "contents", "dirs", "frames")
    _hashable = False
    diff_id: str
    paths: list[tuple[str, str]]
    contents: dict[str, Content]
    dirs: Dirs
    # the layer's zstd frames: each one's key (None: not known) and how many of the changes
    # it holds; empty when it has none, or has hardlinks or entries with xattrs (a frame
    # written alone would not see them as the whole layer does)
    frames: list[tuple[str | None, int]]

    def __init__(self, diff_id: str, paths: list[tuple[str, str]],
                 contents: dict[str, Content], dirs: Dirs,
                 frames: list[tuple[str | None, int]] | None = None) -> None:
        self.diff_id = diff_id
        self.paths = paths
        self.contents = contents
        self.dirs = dirs
        self.frames = frames or []


def key_for(context_root: str, instruction: str) -> str:
    """The record name of a COPY: its context directory and its text."""
    from blake3 import blake3

    return blake3(f"{_MAGIC!r}\0{context_root}\0{instruction}".encode(
        "utf-8", "surrogateescape")).hexdigest()


def _path(root: Path, key: str) -> Path:
    return root / "cache" / "lineage" / key


def load(root: Path, key: str) -> Lineage | None:
    """The record ``key``, or None when there is none or it cannot be read."""
    try:
        # read whole first: marshal.load reads a file object in small pieces (5x slower)
        head, _, body = _path(root, key).read_bytes().partition(b"\n")
        paths, contents, dirs, frames = marshal.loads(body)
        diff_id = _diff_id(head)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if diff_id is None or not isinstance(paths, list) or not isinstance(contents, dict) \
            or not isinstance(dirs, dict) or not isinstance(frames, list):
        return None
    if not all(type(f) is tuple and len(f) == 2 and type(f[1]) is int for f in frames) \
            or sum(f[1] for f in frames) not in (0, len(paths)):
        return None
    if not all(type(p) is tuple and len(p) == 2 and type(p[0]) is str for p in paths) \
            or not all(type(c) is tuple and len(c) in (2, 10) for c in contents.values()) \
            or not all(type(d) is tuple and len(d) == 4 for d in dirs.values()):
        return None
    return Lineage(diff_id, paths, contents, dirs, frames)


def save(root: Path, key: str, diff_id: str, changes: Sequence[Change],
         contents: Mapping[str, Content], known: Mapping[str, Stat],
         frames: Sequence[Frame] = ()) -> None:
    """Keep the full layer ``diff_id`` written from ``changes`` (with ``contents``, the
    lstat ``known`` of its entries that carry no xattr, and its zstd ``frames``) as record
    ``key`` (written whole or not at all; a failure only loses the record)."""
    dirs: Dirs = {}
    inodes: set[tuple[int, int]] = set()
    whole = True  # every entry known, no two of one inode: frames can be written alone
    for change in changes:
        st = known.get(change.source) if change.source is not None else None
        if st is None:
            whole = whole and change.kind == "delete"
        elif stat.S_ISDIR(st.st_mode):
            dirs[change.path] = (st.st_mode, st.st_uid, st.st_gid, st.st_mtime_ns)
        elif st.st_nlink > 1:
            inode = (st.st_dev, st.st_ino)
            whole = whole and inode not in inodes
            inodes.add(inode)
    sizes = frame_sizes((c.path for c in changes), len(changes)) if whole and frames else []
    counted = [(key, size) for (key, *_), size in zip(frames, sizes, strict=False)]
    if len(sizes) != len(frames):
        counted = []
    path = _path(root, key)
    tmp = path.with_name(f".{key}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as f:
            f.write(_MAGIC + diff_id.encode() + b"\n")
            marshal.dump(([(c.path, c.kind) for c in changes], dict(contents), dirs,
                          counted), f)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _diff_id(head: bytes) -> str | None:
    """The diff_id a record's first line names (None for another format or version)."""
    if not head.startswith(_MAGIC):
        return None
    diff_id = head[len(_MAGIC):].decode("ascii", "replace")
    return diff_id if re.fullmatch(r"sha256:[0-9a-f]{64}", diff_id) else None


def prune(root: Path, live: set[str]) -> int:
    """Delete the records whose layer is not in ``live`` (diff_ids) any more, and the temp
    files of killed writers; the bytes freed."""
    freed = 0
    try:
        entries = list(os.scandir(root / "cache" / "lineage"))
    except OSError:
        return 0
    for entry in entries:
        try:
            with open(entry.path, "rb") as f:
                diff_id = _diff_id(f.readline().rstrip(b"\n"))
            if entry.name.startswith(".") or diff_id not in live:
                size = entry.stat(follow_symlinks=False).st_size
                os.unlink(entry.path)
                freed += size
        except OSError:
            continue
    return freed


def complete(base: Lineage, changes: Sequence[Change], kept: set[str]) -> bool:
    """Whether a delta dir of ``changes`` over ``base`` is the whole layer: each path of
    the base is in the delta or ``kept`` (one that is neither was removed since, which
    the delta cannot show)."""
    mine = {c.path for c in changes}
    return all(path in mine or path in kept for path, _kind in base.paths)


def merged(base: Lineage, base_dir: str, changes: Sequence[Change],
           contents: Mapping[str, Content], known: dict[str, Stat],
           ) -> tuple[list[Change], dict[str, Content]]:
    """The whole layer of a delta: the changes of the delta dir (``changes``, sorted,
    with ``contents``) over those of the base at ``base_dir``, in layer order, and the
    contents of both. ``known`` gets the lstat of the base's pooled files (their inodes
    are the pool's, never changed)."""
    mine = {c.path for c in changes}
    out: list[Change] = []  # the base's, in its order (the layer's)
    both: dict[str, Content] = {}
    for path, kind in base.paths:
        if path not in mine:
            out.append(_from_base(base, base_dir, path, kind, both, known))
    both.update(contents)
    if len(changes) * 16 < len(out):  # a few changes: each put in its place
        for change in changes:
            bisect.insort(out, change, key=_order)
    else:
        out.extend(changes)
        out.sort(key=_order)
    return out, both


def planned(base: Lineage, base_dir: str, changes: Sequence[Change],
            contents: Mapping[str, Content], known: dict[str, Stat],
            ) -> tuple[list[str | list[Change]], dict[str, Content]] | None:
    """The whole layer of a delta as a plan of frames (see
    :func:`builder.layers.write_layer`): each frame of the base that the delta's
    ``changes`` leave alone by its key, the others as changes to write (with the contents
    of their files; ``known`` gets the lstat of the base's pooled files among them). None
    when the base's frames are not known, or the delta adds paths (the layer's frames would
    not be the base's)."""
    if not base.frames:
        return None
    mine = {c.path: c for c in changes}
    if len(mine) > len(base.paths) // 4:
        return None  # much changed: the whole layer is as quick
    plan: list[str | list[Change]] = []
    held: dict[str, Content] = {}
    found, start = 0, 0
    for key, size in base.frames:
        paths = base.paths[start:start + size]
        start += size
        touched = sum(path in mine for path, _kind in paths)
        found += touched
        if key is not None and not touched:
            plan.append(key)
            continue
        frame: list[Change] = []
        for path, kind in paths:
            change = mine.get(path)
            if change is None:
                change = _from_base(base, base_dir, path, kind, held, known)
            elif (have := contents.get(path)) is not None:
                held[path] = have
            frame.append(change)
        plan.append(frame)
    if found != len(mine):
        return None  # a path the base does not have
    return plan, held


def _from_base(base: Lineage, base_dir: str, path: str, kind: str,
               held: dict[str, Content], known: dict[str, Stat]) -> Change:
    """The change of the base's entry ``path`` (at ``base_dir``); its content goes into
    ``held`` and, for a pooled file, its lstat into ``known`` (the pool's inodes never
    change)."""
    source = f"{base_dir}/{path}"
    have = base.contents.get(path)
    if have is not None:
        held[path] = have
        if len(have) == 10:
            known[source] = PooledStat(have)
    return Change(path, kind, None if kind == "delete" else source)  # type: ignore[arg-type]


def _order(change: Change) -> bytes:
    """A change's place in a layer: its path with "/" the lowest byte (component order)."""
    return change.path.encode("utf-8", "surrogateescape").replace(b"/", b"\0")
