"""OCI layer tarballs: deterministic writing, one-pass hashing and compression, safe extraction.

- :func:`write_layer` turns a sorted stream of :class:`Change` into a PAX tar, hashing it
  (sha256: the diff_id) and compressing it (zstd, gzip or none) in one streaming pass.
- :func:`changes_from_tree` lists a directory tree as ``add`` changes in the required order.
- :func:`apply_layer` extracts a layer (any compression) into a directory without ever
  touching anything outside it, applying whiteouts and opaque markers.
- :func:`detect_compression` / :func:`open_uncompressed` read blobs of any of the three kinds.

Malformed or hostile input raises :class:`builder.errors.LayerError`.
"""

from __future__ import annotations

from builder.layers.apply import ApplyStats, apply_layer
from builder.layers.compression import (
    MEDIA_TYPES,
    Compression,
    HashingReader,
    detect_compression,
    open_uncompressed,
    transcode,
)
from builder.layers.writer import (
    OPAQUE_MARKER,
    WHITEOUT_PREFIX,
    Change,
    ChangeKind,
    LayerDigests,
    changes_from_tree,
    write_layer,
)

__all__ = [
    "MEDIA_TYPES",
    "OPAQUE_MARKER",
    "WHITEOUT_PREFIX",
    "ApplyStats",
    "Change",
    "ChangeKind",
    "Compression",
    "HashingReader",
    "LayerDigests",
    "apply_layer",
    "changes_from_tree",
    "detect_compression",
    "open_uncompressed",
    "transcode",
    "write_layer",
]
