"""Snapshotters against real overlayfs: deep chains, views, upper-dir diffs, detection."""

from __future__ import annotations

import io
import os
import stat
import tarfile
from pathlib import Path

import pytest

from builder.errors import SnapshotError
from builder.layers import write_layer
from builder.runtime import syscalls as sc
from builder.snapshot import (
    CopySnapshotter,
    OverlaySnapshotter,
    Snapshotter,
    default_snapshotter,
    overlay_unusable,
)
from builder.snapshot.overlay import MAX_LAYERS

pytestmark = pytest.mark.integration

@pytest.fixture(autouse=True, scope="module")
def _requirements() -> None:
    # a per-test skip (not a module-level one), so that CI=true turns it into a failure
    if os.geteuid() != 0:
        pytest.skip("needs root")


_SCOPE: list[str] = []


@pytest.fixture(autouse=True)
def _mount_scope(tmp_path_factory: pytest.TempPathFactory) -> None:
    _SCOPE[:] = [str(tmp_path_factory.getbasetemp())]


def mountinfo() -> list[str]:
    """This session's mounts (other processes on the machine may mount things meanwhile)."""
    with open("/proc/self/mountinfo") as f:
        return sorted(line.split(" ", 4)[4] for line in f if _SCOPE[0] in line)


def layer_names(changes: list) -> list[str]:
    buf = io.BytesIO()
    write_layer(changes, buf, compression="none")
    with tarfile.open(fileobj=io.BytesIO(buf.getvalue())) as tar:
        return tar.getnames()


def make_chain(base: Path, count: int, name_len: int = 8) -> list[Path]:
    """``count`` layers; layer i adds ``f<i>`` and overrides ``top`` with its index."""
    layers = []
    for i in range(count):
        layer = base / f"{i:04d}".ljust(name_len, "x")
        layer.mkdir()
        (layer / f"f{i}").write_text(str(i))
        (layer / "top").write_text(str(i))
        layers.append(layer)
    return layers


@pytest.fixture(params=["overlay", "copy"])
def snapshotter(request: pytest.FixtureRequest, tmp_path: Path) -> Snapshotter:
    cls = OverlaySnapshotter if request.param == "overlay" else CopySnapshotter
    return cls(tmp_path / "snapshots")


def test_deep_chain_past_the_4k_option_limit_mounts(tmp_path: Path) -> None:
    layers = make_chain(tmp_path, 120, name_len=60)
    assert sum(len(str(p)) + 1 for p in layers) > 4096
    snaps = OverlaySnapshotter(tmp_path / "snapshots")
    m = snaps.prepare("deep", layers)
    try:
        assert (m.rootfs / "top").read_text() == "119"
        assert (m.rootfs / "f0").read_text() == "0"
    finally:
        snaps.remove(m)


def test_more_layers_than_the_kernel_allows_are_flattened(tmp_path: Path) -> None:
    layers = make_chain(tmp_path, MAX_LAYERS + 20)
    (layers[3] / "gone").write_text("x")
    os.mknod(layers[4] / "gone", stat.S_IFCHR | 0o600, 0)  # whiteout in a flattened layer
    snaps = OverlaySnapshotter(tmp_path / "snapshots")
    m = snaps.prepare("wide", layers)
    try:
        assert (m.rootfs / "top").read_text() == str(MAX_LAYERS + 19)
        assert (m.rootfs / "f0").read_text() == "0"
        assert not (m.rootfs / "gone").exists()
        (m.rootfs / "new").write_text("n")
        assert [c.path for c in snaps.diff(m)] == ["new"]
    finally:
        snaps.remove(m)


def test_view_is_read_only_and_diffs_empty(snapshotter: Snapshotter, tmp_path: Path) -> None:
    layers = make_chain(tmp_path, 3)
    before = mountinfo()
    for lowers in (layers, layers[:1], []):
        m = snapshotter.view("view", lowers)
        try:
            if lowers:
                assert (m.rootfs / "top").read_text() == str(len(lowers) - 1)
            assert m.readonly
            if isinstance(snapshotter, OverlaySnapshotter):
                with pytest.raises(OSError):
                    (m.rootfs / "new").write_text("x")
            assert snapshotter.diff(m) == []
        finally:
            snapshotter.remove(m)
        assert mountinfo() == before
        assert not m.dir.exists()


def test_no_lowers_gives_an_empty_writable_root(snapshotter: Snapshotter) -> None:
    m = snapshotter.prepare("scratch", [])
    try:
        assert list(m.rootfs.iterdir()) == []
        (m.rootfs / "etc").mkdir()
        (m.rootfs / "etc" / "x").write_text("x")
        assert [(c.path, c.kind) for c in snapshotter.diff(m)] == [("etc", "add"),
                                                                   ("etc/x", "add")]
    finally:
        snapshotter.remove(m)


