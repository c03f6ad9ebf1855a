"""A COPY from the context that changed since its last full run writes only what differs.

Its layer dir is kept as a delta over the last full layer's dir (``layers/<hex>.delta``),
its blob is the whole layer, and builds, containers and GC see the layer whole. These
tests build for real and compare with the same context built afresh in another root.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
from pathlib import Path

import pytest

from builder.store import Store
from tests.integration.test_build_cache import BASE, build, context, dockyard
from tests.integration.test_copy_pool import _needs_root, diff_ids, layer_members

pytestmark = pytest.mark.integration

DOCKERFILE = BASE + "COPY src/ /src/\nRUN find /src | sort > /listing; cat /src/c > /c\n"
FILES = {"src/a": "alpha\n", "src/b": "beta\n", "src/c": "one\n", "src/sub/x": "x\n",
         "src/sub/deep/y": "y\n", "src/keep/z": "z\n"}


_ = _needs_root  # autouse, from test_copy_pool: builds need root and busybox


def _delta(root: Path, diff_id: str) -> Path:
    return Store(root).layers_dir / f"{diff_id[7:]}.delta"


def _listing(root: Path, diff_id: str) -> dict[str, tuple[object, ...]]:
    """Each entry of the layer's tar: type, mode, owner, size, mtime, link, content."""
    store = Store(root)
    out: dict[str, tuple[object, ...]] = {}
    blob = next(r.descriptor for r in store.layer_records(diff_id))
    import io

    import zstandard

    data = store.blob_path(blob.digest).read_bytes()
    data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data),
                                                       read_across_frames=True).read()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for m in tar:
            content = tar.extractfile(m).read() if m.isfile() else b""  # type: ignore[union-attr]
            out[m.name] = (m.type, m.mode, m.uid, m.gid, m.size, m.mtime, m.linkname,
                           hashlib.sha256(content).hexdigest(), sorted(m.pax_headers.items()))
    return out


def _same_as_afresh(tmp_path: Path, ctx: Path, root: Path, tag: str) -> None:
    """The COPY layer of ``tag`` is what a build of ``ctx`` in an empty root writes (but
    the time of /src, which the copy makes at build time)."""
    fresh = tmp_path / f"fresh-{tag.replace(':', '-')}"
    build(fresh, ctx, "-t", "fresh")
    mine = _listing(root, diff_ids(root, tag)[2])
    theirs = _listing(fresh, diff_ids(fresh, "fresh")[2])
    for listing in (mine, theirs):
        kind, mode, uid, gid, size, _mtime, *rest = listing["src"]
        listing["src"] = (kind, mode, uid, gid, size, 0, *rest)
    assert mine == theirs
    shutil.rmtree(fresh)


def _change(ctx: Path) -> None:
    (ctx / "src" / "c").write_text("two\n")  # changed content
    os.chmod(ctx / "src" / "a", 0o600)  # changed mode
    (ctx / "src" / "new").write_text("new\n")  # added (src's mtime moves)
    (ctx / "src" / "sub" / "deep" / "w").write_text("w\n")  # added deeper
    (ctx / "src" / "b").unlink()  # a file ...
    (ctx / "src" / "b").mkdir()  # ... that became a directory
    (ctx / "src" / "b" / "inner").write_text("inner\n")


def test_a_changed_copy_is_kept_as_a_delta_and_is_the_copy_written_whole(
        tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, DOCKERFILE, FILES)
    build(root, ctx, "-t", "d:1")
    full = diff_ids(root, "d:1")[2]
    assert (Store(root).layers_dir / full[7:]).is_dir() and not _delta(root, full).exists()
    _change(ctx)
    second = build(root, ctx, "-t", "d:2")
    assert len(second.ran) == 2
    layer = diff_ids(root, "d:2")[2]
    delta = _delta(root, layer)
    assert (delta / "base").read_text() == full
    assert not (Store(root).layers_dir / layer[7:]).exists()
    written = sorted(str(p.relative_to(delta / "tree")) for p in (delta / "tree").rglob("*"))
    # what did not change (src/keep, src/sub/x) is the base's
    assert written == ["src", "src/a", "src/b", "src/b/inner", "src/c", "src/new", "src/sub",
                       "src/sub/deep", "src/sub/deep/w"]
    _same_as_afresh(tmp_path, ctx, root, "d:2")
    # the next step saw the layer whole
    run_layer = Store(root).lowers(diff_ids(root, "d:2")[3])[-1]
    assert (run_layer / "c").read_text() == "two\n"
    assert (run_layer / "listing").read_text().split() == [
        "/src", "/src/a", "/src/b", "/src/b/inner", "/src/c", "/src/keep", "/src/keep/z",
        "/src/new", "/src/sub", "/src/sub/deep", "/src/sub/deep/w", "/src/sub/deep/y",
        "/src/sub/x"]
    # and so does a container
    out = dockyard(root, "run", "--rm", "d:2", "cat", "/src/a", "/src/c", "/src/b/inner")
    assert out.stdout == "alpha\ntwo\ninner\n"
    # a later change is a delta over the same full layer (never a delta over a delta)
    (ctx / "src" / "keep" / "z").write_text("zz\n")
    build(root, ctx, "-t", "d:3")
    third = diff_ids(root, "d:3")[2]
    assert (_delta(root, third) / "base").read_text() == full
    _same_as_afresh(tmp_path, ctx, root, "d:3")


