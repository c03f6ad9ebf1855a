"""What a build is asked to do, and what it returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

OutputType = Literal["docker", "oci", "local"]


@dataclass(frozen=True)
class Output:
    """``-o type=docker|oci|local,dest=PATH``."""

    type: OutputType
    dest: str


@dataclass(frozen=True)
class CacheExport:
    """``--cache-to type=local,dest=DIR[,mode=min|max][,mounts=true]``."""

    dest: Path
    mode: Literal["min", "max"] = "min"
    mounts: bool = False


@dataclass(frozen=True)
class CacheImport:
    """``--cache-from type=local,src=DIR``."""

    src: Path


@dataclass(frozen=True)
class BuildRequest:
    """Everything ``dockyard build`` is asked for (paths already resolved by the caller)."""

    context: str = "."
    dockerfile: str | None = None
    tags: tuple[str, ...] = ()
    build_args: Mapping[str, str] = field(default_factory=dict)
    target: str = ""
    all_stages: bool = False
    no_cache: bool = False
    no_cache_filter: tuple[str, ...] = ()
    jobs: int | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    network: str = "default"
    secrets: Mapping[str, Path] = field(default_factory=dict)
    outputs: tuple[Output, ...] = ()
    iidfile: str | None = None
    runtime: Literal["native", "runc"] = "native"
    snapshotter: Literal["auto", "overlay", "copy"] = "auto"
    compression: Literal["zstd", "gzip", "none"] = "zstd"
    cache_to: tuple[CacheExport, ...] = ()
    cache_from: tuple[CacheImport, ...] = ()
    cache_keep_storage: int | None = None
    """Cache budget for the pruning after the build (None: the setting; 0: no pruning)."""
    pull: bool = False  # always check the registry for newer base images
    stdin: BinaryIO | None = field(default=None, compare=False, repr=False)
    """Read when ``context`` or ``dockerfile`` is ``-``."""


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    image_id: str
    manifest_digest: str
    tags: tuple[str, ...]
    steps_run: int
    steps_cached: int
    seconds: float
    new_layers: tuple[tuple[str, int], ...] = ()
    warnings: tuple[str, ...] = ()
