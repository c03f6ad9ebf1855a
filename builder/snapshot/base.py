"""The snapshot seam (``Mount``, ``Snapshotter``) and what both implementations share."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from builder.errors import SnapshotError
from builder.layers import Change
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Final, Literal


class Mount(Record):
    """A prepared snapshot: the process sees ``rootfs``; its changes land in ``upper``.

    ``upper`` is the overlay upper dir, or ``rootfs`` itself for a copy.
    """

    __slots__ = ("key", "rootfs", "upper", "lowers", "readonly", "kind", "dir")
    key: Final[str]
    rootfs: Final[Path]
    upper: Final[Path | None]
    lowers: Final[tuple[Path, ...]]
    readonly: Final[bool]
    kind: Final[Literal["overlay", "bind", "copy", "plain"]]
    dir: Final[Path]

    def __init__(
        self, key: str, rootfs: Path, upper: Path | None, lowers: tuple[Path, ...],
        readonly: bool, kind: Literal["overlay", "bind", "copy", "plain"], dir: Path,
    ) -> None:
        self.key = key
        self.rootfs = rootfs
        self.upper = upper
        self.lowers = lowers
        self.readonly = readonly
        self.kind = kind
        self.dir = dir


class Snapshotter(Protocol):
    """Makes rootfs snapshots from layer dirs (bottom first) and reports what changed.

    Called by the op that runs a step and by the runner. ``key`` names the snapshot (safe
    characters ``[A-Za-z0-9._-]``; unique among live snapshots). Layer dirs are never
    written. Every method blocks on filesystem work; a snapshotter is safe to use from
    several threads for different keys.
    """

    def prepare(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A writable snapshot over ``lowers``."""
        ...

    def empty(self, key: str) -> Mount:
        """A writable snapshot of nothing: a plain directory (no mount), for a step that
        only adds paths no layer below has (so its diff is everything written)."""
        ...

    def view(self, key: str, lowers: Sequence[Path]) -> Mount:
        """A read-only snapshot over ``lowers``."""
        ...

    def diff(self, mount: Mount) -> list[Change]:
        """What changed in ``mount`` since it was prepared: sorted, parents first, in the
        form :func:`builder.layers.write_layer` takes; empty when nothing changed. Sources
        point into the snapshot, so write the layer before :meth:`remove`."""
        ...

    def detach(self, mount: Mount) -> Path | None:
        """Unmount a writable snapshot whose changes were committed and hand over its upper
        dir (to become the layer's directory; :meth:`remove` still deletes the rest). None
        when the snapshotter has no separate upper dir or cannot let it go."""
        ...

    def remove(self, mount: Mount) -> None:
        """Unmount (if mounted) and delete the snapshot; idempotent."""
        ...


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
