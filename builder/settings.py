"""Configuration: the one place that reads environment variables."""

from __future__ import annotations

import os

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Final


def root_dir(root: str | None = None) -> str:
    """``root`` (``--root``) when given, else ``DOCKYARD_ROOT``, else ``/var/lib/dockyard`` for
    root, else ``$XDG_DATA_HOME/dockyard`` (a plain string: ``run`` does without pathlib);
    always absolute, since containers record paths in it that later commands, run from
    elsewhere, read."""
    if root is not None:
        return os.path.abspath(root)
    env = os.environ.get("DOCKYARD_ROOT")
    if env:
        return os.path.abspath(env)
    if os.geteuid() == 0:
        return "/var/lib/dockyard"
    xdg = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local",
                                                          "share")
    return os.path.join(xdg, "dockyard")


def default_root() -> Path:
    """:func:`root_dir` without ``--root``, as a Path."""
    from pathlib import Path

    return Path(root_dir())


_FROM_ENV: Any = object()
"""A default that means: read the field from the environment."""


class Settings(Record):
    """Process-wide settings, built once by the CLI (or a library caller).

    ``cache_keep_storage`` is the size budget of the build cache, pruned least-recently-used
    first after each build (``DOCKYARD_CACHE_KEEP_STORAGE``, e.g. ``20GB``; ``0`` turns
    automatic pruning off); ``insecure_registries`` are reached over plain HTTP (besides
    127.0.0.0/8 and localhost), as host[:port]; ``docker_config`` is where Docker's
    config.json (registry credentials) lives.
    """

    __slots__ = ("root", "source_date_epoch", "cache_keep_storage", "insecure_registries",
                 "docker_config")
    root: Final[Path]
    source_date_epoch: Final[int | None]
    cache_keep_storage: Final[int]
    insecure_registries: Final[tuple[str, ...]]
    docker_config: Final[Path]

    def __init__(
        self,
        root: Path = _FROM_ENV,
        source_date_epoch: int | None = _FROM_ENV,
        cache_keep_storage: int = _FROM_ENV,
        insecure_registries: tuple[str, ...] = _FROM_ENV,
        docker_config: Path = _FROM_ENV,
    ) -> None:
        self.root = default_root() if root is _FROM_ENV else root
        self.source_date_epoch = (_int_env("SOURCE_DATE_EPOCH")
                                  if source_date_epoch is _FROM_ENV else source_date_epoch)
        self.cache_keep_storage = (_cache_keep_storage()
                                   if cache_keep_storage is _FROM_ENV else cache_keep_storage)
        self.insecure_registries = (_list_env("DOCKYARD_INSECURE_REGISTRIES")
                                    if insecure_registries is _FROM_ENV else insecure_registries)
        self.docker_config = docker_config_dir() if docker_config is _FROM_ENV else docker_config

    @classmethod
    def from_env(
        cls, root: Path | str | None = None, insecure_registries: tuple[str, ...] = ()
    ) -> Settings:
        """Settings from the environment; ``root`` (``--root``) takes precedence and
        ``insecure_registries`` (``--insecure-registry``) add to the environment's."""
        from pathlib import Path

        base = cls(root=Path(root_dir(str(root)))) if root is not None else cls()
        if insecure_registries:
            merged = (*base.insecure_registries, *insecure_registries)
            return base.replace(insecure_registries=tuple(dict.fromkeys(merged)))
        return base


def docker_config_dir() -> Path:
    """``$DOCKER_CONFIG``, else ``~/.docker`` (as Docker's CLI)."""
    from pathlib import Path

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
