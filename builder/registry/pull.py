"""``pull``: a manifest (or the platform's manifest of an index), its config and layers.

Every blob is streamed into the store through a writer that checks its size and sha256
before it is committed. Each layer is recorded as the config's ``rootfs.diff_ids`` entry,
unverified: the store hashes its uncompressed stream when the layer is first unpacked or
exported and refuses it then if it does not match (as containerd does), so a pull does not
decompress anything. The config's layer count must match the manifest's. Layers download
in parallel, blobs the store already has are skipped, a dropped connection or 5xx restarts a
blob's download (a few times, with backoff). The manifest is stored byte for byte, so the
image keeps its registry digest.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final

import httpx

from builder.descriptor import (
    INDEX_TYPES,
    LAYER_TYPES,
    MANIFEST_TYPES,
    Descriptor,
    sha256_digest,
)
from builder.errors import DigestError, RegistryError
from builder.image import ImageConfig, host_architecture
from builder.record import Record
from builder.reference import Reference
from builder.registry.client import RegistryClient
from builder.registry.sources import record_sources
from builder.store import Image, LayerRecord, Store

Progress = Callable[[str, Descriptor, int], None]
"""``progress(event, blob, n)``: ``exists``, ``start``, ``bytes`` (n more), ``done``."""

_MAX_DEPTH = 4
_WORKERS = 4
_BATCH = 1 << 20  # bytes handed on at once: fewer writes, hash calls and thread hand-offs


class Platform(Record):
    """``os/arch[/variant]``."""

    __slots__ = ("os", "architecture", "variant")
    os: Final[str]
    architecture: Final[str]
    variant: Final[str]

    def __init__(self, os: str, architecture: str, variant: str = "") -> None:
        self.os = os
        self.architecture = architecture
        self.variant = variant

    @classmethod
    def parse(cls, text: str) -> Platform:
        parts = text.strip().lower().split("/")
        if len(parts) not in (2, 3) or not all(parts):
            raise RegistryError(f"invalid platform {text!r}: expected os/arch[/variant]")
        arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(parts[1], parts[1])
        variant = parts[2] if len(parts) == 3 else ""
        return cls(parts[0], arch, variant)

    @classmethod
    def host(cls) -> Platform:
        arch, variant = host_architecture()
        return cls("linux", arch, variant)

    def __str__(self) -> str:
        return "/".join(p for p in (self.os, self.architecture, self.variant) if p)

    def matches(self, p: dict[str, Any]) -> bool:
        """Whether an index entry's ``platform`` fits (a missing variant fits any)."""
        if str(p.get("os", "")).lower() != self.os:
            return False
        if str(p.get("architecture", "")).lower() != self.architecture:
            return False
        want, have = _norm_variant(self.architecture, self.variant), _norm_variant(
            self.architecture, str(p.get("variant") or ""))
        return not want or not have or want == have


def _norm_variant(arch: str, variant: str) -> str:
    if arch == "arm64" and variant in ("", "v8"):
        return ""
    return variant


def select_manifest(index: dict[str, Any], platform: Platform) -> Descriptor:
    """The first entry of an index for ``platform`` (an exact variant preferred)."""
    entries = [Descriptor.from_dict(m) for m in index.get("manifests") or []]
    fits = [d for d in entries if d.platform and platform.matches(d.platform)]
    exact = [d for d in fits if str((d.platform or {}).get("variant") or "") == platform.variant]
    chosen = (exact or fits)
    if not chosen:
        have = ", ".join(sorted({_platform_text(d.platform or {}) for d in entries})) or "none"
        raise RegistryError(f"no matching manifest for {platform} in the manifest list "
                            f"entries (available: {have})")
    return chosen[0]


def _platform_text(p: dict[str, Any]) -> str:
    return "/".join(str(p[k]) for k in ("os", "architecture", "variant") if p.get(k))


class PullResult(Record):
    """The pulled image and what had to be downloaded."""

    __slots__ = ("image", "downloaded", "reused", "digest")
    _hashable = False
    image: Image
    downloaded: int  # blobs fetched
    reused: int  # blobs already in the store
    digest: str  # of what the reference names: the index, for a multi-platform image

    def __init__(self, image: Image, downloaded: int, reused: int, digest: str) -> None:
        self.image = image
        self.downloaded = downloaded
        self.reused = reused
        self.digest = digest


