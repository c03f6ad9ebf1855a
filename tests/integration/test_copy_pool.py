"""COPY into new paths: an empty snapshot, and context files linked from the file pool.

A COPY whose destination's first component no layer has is written into a plain directory
instead of through the overlay; files from the context are then hardlinked from
``<root>/pool`` when an earlier build wrote the same content with the same metadata. These
tests build for real and look at the unpacked layer directories and the layer blobs.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import zstandard

from builder.store import Store
from tests.integration.test_build_cache import BASE, ENV, build, context, dockyard
from tests.unit.test_layer_frames import zstd_frames

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _needs_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("builds need root (namespaces, overlayfs)")
    if not Path("/bin/busybox").exists():
        pytest.skip("busybox-static is not installed")


def diff_ids(root: Path, image: str) -> list[str]:
    out = dockyard(root, "inspect", image).stdout
    doc = json.loads(out)
    doc = doc[0] if isinstance(doc, list) else doc
    return list(doc["RootFS"]["Layers"])


def layer_dir(root: Path, diff_id: str) -> Path:
    return Store(root).unpacked(diff_id)


def layer_file(root: Path, diff_id: str, rel: str) -> Path:
    """Where the layer's own directories have ``rel``: the top one of its delta and its
    base when it is a delta (the unpacked dir else)."""
    for directory in reversed(Store(root).lowers(diff_id)):
        if os.path.lexists(directory / rel):
            return directory / rel
    raise FileNotFoundError(rel)


def layer_members(root: Path, diff_id: str) -> list[tarfile.TarInfo]:
    store = Store(root)
    blob = next(r.descriptor for r in store.layer_records(diff_id))
    data = store.blob_path(blob.digest).read_bytes()
    if "zstd" in blob.media_type:
        data = zstandard.ZstdDecompressor().stream_reader(  # every frame
            io.BytesIO(data), read_across_frames=True).read()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        return tar.getmembers()


COPY_NEW = BASE + "COPY src/ /src/\nRUN cat /src/a /src/c > /ac\n"


def test_a_rebuild_links_unchanged_files_and_writes_the_changed_one(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW, {"src/a": "alpha\n", "src/b": "beta\n", "src/c": "one\n"})
    first = build(root, ctx, "-t", "pool:1")
    old = layer_dir(root, diff_ids(root, "pool:1")[2])
    assert (old / "src" / "a").stat().st_nlink == 2  # the layer's and the pool's
    (ctx / "src" / "c").write_text("two\n")
    second = build(root, ctx, "-t", "pool:2")
    assert first.image != second.image
    layers = diff_ids(root, "pool:2")
    for name in ("a", "b"):
        new = layer_file(root, layers[2], f"src/{name}")
        assert new.stat().st_ino == (old / "src" / name).stat().st_ino
    new_c = layer_file(root, layers[2], "src/c")
    assert new_c.stat().st_ino != (old / "src" / "c").stat().st_ino
    assert new_c.read_text() == "two\n"
    assert (old / "src" / "c").read_text() == "one\n"  # the old layer is untouched
    assert (layer_dir(root, layers[3]) / "ac").read_text() == "alpha\ntwo\n"
    members = {m.name: m for m in layer_members(root, layers[2])}
    assert {n for n, m in members.items() if m.isfile()} == {"src/a", "src/b", "src/c"}
    assert not any(m.islnk() for m in members.values())
    assert members["src/c"].size == 4


def test_a_linked_layer_is_the_layer_written_without_links(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW, {"src/a": "alpha\n", "src/c": "c\n", "src/sub/c": "one\n"})
    os.utime(ctx / "src" / "a", ns=(1_700_000_000_123_456_789,) * 2)
    os.utime(ctx / "src" / "sub" / "c", ns=(1_700_000_001_987_654_321,) * 2)
    os.utime(ctx / "src" / "sub", ns=(1_700_000_002_000_000_001,) * 2)
    build(root, ctx, "-t", "p:1")  # an empty pool: every file is written (and pooled)
    build(root, ctx, "--no-cache", "-t", "p:2")  # every file is linked
    written, linked = diff_ids(root, "p:1")[2], diff_ids(root, "p:2")[2]
    # the linked layer's file is the written one's inode (the two layers are one when both
    # builds fell in the same second)
    a_written = layer_file(root, written, "src/a").stat()
    assert layer_file(root, linked, "src/a").stat().st_ino == a_written.st_ino
    # the same layer but for the time of /src, made by the copy (as Docker makes it)
    assert listing(root, linked) == listing(root, written)
    times = {m.name: m.mtime for m in layer_members(root, linked)}
    assert (times["src/a"], times["src/sub"], times["src/sub/c"]) == (
        1_700_000_000, 1_700_000_002, 1_700_000_001)


def listing(root: Path, diff_id: str) -> list[tuple[object, ...]]:
    return [(m.name, m.type, m.mode, m.uid, m.gid, m.size, m.linkname, m.pax_headers,
             m.mtime if m.name != "src" else None) for m in layer_members(root, diff_id)]


def test_equal_files_in_one_copy_stay_separate_files(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW, {"src/a": "same\n", "src/b": "same\n", "src/c": "c\n"})
    for name in ("a", "b"):
        os.utime(ctx / "src" / name, ns=(1_700_000_000_000_000_000,) * 2)
    build(root, ctx, "-t", "eq:1")
    layer = diff_ids(root, "eq:1")[2]
    members = {m.name: m for m in layer_members(root, layer)}
    assert members["src/a"].isfile() and members["src/b"].isfile()
    unpacked = layer_dir(root, layer)
    assert (unpacked / "src" / "a").stat().st_ino != (unpacked / "src" / "b").stat().st_ino


def test_a_copy_into_an_existing_directory_goes_through_the_overlay(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, BASE + "COPY src/a /bin/a\n", {"src/a": "alpha\n"})
    build(root, ctx, "-t", "ov:1")
    layer = diff_ids(root, "ov:1")[2]
    assert (layer_dir(root, layer) / "bin" / "a").stat().st_nlink == 1  # not pooled
    names = [m.name for m in layer_members(root, layer)]
    assert names == ["bin", "bin/a"]  # the copied-up parent, with the stage's metadata


def test_an_epoch_build_pools_nothing(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW, {"src/a": "a\n", "src/c": "c\n"})
    proc = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(root), "build", "-q", "-t", "ep:1",
         str(ctx)], env={**ENV, "SOURCE_DATE_EPOCH": "1000"}, capture_output=True, text=True,
        timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert list((root / "pool").iterdir()) == []
    layer = diff_ids(root, "ep:1")[2]
    assert {m.mtime for m in layer_members(root, layer)} == {1000}


def test_gc_drops_pooled_files_no_layer_links(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW, {"src/a": "a\n", "src/c": "c\n"})
    build(root, ctx, "-t", "gc:1")
    assert len(list((root / "pool").iterdir())) == 3  # busybox, a, c
    dockyard(root, "rmi", "gc:1")
    dockyard(root, "cache", "prune", "--all", "--force")
    assert list((root / "pool").iterdir()) == []


def test_a_copy_onto_a_deleted_path_goes_through_the_overlay(tmp_path: Path) -> None:
    # /data was made, then deleted (a whiteout in a layer): the copy is not "new", and the
    # image shows only what it copied
    dockerfile = BASE + ("RUN mkdir /data && echo old > /data/old\nRUN rm -rf /data\n"
                         "COPY src/ /data/\nRUN ls /data > /listing\n")
    root = tmp_path / "root"
    ctx = context(tmp_path, dockerfile, {"src/a": "a\n"})
    build(root, ctx, "-t", "wh:1")
    layers = diff_ids(root, "wh:1")
    copied = layer_dir(root, layers[4])
    assert (copied / "data" / "a").stat().st_nlink == 1  # written through the overlay
    assert (layer_dir(root, layers[5]) / "listing").read_text() == "a\n"


def test_xattrs_reach_the_layer_and_key_the_copy(tmp_path: Path) -> None:
    """A file's user.* xattrs and capabilities go into the layer from the context and
    from a stage (through the unpacked layer and a --chown); changing one re-runs the
    COPY of it and what follows, not what comes before."""
    import struct

    cap = struct.pack("<IIIII", 0x02000001, 1 << 10, 0, 0, 0)
    root = tmp_path / "root"
    ctx = context(tmp_path, "FROM scratch AS s\nCOPY other /other\nCOPY tool /tool\n"
                  "FROM scratch\nCOPY --from=s --chown=3:4 /tool /staged\n",
                  {"tool": "tool\n", "other": "other\n"})
    os.setxattr(ctx / "tool", "user.origin", b"ctx")
    os.setxattr(ctx / "tool", "security.capability", cap)
    os.setxattr(ctx / "tool", "trusted.host", b"not kept")
    build(root, ctx, "-t", "x:1")
    staged = layer_members(root, diff_ids(root, "x:1")[-1])[-1]
    assert staged.name == "staged" and (staged.uid, staged.gid) == (3, 4)
    assert staged.pax_headers == {"SCHILY.xattr.user.origin": "ctx",
                                  "SCHILY.xattr.security.capability": cap.decode("latin-1")}
    os.setxattr(ctx / "tool", "user.origin", b"changed")
    again = build(root, ctx, "-t", "x:1")  # the same request: no memo may answer it
    assert [r.split("] ", 1)[1] for r in again.ran] == [
        "COPY tool /tool", "COPY --from=s --chown=3:4 /tool /staged"]
    assert [r.split("] ", 1)[1] for r in again.cached] == ["COPY other /other"]


def _frames_of(root: Path, diff_id: str) -> list[bytes]:
    store = Store(root)
    blob = next(r.descriptor for r in store.layer_records(diff_id))
    return zstd_frames(store.blob_path(blob.digest).read_bytes())


def test_a_one_file_change_of_a_large_copy_writes_one_frame_again(tmp_path: Path) -> None:
    from builder.layers.writer import FRAMES_FROM

    files = {f"src/d{i // 50:03}/f{i % 50:02}": f"file {i}\n" * (i % 40) for i in range(5000)}
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW.replace("/src/a /src/c", "/src/d010/f03"), files)
    assert len(files) + 100 >= FRAMES_FROM
    build(root, ctx, "-t", "frames:1")
    (ctx / "src" / "d070" / "f07").write_text("changed\n")
    second = build(root, ctx, "-t", "frames:2")
    assert len(second.ran) == 2
    old, new = diff_ids(root, "frames:1")[2], diff_ids(root, "frames:2")[2]
    before, after = _frames_of(root, old), _frames_of(root, new)
    assert len(before) == len(after) > 10
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    # the changed file's frame; and the first, whose /src the copy made (its time is the
    # build's) when the builds fell in different seconds
    assert len([i for i in changed if i != 0]) == 1
    members = {m.name: m for m in layer_members(root, new)}
    assert members["src/d070/f07"].size == len("changed\n")
    assert (layer_dir(root, new) / "src" / "d070" / "f07").read_text() == "changed\n"
    # the same layer as one written afresh from the same files
    from builder.layers import changes_from_tree, write_layer

    again = write_layer(list(changes_from_tree(layer_dir(root, new))), io.BytesIO())
    assert again.diff_id == new


def _default_acl() -> bytes:
    """A default ACL (system.posix_acl_default): the owner, user 1234, the group, a mask
    and others, as the kernel takes it (version 2, entries sorted by tag)."""
    import struct

    undefined = 0xFFFFFFFF
    entries = [(0x01, 7, undefined), (0x02, 7, 1234), (0x04, 5, undefined),
               (0x10, 7, undefined), (0x20, 5, undefined)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


def test_a_pooled_file_carries_no_inherited_acl(tmp_path: Path) -> None:
    """Files a step writes may inherit an ACL from where the store is; the layer keeps no
    ACL, and a file added to the pool has none, so a later step that links it lists none."""
    root = tmp_path / "root"
    ctx = context(tmp_path, COPY_NEW, {"src/a": "alpha\n", "src/c": "one\n"})
    (root / "snapshots").mkdir(parents=True)
    try:
        os.setxattr(root / "snapshots", "system.posix_acl_default", _default_acl())
    except OSError:
        pytest.skip("no POSIX ACLs on this file system")
    probe = root / "snapshots" / "probe"
    probe.mkdir()
    (probe / "f").write_text("")
    assert "system.posix_acl_access" in os.listxattr(probe / "f")  # what a step's files get
    shutil.rmtree(probe)
    build(root, ctx, "-t", "acl:1")
    pooled = list((root / "pool").iterdir())
    assert pooled and all(os.listxattr(p, follow_symlinks=False) == [] for p in pooled)
    build(root, ctx, "--no-cache", "-t", "acl:2")  # every file linked from the pool
    for tag in ("acl:1", "acl:2"):
        unpacked = layer_dir(root, diff_ids(root, tag)[2])
        for name in ("a", "c"):
            assert os.listxattr(unpacked / "src" / name, follow_symlinks=False) == []
