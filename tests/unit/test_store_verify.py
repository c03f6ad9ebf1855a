"""Layer records whose diff_id is only claimed (as a pull records them) and their checks:
:meth:`Store.verify_layer` on every compression, :meth:`Store.unpacked` hashing what it
extracts, exports refusing a layer that is not its diff_id."""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

import pytest
import zstandard

from builder.archive import SaveItem, save
from builder.descriptor import (
    MEDIA_OCI_LAYER,
    MEDIA_OCI_LAYER_GZIP,
    MEDIA_OCI_LAYER_ZSTD,
    Descriptor,
)
from builder.errors import DigestError, LayerError
from builder.image import History, ImageConfig, commit_image
from builder.layers import changes_from_tree, write_layer
from builder.reference import parse
from builder.store import Image, LayerRecord, Store


def _tar(tree: Path) -> bytes:
    out = io.BytesIO()
    write_layer(changes_from_tree(tree), out, compression="none", epoch=0)
    return out.getvalue()


def _sha(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _claim(store: Store, blob: bytes, media_type: str, diff_id: str) -> Descriptor:
    """Store ``blob`` and record it as ``diff_id`` unverified, as a pull does."""
    desc = store.put_blob(blob, media_type=media_type)
    store.record_layer(diff_id, desc)
    return desc


def _image(store: Store, layer: Descriptor, diff_id: str, name: str = "x:1") -> Image:
    config = ImageConfig(architecture="amd64", created="2024-01-01T00:00:00Z",
                         diff_ids=(diff_id,), history=(History(created_by="test"),))
    return commit_image(store, config.to_bytes(), [layer], [parse(name)])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "hello").write_text("hello\n")
    (root / "data").write_bytes(bytes(range(256)) * 400)
    return root


@pytest.fixture
def other(tmp_path: Path) -> Path:
    root = tmp_path / "other"
    root.mkdir()
    (root / "evil").write_text("not the layer the config names\n")
    return root


def test_verify_layer_reads_every_compression(tmp_path: Path, tree: Path) -> None:
    tar = _tar(tree)
    diff_id = _sha(tar)
    cctx = zstandard.ZstdCompressor()
    blobs = {
        "plain": (tar, MEDIA_OCI_LAYER),
        "gzip": (gzip.compress(tar, mtime=0), MEDIA_OCI_LAYER_GZIP),
        "gzip, two members": (gzip.compress(tar[:7000], mtime=0)
                              + gzip.compress(tar[7000:], mtime=0), MEDIA_OCI_LAYER_GZIP),
        "gzip, zero padding": (gzip.compress(tar, mtime=0) + bytes(512), MEDIA_OCI_LAYER_GZIP),
        "zstd, two frames": (cctx.compress(tar[:9000]) + cctx.compress(tar[9000:]),
                             MEDIA_OCI_LAYER_ZSTD),
    }
    store = Store(tmp_path / "root")
    for what, (blob, media_type) in blobs.items():
        desc = _claim(store, blob, media_type, diff_id)
        [before] = [r for r in store.layer_records(diff_id) if r.descriptor.digest == desc.digest]
        assert not before.verified, what
        record = store.verify_layer(diff_id, desc)
        assert record == LayerRecord(diff_id, desc, len(tar)), what
        [after] = [r for r in store.layer_records(diff_id) if r.descriptor.digest == desc.digest]
        assert after.verified and after.uncompressed_size == len(tar), what
    assert store.uncompressed_size(diff_id) == len(tar)


def test_verify_layer_refuses_a_false_diff_id_and_forgets_it(tmp_path: Path, tree: Path,
                                                             other: Path) -> None:
    store = Store(tmp_path / "root")
    claimed = _sha(_tar(tree))
    desc = _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP, claimed)
    with pytest.raises(DigestError, match=f"does not hold diff_id {claimed}"):
        store.verify_layer(claimed, desc)
    assert store.layer_records(claimed) == []
    assert store.uncompressed_size(claimed) is None


def test_verify_layer_refuses_broken_compression(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path / "root")
    tar = _tar(tree)
    data = gzip.compress(tar, mtime=0)
    desc = _claim(store, data[: len(data) // 2], MEDIA_OCI_LAYER_GZIP, _sha(tar))
    with pytest.raises((LayerError, DigestError)):
        store.verify_layer(_sha(tar), desc)
    assert not any(r.verified for r in store.layer_records(_sha(tar)))


def test_recording_again_without_a_size_keeps_a_layer_verified(tmp_path: Path,
                                                                tree: Path) -> None:
    store = Store(tmp_path / "root")
    tar = _tar(tree)
    desc = _claim(store, tar, MEDIA_OCI_LAYER, _sha(tar))
    store.verify_layer(_sha(tar), desc)
    store.record_layer(_sha(tar), desc)
    [rec] = store.layer_records(_sha(tar))
    assert rec.verified and rec.uncompressed_size == len(tar)


def test_unpacking_a_claimed_layer_verifies_it(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path / "root")
    tar = _tar(tree)
    desc = _claim(store, zstandard.ZstdCompressor().compress(tar), MEDIA_OCI_LAYER_ZSTD,
                  _sha(tar))
    path = store.unpacked(_sha(tar))
    assert (path / "etc" / "hello").read_text() == "hello\n"
    assert store.layer_records(_sha(tar)) == [LayerRecord(_sha(tar), desc, len(tar))]


def test_unpacking_a_false_diff_id_fails_and_leaves_nothing(tmp_path: Path, tree: Path,
                                                            other: Path) -> None:
    store = Store(tmp_path / "root")
    claimed = _sha(_tar(tree))
    _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP, claimed)
    with pytest.raises(DigestError, match=f"does not hold diff_id {claimed}"):
        store.unpacked(claimed)
    assert list(store.layers_dir.iterdir()) == []
    assert store.layer_records(claimed) == []


def test_unpacking_prefers_the_blob_that_holds_the_layer(tmp_path: Path, tree: Path,
                                                         other: Path) -> None:
    """A false claim about a layer another blob really holds does not replace it."""
    store = Store(tmp_path / "root")
    tar = _tar(tree)
    _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP, _sha(tar))
    good = _claim(store, gzip.compress(tar, mtime=1), MEDIA_OCI_LAYER_GZIP, _sha(tar))
    path = store.unpacked(_sha(tar))
    assert (path / "etc" / "hello").read_text() == "hello\n"
    assert not (path / "evil").exists()
    assert store.layer_records(_sha(tar)) == [LayerRecord(_sha(tar), good, len(tar))]


