"""``export``: a container's whole file system as a tar, as ``docker export`` writes it.

The image's layers, its init layer and the container's changes, merged (no whiteout);
without what is mounted in the container (volumes, ``/proc``...). Entries are written by
the layer writer, uncompressed, in the order Docker's walk gives (byte order, parents
first, no entry for ``/``).
"""

from __future__ import annotations

import io
import os
from typing import BinaryIO

from builder.runner.container import Container


def export(c: Container, out: BinaryIO) -> None:
    """Write ``c``'s file system as a tar to ``out`` (a file with a descriptor)."""
    from builder.layers import changes_from_tree, write_layer
    from builder.runner.fsview import in_view

    write_layer([], io.BytesIO(), compression="none")  # its imports, before the chroot
    out.flush()
    fd = out.fileno()

    def work() -> bytes:
        with os.fdopen(os.dup(fd), "wb") as stream:
            write_layer(changes_from_tree("/fs"), stream, compression="none")
        return b""

    in_view(c, work)
