"""The exported cache format, import verification, sizes and durations, LRU pruning."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from builder import cachekey
from builder.cache import BuildCache, CacheRecord
from builder.cache_export import export_records
from builder.cache_gc import prune, usage, verify
from builder.cache_import import import_all, install_layer
from builder.cache_io import CacheDirWriter, CacheManifest, Entry, LayerBlob, read_cache_dir
from builder.errors import CacheError, DigestError, DockyardError
from builder.layers import Change, write_layer
from builder.store import Store
from builder.units import parse_duration, parse_size


def test_sizes_and_durations() -> None:
    assert parse_size("10GB") == 10 * 1024**3
    assert parse_size("512 MiB") == 512 * 1024**2
    assert parse_size("1.5k") == 1536
    assert parse_size("300") == 300
    assert parse_duration("1h30m") == 5400
    assert parse_duration("7d") == 7 * 86400
    for bad in ("", "ten", "10XB", "-1GB"):
        with pytest.raises(DockyardError):
            parse_size(bad)
    for bad in ("", "h", "10", "1h 2m", "3y"):
        with pytest.raises(DockyardError):
            parse_duration(bad)


def _layer(store: Store, tmp: Path, name: str, content: bytes) -> LayerBlob:
    src = tmp / f"src-{name}"
    src.write_bytes(content)
    rec = store.commit_layer([Change(name, "add", str(src))])
    return LayerBlob(rec.descriptor.digest, rec.descriptor.size, rec.descriptor.media_type,
                     rec.diff_id)


def _inputs(n: int) -> dict[str, object]:
    return {"v": 1, "parent": "scratch", "kind": "RUN", "instruction": {"n": n},
            "slot": f"s/{n}/RUN"}


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, Store, BuildCache, list[CacheRecord]]:
    root = tmp_path / "root"
    store = Store(root)
    store.ensure()
    cache = BuildCache(root)
    records = []
    for n, size in enumerate((1000, 20000, 300000)):
        layer = _layer(store, tmp_path, f"f{n}", os.urandom(size))
        inputs = _inputs(n)
        key = cachekey.digest_of(inputs)
        records.append(cache.commit(key, CacheRecord(
            key=key, layer_digest=layer.digest, diff_id=layer.diff_id, inputs=inputs,
            stage="s", instruction=f"RUN {n}", created=100.0 + n, last_used=100.0 + n)))
    return root, store, cache, records


def test_export_import_round_trip_verifies_and_keeps_created(
    tmp_path: Path, filled: tuple[Path, Store, BuildCache, list[CacheRecord]]
) -> None:
    _, store, cache, records = filled
    dest = tmp_path / "x"
    report = export_records(store, records, dest)
    assert (report.entries, report.blobs_written) == (3, 3)
    manifest = read_cache_dir(dest)
    assert set(manifest.entries) == {r.key for r in records}
    again = export_records(store, records, dest)
    assert (again.blobs_written, again.blobs_reused) == (0, 3)
    other = tmp_path / "other"
    with BuildCache(other) as c2:
        got = import_all(other, dest, Store(other), c2)
        assert (got.imported, got.damaged) == (3, [])
        rec = c2.lookup(records[1].key, touch=False)
        assert rec is not None and rec.created == records[1].created
        assert Store(other).has_blob(records[1].layer_digest or "")
        assert verify(Store(other), c2).damaged == {}
    cache.close()


def test_export_removes_blobs_no_longer_named_and_temp_files(
    tmp_path: Path, filled: tuple[Path, Store, BuildCache, list[CacheRecord]]
) -> None:
    _, store, cache, records = filled
    dest = tmp_path / "x"
    export_records(store, records, dest)
    (dest / "blobs" / "sha256" / ".tmp-crashed").write_bytes(b"half")
    export_records(store, records[:1], dest)
    names = {p.name for p in (dest / "blobs" / "sha256").iterdir()}
    assert len(names) == 3  # the layer, the cache manifest, the OCI manifest
    assert len(read_cache_dir(dest).entries) == 1
    index = json.loads((dest / "index.json").read_text())
    assert index["manifests"][0]["artifactType"] == "application/vnd.dockyard.cache.v1"
    cache.close()


def test_record_whose_key_is_not_its_inputs_digest_is_dropped() -> None:
    inputs = _inputs(7)
    with pytest.raises(CacheError, match="not the digest"):
        Entry.from_dict({"key": "blake3:" + "0" * 64, "inputs": inputs})
    ok = Entry.from_dict({"key": cachekey.digest_of(inputs), "inputs": inputs})
    assert ok.layer is None


def test_damaged_blob_is_not_installed(
    tmp_path: Path, filled: tuple[Path, Store, BuildCache, list[CacheRecord]]
) -> None:
    _, store, cache, records = filled
    dest = tmp_path / "x"
    export_records(store, records, dest)
    layer = read_cache_dir(dest).entries[records[2].key].layer
    assert layer is not None
    path = dest / "blobs" / "sha256" / layer.digest[7:]
    data = bytearray(path.read_bytes())
    data[100] ^= 1
    path.write_bytes(bytes(data))
    other = Store(tmp_path / "other")
    other.ensure()
    with pytest.raises(DockyardError):
        install_layer(other, dest, layer)
    assert not other.has_blob(layer.digest)
    assert not list(other.tmp_dir.iterdir())
    # a blob whose bytes match but whose claimed diff_id does not
    good = read_cache_dir(dest).entries[records[1].key].layer
    assert good is not None
    lie = LayerBlob(good.digest, good.size, good.media_type, "sha256:" + "1" * 64)
    with pytest.raises(DigestError, match="diff_id"):
        install_layer(other, dest, lie)
    cache.close()


def test_symlinked_blobs_are_refused(
    tmp_path: Path, filled: tuple[Path, Store, BuildCache, list[CacheRecord]]
) -> None:
    _, store, cache, records = filled
    dest = tmp_path / "x"
    export_records(store, records, dest)
    layer = read_cache_dir(dest).entries[records[0].key].layer
    assert layer is not None
    path = dest / "blobs" / "sha256" / layer.digest[7:]
    secret = tmp_path / "secret"
    secret.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(secret)
    other = Store(tmp_path / "other")
    other.ensure()
    with pytest.raises(DockyardError):
        install_layer(other, dest, layer)
    evil = tmp_path / "evil"
    (evil / "blobs").mkdir(parents=True)
    (evil / "blobs" / "sha256").symlink_to(tmp_path)
    with pytest.raises(CacheError):
        read_cache_dir(evil)
    with pytest.raises(CacheError), CacheDirWriter(evil):
        pass
    cache.close()


def test_unreadable_caches_raise_cache_error(tmp_path: Path) -> None:
    with pytest.raises(CacheError):
        read_cache_dir(tmp_path / "missing")
    d = tmp_path / "empty"
    with CacheDirWriter(d) as w:
        w.commit(CacheManifest())
    assert read_cache_dir(d).entries == {}
    (d / "index.json").write_text('{"manifests": [{"artifactType": "x"}]}')
    with pytest.raises(CacheError, match="no dockyard cache"):
        read_cache_dir(d)


def test_prune_keep_storage_is_lru_and_verify_repair(
    tmp_path: Path, filled: tuple[Path, Store, BuildCache, list[CacheRecord]]
) -> None:
    root, store, cache, records = filled
    cache.lookup(records[0].key)  # the oldest becomes the most recently used
    sizes = {r.key: store.blob_path(r.layer_digest or "").stat().st_size for r in records}
    total = usage(root, store, cache).total
    assert total == sum(sizes.values())
    budget = total - sizes[records[1].key]
    report = prune(root, store, cache, keep_storage=budget)
    assert [r.key for r in report.removed] == [records[1].key]
    assert usage(root, store, cache).total <= budget
    assert not store.has_blob(records[1].layer_digest or "")  # collected
    assert store.has_blob(records[2].layer_digest or "")  # kept: a live record names it
    path = store.blob_path(records[2].layer_digest or "")
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    assert set(verify(store, cache).damaged) == {records[2].key}
    assert verify(store, cache, repair=True).repaired == 1
    assert verify(store, cache).damaged == {}
    assert cache.lookup(records[2].key) is None and not path.exists()
    cache.close()


def test_layer_blob_of_uncompressed_layer(tmp_path: Path) -> None:
    store = Store(tmp_path / "r")
    store.ensure()
    src = tmp_path / "f"
    src.write_bytes(b"x" * 10)
    buf = io.BytesIO()
    digests = write_layer([Change("f", "add", str(src))], buf, compression="none")
    desc = store.put_blob(buf.getvalue())
    assert digests.diff_id == "sha256:" + hashlib.sha256(buf.getvalue()).hexdigest()
    dest = tmp_path / "x"
    inputs = _inputs(1)
    key = cachekey.digest_of(inputs)
    rec = CacheRecord(key=key, layer_digest=desc.digest, diff_id=digests.diff_id, inputs=inputs)
    export_records(store, [rec], dest)
    layer = read_cache_dir(dest).entries[key].layer
    assert layer is not None and layer.media_type.endswith("layer.v1.tar")


def test_store_gc_keeps_the_layers_cache_records_name(
    tmp_path: Path, filled: tuple[Path, Store, BuildCache, list[CacheRecord]]
) -> None:
    _, store, cache, records = filled
    store.gc()
    assert all(store.has_blob(r.layer_digest or "") for r in records)
    cache.remove([records[0].key])
    store.gc()
    assert not store.has_blob(records[0].layer_digest or "")
    assert store.has_blob(records[1].layer_digest or "")
    cache.close()


def _raw_cache(d: Path, config: bytes, annotations: object = None) -> None:
    blobs = d / "blobs" / "sha256"
    blobs.mkdir(parents=True)

    def put(data: bytes) -> tuple[str, int]:
        digest = hashlib.sha256(data).hexdigest()
        (blobs / digest).write_bytes(data)
        return "sha256:" + digest, len(data)

    cdig, csize = put(config)
    manifest = json.dumps({"schemaVersion": 2, "config": {
        "mediaType": "application/vnd.dockyard.cache.config.v1+json", "digest": cdig,
        "size": csize}, "layers": []}).encode()
    mdig, msize = put(manifest)
    entry: dict[str, object] = {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                                "digest": mdig, "size": msize,
                                "artifactType": "application/vnd.dockyard.cache.v1"}
    if annotations is not None:
        entry["annotations"] = annotations
    (d / "index.json").write_text(json.dumps({"schemaVersion": 2, "manifests": [entry]}))


@pytest.mark.parametrize(
    "config",
    [b'{"version": 1, "records": 5}', b'{"version": 1, "records": {"a": 1}}',
     b'{"version": 2, "records": []}', b"[1, 2]", b"\xff\xfe"],
)
def test_hostile_cache_manifests_raise_cache_error(tmp_path: Path, config: bytes) -> None:
    _raw_cache(tmp_path / "c", config, annotations=["not", "a", "dict"])
    with pytest.raises(CacheError):
        read_cache_dir(tmp_path / "c")


def test_malformed_records_are_dropped_one_by_one(tmp_path: Path) -> None:
    inputs = _inputs(3)
    good = {"key": cachekey.digest_of(inputs), "inputs": inputs, "layer": None}
    bad_layer = {"key": cachekey.digest_of(_inputs(4)), "inputs": _inputs(4),
                 "layer": {"digest": "sha256:../../etc/passwd", "size": 1,
                           "mediaType": "x", "diffID": "sha256:" + "0" * 64}}
    config = json.dumps({"version": 1, "records": [good, bad_layer, 7, {"key": 1}],
                         "mounts": [{"name": "../x", "layer": {}}]}).encode()
    _raw_cache(tmp_path / "c", config)
    manifest = read_cache_dir(tmp_path / "c")
    assert list(manifest.entries) == [good["key"]]
    assert len(manifest.problems) == 4 and manifest.mounts == {}
