"""Image configs and manifests; docker-archive and OCI tarballs both ways; rootfs import."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import threading
from pathlib import Path

import pytest

from builder.archive import SaveItem, import_rootfs, load, save
from builder.cli.import_ import apply_change
from builder.descriptor import MEDIA_OCI_LAYER, MEDIA_OCI_LAYER_GZIP, MEDIA_OCI_LAYER_ZSTD
from builder.errors import DigestError, DockyardError, StoreError
from builder.image import (
    History,
    ImageConfig,
    RunConfig,
    build_manifest,
    chain_ids,
    commit_image,
    host_architecture,
)
from builder.layers import Compression, changes_from_tree
from builder.reference import parse
from builder.store import Image, Store

DOCKER_CONFIG = (
    b'{"architecture":"amd64","config":{"Hostname":"","User":"","Env":["PATH=/bin"],'
    b'"Cmd":["/bin/busybox","echo","hi"],"Volumes":null,"WorkingDir":"/work",'
    b'"Entrypoint":null,"OnBuild":null,"Labels":{"a":"b"}},"created":"2024-01-01T00:00:00Z",'
    b'"docker_version":"20.10.24","history":[{"created_by":"COPY x"},'
    b'{"created_by":"ENV","empty_layer":true}],"os":"linux",'
    b'"rootfs":{"type":"layers","diff_ids":["sha256:' + b"a" * 64 + b'"]}}'
)


def test_config_parse_keeps_unknown_fields() -> None:
    config = ImageConfig.from_bytes(DOCKER_CONFIG)
    assert config.config.env == ("PATH=/bin",)
    assert config.config.cmd == ("/bin/busybox", "echo", "hi")
    assert config.config.entrypoint is None
    assert config.config.working_dir == "/work"
    assert dict(config.config.labels) == {"a": "b"}
    assert config.diff_ids == ("sha256:" + "a" * 64,)
    assert [h.empty_layer for h in config.history] == [False, True]
    assert config.extra == {"docker_version": "20.10.24"}
    config.check()
    again = ImageConfig.from_bytes(config.to_bytes())
    assert again == config


def test_config_bytes_are_canonical() -> None:
    config = ImageConfig(
        architecture="arm64", variant="v8", created="2024-01-01T00:00:00Z",
        config=RunConfig(env=("A=1",), cmd=("sh",), exposed_ports=("80/tcp",),
                         volumes=("/data",), stop_signal="SIGTERM", args_escaped=True,
                         healthcheck={"Test": ["CMD", "true"]}, shell=("/bin/sh", "-c"),
                         on_build=("RUN x",), user="1:1"),
        diff_ids=("sha256:" + "b" * 64,), history=(History(created_by="x"),),
    )
    data = config.to_bytes()
    assert data == config.to_bytes()
    assert b" " not in data.replace(b"RUN x", b"")
    doc = json.loads(data)
    assert list(doc) == sorted(doc)
    assert doc["config"]["ExposedPorts"] == {"80/tcp": {}}
    assert doc["config"]["Volumes"] == {"/data": {}}
    assert doc["variant"] == "v8"
    assert ImageConfig.from_bytes(data).config == config.config


def test_history_must_match_layers() -> None:
    config = ImageConfig(diff_ids=("sha256:" + "b" * 64,),
                         history=(History(created_by="a"), History(created_by="b")))
    with pytest.raises(StoreError, match="1 layers but 2 non-empty history"):
        config.check()
    with pytest.raises(StoreError, match="rootfs"):
        ImageConfig.from_bytes(b'{"rootfs":{"type":"other"}}')
    with pytest.raises(DigestError):
        ImageConfig.from_bytes(b'{"rootfs":{"type":"layers","diff_ids":["blake3:00"]}}')


def test_config_defaults_and_copies() -> None:
    a, b = ImageConfig(), ImageConfig()
    assert a.architecture == host_architecture()[0] and a.os == "linux"
    assert a.config == RunConfig() and a.extra == {} and a.config.labels == {}
    assert a == b and a.extra is not b.extra and a.config.labels is not b.config.labels
    assert ImageConfig(architecture="").architecture == ""
    layer = "sha256:" + "c" * 64
    grown = a.with_layer(layer, History(created_by="RUN x"))
    assert (grown.diff_ids, grown.history) == ((layer,), (History(created_by="RUN x"),))
    assert (a.diff_ids, a.history) == ((), ())
    assert grown.replace(diff_ids=(), history=()) == a
    assert grown != a and grown.to_bytes() != a.to_bytes()
    assert hash(History(created_by="x")) == hash(History(created_by="x"))
    assert History(created_by="x") != History(created_by="y")


def test_apply_change_returns_a_changed_copy() -> None:
    base = RunConfig(labels={"a": "1"}, exposed_ports=("22/tcp",))
    labelled = apply_change(base, "LABEL b=2")
    assert labelled.labels == {"a": "1", "b": "2"} and base.labels == {"a": "1"}
    assert labelled.replace(labels={"a": "1"}) == base
    assert apply_change(base, "EXPOSE 80").exposed_ports == ("22/tcp", "80/tcp")
    assert apply_change(base, "USER app") == RunConfig(
        user="app", labels={"a": "1"}, exposed_ports=("22/tcp",))


def test_chain_ids() -> None:
    a, b = "sha256:" + "1" * 64, "sha256:" + "2" * 64
    expected = "sha256:" + hashlib.sha256(f"{a} {b}".encode()).hexdigest()
    assert chain_ids([a, b]) == [a, expected]
    assert chain_ids([]) == []


def test_manifest_shape(tmp_path: Path) -> None:
    store = Store(tmp_path)
    config = store.put_blob(b"{}", media_type="application/vnd.oci.image.config.v1+json")
    layer = store.put_blob(b"layer", media_type=MEDIA_OCI_LAYER)
    doc = json.loads(build_manifest(config, [layer]))
    assert doc["schemaVersion"] == 2
    assert doc["mediaType"] == "application/vnd.oci.image.manifest.v1+json"
    assert doc["config"]["digest"] == config.digest
    assert doc["layers"] == [{"mediaType": MEDIA_OCI_LAYER, "digest": layer.digest, "size": 5}]


# -- archives -------------------------------------------------------------------------------


def build(store: Store, tree: Path, name: str, compression: Compression) -> Image:
    with store.session():
        layer = store.commit_layer(changes_from_tree(tree), compression=compression, epoch=0)
        config = ImageConfig(architecture="amd64", diff_ids=(layer.diff_id,),
                             config=RunConfig(cmd=("/bin/true",)),
                             history=(History(created_by="test"),))
        return commit_image(store, config.to_bytes(), [layer.descriptor], [parse(name)])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "hello").write_text("hello\n")
    os.symlink("hello", root / "etc" / "link")
    os.link(root / "etc" / "hello", root / "etc" / "hard")
    return root


def members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar if m.isfile()}  # type: ignore[union-attr]


@pytest.mark.parametrize("compression", ["zstd", "gzip", "none"])
def test_save_docker_then_load(tmp_path: Path, tree: Path, compression: Compression) -> None:
    src = Store(tmp_path / "a")
    image = build(src, tree, "app:1", compression)
    out = tmp_path / "x.tar"
    with open(out, "wb") as f:
        save(src, [SaveItem(image, image.names)], f, "docker")
    files = members(out)
    (entry,) = json.loads(files["manifest.json"])
    assert entry["RepoTags"] == ["app:1"]
    assert entry["Config"] == f"blobs/sha256/{image.id[7:]}"
    layer = files[entry["Layers"][0]]
    if compression == "gzip":
        assert layer[:2] == b"\x1f\x8b"
    else:
        assert layer[257:262] == b"ustar"
    assert json.loads(files["repositories"]) == {"app": {"1": entry["Layers"][0][13:]}}
    index = json.loads(files["index.json"])
    assert index["manifests"][0]["annotations"]["org.opencontainers.image.ref.name"] == "1"

    dst = Store(tmp_path / "b")
    with open(out, "rb") as f:
        (loaded,) = load(dst, f)
    assert loaded.id == image.id
    assert [n.familiar for n in loaded.names] == ["app:1"]
    if compression != "zstd":
        assert loaded.digest == image.digest
    else:
        assert loaded.layers[0].media_type == MEDIA_OCI_LAYER
    assert dst.fsck() == []
    assert (dst.unpacked(loaded.diff_ids[0]) / "etc" / "hello").read_text() == "hello\n"


def test_save_oci_keeps_blobs(tmp_path: Path, tree: Path) -> None:
    src = Store(tmp_path / "a")
    image = build(src, tree, "app:1", "zstd")
    buf = io.BytesIO()
    save(src, [SaveItem(image, image.names)], buf, "oci")
    buf.seek(0)
    with tarfile.open(fileobj=buf) as tar:
        names = tar.getnames()
    assert "manifest.json" not in names
    assert f"blobs/sha256/{image.layers[0].digest[7:]}" in names
    buf.seek(0)
    dst = Store(tmp_path / "b")
    (loaded,) = load(dst, buf)
    assert loaded.digest == image.digest
    assert loaded.layers[0].media_type == MEDIA_OCI_LAYER_ZSTD


def test_load_from_a_pipe(tmp_path: Path, tree: Path) -> None:
    src = Store(tmp_path / "a")
    image = build(src, tree, "app:1", "gzip")
    buf = io.BytesIO()
    save(src, [SaveItem(image, image.names)], buf, "docker")
    r, w = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(w, buf.getvalue()), os.close(w)))
    writer.start()
    with os.fdopen(r, "rb") as pipe:
        (loaded,) = load(Store(tmp_path / "b"), pipe)
    writer.join()
    assert loaded.id == image.id


def _tar_bytes(entries: list[tuple[tarfile.TarInfo, bytes | None]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in entries:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def _file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    return tarfile.TarInfo(name), data


def _symlink(name: str, target: str) -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = tarfile.SYMTYPE, target
    return info, None


def legacy_archive(layers: list[bytes], tags: list[str] | None = None,
                   diff_ids: list[str] | None = None) -> bytes:
    """A docker-archive in Docker 20.10's legacy layout; equal layers become symlinks."""
    ids = diff_ids or ["sha256:" + hashlib.sha256(layer).hexdigest() for layer in layers]
    history = [{"created_by": f"step {i}"} for i in range(len(layers))]
    config = json.dumps({"architecture": "amd64", "os": "linux", "history": history,
                         "rootfs": {"type": "layers", "diff_ids": ids}}).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    entries: list[tuple[tarfile.TarInfo, bytes | None]] = []
    paths: list[str] = []
    first: dict[bytes, str] = {}
    for i, layer in enumerate(layers):
        v1 = hashlib.sha256(f"v1-{i}".encode()).hexdigest()
        path = f"{v1}/layer.tar"
        if layer in first:
            entries.append(_symlink(path, f"../{first[layer]}"))
        else:
            first[layer] = path
            entries.append(_file(path, layer))
        paths.append(path)
    entries.append(_file(config_name, config))
    manifest = [{"Config": config_name, "RepoTags": tags or ["legacy:1"], "Layers": paths}]
    entries.append(_file("manifest.json", json.dumps(manifest).encode()))
    return _tar_bytes(entries)


