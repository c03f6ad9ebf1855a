"""What both snapshotters share: snapshot directories under a root, keyed by name."""

from __future__ import annotations

import re
from pathlib import Path

from builder.errors import SnapshotError

_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def snapshot_dir(root: Path, key: str) -> Path:
    """Create and return the directory of snapshot ``key`` under ``root``."""
    if not _KEY.fullmatch(key):
        raise SnapshotError(f"invalid snapshot key {key!r}: use [A-Za-z0-9._-], at most 128")
    root.mkdir(parents=True, exist_ok=True)
    path = root / key
    try:
        path.mkdir()
    except FileExistsError:
        raise SnapshotError(f"snapshot {key!r} already exists in {root}") from None
    except OSError as exc:
        raise SnapshotError(f"cannot create snapshot {key!r} in {root}: {exc.strerror}") from None
    return path


def check_lowers(lowers: list[Path]) -> list[Path]:
    """Absolute layer dirs, each an existing directory."""
    out = []
    for lower in lowers:
        path = Path(lower).absolute()
        if not path.is_dir():
            raise SnapshotError(f"layer directory {path} does not exist")
        out.append(path)
    return out
