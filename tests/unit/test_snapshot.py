"""Snapshot trees without mounts: merged layers, plain copies, comparison, upper-dir walks."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from builder.runtime import ProcessSpec, stubs
from builder.snapshot.tree import compare, copy_tree, merged, remove_tree
from builder.snapshot.upper import upper_changes

ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="mknod of a whiteout needs root")


def whiteout(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o600, 0)


def opaque(path: Path) -> None:
    os.setxattr(path, "user.overlay.opaque", b"y")


def kinds(changes: list) -> list[tuple[str, str]]:
    return [(c.path, c.kind) for c in changes]


@pytest.fixture
def layers(tmp_path: Path) -> list[Path]:
    bottom, top = tmp_path / "bottom", tmp_path / "top"
    (bottom / "d" / "sub").mkdir(parents=True)
    (bottom / "d" / "sub" / "a").write_text("a")
    (bottom / "d" / "x").write_text("x")
    (bottom / "o").mkdir()
    (bottom / "o" / "old").write_text("old")
    (bottom / "file").write_text("bottom")
    (bottom / "hard1").write_text("h")
    os.link(bottom / "hard1", bottom / "hard2")
    (bottom / "sym").symlink_to("file")
    os.mkfifo(bottom / "fifo")
    (bottom / "file").chmod(0o640)
    os.setxattr(bottom / "file", "user.k", b"v")
    (top / "o").mkdir(parents=True)
    opaque(top / "o")
    (top / "o" / "new").write_text("new")
    (top / "file").write_text("top")
    (top / "file").chmod(0o600)
    return [bottom, top]


def test_merged_applies_overrides_and_opaque_dirs(layers: list[Path]) -> None:
    root = merged(layers)
    assert root.children is not None
    assert sorted(root.children) == ["d", "fifo", "file", "hard1", "hard2", "o", "sym"]
    assert root.children["file"].source == str(layers[1] / "file")
    o = root.children["o"].children
    assert o is not None and sorted(o) == ["new"]


@needs_root
def test_merged_applies_whiteouts(layers: list[Path], tmp_path: Path) -> None:
    third = tmp_path / "third"
    (third / "d").mkdir(parents=True)
    whiteout(third / "d" / "sub")
    whiteout(third / "sym")
    root = merged([*layers, third])
    assert root.children is not None and "sym" not in root.children
    d = root.children["d"].children
    assert d is not None and sorted(d) == ["x"]


def test_copy_preserves_everything_and_compares_equal(layers: list[Path],
                                                      tmp_path: Path) -> None:
    dest = tmp_path / "copy"
    lower = merged(layers)
    copy_tree(lower, dest)
    st = (dest / "file").stat()
    assert (dest / "file").read_text() == "top" and stat.S_IMODE(st.st_mode) == 0o600
    assert os.readlink(dest / "sym") == "file"
    assert stat.S_ISFIFO((dest / "fifo").lstat().st_mode)
    assert (dest / "hard1").stat().st_ino == (dest / "hard2").stat().st_ino
    assert (dest / "hard1").stat().st_ino != (layers[0] / "hard1").stat().st_ino
    assert os.getxattr(layers[0] / "file", "user.k") == b"v"
    assert "user.overlay.opaque" not in os.listxattr(dest / "o")
    assert sorted(p.name for p in (dest / "o").iterdir()) == ["new"]
    assert (dest / "d").stat().st_mtime_ns == (layers[0] / "d").stat().st_mtime_ns
    assert compare(str(dest), lower) == []


def test_compare_finds_adds_metadata_changes_and_deletes(layers: list[Path],
                                                         tmp_path: Path) -> None:
    dest = tmp_path / "copy"
    lower = merged(layers)
    copy_tree(lower, dest)
    d_mtime = (dest / "d").stat().st_mtime_ns
    (dest / "fifo").chmod(0o600)
    os.setxattr(dest / "hard1", "user.new", b"1")
    (dest / "d" / "x").unlink()
    (dest / "d" / "sub" / "a").unlink()
    (dest / "d" / "sub" / "b").write_text("b")
    (dest / "sym").unlink()
    (dest / "sym").symlink_to("other")
    (dest / "n" / "m").mkdir(parents=True)
    os.utime(dest / "d", ns=(d_mtime, d_mtime))
    assert kinds(compare(str(dest), lower)) == [
        ("d", "add"), ("d/sub", "add"), ("d/sub/a", "delete"), ("d/sub/b", "add"),
        ("d/x", "delete"), ("fifo", "add"), ("hard1", "add"), ("hard2", "add"),  # same inode
        ("n", "add"), ("n/m", "add"),
        ("sym", "add"),
    ]


def test_compare_with_a_type_change(layers: list[Path], tmp_path: Path) -> None:
    dest = tmp_path / "copy"
    lower = merged(layers)
    copy_tree(lower, dest)
    remove_tree(dest / "d")
    (dest / "d").write_text("now a file")
    (dest / "file").unlink()
    (dest / "file").mkdir()
    (dest / "file" / "inner").write_text("i")
    assert kinds(compare(str(dest), lower)) == [
        ("d", "add"), ("file", "add"), ("file/inner", "add")]


def test_upper_walk_maps_overlay_markers(tmp_path: Path) -> None:
    lower = tmp_path / "lower"
    (lower / "same").mkdir(parents=True)
    (lower / "o").mkdir()
    upper = tmp_path / "upper"
    (upper / "same").mkdir(parents=True)
    st = (lower / "same").stat()
    os.utime(upper / "same", ns=(st.st_atime_ns, st.st_mtime_ns))
    (upper / "o" / "inner").mkdir(parents=True)
    opaque(upper / "o")
    os.setxattr(upper / "o", "trusted.overlay.impure" if ROOT else "user.overlay.impure", b"y")
    (upper / "new").write_text("n")
    if ROOT:
        whiteout(upper / "gone")
    expected = [("new", "add"), ("o", "opaque"), ("o/inner", "add")]
    if ROOT:
        expected.insert(0, ("gone", "delete"))
    assert kinds(upper_changes(upper, [lower])) == expected


def test_remove_tree_copes_with_mode_000_dirs(tmp_path: Path) -> None:
    snap = tmp_path / "snap"
    (snap / "work" / "work" / "inner").mkdir(parents=True)
    (snap / "work" / "work" / "inner" / "f").write_text("x")
    (snap / "work" / "work" / "inner").chmod(0)
    (snap / "work" / "work").chmod(0)
    remove_tree(snap)
    assert not snap.exists()
    remove_tree(snap)


@needs_root
def test_diffs_skip_mount_stubs_unless_something_was_written(layers: list[Path],
                                                             tmp_path: Path) -> None:
    dest = tmp_path / "copy"
    lower = merged(layers)
    copy_tree(lower, dest)
    files = stubs.prepare(dest, ProcessSpec(args=("true",)), tmp_path / "state",
                          {"/proc": True, "/new/dir": True})
    files.cleanup()
    assert (dest / "etc" / "hosts").exists() and (dest / "new" / "dir").is_dir()
    assert compare(str(dest), lower) == []
    (dest / "new" / "real").write_text("r")
    assert kinds(compare(str(dest), lower)) == [("new", "add"), ("new/real", "add")]
    upper = tmp_path / "upper"
    upper.mkdir()
    stubs.prepare(upper, ProcessSpec(args=("true",)), tmp_path / "state", {}).cleanup()
    assert upper_changes(upper, layers) == []