def test_a_removed_path_makes_the_copy_whole_again(tmp_path: Path) -> None:
    root = tmp_path / "root"
    ctx = context(tmp_path, DOCKERFILE, FILES)
    build(root, ctx, "-t", "r:1")
    (ctx / "src" / "sub" / "x").unlink()
    build(root, ctx, "-t", "r:2")
    whole = diff_ids(root, "r:2")[2]
    assert (Store(root).layers_dir / whole[7:]).is_dir() and not _delta(root, whole).exists()
    assert "src/sub/x" not in {m.name for m in layer_members(root, whole)}
    assert "/src/sub/x" not in (Store(root).lowers(diff_ids(root, "r:2")[3])[-1]
                                / "listing").read_text()
    # the whole copy is the base of the next change
    (ctx / "src" / "c").write_text("three\n")
    build(root, ctx, "-t", "r:3")
    assert (_delta(root, diff_ids(root, "r:3")[2]) / "base").read_text() == whole
    _same_as_afresh(tmp_path, ctx, root, "r:3")


def _changed_once(tmp_path: Path, name: str) -> tuple[Path, str, str]:
    """``name:1`` built, src/c changed, ``name:2`` built: the root, the full COPY layer of
    the first and the delta of the second."""
    root = tmp_path / "root"
    ctx = context(tmp_path, DOCKERFILE, FILES)
    build(root, ctx, "-t", f"{name}:1")
    (ctx / "src" / "c").write_text("two\n")
    build(root, ctx, "-t", f"{name}:2")
    full, layer = diff_ids(root, f"{name}:1")[2], diff_ids(root, f"{name}:2")[2]
    assert _delta(root, layer).is_dir()
    return root, full, layer


def test_gc_keeps_a_base_while_an_image_has_a_delta_over_it(tmp_path: Path) -> None:
    root, full, layer = _changed_once(tmp_path, "g")
    dockyard(root, "run", "-d", "--name", "up", "g:2", "sleep", "600")
    dockyard(root, "rmi", "g:1")
    dockyard(root, "cache", "prune", "--all", "--force")
    layers = Store(root).layers_dir
    assert (layers / full[7:]).is_dir() and _delta(root, layer).is_dir()
    # the record that named the collected layer as a base went with its blob
    named = {p.read_bytes().split(b"\n", 1)[0].split()[-1].decode()
             for p in (root / "cache" / "lineage").iterdir()}
    assert full not in named and named <= set(diff_ids(root, "g:2"))
    out = dockyard(root, "exec", "up", "cat", "/src/a", "/src/c")
    assert out.stdout == "alpha\ntwo\n"
    dockyard(root, "rm", "-f", "up")
    dockyard(root, "rmi", "g:2")
    dockyard(root, "system", "prune", "-f")
    assert not (layers / full[7:]).exists() and not _delta(root, layer).exists()


def test_a_delta_whose_base_is_gone_is_unpacked_whole(tmp_path: Path) -> None:
    root, full, layer = _changed_once(tmp_path, "w")
    shutil.rmtree(Store(root).layers_dir / full[7:])
    out = dockyard(root, "run", "--rm", "w:2", "cat", "/src/a", "/src/c")
    assert out.stdout == "alpha\ntwo\n"
    assert (Store(root).layers_dir / layer[7:] / "src" / "c").read_text() == "two\n"
    dockyard(root, "system", "prune", "-f")
    assert not _delta(root, layer).exists()  # the whole dir took its place


