"""What ``system df`` counts, as Docker 20.10's daemon and client count it: images (each
layer once; the layers two images share), containers (their writable layers), local volumes
(their data) and the build cache's records.

Docker's rules: an image's size is the sum of its layers' sizes, a layer being the stack up
to it (its chain ID); a layer more than one image has is shared; the images' SIZE is every
layer once, and what is reclaimable is that less the unshared part of the images a container
uses (created, running or stopped). A container is active when running, paused or
restarting; its size is its writable layer's. A volume is active when a container names it.
A build cache record's layer is shared when an image uses its blob too: pruning the record
would not free it.
"""

from __future__ import annotations

import os
from pathlib import Path

from builder.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from builder.cache import CacheRecord
    from builder.runner.container import Container
    from builder.store import Image, Store

__all__ = ["CacheUsage", "ContainerUsage", "DiskUsage", "ImageUsage", "Summary", "VolumeUsage",
           "cache_summary", "cache_usage", "collect", "container_usage", "containers_summary",
           "image_usage", "images_summary", "store_usage", "volume_usage", "volumes_summary"]

ACTIVE_STATES = ("running", "paused", "restarting")


class Summary(Record):
    """One row of Docker's summary: counts and bytes; ``percent`` says whether the
    reclaimable bytes are followed by their share of ``size`` (not the build cache's)."""

    __slots__ = ("total", "active", "size", "reclaimable", "percent")
    total: int
    active: int
    size: int
    reclaimable: int
    percent: bool

    def __init__(self, total: int, active: int, size: int, reclaimable: int,
                 percent: bool = True) -> None:
        self.total = total
        self.active = active
        self.size = size
        self.reclaimable = reclaimable
        self.percent = percent


class ImageUsage(Record):
    """An image with its containers, its size (every layer) and the size of its layers
    another image has too."""

    __slots__ = ("image", "containers", "size", "shared")
    _hashable = False
    image: Image
    containers: int
    size: int
    shared: int

    def __init__(self, image: Image, containers: int, size: int, shared: int) -> None:
        self.image = image
        self.containers = containers
        self.size = size
        self.shared = shared

    @property
    def unique(self) -> int:
        return self.size - self.shared


def image_usage(store: Store, images: Sequence[Image],
                containers: Iterable[Container]) -> tuple[list[ImageUsage], int]:
    """Each image's usage, newest first, and the bytes of all their layers, each once
    (Docker's ``LayersSize``)."""
    from builder.image import chain_ids

    used: dict[str, int] = {}
    for c in containers:
        image_id = str(c.config.get("Image") or "")
        used[image_id] = used.get(image_id, 0) + 1
    refs: dict[str, int] = {}
    sizes: dict[str, int] = {}
    stacks: list[list[str]] = []
    for image in images:
        chains = chain_ids(image.diff_ids)
        stacks.append(chains)
        for chain, diff_id, blob in zip(chains, image.diff_ids, image.layers, strict=False):
            refs[chain] = refs.get(chain, 0) + 1
            if chain not in sizes:
                sizes[chain] = store.layer_size(diff_id, blob)
    out = []
    for image, chains in zip(images, stacks, strict=True):
        mine = [c for c in chains if c in sizes]
        out.append(ImageUsage(image, used.get(image.id, 0), sum(sizes[c] for c in mine),
                              sum(sizes[c] for c in mine if refs[c] > 1)))
    out.sort(key=lambda u: _created(u.image), reverse=True)
    return out, sum(sizes.values())


def _created(image: Image) -> int:
    from builder.imagefilter import created_ns

    return created_ns(image.config)


def images_summary(usage: Sequence[ImageUsage], layers_size: int) -> Summary:
    """Docker's Images row: what the images a container uses have alone is not reclaimable."""
    active = [u for u in usage if u.containers > 0]
    in_use = sum(u.unique for u in active)
    return Summary(len(usage), len(active), layers_size, layers_size - in_use)


class ContainerUsage(Record):
    """A container and the bytes of its writable layer (Docker's ``SizeRw``)."""

    __slots__ = ("container", "size")
    _hashable = False
    container: Container
    size: int

    def __init__(self, container: Container, size: int) -> None:
        self.container = container
        self.size = size

    @property
    def active(self) -> bool:
        state = str(self.container.state.get("Status", ""))
        return any(s in state for s in ACTIVE_STATES)


def container_usage(containers: Iterable[Container]) -> list[ContainerUsage]:
    """Each container with its writable layer's size."""
    from builder.runner.size import container_size

    return [ContainerUsage(c, container_size(c)[0]) for c in containers]


def containers_summary(usage: Sequence[ContainerUsage]) -> Summary:
    """Docker's Containers row: the writable layers of the containers not running."""
    return Summary(len(usage), sum(u.active for u in usage), sum(u.size for u in usage),
                   sum(u.size for u in usage if not u.active))


class VolumeUsage(Record):
    """A local volume: its name, data directory, bytes and how many containers name it."""

    __slots__ = ("name", "path", "size", "links")
    name: str
    path: str
    size: int
    links: int

    def __init__(self, name: str, path: str, size: int, links: int) -> None:
        self.name = name
        self.path = path
        self.size = size
        self.links = links


