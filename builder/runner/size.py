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
    image = sum(counted_size(d) for d in c.config.get("LowerDirs") or [] if not d.startswith(init))
    if c.config.get("Snapshot") == "overlay":
        rw = counted_size(c.path("upper"))
    else:
        rw = max(0, counted_size(os.path.realpath(c.path("rootfs"))) - image)
    return rw, rw + image