def pull(store: Store, ref: Reference, client: RegistryClient, *,
         platform: Platform | None = None, progress: Progress | None = None) -> PullResult:
    """Pull ``ref`` (tag or digest) into ``store`` and name it by its tag and repo digest."""
    want = platform or Platform.host()
    repo = ref.path
    target = ref.digest or ref.tag or "latest"
    desc, doc, data = _fetch_manifest(client, repo, target, ref.digest)
    top = desc.digest
    depth = 0
    while desc.media_type in INDEX_TYPES:
        depth += 1
        if depth > _MAX_DEPTH:
            raise RegistryError(f"{ref}: image indexes nested too deeply")
        child = select_manifest(doc, want)
        desc, doc, data = _fetch_manifest(client, repo, child.digest, child.digest)
    config_desc = Descriptor.from_dict(doc.get("config"))
    layers = [Descriptor.from_dict(d) for d in doc.get("layers") or []]
    for layer in layers:
        if layer.media_type not in LAYER_TYPES:
            raise RegistryError(f"{ref}: unsupported layer media type {layer.media_type!r}")
    stats = {"downloaded": 0, "reused": 0}
    stats_lock = threading.Lock()
    with store.session():
        config_bytes = _small_blob(store, client, repo, config_desc)
        config = ImageConfig.from_bytes(config_bytes)
        if platform is not None and (config.os, config.architecture) != (
                want.os, want.architecture):
            raise RegistryError(
                f"image with reference {ref} was found but does not match the specified "
                f"platform: wanted {want}, actual: {config.os}/{config.architecture}")
        if len(config.diff_ids) != len(layers):
            raise RegistryError(f"{ref}: the manifest has {len(layers)} layers but the config "
                                f"{len(config.diff_ids)} diff_ids")

        def fetch(pair: tuple[Descriptor, str]) -> None:
            layer, diff_id = pair
            if _have_layer(store, layer, diff_id):
                with stats_lock:
                    stats["reused"] += 1
                if progress:
                    progress("exists", layer, 0)
                return
            _download_layer(store, client, repo, layer, diff_id, progress, fetched)
            with stats_lock:
                stats["downloaded"] += 1

        fetched: list[LayerRecord] = []  # recorded together: one transaction
        pairs = list(zip(layers, config.diff_ids, strict=True))
        with ThreadPoolExecutor(max_workers=min(_WORKERS, max(1, len(pairs)))) as pool:
            futures = [pool.submit(fetch, p) for p in pairs]
            errors = [f.exception() for f in futures]
        store.record_layers(fetched)
        first = next((e for e in errors if e is not None), None)
        if first is not None:
            raise first
        store.put_blob(config_bytes, config_desc.digest, config_desc.media_type)
        store.put_blob(data, desc.digest, desc.media_type)
        stored = Descriptor(desc.media_type, desc.digest, desc.size, platform=config.platform)
        # as Docker: the repo digest is that of what the reference names (an index, for a
        # multi-platform image); by digest, a tag beside the digest is ignored and the
        # digest name moves here, by tag a digest name another image holds stays there
        repo_digest = ref.with_digest(top)
        names = [repo_digest] if ref.digest is not None else [ref.with_default_tag(),
                                                               repo_digest]
        store.add_image(stored, names, move_digests=ref.digest is not None)
    record_sources(store, [b.digest for b in (*layers, config_desc, desc)], client.domain, repo)
    image = store.load_image(stored, names)
    return PullResult(image, stats["downloaded"], stats["reused"], top)


def _fetch_manifest(client: RegistryClient, repo: str, reference: str,
                    digest: str | None) -> tuple[Descriptor, dict[str, Any], bytes]:
    media_type, data, header_digest = client.get_manifest(repo, reference)
    got = sha256_digest(data)
    sep = "@" if digest else ":"
    what = f"{client.domain}/{repo}{sep}{reference}"
    if digest is not None and got != digest:
        raise DigestError(f"{what}: manifest content hashes to {got}, not {digest}")
    if header_digest and header_digest.startswith("sha256:") and header_digest != got:
        raise DigestError(f"{what}: manifest content hashes to {got}, but the registry "
                          f"says {header_digest}")
    try:
        doc = json.loads(data)
    except ValueError:
        raise RegistryError(f"{what}: the manifest is not valid JSON") from None
    if not isinstance(doc, dict):
        raise RegistryError(f"{what}: the manifest is not a JSON object")
    declared = doc.get("mediaType")
    if media_type not in MANIFEST_TYPES | INDEX_TYPES:
        if isinstance(declared, str) and declared in MANIFEST_TYPES | INDEX_TYPES and (
                media_type in ("", "application/json", "text/plain")):
            media_type = declared
        else:
            shown = media_type or declared or "none"
            raise RegistryError(f"{what}: unsupported manifest media type {shown!r}")
    if isinstance(declared, str) and declared and declared != media_type:
        raise RegistryError(f"{what}: manifest mediaType {declared!r} does not match its "
                            f"Content-Type {media_type!r}")
    if doc.get("schemaVersion") != 2:
        raise RegistryError(f"{what}: unsupported manifest schemaVersion "
                            f"{doc.get('schemaVersion')!r}")
    return Descriptor(media_type, got, len(data)), doc, data


