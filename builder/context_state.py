"""A cheap digest of a build context directory's state, so a no-op rebuild need not scan it.

:func:`state_digest` walks the context as :func:`builder.context.scan` does, without reading
any file: it digests every entry's path, lstat identity (device, inode, size, mtime, ctime,
mode, owner) and symlink target. Any write, chmod, chown, rename or replacement changes a
ctime, an inode or a listing, so an unchanged digest means a scan would see the same
context. The build memo keeps, per context root and .dockerignore, the digest taken *before*
a scan beside that scan's content fingerprint, and reuses the fingerprint while the digest
holds (for 20,000 files, about a third of the scan's cost).

Like git's index, a digest is only worth keeping when no entry was touched within the
filesystem's timestamp granularity of the walk: such a file could change again without
changing its times. Such a digest is returned as ``None``. Where ctimes have a sub-second
part, the kernel stamps them from a clock at most one tick (a few ms) behind, so an entry
whose ctime is :data:`FINE_RACY_NS` old cannot change again unseen; a ctime of whole seconds
(FAT, ext3, ext4's small inodes, some network file systems) may be up to a second behind
the change it records, and makes an entry younger than :data:`RACY_NS` untrusted.
"""

from __future__ import annotations

import marshal
import os
import stat
import time
from operator import itemgetter

from builder.ignore import PatternMatcher

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

RACY_NS = 2_000_000_000
"""How recent a change makes a digest untrustworthy (coarse timestamps are 1-2 s)."""
FINE_RACY_NS = 100_000_000
"""The same for a ctime with a sub-second part (a kernel tick is 1-10 ms)."""


class Listing:
    """What a walk saw of each directory of a context (``dirs``: absolute path → its
    entries, each with its lstat taken; ``links``: symlink path → target), so that a scan
    right after it need not list and stat them again. Only directories a scan descends
    into are there."""

    __slots__ = ("root", "patterns", "dirs", "links")

    def __init__(self, root: str, patterns: Sequence[str]) -> None:
        self.root = root
        self.patterns = tuple(patterns)
        self.dirs: dict[str, list[os.DirEntry[str]]] = {}
        self.links: dict[str, str] = {}


def state_digest(root: str, patterns: Sequence[str] = (),
                 listing: Listing | None = None) -> str | None:
    """The digest of the context directory ``root`` seen through ``patterns``, or None when
    it cannot be trusted (a change in the last :data:`RACY_NS`) or the walk fails (the scan
    then says why). ``listing`` is filled with what the walk saw (emptied when it fails)."""
    from blake3 import blake3

    matcher = PatternMatcher(patterns) if patterns else None
    started = time.time_ns()
    dirs = listing.dirs if listing is not None else None
    links = listing.links if listing is not None else {}
    try:
        top = os.lstat(root)
        rows: list[tuple[Any, ...]] = [(".", *_identity(top))]
        pending = [("", root)]
        while pending:
            rel_dir, abs_dir = pending.pop()
            seen: list[os.DirEntry[str]] = []
            with os.scandir(abs_dir) as it:
                for child in it:
                    rel = rel_dir + child.name
                    is_dir = child.is_dir(follow_symlinks=False)
                    if is_dir and matcher is not None and _pruned(matcher, rel):
                        continue
                    st = child.stat(follow_symlinks=False)
                    row: tuple[Any, ...] = (rel, st.st_ctime_ns, st.st_dev, st.st_ino,
                                            st.st_size, st.st_mtime_ns, st.st_mode,
                                            st.st_uid, st.st_gid)
                    if is_dir:
                        pending.append((rel + "/", child.path))
                    elif stat.S_ISLNK(st.st_mode):
                        target = os.readlink(child.path)
                        links[child.path] = target
                        row += (target,)
                    rows.append(row)
                    seen.append(child)  # its lstat stays cached in it
            if dirs is not None:
                dirs[abs_dir] = seen
    except OSError:
        if dirs is not None:
            dirs.clear()
            links.clear()
        return None
    # the kernel sets a ctime to the current time on every change (mtimes can be set back);
    # the common case, nothing changed lately, is told by max() alone
    if max(map(itemgetter(1), rows)) > started - RACY_NS and not settled(
        map(itemgetter(1), rows), started
    ):
        return None
    return blake3(marshal.dumps(rows)).hexdigest()


def settled(ctimes: Iterable[int], started: int) -> bool:
    """Whether no entry with one of ``ctimes`` (ns) can have changed again unseen since a
    walk that began at ``started`` (ns, the wall clock): each is :data:`RACY_NS` old, or
    :data:`FINE_RACY_NS` old with a sub-second part."""
    for ctime in ctimes:
        if ctime > started - RACY_NS and (
            ctime % 1_000_000_000 == 0 or ctime > started - FINE_RACY_NS
        ):
            return False
    return True


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_ctime_ns, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_mode,
            st.st_uid, st.st_gid)


def _pruned(matcher: PatternMatcher, rel: str) -> bool:
    """Whether the scan skips the directory ``rel`` whole (excluded, nothing re-included)."""
    return matcher.matches_or_parent_matches(rel) and not matcher.may_match_inside(rel)
