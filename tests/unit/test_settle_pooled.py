"""Settling a plain snapshot takes the lstat a copy told of the files it linked from the
pool, and stats what is no longer the inode it linked."""

from __future__ import annotations

import os
from pathlib import Path

from builder.layers.writer import Content, PooledStat, Stat
from builder.snapshot.promote import settle_plain

FIELDS = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
          "st_mtime_ns")


def _tree(top: Path, pool: Path) -> dict[str, Content]:
    """Files as a copy from the pool leaves them (links of pooled inodes, whole-second
    times), and what it tells of them."""
    told: dict[str, Content] = {}
    pool.mkdir()
    for d in range(3):
        for f in range(4):
            path = top / f"d{d}" / f"f{f}"
            path.parent.mkdir(parents=True, exist_ok=True)
            pooled = pool / f"{d}{f}"
            pooled.write_text(f"{d}{f}")
            os.utime(pooled, ns=(1_700_000_000 * 10**9, 1_700_000_000 * 10**9))
            os.link(pooled, path)
            st = os.lstat(path)
            told[f"d{d}/f{f}"] = ("0" * 64, st.st_ino, st.st_mode, st.st_uid, st.st_gid,
                                  st.st_size, st.st_mtime_ns, st.st_atime_ns, st.st_nlink,
                                  st.st_dev)
    return told


def test_told_stats_settle_as_taken_ones(tmp_path: Path) -> None:
    told = _tree(tmp_path / "t", tmp_path / "pool")
    # the copy told of d1/f2 before it was replaced: another inode is there now
    replaced = tmp_path / "t" / "d1" / "f2"
    replaced.unlink()
    replaced.write_text("replaced, and longer")
    taken: dict[str, Stat] = {}
    given: dict[str, Stat] = {}
    short: dict[str, Content] = {path: content[:2] for path, content in told.items()}
    first = settle_plain(str(tmp_path / "t"), None, taken, short)
    again = settle_plain(str(tmp_path / "t"), None, given, told)
    assert [(c.path, c.kind, c.source) for c in first] == \
        [(c.path, c.kind, c.source) for c in again]
    assert taken.keys() == given.keys() and len(given) == 15
    files = [str(tmp_path / "t" / path) for path in told]
    for source in files:
        if source != str(replaced):
            assert isinstance(given[source], PooledStat)
            assert all(getattr(given[source], f) == getattr(taken[source], f)
                       for f in FIELDS), source
    # the replaced file was stat'ed: its own inode and size
    st = given[str(replaced)]
    assert isinstance(st, os.stat_result)
    assert st.st_ino == os.lstat(replaced).st_ino != told["d1/f2"][1]
    assert st.st_size == len("replaced, and longer")
