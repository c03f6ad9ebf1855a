"""Disk sizes of containers as Docker counts them (``ps -s``)."""

from __future__ import annotations

import os
import stat

from builder.runner.container import Container


def tree_size(path: str) -> int:
    """The bytes of what is under ``path`` as Docker's overlay driver counts a layer: the
    sizes of everything but directories (a symlink's is its target's length), each inode
    once; 0 when ``path`` is missing."""
    total = 0
    seen: set[tuple[int, int]] = set()
    stack = [path]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except (FileNotFoundError, NotADirectoryError, PermissionError):
            continue
        with entries:
            for entry in entries:
                try:
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISDIR(st.st_mode):
                    stack.append(entry.path)
                elif st.st_size and (st.st_dev, st.st_ino) not in seen:
                    seen.add((st.st_dev, st.st_ino))
                    total += st.st_size
    return total


def container_size(c: Container) -> tuple[int, int]:
    """``(SizeRw, SizeRootFs)``: the container's writable layer (its overlay ``upper/``), and
    that plus its image's layers (the lower directories but the init layer). A container on
    a copied root file system (no overlay) counts what its copy holds beyond the image."""
    init = f"{os.path.dirname(c.dir)}/.init/"
    image = sum(tree_size(d) for d in c.config.get("LowerDirs") or [] if not d.startswith(init))
    if c.config.get("Snapshot") == "overlay":
        rw = tree_size(c.path("upper"))
    else:
        rw = max(0, tree_size(os.path.realpath(c.path("rootfs"))) - image)
    return rw, rw + image
