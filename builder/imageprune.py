"""``docker image prune``: remove dangling images (or every image no container uses) that
the filters keep, reporting what Docker reports."""

from __future__ import annotations

from collections.abc import Iterable

from builder.imagefilter import (
    FilterError,
    Filters,
    created_ns,
    dangling_only,
    labels_match,
    validate,
)
from builder.record import Record
from builder.store import Image, Store

__all__ = ["PruneReport", "prune_images"]

_ACCEPTED = ("dangling", "label", "label!", "until")


class PruneReport(Record):
    """Docker's ``ImagesPruneReport``: ``untagged:``/``deleted:`` lines and the bytes freed
    (the uncompressed size of the layers no image holds any more, as Docker counts it)."""

    __slots__ = ("lines", "reclaimed")
    _hashable = False
    lines: list[str]
    reclaimed: int

    def __init__(self, lines: list[str] | None = None, reclaimed: int = 0) -> None:
        self.lines = [] if lines is None else lines
        self.reclaimed = reclaimed


def prune_images(store: Store, filters: Filters, in_use: Iterable[str]) -> PruneReport:
    """Remove the images ``filters`` select (``dangling=false``: tagged ones too), never one
    whose ID is in ``in_use``; deleted layers are listed by chain ID, as Docker does."""
    from builder.gotime import docker_timestamp
    from builder.image import chain_ids

    validate(filters, _ACCEPTED)
    only_dangling = dangling_only(filters, falsy=("false", "0"), truthy=("true", "1")) is not False
    until = None
    if "until" in filters:
        if len(filters["until"]) > 1:
            raise FilterError("more than one until filter specified")
        until = docker_timestamp(filters["until"][0])
    kept = set(in_use)
    images = store.images()
    chosen = [i for i in images if _filters_keep(i, filters, until)
              and not (only_dangling and any(n.tag for n in i.names))]
    report = PruneReport()
    for image in [i for i in chosen if i.id in kept]:
        # as Docker, which deletes name by name: every name but the last (in its order)
        # goes; the last one would delete an image a container uses, so it stays
        for name in sorted(image.names, key=str)[:-1]:
            store.untag(name)
            report.lines.append(f"untagged: {name.familiar}")
    chosen = [i for i in chosen if i.id not in kept]
    released: set[str] = set()
    for image in chosen:
        store.remove_manifests([image.digest])
        report.lines += [f"untagged: {n.familiar}" for n in sorted(image.names, key=str)]
        report.lines.append(f"deleted: {image.id}")
        chains = chain_ids(image.diff_ids)
        for chain in store.released_layers(image, released):
            index = chains.index(chain)
            report.lines.append(f"deleted: {chain}")
            report.reclaimed += store.layer_size(image.diff_ids[index], image.layers[index])
    if chosen:
        store.gc(blocking=False)
    return report


def _filters_keep(image: Image, filters: Filters, until: int | None) -> bool:
    if until is not None and created_ns(image.config) > until:
        return False
    config = image.config.get("config")
    if not isinstance(config, dict):
        return True  # as Docker: an image without a config passes the label filters
    labels = config.get("Labels")
    if not labels_match(filters.get("label", []), labels):
        return False
    return "label!" not in filters or not labels_match(filters["label!"], labels)
