"""``system df``'s arithmetic on a constructed store: layers counted once, shared layers by
their stack, what is reclaimable of images, containers, volumes and the build cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.cache import CacheRecord
from builder.descriptor import Descriptor
from builder.diskusage import (
    ContainerUsage,
    VolumeUsage,
    cache_summary,
    cache_usage,
    containers_summary,
    image_usage,
    images_summary,
    volume_usage,
    volumes_summary,
)
from builder.image import History, ImageConfig, commit_image
from builder.layers import changes_from_tree
from builder.reference import parse
from builder.runner.container import Container
from builder.store import Image, LayerRecord, Store


def layer(store: Store, base: Path, name: str, size: int) -> LayerRecord:
    tree = base / name
    tree.mkdir()
    (tree / name).write_bytes(b"x" * size)
    with store.session():
        return store.commit_layer(changes_from_tree(tree), compression="gzip", epoch=0)


def image(store: Store, layers: list[LayerRecord], name: str, created: str) -> Image:
    config = ImageConfig(
        architecture="amd64", created=created, diff_ids=tuple(x.diff_id for x in layers),
        history=tuple(History(created_by=f"step {i}") for i in range(len(layers))),
    )
    return commit_image(store, config.to_bytes(), [x.descriptor for x in layers],
                        [parse(name)])


def container(image_id: str = "", status: str = "exited",
              volumes: tuple[str, ...] = ()) -> Container:
    mounts = [{"Type": "volume", "Name": v, "Destination": f"/{i}"}
              for i, v in enumerate(volumes)]
    return Container("/nonexistent", {"Id": "0" * 64, "Name": "c", "Image": image_id,
                                      "Mounts": mounts}, {"Status": status})


@pytest.fixture
def store(tmp_path: Path) -> tuple[Store, dict[str, Image]]:
    """Images a = [L1 1000B, L2 500B], b = [L1, L3 30B], c = [L2]: L1 is shared by a and
    b; L2 on its own is another stack than L2 on L1, so c shares nothing."""
    s = Store(tmp_path / "root")
    base = tmp_path / "trees"
    base.mkdir()
    l1, l2, l3 = layer(s, base, "one", 1000), layer(s, base, "two", 500), layer(s, base,
                                                                                "three", 30)
    return s, {"a": image(s, [l1, l2], "a:1", "2024-01-01T00:00:00Z"),
               "b": image(s, [l1, l3], "b:1", "2024-01-03T00:00:00Z"),
               "c": image(s, [l2], "c:1", "2024-01-02T00:00:00Z")}


def test_images_share_layers_by_stack(store: tuple[Store, dict[str, Image]]) -> None:
    s, images = store
    usage, layers_size = image_usage(s, list(images.values()), [])
    assert layers_size == 1000 + 500 + 30 + 500  # each stack once
    assert [(u.image.id, u.size, u.shared, u.unique, u.containers) for u in usage] == [
        (images["b"].id, 1030, 1000, 30, 0),  # newest first
        (images["c"].id, 500, 0, 500, 0),
        (images["a"].id, 1500, 1000, 500, 0),
    ]
    assert images_summary(usage, layers_size).as_dict() == {
        "total": 3, "active": 0, "size": 2030, "reclaimable": 2030, "percent": True}


def test_images_a_container_uses_keep_their_own_layers(
        store: tuple[Store, dict[str, Image]]) -> None:
    s, images = store
    users = [container(images["a"].id), container(images["a"].id, "running"),
             container(images["c"].id, "created")]
    usage, layers_size = image_usage(s, list(images.values()), users)
    assert {u.image.id: u.containers for u in usage} == {
        images["a"].id: 2, images["b"].id: 0, images["c"].id: 1}
    # Docker's rule: what is shared stays reclaimable, even if every user of it is active
    summary = images_summary(usage, layers_size)
    assert (summary.active, summary.reclaimable) == (2, 2030 - 500 - 500)


def test_containers_active_are_running_paused_restarting() -> None:
    usage = [ContainerUsage(container(status=s), n) for s, n in [
        ("running", 10), ("paused", 1), ("restarting", 2), ("exited", 900), ("created", 87),
        ("dead", 0)]]
    assert containers_summary(usage).as_dict() == {
        "total": 6, "active": 3, "size": 1000, "reclaimable": 987, "percent": True}


def test_volumes_sizes_and_links(tmp_path: Path) -> None:
    for name, data in [("named", b"12345\n"), ("0" * 64, b""), ("idle", b"x" * 10)]:
        (tmp_path / "volumes" / name / "_data").mkdir(parents=True)
        (tmp_path / "volumes" / name / "_data" / "f").write_bytes(data)
    (tmp_path / "volumes" / "named" / "_data" / "link").hardlink_to(
        tmp_path / "volumes" / "named" / "_data" / "f")  # one inode, counted once
    (tmp_path / "volumes" / "named" / ".filled").touch()  # beside the data: not counted
    (tmp_path / "volumes" / "stray").mkdir()  # no _data: not a volume
    users = [container(volumes=("named", "named")), container(volumes=("named", "0" * 64))]
    usage = volume_usage(tmp_path, users)
    assert usage == [VolumeUsage("0" * 64, str(tmp_path / "volumes" / ("0" * 64) / "_data"),
                                 0, 1),
                     VolumeUsage("idle", str(tmp_path / "volumes/idle/_data"), 10, 0),
                     VolumeUsage("named", str(tmp_path / "volumes/named/_data"), 6, 2)]
    assert volumes_summary(usage).as_dict() == {
        "total": 3, "active": 2, "size": 16, "reclaimable": 10, "percent": True}
    assert volume_usage(tmp_path / "nothing", users) == []


def test_build_cache_counts_what_no_image_has(store: tuple[Store, dict[str, Image]],
                                              tmp_path: Path) -> None:
    s, images = store
    own = layer(s, tmp_path / "trees", "own", 4000).descriptor
    in_image = Descriptor.from_dict(images["a"].manifest["layers"][0])
    records = [
        CacheRecord("blake3:1", own.digest, None, last_used=30.0),
        CacheRecord("blake3:2", own.digest, None, last_used=10.0),  # the same blob: once
        CacheRecord("blake3:3", in_image.digest, None, last_used=20.0),  # shared
        CacheRecord("blake3:4", None, None, last_used=20.0),  # a config change
        CacheRecord("blake3:5", "sha256:" + "f" * 64, None, last_used=5.0),  # blob gone
    ]
    usage = cache_usage(s, records, list(images.values()))
    assert [(u.record.key, u.size, u.shared) for u in usage] == [
        ("blake3:5", 0, False), ("blake3:2", own.size, False),
        ("blake3:3", in_image.size, True), ("blake3:4", 0, False),
        ("blake3:1", own.size, False)]  # least recently used first
    assert cache_summary(usage).as_dict() == {
        "total": 5, "active": 0, "size": own.size, "reclaimable": own.size, "percent": False}