def volume_usage(root: str | Path, containers: Iterable[Container]) -> list[VolumeUsage]:
    """The volumes under ``<root>/volumes`` (by name), each with its data's size as Docker
    counts a directory and the number of containers that mount it."""
    from builder.blobs import counted_size

    links: dict[str, int] = {}
    for c in containers:
        names = {str(m.get("Name")) for m in c.config.get("Mounts") or []
                 if m.get("Type") == "volume"}
        for name in names:
            links[name] = links.get(name, 0) + 1
    try:
        entries = sorted(os.scandir(Path(root) / "volumes"), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    out = []
    for entry in entries:
        data = f"{entry.path}/_data"
        if not entry.name.startswith(".") and os.path.isdir(data):
            out.append(VolumeUsage(entry.name, data, counted_size(data), links.get(entry.name, 0)))
    return out


def volumes_summary(usage: Sequence[VolumeUsage]) -> Summary:
    """Docker's Local Volumes row: the data of the volumes no container names."""
    return Summary(len(usage), sum(u.links > 0 for u in usage), sum(u.size for u in usage),
                   sum(u.size for u in usage if u.links == 0))


class CacheUsage(Record):
    """A build cache record, the bytes of its layer blob, and whether an image uses that
    blob too (BuildKit's ``Shared``)."""

    __slots__ = ("record", "size", "shared")
    _hashable = False
    record: CacheRecord
    size: int
    shared: bool

    def __init__(self, record: CacheRecord, size: int, shared: bool) -> None:
        self.record = record
        self.size = size
        self.shared = shared


def cache_usage(store: Store, records: Iterable[CacheRecord],
                images: Iterable[Image]) -> list[CacheUsage]:
    """Each record, least recently used first (as Docker lists BuildKit's)."""
    in_images = {layer.digest for image in images for layer in image.layers}
    out = []
    for r in records:
        size = 0
        if r.layer_digest:
            try:
                size = store.blob_path(r.layer_digest).stat().st_size
            except OSError:
                size = 0
        out.append(CacheUsage(r, size, r.layer_digest in in_images))
    out.sort(key=lambda u: (u.record.last_used, u.record.key))
    return out


def cache_size(usage: Sequence[CacheUsage]) -> int:
    """Docker's build cache size: the records' bytes but the shared ones', a blob that
    several records name once."""
    return sum({u.record.layer_digest: u.size for u in usage if not u.shared}.values())


def cache_summary(usage: Sequence[CacheUsage]) -> Summary:
    """Docker's Build Cache row: nothing is in use outside a build, so all of its size is
    reclaimable; no percentage, as Docker's client prints none there."""
    size = cache_size(usage)
    return Summary(len(usage), 0, size, size, percent=False)


class DiskUsage(Record):
    """Everything ``system df`` shows."""

    __slots__ = ("images", "layers_size", "containers", "volumes", "cache", "blobs",
                 "unpacked")
    _hashable = False
    images: list[ImageUsage]
    layers_size: int
    containers: list[ContainerUsage]
    volumes: list[VolumeUsage]
    cache: list[CacheUsage]
    blobs: Summary
    unpacked: Summary

    def __init__(self, images: list[ImageUsage], layers_size: int,
                 containers: list[ContainerUsage], volumes: list[VolumeUsage],
                 cache: list[CacheUsage], blobs: Summary, unpacked: Summary) -> None:
        self.images = images
        self.layers_size = layers_size
        self.containers = containers
        self.volumes = volumes
        self.cache = cache
        self.blobs = blobs
        self.unpacked = unpacked

    def summary(self) -> list[tuple[str, Summary]]:
        """Docker's four rows: Images, Containers, Local Volumes, Build Cache."""
        return [("Images", images_summary(self.images, self.layers_size)),
                ("Containers", containers_summary(self.containers)),
                ("Local Volumes", volumes_summary(self.volumes)),
                ("Build Cache", cache_summary(self.cache))]


def store_usage(store: Store, images: Iterable[Image],
                records: Iterable[CacheRecord]) -> tuple[Summary, Summary]:
    """The store's own rows, bytes on disk: the blobs (active: those an image or a cache
    record reaches, which ``system prune`` keeps) and the unpacked layer directories
    (active: those of an image's or a record's layer)."""
    from builder.blobs import file_size, tree_size
    from builder.store import DELTA

    records = list(records)
    kept = store.referenced_blobs() | {r.layer_digest for r in records if r.layer_digest}
    blobs = {"sha256:" + p.name: file_size(p) for p in store.blobs_dir.iterdir()}
    live = {d.removeprefix("sha256:") for image in images for d in image.diff_ids}
    live |= {r.diff_id.removeprefix("sha256:") for r in records if r.diff_id}
    dirs = {p.name: tree_size(p) for p in store.layers_dir.iterdir()
            if not p.name.startswith(".")}
    for name in dirs:  # the base of a delta an image or record uses is in use too
        if name.endswith(DELTA) and name.removesuffix(DELTA) in live:
            base = store.delta_base(store.layers_dir / name)
            if base is not None:
                live.add(base)
    return (Summary(len(blobs), sum(d in kept for d in blobs), sum(blobs.values()),
                    sum(s for d, s in blobs.items() if d not in kept)),
            Summary(len(dirs), sum(n.removesuffix(DELTA) in live for n in dirs),
                    sum(dirs.values()),
                    sum(s for n, s in dirs.items() if n.removesuffix(DELTA) not in live)))


def collect(root: str | Path) -> DiskUsage:
    """What ``system df`` shows of the store, containers, volumes and build cache under
    ``root``."""
    from builder.runner.container import Containers
    from builder.store import Store

    store = Store(root)
    store.ensure()
    images = store.images()
    containers = Containers(root).all()
    records: list[CacheRecord] = []
    if (Path(root) / "cache" / "index").is_dir():
        from builder.cache import BuildCache

        with BuildCache(root) as cache:
            records = cache.records()
    usage, layers_size = image_usage(store, images, containers)
    blobs, unpacked = store_usage(store, images, records)
    return DiskUsage(usage, layers_size, container_usage(containers),
                     volume_usage(root, containers), cache_usage(store, records, images),
                     blobs, unpacked)
