"""Hostile tarballs through the store: ``import`` and ``load`` write nothing outside the
store, fail with a clear error or neutralise the entry, and leave the store consistent.

The layer cases are the layers module's battery (``test_layers_hostile.CASES``); here each
one goes through :func:`builder.archive.import_rootfs`, and, wrapped in a docker-archive,
through :func:`builder.archive.load` and :meth:`Store.unpacked`. The store lives in
``tmp_path/target``, the only directory the fingerprint ignores.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from builder.archive import import_rootfs, load
from builder.errors import DigestError, DockyardError, LayerError, StoreError
from builder.layers import open_uncompressed
from builder.reference import parse
from builder.store import Store
from tests.unit.test_image import _file, _symlink, _tar_bytes, layer_tar, legacy_archive
from tests.unit.test_layers_hostile import CASES, Arena, Case, _arena, _fingerprint

STORE_CASES = [c for c in CASES if c.setup is None]


def _consistent(store: Store) -> None:
    assert store.fsck() == []
    assert not [p for p in store.layers_dir.iterdir() if p.name.startswith(".tmp-")]
    assert list(store.tmp_dir.iterdir()) == []


def _diff_id(blob: bytes) -> str:
    try:
        with open_uncompressed(io.BytesIO(blob)) as tar:
            return "sha256:" + hashlib.sha256(tar.read()).hexdigest()
    except LayerError:
        return "sha256:" + hashlib.sha256(blob).hexdigest()


def _setup(tmp_path: Path, case: Case) -> tuple[Arena, Store, bytes]:
    arena = _arena(tmp_path)
    store = Store(arena.target)
    store.ensure()
    return arena, store, case.build(arena)


@pytest.mark.parametrize("case", STORE_CASES, ids=[c.id for c in STORE_CASES])
def test_import_hostile(tmp_path: Path, case: Case) -> None:
    arena, store, blob = _setup(tmp_path, case)
    before = _fingerprint(arena)
    if case.expect_error:
        with pytest.raises(DockyardError):
            import_rootfs(store, io.BytesIO(blob), [parse("hostile:1")])
        assert store.images() == []
    else:
        (image,) = [import_rootfs(store, io.BytesIO(blob), [parse("hostile:1")])]
        # the re-written layer is clean: unpacking it again is uneventful
        store.unpacked(image.diff_ids[0])
    assert _fingerprint(arena) == before
    assert arena.sentinel.read_text() == "precious"
    _consistent(store)


@pytest.mark.parametrize("case", STORE_CASES, ids=[c.id for c in STORE_CASES])
def test_load_hostile_layer(tmp_path: Path, case: Case) -> None:
    arena, store, blob = _setup(tmp_path, case)
    before = _fingerprint(arena)
    archive = legacy_archive([blob], diff_ids=[_diff_id(blob)])
    try:
        (image,) = load(store, io.BytesIO(archive))
    except DockyardError:
        assert case.expect_error  # corrupt compressed data is caught while checking diff_ids
        assert store.images() == []
    else:
        if case.expect_error:
            with pytest.raises(DockyardError):
                store.unpacked(image.diff_ids[0])
            assert not (store.layers_dir / image.diff_ids[0][7:]).exists()
        else:
            store.unpacked(image.diff_ids[0])
    assert _fingerprint(arena) == before
    assert arena.sentinel.read_text() == "precious"
    _consistent(store)


def test_load_hostile_outer_archive(tmp_path: Path) -> None:
    arena = _arena(tmp_path)
    store = Store(arena.target)
    before = _fingerprint(arena)
    layer = layer_tar({"a": b"1"})
    good = legacy_archive([layer])
    bad_names = _tar_bytes([
        _file("../../outside/evil", b"x"),
        _file(str(arena.outside / "abs"), b"x"),
        _symlink("layer.tar", str(arena.sentinel)),
        _file("manifest.json", json.dumps(
            [{"Config": "../../outside/sentinel", "Layers": ["layer.tar"]}]).encode()),
    ])
    with pytest.raises(StoreError):
        load(store, io.BytesIO(bad_names))
    truncated = good[: len(good) // 2]
    with pytest.raises(StoreError):
        load(store, io.BytesIO(truncated))
    with pytest.raises(StoreError):
        load(store, io.BytesIO(gzip.compress(good)[:-100]))
    (image,) = load(store, io.BytesIO(good))
    assert _fingerprint(arena) == before
    assert store.fsck() == []
    assert image.names[0].familiar == "legacy:1"


def test_load_oci_with_wrong_blob_digest(tmp_path: Path) -> None:
    store = Store(tmp_path / "root")
    layer = layer_tar({"a": b"1"})
    diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
    config = json.dumps({"architecture": "amd64", "os": "linux",
                         "rootfs": {"type": "layers", "diff_ids": [diff_id]}}).encode()

    def blob(data: bytes) -> tuple[str, dict[str, object]]:
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        return digest, {"digest": digest, "size": len(data)}

    layer_digest, layer_desc = blob(layer)
    config_digest, config_desc = blob(config)
    manifest = json.dumps({
        "schemaVersion": 2, "config": {**config_desc, "mediaType": "x"},
        "layers": [{**layer_desc, "mediaType": "application/vnd.oci.image.layer.v1.tar"}],
    }).encode()
    manifest_digest, manifest_desc = blob(manifest)
    index = json.dumps({"schemaVersion": 2, "manifests": [{
        **manifest_desc, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "annotations": {"io.containerd.image.name": "docker.io/library/oci:1"}}]}).encode()

    def archive(layer_body: bytes) -> bytes:
        return _tar_bytes([
            _file("oci-layout", b'{"imageLayoutVersion":"1.0.0"}'),
            _file("index.json", index),
            _file(f"blobs/sha256/{manifest_digest[7:]}", manifest),
            _file(f"blobs/sha256/{config_digest[7:]}", config),
            _file(f"blobs/sha256/{layer_digest[7:]}", layer_body),
        ])

    tampered = layer_tar({"a": b"2"})
    assert len(tampered) == len(layer)
    with pytest.raises(DigestError):
        load(store, io.BytesIO(archive(tampered)))
    assert store.images() == []
    (image,) = load(store, io.BytesIO(archive(layer)))
    assert image.digest == manifest_digest
    assert [n.familiar for n in image.names] == ["oci:1"]
    store.gc()
    assert store.fsck() == []
    assert sorted(os.listdir(store.blobs_dir)) == sorted(
        d[7:] for d in (manifest_digest, config_digest, layer_digest))
