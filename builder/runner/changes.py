"""``diff``: the changes of a container's file system to its image's, as Docker lists them.

Docker 20.10 (overlay2 included) compares the two trees (``archive.ChangesDirs``): an entry
only in the container's is added (``A``, and so is all below it), one only in the image's
deleted (``D``, alone), one in both changed (``C``) when its type and mode, owner, device
or ``security.capability`` differ, or for what is not a directory its size or mtime (to
the second when either has no nanoseconds); a directory with a change below it is changed
too, listed right before. Docker walks its maps in random order; here each directory's
entries come in byte order, then its deleted ones, which is one of Docker's orders.

The init points a run adds (``/proc``, ``/etc/hosts``...) are in the image's side on
overlay (its init layer, as Docker's); a copied container's are skipped as mount-point
stubs. The mount points of a container's own volumes are listed, as Docker's.
"""

from __future__ import annotations

import os
import stat

from builder.runner.container import Container
from builder.runtime.stubs import is_stub
from builder.snapshot.tree import Node

_CAPABILITY = "security.capability"


def container_changes(c: Container) -> list[tuple[str, str]]:
    """``c``'s changes as ``(kind, path)``, kind ``A``, ``C`` or ``D``, path absolute."""
    from builder.jsonio import dumps, loads
    from builder.runner.fsview import in_view

    keep = mount_points(c)

    def work() -> bytes:
        from pathlib import Path

        from builder.snapshot.tree import merged

        new = merged([Path("/fs")])
        old = merged([Path("/image")]) if c.config.get("LowerDirs") else None
        return dumps(docker_changes(old, new, keep)).encode()

    return [(str(k), str(p)) for k, p in loads(in_view(c, work, image=True))]


def mount_points(c: Container) -> set[str]:
    """The destinations of ``c``'s own mounts and their parents, relative (``a/b``)."""
    keep: set[str] = set()
    for m in c.config.get("Mounts") or []:
        path = str(m.get("Destination") or "").strip("/")
        while path:
            keep.add(path)
            path = path.rpartition("/")[0]
    return keep


def docker_changes(old: Node | None, new: Node,
                   keep: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The changes turning tree ``old`` (None: empty) into ``new`` (see the module's
    docstring). A mount-point stub only in ``new`` is skipped unless its path (relative)
    is in ``keep``."""
    out: list[tuple[str, str]] = []
    _walk(old, new, "", False, keep, out)
    return out


def _walk(old: Node | None, new: Node, rel: str, listed: bool, keep: set[str] | frozenset[str],
          out: list[tuple[str, str]]) -> None:
    """Docker's ``addChanges`` of one entry (``listed``: already reported as changed)."""
    mark = len(out)
    if old is None and rel:
        if rel not in keep and is_stub(new.source) and _only_stubs(new):
            return
        out.append(("A", "/" + rel))
        listed = True
    old_children = old.children or {} if old is not None and new.children is not None else {}
    for name in sorted(new.children or {}, key=os.fsencode):
        child = new.children[name]  # type: ignore[index]
        path = f"{rel}/{name}" if rel else name
        before = old_children.get(name)
        changed = before is not None and _differs(before, child)
        if changed:
            out.append(("C", "/" + path))
        _walk(before, child, path, changed, keep, out)
    gone = sorted(set(old_children) - set(new.children or {}), key=os.fsencode)
    out.extend(("D", f"/{rel}/{name}" if rel else f"/{name}") for name in gone)
    if len(out) > mark and new.children is not None and not listed and rel:
        out.insert(mark, ("C", "/" + rel))


def _only_stubs(node: Node) -> bool:
    """Whether a stub holds nothing but empty stubs (what a run's mount points leave)."""
    if node.children is None:
        return stat.S_ISREG(node.st.st_mode) and node.st.st_size == 0
    return all(is_stub(child.source) and _only_stubs(child)
               for child in node.children.values())


def _differs(old: Node, new: Node) -> bool:
    """Docker's ``statDifferent``, and the file capabilities."""
    a, b = old.st, new.st
    if (a.st_mode, a.st_uid, a.st_gid, a.st_rdev) != (b.st_mode, b.st_uid, b.st_gid, b.st_rdev):
        return True
    # Docker's test of the directory bit: block devices and sockets have it too
    if a.st_mode & stat.S_IFDIR != stat.S_IFDIR and (
            a.st_size != b.st_size or not _same_time(a.st_mtime_ns, b.st_mtime_ns)):
        return True
    return _capability(old.source) != _capability(new.source)


def _same_time(a: int, b: int) -> bool:
    """Docker's ``sameFsTimeSpec``: equal, or the same second with either one whole."""
    return a == b or (a // 1_000_000_000 == b // 1_000_000_000
                      and (a % 1_000_000_000 == 0 or b % 1_000_000_000 == 0))


def _capability(path: str) -> bytes | None:
    try:
        return os.getxattr(path, _CAPABILITY, follow_symlinks=False)
    except OSError:
        return None
