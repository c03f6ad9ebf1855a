"""``diff``'s comparison, ``rename``'s rules and ``port``'s argument, without a container
process."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from builder.cli.port import port_key
from builder.errors import ContainerError
from builder.runner.changes import docker_changes, mount_points
from builder.runner.container import Container, Containers
from builder.runtime.stubs import STUB_XATTR
from builder.snapshot.tree import merged


def _tree(root: Path, files: dict[str, str | None]) -> Path:
    """Make ``files`` under ``root`` (None: a directory), every mtime the same."""
    root.mkdir()
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    for path in [root, *root.rglob("*")]:
        os.utime(path, ns=(1_000_000_000, 1_000_000_000), follow_symlinks=False)
    return root


def _changes(old: Path, new: Path, keep: frozenset[str] = frozenset()) -> list[str]:
    return [f"{k} {p}" for k, p in docker_changes(merged([old]), merged([new]), keep)]


def test_changes_as_docker_lists_them(tmp_path: Path) -> None:
    base = {"bin/ls": "ls", "bin/sh": "sh", "etc/passwd": "root", "etc/group": "g",
            "d/sub/f": "a", "d/keep": "k", "w": None}
    old = _tree(tmp_path / "old", base)
    new = _tree(tmp_path / "new", {
        **{k: v for k, v in base.items() if k not in ("bin/ls", "d/sub/f")},
        "etc/passwd": "root\nu", "etc/hosts2": "x", "new": None, "d/sub/n": "n",
        "usr/local/bin/x": "", "a/z": "z",
    })
    os.utime(new / "d/keep", ns=(2_000_000_000, 2_000_000_000))  # mtime alone: a change
    os.utime(new / "w", ns=(5_000_000_000, 5_000_000_000))  # a directory's: none
    assert _changes(old, new) == [
        "A /a", "A /a/z",
        "C /bin", "D /bin/ls",
        "C /d", "C /d/keep", "C /d/sub", "A /d/sub/n", "D /d/sub/f",  # the deleted last
        "C /etc", "A /etc/hosts2", "C /etc/passwd",
        "A /new",
        "A /usr", "A /usr/local", "A /usr/local/bin", "A /usr/local/bin/x",
    ]
    assert _changes(old, old) == []


def test_changes_of_types_owners_and_modes(tmp_path: Path) -> None:
    old = _tree(tmp_path / "old", {"f": "x", "g": "y", "dir/a": "a", "m": "m"})
    new = _tree(tmp_path / "new", {"f": None, "g": "y", "dir": "now a file", "m": "m"})
    os.chmod(new / "m", 0o600)
    os.utime(new / "m", ns=(1_000_000_000, 1_000_000_000))
    # a whole second and the same second with nanoseconds are the same time (Docker's
    # rule for tar's whole seconds)
    os.utime(new / "g", ns=(1_000_000_000, 1_000_000_500))
    assert _changes(old, new) == ["C /dir", "C /f", "C /m"]
    os.chown(new / "g", 1, 1)
    assert "C /g" in _changes(old, new)


def test_changes_skip_run_stubs_but_a_containers_mount_points(tmp_path: Path) -> None:
    old = _tree(tmp_path / "old", {"etc/passwd": "p"})
    new = _tree(tmp_path / "new", {"etc/passwd": "p", "etc/hosts": "", "proc": None,
                                   "dev/pts": None, "data/v": None, "real": None})
    for rel in ("etc/hosts", "proc", "dev", "dev/pts", "data", "data/v", "real"):
        os.setxattr(new / rel, STUB_XATTR, b"1")
    (new / "real/content").write_text("x")  # a stub that holds more: a change
    assert _changes(old, new, frozenset({"data", "data/v"})) == [
        "A /data", "A /data/v", "A /real", "A /real/content"]


def test_mount_points_and_their_parents() -> None:
    c = Container("/nowhere", {"Mounts": [{"Destination": "/a/b/c"}, {"Destination": "/x"}]},
                  {})
    assert mount_points(c) == {"a", "a/b", "a/b/c", "x"}


@pytest.mark.parametrize(("spec", "key"), [
    ("80", "80/tcp"), ("80/udp", "80/udp"), ("80/tcp/x", "80/tcp/x"), ("080", "080/tcp"),
    ("80-81", "80-81/tcp"), ("/udp", "/udp"), ("0", "0/tcp"), ("80-81-x", "80-81-x/tcp"),
])
def test_port_keys_as_the_docker_client(spec: str, key: str) -> None:
    assert port_key(spec) == key


@pytest.mark.parametrize(("spec", "message"), [
    ("abc", 'strconv.ParseUint: parsing "abc": invalid syntax'),
    ("80/", 'strconv.ParseUint: parsing "80/": invalid syntax'),
    ("99999", 'strconv.ParseUint: parsing "99999": value out of range'),
    ("81-80", "Invalid range specified for the Port: 81-80"),
    ("+80", 'strconv.ParseUint: parsing "+80": invalid syntax'),
    ("٣", 'strconv.ParseUint: parsing "٣": invalid syntax'),
])
def test_port_errors_as_the_docker_client(spec: str, message: str) -> None:
    with pytest.raises(ContainerError) as info:
        port_key(spec)
    assert info.value.message == message


def test_rename_rules(tmp_path: Path) -> None:
    containers = Containers(tmp_path)
    a = containers.create({"Name": "alpha"})
    b = containers.create({"Name": "beta"})
    assert containers.rename("alpha", "/gamma").name == "gamma"
    assert containers.get("gamma").id == a.id
    assert containers.names() == {"gamma", "beta"}
    with pytest.raises(ContainerError, match="No such container: alpha"):
        containers.rename("alpha", "delta")
    with pytest.raises(ContainerError) as info:
        containers.rename(a.id[:12], "gamma")
    assert info.value.message == "Renaming a container with the same name as its current name"
    with pytest.raises(ContainerError) as info:
        containers.rename("gamma", "beta")
    assert info.value.message == (
        'Error when allocating new name: Conflict. The container name "/beta" is already in '
        f'use by container "{b.id}". You have to remove (or rename) that container to be '
        "able to reuse that name.")
    for bad in ("b@d", "x", "-x"):
        with pytest.raises(ContainerError) as info:
            containers.rename("gamma", bad)
        assert info.value.message == (f"Error when allocating new name: Invalid container name "
                                      f"(/{bad}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
    assert containers.names() == {"gamma", "beta"}


def _create(root: str, name: str) -> str:
    try:
        return Containers(root).create({"Name": name}).id
    except ContainerError:
        return ""


def _rename(root: str, ref: str, name: str) -> str:
    try:
        return Containers(root).rename(ref, name).id
    except ContainerError:
        return ""


def test_rename_and_create_never_share_a_name(tmp_path: Path) -> None:
    root = str(tmp_path)
    olds = [Containers(root).create({"Name": f"old{i}"}).name for i in range(12)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(6) as pool:
        jobs = []
        for i, old in enumerate(olds):
            jobs.append(pool.apply_async(_rename, (root, old, f"n{i // 2}")))
            jobs.append(pool.apply_async(_create, (root, f"n{i // 2}")))
        won = [j.get(timeout=60) for j in jobs]
    names = [c.name for c in Containers(root).all()]
    assert len(names) == len(set(names))  # no name twice
    assert sum(1 for w in won if w) == 6  # each of the six names went to one contender
    assert {f"n{i}" for i in range(6)} <= set(names)