def layer_tar(files: dict[str, bytes]) -> bytes:
    return _tar_bytes([_file(name, data) for name, data in files.items()])


def test_load_legacy_docker_archive_with_symlinked_layers(tmp_path: Path) -> None:
    one = layer_tar({"a": b"1"})
    empty = layer_tar({})
    data = legacy_archive([one, empty, empty])
    store = Store(tmp_path)
    (image,) = load(store, io.BytesIO(data))
    assert [n.familiar for n in image.names] == ["legacy:1"]
    assert [layer.media_type for layer in image.layers] == [MEDIA_OCI_LAYER] * 3
    assert store.fsck() == []


def test_load_rejects_wrong_diff_id(tmp_path: Path) -> None:
    store = Store(tmp_path)
    data = legacy_archive([layer_tar({"a": b"1"})], diff_ids=["sha256:" + "0" * 64])
    with pytest.raises(DigestError, match="invalid diffID for layer 0"):
        load(store, io.BytesIO(data))
    assert store.images() == []
    assert store.fsck() == []


def test_load_of_what_is_not_a_tarball_is_one_line(tmp_path: Path) -> None:
    store = Store(tmp_path / "root")
    junk, empty = tmp_path / "junk", tmp_path / "empty"
    junk.write_bytes(bytes(range(256)) * 4)
    empty.write_bytes(b"")
    for path, message in ((junk, f"not a tar archive (or a compressed one): {junk}"),
                          (empty, f"{empty} is empty")):
        with open(path, "rb") as src, pytest.raises(StoreError) as info:
            load(store, src)
        assert str(info.value) == f"invalid archive: {message}"
    with pytest.raises(StoreError) as info:
        load(store, io.BytesIO(b""))
    assert str(info.value) == "invalid archive: the input is empty"


