"""builder.rmtree.remove_tree: a tree removed through directory fds, links never followed."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from builder.rmtree import remove_tree

NOBODY = 65534


def _snapshot(root: Path) -> dict[str, bytes | None]:
    found: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            found[os.path.relpath(os.path.join(dirpath, name), root)] = None
        for name in filenames:
            path = os.path.join(dirpath, name)
            found[os.path.relpath(path, root)] = Path(path).read_bytes()
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    target = tmp_path / "outside"
    (target / "deeper").mkdir(parents=True)
    (target / "keep.txt").write_text("keep me\n")
    (target / "deeper" / "also.txt").write_text("me too\n")
    return target


def test_nested_dirs_and_files(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    for i in range(3):
        d = tree / f"d{i}" / "a" / "b"
        d.mkdir(parents=True)
        for j in range(4):
            (d / f"f{j}").write_bytes(b"x" * j)
            (d.parent / f"g{j}").write_text("g")
    (tree / "empty").mkdir()
    (tree / ".hidden").write_text("h")
    deep = tree.joinpath(*["n"] * 100)
    deep.mkdir(parents=True)
    (deep / "leaf").write_text("leaf")
    (tmp_path / "sibling").write_text("stays")
    remove_tree(tree)
    assert not os.path.lexists(tree)
    assert (tmp_path / "sibling").read_text() == "stays"


def test_str_path(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "x").mkdir(parents=True)
    (tree / "x" / "f").write_text("f")
    remove_tree(str(tree))
    assert not os.path.lexists(tree)


def test_symlink_inside_tree_is_not_followed(tmp_path: Path, outside: Path) -> None:
    before = _snapshot(outside)
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "file").write_text("inside")
    (tree / "link-dir").symlink_to(outside, target_is_directory=True)
    (tree / "sub" / "link-file").symlink_to(outside / "keep.txt")
    (tree / "sub" / "link-rel").symlink_to(os.path.relpath(outside, tree / "sub"))
    (tree / "dangling").symlink_to(tmp_path / "nowhere")
    remove_tree(tree)
    assert not os.path.lexists(tree)
    assert _snapshot(outside) == before
    assert before


def test_symlink_as_path_is_unlinked(tmp_path: Path, outside: Path) -> None:
    before = _snapshot(outside)
    link = tmp_path / "link"
    link.symlink_to(outside, target_is_directory=True)
    remove_tree(link)
    assert not os.path.lexists(link)
    assert _snapshot(outside) == before
    file_link = tmp_path / "file-link"
    file_link.symlink_to(outside / "keep.txt")
    remove_tree(file_link)
    assert not os.path.lexists(file_link)
    assert (outside / "keep.txt").read_text() == "keep me\n"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    remove_tree(dangling)
    assert not os.path.lexists(dangling)


def test_special_files_and_restrictive_modes(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    os.mkfifo(tree / "fifo")
    (tree / "empty-dir").mkdir()
    locked = tree / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "inner" / "f").write_text("f")
    (locked / "g").write_text("g")
    (locked / "inner").chmod(0o000)
    locked.chmod(0o000)
    readonly = tree / "readonly"
    (readonly / "sub").mkdir(parents=True)
    (readonly / "sub" / "f").write_text("f")
    (readonly / "f").write_text("f")
    (readonly / "sub").chmod(0o500)
    readonly.chmod(0o500)
    (tree / "ro-file").write_text("r")
    (tree / "ro-file").chmod(0o400)
    assert stat.S_ISFIFO(os.lstat(tree / "fifo").st_mode)
    remove_tree(tree)
    assert not os.path.lexists(tree)


def test_read_only_top_directory(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "f").write_text("f")
    (tree / "sub").chmod(0o500)
    tree.chmod(0o500)
    remove_tree(tree)
    assert not os.path.lexists(tree)


def test_twice_and_missing(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "a").mkdir(parents=True)
    (tree / "a" / "f").write_text("f")
    remove_tree(tree)
    remove_tree(tree)
    assert not os.path.lexists(tree)
    remove_tree(tmp_path / "never" / "existed")
    assert os.listdir(tmp_path) == []


def test_plain_file_is_unlinked(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("data")
    remove_tree(f)
    assert not os.path.lexists(f)
    os.mkfifo(tmp_path / "fifo")
    remove_tree(tmp_path / "fifo")
    assert not os.path.lexists(tmp_path / "fifo")
    assert os.listdir(tmp_path) == []


@pytest.fixture
def nobody_home() -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("needs root (to run the removal as uid 65534)")
    base = Path(tempfile.mkdtemp(dir="/tmp", prefix="rmtree-"))
    try:
        base.chmod(0o755)
        home = base / "home"
        home.mkdir()
        os.chown(home, NOBODY, NOBODY)
        yield home
    finally:
        for dirpath, dirnames, _ in os.walk(base):
            for name in dirnames:
                os.chmod(os.path.join(dirpath, name), 0o700)
        shutil.rmtree(base)


def _remove_as_nobody(tree: Path) -> int:
    paths = [str(tree)]
    for dirpath, dirnames, filenames in os.walk(tree):
        paths += [os.path.join(dirpath, name) for name in (*dirnames, *filenames)]
    for path in paths:
        os.lchown(path, NOBODY, NOBODY)
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            remove_tree(tree)
            os._exit(0 if not os.path.lexists(tree) else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _tree_with(home: Path, mode: int) -> Path:
    tree = home / "tree"
    sub = tree / "sub"
    (sub / "nested").mkdir(parents=True)
    (sub / "f").write_text("f")
    (sub / "nested" / "g").write_text("g")
    (tree / "top-file").write_text("t")
    (sub / "nested").chmod(0o500)
    sub.chmod(mode)
    return tree


def test_read_only_dirs_as_non_root(nobody_home: Path) -> None:
    tree = _tree_with(nobody_home, 0o500)
    assert _remove_as_nobody(tree) == 0
    assert not os.path.lexists(tree)
    assert nobody_home.is_dir()


def test_unreadable_dir_as_non_root(nobody_home: Path) -> None:
    tree = _tree_with(nobody_home, 0o000)
    assert _remove_as_nobody(tree) == 0
    assert not os.path.lexists(tree)


def test_two_removers_of_one_tree(tmp_path: Path) -> None:
    # `container prune` may sweep a tree that another process is deleting
    for n in range(5):
        tree = tmp_path / f"t{n}"
        for i in range(40):
            (tree / f"d{i}" / "sub").mkdir(parents=True)
            (tree / f"d{i}" / "sub" / "f").write_text("x")
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(remove_tree, [tree] * 4))
        assert not tree.exists()


def _deep(top: Path, levels: int) -> None:
    """``levels`` nested directories ``a`` under ``top``, each made relative to the one
    above (no path is ever longer than a name), a file and a read-only level among them."""
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for level in range(levels):
            os.mkdir("a", dir_fd=fd)
            if level % 500 == 0:
                os.close(os.open("f", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd))
            below = os.open("a", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            if level == levels // 2:
                os.chmod(fd, 0o500)
            os.close(fd)
            fd = below
    finally:
        os.close(fd)


def test_a_tree_deeper_than_the_recursion_limit_and_the_descriptor_limit(
        tmp_path: Path) -> None:
    """A container may nest directories as deep as it likes: removing them takes neither a
    call nor, beyond the soft limit, a descriptor limit of its own per level."""
    import resource

    top = tmp_path / "deep"
    top.mkdir()
    levels = 3000
    _deep(top, levels)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard < levels + 100:
        pytest.skip("the hard descriptor limit is below the depth")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, soft), hard))
    try:
        remove_tree(top)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert not top.exists()


def test_tree_size_of_a_deep_tree(tmp_path: Path) -> None:
    """What removing a tree frees is counted without recursion too (cache prune and GC count
    a layer made by a container before removing it)."""
    from builder.blobs import tree_size

    top = tmp_path / "deep"
    top.mkdir()
    _deep(top, 1500)
    assert tree_size(top) == 1500 * os.stat(top).st_size  # the directories; the files are empty
    remove_tree(top)
