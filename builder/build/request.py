"""What a build is asked to do, and what it returns."""

from __future__ import annotations

from builder.errors import OutputError
from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path
    from typing import BinaryIO, Final, Literal

    OutputType = Literal["docker", "oci", "local", "tar"]


class Output(Record):
    """``-o type=docker|oci|tar,dest=FILE`` (``-``: the standard output) or
    ``-o type=local,dest=DIR``."""

    __slots__ = ("type", "dest")
    type: Final[OutputType]
    dest: Final[str]

    def __init__(self, type: OutputType, dest: str) -> None:
        self.type = type
        self.dest = dest


class CacheExport(Record):
    """``--cache-to type=local,dest=DIR[,mode=min|max][,mounts=true]``."""

    __slots__ = ("dest", "mode", "mounts")
    dest: Final[Path]
    mode: Final[Literal["min", "max"]]
    mounts: Final[bool]

    def __init__(
        self, dest: Path, mode: Literal["min", "max"] = "min", mounts: bool = False
    ) -> None:
        self.dest = dest
        self.mode = mode
        self.mounts = mounts


class CacheImport(Record):
    """``--cache-from type=local,src=DIR``."""

    __slots__ = ("src",)
    src: Final[Path]

    def __init__(self, src: Path) -> None:
        self.src = src


class BuildRequest(Record):
    """Everything ``dockyard build`` is asked for (paths already resolved by the caller).

    ``cache_keep_storage`` is the cache budget for the pruning after the build (None: the
    setting; 0: no pruning); ``pull`` always checks the registry for newer base images;
    ``stdin`` is read when ``context`` or ``dockerfile`` is ``-`` (neither compared nor shown).
    """

    __slots__ = (
        "context", "dockerfile", "tags", "build_args", "target", "all_stages", "no_cache",
        "no_cache_filter", "jobs", "labels", "network", "secrets", "outputs", "iidfile",
        "runtime", "snapshotter", "compression", "cache_to", "cache_from",
        "cache_keep_storage", "pull", "stdin",
    )  # fmt: skip
    _compared = __slots__[:-1]  # all but stdin
    context: Final[str]
    dockerfile: Final[str | None]
    tags: Final[tuple[str, ...]]
    build_args: Final[Mapping[str, str]]
    target: Final[str]
    all_stages: Final[bool]
    no_cache: Final[bool]
    no_cache_filter: Final[tuple[str, ...]]
    jobs: Final[int | None]
    labels: Final[Mapping[str, str]]
    network: Final[str]
    secrets: Final[Mapping[str, Path]]
    outputs: Final[tuple[Output, ...]]
    iidfile: Final[str | None]
    runtime: Final[Literal["native", "runc"]]
    snapshotter: Final[Literal["auto", "overlay", "copy"]]
    compression: Final[Literal["zstd", "gzip", "none"]]
    cache_to: Final[tuple[CacheExport, ...]]
    cache_from: Final[tuple[CacheImport, ...]]
    cache_keep_storage: Final[int | None]
    pull: Final[bool]
    stdin: Final[BinaryIO | None]

    def __init__(
        self,
        context: str = ".",
        dockerfile: str | None = None,
        tags: tuple[str, ...] = (),
        build_args: Mapping[str, str] | None = None,
        target: str = "",
        all_stages: bool = False,
        no_cache: bool = False,
        no_cache_filter: tuple[str, ...] = (),
        jobs: int | None = None,
        labels: Mapping[str, str] | None = None,
        network: str = "default",
        secrets: Mapping[str, Path] | None = None,
        outputs: tuple[Output, ...] = (),
        iidfile: str | None = None,
        runtime: Literal["native", "runc"] = "native",
        snapshotter: Literal["auto", "overlay", "copy"] = "auto",
        compression: Literal["zstd", "gzip", "none"] = "zstd",
        cache_to: tuple[CacheExport, ...] = (),
        cache_from: tuple[CacheImport, ...] = (),
        cache_keep_storage: int | None = None,
        pull: bool = False,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.context = context
        self.dockerfile = dockerfile
        self.tags = tags
        self.build_args = {} if build_args is None else build_args
        self.target = target
        self.all_stages = all_stages
        self.no_cache = no_cache
        self.no_cache_filter = no_cache_filter
        self.jobs = jobs
        self.labels = {} if labels is None else labels
        self.network = network
        self.secrets = {} if secrets is None else secrets
        self.outputs = outputs
        self.iidfile = iidfile
        self.runtime = runtime
        self.snapshotter = snapshotter
        self.compression = compression
        self.cache_to = cache_to
        self.cache_from = cache_from
        self.cache_keep_storage = cache_keep_storage
        self.pull = pull
        self.stdin = stdin

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._compared)
        return f"BuildRequest({fields})"


class BuildResult(Record):
    """What a build produced."""

    __slots__ = (
        "image_id", "manifest_digest", "tags", "steps_run", "steps_cached", "seconds",
        "new_layers", "warnings",
    )  # fmt: skip
    image_id: Final[str]
    manifest_digest: Final[str]
    tags: Final[tuple[str, ...]]
    steps_run: Final[int]
    steps_cached: Final[int]
    seconds: Final[float]
    new_layers: Final[tuple[tuple[str, int], ...]]
    warnings: Final[tuple[str, ...]]

    def __init__(
        self,
        image_id: str,
        manifest_digest: str,
        tags: tuple[str, ...],
        steps_run: int,
        steps_cached: int,
        seconds: float,
        new_layers: tuple[tuple[str, int], ...] = (),
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.image_id = image_id
        self.manifest_digest = manifest_digest
        self.tags = tags
        self.steps_run = steps_run
        self.steps_cached = steps_cached
        self.seconds = seconds
        self.new_layers = new_layers
        self.warnings = warnings


def write_iidfile(path: str, image_id: str) -> None:
    """Write ``--iidfile``: the image ID, no newline; a file that cannot be written is a
    :class:`~builder.errors.OutputError`."""
    try:
        with open(path, "w") as f:
            f.write(image_id)
    except OSError as err:
        raise OutputError(
            f"failed to write image ID to {path}: {err.strerror or err}"
        ) from None
