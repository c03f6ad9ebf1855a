"""Configuration: the one place that reads environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_root() -> Path:
    """``DOCKYARD_ROOT``, else ``/var/lib/dockyard`` for root, else ``$XDG_DATA_HOME/dockyard``."""
    env = os.environ.get("DOCKYARD_ROOT")
    if env:
        return Path(env)
    if os.geteuid() == 0:
        return Path("/var/lib/dockyard")
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "dockyard"


@dataclass(frozen=True)
class Settings:
    """Process-wide settings, built once by the CLI (or a library caller)."""

    root: Path = field(default_factory=default_root)
    source_date_epoch: int | None = field(default_factory=lambda: _int_env("SOURCE_DATE_EPOCH"))
    cache_keep_storage: int = field(default_factory=lambda: _cache_keep_storage())
    """Size budget of the build cache, pruned least-recently-used first after each build
    (``DOCKYARD_CACHE_KEEP_STORAGE``, e.g. ``20GB``; ``0`` turns automatic pruning off)."""

    @classmethod
    def from_env(cls, root: Path | str | None = None) -> Settings:
        """Settings from the environment, with ``root`` (``--root``) taking precedence."""
        if root is not None:
            return cls(root=Path(root))
        return cls()


DEFAULT_CACHE_KEEP_STORAGE = 10 * 1024**3


def _cache_keep_storage() -> int:
    from builder.errors import DockyardError
    from builder.units import parse_size

    value = os.environ.get("DOCKYARD_CACHE_KEEP_STORAGE", "").strip()
    if not value:
        return DEFAULT_CACHE_KEEP_STORAGE
    try:
        return parse_size(value)
    except DockyardError as err:
        raise DockyardError(f"DOCKYARD_CACHE_KEEP_STORAGE: {err.message}") from None


def _int_env(name: str) -> int | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    try:
        return int(value)
    except ValueError:
        return None