def _small_blob(store: Store, client: RegistryClient, repo: str, desc: Descriptor) -> bytes:
    if store.has_blob(desc.digest):
        try:
            return store.read_blob(desc.digest, desc.size)
        except DigestError:
            pass
    if desc.size > (64 << 20):
        raise RegistryError(f"config blob {desc.digest} is too large ({desc.size} bytes)")
    out = bytearray()

    def sink(chunk: bytes) -> None:
        out.extend(chunk)

    _with_retries(client, f"blob {desc.digest}",
                  lambda: _stream(client, repo, desc, sink, out.clear))
    data = bytes(out)
    if sha256_digest(data) != desc.digest:
        raise DigestError(f"blob {desc.digest} from {client.domain}/{repo} is corrupt: its "
                          f"content hashes to {sha256_digest(data)}")
    return data


def _stream(client: RegistryClient, repo: str, desc: Descriptor,
            sink: Callable[[bytes], None], reset: Callable[[], None]) -> None:
    """Feed the blob to ``sink``, failing on more or fewer bytes than its size."""
    reset()
    resp = client.open_blob(repo, desc.digest)
    try:
        got = 0
        pending: list[bytes] = []
        held = 0
        for chunk in resp.iter_raw():
            got += len(chunk)
            if got > desc.size:
                raise DigestError(f"blob {desc.digest} from {client.domain}/{repo} is larger "
                                  f"than its {desc.size} bytes")
            pending.append(chunk)
            held += len(chunk)
            if held >= _BATCH:
                sink(b"".join(pending))
                pending.clear()
                held = 0
        if pending:
            sink(b"".join(pending))
        if got != desc.size:
            raise _Truncated(f"blob {desc.digest} from {client.domain}/{repo} is truncated: "
                             f"{got} of {desc.size} bytes")
    finally:
        resp.close()


class _Truncated(RegistryError):
    """A blob body that ended early (retried like a dropped connection)."""


def _with_retries(client: RegistryClient, what: str, action: Callable[[], None]) -> None:
    for attempt in range(client.attempts):
        try:
            action()
            return
        except (httpx.TransportError, _Truncated) as exc:
            if attempt + 1 == client.attempts:
                if isinstance(exc, _Truncated):
                    raise
                raise RegistryError(f"{client.domain}: {what}: {type(exc).__name__}: "
                                    f"{exc}") from None
            time.sleep(client.backoff * (2 ** attempt))


def _have_layer(store: Store, layer: Descriptor, diff_id: str) -> bool:
    """Whether the store holds the blob ``layer`` (recorded as ``diff_id`` if it was not)."""
    if not store.has_blob(layer.digest):
        return False
    if not any(r.descriptor.digest == layer.digest for r in store.layer_records(diff_id)):
        store.record_layer(diff_id, Descriptor(layer.media_type, layer.digest, layer.size))
    return True


def _download_layer(store: Store, client: RegistryClient, repo: str, layer: Descriptor,
                    diff_id: str, progress: Progress | None,
                    fetched: list[LayerRecord]) -> None:
    """Stream a layer into the store; commit only when its digest and size match."""

    def attempt() -> None:
        sent = 0
        with store.blob_writer(layer.digest, layer.media_type) as writer:

            def sink(chunk: bytes) -> None:
                nonlocal sent
                writer.write(chunk)
                sent += len(chunk)
                if progress:
                    progress("bytes", layer, len(chunk))

            def reset() -> None:
                if progress:
                    progress("start", layer, 0)

            try:
                _stream(client, repo, layer, sink, reset)
            except (httpx.TransportError, _Truncated):
                if progress and sent:
                    progress("bytes", layer, -sent)
                raise
            if writer.current_digest() != layer.digest:
                raise DigestError(f"blob {layer.digest} from {client.domain}/{repo} does not "
                                  "match its digest; nothing was stored")
        assert writer.descriptor is not None
        fetched.append(LayerRecord(diff_id, writer.descriptor, None))  # verified at unpack
        if progress:
            progress("done", layer, 0)

    _with_retries(client, f"blob {layer.digest}", attempt)