def test_diff_kinds_metadata_and_private_xattrs(snapshotter: Snapshotter, tmp_path: Path) -> None:
    lower = tmp_path / "lower"
    (lower / "d" / "sub").mkdir(parents=True)
    (lower / "d" / "sub" / "a").write_text("a")
    (lower / "d" / "b").write_text("b")
    (lower / "keep").write_text("k")
    (lower / "mode").write_text("m")
    (lower / "link").symlink_to("keep")
    m = snapshotter.prepare("kinds", [lower])
    try:
        root = m.rootfs
        (root / "d" / "b").unlink()
        for p in (root / "d" / "sub" / "a", root / "d" / "sub"):
            p.unlink() if p.is_file() else p.rmdir()
        (root / "d" / "sub").mkdir()
        (root / "d" / "sub" / "c").write_text("c")
        (root / "mode").chmod(0o600)
        os.setxattr(root / "keep", "user.note", b"hello")
        (root / "link").unlink()
        (root / "link").symlink_to("mode")
        changes = snapshotter.diff(m)
        names = layer_names(changes)
    finally:
        snapshotter.remove(m)
    kinds = {c.path: c.kind for c in changes}
    assert kinds["d/b"] == "delete"
    assert kinds["mode"] == kinds["keep"] == kinds["link"] == "add"
    if isinstance(snapshotter, OverlaySnapshotter):
        assert kinds["d/sub"] == "opaque"
        assert "d/sub/.wh..wh..opq" in names
    else:
        assert kinds["d/sub/a"] == "delete"
    assert [c.path for c in changes] == sorted(kinds, key=lambda p: p.encode().split(b"/"))
    assert not any("overlay" in n for n in names)


def test_opaque_xattr_forms_in_an_upper_dir(tmp_path: Path) -> None:
    lower = tmp_path / "lower"
    for d in ("y", "x", "u"):
        (lower / d).mkdir(parents=True)
        (lower / d / "old").write_text("o")
    snaps = OverlaySnapshotter(tmp_path / "snapshots")
    m = snaps.prepare("opq", [lower])
    try:
        assert m.upper is not None
        # forge what other kernels / rootless mounts write
        for d, (name, value) in {"x": ("trusted.overlay.opaque", b"x"),
                                 "u": ("user.overlay.opaque", b"y")}.items():
            (m.upper / d).mkdir()
            os.setxattr(m.upper / d, name, value)
        (m.rootfs / "y" / "old").unlink()
        (m.rootfs / "y").rmdir()
        (m.rootfs / "y").mkdir()
        kinds = {c.path: c.kind for c in snaps.diff(m)}
    finally:
        snaps.remove(m)
    assert kinds == {"u": "opaque", "x": "opaque", "y": "opaque"}


def test_remove_is_idempotent_and_leaves_no_mount(snapshotter: Snapshotter,
                                                  tmp_path: Path) -> None:
    before = mountinfo()
    m = snapshotter.prepare("gone", make_chain(tmp_path, 2))
    snapshotter.remove(m)
    snapshotter.remove(m)
    assert mountinfo() == before
    assert not m.dir.exists()


def test_bad_keys_and_duplicates(snapshotter: Snapshotter, tmp_path: Path) -> None:
    layers = make_chain(tmp_path, 1)
    for key in ("../x", "", "a/b", ".hidden"):
        with pytest.raises(SnapshotError, match="invalid snapshot key"):
            snapshotter.prepare(key, layers)
    m = snapshotter.prepare("dup", layers)
    try:
        with pytest.raises(SnapshotError, match="already exists"):
            snapshotter.prepare("dup", layers)
    finally:
        snapshotter.remove(m)
    with pytest.raises(SnapshotError, match="does not exist"):
        snapshotter.prepare("missing", [tmp_path / "nope"])


def test_overlay_on_overlayfs_is_detected(tmp_path: Path) -> None:
    for name in ("lower", "upper", "work", "merged"):
        (tmp_path / name).mkdir()
    sc.mount("overlay", tmp_path / "merged", "overlay", 0,
             f"lowerdir={tmp_path / 'lower'},upperdir={tmp_path / 'upper'},"
             f"workdir={tmp_path / 'work'}")
    try:
        inner = tmp_path / "merged" / "root"
        reason = overlay_unusable(inner)
        assert reason is not None and "overlayfs" in reason
        with pytest.raises(SnapshotError, match="overlayfs"):
            OverlaySnapshotter(inner)
        chosen, why = default_snapshotter(inner)
        assert isinstance(chosen, CopySnapshotter) and why == reason
    finally:
        sc.umount(tmp_path / "merged")
    chosen, why = default_snapshotter(tmp_path / "plain")
    assert isinstance(chosen, OverlaySnapshotter) and why is None
