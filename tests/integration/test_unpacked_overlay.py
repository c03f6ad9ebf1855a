"""Unpacked layers are overlay lower dirs: whiteouts and opaque dirs hide lower content."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from builder.layers import Change, apply_layer
from builder.store import Store

pytestmark = pytest.mark.integration


def _layer(store: Store, changes: list[Change]) -> str:
    record = store.commit_layer(changes, compression="zstd")
    return record.diff_id


def test_whiteout_and_opaque_survive_unpacking(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root for overlay mounts and whiteout devices")
    src = tmp_path / "src"
    for d in ("d", "keep"):
        (src / d).mkdir(parents=True)
    (src / "a").write_text("lower a")
    (src / "d" / "x").write_text("lower x")
    (src / "keep" / "k").write_text("k")
    (src / "d2").mkdir()
    (src / "d2" / "y").write_text("upper y")
    store = Store(tmp_path / "root")
    lower = _layer(store, [
        Change("a", "add", str(src / "a")), Change("d", "add", str(src / "d")),
        Change("d/x", "add", str(src / "d" / "x")), Change("keep", "add", str(src / "keep")),
        Change("keep/k", "add", str(src / "keep" / "k")),
    ])  # fmt: skip
    upper = _layer(store, [
        Change("a", "delete"), Change("d", "opaque", str(src / "d2")),
        Change("d/y", "add", str(src / "d2" / "y")),
    ])  # fmt: skip
    lower_dir, upper_dir = store.unpacked(lower), store.unpacked(upper)
    st = os.lstat(upper_dir / "a")
    assert (os.major(st.st_rdev), os.minor(st.st_rdev)) == (0, 0)
    assert os.getxattr(upper_dir / "d", "trusted.overlay.opaque") == b"y"
    merged = tmp_path / "merged"
    merged.mkdir()
    opts = f"lowerdir={upper_dir}:{lower_dir}"
    subprocess.run(["mount", "-t", "overlay", "overlay", "-o", opts, str(merged)], check=True)
    try:
        assert sorted(os.listdir(merged)) == ["d", "keep"]
        assert os.listdir(merged / "d") == ["y"]
        assert (merged / "keep" / "k").read_text() == "k"
    finally:
        subprocess.run(["umount", str(merged)], check=True)
    # the plain (non-overlay) application of the same two layers gives the same tree
    flat = tmp_path / "flat"
    for diff_id in (lower, upper):
        (record,) = store.layer_records(diff_id)[:1]
        with store.open_blob(record.descriptor.digest) as blob:
            apply_layer(blob, flat)
    assert sorted(os.listdir(flat)) == ["d", "keep"] and os.listdir(flat / "d") == ["y"]


def test_overlay_mode_rejects_bad_whiteouts(tmp_path: Path) -> None:
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        tar.addfile(tarfile.TarInfo("dir/.wh.."))
    buf.seek(0)
    from builder.errors import LayerError

    with pytest.raises(LayerError):
        apply_layer(buf, tmp_path / "t", overlay=True)
