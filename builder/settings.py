"""Configuration: the one place that reads environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
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
    # registries reached over plain HTTP (besides 127.0.0.0/8 and localhost), as host[:port]
    insecure_registries: tuple[str, ...] = field(
        default_factory=lambda: _list_env("DOCKYARD_INSECURE_REGISTRIES")
    )
    # where Docker's config.json (registry credentials) lives
    docker_config: Path = field(default_factory=lambda: docker_config_dir())

    @classmethod
    def from_env(
        cls, root: Path | str | None = None, insecure_registries: tuple[str, ...] = ()
    ) -> Settings:
        """Settings from the environment; ``root`` (``--root``) takes precedence and
        ``insecure_registries`` (``--insecure-registry``) add to the environment's."""
        base = cls(root=Path(root)) if root is not None else cls()
        if insecure_registries:
            merged = (*base.insecure_registries, *insecure_registries)
            return replace(base, insecure_registries=tuple(dict.fromkeys(merged)))
        return base


def docker_config_dir() -> Path:
    """``$DOCKER_CONFIG``, else ``~/.docker`` (as Docker's CLI)."""
    env = os.environ.get("DOCKER_CONFIG")
    if env:
        return Path(env)
    return Path.home() / ".docker"


def _list_env(name: str) -> tuple[str, ...]:
    value = os.environ.get(name, "")
    return tuple(v.strip() for v in value.split(",") if v.strip())


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
