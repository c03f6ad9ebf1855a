"""A cheap digest of a build context directory's state, so a no-op rebuild need not scan it.

:func:`state_digest` has find(1) walk the context as :func:`builder.context.scan` does
(skipping the directories ``.dockerignore`` excludes whole by name), without reading any
file, in a process of its own: it digests every entry's path, lstat identity (device,
inode, size, mtime, ctime, mode, owner) and symlink target as find prints them. This
process lists the context for the scan meanwhile, and stops when find's digest is the one
the last scan left (a hit, in about half the time a walk here takes). Any write, chmod,
chown, rename or replacement changes a ctime, an inode or a listing, so an unchanged digest
means a scan would see the same context. Without GNU find there is no digest (every build
scans). The build memo keeps, per context root and .dockerignore, the digest taken *before*
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

import os
import re
import stat
import time

from builder.ignore import PatternMatcher

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

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


def state_digest(root: str, patterns: Sequence[str] = (), listing: Listing | None = None,
                 hoped: str | None = None) -> str | None:
    """The digest of the context directory ``root`` seen through ``patterns``, or None when
    it cannot be trusted (a change in the last :data:`RACY_NS`) or the walk fails (the scan
    then says why).

    find(1) takes it in a process of its own. Meanwhile ``listing``, if given, is filled
    here with what a walk sees (emptied when it fails, or when find is done first with the
    ``hoped`` digest: a hit needs no listing)."""
    walk = _StateWalk(root, patterns)
    if listing is not None:

        def hit() -> bool:
            return hoped is not None and walk.done() and walk.digest() == hoped

        try:
            _fill(listing, root, patterns, hit)
        except BaseException:  # interrupted: find goes too
            walk.kill()
            raise
    return walk.digest()


class _StateWalk:
    """find(1) printing the lstat identity of every entry the scan could see, its output in
    a memfd; the digest is that output's (see :func:`state_digest`). Spawned with
    ``posix_spawn``: a no-op rebuild does not import :mod:`subprocess`."""

    def __init__(self, root: str, patterns: Sequence[str]) -> None:
        self._digest: str | None = None
        self._pid = 0
        self._status: int | None = None
        self._out = self._err = -1
        self.started = time.time_ns()
        # entries whose ctime is that recent are told apart (on stderr), for settled()
        young = self.started - RACY_NS
        args = [FIND, "-H", root, *_prunes(root, patterns), "(",
                "-newerct", f"@{young // 10**9}.{young % 10**9:09d}",
                "-fprintf", "/dev/stderr", "%C@\\n", "-o", "-true", ")",
                "-printf", "%P\\0%C@ %D %i %s %T@ %y%m %U %G %l\\0"]
        env = {"LC_ALL": "C", "PATH": os.environ.get("PATH", os.defpath)}
        try:
            self._out = os.memfd_create("dockyard-state", os.MFD_CLOEXEC)
            self._err = os.memfd_create("dockyard-state-young", os.MFD_CLOEXEC)
            self._pid = os.posix_spawnp(FIND, args, env, file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, self._out, 1),
                (os.POSIX_SPAWN_DUP2, self._err, 2),
            ])
        except OSError:  # no find (or no memfd) here: no digest, every build scans
            self._close()

    def done(self) -> bool:
        if self._pid and self._status is None:
            try:
                pid, status = os.waitpid(self._pid, os.WNOHANG)
            except ChildProcessError:  # reaped by someone else: its outcome is unknown
                pid, status = self._pid, -1
            if pid:
                self._status = status
        return not self._pid or self._status is not None

    def digest(self) -> str | None:
        """find's digest (None when it failed or an entry changed too lately), once."""
        if not self._pid:
            return self._digest
        try:
            status = self._status if self._status is not None else os.waitpid(self._pid, 0)[1]
            self._pid = 0
            if os.waitstatus_to_exitcode(status) == 0:
                young = _read(self._err).split()
                out = _read(self._out)
                if settled(map(_ns, young), self.started):
                    from blake3 import blake3

                    self._digest = blake3(out, max_threads=1).hexdigest()
        except (ValueError, ChildProcessError):  # a line on stderr that is no ctime (an
            self._digest = None  # error of find's), or an exit status nobody can tell
        finally:
            self._close()
        return self._digest

    def kill(self) -> None:
        if self._pid and self._status is None:
            import signal

            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
        self._pid = 0
        self._close()

    def _close(self) -> None:
        for fd in (self._out, self._err):
            if fd >= 0:
                os.close(fd)
        self._out = self._err = -1


def _read(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    data = os.pread(fd, size, 0)
    while len(data) < size:  # a pread gives at most about 2 GiB
        more = os.pread(fd, size - len(data), len(data))
        if not more:
            break
        data += more
    return data


FIND = "find"
"""The find(1) that takes the state digest (GNU findutils: ``-printf``, ``-newerct``)."""


def _ns(ctime: bytes) -> int:
    """A ctime as find prints it (``%C@``: seconds, a point, ten digits) in nanoseconds."""
    seconds, _, fraction = ctime.partition(b".")
    return int(seconds) * 1_000_000_000 + int(fraction[:9].ljust(9, b"0"))


def _prunes(root: str, patterns: Sequence[str]) -> list[str]:
    """find's arguments that skip the directories the scan skips whole (as ``_pruned``), for
    patterns without wildcards; other patterns prune nothing (the digest then covers more
    than the scan sees, which only makes it change more often)."""
    if not patterns or any(p.startswith("!") for p in patterns):
        return []
    matcher = PatternMatcher(patterns)
    head = _GLOB.sub(r"\\\1", root.rstrip("/"))
    out: list[str] = []
    for pattern in patterns:
        if pattern in ("", ".") or pattern.startswith("/") or _GLOB.search(pattern) \
                or not _pruned(matcher, pattern):
            continue
        out += ["-path", f"{head}/{pattern}", "-prune", "-o"]
    return out


_GLOB = re.compile(r"([*?\[\]\\])")
"""What find's -path takes as a wildcard (escaped with a backslash)."""


def _fill(listing: Listing, root: str, patterns: Sequence[str],
          stop: Callable[[], bool]) -> None:
    """Fill ``listing`` with every directory the scan descends into (its entries, each with
    its lstat taken, and the targets of its symlinks); emptied when the walk fails or
    ``stop()`` says so between two directories."""
    matcher = PatternMatcher(patterns) if patterns else None
    dirs, links = listing.dirs, listing.links
    try:
        pending = [("", root)]
        while pending:
            if stop():
                break
            rel_dir, abs_dir = pending.pop()
            seen: list[os.DirEntry[str]] = []
            with os.scandir(abs_dir) as it:
                for child in it:
                    rel = rel_dir + child.name
                    if child.is_dir(follow_symlinks=False):
                        if matcher is not None and _pruned(matcher, rel):
                            continue
                        pending.append((rel + "/", child.path))
                    st = child.stat(follow_symlinks=False)  # cached in the entry
                    if stat.S_ISLNK(st.st_mode):
                        links[child.path] = os.readlink(child.path)
                    seen.append(child)
            dirs[abs_dir] = seen
        else:
            return
    except OSError:
        pass
    dirs.clear()
    links.clear()


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


def _pruned(matcher: PatternMatcher, rel: str) -> bool:
    """Whether the scan skips the directory ``rel`` whole (excluded, nothing re-included)."""
    return matcher.matches_or_parent_matches(rel) and not matcher.may_match_inside(rel)
