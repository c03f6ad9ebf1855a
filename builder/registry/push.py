"""``push``: an image's blobs (skipping those the registry has, mounting those it has in
another repository), then its manifest with its exact bytes and media type, then the tag;
the store then names the image by the repo digest pushed (``name@sha256:…``).

``compression`` re-writes layers stored in another compression (their diff_ids, and so the
config, stay the same; the manifest becomes OCI, which has a type for each compression).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO, Literal, cast

from builder.descriptor import (
    MEDIA_DOCKER_CONFIG,
    MEDIA_OCI_CONFIG,
    MEDIA_OCI_MANIFEST,
    Descriptor,
)
from builder.errors import NotFoundError, RegistryError, StoreError
from builder.image import build_manifest
from builder.layers import MEDIA_TYPES
from builder.reference import Reference
from builder.registry.client import RegistryClient, push_scope
from builder.registry.sources import known_sources, record_sources
from builder.store import Image, Store

PushCompression = Literal["gzip", "zstd"]
Progress = Callable[[str, Descriptor, int], None]
"""``progress(event, blob, n)``: ``exists``, ``mounted``, ``start``, ``bytes``, ``done``."""

_WORKERS = 4
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PushResult:
    """The pushed manifest's digest and size, and what happened to the blobs."""

    digest: str
    size: int
    pushed: int
    mounted: int
    existed: int


def layer_compression(layer: Descriptor) -> str:
    """``zstd``, ``gzip`` or ``none``, from the media type."""
    if layer.media_type.endswith(("+zstd", ".zstd")):
        return "zstd"
    if layer.media_type.endswith(("+gzip", ".gzip")):
        return "gzip"
    return "none"


def push(store: Store, image: Image, ref: Reference, client: RegistryClient, *,
         compression: PushCompression | None = None,
         progress: Progress | None = None) -> PushResult:
    """Push ``image`` to ``ref`` (its repository and tag, or by digest when it has none)."""
    repo = ref.path
    if len(image.layers) != len(image.diff_ids):
        raise StoreError(f"image {image.id}: its manifest has {len(image.layers)} layers but "
                         f"its config {len(image.diff_ids)} diff_ids")
    with store.session():
        media_type, manifest_bytes, config, layers = _manifest_for(store, image, compression)
        counts = {"pushed": 0, "mounted": 0, "existed": 0}
        lock = threading.Lock()
        scopes = (push_scope(repo),)
        diff_ids: dict[str, set[str]] = {}
        for layer, diff_id in zip(layers, image.diff_ids, strict=True):
            diff_ids.setdefault(layer.digest, set()).add(diff_id)

        def send(blob: Descriptor) -> None:
            for diff_id in sorted(diff_ids.get(blob.digest, ())):
                store.verify_layer(diff_id, blob)  # a pulled layer is checked before it leaves
            if client.has_blob(repo, blob, scopes):
                with lock:
                    counts["existed"] += 1
                if progress:
                    progress("exists", blob, 0)
                return
            if progress:
                progress("start", blob, 0)
            sources = known_sources(store, blob.digest, client.domain)

            def opener() -> BinaryIO:
                # ranges of the stored file; the registry checks the digest of the whole
                try:
                    return open(store.blob_path(blob.digest), "rb")
                except FileNotFoundError:
                    raise NotFoundError(f"blob {blob.digest} not found in the store") from None

            def moved(n: int) -> None:
                if progress:
                    progress("bytes", blob, n)

            how = _upload(client, repo, blob, opener, sources, moved)
            with lock:
                counts[how] += 1
            if progress:
                progress("mounted" if how == "mounted" else "done", blob, 0)

        blobs = [*layers, config]
        with ThreadPoolExecutor(max_workers=min(_WORKERS, len(blobs))) as pool:
            futures = [pool.submit(send, b) for b in blobs]
            errors = [f.exception() for f in futures]
        first = next((e for e in errors if e is not None), None)
        if first is not None:
            raise first
        target = ref.tag or ref.digest or "latest"
        digest = client.put_manifest(repo, target, media_type, manifest_bytes)
        if ref.digest is not None and ref.digest != digest:
            raise RegistryError(f"{ref}: the image's manifest digest is {digest}")
        # as Docker, the repo digest pushed is recorded, unless another image holds it
        store.add_image(image.descriptor, [ref.with_digest(digest)], move_digests=False)
    record_sources(store, [b.digest for b in blobs] + [digest], client.domain, repo)
    return PushResult(digest, len(manifest_bytes), counts["pushed"], counts["mounted"],
                      counts["existed"])


def _upload(client: RegistryClient, repo: str, blob: Descriptor,
            opener: Callable[[], BinaryIO], sources: list[str],
            moved: Callable[[int], None]) -> Literal["pushed", "mounted"]:
    """Upload with a few fresh attempts: a failed upload session is not resumable here."""
    sent = 0

    def count(n: int) -> None:
        nonlocal sent
        sent += n
        moved(n)

    for attempt in range(client.attempts):
        try:
            how = client.upload_blob(repo, blob, opener, sources, count)
            return "mounted" if how == "mounted" else "pushed"
        except RegistryError:
            if attempt + 1 == client.attempts:
                raise
            moved(-sent)
            sent = 0
            sources = []
            time.sleep(client.backoff * (2 ** attempt))
    raise AssertionError("unreachable")


def _manifest_for(store: Store, image: Image, compression: PushCompression | None
                  ) -> tuple[str, bytes, Descriptor, list[Descriptor]]:
    """(media type, bytes, config, layers) of the manifest to push."""
    config = Descriptor.from_dict(image.manifest.get("config"))
    layers = image.layers
    if compression is None or all(layer_compression(x) == compression for x in layers):
        data = store.read_blob(image.digest, image.descriptor.size)
        return image.descriptor.media_type, data, config, layers
    out: list[Descriptor] = []
    for layer, diff_id in zip(layers, image.diff_ids, strict=True):
        kind = layer_compression(layer)
        if kind == compression:
            out.append(Descriptor(MEDIA_TYPES[compression], layer.digest, layer.size))
        else:
            out.append(_recompress(store, layer, diff_id, compression))
    media = MEDIA_OCI_CONFIG if config.media_type in (MEDIA_DOCKER_CONFIG, MEDIA_OCI_CONFIG) \
        else config.media_type
    config = Descriptor(media, config.digest, config.size)
    data = build_manifest(config, out)
    store.put_blob(data, media_type=MEDIA_OCI_MANIFEST)
    return MEDIA_OCI_MANIFEST, data, config, out


def _recompress(store: Store, layer: Descriptor, diff_id: str,
                kind: PushCompression) -> Descriptor:
    """A stored copy of ``layer`` in ``kind`` (reused if the store has one)."""
    from builder.layers import transcode

    media_type = MEDIA_TYPES[kind]
    for rec in store.layer_records(diff_id):
        if rec.descriptor.media_type == media_type and rec.verified:
            return rec.descriptor
    with store.blob_writer(media_type=media_type) as writer, \
            store.open_blob(layer.digest, layer.size) as blob:
        got, size = transcode(blob, cast(BinaryIO, writer), kind)
        store.settle_layer(diff_id, layer, got, size)  # before the commit
    assert writer.descriptor is not None
    store.record_layer(diff_id, writer.descriptor, size)
    return writer.descriptor