def test_a_context_moved_away_from_its_base_builds_right(tmp_path: Path) -> None:
    """A delta compares with what the base holds, whatever it is: a context swapped for
    another one at the same path gives the other one's layer."""
    root = tmp_path / "root"
    ctx = context(tmp_path, DOCKERFILE, FILES)
    build(root, ctx, "-t", "m:1")
    shutil.rmtree(ctx / "src")
    for rel, text in {"src/a": "other\n", "src/c": "c\n", "src/q/r": "r\n"}.items():
        (ctx / rel).parent.mkdir(parents=True, exist_ok=True)
        (ctx / rel).write_text(text)
    build(root, ctx, "-t", "m:2")
    assert {m.name for m in layer_members(root, diff_ids(root, "m:2")[2])} == {
        "src", "src/a", "src/c", "src/q", "src/q/r"}
    _same_as_afresh(tmp_path, ctx, root, "m:2")


def test_a_container_of_a_delta_counts_the_layer_once(tmp_path: Path) -> None:
    """``ps -s``: a delta and its base are one layer, as big as the layer written whole."""
    root, fresh = tmp_path / "root", tmp_path / "fresh"
    ctx = context(tmp_path, DOCKERFILE, {**FILES, "src/big": "b" * 300_000})
    build(root, ctx, "-t", "s:1")
    (ctx / "src" / "big").write_text("c" * 300_000)
    build(root, ctx, "-t", "s:2")
    assert _delta(root, diff_ids(root, "s:2")[2]).is_dir()
    build(fresh, ctx, "-t", "s:2")
    sizes = []
    for where in (root, fresh):
        dockyard(where, "create", "--name", "sized", "s:2", "true")
        sizes.append(dockyard(where, "ps", "-a", "-s", "--format", "{{.Size}}").stdout)
    assert sizes[0] == sizes[1] and "virtual" in sizes[0]


@pytest.mark.parametrize("index", ["kept", "lost"])
def test_a_large_delta_takes_the_base_frames_and_is_the_blob_written_afresh(
        tmp_path: Path, index: str) -> None:
    """A one-file change of a copy written in zstd frames: the frames the change leaves
    alone are the base's (or, when the frame index lost them, the layer is written whole);
    either way the blob is the one written afresh from the layer's files."""
    import io

    from builder.layers import changes_from_tree, write_layer

    files = {f"src/d{i // 50:03}/f{i % 50:02}": f"file {i}\n" * (i % 40) for i in range(5000)}
    root = tmp_path / "root"
    ctx = context(tmp_path, DOCKERFILE.replace("cat /src/c", "cat /src/d010/f03"), files)
    build(root, ctx, "-t", "f:1")
    (ctx / "src" / "d070" / "f07").write_text("changed\n")
    if index == "lost":
        shutil.rmtree(root / "cache" / "frames")
    build(root, ctx, "-t", "f:2")
    base, layer = diff_ids(root, "f:1")[2], diff_ids(root, "f:2")[2]
    assert (_delta(root, layer) / "base").read_text() == base
    store = Store(root)
    blob = next(r.descriptor for r in store.layer_records(layer))
    again = write_layer(list(changes_from_tree(store.unpacked(layer))), io.BytesIO())
    assert (again.diff_id, again.digest) == (layer, blob.digest)
    from tests.unit.test_layer_frames import zstd_frames

    old = zstd_frames(store.blob_path(next(
        r.descriptor for r in store.layer_records(base)).digest).read_bytes())
    new = zstd_frames(store.blob_path(blob.digest).read_bytes())
    assert len(old) == len(new) > 10
    assert sum(a != b for a, b in zip(old, new, strict=True)) <= 2  # /src's and the file's


def test_a_context_from_stdin_keeps_no_base(tmp_path: Path) -> None:
    """A tar on stdin is unpacked in a new directory by every build: a record of its copies
    would never be found again, so none is written."""
    import subprocess
    import sys

    from tests.integration.test_build_cache import ENV

    root = tmp_path / "root"
    ctx = context(tmp_path, DOCKERFILE, FILES)
    tar = tmp_path / "ctx.tar"
    subprocess.run(["tar", "-C", str(ctx), "-cf", str(tar), "."], check=True)
    with tar.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "builder", "--root", str(root), "build",
                               "-q", "-"], stdin=stdin, env=ENV, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    records = root / "cache" / "lineage"
    assert not records.exists() or not list(records.iterdir())
    build(root, ctx, "--no-cache", "-t", "dir:1")  # from the directory: kept
    assert len(list(records.iterdir())) == 2  # COPY busybox, COPY src/
