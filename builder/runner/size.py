"""Disk sizes of containers as Docker counts them (``ps -s``)."""

from __future__ import annotations

import os

from builder.blobs import counted_size
from builder.runner.container import Container


def container_size(c: Container) -> tuple[int, int]:
    """``(SizeRw, SizeRootFs)``: the container's writable layer (its overlay ``upper/``), and
    that plus its image's layers (the lower directories but the init layer). A container on
    a copied root file system (no overlay) counts what its copy holds beyond the image."""
    init = f"{os.path.dirname(c.dir)}/.init/"
    image = _image_size(os.path.dirname(os.path.dirname(c.dir)),
                        [d for d in c.config.get("LowerDirs") or [] if not d.startswith(init)])
    if c.config.get("Snapshot") == "overlay":
        rw = counted_size(c.path("upper"))
    else:
        rw = max(0, counted_size(os.path.realpath(c.path("rootfs"))) - image)
    return rw, rw + image


def _image_size(root: str, dirs: list[str]) -> int:
    """What the layers in ``dirs`` (bottom first) hold, each counted whole: a delta dir and
    its base below it (:meth:`builder.store.Store.lowers`) are one layer, whose size is the
    store's (the two dirs hold the paths the delta changed twice)."""
    from builder.errors import DockyardError
    from builder.store import DELTA, Store

    total, i = 0, 0
    while i < len(dirs):
        top = dirs[i + 1] if i + 1 < len(dirs) else ""
        if top.endswith(f"{DELTA}/tree"):
            name = os.path.basename(os.path.dirname(top)).removesuffix(DELTA)
            try:
                size = Store(root).content_size(f"sha256:{name}")
            except DockyardError:
                size = None
            if size is not None:
                total += size
                i += 2
                continue
        total += counted_size(dirs[i])
        i += 1
    return total
