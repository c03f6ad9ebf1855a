"""``RUN --mount=type=cache`` directories: where they live, and moving their contents in and
out of an exported cache (as zstd layer tarballs)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from builder.cache_io import CacheDirWriter, LayerBlob, MountEntry, open_dir_blob
from builder.rmtree import remove_tree

if TYPE_CHECKING:
    from collections.abc import Mapping

    from builder.graph import BuildGraph

__all__ = ["mount_dir", "mount_ids", "mount_key", "mount_name", "pack_mount", "seed_mount"]


def mount_name(ident: str) -> str:
    """The directory name of the cache mount ``ident`` (the same on every machine)."""
    return hashlib.sha256(ident.encode()).hexdigest()[:32]


def mount_dir(root: Path, ident: str) -> Path:
    """Where the cache mount ``ident`` lives under ``root``."""
    return Path(root) / "cache" / "mounts" / mount_name(ident)


def mount_key(mount: Mapping[str, Any]) -> str:
    """Which cache a ``type=cache`` mount uses: its ``id`` (else its target), and as in
    BuildKit, where the cache starts from (``from`` and ``source``) and, when it starts
    at a root, the ``uid``, ``gid`` and ``mode`` given for it. Two mounts with one id but
    other owners are two caches, as BuildKit keys them by id and base snapshot."""
    parts = [str(mount.get("id") or mount.get("target") or "")]
    source = str(mount.get("source") or "/")
    if mount.get("from"):
        parts += [str(mount["from"]), source]
    owner = [mount.get(k) for k in ("uid", "gid", "mode")]
    if source.strip("/") == "" and any(v is not None for v in owner):
        parts.append(":".join("" if v is None else str(v) for v in owner))
    return "\0".join(parts)


def mount_ids(graph: BuildGraph) -> list[str]:
    """The keys (:func:`mount_key`) of the cache mounts the RUN steps of ``graph`` use."""
    found: dict[str, None] = {}
    for stage in graph.stages:
        if stage.pruned:
            continue
        for step in stage.steps:
            if step.kind != "RUN":
                continue
            for m in step.instruction.get("mounts", []):
                if m.get("type") == "cache" and (m.get("id") or m.get("target")):
                    found[mount_key(m)] = None
    return list(found)


def pack_mount(root: Path, name: str, ident: str, writer: CacheDirWriter) -> MountEntry | None:
    """Write the contents of the cache mount directory ``name`` as a blob at the export
    destination; ``ident`` is recorded when known."""
    from builder.layers import changes_from_tree, write_layer

    path = Path(root) / "cache" / "mounts" / name
    if len(name) != 32 or not path.is_dir() or path.is_symlink():
        return None
    st = path.stat()
    blob = writer.blob_writer()
    try:
        digests = write_layer(changes_from_tree(path), cast(BinaryIO, blob), compression="zstd")
        desc = blob.commit(digests.media_type)
    finally:
        blob.close()
    layer = LayerBlob(desc.digest, desc.size, desc.media_type, digests.diff_id)
    return MountEntry(name, ident, layer, st.st_mode & 0o7777, st.st_uid, st.st_gid)


def seed_mount(root: Path, src: Path, mount: MountEntry) -> bool:
    """Fill a cache mount that does not exist here yet from the cache at ``src``; the
    blob is verified before the directory appears. Returns whether it was seeded."""
    from builder.layers import apply_layer

    parent = Path(root) / "cache" / "mounts"
    parent.mkdir(parents=True, exist_ok=True)
    target = parent / mount.name
    if target.exists():
        return False
    tmp = Path(tempfile.mkdtemp(dir=parent, prefix=".seed-"))
    try:
        with open_dir_blob(src, mount.layer) as blob:
            apply_layer(blob, tmp)
            while blob.read(1 << 20):  # the digest check happens at EOF
                pass
        os.chmod(tmp, mount.mode)
        os.chown(tmp, mount.uid, mount.gid)
        if target.exists():
            return False
        os.rename(tmp, target)
        return True
    finally:
        if tmp.exists():
            remove_tree(tmp)
