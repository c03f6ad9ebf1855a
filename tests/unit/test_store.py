"""The local store: atomic verified blobs, tags in index.json, unpacked layers, GC."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.descriptor import MEDIA_OCI_LAYER, MEDIA_OCI_MANIFEST, Descriptor
from builder.errors import (
    DigestError,
    LayerError,
    NotFoundError,
    ReferenceFormatError,
    StoreError,
)
from builder.image import History, ImageConfig, commit_image
from builder.layers import Compression, changes_from_tree
from builder.reference import parse
from builder.store import Image, Store


def make_image(store: Store, tree: Path, name: str | None = "app:1", *,
               compression: Compression = "gzip") -> Image:
    with store.session():
        layer = store.commit_layer(changes_from_tree(tree), compression=compression, epoch=0)
        config = ImageConfig(
            architecture="amd64", created="2024-01-01T00:00:00Z",
            diff_ids=(layer.diff_id,), history=(History(created_by="test"),),
        )
        return commit_image(store, config.to_bytes(), [layer.descriptor],
                            [parse(name)] if name else [])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "hello").write_text("hello\n")
    (root / "bin").mkdir()
    (root / "bin" / "tool").write_bytes(b"\x7fELF" + b"x" * 1000)
    (root / "bin" / "tool").chmod(0o755)
    return root


def test_layout_files(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.ensure()
    assert json.loads((tmp_path / "store" / "oci-layout").read_text()) == {
        "imageLayoutVersion": "1.0.0"}
    index = json.loads((tmp_path / "store" / "index.json").read_text())
    assert index["schemaVersion"] == 2 and index["manifests"] == []


def test_put_and_open_blob(tmp_path: Path) -> None:
    store = Store(tmp_path)
    data = b"some bytes" * 1000
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    desc = store.put_blob(data)
    assert desc == Descriptor("application/octet-stream", digest, len(data))
    assert (tmp_path / "store/blobs/sha256" / digest[7:]).read_bytes() == data
    assert store.put_blob(io.BytesIO(data), expected_digest=digest).digest == digest
    assert store.read_blob(digest, len(data)) == data
    assert store.has_blob(digest)
    assert list(store.tmp_dir.iterdir()) == []


def test_put_blob_wrong_digest_leaves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(DigestError):
        store.put_blob(io.BytesIO(b"abc"), expected_digest="sha256:" + "0" * 64)
    assert list(store.blobs_dir.iterdir()) == []
    assert list(store.tmp_dir.iterdir()) == []


def test_blob_writer_exception_leaves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(RuntimeError), store.blob_writer() as writer:
        writer.write(b"partial")
        raise RuntimeError("producer failed")
    assert list(store.blobs_dir.iterdir()) == []
    assert list(store.tmp_dir.iterdir()) == []


def test_open_blob_detects_corruption(tmp_path: Path) -> None:
    store = Store(tmp_path)
    desc = store.put_blob(b"x" * 5000)
    path = store.blob_path(desc.digest)
    path.chmod(0o644)
    path.write_bytes(b"y" * 5000)
    with pytest.raises(DigestError, match="corrupt"):
        store.read_blob(desc.digest)
    path.write_bytes(b"x" * 4000)
    with pytest.raises(DigestError, match="4000 bytes, expected 5000"):
        store.read_blob(desc.digest, desc.size)
    with pytest.raises(NotFoundError):
        store.open_blob("sha256:" + "1" * 64)
    assert store.fsck() == []  # not referenced by index.json: not checked


def test_tag_resolve_untag(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    index = json.loads((tmp_path / "store/index.json").read_text())
    (entry,) = index["manifests"]
    assert entry["mediaType"] == MEDIA_OCI_MANIFEST
    assert entry["annotations"] == {
        "io.containerd.image.name": "docker.io/library/app:1",
        "org.opencontainers.image.ref.name": "1",
    }
    assert store.resolve("app:1").id == image.id
    assert store.resolve("docker.io/library/app:1").id == image.id
    assert store.resolve(image.id).digest == image.digest
    assert store.resolve(image.id[7:19]).digest == image.digest
    assert store.resolve(f"app@{image.digest}").id == image.id
    with pytest.raises(NotFoundError, match="No such image: app:2"):
        store.resolve("app:2")
    with pytest.raises(NotFoundError):
        store.resolve("app")  # :latest

    store.tag(parse("other"), image.descriptor)
    (img,) = store.images()
    assert sorted(n.familiar for n in img.names) == ["app:1", "other:latest"]
    assert store.untag(parse("other")).digest == image.digest
    with pytest.raises(NotFoundError):
        store.untag(parse("other"))
    with pytest.raises(ReferenceFormatError, match="digest"):
        store.tag(parse(f"x@{image.digest}"), image.descriptor)
    assert store.fsck() == []


def test_moving_a_tag_leaves_the_old_image_dangling(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    first = make_image(store, tree, "app:1")
    (tree / "etc" / "new").write_text("new")
    second = make_image(store, tree, "app:1")
    images = {i.digest: i for i in store.images()}
    assert set(images) == {first.digest, second.digest}
    assert images[first.digest].names == ()
    assert [n.familiar for n in images[second.digest].names] == ["app:1"]
    assert store.prune_dangling() == [first.id]
    assert [i.digest for i in store.images()] == [second.digest]


def test_remove_image_semantics(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    store.tag(parse("app:2"), image.descriptor)
    store.tag(parse("elsewhere/app:1"), image.descriptor)
    with pytest.raises(StoreError, match="must be forced"):
        store.remove_image(image.id[7:19])
    assert store.remove_image("app:2") == [("Untagged", "app:2")]
    events = store.remove_image(image.id, force=True)
    assert ("Deleted", image.id) in events
    assert ("Untagged", "elsewhere/app:1") in events
    assert store.images() == []
    # rmi collected the blobs
    assert list(store.blobs_dir.iterdir()) == []


def test_last_tag_removal_deletes_image(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    assert store.remove_image("app:1") == [("Untagged", "app:1"), ("Deleted", image.id),
                                           ("Deleted", image.diff_ids[0])]
    assert store.images() == []


REPO_DIGEST = "sha256:" + "d" * 64  # what a registry gave for the image


def test_repo_digests_are_names_beside_the_tags(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "reg.example/app:1")
    store.add_image(image.descriptor, [parse(f"reg.example/app@{REPO_DIGEST}")])
    entries = json.loads((tmp_path / "store/index.json").read_text())["manifests"]
    assert [e["annotations"] for e in entries] == [
        {"io.containerd.image.name": "reg.example/app:1",
         "org.opencontainers.image.ref.name": "1"},
        {"io.containerd.image.name": f"reg.example/app@{REPO_DIGEST}"},  # no ref.name
    ]
    (img,) = store.images()
    assert [str(n) for n in img.names] == ["reg.example/app:1", f"reg.example/app@{REPO_DIGEST}"]
    # found by the repo digest, with or without a tag beside it, in its repository only
    assert store.resolve(f"reg.example/app@{REPO_DIGEST}").digest == image.digest
    assert store.resolve(f"reg.example/app:9@{REPO_DIGEST}").digest == image.digest
    with pytest.raises(NotFoundError):
        store.resolve(f"reg.example/other@{REPO_DIGEST}")
    with pytest.raises(ReferenceFormatError, match="not both"):
        store.add_image(image.descriptor, [parse(f"reg.example/app:1@{REPO_DIGEST}")])
    assert store.fsck() == []


def test_a_repo_digest_moves_only_when_asked(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    first = make_image(store, tree, "app:1")
    (tree / "etc" / "new").write_text("new")
    second = make_image(store, tree, "app:2")
    digest_name = parse(f"app@{REPO_DIGEST}")
    store.add_image(first.descriptor, [digest_name])
    store.add_image(second.descriptor, [digest_name], move_digests=False)  # as a pull by tag
    assert store.resolve(str(digest_name)).digest == first.digest
    store.add_image(second.descriptor, [digest_name])  # as a pull by digest
    assert store.resolve(str(digest_name)).digest == second.digest
    # a tag moving away leaves the old image its repo digests: not dangling for images
    store.add_image(first.descriptor, [digest_name])
    store.tag(parse("app:1"), second.descriptor)
    names = {i.digest: [str(n) for n in i.names] for i in store.images()}
    assert names[first.digest] == [f"docker.io/library/app@{REPO_DIGEST}"]


def test_rmi_of_a_repositorys_last_tag_takes_its_repo_digests(tmp_path: Path,
                                                               tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    for name in ("app:2", "other:1"):
        store.tag(parse(name), image.descriptor)
    store.add_image(image.descriptor, [parse(f"app@{REPO_DIGEST}"),
                                       parse(f"other@{REPO_DIGEST}")])
    assert store.remove_image(f"app@{REPO_DIGEST}") == [("Untagged", f"app@{REPO_DIGEST}")]
    store.add_image(image.descriptor, [parse(f"app@{REPO_DIGEST}")])
    assert store.remove_image("app:1") == [("Untagged", "app:1")]  # app:2 keeps it
    assert store.remove_image("app:2") == [("Untagged", "app:2"),
                                           ("Untagged", f"app@{REPO_DIGEST}")]
    assert store.remove_image("other:1") == [("Untagged", "other:1"),
                                             ("Untagged", f"other@{REPO_DIGEST}"),
                                             ("Deleted", image.id),  # and its freed layer
                                             ("Deleted", image.diff_ids[0])]
    assert store.images() == []


def test_rmi_by_id_needs_force_unless_one_tag_of_one_repository(tmp_path: Path,
                                                                tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    store.add_image(image.descriptor, [parse(f"app@{REPO_DIGEST}")])
    store.tag(parse("app:2"), image.descriptor)
    with pytest.raises(StoreError, match="must be forced"):  # two tags, as Docker
        store.remove_image(image.id)
    store.untag(parse("app:2"))
    assert store.remove_image(image.id[7:19]) == [
        ("Untagged", "app:1"), ("Untagged", f"app@{REPO_DIGEST}"), ("Deleted", image.id),
        ("Deleted", image.diff_ids[0])]
    # repo digests alone, in two repositories: forced, every name goes in order
    image = make_image(store, tree, None)
    store.add_image(image.descriptor, [parse(f"b@{REPO_DIGEST}"), parse(f"a@{REPO_DIGEST}")])
    with pytest.raises(StoreError, match="must be forced"):
        store.remove_image(image.id)
    assert store.remove_image(image.id, force=True) == [
        ("Untagged", f"a@{REPO_DIGEST}"), ("Untagged", f"b@{REPO_DIGEST}"),
        ("Deleted", image.id), ("Deleted", image.diff_ids[0])]


def test_rmi_lists_the_layers_it_frees_top_first(tmp_path: Path, tree: Path) -> None:
    """As Docker: the deleted image, then the chain IDs of the layers no other image holds."""
    from builder.image import chain_ids

    store = Store(tmp_path)
    base = make_image(store, tree, "base:1")
    with store.session():
        top = store.commit_layer(changes_from_tree(tree / "etc"), compression="gzip", epoch=0)
        config = ImageConfig(architecture="amd64", created="2024-01-01T00:00:00Z",
                             diff_ids=(base.diff_ids[0], top.diff_id),
                             history=(History(created_by="a"), History(created_by="b")))
        child = commit_image(store, config.to_bytes(), [*base.layers, top.descriptor],
                             [parse("child:1")])
    chains = chain_ids(child.diff_ids)
    assert store.remove_image("child:1") == [  # the base's layer stays: base:1 holds it
        ("Untagged", "child:1"), ("Deleted", child.id), ("Deleted", chains[1])]
    assert store.remove_image("base:1") == [
        ("Untagged", "base:1"), ("Deleted", base.id), ("Deleted", chains[0])]


def test_an_image_with_only_repo_digests_is_pruned(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, None)
    store.add_image(image.descriptor, [parse(f"app@{REPO_DIGEST}")])
    (tree / "etc" / "new").write_text("new")
    tagged = make_image(store, tree, "app:1")
    store.add_image(tagged.descriptor, [parse(f"app@sha256:{'e' * 64}")])
    assert store.prune_dangling() == [image.id]
    assert [i.digest for i in store.images()] == [tagged.digest]


def test_gc_keeps_referenced_and_removes_the_rest(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    stray = store.put_blob(b"unreferenced")
    (store.tmp_dir / "blob-stale").write_bytes(b"half a blob")
    report = store.gc()
    assert report.blobs == [stray.digest]
    assert not (store.tmp_dir / "blob-stale").exists()
    for digest in (image.digest, image.id, *(layer.digest for layer in image.layers)):
        assert store.has_blob(digest)
    assert store.fsck() == []
    assert store.gc(keep=[]).blobs == []


def test_gc_waits_for_sessions(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.session():
        desc = store.put_blob(b"not yet tagged")
        assert store.gc(blocking=False).blobs == []
        assert store.has_blob(desc.digest)
    assert store.gc().blobs == [desc.digest]


def test_fsck_reports_corrupt_referenced_blob(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    layer = store.blob_path(image.layers[0].digest)
    data = layer.read_bytes()
    layer.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    problems = store.fsck()
    assert len(problems) == 1 and image.layers[0].digest in problems[0]


def test_index_survives_concurrent_taggers(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    script = (
        "import sys\n"
        "from builder.store import Store\n"
        "from builder.reference import parse\n"
        "s = Store(sys.argv[1]); img = s.resolve('app:1')\n"
        "for i in range(15): s.tag(parse(f'app:{sys.argv[2]}-{i}'), img.descriptor)\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), str(n)])
             for n in range(4)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    (img,) = store.images()
    assert len(img.names) == 61
    assert img.digest == image.digest


def test_a_damaged_pulled_layer_is_named_when_first_unpacked(tmp_path: Path) -> None:
    """A pulled (unverified) blob that is no tar stream fails with the layer named."""
    store = Store(tmp_path / "root")
    store.ensure()
    blob = store.put_blob(b"not a tar stream at all" * 40, media_type=MEDIA_OCI_LAYER)
    diff_id = "sha256:" + hashlib.sha256(b"not a tar stream at all" * 40).hexdigest()
    store.record_layer(diff_id, blob)  # as a pull records it: not verified
    with pytest.raises(LayerError, match=f"layer {blob.digest} .diff_id {diff_id}. is "
                                         "damaged: "):
        store.unpacked(diff_id)
    assert not [p for p in store.layers_dir.iterdir() if p.name != ".db"]


def test_unpacked_layer(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path / "root")
    image = make_image(store, tree, "app:1")
    path = store.unpacked(image.diff_ids[0])
    assert path == store.layers_dir / image.diff_ids[0][7:]
    assert (path / "etc" / "hello").read_text() == "hello\n"
    assert (path / "bin" / "tool").stat().st_mode & 0o777 == 0o755
    assert store.unpacked(image.diff_ids[0]) == path
    with pytest.raises(NotFoundError):
        store.unpacked("sha256:" + "2" * 64)
    store.remove_image("app:1")
    assert not path.exists()


def test_unpacked_concurrently(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path / "root")
    for i in range(200):
        (tree / f"f{i}").write_text(str(i) * 100)
    image = make_image(store, tree, "app:1")
    script = (
        "import sys\nfrom builder.store import Store\n"
        "print(Store(sys.argv[1]).unpacked(sys.argv[2]))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(store.root), image.diff_ids[0]],
                              stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outs = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(outs) == 1
    assert sorted(p.name for p in store.layers_dir.iterdir()) == [image.diff_ids[0][7:]]
    assert len(list(Path(outs.pop()).iterdir())) == 202


def test_damaged_image_is_reported_and_removable(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    store.blob_path(image.id).unlink()  # the config is gone
    assert store.images() == []
    problems = store.fsck()
    assert problems and image.id in problems[0]
    with pytest.raises(NotFoundError):
        store.resolve("app:1")
    assert store.remove_image("app:1") == [("Untagged", "app:1"), ("Deleted", image.digest)]
    assert store.index_entries() == []
    assert store.fsck() == []


def test_unpacked_finds_layers_of_images_written_by_other_tools(tmp_path: Path,
                                                                tree: Path) -> None:
    store = Store(tmp_path)
    image = make_image(store, tree, "app:1")
    store.db_path.unlink()  # as if skopeo had copied the image into the layout
    store = Store(tmp_path)
    path = store.unpacked(image.diff_ids[0])
    assert (path / "etc" / "hello").read_text() == "hello\n"
    assert store.layer_records(image.diff_ids[0])[0].descriptor == image.layers[0]


def test_gc_running_alongside_writers(tmp_path: Path, tree: Path) -> None:
    import threading

    from builder.archive import SaveItem, save

    store = Store(tmp_path)
    stop = threading.Event()
    errors: list[BaseException] = []

    def collector() -> None:
        try:
            while not stop.is_set():
                Store(tmp_path).gc()
        except BaseException as exc:  # reported below
            errors.append(exc)

    thread = threading.Thread(target=collector)
    thread.start()
    try:
        for i in range(8):
            (tree / "etc" / "n").write_text(str(i))
            image = make_image(store, tree, f"app:{i}")
            store.tag(parse(f"copy:{i}"), image.descriptor)
            save(store, [SaveItem(image, image.names)], io.BytesIO(), "oci", "none")
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert len(store.images()) == 8
    assert store.fsck() == []


def _dirty_bytes(path: Path) -> int | None:
    """How much of ``path`` sits dirty in the page cache (cachestat(2), Linux 6.5+)."""
    import ctypes

    class Range(ctypes.Structure):
        _fields_ = [("off", ctypes.c_uint64), ("len", ctypes.c_uint64)]

    class Stat(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "cache", "dirty", "writeback", "evicted", "recently_evicted")]

    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    got = Stat()
    with open(path, "rb") as f:
        if libc.syscall(451, f.fileno(), ctypes.byref(Range(0, 0)), ctypes.byref(got), 0) < 0:
            return None
    return got.dirty * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.parametrize("chunk", [None, 1 << 40])
def test_a_large_blob_is_written_back_while_it_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int | None) -> None:
    """Writeback starts every WRITEBACK_CHUNK bytes, so a large layer is not left for the
    final fsync to write all at once (the control, with no writeback, shows the test can
    tell)."""
    import builder.blobs

    if chunk is not None:
        monkeypatch.setattr(builder.blobs, "WRITEBACK_CHUNK", chunk)
    store = Store(tmp_path / "root")
    data = os.urandom(1 << 20)
    with store.blob_writer() as writer:
        for _ in range(40):
            writer.write(data)
        (temp,) = store.tmp_dir.glob("blob-*")
        dirty = _dirty_bytes(temp)
        if dirty is None:
            pytest.skip("no cachestat(2) in this kernel")
    if chunk is None:
        assert dirty <= builder.blobs.WRITEBACK_CHUNK + (1 << 20)
    else:
        assert dirty >= 32 << 20
    assert store.blob_path(writer.descriptor.digest).stat().st_size == 40 << 20  # type: ignore[union-attr]


def test_content_size_as_docker_counts_it(tmp_path: Path, tree: Path) -> None:
    """Files' bytes (a hardlinked inode once) and symlink targets, directories nothing; read
    from the blob, the same as counted in the unpacked directory, and kept until GC."""
    from builder.blobs import counted_size
    from builder.layers.content import content_size

    os.link(tree / "bin" / "tool", tree / "bin" / "tool2")
    os.symlink("../etc/hello", tree / "bin" / "hello")
    expected = 1004 + 6 + len("../etc/hello")
    store = Store(tmp_path / "root")
    image = make_image(store, tree, "app:1", compression="zstd")
    diff_id = image.diff_ids[0]
    assert not (store.layers_dir / diff_id[7:]).exists()
    assert store.content_size(diff_id) == expected  # from the tar
    assert counted_size(str(store.unpacked(diff_id))) == expected
    # the count is kept: it is not taken again (a layer directory never changes; this one
    # is changed only to tell)
    store.layers_dir.joinpath(diff_id[7:], "etc", "hello").unlink()
    assert store.content_size(diff_id) == expected
    assert store.layer_size(diff_id, image.layers[0]) == expected
    with store.session(), store.open_blob(image.layers[0].digest) as blob:
        from builder.layers import open_uncompressed

        with open_uncompressed(blob) as plain:
            assert content_size(plain) == expected
    store.remove_image("app:1")
    assert store.content_size(diff_id) is None  # gone with the layer, not counted again
    assert store.layer_size(diff_id, image.layers[0]) == image.layers[0].size


def test_content_size_of_a_tar_with_whiteouts_and_rewrites() -> None:
    import tarfile

    from builder.layers.content import content_size

    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, body in [("./a", b"12345"), ("d/.wh.gone", b""), ("a", b"xy"),
                           ("d/.wh..wh..opq", b"")]:
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
        fifo = tarfile.TarInfo("p")
        fifo.type = tarfile.FIFOTYPE
        tar.addfile(fifo)
    data.seek(0)
    assert content_size(data) == 2  # "./a" rewritten as "a"


def _delta_pair(tmp_path: Path) -> tuple[Store, Image, Image, Path]:
    """Two images of one layer each, the second's layer kept as a delta over the first's
    unpacked dir (what it adds: etc/more)."""
    store = Store(tmp_path / "root")
    first_tree, second_tree = tmp_path / "first", tmp_path / "second"
    (first_tree / "etc").mkdir(parents=True)
    (first_tree / "etc" / "hello").write_text("hello\n")
    (second_tree / "etc").mkdir(parents=True)
    for name, text in (("hello", "hello\n"), ("more", "more\n")):
        (second_tree / "etc" / name).write_text(text)
    for tree in (first_tree, second_tree):
        for path in (tree / "etc", tree):
            os.utime(path, (0, 0))
    first = make_image(store, first_tree, "app:1")
    second = make_image(store, second_tree, "app:2")
    delta = tmp_path / "delta"
    (delta / "etc").mkdir(parents=True)
    (delta / "etc" / "more").write_text("more\n")
    store.unpacked(first.diff_ids[0])
    assert store.adopt_delta(second.diff_ids[0], delta, first.diff_ids[0])
    return store, first, second, delta


def test_a_delta_dir_is_stacked_on_its_base(tmp_path: Path) -> None:
    store, first, second, delta = _delta_pair(tmp_path)
    assert not delta.exists()  # moved in
    kept = store.layers_dir / f"{second.diff_ids[0][7:]}.delta"
    assert store.lowers(second.diff_ids[0]) == [store.unpacked(first.diff_ids[0]),
                                               kept / "tree"]
    assert (kept / "base").read_text() == first.diff_ids[0]
    assert not (store.layers_dir / second.diff_ids[0][7:]).exists()
    assert store.lowers(first.diff_ids[0]) == [store.unpacked(first.diff_ids[0])]
    # taken once: a second delta (or one for an unpacked layer) is refused
    other = tmp_path / "other"
    other.mkdir()
    assert not store.adopt_delta(second.diff_ids[0], other, first.diff_ids[0])
    assert not store.adopt_delta(first.diff_ids[0], other, second.diff_ids[0])
    assert other.is_dir()


def test_a_delta_whose_base_dir_is_gone_is_unpacked_whole(tmp_path: Path) -> None:
    store, first, second, _ = _delta_pair(tmp_path)
    import shutil

    shutil.rmtree(store.unpacked(first.diff_ids[0]))
    (lower,) = store.lowers(second.diff_ids[0])
    assert lower == store.layers_dir / second.diff_ids[0][7:]
    assert sorted(os.listdir(lower / "etc")) == ["hello", "more"]
    # the delta is now redundant: GC drops it, and keeps the whole dir
    store.gc()
    assert not (store.layers_dir / f"{second.diff_ids[0][7:]}.delta").exists()
    assert lower.is_dir()


def test_gc_keeps_a_base_while_a_delta_over_it_is_kept(tmp_path: Path) -> None:
    store, first, second, _ = _delta_pair(tmp_path)
    kept = store.layers_dir / f"{second.diff_ids[0][7:]}.delta"
    base = store.layers_dir / first.diff_ids[0][7:]
    store.gc()
    assert kept.is_dir()  # both layers are an image's
    store.remove_image("app:1")
    store.gc()
    assert not store.has_blob(first.layers[0].digest)
    assert base.is_dir() and kept.is_dir()  # a container of app:2 may have both mounted
    assert store.lowers(second.diff_ids[0]) == [base, kept / "tree"]
    store.remove_image("app:2")
    store.gc()
    assert not base.exists() and not kept.exists()


def test_a_damaged_delta_record_is_not_stacked(tmp_path: Path) -> None:
    store, _, second, _ = _delta_pair(tmp_path)
    kept = store.layers_dir / f"{second.diff_ids[0][7:]}.delta"
    (kept / "base").write_text("sha256:nonsense")
    (lower,) = store.lowers(second.diff_ids[0])
    assert sorted(os.listdir(lower / "etc")) == ["hello", "more"]
    store.gc()
    assert not kept.exists()


def test_a_base_a_kept_delta_needs_is_in_use_for_system_df(tmp_path: Path) -> None:
    from builder.diskusage import store_usage

    store, *_ = _delta_pair(tmp_path)
    store.remove_image("app:1")
    store.gc()
    _, dirs = store_usage(store, store.images(), [])
    assert (dirs.total, dirs.active, dirs.reclaimable) == (2, 2, 0)  # base and delta: in use
