"""Safe extraction of layer tarballs (work in progress)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass(slots=True)
class ApplyStats:
    """Counts of what :func:`apply_layer` did."""

    entries: int = 0
    bytes: int = 0
    whiteouts: int = 0
    opaques: int = 0
    skipped: int = 0


def apply_layer(
    blob: BinaryIO, target: Path | str, *, devices: bool | None = None, chown: bool | None = None
) -> ApplyStats:
    """Extract the layer in ``blob`` into ``target``."""
    raise NotImplementedError