def test_unpacking_a_false_claim_beside_a_verified_blob(tmp_path: Path, tree: Path,
                                                        other: Path) -> None:
    store = Store(tmp_path / "root")
    tar = _tar(tree)
    with store.session():
        rec = store.commit_layer(changes_from_tree(tree), compression="gzip", epoch=0)
    assert rec.diff_id == _sha(tar) and rec.verified
    _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP, rec.diff_id)
    path = store.unpacked(rec.diff_id)
    assert not (path / "evil").exists() and (path / "etc" / "hello").is_file()


@pytest.mark.parametrize(("fmt", "compression"), [
    ("docker", "keep"), ("oci", "keep"), ("docker", "none"), ("oci", "zstd")])
def test_save_refuses_a_layer_that_is_not_its_diff_id(tmp_path: Path, tree: Path, other: Path,
                                                      fmt: str, compression: str) -> None:
    store = Store(tmp_path / "root")
    claimed = _sha(_tar(tree))
    layer = _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP, claimed)
    image = _image(store, layer, claimed)
    with pytest.raises(DigestError, match=f"does not hold diff_id {claimed}"):
        save(store, [SaveItem(image, image.names)], io.BytesIO(), fmt,  # type: ignore[arg-type]
             compression)  # type: ignore[arg-type]
    assert store.layer_records(claimed) == []
    assert [p for p in store.tmp_dir.iterdir() if p.name.startswith("save-")] == []


def test_save_verifies_a_claimed_layer_once(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path / "root")
    tar = _tar(tree)
    layer = _claim(store, gzip.compress(tar, mtime=0), MEDIA_OCI_LAYER_GZIP, _sha(tar))
    image = _image(store, layer, _sha(tar))
    out = io.BytesIO()
    save(store, [SaveItem(image, image.names)], out, "docker", "keep")
    assert out.getvalue()
    assert store.layer_records(_sha(tar)) == [LayerRecord(_sha(tar), layer, len(tar))]


def test_a_layer_found_only_in_an_image_is_verified_at_unpack(tmp_path: Path, tree: Path,
                                                              other: Path) -> None:
    """An image another tool wrote into the layout, whose config names a diff_id its blob
    does not hold, is not extracted under that diff_id."""
    store = Store(tmp_path / "root")
    claimed = _sha(_tar(tree))
    with store.session():
        layer = store.put_blob(gzip.compress(_tar(other), mtime=0),
                               media_type=MEDIA_OCI_LAYER_GZIP)
        _image(store, layer, claimed)
    assert store.layer_records(claimed) == []
    with pytest.raises(DigestError, match=f"does not hold diff_id {claimed}"):
        store.unpacked(claimed)
    assert list(store.layers_dir.iterdir()) == []


def test_push_recompression_reuses_only_a_verified_copy(tmp_path: Path, tree: Path,
                                                        other: Path) -> None:
    """A claimed gzip copy of a layer is not taken for the gzip form of a zstd layer."""
    from builder.registry.push import _recompress

    store = Store(tmp_path / "root")
    with store.session():
        rec = store.commit_layer(changes_from_tree(tree), compression="zstd", epoch=0)
    false = _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP,
                   rec.diff_id)
    got = _recompress(store, rec.descriptor, rec.diff_id, "gzip")
    assert got.digest != false.digest
    assert _sha(gzip.decompress(store.read_blob(got.digest))) == rec.diff_id
    assert store.verify_layer(rec.diff_id, got).uncompressed_size == rec.uncompressed_size


def test_push_recompression_refuses_a_layer_that_is_not_its_diff_id(tmp_path: Path,
                                                                    tree: Path,
                                                                    other: Path) -> None:
    from builder.registry.push import _recompress

    store = Store(tmp_path / "root")
    claimed = _sha(_tar(tree))
    layer = _claim(store, gzip.compress(_tar(other), mtime=0), MEDIA_OCI_LAYER_GZIP, claimed)
    blobs = set(store.blobs_dir.iterdir())
    with pytest.raises(DigestError, match=f"does not hold diff_id {claimed}"):
        _recompress(store, layer, claimed, "zstd")
    assert set(store.blobs_dir.iterdir()) == blobs
    assert store.layer_records(claimed) == []
