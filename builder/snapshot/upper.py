"""The changeset of an overlayfs upper dir (mounted with redirect_dir, metacopy, index off).

A char device 0:0 is a ``delete``; a directory marked opaque is ``opaque``; everything else
is an ``add``, except a directory that overlay merely copied up (same mode, owner, times and
xattrs as in the lower layers) and under which nothing changed, and the executor's empty
mount-point stubs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from builder.errors import SnapshotError
from builder.layers import Change
from builder.runtime.stubs import is_stub
from builder.snapshot.tree import is_opaque, is_whiteout, same_entry


def upper_changes(upper: Path, lowers: Sequence[Path]) -> list[Change]:
    """The changes recorded in ``upper`` over ``lowers`` (bottom first), parents first."""
    out: list[Change] = []
    top_first = [str(p) for p in reversed(lowers)]
    try:
        _walk(str(upper), "", top_first, out)
    except OSError as exc:
        raise SnapshotError(f"cannot read the upper dir {upper}: {exc.strerror}") from None
    return out


def _lower_dir(rel: str, lowers: list[str]) -> tuple[str, os.stat_result] | None:
    for layer in lowers:
        path = os.path.join(layer, rel)
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode):
            return path, st
        return None
    return None


def _walk(path: str, rel: str, lowers: list[str], out: list[Change]) -> None:
    with os.scandir(path) as it:
        entries = sorted(it, key=lambda e: os.fsencode(e.name))
    for entry in entries:
        child_rel = f"{rel}/{entry.name}" if rel else entry.name
        st = entry.stat(follow_symlinks=False)
        if is_whiteout(st):
            out.append(Change(child_rel, "delete"))
        elif stat.S_ISDIR(st.st_mode):
            mark = len(out)
            if is_opaque(entry.path):
                out.append(Change(child_rel, "opaque", entry.path))
                _walk(entry.path, child_rel, [], out)
                continue
            _walk(entry.path, child_rel, lowers, out)
            if len(out) > mark:
                out.insert(mark, Change(child_rel, "add", entry.path))
                continue
            lower = _lower_dir(child_rel, lowers)
            if lower is None:
                if not is_stub(entry.path):
                    out.insert(mark, Change(child_rel, "add", entry.path))
            elif not same_entry(entry.path, st, *lower):
                out.insert(mark, Change(child_rel, "add", entry.path))
        elif st.st_size == 0 and stat.S_ISREG(st.st_mode) and is_stub(entry.path):
            continue
        else:
            out.append(Change(child_rel, "add", entry.path))