def test_load_rejects_bad_archives(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(StoreError, match="invalid archive"):
        load(store, io.BytesIO(b"not a tar at all" * 100))
    with pytest.raises(StoreError, match=r"neither a manifest\.json"):
        load(store, io.BytesIO(_tar_bytes([_file("x", b"y")])))
    bad_tag = legacy_archive([layer_tar({})], tags=["Bad:Tag"])
    with pytest.raises(StoreError, match="bad tag"):
        load(store, io.BytesIO(bad_tag))
    escape = _tar_bytes([_symlink("manifest.json", "../../../etc/passwd")])
    with pytest.raises(StoreError, match="outside the archive"):
        load(store, io.BytesIO(escape))
    assert store.images() == []


def test_import_rootfs(tmp_path: Path, tree: Path) -> None:
    store = Store(tmp_path / "root")
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.add(tree, arcname=".")
    buf.seek(0)
    config = apply_change(RunConfig(), 'CMD ["/bin/sh"]')
    config = apply_change(config, "ENV A=1 B=2")
    config = apply_change(config, "EXPOSE 80")
    image = import_rootfs(store, buf, [parse("imported:v1")], config=config, epoch=0)
    assert image.config["config"] == {"Cmd": ["/bin/sh"], "Env": ["A=1", "B=2"],
                                      "ExposedPorts": {"80/tcp": {}}}
    assert image.config["history"] == [{"created": "1970-01-01T00:00:00Z",
                                        "comment": "Imported from -"}]
    assert image.layers[0].media_type == MEDIA_OCI_LAYER_GZIP
    root = store.unpacked(image.diff_ids[0])
    assert (root / "etc" / "hello").read_text() == "hello\n"
    assert os.readlink(root / "etc" / "link") == "hello"
    assert (root / "etc" / "hard").stat().st_ino == (root / "etc" / "hello").stat().st_ino
    with pytest.raises(DockyardError, match="not a valid change"):
        apply_change(config, "FROM x")


@pytest.mark.parametrize(("fmt", "compression", "expected"), [
    ("oci", "gzip", MEDIA_OCI_LAYER_GZIP),
    ("oci", "none", MEDIA_OCI_LAYER),
    ("oci", "keep", MEDIA_OCI_LAYER_ZSTD),
    ("docker", "keep", MEDIA_OCI_LAYER),
    ("docker", "gzip", MEDIA_OCI_LAYER_GZIP),
])
def test_save_recompresses(tmp_path: Path, tree: Path, fmt: str, compression: str,
                           expected: str) -> None:
    src = Store(tmp_path / "a")
    image = build(src, tree, "app:1", "zstd")
    buf = io.BytesIO()
    save(src, [SaveItem(image, image.names)], buf, fmt, compression)  # type: ignore[arg-type]
    buf.seek(0)
    dst = Store(tmp_path / "b")
    (loaded,) = load(dst, buf)
    assert loaded.id == image.id
    assert loaded.layers[0].media_type == expected
    assert (loaded.digest == image.digest) == (expected == MEDIA_OCI_LAYER_ZSTD)
    assert dst.fsck() == []


def test_save_refuses_zstd_docker_archives(tmp_path: Path, tree: Path) -> None:
    src = Store(tmp_path / "a")
    image = build(src, tree, "app:1", "zstd")
    with pytest.raises(StoreError, match="cannot hold zstd"):
        save(src, [SaveItem(image, image.names)], io.BytesIO(), "docker", "zstd")


def test_save_items_like_docker(tmp_path: Path, tree: Path) -> None:
    from builder.cli.save import save_items

    store = Store(tmp_path)
    one = build(store, tree, "app:1", "gzip")
    store.tag(parse("app:2"), one.descriptor)
    (tree / "etc" / "more").write_text("more")
    other = build(store, tree, "other:1", "gzip")
    (item,) = save_items(store, ("app",))
    assert sorted(n.familiar for n in item.names) == ["app:1", "app:2"]
    (item,) = save_items(store, ("app:2", one.id[7:19]))
    assert [n.familiar for n in item.names] == ["app:2"]
    (item,) = save_items(store, (other.id,))
    assert item.names == ()
    with pytest.raises(StoreError):
        save_items(store, ("missing",))


@pytest.mark.parametrize("wrap", ["gzip", "zstd"])
def test_load_compressed_archive(tmp_path: Path, tree: Path, wrap: str) -> None:
    import gzip

    import zstandard

    src = Store(tmp_path / "a")
    image = build(src, tree, "app:1", "gzip")
    buf = io.BytesIO()
    save(src, [SaveItem(image, image.names)], buf, "docker")
    packed = gzip.compress(buf.getvalue()) if wrap == "gzip" else zstandard.compress(
        buf.getvalue())
    path = tmp_path / "x.tar.z"
    path.write_bytes(packed)
    with open(path, "rb") as f:
        (loaded,) = load(Store(tmp_path / "b"), f)
    assert loaded.digest == image.digest
    (again,) = load(Store(tmp_path / "c"), io.BytesIO(packed))
    assert again.digest == image.digest
